#include "execution/hashed_lookup.hpp"

#include <algorithm>

#include "execution/exec_state.hpp"
#include "types/compare.hpp"

namespace tusk {

HashedLookupOp::HashedLookupOp(OpP s, ExprP k, ExprP p, ExprP r, OpP sh)
    : scan(std::move(s)), shown(std::move(sh)), key(std::move(k)), probe(std::move(p)), residual(std::move(r)) {
  names = scan->names;
  types = scan->types;
}

void HashedLookupOp::Build(EvalContext* ctx) {
  table_.clear();
  rows_.clear();
  held_.Clear();
  scan->Open(ctx);
  Row r;
  while (scan->Next(&r)) {
    EvalContext c = *ctx;
    c.row = &r;
    Value k = key->Eval(c);
    if (k.is_null()) continue;  // = is strict: a NULL key matches nothing
    held_.AddRow(ctx->state, r);
    if ((table_.size() & 1023) == 1023) CheckCancel(ctx);
    table_.emplace(HashValue(key->type, k), rows_.size());
    rows_.emplace_back(std::move(k), std::move(r));
  }
  built_ = true;
  built_exec_ = ctx->state ? ctx->state->exec_id : 0;
}

void HashedLookupOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  ReleaseAtEnd(ctx);
  // The table's rows are the same for every outer row of one statement execution; a cached
  // plan executed again reads them again. Without a statement (no exec id) nothing is kept.
  if (!built_ || !ctx->state || built_exec_ != ctx->state->exec_id) Build(ctx);
  matches_.clear();
  pos_ = 0;
  Value p = probe->Eval(*ctx);
  if (p.is_null()) return;
  auto range = table_.equal_range(HashValue(key->type, p));
  for (auto it = range.first; it != range.second; ++it)
    if (CompareValues(key->type, p, rows_[it->second].first) == 0) matches_.push_back(it->second);
  // In the scan's order, as the sequential scan would return them.
  std::sort(matches_.begin(), matches_.end());
}

bool HashedLookupOp::Next(Row* out) {
  while (pos_ < matches_.size()) {
    *out = rows_[matches_[pos_++]].second;
    if (!residual) return true;
    EvalContext c = *ctx_;
    c.row = out;
    if (IsTrue(residual->Eval(c))) return true;
  }
  return false;
}

void HashedLookupOp::Release() {
  table_ = {};
  rows_ = {};
  matches_ = {};
  held_.Clear();
  built_ = false;
}

}  // namespace tusk
