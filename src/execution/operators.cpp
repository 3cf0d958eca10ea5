#include "execution/operators.hpp"

#include "execution/aggregate.hpp"
#include "execution/correlation.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "types/compare.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

void ExplainLine(std::vector<std::string>* out, int depth, const std::string& text, bool detail) {
  // depth 0: root; children are "->  " at 2 + 6*(depth-1) spaces; details indent under the node
  std::string pad;
  if (depth == 0) {
    pad = detail ? "  " : "";
  } else {
    pad = std::string(static_cast<size_t>(6 * (depth - 1) + 2), ' ');
    pad += detail ? "      " : "->  ";
  }
  out->push_back(pad + text);
}

NestedStatementScope::NestedStatementScope(ExecState* st, std::vector<Value> params)
    : st_(st), saved_params_(std::move(st->params)), saved_exec_id_(st->exec_id) {
  static std::atomic<uint64_t> next_exec_id{1ull << 62};  // above the ids statements get
  st->params = std::move(params);
  st->exec_id = next_exec_id++;
}

NestedStatementScope::~NestedStatementScope() {
  st_->params = std::move(saved_params_);
  st_->exec_id = saved_exec_id_;
}

void CheckInterrupts(const ExecState* st) {
  if (!st) return;
  if (st->client_lost && st->client_lost->load(std::memory_order_relaxed))
    throw Error(sqlstate::kConnectionFailure, "connection to client lost");
  if (st->cancel && st->cancel->load(std::memory_order_relaxed))
    throw Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
  if (st->deadline != std::chrono::steady_clock::time_point::max() && std::chrono::steady_clock::now() >= st->deadline)
    throw Error(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
}

void CheckCancel(const EvalContext* ctx) {
  if (ctx) CheckInterrupts(ctx->state);
}

std::vector<Row> RunToVector(Operator* op, EvalContext* ctx, MemoryCharge* held) {
  MemoryCharge filling("Materialize");
  if (!held) held = &filling;
  const ExecState* st = ctx ? ctx->state : nullptr;
  std::vector<Row> rows;
  op->Open(ctx);
  Row r;
  while (op->Next(&r)) {
    held->AddRow(st, r);
    rows.push_back(r);
    if ((rows.size() & 1023) == 0) CheckCancel(ctx);
  }
  return rows;
}

size_t HashRow(const std::vector<Type>& types, const Row& r, size_t width) {
  size_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < width; i++) h = (h ^ HashValue(types[i], r[i])) * 1099511628211ULL;
  return h;
}

bool RowsEqual(const std::vector<Type>& types, const Row& a, const Row& b, size_t width) {
  for (size_t i = 0; i < width; i++) {
    if (a[i].is_null() != b[i].is_null()) return false;
    if (!a[i].is_null() && CompareValues(types[i], a[i], b[i]) != 0) return false;
  }
  return true;
}

// ---- Values ----
bool ValuesOp::Next(Row* out) {
  if (pos_ >= rows.size()) return false;
  out->clear();
  EvalContext c = *ctx_;
  Row empty;
  c.row = &empty;
  for (const auto& e : rows[pos_]) out->push_back(e->Eval(c));
  pos_++;
  return true;
}

void ValuesOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Values Scan on \"*VALUES*\"");
}

// ---- Filter ----
bool FilterOp::Next(Row* out) {
  while (child->Next(out)) {
    EvalContext c = *ctx_;
    c.row = out;
    if (IsTrue(pred->Eval(c))) return true;
  }
  return false;
}

void FilterOp::Explain(std::vector<std::string>* out, int depth) const {
  // The filter is a detail of the node below it (a HAVING's, of its aggregate): after that
  // node's own details, before the nodes under it.
  const size_t start = out->size();
  child->Explain(out, depth);
  size_t at = start + 1;
  while (at < out->size() && (*out)[at].find_first_not_of(' ') != (*out)[at].find("->")) at++;
  std::vector<std::string> line;
  ExplainLine(&line, depth, "Filter: " + pred->ToSql(), true);
  out->insert(out->begin() + static_cast<long>(at), line[0]);
}

