#include "access/scans.hpp"
#include "access/read_view.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "engine/database.hpp"
#include "engine/serializable.hpp"
#include "execution/correlation.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {

std::string RelLabel(const TableDef* t, const std::string& alias) {
  std::string r = "on " + t->name;
  if (!alias.empty() && alias != t->name) r += " " + alias;
  return r;
}

}  // namespace

void SetTableColumns(Operator* op, const TableDef* t, bool emit_key) {
  for (const auto& c : t->columns) {
    op->names.push_back(c.dropped ? "" : c.name);
    op->types.push_back(c.type);
  }
  if (emit_key) {
    op->names.push_back("");
    op->types.push_back(Type(oid::kBytea));
  }
}

SeqScanOp::SeqScanOp(const TableDef* t, std::string a, bool k) : table(t), alias(std::move(a)), emit_key(k) {
  SetTableColumns(this, t, k);
}

void SeqScanOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  SerializableRead(ctx->state, table->oid);
  prefix_ = RelationPrefix(table->oid);
  end_ = PrefixSuccessor(prefix_);
  std::string start = prefix_;
  AdvanceScanStart(ctx->state, table->oid, &start);
  rocksdb::ReadOptions ro = SnapshotReadOptions(ctx->state);
  ReleaseAtEnd(ctx);
  it_.reset(NewReadIterator(ctx->state, ro));
  it_->Seek(start);
}

bool SeqScanOp::Next(Row* out) {
  CheckCancel(ctx_);
  if (!it_->Valid()) {
    CheckStatus(it_->status(), "scan");
    return false;
  }
  if (it_->key().compare(end_) >= 0) return false;
  DecodeRowInto(std::string_view(it_->value().data(), it_->value().size()), out);
  out->resize(table->columns.size());
  if (emit_key) out->push_back(Value::Str(it_->key().ToString()));
  it_->Next();
  return true;
}

void SeqScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Seq Scan " + RelLabel(table, alias));
}

IndexScanOp::IndexScanOp(const TableDef* t, std::string a, BoundIndex idx, bool k)
    : table(t), alias(std::move(a)), index(std::move(idx)), emit_key(k) {
  SetTableColumns(this, t, k);
}

bool IndexScanOp::ReadsEnclosingRows() const {
  for (const auto& e : eq)
    if (PerOuterRow(e)) return true;
  for (const auto& e : row_bound)
    if (PerOuterRow(e)) return true;
  return PerOuterRow(lower) || PerOuterRow(upper);
}

void IndexScanOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  first_ = true;
  batch_keys_.clear();
  batch_pos_ = 0;
  scan_done_ = false;
  batch_limit_ = kFirstBatch;
  empty_ = false;
  point_ = false;
  Row none;
  EvalContext c = *ctx;
  c.row = &none;
  const uint32_t rel = index.def->oid == table->pk_index && index.def->primary ? table->oid : index.def->oid;
  std::string prefix = RelationPrefix(rel);
  for (size_t i = 0; i < eq.size(); i++) {
    Value v = eq[i]->Eval(c);
    if (v.is_null()) { empty_ = true; return; }
    EncodeKeyValue(index.keys[i]->type, v, index.orders[i], &prefix);
  }
  // SERIALIZABLE: a primary key lookup reads one row, any other index scan the whole table.
  bool point = index.def->primary && eq.size() == index.keys.size() && !lower && !upper;
  SerializableRead(ctx->state, table->oid, point ? &prefix : nullptr);
  // Bounds on the next column, in key order. Only non-NULL values (marker 0x02) qualify.
  std::string lo = prefix, hi = PrefixSuccessor(prefix);
  if (lower || upper) {
    size_t col = eq.size();
    const Type& t = index.keys[col]->type;
    KeyColumnOrder ord = index.orders[col];
    std::string nonnull = prefix + "\x02";
    lo = nonnull;
    hi = PrefixSuccessor(nonnull);
    auto bound = [&](const ExprP& e, bool inclusive, bool is_lower) {
      Value v = e->Eval(c);
      if (v.is_null()) { empty_ = true; return; }
      std::string k = prefix;
      EncodeKeyValue(t, v, ord, &k);
      // With DESC, a lower SQL bound is an upper key bound.
      bool key_lower = is_lower != ord.desc;
      if (key_lower) {
        std::string s = inclusive ? k : PrefixSuccessor(k);
        if (s > lo) lo = s;
      } else {
        std::string s = inclusive ? PrefixSuccessor(k) : k;
        if (s < hi) hi = s;
      }
    };
    if (lower) bound(lower, lower_inclusive, true);
    if (upper) bound(upper, upper_inclusive, false);
  } else if (!row_bound.empty()) {
    // The key of the bounding row. Pairs after a NULL in it do not matter: rows equal to the
    // values before the NULL compare as NULL, so the bound becomes strict on those values.
    std::string k = prefix;
    size_t n = 0;
    for (; n < row_bound.size(); n++) {
      Value v = row_bound[n]->Eval(c);
      if (v.is_null()) break;
      EncodeKeyValue(index.keys[eq.size() + n]->type, v, index.orders[eq.size() + n], &k);
    }
    if (n == 0) {
      empty_ = true;
    } else {
      std::string nonnull = prefix + "\x02";  // the first column's value is not NULL
      lo = nonnull;
      hi = PrefixSuccessor(nonnull);
      bool is_lower = row_op[0] == '>', inclusive = row_op.size() == 2 && n == row_bound.size();
      if (is_lower != index.orders[eq.size()].desc) lo = std::max(lo, inclusive ? k : PrefixSuccessor(k));
      else hi = std::min(hi, inclusive ? PrefixSuccessor(k) : k);
    }
  }
  start_ = lo;
  end_ = hi;
  if (empty_ || start_ >= end_) { empty_ = true; return; }
  // Every column of a unique index given: one key to get, no iterator. (An iterator over a
  // hot row would step over all of its old versions.)
  point_ = (index.def->unique || index.def->primary) && eq.size() == index.keys.size() && !lower && !upper && row_bound.empty();
  if (point_) {
    point_key_ = prefix;
    return;
  }
  if (!backward) {
    AdvanceScanStart(ctx->state, rel, &start_);
    if (start_ >= end_) { empty_ = true; return; }
  }
  upper_bound_ = rocksdb::Slice(end_);
  ExecState* st = ctx->state;
  if (!it_ || it_txn_ != st->txn || it_snapshot_ != st->snapshot) {
    rocksdb::ReadOptions ro = SnapshotReadOptions(st);
    ro.iterate_upper_bound = &upper_bound_;
    ReleaseAtEnd(ctx);
    it_.reset(NewReadIterator(st, ro));
    it_txn_ = st->txn;
    it_snapshot_ = st->snapshot;
  }
  if (backward) {
    it_->SeekForPrev(end_);
    if (it_->Valid() && it_->key().compare(end_) >= 0) it_->Prev();
  } else {
    it_->Seek(start_);
  }
}

