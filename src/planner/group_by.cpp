// GROUP BY: its items bound over the FROM scope (expressions, select-list positions, output
// names), and grouping sets (ROLLUP, CUBE, GROUPING SETS) expanded into the list of column sets
// the aggregate groups by, the cross product of every item's alternatives.
#include <functional>

#include "common/error.hpp"
#include "planner/planner.hpp"

namespace tusk {

void Planner::BindGroupBy(PgQuery__SelectStmt* s, const Scope& scope, AggContext* agg) {
  // GROUP BY items: expressions, ordinals, output names, and grouping sets. Every item
  // contributes a list of alternative column sets; the query groups by their cross product.
  auto bind_group = [&](Node* g) -> int {
    if (g->node_case == PG_QUERY__NODE__NODE_A_CONST && g->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      int64_t pos = g->a_const->ival->ival;
      if (pos < 1 || pos > static_cast<int64_t>(s->n_target_list))
        ThrowAt(sqlstate::kInvalidColumnReference, "GROUP BY position " + std::to_string(pos) + " is not in select list", g->a_const->location);
      g = s->target_list[pos - 1]->res_target->val;
    }
    binder_.set_clause("GROUP BY");
    ExprP ge;
    try {
      ge = binder_.Bind(g, scope);
    } catch (const Error& e) {
      ge = nullptr;
      if (g->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && std::string(e.state()) == sqlstate::kUndefinedColumn) {
        std::string name = FigureColname(g);
        for (size_t k = 0; k < s->n_target_list && !ge; k++) {
          auto* rt = s->target_list[k]->res_target;
          if (rt->name && name == rt->name) ge = binder_.Bind(rt->val, scope);
        }
      }
      if (!ge) throw;
    }
    binder_.set_clause("WHERE");
    for (size_t k = 0; k < agg->groups.size(); k++)
      if (agg->groups[k]->Key() == ge->Key()) return static_cast<int>(k);
    agg->groups.push_back(ge);
    return static_cast<int>(agg->groups.size() - 1);
  };
  using Sets = std::vector<std::vector<int>>;
  std::function<std::vector<int>(Node*)> unit = [&](Node* n) {
    std::vector<int> cols;
    if (n->node_case == PG_QUERY__NODE__NODE_ROW_EXPR) {
      for (size_t i = 0; i < n->row_expr->n_args; i++) cols.push_back(bind_group(n->row_expr->args[i]));
    } else if (n->node_case == PG_QUERY__NODE__NODE_LIST) {
      for (size_t i = 0; i < n->list->n_items; i++) cols.push_back(bind_group(n->list->items[i]));
    } else {
      cols.push_back(bind_group(n));
    }
    return cols;
  };
  auto concat = [](std::vector<int> a, const std::vector<int>& b) { a.insert(a.end(), b.begin(), b.end()); return a; };
  std::function<Sets(Node*)> expand = [&](Node* n) -> Sets {
    if (n->node_case != PG_QUERY__NODE__NODE_GROUPING_SET) return {unit(n)};
    auto* gs = n->grouping_set;
    Sets out;
    switch (gs->kind) {
      case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_EMPTY: return {{}};
      case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SIMPLE: {
        std::vector<int> cols;
        for (size_t i = 0; i < gs->n_content; i++) cols = concat(cols, unit(gs->content[i]));
        return {cols};
      }
      case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_ROLLUP: {
        std::vector<std::vector<int>> units;
        for (size_t i = 0; i < gs->n_content; i++) units.push_back(unit(gs->content[i]));
        for (size_t len = units.size() + 1; len-- > 0;) {
          std::vector<int> cols;
          for (size_t i = 0; i < len; i++) cols = concat(cols, units[i]);
          out.push_back(cols);
        }
        return out;
      }
      case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_CUBE: {
        std::vector<std::vector<int>> units;
        for (size_t i = 0; i < gs->n_content; i++) units.push_back(unit(gs->content[i]));
        if (units.size() > 12) throw Error(sqlstate::kProgramLimitExceeded, "CUBE is limited to 12 elements");
        size_t n_units = units.size();
        for (size_t mask = (size_t{1} << n_units); mask-- > 0;) {
          std::vector<int> cols;
          for (size_t i = 0; i < n_units; i++)
            if (mask & (size_t{1} << (n_units - 1 - i))) cols = concat(cols, units[i]);
          out.push_back(cols);
        }
        return out;
      }
      default: {  // GROUPING SETS (...)
        for (size_t i = 0; i < gs->n_content; i++)
          for (auto& sub : expand(gs->content[i])) out.push_back(sub);
        return out;
      }
    }
  };
  Sets product{{}};
  bool any_set = false;
  for (size_t i = 0; i < s->n_group_clause; i++) {
    any_set |= s->group_clause[i]->node_case == PG_QUERY__NODE__NODE_GROUPING_SET;
    Sets item = expand(s->group_clause[i]);
    Sets next;
    for (auto& a : product)
      for (auto& b : item) next.push_back(concat(a, b));
    product = next;
  }
  if (any_set) *agg->sets = product;
}

}  // namespace tusk
