// Scans a system relation: lists its rows from the statement's catalog when opened.
#pragma once
#include "catalog/system/system_relation.hpp"
#include "execution/operators.hpp"

namespace tusk {

class SystemScanOp : public Operator {
 public:
  // `owned`: a relation made for one plan, kept alive with it.
  SystemScanOp(const SystemRelation* rel, std::string alias, std::shared_ptr<const SystemRelation> owned = nullptr);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { rows_.clear(); rows_.shrink_to_fit(); }

 private:
  const SystemRelation* rel_;
  std::shared_ptr<const SystemRelation> owned_;
  std::string alias_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
  const ExecState* state_ = nullptr;
};

}  // namespace tusk