bool IndexScanOp::Fetch(const std::string& table_key, const std::string& value, Row* out) {
  if (index.def->primary) {
    DecodeRowInto(value, out);
  } else if (index_only) {
    out->assign(table->columns.size(), Value::Null());  // the query reads no column of the row
    return true;
  } else {
    std::string tkey(IndexEntryTableKey(value));
    std::string row;
    rocksdb::Status s = ReadKey(ctx_->state, SnapshotReadOptions(ctx_->state), tkey, &row);
    if (s.IsNotFound()) return false;
    CheckStatus(s, "read");
    DecodeRowInto(row, out);
    out->resize(table->columns.size());
    if (emit_key) out->push_back(Value::Str(tkey));
    return true;
  }
  out->resize(table->columns.size());
  if (emit_key) out->push_back(Value::Str(table_key));
  return true;
}

bool IndexScanOp::Next(Row* out) {
  if (empty_) return false;
  CheckCancel(ctx_);
  if (point_) {
    empty_ = true;  // at most one row
    std::string value;
    rocksdb::Status s = ReadKey(ctx_->state, SnapshotReadOptions(ctx_->state), point_key_, &value);
    if (s.IsNotFound()) return false;
    CheckStatus(s, "read");
    return Fetch(point_key_, value, out);
  }
  if (!index.def->primary) {
    for (;;) {
      while (batch_pos_ < batch_keys_.size()) {
        size_t i = batch_pos_++;
        if (batch_status_[i].IsNotFound()) continue;
        CheckStatus(batch_status_[i], "read");
        DecodeRowInto(std::string_view(batch_rows_[i].data(), batch_rows_[i].size()), out);
        out->resize(table->columns.size());
        if (emit_key) out->push_back(Value::Str(batch_keys_[i]));
        return true;
      }
      if (scan_done_ || !FillBatch()) return false;
    }
  }
  for (;;) {
    if (!first_) {
      if (backward) it_->Prev(); else it_->Next();
    }
    first_ = false;
    if (!it_->Valid()) {
      CheckStatus(it_->status(), "scan");
      return false;
    }
    std::string key = it_->key().ToString();
    if (key < start_ || key >= end_) return false;
    if (Fetch(key, it_->value().ToString(), out)) return true;
  }
}

bool IndexScanOp::FillBatch() {
  batch_keys_.resize(batch_limit_);
  size_t n = 0;
  bool done = false;  // the iterator has left the range: never step it again
  while (n < batch_limit_) {
    if (!first_) {
      if (backward) it_->Prev(); else it_->Next();
    }
    first_ = false;
    if (!it_->Valid()) {
      CheckStatus(it_->status(), "scan");
      done = true;
      break;
    }
    rocksdb::Slice key = it_->key();
    if (key.compare(start_) < 0 || key.compare(end_) >= 0) {
      done = true;
      break;
    }
    batch_keys_[n] = IndexEntryTableKey(std::string_view(it_->value().data(), it_->value().size()));
    n++;
  }
  batch_keys_.resize(n);
  batch_pos_ = 0;
  batch_limit_ = std::min<size_t>(batch_limit_ * 2, 64);
  scan_done_ = done;
  if (n == 0) return false;
  std::vector<rocksdb::Slice> keys(batch_keys_.begin(), batch_keys_.end());
  batch_rows_ = std::vector<rocksdb::PinnableSlice>(n);
  batch_status_.assign(n, rocksdb::Status());
  ExecState* st = ctx_->state;
  ReadKeys(st, SnapshotReadOptions(st), n, keys.data(), batch_rows_.data(), batch_status_.data());
  return true;
}

void IndexScanOp::Explain(std::vector<std::string>* out, int depth) const {
  std::string kind = index_only ? "Index Only Scan" : "Index Scan";
  ExplainLine(out, depth, kind + (backward ? " Backward" : "") + " using " + index.def->name + " " + RelLabel(table, alias));
  if (!cond_sql.empty()) {
    std::string c;
    if (cond_sql.size() == 1) c = cond_sql[0];
    else {
      c = "(";
      for (size_t i = 0; i < cond_sql.size(); i++) c += (i ? " AND " : "") + cond_sql[i];
      c += ")";
    }
    ExplainLine(out, depth, "Index Cond: " + c, true);
  }
}

}  // namespace tusk