// ---- Project ----
void ProjectOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  child->Open(ctx);
  if (analyzed_) return;  // an inner side opens once per outer row; the plan does not change
  analyzed_ = true;
  moves_.assign(exprs.size(), -1);
  std::vector<int> last_use(child->types.size(), -1);  // a column referenced twice is copied, then moved
  for (size_t i = 0; i < exprs.size(); i++) {
    auto* col = dynamic_cast<const ColumnExpr*>(exprs[i].get());
    if (!col || col->level != 0 || col->index < 0 || static_cast<size_t>(col->index) >= last_use.size()) continue;
    moves_[i] = col->index;
    last_use[static_cast<size_t>(col->index)] = static_cast<int>(i);
  }
  identity_ = exprs.size() == child->types.size();
  for (size_t i = 0; i < exprs.size() && identity_; i++) identity_ = moves_[i] == static_cast<int>(i);
  for (size_t i = 0; i < exprs.size(); i++)
    if (moves_[i] >= 0 && last_use[static_cast<size_t>(moves_[i])] != static_cast<int>(i)) moves_[i] = -1;
}

bool ProjectOp::Next(Row* out) {
  if (!child->Next(&in_)) return false;
  if (identity_ && in_.size() == exprs.size()) {
    std::swap(*out, in_);
    return true;
  }
  EvalContext c = *ctx_;
  c.row = &in_;
  out->resize(exprs.size());
  // Computed values first, while the input row is whole; then the moved columns.
  for (size_t i = 0; i < exprs.size(); i++)
    if (moves_[i] < 0) (*out)[i] = exprs[i]->Eval(c);
  for (size_t i = 0; i < exprs.size(); i++)
    if (moves_[i] >= 0) (*out)[i] = std::move(in_[static_cast<size_t>(moves_[i])]);
  return true;
}

// ---- Nested loop join ----
NestedLoopJoinOp::NestedLoopJoinOp(OpP l, OpP r, ExprP c, Kind k)
    : left(std::move(l)), right(std::move(r)), cond(std::move(c)), kind(k) {
  names = left->names;
  names.insert(names.end(), right->names.begin(), right->names.end());
  types = left->types;
  types.insert(types.end(), right->types.begin(), right->types.end());
}

void Operator::ReleaseAtEnd(EvalContext* ctx) {
  if (release_pending_ || !ctx->state) return;
  release_pending_ = true;
  ctx->state->opened.push_back(this);
}

void ReleaseOpened(ExecState* st) {
  for (Operator* op : st->opened) {
    op->Release();
    op->release_pending_ = false;
  }
  st->opened.clear();
}

ForgetOpenedSince::ForgetOpenedSince(ExecState* st) : st_(st), before_(st->opened.size()) {}

ForgetOpenedSince::~ForgetOpenedSince() { st_->opened.resize(std::min(before_, st_->opened.size())); }

void NestedLoopJoinOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  ReleaseAtEnd(ctx);
  left->Open(ctx);
  held_.Clear();
  right_rows_ = RunToVector(right.get(), ctx, &held_);
  right_matched_.assign(right_rows_.size(), false);
  have_left_ = false;
  left_done_ = false;
  unmatched_pos_ = 0;
}

bool NestedLoopJoinOp::Next(Row* out) {
  size_t lw = left->types.size(), rw = right->types.size();
  while (!left_done_) {
    if (!have_left_) {
      if (!left->Next(&left_row_)) { left_done_ = true; break; }
      have_left_ = true;
      left_matched_ = false;
      rpos_ = 0;
    }
    while (rpos_ < right_rows_.size()) {
      if ((rpos_ & 1023) == 0) CheckCancel(ctx_);
      const Row& rr = right_rows_[rpos_++];
      Row joined = left_row_;
      joined.insert(joined.end(), rr.begin(), rr.end());
      bool ok = true;
      if (cond) {
        EvalContext c = *ctx_;
        c.row = &joined;
        ok = IsTrue(cond->Eval(c));
      }
      if (ok) {
        left_matched_ = true;
        right_matched_[rpos_ - 1] = true;
        *out = std::move(joined);
        return true;
      }
    }
    have_left_ = false;
    if (!left_matched_ && (kind == kLeft || kind == kFull)) {
      *out = left_row_;
      out->resize(lw + rw);
      return true;
    }
  }
  if (kind == kRight || kind == kFull) {
    while (unmatched_pos_ < right_rows_.size()) {
      size_t i = unmatched_pos_++;
      if (right_matched_[i]) continue;
      out->assign(lw, Value::Null());
      out->insert(out->end(), right_rows_[i].begin(), right_rows_[i].end());
      return true;
    }
  }
  return false;
}

