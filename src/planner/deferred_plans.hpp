// What select_planner.cpp and parameterized_joins.cpp share while a query level is planned:
// operators whose choice waits until the FROM list and WHERE are known.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "execution/operators.hpp"
#include "planner/planner.hpp"

namespace tusk {

// Stands in for an operator chosen later: a base-table scan until WHERE conjuncts have been
// pushed down to it, a join until its method is chosen (see ResolveJoins).
class DeferredOp : public Operator {
 public:
  OpP child;
  void Open(EvalContext* ctx) override { child->Open(ctx); }
  bool Next(Row* out) override { return child->Next(out); }
  void Explain(std::vector<std::string>* out, int depth) const override { child->Explain(out, depth); }
  bool ReadsEnclosingRows() const override { return !child || child->ReadsEnclosingRows(); }
};

struct ScanLeaf {
  const TableDef* table;
  std::string alias;
  size_t rel_index;
  bool nullable;
  std::shared_ptr<DeferredOp> op;
  std::vector<ExprP> conds;
  const std::vector<OrderHint>* order = nullptr;
  bool* ordered = nullptr;
  bool emit_key = false;  // FOR UPDATE: the scan also returns each row's storage key
};

struct PendingJoin {
  std::shared_ptr<DeferredOp> op;
  OpP left, right;
  int left_width;
  std::vector<ExprP> conjuncts;
  NestedLoopJoinOp::Kind kind;
  size_t left_rel_begin, left_rel_end;  // the scope relations of the left side
  std::shared_ptr<ScanLeaf> inner;      // the right side: a table with an index on a join key
  // Equalities the inner scan can take as index conditions: (inner column, outer-row column).
  std::vector<std::pair<ExprP, ExprP>> keys;
};

}  // namespace tusk
