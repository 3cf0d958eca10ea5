// Set-returning functions (generate_series, unnest): each call produces a set of rows, used as
// a FROM item or, one value per row, in a select list.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "binder/binder.hpp"

namespace tusk {

struct SetFunction {
  std::string name;
  std::vector<ExprP> args;                  // coerced arguments
  std::vector<Type> types;                  // output columns
  std::vector<std::string> columns;         // default column names
  // Produces every row for the given argument values.
  std::function<std::vector<Row>(const std::vector<Value>&, EvalContext&)> generate;
};

bool IsSetReturningFunction(const std::string& name);
// Binds a call; throws 42883 when no overload matches.
SetFunction BindSetFunction(Binder& b, const std::string& name, std::vector<ExprP> args, int location);

}  // namespace tusk