void NestedLoopJoinOp::Explain(std::vector<std::string>* out, int depth) const {
  static const char* kNames[] = {"Nested Loop", "Nested Loop Left Join", "Nested Loop Right Join", "Nested Loop Full Join"};
  ExplainLine(out, depth, kNames[kind]);
  if (cond) ExplainLine(out, depth, "Join Filter: " + cond->ToSql(), true);
  left->Explain(out, depth + 1);
  right->Explain(out, depth + 1);
}

// ---- Hash join ----
HashJoinOp::HashJoinOp(OpP l, OpP r, std::vector<ExprP> lk, std::vector<ExprP> rk, ExprP ex, Kind k, std::string sql)
    : left(std::move(l)), right(std::move(r)), left_keys(std::move(lk)), right_keys(std::move(rk)),
      extra(std::move(ex)), kind(k), cond_sql(std::move(sql)) {
  names = left->names;
  names.insert(names.end(), right->names.begin(), right->names.end());
  types = left->types;
  types.insert(types.end(), right->types.begin(), right->types.end());
}

std::vector<Value> HashJoinOp::LeftKey(const Row& l) {
  EvalContext c = *ctx_;
  c.row = &l;
  std::vector<Value> k;
  for (auto& e : left_keys) k.push_back(e->Eval(c));
  return k;
}

bool FilterOp::ReadsEnclosingRows() const { return child->ReadsEnclosingRows() || PerOuterRow(pred); }

bool ProjectOp::ReadsEnclosingRows() const {
  if (child->ReadsEnclosingRows()) return true;
  for (const auto& e : exprs)
    if (PerOuterRow(e)) return true;
  return false;
}

void HashJoinOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  ReleaseAtEnd(ctx);
  matches_.clear();
  mpos_ = 0;
  if (right_reads_enclosing_ < 0) {
    bool reads = right->ReadsEnclosingRows();
    for (const auto& k : right_keys) reads = reads || PerOuterRow(k);
    right_reads_enclosing_ = reads;
  }
  const uint64_t exec = ctx->state ? ctx->state->exec_id : 0;
  if (exec != 0 && built_exec_ == exec && !right_reads_enclosing_) {
    left->Open(ctx);
    return;
  }
  built_exec_ = exec;
  table_.clear();
  held_.Clear();
  right->Open(ctx);
  Row r;
  std::vector<Type> kt;
  for (auto& e : right_keys) kt.push_back(e->type);
  size_t lw = left->types.size();
  while (right->Next(&r)) {
    // Right keys were bound against the joined row: evaluate them on NULL-padded rows.
    Row padded(lw);
    padded.insert(padded.end(), r.begin(), r.end());
    EvalContext c = *ctx;
    c.row = &padded;
    Row key;
    bool has_null = false;
    for (auto& e : right_keys) {
      key.push_back(e->Eval(c));
      has_null |= key.back().is_null();
    }
    if (has_null) continue;
    held_.AddRow(ctx->state, r);
    if ((table_.size() & 1023) == 1023) CheckCancel(ctx);
    table_.emplace(HashRow(kt, key, key.size()), r);
  }
  left->Open(ctx);
  matches_.clear();
  mpos_ = 0;
}

