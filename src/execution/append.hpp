// Append: the rows of each child in turn (a partitioned table's partitions). With no child it
// yields nothing, shown as PostgreSQL shows a scan proven empty ("Result", "One-Time Filter:
// false").
#pragma once
#include <functional>

#include "execution/operators.hpp"

namespace tusk {

// While EXPLAIN prints a plan: the statement's context, in which an Append runs its run-time
// pruning as PostgreSQL's executor start-up does, to show only the children it keeps and
// "Subplans Removed: N".
class ExplainStartup {
 public:
  explicit ExplainStartup(EvalContext* ctx);
  ~ExplainStartup();
  static EvalContext* Current();

 private:
  EvalContext* saved_;
};

class AppendOp : public Operator {
 public:
  explicit AppendOp(std::vector<OpP> children);
  // Run-time pruning: at each Open, which children to run (all when unset).
  std::function<std::vector<bool>(EvalContext*)> keep;
  // Whether `keep` can run at EXPLAIN (start-up pruning: parameters and stable calls only). A
  // condition on an enclosing query's row prunes per outer row, and EXPLAIN shows every child.
  bool keep_at_startup = false;
  // The children's aliases are `alias`_1, _2, ... (planner/partitioned_scan.cpp). EXPLAIN numbers
  // the children it shows, as PostgreSQL's does, so with some removed at start-up the rest are
  // renumbered in its output.
  std::string alias;
  // The children aggregate one partition each (planner/partitionwise_aggregate.hpp): EXPLAIN
  // names the first one's relation `alias`, the next `alias`_1, ..., as PostgreSQL's, whose plan
  // then has no parent relation.
  bool partitionwise = false;
  // When set, per child: the OID each of its rows carries at its end (a partitioned table's
  // tableoid column).
  std::vector<uint32_t> child_relations;
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  std::vector<OpP> children;

 private:
  // The next child to run from `from` on, opened; children.size() when none is left.
  size_t OpenNext(size_t from);
  EvalContext* ctx_ = nullptr;
  size_t current_ = 0;
  std::vector<bool> active_;
};

}  // namespace tusk
