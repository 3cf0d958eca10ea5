#include "execution/cte.hpp"

namespace tusk {

bool CteBuffer::Fetch(Operator* producer, size_t i) {
  while (i >= rows.size()) {
    if (filled) return false;
    Row r;
    if (!producer->Next(&r)) {
      filled = true;
      return false;
    }
    held.AddRow(ctx.state, r);
    rows.push_back(std::move(r));
  }
  return true;
}

void CteScanOp::Open(EvalContext* ctx) {
  pos_ = 0;
  if (correlated) {
    EvalContext c = *ctx;
    c.outer.erase(c.outer.begin(), c.outer.begin() + static_cast<std::ptrdiff_t>(std::min(nested, c.outer.size())));
    buffer->held.Clear();
    buffer->rows = RunToVector(producer.get(), &c, &buffer->held);
    buffer->filled = true;
    return;
  }
  streaming_ = buffer->readers == 1 && !buffer->prefilled;
  streamed_all_ = false;
  if (buffer->started && buffer->exec_id == ctx->state->exec_id && !streaming_) return;
  static const Row kNoRow;
  buffer->rows.clear();
  buffer->held.Clear();
  buffer->filled = false;
  buffer->ctx = EvalContext{};
  buffer->ctx.row = &kNoRow;
  buffer->ctx.state = ctx->state;
  buffer->exec_id = ctx->state->exec_id;
  buffer->started = true;
  producer->Open(&buffer->ctx);
}

bool CteScanOp::Next(Row* out) {
  if (streaming_) {
    if (streamed_all_) return false;
    if (producer->Next(out)) return true;
    streamed_all_ = true;
    return false;
  }
  if (!buffer->Fetch(producer.get(), pos_)) return false;
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

void RecursiveUnionOp::Release() {
  round_ = {};
  distinct_ = {};
  seen_ = {};
  working->clear();
  round_held_.Clear();
  working_held_.Clear();
  distinct_held_.Clear();
}

void RecursiveUnionOp::Open(EvalContext* ctx) {
  ReleaseAtEnd(ctx);
  ctx_ = ctx;
  Release();
  base->Open(ctx);
  phase_ = Phase::kBase;
}

bool RecursiveUnionOp::Fresh(const Row& r) {
  if (all) return true;
  size_t w = types.size();
  size_t h = HashRow(types, r, w);
  auto range = seen_.equal_range(h);
  for (auto it = range.first; it != range.second; ++it)
    if (RowsEqual(types, distinct_[it->second], r, w)) return false;
  seen_.emplace(h, distinct_.size());
  distinct_held_.AddRow(ctx_->state, r);
  distinct_.push_back(r);
  return true;
}

bool RecursiveUnionOp::Next(Row* out) {
  Row r;
  while (phase_ != Phase::kDone) {
    Operator* term = phase_ == Phase::kBase ? base.get() : recursive.get();
    while (term->Next(&r)) {
      if (!Fresh(r)) continue;
      round_held_.AddRow(ctx_->state, r);
      round_.push_back(r);
      *out = std::move(r);
      return true;
    }
    // The round is over: its rows are the next round's working table.
    CheckCancel(ctx_);
    if (round_.empty()) {
      phase_ = Phase::kDone;
      working->clear();
      working_held_.Clear();
      break;
    }
    *working = std::move(round_);
    round_.clear();
    working_held_.Clear();
    working_held_.Swap(round_held_);
    recursive->Open(ctx_);
    phase_ = Phase::kRecursive;
  }
  return false;
}

void RecursiveUnionOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Recursive Union");
  base->Explain(out, depth + 1);
  recursive->Explain(out, depth + 1);
}

}  // namespace tusk
