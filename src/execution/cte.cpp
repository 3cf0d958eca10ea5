#include "execution/cte.hpp"

#include <unordered_map>

namespace tusk {

void CteScanOp::Open(EvalContext* ctx) {
  if (!buffer->filled || buffer->exec_id != ctx->state->exec_id) {
    buffer->rows = RunToVector(producer.get(), ctx);
    buffer->exec_id = ctx->state->exec_id;
    buffer->filled = true;
  }
  pos_ = 0;
}

bool CteScanOp::Next(Row* out) {
  if (pos_ >= buffer->rows.size()) return false;
  *out = buffer->rows[pos_++];
  return true;
}

void CteScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "CTE Scan on " + name + (alias.empty() || alias == name ? "" : " " + alias));
}

bool WorkTableScanOp::Next(Row* out) {
  if (pos_ >= working->size()) return false;
  *out = (*working)[pos_++];
  return true;
}

void WorkTableScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "WorkTable Scan on " + name);
}

void RecursiveUnionOp::Open(EvalContext* ctx) {
  rows_.clear();
  pos_ = 0;
  size_t w = types.size();
  std::unordered_multimap<size_t, size_t> seen;
  auto fresh = [&](const Row& r) {
    if (all) return true;
    size_t h = HashRow(types, r, w);
    auto range = seen.equal_range(h);
    for (auto it = range.first; it != range.second; ++it)
      if (RowsEqual(types, rows_[it->second], r, w)) return false;
    seen.emplace(h, rows_.size());
    return true;
  };
  std::vector<Row> round;
  for (Row& r : RunToVector(base.get(), ctx))
    if (fresh(r)) { rows_.push_back(r); round.push_back(std::move(r)); }
  while (!round.empty()) {
    CheckCancel(ctx);
    *working = std::move(round);
    round.clear();
    for (Row& r : RunToVector(recursive.get(), ctx))
      if (fresh(r)) { rows_.push_back(r); round.push_back(std::move(r)); }
  }
  working->clear();
}

bool RecursiveUnionOp::Next(Row* out) {
  if (pos_ >= rows_.size()) return false;
  *out = rows_[pos_++];
  return true;
}

void RecursiveUnionOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Recursive Union");
  base->Explain(out, depth + 1);
  recursive->Explain(out, depth + 1);
}

}  // namespace tusk