bool HashJoinOp::Next(Row* out) {
  size_t rw = right->types.size();
  std::vector<Type> kt;
  for (auto& e : right_keys) kt.push_back(e->type);
  for (;;) {
    while (mpos_ < matches_.size()) {
      Row joined = left_row_;
      const Row& rr = matches_[mpos_++];
      joined.insert(joined.end(), rr.begin(), rr.end());
      *out = std::move(joined);
      return true;
    }
    if (!left->Next(&left_row_)) return false;
    matches_.clear();
    mpos_ = 0;
    Row key = LeftKey(left_row_);
    bool has_null = false;
    for (auto& v : key) has_null |= v.is_null();
    if (!has_null) {
      auto range = table_.equal_range(HashRow(kt, key, key.size()));
      for (auto it = range.first; it != range.second; ++it) {
        Row padded(left->types.size());
        padded.insert(padded.end(), it->second.begin(), it->second.end());
        EvalContext c = *ctx_;
        c.row = &padded;
        bool eq = true;
        for (size_t i = 0; i < right_keys.size() && eq; i++) {
          Value rv = right_keys[i]->Eval(c);
          eq = CompareValues(kt[i], key[i], rv) == 0;
        }
        if (!eq) continue;
        if (extra) {
          Row joined = left_row_;
          joined.insert(joined.end(), it->second.begin(), it->second.end());
          EvalContext jc = *ctx_;
          jc.row = &joined;
          if (!IsTrue(extra->Eval(jc))) continue;
        }
        matches_.push_back(it->second);
      }
    }
    if (matches_.empty() && kind == kLeft) {
      *out = left_row_;
      out->resize(out->size() + rw);
      return true;
    }
  }
}

void HashJoinOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, kind == kLeft ? "Hash Left Join" : "Hash Join");
  ExplainLine(out, depth, "Hash Cond: " + cond_sql, true);
  if (extra) ExplainLine(out, depth, "Join Filter: " + extra->ToSql(), true);
  left->Explain(out, depth + 1);
  ExplainLine(out, depth + 1, "Hash");
  right->Explain(out, depth + 2);
}

// ---- Aggregation ----
AggregateOp::AggregateOp(OpP c, std::vector<ExprP> g, std::vector<AggSpec> a)
    : child(std::move(c)), groups(std::move(g)), aggs(std::move(a)) {
  for (auto& e : groups) { names.push_back(e->ToSql()); types.push_back(e->type); }
  for (auto& a2 : aggs) { names.push_back(a2.name); types.push_back(a2.result); }
  names.push_back("");  // grouping set index
  types.push_back(Type(oid::kInt4));
}

void AggregateOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  ReleaseAtEnd(ctx);
  results_.clear();
  held_.Clear();
  pos_ = 0;
  child->Open(ctx);
  std::vector<Type> gt;
  for (auto& e : groups) gt.push_back(e->type);
  gt.push_back(Type(oid::kInt4));  // grouping set index
  std::vector<std::vector<int>> grouping = sets.empty() ? std::vector<std::vector<int>>{{}} : sets;
  if (sets.empty()) for (size_t i = 0; i < groups.size(); i++) grouping[0].push_back(static_cast<int>(i));
  std::unordered_multimap<size_t, size_t> index;
  std::vector<Row> keys;
  std::vector<std::vector<AggState>> states;
  Row r;
  size_t seen = 0;
  while (child->Next(&r)) {
    if ((++seen & 1023) == 0) CheckCancel(ctx);
    EvalContext c = *ctx;
    c.row = &r;
    Row all;
    for (auto& e : groups) all.push_back(e->Eval(c));
    for (size_t si = 0; si < grouping.size(); si++) {
      Row key(groups.size());
      for (int g : grouping[si]) key[static_cast<size_t>(g)] = all[static_cast<size_t>(g)];
      key.push_back(Value::Int(static_cast<int64_t>(si)));
      size_t h = HashRow(gt, key, key.size());
      size_t slot = SIZE_MAX;
      auto range = index.equal_range(h);
      for (auto it = range.first; it != range.second; ++it)
        if (RowsEqual(gt, keys[it->second], key, key.size())) { slot = it->second; break; }
      if (slot == SIZE_MAX) {
        slot = keys.size();
        held_.Add(ctx->state, MemoryCharge::RowBytes(key) + static_cast<int64_t>(aggs.size() * sizeof(AggState)));
        keys.push_back(key);
        states.emplace_back(aggs.size());
        index.emplace(h, slot);
      }
      for (size_t i = 0; i < aggs.size(); i++) {
        const AggSpec& a = aggs[i];
        if (a.filter && !IsTrue(a.filter->Eval(c))) continue;
        Value v = a.arg ? a.arg->Eval(c) : Value::Bool(true);
        if (a.name == "count" && a.arg && v.is_null()) continue;
        if (a.name == "count" && a.distinct) {
          AggState& st = states[slot][i];
          size_t hv = HashValue(a.arg->type, v);
          bool dup = false;
          auto rg = st.seen.equal_range(hv);
          for (auto it = rg.first; it != rg.second; ++it)
            if (CompareValues(a.arg->type, it->second, v) == 0) { dup = true; break; }
          if (!dup) {
            held_.Add(ctx->state, MemoryCharge::ValueBytes(v));
            st.seen.emplace(hv, v);
            st.count++;
          }
          continue;
        }
        Value extra = a.arg2 ? a.arg2->Eval(c) : Value();
        if (!a.order.empty()) {
          Row ks;
          for (auto& k : a.order) ks.push_back(k->expr->Eval(c));
          held_.Add(ctx->state, MemoryCharge::RowBytes(ks) + MemoryCharge::ValueBytes(v) + MemoryCharge::ValueBytes(extra));
          states[slot][i].ordered.push_back({std::move(ks), v, extra});
          continue;
        }
        // Aggregates that keep their inputs (array_agg, string_agg, ...) grow with each one.
        size_t kept = states[slot][i].items.size() + states[slot][i].seen.size();
        Accumulate(a, states[slot][i], v, extra);
        if (states[slot][i].items.size() + states[slot][i].seen.size() > kept)
          held_.Add(ctx->state, MemoryCharge::ValueBytes(v) + MemoryCharge::ValueBytes(extra));
      }
    }
  }
  // Sets without grouping columns produce a row even over empty input.
  for (size_t si = 0; si < grouping.size(); si++) {
    if (!grouping[si].empty()) continue;
    bool present = false;
    for (auto& k : keys) present |= k.back().i() == static_cast<int64_t>(si);
    if (present) continue;
    Row key(groups.size());
    key.push_back(Value::Int(static_cast<int64_t>(si)));
    keys.push_back(key);
    states.emplace_back(aggs.size());
  }
  for (size_t k = 0; k < keys.size(); k++) {
    Row out(keys[k].begin(), keys[k].end() - 1);
    for (size_t i = 0; i < aggs.size(); i++) FeedOrdered(aggs[i], states[k][i]);
    for (size_t i = 0; i < aggs.size(); i++) out.push_back(Finish(aggs[i], states[k][i]));
    out.push_back(keys[k].back());
    results_.push_back(std::move(out));
  }
}

bool AggregateOp::Next(Row* out) {
  if (pos_ >= results_.size()) return false;
  *out = std::move(results_[pos_++]);
  return true;
}

void AggregateOp::Explain(std::vector<std::string>* out, int depth) const {
  if (groups.empty()) {
    ExplainLine(out, depth, "Aggregate");
  } else {
    ExplainLine(out, depth, "HashAggregate");
    std::vector<std::string> g;
    for (auto& e : groups) g.push_back(e->ToSql());
    std::string s;
    for (size_t i = 0; i < g.size(); i++) s += (i ? ", " : "") + g[i];
    ExplainLine(out, depth, "Group Key: " + s, true);
  }
  child->Explain(out, depth + 1);
}

// ---- Sort ----
// The input is read on the first Next, so that LIMIT 0 never evaluates it (as PostgreSQL).
void SortOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  ReleaseAtEnd(ctx);
  sorted_ = false;
  rows_.clear();
  held_.Clear();
  pos_ = 0;
}

