// Binding an expression over the row of a table being defined or altered (a generation
// expression, a partition key expression), against a catalog that may not hold the table
// yet: what such an expression calls is judged unfolded (NoFold), so that volatility checks
// see every call.
#pragma once
#include <string>

#include "planner/planner.hpp"

namespace tusk {

class TableExpressionBinder {
 public:
  // `clause` (a literal: the binder keeps the pointer) names the expression in its errors.
  TableExpressionBinder(ExecState* st, const Catalog& cat, const TableDef& t, const char* clause);
  ExprP Bind(Node* expr);
  Planner& planner() { return planner_; }

 private:
  const TableDef& table_;
  ParamTypes params_;
  ExecState state_;
  Planner planner_;
  Scope scope_;
};

}  // namespace tusk
