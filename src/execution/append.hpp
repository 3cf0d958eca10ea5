// Append: the rows of each child in turn (a partitioned table's partitions). With no child it
// yields nothing, shown as PostgreSQL shows a scan proven empty ("Result", "One-Time Filter:
// false").
#pragma once
#include <functional>

#include "execution/operators.hpp"

namespace tusk {

class AppendOp : public Operator {
 public:
  explicit AppendOp(std::vector<OpP> children);
  // Run-time pruning: at each Open, which children to run (all when unset).
  std::function<std::vector<bool>(EvalContext*)> keep;
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