void SortOp::Materialize() {
  sorted_ = true;
  EvalContext* ctx = ctx_;
  child->Open(ctx);
  std::vector<std::pair<Row, Row>> keyed;  // (sort keys, row)
  Row r;
  while (child->Next(&r)) {
    EvalContext c = *ctx;
    c.row = &r;
    Row k;
    for (auto& key : keys) k.push_back(key.expr->Eval(c));
    held_.Add(ctx->state, MemoryCharge::RowBytes(k) + MemoryCharge::RowBytes(r));
    keyed.emplace_back(std::move(k), r);
    if ((keyed.size() & 1023) == 0) CheckCancel(ctx);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    for (size_t i = 0; i < keys.size(); i++) {
      int c = CompareNullable(keys[i].expr->type, a.first[i], b.first[i], keys[i].nulls_first);
      if (a.first[i].is_null() || b.first[i].is_null()) {
        if (c) return c < 0;
        continue;
      }
      if (keys[i].desc) c = -c;
      if (c) return c < 0;
    }
    return false;
  });
  for (auto& kr : keyed) rows_.push_back(std::move(kr.second));
}

bool SortOp::Next(Row* out) {
  if (!sorted_) Materialize();
  if (pos_ >= rows_.size()) return false;
  *out = std::move(rows_[pos_++]);
  return true;
}

void SortOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Sort");
  std::string s;
  for (size_t i = 0; i < keys.size(); i++) {
    s += (i ? ", " : "") + (i < key_sql.size() ? key_sql[i] : keys[i].expr->ToSql());
    if (keys[i].desc) s += " DESC";
    if (keys[i].nulls_first && !keys[i].desc) s += " NULLS FIRST";
    if (!keys[i].nulls_first && keys[i].desc) s += " NULLS LAST";
  }
  ExplainLine(out, depth, "Sort Key: " + s, true);
  child->Explain(out, depth + 1);
}

// ---- Limit ----
void LimitOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  child_opened_ = false;
  have_last_ = false;
  Row empty;
  EvalContext c = *ctx;
  c.row = &empty;
  remaining_ = -1;
  skip_ = 0;
  if (limit) {
    Value v = limit->Eval(c);
    if (!v.is_null()) {
      if (v.i() < 0) throw Error("2201W", "LIMIT must not be negative");
      remaining_ = v.i();
    }
  }
  if (offset) {
    Value v = offset->Eval(c);
    if (!v.is_null()) {
      if (v.i() < 0) throw Error("2201X", "OFFSET must not be negative");
      skip_ = v.i();
    }
  }
  if (remaining_ != 0) {
    child->Open(ctx);
    child_opened_ = true;
  }
}

bool LimitOp::SameTies(const Row& a, const Row& b) {
  EvalContext ca = *ctx_, cb = *ctx_;
  ca.row = &a;
  cb.row = &b;
  for (const auto& k : ties) {
    Value x = k.expr->Eval(ca), y = k.expr->Eval(cb);
    if (x.is_null() != y.is_null()) return false;
    if (!x.is_null() && CompareValues(k.expr->type, x, y) != 0) return false;
  }
  return true;
}

bool LimitOp::Next(Row* out) {
  if (remaining_ == 0) {
    if (ties.empty() || !have_last_) return false;
    if (!child->Next(out) || !SameTies(*out, last_)) { have_last_ = false; return false; }
    return true;
  }
  while (skip_ > 0) {
    if (!child->Next(out)) return false;
    skip_--;
  }
  if (!child->Next(out)) return false;
  if (remaining_ > 0) remaining_--;
  if (!ties.empty() && remaining_ == 0) { last_ = *out; have_last_ = true; }
  return true;
}

bool DistinctOnOp::Next(Row* out) {
  while (child->Next(out)) {
    bool same = have_;
    for (size_t i = 0; same && i < keys.size(); i++) {
      const Value& a = (*out)[static_cast<size_t>(keys[i])];
      const Value& b = last_[static_cast<size_t>(keys[i])];
      if (a.is_null() != b.is_null()) same = false;
      else if (!a.is_null() && CompareValues(types[static_cast<size_t>(keys[i])], a, b) != 0) same = false;
    }
    if (same) continue;
    last_ = *out;
    have_ = true;
    return true;
  }
  return false;
}

void DistinctOnOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Unique");
  child->Explain(out, depth + 1);
}

void LimitOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Limit");
  child->Explain(out, depth + 1);
}

// ---- Distinct ----
void DistinctOp::Open(EvalContext* ctx) {
  ReleaseAtEnd(ctx);
  ctx_ = ctx;
  seen_.clear();
  held_.Clear();
  child->Open(ctx);
}

bool DistinctOp::Next(Row* out) {
  while (child->Next(out)) {
    size_t h = HashRow(types, *out, width);
    bool dup = false;
    auto range = seen_.equal_range(h);
    for (auto it = range.first; it != range.second; ++it)
      if (RowsEqual(types, it->second, *out, width)) { dup = true; break; }
    if (dup) continue;
    held_.AddRow(ctx_->state, *out);
    seen_.emplace(h, *out);
    return true;
  }
  return false;
}

void DistinctOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "HashAggregate");
  child->Explain(out, depth + 1);
}

// ---- Set operations ----
SetOpOp::SetOpOp(OpP l, OpP r, Kind k, bool a) : left(std::move(l)), right(std::move(r)), kind(k), all(a) {
  names = left->names;
  types = left->types;
}

// Rows are matched through a hash of their columns (a linear search made INTERSECT and
// EXCEPT quadratic); the result keeps the left input's order.
void SetOpOp::Open(EvalContext* ctx) {
  ReleaseAtEnd(ctx);
  rows_.clear();
  held_.Clear();
  pos_ = 0;
  std::vector<Row> l = RunToVector(left.get(), ctx, &held_);
  std::vector<Row> r = RunToVector(right.get(), ctx, &held_);
  size_t w = types.size();
  // Distinct rows with how many times each is still available (right side) or was emitted.
  struct Counted { const Row* row; int64_t count; };
  auto lookup = [&](std::unordered_multimap<size_t, Counted>& m, const Row& row) -> Counted* {
    auto range = m.equal_range(HashRow(types, row, w));
    for (auto it = range.first; it != range.second; ++it)
      if (RowsEqual(types, *it->second.row, row, w)) return &it->second;
    return nullptr;
  };
  auto count = [&](std::unordered_multimap<size_t, Counted>& m, const Row& row) {
    if (Counted* c = lookup(m, row)) c->count++;
    else m.emplace(HashRow(types, row, w), Counted{&row, 1});
  };
  std::unordered_multimap<size_t, Counted> emitted;
  size_t seen = 0;
  auto first_time = [&](const Row& row) {
    if ((++seen & 1023) == 0) CheckCancel(ctx);
    if (lookup(emitted, row)) return false;
    count(emitted, row);
    return true;
  };
  if (kind == kUnion) {
    if (all) {
      rows_ = std::move(l);
      rows_.insert(rows_.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
      return;
    }
    for (auto* side : {&l, &r})
      for (const Row& row : *side)
        if (first_time(row)) rows_.push_back(row);
    return;
  }
  std::unordered_multimap<size_t, Counted> right_rows;
  for (const Row& row : r) count(right_rows, row);
  for (const Row& row : l) {
    Counted* in_right = lookup(right_rows, row);
    bool available = in_right && in_right->count > 0;
    if (kind == kIntersect) {
      if (!available) continue;
      if (all) in_right->count--;
      else if (!first_time(row)) continue;
    } else {
      if (available) {
        if (all) in_right->count--;
        continue;
      }
      if (!all && in_right) continue;
      if (!all && !first_time(row)) continue;
    }
    rows_.push_back(row);
  }
}

bool SetOpOp::Next(Row* out) {
  if (pos_ >= rows_.size()) return false;
  *out = rows_[pos_++];
  return true;
}

void SetOpOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, kind == kUnion ? (all ? "Append" : "HashAggregate") : (kind == kIntersect ? "HashSetOp Intersect" : "HashSetOp Except"));
  left->Explain(out, depth + 1);
  right->Explain(out, depth + 1);
}

}  // namespace tusk
