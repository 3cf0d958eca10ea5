#include "access/gin/gin_scan.hpp"

#include <algorithm>
#include <iterator>

#include <rocksdb/options.h>
#include <rocksdb/slice.h>
#include <rocksdb/status.h>

#include "access/gin/gin.hpp"
#include "access/gin/gin_merge.hpp"
#include "access/gin/packed_rows.hpp"
#include "access/gin/posting_list.hpp"
#include "access/read_view.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/stack_depth.hpp"
#include "common/rowcodec.hpp"
#include "engine/database.hpp"
#include "engine/serializable.hpp"
#include "storage/store.hpp"

namespace tusk {

struct GinScanOp::Batch {
  size_t pos = 0;
  std::vector<std::string> keys;
  std::vector<rocksdb::PinnableSlice> rows;
  std::vector<rocksdb::Status> status;
};

namespace {
// Sorted row-key sets.
std::vector<std::string> Union(std::vector<std::string> a, std::vector<std::string> b) {
  std::vector<std::string> both;
  std::set_union(std::make_move_iterator(a.begin()), std::make_move_iterator(a.end()), std::make_move_iterator(b.begin()),
                 std::make_move_iterator(b.end()), std::back_inserter(both));
  return both;
}
std::vector<std::string> Intersection(std::vector<std::string> a, const std::vector<std::string>& b) {
  std::vector<std::string> both;
  std::set_intersection(std::make_move_iterator(a.begin()), std::make_move_iterator(a.end()), b.begin(), b.end(),
                        std::back_inserter(both));
  return both;
}
}  // namespace

GinScanOp::GinScanOp(const TableDef* t, std::string a, BoundIndex idx, bool k)
    : table(t), alias(std::move(a)), index(std::move(idx)), emit_key(k) {
  for (const auto& c : t->columns) {
    names.push_back(c.dropped ? "" : c.name);
    types.push_back(c.type);
  }
  if (emit_key) {
    names.push_back("");
    types.push_back(Type(oid::kBytea));
  }
}

GinScanOp::~GinScanOp() = default;

bool GinScanOp::CandidateKeys(std::vector<std::string>* keys) {
  bool narrowed = false;
  EvalContext c = *ctx_;
  c.row = nullptr;
  scan_keys_.clear();
  for (const Condition& cond : conditions) {
    Value v = cond.value->Eval(c);
    if (v.is_null()) {  // the operators are strict: no row matches
      keys->clear();
      return true;
    }
    scan_keys_.push_back(v);
    GinQuery q = GinClassOf(index, cond.column).query(cond.op, cond.value->type, v, c);
    if (q.every_row) continue;
    if (q.tree) {
      std::vector<std::string> rows;
      if (!TreeRows(cond.column, *q.tree, &rows)) continue;
      *keys = narrowed ? Intersection(std::move(*keys), rows) : std::move(rows);
      narrowed = true;
      CheckCancel(ctx_);
      continue;
    }
    std::sort(q.entries.begin(), q.entries.end());
    q.entries.erase(std::unique(q.entries.begin(), q.entries.end()), q.entries.end());
    std::vector<EntryPostings> entries;
    for (const std::string& entry : q.entries) entries.push_back(ReadEntry(GinEntryPrefix(index.def->oid, cond.column, entry)));
    if (q.all) {
      // The rarest entry first: every later one only keeps rows from a shrinking set.
      std::sort(entries.begin(), entries.end(), [](const EntryPostings& a, const EntryPostings& b) { return a.rows < b.rows; });
      if (!narrowed && !entries.empty()) {
        *keys = RowsInAllEntries(entries);
        narrowed = true;
      } else {
        for (size_t i = 0; i < entries.size() && !keys->empty(); i++) KeepEntryRows(entries[i], keys);
      }
    } else {
      std::vector<std::string> any;
      for (const EntryPostings& e : entries) any = Union(std::move(any), EntryRows(e));
      *keys = narrowed ? Intersection(std::move(*keys), any) : std::move(any);
      narrowed = true;
    }
    CheckCancel(ctx_);
  }
  return narrowed;
}

bool GinScanOp::TreeRows(size_t column, const GinQueryNode& n, std::vector<std::string>* rows) {
  CheckStackDepth();
  using Kind = GinQueryNode::Kind;
  switch (n.kind) {
    case Kind::kEveryRow: return false;
    case Kind::kEntry: *rows = EntryRows(ReadEntry(GinEntryPrefix(index.def->oid, column, n.entry))); return true;
    case Kind::kPrefix: *rows = PrefixRows(column, n.entry); return true;
    case Kind::kAnd: {
      bool narrowed = false;
      for (const GinQueryNode& c : n.children) {
        std::vector<std::string> mine;
        if (!TreeRows(column, c, &mine)) continue;
        *rows = narrowed ? Intersection(std::move(*rows), mine) : std::move(mine);
        narrowed = true;
      }
      return narrowed;
    }
    case Kind::kOr: {
      rows->clear();
      for (const GinQueryNode& c : n.children) {
        std::vector<std::string> mine;
        if (!TreeRows(column, c, &mine)) return false;
        *rows = Union(std::move(*rows), std::move(mine));
      }
      return true;
    }
    case Kind::kAtLeast: {
      // Every child's rows together, sorted: a row held by enough children is a run that long.
      std::vector<std::string> all;
      for (const GinQueryNode& c : n.children) {
        std::vector<std::string> mine;
        if (!TreeRows(column, c, &mine)) return false;
        all.insert(all.end(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
        CheckCancel(ctx_);
      }
      std::sort(all.begin(), all.end());
      rows->clear();
      for (size_t i = 0; i < all.size();) {
        size_t j = i + 1;
        while (j < all.size() && all[j] == all[i]) j++;
        if (j - i >= n.at_least) rows->push_back(std::move(all[i]));
        i = j;
      }
      return true;
    }
  }
  return false;
}

std::vector<std::string> GinScanOp::PrefixRows(size_t column, const std::string& begins) {
  // An entry's key holds its length before its bytes, so the entries beginning with `begins`
  // lie in one range per length: each is walked entry by entry.
  std::vector<std::string> rows;
  std::unique_ptr<rocksdb::Iterator> it(NewReadIterator(ctx_->state, SnapshotReadOptions(ctx_->state)));
  for (size_t len = std::max<size_t>(begins.size(), 1); len <= kGinMaxPrefixEntryBytes; len++) {
    std::string range = RelationPrefix(index.def->oid);
    AppendVarint(column, &range);
    AppendVarint(len, &range);
    const size_t entry_end = range.size() + len;
    range += begins;
    for (it->Seek(range); it->Valid() && it->key().starts_with(range);) {
      std::string entry = it->key().ToString().substr(0, entry_end);
      rows = Union(std::move(rows), EntryRows(ReadEntry(entry)));
      it->Seek(PrefixSuccessor(entry));
    }
    CheckStatus(it->status(), "scan");
    if (len % 64 == 0) CheckCancel(ctx_);
  }
  return rows;
}

EntryPostings GinScanOp::ReadEntry(const std::string& prefix) {
  const std::string end = PrefixSuccessor(prefix);
  rocksdb::Slice upper(end);
  rocksdb::ReadOptions ro = SnapshotReadOptions(ctx_->state);
  ro.iterate_upper_bound = &upper;  // RocksDB stops at the range's end instead of past it
  std::unique_ptr<rocksdb::Iterator> it(NewReadIterator(ctx_->state, ro));
  EntryPostings entry = ReadEntryPostings(it.get(), prefix);
  if (entry.singles.size() >= GinMerger::kMergeAfterSingles) ctx_->state->db->gin_merger().Request(prefix);
  return entry;
}

void GinScanOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  SerializableRead(ctx->state, table->oid);
  ReleaseAtEnd(ctx);
  keys_.clear();
  pos_ = 0;
  batch_ = std::make_unique<Batch>();
  every_row_.reset();
  if (!CandidateKeys(&keys_)) {
    const std::string prefix = RelationPrefix(table->oid);
    table_end_ = PrefixSuccessor(prefix);
    table_upper_ = rocksdb::Slice(table_end_);
    rocksdb::ReadOptions ro = SnapshotReadOptions(ctx->state);
    ro.iterate_upper_bound = &table_upper_;
    every_row_.reset(NewReadIterator(ctx->state, ro));
    every_row_->Seek(prefix);
  }
}

bool GinScanOp::Accepts(const Row& row) {
  EvalContext c = *ctx_;
  c.row = &row;
  for (size_t i = 0; i < conditions.size(); i++) {
    // `cond` is `indexed op value` (PlanGinScan): the indexed side from the row, the value the
    // scan key. The operators are strict and the key is not NULL.
    const auto& call = static_cast<const CallExpr&>(*conditions[i].cond);
    recheck_args_.resize(2);
    recheck_args_[0] = call.args[0]->Eval(c);
    if (recheck_args_[0].is_null()) return false;
    recheck_args_[1] = scan_keys_[i];
    if (!IsTrue(call.fn(recheck_args_, c))) return false;
  }
  return !filter || IsTrue(filter->Eval(c));
}

bool GinScanOp::Next(Row* out) {
  for (size_t n = 0; every_row_ && every_row_->Valid(); every_row_->Next()) {
    if (++n % 1024 == 0) CheckCancel(ctx_);
    rocksdb::Slice row = every_row_->value();
    DecodeRowInto(std::string_view(row.data(), row.size()), out);
    out->resize(table->columns.size());
    if (!Accepts(*out)) continue;
    if (emit_key) out->push_back(Value::Str(every_row_->key().ToString()));
    every_row_->Next();
    return true;
  }
  if (every_row_) {
    CheckStatus(every_row_->status(), "scan");
    return false;
  }
  for (;;) {
    Batch& b = *batch_;
    while (b.pos < b.keys.size()) {
      size_t i = b.pos++;
      if (b.status[i].IsNotFound()) continue;  // the row is gone in this snapshot
      CheckStatus(b.status[i], "read");
      DecodeRowInto(std::string_view(b.rows[i].data(), b.rows[i].size()), out);
      out->resize(table->columns.size());
      if (!Accepts(*out)) continue;
      if (emit_key) out->push_back(Value::Str(b.keys[i]));
      return true;
    }
    if (pos_ >= keys_.size()) return false;
    CheckCancel(ctx_);
    size_t n = std::min<size_t>(64, keys_.size() - pos_);
    b.keys.assign(std::make_move_iterator(keys_.begin() + static_cast<std::ptrdiff_t>(pos_)),
                  std::make_move_iterator(keys_.begin() + static_cast<std::ptrdiff_t>(pos_ + n)));
    pos_ += n;
    b.pos = 0;
    std::vector<rocksdb::Slice> slices(b.keys.begin(), b.keys.end());
    b.rows = std::vector<rocksdb::PinnableSlice>(n);
    b.status.assign(n, rocksdb::Status());
    ReadKeys(ctx_->state, SnapshotReadOptions(ctx_->state), n, slices.data(), b.rows.data(), b.status.data());
  }
}

void GinScanOp::Explain(std::vector<std::string>* out, int depth) const {
  std::string conds;
  for (size_t i = 0; i < conditions.size(); i++) conds += (i ? " AND " : "") + conditions[i].cond->ToSql();
  if (conditions.size() > 1) conds = "(" + conds + ")";
  std::string label = "Bitmap Heap Scan on " + table->name;
  if (!alias.empty() && alias != table->name) label += " " + alias;
  ExplainLine(out, depth, label);
  ExplainLine(out, depth, "Recheck Cond: " + conds, true);
  if (filter) ExplainLine(out, depth, "Filter: " + filter->ToSql(), true);
  ExplainLine(out, depth + 1, "Bitmap Index Scan on " + index.def->name);
  ExplainLine(out, depth + 1, "Index Cond: " + conds, true);
}

}  // namespace tusk
