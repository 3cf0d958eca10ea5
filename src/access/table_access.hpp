// Table access: reading and writing rows of one table and keeping its indexes in step, inside
// the statement's storage transaction. Enforces uniqueness (23505); NOT NULL, CHECK and foreign
// keys are the DML layer's job because they need expressions and other tables.
//
// Index entries (see storage/store.hpp for the key spaces):
//   key    index prefix + encoded index columns [+ table key, unless unique without NULLs]
//   value  varint length of the table key + table key
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "access/lock_rows.hpp"
#include "catalog/catalog.hpp"
#include "common/keycodec.hpp"
#include "execution/expr.hpp"

namespace tusk {

// An index with its key expressions bound for evaluation on table rows.
struct BoundIndex {
  const IndexDef* def = nullptr;
  std::vector<ExprP> keys;
  std::vector<KeyColumnOrder> orders;
  std::vector<std::string> key_sql;  // each key as pg_get_indexdef prints it, for error details
  ExprP predicate;                   // partial index; null when the index covers every row
};

// The table key a secondary index entry's value points at (throws XX001 when malformed).
std::string_view IndexEntryTableKey(std::string_view value);

// The key of a row's entry in an index: its key values (into *values when given) encoded in
// index order. Unique form — no table key appended, so a second equal entry collides — when
// the index is unique and no value is NULL, or its NULLs are not distinct.
std::string EncodeIndexKey(const BoundIndex& idx, EvalContext& ctx, Row* values, bool* unique_form);

class TableAccess {
 public:
  TableAccess(ExecState* st, const TableDef* table, std::vector<BoundIndex> indexes);
  TableAccess(const TableAccess&) = delete;
  TableAccess& operator=(const TableAccess&) = delete;

  const TableDef& table() const { return *table_; }
  // The storage key of a row: its primary key, or a fresh hidden row id.
  std::string MakeRowKey(const Row& row);
  // Inserts a row, adding index entries; throws 23505 on a duplicate. Returns the row key.
  std::string Insert(const Row& row);
  // Replaces a row (the key may change when the primary key changes); returns the new key.
  std::string Update(const std::string& key, const Row& old_row, const Row& new_row);
  void Delete(const std::string& key, const Row& row);
  // Locks the row for writing and returns its newest committed version; false when it is gone.
  // A write that deletes the row or changes its key columns takes kUpdate, others kNoKeyUpdate.
  bool LockRow(const std::string& key, Row* latest, RowLockStrength strength = RowLockStrength::kNoKeyUpdate);
  // The lock an update of these columns needs: kUpdate if one of them is in a unique index
  // (PostgreSQL's "key columns"), else kNoKeyUpdate.
  RowLockStrength UpdateLockFor(const std::vector<int>& columns) const;
  // Reads a row by key in the statement snapshot (including this transaction's writes).
  bool Fetch(const std::string& key, Row* row);
  // Looks up by a unique index's key values; returns the table key.
  bool LookupUnique(const BoundIndex& idx, const Row& key_values, std::string* table_key, bool lock);
  const std::vector<BoundIndex>& indexes() const { return indexes_; }

 private:
  std::string IndexKey(const BoundIndex& idx, const Row& row, const std::string& table_key, bool* unique_form);
  // A GIN index's entry keys for the row, its table key still to be appended.
  std::vector<std::string> GinKeys(const BoundIndex& idx, const Row& row);
  void InsertIndexEntries(const Row& row, const std::string& key);
  void DeleteIndexEntries(const Row& row, const std::string& key);
  bool InIndex(const BoundIndex& idx, const Row& row);
  [[noreturn]] void ThrowDuplicate(const BoundIndex& idx, const Row& row);
  bool ReadUniqueKey(const std::string& key, bool lock, std::string* value);

  ExecState* st_;
  const TableDef* table_;
  std::vector<BoundIndex> indexes_;
  const BoundIndex* pk_ = nullptr;
};

rocksdb::ReadOptions SnapshotReadOptions(ExecState* st);

// Every write of a relation's key goes through here: it is announced to the head hints first
// (storage/head_hints.hpp), which scans trust to skip deleted keys. `locked`: the statement has
// locked the key exclusively (LockKey) already.
void WriteKey(ExecState* st, const std::string& key, const std::string& value, const char* what, bool locked = false);
// Writes a key no other transaction can name before this one commits (a row id just
// allocated): into the transaction's write batch, without a row lock. Savepoints still undo it.
void WriteFreshKey(ExecState* st, const std::string& key, const std::string& value, const char* what);

// Counts a deleted key of relation `rel` towards the compactions and head hints that follow
// the transaction's commit.
void NoteDelete(ExecState* st, uint32_t rel, const std::string& key);

// Deletes every key of relation `rel` (a table's rows or an index's entries) in the statement's
// transaction, in slices so that the batch never changes under an open iterator. The deletes go
// straight into the write batch without row locks: callers hold a lock on the table that keeps
// every other writer out (TRUNCATE and table rewrites ACCESS EXCLUSIVE, REINDEX SHARE).
void DeleteRelationKeys(ExecState* st, uint32_t rel);

// Where a forward scan of relation `rel` from `*start` may start in st's snapshot.
void AdvanceScanStart(ExecState* st, uint32_t rel, std::string* start);

}  // namespace tusk
