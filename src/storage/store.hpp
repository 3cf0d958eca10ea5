// Storage: a RocksDB TransactionDB holding every key of the database.
//
// Key layout (first byte is the key space):
//   "C"                         the postgres database's catalog (see catalog/catalog.hpp)
//   "C" + database oid (4 BE)   another database's catalog
//   "G"                         the cluster catalog: roles, databases (catalog/cluster_catalog.hpp)
//   "O"                         the OID counter: first OID not yet covered (4 BE)
//   "S" + seq oid (4 BE)        sequence state: last_value (8 BE), is_called (1 byte)
//   "T" / "P" + table oid       ANALYZE's column statistics / row and page counts
//                               (access/statistics_store.hpp)
//   "r" + relation oid (4 BE) + memcomparable key (common/keycodec.hpp)
//        tables:  key = primary key columns (or hidden 8-byte row id); value = row (rowcodec)
//        indexes: key = index columns + table key (non-unique, or unique with a NULL);
//                 key = index columns (unique); value = table key
// Durability: the WAL is fsync'd on commit unless the transaction asked otherwise.
#pragma once
#include <memory>
#include <string>

#include <rocksdb/utilities/transaction.h>
#include <rocksdb/utilities/transaction_db.h>

#include "storage/head_hints.hpp"
#include "storage/range_compactor.hpp"

namespace tusk {

class RowCache;

class Store {
 public:
  // Opens (creating if needed) the database in `dir`, caching up to cache_bytes of data blocks
  // in memory (the role of PostgreSQL's shared_buffers), and half as much of rows read by key
  // (storage/row_cache.hpp). Throws Error 58030 on failure.
  static std::unique_ptr<Store> Open(const std::string& dir, size_t cache_bytes = kDefaultCacheBytes);
  static constexpr size_t kDefaultCacheBytes = 128u << 20;
  ~Store();

  rocksdb::TransactionDB* db() { return db_; }
  // Starts a storage transaction. Lock waits are bounded by lock_timeout_ms (-1: forever).
  // `reuse`, a finished transaction, is started again instead of allocating a new one.
  rocksdb::Transaction* Begin(bool sync, int64_t lock_timeout_ms, rocksdb::Transaction* reuse = nullptr);
  // Writes outside any transaction (sequence state): not undone by rollback, as in PostgreSQL.
  // Never a relation key: those commit through the row cache's CommitGuard.
  void PutNonTransactional(const std::string& key, const std::string& value);
  bool GetCommitted(const std::string& key, std::string* value);
  // Removes every key in [begin, end) — used for dropped relations after the drop commits.
  void DeleteRange(const std::string& begin, const std::string& end);
  // Writes a batch atomically without taking the TransactionDB's key locks: only for keys no
  // transaction locks (a dropped relation's, GIN postings: see access/gin/gin_merge.hpp).
  void WriteWithoutLocks(rocksdb::WriteBatch* batch);
  // Bytes the keys in [begin, end) take: RocksDB's estimate over its files and memtables
  // (pg_relation_size and friends).
  uint64_t ApproximateSize(const std::string& begin, const std::string& end);
  // Rewrites the files holding [begin, end) without the deleted keys and old versions in it
  // (VACUUM), waiting until it is done.
  void Compact(const std::string& begin, const std::string& end);
  // Writes every memtable to its file and syncs the WAL (CHECKPOINT), waiting until done.
  void Checkpoint();
  // Starts writing the memtable to a table file and returns. After a bulk load: a point read
  // of a row in a large memtable walks its skip list (about 3 us, a cache miss per level), one
  // in a table file is a binary search of cached blocks (under 1 us).
  void FlushSoon();
  // Where deleted keys are counted, so that ranges full of tombstones get compacted.
  RangeCompactor& compactor() { return *compactor_; }
  // Where scans may start past a relation's deleted head keys.
  HeadHints& head_hints() { return head_hints_; }
  // Rows read by key; every commit of relation keys goes through its CommitGuard.
  RowCache& row_cache() { return *row_cache_; }

 private:
  rocksdb::TransactionDB* db_ = nullptr;
  std::unique_ptr<RangeCompactor> compactor_;  // stopped before the database closes
  std::unique_ptr<RowCache> row_cache_;
  HeadHints head_hints_;
};

// Throws the SQL error matching a failed RocksDB status (lock timeout, deadlock, I/O).
void CheckStatus(const rocksdb::Status& s, const char* what);

}  // namespace tusk
