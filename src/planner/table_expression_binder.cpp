#include "planner/table_expression_binder.hpp"

namespace tusk {

namespace {
ExecState WithCatalog(const ExecState& st, const Catalog& cat) {
  ExecState copy = st;
  copy.catalog = std::make_shared<Catalog>(cat);
  return copy;
}
}  // namespace

TableExpressionBinder::TableExpressionBinder(ExecState* st, const Catalog& cat, const TableDef& t, const char* clause)
    : table_(t), state_(WithCatalog(*st, cat)), planner_(&state_, &params_) {
  scope_.Add(planner_.TableScopeRel(&t, t.name));
  planner_.binder().set_clause(clause);
}

ExprP TableExpressionBinder::Bind(Node* expr) {
  NoFold no_fold;  // judge what the expression calls, not what folding leaves of it
  return planner_.binder().BindStored(expr, scope_, table_.schema);
}

}  // namespace tusk
