#include "security/row_security.hpp"
#include "access/table_access.hpp"


#include <rocksdb/utilities/write_batch_with_index.h>

#include "access/gin/gin.hpp"
#include "access/lock_wait.hpp"
#include "access/read_view.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "engine/database.hpp"
#include "engine/serializable.hpp"
#include "storage/store.hpp"
#include "types/text_io.hpp"

namespace tusk {

rocksdb::ReadOptions SnapshotReadOptions(ExecState* st) {
  rocksdb::ReadOptions ro;
  ro.snapshot = st->snapshot;
  return ro;
}

namespace {
// Every write of a relation key is announced to the head hints before it is made.
void AnnounceWrite(ExecState* st, const std::string& key) {
  if (!st->hint_writer) throw Error(sqlstate::kInternalError, "write outside a transaction's writer");
  st->db->store()->head_hints().NotePut(st->hint_writer, key);
}
}  // namespace

void WriteKey(ExecState* st, const std::string& key, const std::string& value, const char* what, bool locked) {
  AnnounceWrite(st, key);
  // A key this statement locked exclusively is tracked already: the Put skips the second
  // lookup in the lock tracker (a tenth of a bulk load).
  CheckStatus(st->txn->Put(st->db->store()->db()->DefaultColumnFamily(), key, value, locked), what);
}

// The lock manager's and the lock tracker's hash tables were most of the time of a load
// into a table without a primary key, for keys nobody else could ask for: a row id comes from
// Database::NextRowId once, and no other statement sees the row before this transaction
// commits. A later UPDATE or DELETE of the row in this transaction locks it as usual.
void WriteFreshKey(ExecState* st, const std::string& key, const std::string& value, const char* what) {
  AnnounceWrite(st, key);
  CheckStatus(st->txn->GetWriteBatch()->Put(key, value), what);
}

void NoteDelete(ExecState* st, uint32_t rel, const std::string& key) {
  if (st->deletes) (*st->deletes)[rel].Add(key);
}

void DeleteRelationKeys(ExecState* st, uint32_t rel) {
  constexpr size_t kSlice = 4096;
  const std::string begin = RelationPrefix(rel), end = PrefixSuccessor(begin);
  std::string from = begin;
  for (bool more = true; more;) {
    std::vector<std::string> keys;
    {
      std::unique_ptr<rocksdb::Iterator> it(st->txn->GetIterator(rocksdb::ReadOptions()));
      for (it->Seek(from); it->Valid() && it->key().compare(end) < 0 && keys.size() < kSlice; it->Next())
        keys.push_back(it->key().ToString());
      CheckStatus(it->status(), "delete relation keys");
      more = keys.size() == kSlice;
    }
    for (const std::string& key : keys) {
      CheckStatus(st->txn->GetWriteBatch()->Delete(key), "delete relation keys");
      NoteDelete(st, rel, key);
    }
    if (more) from = keys.back() + '\0';
    CheckInterrupts(st);
  }
}

void AdvanceScanStart(ExecState* st, uint32_t rel, std::string* start) {
  Store* store = st->db->store();
  store->head_hints().AdvanceStart(store->db(), rel, st->snapshot ? st->snapshot->GetSequenceNumber() : 0, start);
}

TableAccess::TableAccess(ExecState* st, const TableDef* table, std::vector<BoundIndex> indexes)
    : st_(st), table_(table), indexes_(std::move(indexes)) {
  for (const auto& i : indexes_)
    if (i.def->primary) pk_ = &i;
}

std::string TableAccess::MakeRowKey(const Row& row) {
  std::string key = RelationPrefix(table_->oid);
  if (!pk_) {
    AppendUint64BE(st_->db->NextRowId(table_->oid), &key);
    return key;
  }
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st_;
  for (size_t i = 0; i < pk_->keys.size(); i++)
    EncodeKeyValue(pk_->keys[i]->type, pk_->keys[i]->Eval(ctx), pk_->orders[i], &key);
  return key;
}

bool TableAccess::InIndex(const BoundIndex& idx, const Row& row) {
  if (!idx.predicate) return true;
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st_;
  return IsTrue(idx.predicate->Eval(ctx));
}

std::string EncodeIndexKey(const BoundIndex& idx, EvalContext& ctx, Row* values, bool* unique_form) {
  std::string key = RelationPrefix(idx.def->oid);
  bool has_null = false;
  for (size_t i = 0; i < idx.keys.size(); i++) {
    Value v = idx.keys[i]->Eval(ctx);
    has_null |= v.is_null();
    EncodeKeyValue(idx.keys[i]->type, v, idx.orders[i], &key);
    if (values) values->push_back(std::move(v));
  }
  *unique_form = idx.def->unique && (!has_null || idx.def->nulls_not_distinct);
  return key;
}

std::string TableAccess::IndexKey(const BoundIndex& idx, const Row& row, const std::string& table_key, bool* unique_form) {
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st_;
  std::string key = EncodeIndexKey(idx, ctx, nullptr, unique_form);
  if (!*unique_form) key += table_key;
  return key;
}

std::vector<std::string> TableAccess::GinKeys(const BoundIndex& idx, const Row& row) {
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st_;
  return GinRowKeys(idx, ctx);
}

void TableAccess::ThrowDuplicate(const BoundIndex& idx, const Row& row) {
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st_;
  std::string cols, vals;
  for (size_t i = 0; i < idx.keys.size(); i++) {
    if (i) { cols += ", "; vals += ", "; }
    cols += idx.key_sql[i];
    Value v = idx.keys[i]->Eval(ctx);
    vals += v.is_null() ? "null" : FormatText(idx.keys[i]->type, v, st_->dt);
  }
  throw Error(sqlstate::kUniqueViolation, "duplicate key value violates unique constraint \"" + idx.def->name + "\"")
      .WithDetail(RowValuesVisible(st_, *table_) ? "Key (" + cols + ")=(" + vals + ") already exists." : "")
      .WithConstraint(table_->name, idx.def->name);
}

void TableAccess::InsertIndexEntries(const Row& row, const std::string& table_key) {
  std::string value;
  AppendVarint(table_key.size(), &value);
  value += table_key;
  for (const auto& idx : indexes_) {
    if (idx.def->primary || !InIndex(idx, row)) continue;
    if (idx.def->am == "gin") {
      // Unlocked, as the row's own key is what writers lock: merges rewrite GIN keys outside
      // any transaction (gin/gin_merge.hpp), and a lock or conflict check on them would fail
      // writers for nothing.
      for (std::string& key : GinKeys(idx, row)) WriteFreshKey(st_, key + table_key, value, "index write");
      continue;
    }
    bool unique_form;
    std::string key = IndexKey(idx, row, table_key, &unique_form);
    if (unique_form) {
      if (LockKey(st_, key, LockRequest{}, nullptr) == LockResult::kFound) ThrowDuplicate(idx, row);
    }
    WriteKey(st_, key, value, "index write", unique_form);
  }
}

void TableAccess::DeleteIndexEntries(const Row& row, const std::string& table_key) {
  for (const auto& idx : indexes_) {
    if (idx.def->primary || !InIndex(idx, row)) continue;
    if (idx.def->am == "gin") {
      for (std::string& key : GinKeys(idx, row)) {  // unlocked, as in InsertIndexEntries
        key += table_key;
        CheckStatus(st_->txn->GetWriteBatch()->Delete(key), "index delete");
        NoteDelete(st_, idx.def->oid, key);
      }
      continue;
    }
    bool unique_form;
    std::string key = IndexKey(idx, row, table_key, &unique_form);
    CheckStatus(st_->txn->Delete(key), "index delete");
    NoteDelete(st_, idx.def->oid, key);
  }
}

std::string TableAccess::Insert(const Row& row) {
  std::string key = MakeRowKey(row);
  SerializableWrite(st_, table_->oid, key);
  if (pk_) {
    if (LockKey(st_, key, LockRequest{}, nullptr) == LockResult::kFound) ThrowDuplicate(*pk_, row);
  }
  std::string value;
  EncodeRow(row, &value);
  if (pk_) WriteKey(st_, key, value, "write", true);
  else WriteFreshKey(st_, key, value, "write");
  InsertIndexEntries(row, key);
  return key;
}

std::string TableAccess::Update(const std::string& key, const Row& old_row, const Row& new_row) {
  std::string new_key = pk_ ? MakeRowKey(new_row) : key;
  SerializableWrite(st_, table_->oid, key);
  if (new_key != key) SerializableWrite(st_, table_->oid, new_key);
  DeleteIndexEntries(old_row, key);
  if (new_key != key) {
    if (LockKey(st_, new_key, LockRequest{}, nullptr) == LockResult::kFound) ThrowDuplicate(*pk_, new_row);
    CheckStatus(st_->txn->Delete(key), "delete");
  }
  std::string value;
  EncodeRow(new_row, &value);
  WriteKey(st_, new_key, value, "write", new_key != key);
  InsertIndexEntries(new_row, new_key);
  return new_key;
}

void TableAccess::Delete(const std::string& key, const Row& row) {
  SerializableWrite(st_, table_->oid, key);
  DeleteIndexEntries(row, key);
  CheckStatus(st_->txn->Delete(key), "delete");
  NoteDelete(st_, table_->oid, key);
}

bool TableAccess::LockRow(const std::string& key, Row* latest, RowLockStrength strength) {
  return LockRowVersion(st_, table_, key, strength, LockWait::kBlock, latest) == LockResult::kFound;
}

RowLockStrength TableAccess::UpdateLockFor(const std::vector<int>& columns) const {
  for (const auto& idx : indexes_) {
    if (!idx.def->unique && !idx.def->primary) continue;
    for (const auto& ic : idx.def->columns)
      for (int c : columns)
        if (ic.column == c) return RowLockStrength::kUpdate;
  }
  return RowLockStrength::kNoKeyUpdate;
}

bool TableAccess::Fetch(const std::string& key, Row* row) {
  SerializableRead(st_, table_->oid, &key);
  std::string value;
  rocksdb::Status s = ReadKey(st_, SnapshotReadOptions(st_), key, &value);
  if (s.IsNotFound()) return false;
  CheckStatus(s, "read");
  *row = DecodeRow(value);
  row->resize(table_->columns.size());
  return true;
}

// ON CONFLICT reads the conflicting key locked (waiting for an in-progress insert of it) and
// newest; other lookups read it in the statement snapshot.
bool TableAccess::ReadUniqueKey(const std::string& key, bool lock, std::string* value) {
  if (lock) {
    LockRequest req;
    req.exclusive = false;
    req.check_snapshot = st_->repeatable_read;
    return LockKey(st_, key, req, value) == LockResult::kFound;
  }
  rocksdb::Status s = ReadKey(st_, SnapshotReadOptions(st_), key, value);
  if (s.IsNotFound()) return false;
  CheckStatus(s, "read");
  return true;
}

bool TableAccess::LookupUnique(const BoundIndex& idx, const Row& key_values, std::string* table_key, bool lock) {
  // The primary key index is the table itself.
  std::string key = RelationPrefix(idx.def->primary ? table_->oid : idx.def->oid);
  for (size_t i = 0; i < key_values.size(); i++) {
    if (key_values[i].is_null() && !idx.def->nulls_not_distinct) return false;
    EncodeKeyValue(idx.keys[i]->type, key_values[i], idx.orders[i], &key);
  }
  // A primary key lookup reads one row; other unique indexes count as reading the table.
  SerializableRead(st_, table_->oid, idx.def->primary ? &key : nullptr);
  if (idx.def->primary) {
    std::string value;
    if (!ReadUniqueKey(key, lock, &value)) return false;
    *table_key = key;
    return true;
  }
  std::string value;
  if (!ReadUniqueKey(key, lock, &value)) return false;
  *table_key = std::string(IndexEntryTableKey(value));
  return true;
}

std::string_view IndexEntryTableKey(std::string_view value) {
  uint64_t n;
  if (!ReadVarint(&value, &n) || n > value.size()) throw Error(sqlstate::kDataCorrupted, "invalid index entry");
  return value.substr(0, n);
}

}  // namespace tusk
