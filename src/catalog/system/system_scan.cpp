#include "catalog/system/system_scan.hpp"

#include "common/error.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

SystemScanOp::SystemScanOp(const SystemRelation* rel, std::string alias, std::shared_ptr<const SystemRelation> owned)
    : rel_(rel), owned_(std::move(owned)), alias_(std::move(alias)) {
  for (const auto& c : rel_->columns) {
    names.push_back(c.name);
    types.push_back(c.type);
  }
}

void SystemScanOp::Open(EvalContext* ctx) {
  ReleaseAtEnd(ctx);
  // A nested loop re-opens its inner scan once per outer row: each opening is a point where a
  // cancel or statement_timeout must be able to stop the statement.
  state_ = ctx->state;
  CheckInterrupts(state_);
  rows_.clear();
  pos_ = 0;
  rel_->rows(*ctx->state, &rows_);
  for (const Row& r : rows_)
    if (r.size() != rel_->columns.size())
      throw Error(sqlstate::kInternalError, "system relation \"" + rel_->name + "\" produced a row of " + std::to_string(r.size()) +
                                                " values for " + std::to_string(rel_->columns.size()) + " columns");
}

bool SystemScanOp::Next(Row* out) {
  if (pos_ >= rows_.size()) return false;
  if ((pos_ & 255) == 255) CheckInterrupts(state_);
  *out = rows_[pos_++];
  return true;
}

void SystemScanOp::Explain(std::vector<std::string>* out, int depth) const {
  std::string label = "Seq Scan on " + rel_->name;
  if (!alias_.empty() && alias_ != rel_->name) label += " " + alias_;
  ExplainLine(out, depth, label);
}

}  // namespace tusk
