// Append: the rows of each child in turn (a partitioned table's partitions). With no child it
// yields nothing, shown as PostgreSQL shows a scan proven empty ("Result", "One-Time Filter:
// false").
#pragma once
#include "execution/operators.hpp"

namespace tusk {

class AppendOp : public Operator {
 public:
  explicit AppendOp(std::vector<OpP> children);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  std::vector<OpP> children;

 private:
  EvalContext* ctx_ = nullptr;
  size_t current_ = 0;
};

}  // namespace tusk
