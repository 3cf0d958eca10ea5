#include "storage/store.hpp"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include "common/error.hpp"
#include "storage/row_cache.hpp"

namespace tusk {

std::unique_ptr<Store> Store::Open(const std::string& dir, size_t cache_bytes) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.IncreaseParallelism(2);
  options.compression = rocksdb::kNoCompression;
  // A bloom filter over the memtable's keys: a point read (a row fetched by key) of a key the
  // memtable does not hold skips its skip list, whose search was the largest single cost of a
  // trigger-heavy workload's reads.
  options.memtable_prefix_bloom_size_ratio = 0.02;
  options.memtable_whole_key_filtering = true;
  // A commit group's leader puts every member's writes into the memtable itself. With concurrent
  // memtable writes each member inserts its own and the group waits for the last one: one more
  // sleep and wake-up per commit, which on two cores costs more than the parallel insert saves
  // (progress_triggers, 4 paired rounds of 15 s: server CPU per transaction lower in each, 4%).
  options.allow_concurrent_memtable_write = false;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // A hash index in each data block: a point read (a row by its key, as index scans and GIN
  // fetch them) finds its key without a binary search and a walk between restart points.
  table.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  // 16 KiB data blocks: a batch of point reads (a GIN scan's candidate rows) shares blocks
  // more often and searches a smaller index; with the hash index a bigger block costs a point
  // read nothing more. The trigram query: 2.8-2.9 against 3.2-3.5 ms CPU (5 runs side by side).
  table.block_size = 16 * 1024;
  // A lock-free clock cache: the LRU cache's shard mutexes and hash chains were a tenth of
  // an index-heavy report's time (tasks_report +10-14%). Its slot table is sized up front from
  // the capacity (about 64 MB for 2 GB of 4 KB blocks).
  table.block_cache = rocksdb::HyperClockCacheOptions(cache_bytes, table.block_size).MakeSharedCache();
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  rocksdb::TransactionDBOptions txn_options;
  txn_options.transaction_lock_timeout = -1;
  txn_options.default_lock_timeout = -1;
  auto store = std::make_unique<Store>();
  rocksdb::Status s = rocksdb::TransactionDB::Open(options, txn_options, dir, &store->db_);
  if (!s.ok())
    throw Error(sqlstate::kIoError, "could not open data directory \"" + dir + "\": " + s.ToString());
  store->compactor_ = std::make_unique<RangeCompactor>(store->db_);
  store->row_cache_ = std::make_unique<RowCache>(cache_bytes / 2);
  return store;
}

Store::~Store() {
  compactor_.reset();
  delete db_;
}

rocksdb::Transaction* Store::Begin(bool sync, int64_t lock_timeout_ms, rocksdb::Transaction* reuse) {
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  rocksdb::TransactionOptions to;
  to.lock_timeout = lock_timeout_ms;
  to.deadlock_detect = true;
  return db_->BeginTransaction(wo, to, reuse);
}

void Store::PutNonTransactional(const std::string& key, const std::string& value) {
  CheckStatus(db_->Put(rocksdb::WriteOptions(), key, value), "write");
}

bool Store::GetCommitted(const std::string& key, std::string* value) {
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, value);
  if (s.IsNotFound()) return false;
  CheckStatus(s, "read");
  return true;
}

uint64_t Store::ApproximateSize(const std::string& begin, const std::string& end) {
  rocksdb::Range range(begin, end);
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  uint64_t size = 0;
  CheckStatus(db_->GetApproximateSizes(options, db_->DefaultColumnFamily(), &range, 1, &size), "estimate a relation's size");
  if (size > 0) return size;
  // RocksDB's estimate of a memtable range is sampled and can be 0 for a few thousand keys:
  // count a small range's bytes instead (a large one always has an estimate).
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  size_t keys = 0;
  for (it->Seek(begin); it->Valid() && it->key().compare(end) < 0 && keys < 100000; it->Next(), keys++)
    size += it->key().size() + it->value().size();
  return size;
}

void Store::Compact(const std::string& begin, const std::string& end) {
  rocksdb::Slice b(begin), e(end);
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
  CheckStatus(db_->CompactRange(options, &b, &e), "compact");
}

void Store::Checkpoint() {
  rocksdb::FlushOptions options;
  options.wait = true;
  CheckStatus(db_->Flush(options), "checkpoint");
  CheckStatus(db_->SyncWAL(), "checkpoint");
}

void Store::FlushSoon() {
  rocksdb::FlushOptions options;
  options.wait = false;
  options.allow_write_stall = true;
  CheckStatus(db_->Flush(options), "flush");
}

void Store::DeleteRange(const std::string& begin, const std::string& end) {
  // One range tombstone instead of a tombstone per key: dropping a 10M-key index took minutes
  // as a batch of point deletes, each also locked by the TransactionDB. The range belongs to a
  // relation whose drop committed, so no transaction can hold a lock in it (RocksDB's
  // documented way to delete a range in a TransactionDB is to skip concurrency control).
  rocksdb::WriteBatch batch;
  CheckStatus(batch.DeleteRange(begin, end), "delete");
  WriteWithoutLocks(&batch);
  // The files the range covered are rewritten without it in the background.
  compactor_->CompactSoon(begin, end);
}

void Store::WriteWithoutLocks(rocksdb::WriteBatch* batch) {
  rocksdb::TransactionDBWriteOptimizations skip_locks;
  skip_locks.skip_concurrency_control = true;
  RowCache::CommitGuard guard(row_cache_.get(), batch);
  rocksdb::Status s = db_->Write(rocksdb::WriteOptions(), skip_locks, batch);
  guard.Committed(db_->GetLatestSequenceNumber());
  CheckStatus(s, "write");
}

void CheckStatus(const rocksdb::Status& s, const char* what) {
  if (s.ok()) return;
  if (s.IsBusy() && s.subcode() == rocksdb::Status::kDeadlock)
    throw Error(sqlstate::kDeadlockDetected, "deadlock detected");
  if (s.IsBusy())
    throw Error(sqlstate::kSerializationFailure, "could not serialize access due to concurrent update");
  if (s.IsTimedOut())
    throw Error(sqlstate::kLockNotAvailable, "canceling statement due to lock timeout");
  throw Error(sqlstate::kIoError, std::string("storage ") + what + " failed: " + s.ToString());
}

}  // namespace tusk
