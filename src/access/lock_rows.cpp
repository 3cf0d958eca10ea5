#include "access/lock_rows.hpp"

#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "storage/store.hpp"
#include "types/compare.hpp"

namespace tusk {

std::string KeyLockKey(const std::string& row_key) { return "k" + row_key; }

LockResult LockRowVersion(ExecState* st, const TableDef* table, const std::string& row_key, RowLockStrength strength,
                          LockWait wait, Row* latest) {
  LockRequest req;
  req.wait = wait;
  req.relation = table->name;
  req.check_snapshot = st->repeatable_read;
  std::string value;
  LockResult r = LockResult::kFound;
  bool key_lock = strength != RowLockStrength::kNoKeyUpdate;
  bool row_lock = strength != RowLockStrength::kKeyShare;
  if (key_lock) {
    LockRequest k = req;
    k.exclusive = strength == RowLockStrength::kUpdate;
    k.check_snapshot = false;  // never written; the row key below carries the snapshot check
    if (LockKey(st, KeyLockKey(row_key), k, nullptr) == LockResult::kSkipped) return LockResult::kSkipped;
  }
  if (row_lock) {
    req.exclusive = strength != RowLockStrength::kShare;
    r = LockKey(st, row_key, req, &value);
    if (r == LockResult::kSkipped) return r;
  } else {
    // KEY SHARE leaves the row itself unlocked: read its newest version, and under REPEATABLE
    // READ fail if it changed after the snapshot.
    rocksdb::Status s = st->txn->Get(rocksdb::ReadOptions(), row_key, &value);
    if (!s.ok() && !s.IsNotFound()) CheckStatus(s, "read");
    r = s.ok() ? LockResult::kFound : LockResult::kMissing;
    if (st->repeatable_read) {
      rocksdb::ReadOptions ro;
      ro.snapshot = st->snapshot;
      std::string old;
      rocksdb::Status os = st->txn->Get(ro, row_key, &old);
      bool existed = os.ok();
      if (existed != s.ok() || (existed && old != value))
        throw Error(sqlstate::kSerializationFailure, s.ok() ? "could not serialize access due to concurrent update"
                                                            : "could not serialize access due to concurrent delete");
    }
  }
  if (r == LockResult::kFound) {
    *latest = DecodeRow(value);
    latest->resize(table->columns.size());
  }
  return r;
}

LockRowsOp::LockRowsOp(OpP child, int base, std::vector<LockedRelation> rels, std::vector<ExprP> quals, std::vector<ExprP> projection)
    : child(std::move(child)), base_(base), rels_(std::move(rels)), quals_(std::move(quals)), projection_(std::move(projection)) {
  names = this->child->names;
  types = this->child->types;
}

bool LockRowsOp::Next(Row* out) {
  while (child->Next(out)) {
    Row from(out->begin() + base_, out->end());
    bool keep = true, changed = false;
    for (const auto& rel : rels_) {
      Row latest;
      LockResult r = LockRowVersion(ctx_->state, rel.table, from[static_cast<size_t>(rel.key_index)].s(), rel.strength, rel.wait, &latest);
      if (r != LockResult::kFound) { keep = false; break; }  // skipped, or deleted meanwhile
      for (size_t c = 0; c < latest.size(); c++) {
        Value& cur = from[static_cast<size_t>(rel.offset) + c];
        bool same = cur.is_null() == latest[c].is_null() &&
                    (cur.is_null() || CompareValues(rel.table->columns[c].type, cur, latest[c]) == 0);
        if (!same) { cur = latest[c]; changed = true; }
      }
    }
    if (!keep) continue;
    if (!changed) return true;
    // READ COMMITTED: a newer version must still satisfy the query's conditions.
    EvalContext c = *ctx_;
    c.row = &from;
    bool pass = true;
    for (const auto& q : quals_) pass = pass && IsTrue(q->Eval(c));
    if (!pass) continue;
    Row fresh;
    for (const auto& e : projection_) fresh.push_back(e->Eval(c));
    *out = std::move(fresh);
    return true;
  }
  return false;
}

void LockRowsOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "LockRows");
  child->Explain(out, depth + 1);
}

}  // namespace tusk
