// A correlated subquery in a grouped query's select list, HAVING or ORDER BY: it was bound over
// the query's FROM row (its outer references name FROM columns), but it runs once per group,
// whose row holds the GROUP BY values first. This operator gives the subquery's plan, as its
// enclosing row, a FROM-shaped row holding each grouped column's value where the FROM row has
// it (the binder made sure the subquery reads no other column, or raised 42803).
#pragma once
#include <utility>
#include <vector>

#include "execution/expr.hpp"
#include "execution/operators.hpp"

namespace tusk {

class GroupedOuterRowOp : public Operator {
 public:
  // from_width: the FROM row's columns; from_group: (FROM column, group row column) pairs.
  GroupedOuterRowOp(OpP child, int from_width, std::vector<std::pair<int, int>> from_group);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override { return child->Next(out); }
  void Explain(std::vector<std::string>* out, int depth) const override { child->Explain(out, depth); }
  OpP child;

 private:
  int from_width_;
  std::vector<std::pair<int, int>> from_group_;
  Row row_;
  EvalContext ctx_;  // the caller's, with row_ as the nearest enclosing row
};

}  // namespace tusk
