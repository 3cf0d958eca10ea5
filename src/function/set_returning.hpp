// Set-returning functions (generate_series, unnest): each call produces a set of rows, used as
// a FROM item or, one value per row, in a select list. Rows are produced one at a time, so that
// `generate_series(1, 1e12::bigint)` counts in constant memory and stops at LIMIT.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "binder/binder.hpp"

namespace tusk {

// Yields a call's rows one at a time; false when there are no more.
using RowGenerator = std::function<bool(Row*)>;
// A generator over rows computed in advance (for functions whose result is small by nature).
RowGenerator YieldRows(std::vector<Row> rows);

struct SetFunction {
  std::string name;
  std::vector<ExprP> args;                  // coerced arguments
  std::vector<Type> types;                  // output columns
  std::vector<std::string> columns;         // default column names
  // Starts a call with the given argument values. The generator may keep ctx.state (the
  // statement's), never ctx itself.
  std::function<RowGenerator(const std::vector<Value>&, EvalContext&)> generate;
  // In a select list, what the call stands for: one output column, or (-1) the whole row as
  // a record (a call with several columns; `(f(x)).col` picks one).
  int select_column = 0;
  // In a select list, the ProjectSet step that runs the call: 0 for the lowest, else one above
  // the deepest call among its arguments (`generate_series(1, generate_series(1, 3))`).
  int level = 0;
  // A function whose one column is an OUT parameter (jsonb_array_elements' value) keeps that
  // column's name under a FROM alias; other one-column functions take the alias's name.
  bool named_column = false;
};

// Binds a call of one set-returning function: coerces the arguments into f.args, fills in the
// output columns and the generator, and throws 42883 (NoSuchSetFunction) when no overload
// matches. `shown` is the name as the call wrote it.
using SetFunctionBinder = void (*)(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f);
// Adds a set-returning function of pg_catalog (type families register theirs at start-up).
void RegisterSetFunction(const std::string& name, SetFunctionBinder bind);
[[noreturn]] void NoSuchSetFunction(const std::string& name, const std::vector<ExprP>& args, int location);
// Registered by src/types/json.
void RegisterJsonbSetFunctions();
void RegisterJsonSetFunctions();
void RegisterJsonRecordSetFunctions();
void RegisterJsonPathSetFunctions();  // jsonb_path_query[_tz]  // json[b]_to_recordset, json[b]_populate_recordset

bool IsSetReturningFunction(const std::string& name);
// Throws 42883 unless the call's name is qualified as its function's schema allows:
// information_schema's helpers (_pg_expandarray) only with that schema, the others
// unqualified or with pg_catalog.
void CheckSetFunctionSchema(PgQuery__FuncCall* call, const std::vector<ExprP>& args);
// Binds a call; throws 42883 when no overload matches (naming the function as `written`, the
// call's possibly qualified name, when given).
SetFunction BindSetFunction(Binder& b, const std::string& name, std::vector<ExprP> args, int location,
                            const std::string& written = {});

}  // namespace tusk
