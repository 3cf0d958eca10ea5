#include "access/read_view.hpp"

#include <algorithm>

#include <rocksdb/utilities/transaction_db.h>

#include "access/own_writes_iterator.hpp"
#include "engine/database.hpp"
#include "execution/exec_state.hpp"
#include "storage/row_cache.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
// Replays a write batch into an indexed one. Tusk writes only Put and Delete (SingleDelete and
// Merge are replayed too); anything else fails the copy rather than dropping a write.
class CopyWrites : public rocksdb::WriteBatch::Handler {
 public:
  explicit CopyWrites(rocksdb::WriteBatchWithIndex* to) : to_(to) {}
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    return cf == 0 ? to_->Put(key, value) : Unsupported();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    return cf == 0 ? to_->Delete(key) : Unsupported();
  }
  rocksdb::Status SingleDeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    return cf == 0 ? to_->SingleDelete(key) : Unsupported();
  }
  rocksdb::Status MergeCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    return cf == 0 ? to_->Merge(key, value) : Unsupported();
  }
  // A transaction's batch may begin with a no-op marker; there is nothing to copy.
  rocksdb::Status MarkNoop(bool) override { return rocksdb::Status::OK(); }

 private:
  static rocksdb::Status Unsupported() { return rocksdb::Status::NotSupported("write kind a cursor cannot copy"); }
  rocksdb::WriteBatchWithIndex* to_;
};
// A transaction that has written nothing yet: the database at its snapshot is what its batch
// would show, read without merging each key with the empty batch first.
bool WroteNothing(const ExecState* st) { return st->txn->GetWriteBatch()->GetWriteBatch()->Count() == 0; }
}  // namespace

std::shared_ptr<const rocksdb::WriteBatchWithIndex> FreezeWrites(rocksdb::Transaction* txn) {
  // overwrite_key as the transaction's own batch: a key's newest write is the one read.
  auto copy = std::make_shared<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0, true);
  rocksdb::WriteBatch* writes = txn->GetWriteBatch()->GetWriteBatch();
  if (writes->Count() > 0) {
    CopyWrites handler(copy.get());
    CheckStatus(writes->Iterate(&handler), "cursor");
  }
  return copy;
}

rocksdb::Iterator* NewReadIterator(ExecState* st, const rocksdb::ReadOptions& ro) {
  // The iterator may outlive this statement's first write (an index scan keeps it for the
  // transaction), so the live batch is laid over even while it is empty.
  // NewIteratorWithBase does not change a frozen batch; the API is non-const only.
  rocksdb::WriteBatchWithIndex* writes = st->frozen_writes ? const_cast<rocksdb::WriteBatchWithIndex*>(st->frozen_writes.get())
                                                           : st->txn->GetWriteBatch();
  return new OwnWritesIterator(st->db->store()->db(), writes, ro);
}

namespace {
// The writes a read must see before the database's: a cursor's frozen copy, the transaction's
// batch, or none when the transaction has written nothing.
rocksdb::WriteBatchWithIndex* OwnWrites(ExecState* st) {
  if (st->frozen_writes) return const_cast<rocksdb::WriteBatchWithIndex*>(st->frozen_writes.get());
  if (WroteNothing(st)) return nullptr;
  return st->txn->GetWriteBatch();
}

// The reads without the row cache: a read of the latest data, or a write the cache cannot
// stand for.
void ReadKeysUncached(ExecState* st, const rocksdb::ReadOptions& ro, size_t n, const rocksdb::Slice* keys,
                      rocksdb::PinnableSlice* values, rocksdb::Status* statuses) {
  rocksdb::DB* db = st->db->store()->db();
  if (!st->frozen_writes) {
    if (WroteNothing(st)) {
      db->MultiGet(ro, db->DefaultColumnFamily(), n, keys, values, statuses);
      return;
    }
    st->txn->MultiGet(ro, db->DefaultColumnFamily(), n, keys, values, statuses);
    return;
  }
  auto* writes = const_cast<rocksdb::WriteBatchWithIndex*>(st->frozen_writes.get());
  writes->MultiGetFromBatchAndDB(db, ro, db->DefaultColumnFamily(), n, keys, values, statuses, false);
}

// What the statement's own writes say of keys looked up in turn. Both batches keep one entry per
// key, its newest write (overwrite_key: the transaction's, and FreezeWrites' copy), so the entry
// at or after the key tells. Keys in ascending order (an index scan's rows of one key value) are
// found by stepping on from the last one rather than by a new Seek, which compares the key with
// a batch record decoded at each level of the batch's skip list.
enum class OwnWrite { kNone, kWritten, kDeleted, kUnreadable };
class OwnWriteFinder {
 public:
  explicit OwnWriteFinder(rocksdb::WriteBatchWithIndex* writes) : it_(writes->NewIterator()) {}

  OwnWrite Find(const rocksdb::Slice& key, rocksdb::Slice* value) {
    if (!positioned_ || key.compare(last_) < 0) {
      it_->Seek(key);
      positioned_ = true;
    } else {
      for (int steps = 0; it_->Valid() && it_->Entry().key.compare(key) < 0; steps++) {
        if (steps == kMaxSteps) {
          it_->Seek(key);
          break;
        }
        it_->Next();
      }
    }
    last_ = key;  // the caller's, alive while it looks its keys up
    return Classify(key, value);
  }

 private:
  static constexpr int kMaxSteps = 8;

  OwnWrite Classify(const rocksdb::Slice& key, rocksdb::Slice* value) {
    if (!it_->Valid()) return OwnWrite::kNone;
    const rocksdb::WriteEntry e = it_->Entry();
    if (e.key != key) return OwnWrite::kNone;
    switch (e.type) {
      case rocksdb::kPutRecord:
        *value = e.value;
        return OwnWrite::kWritten;
      case rocksdb::kDeleteRecord:
      case rocksdb::kSingleDeleteRecord:
        return OwnWrite::kDeleted;
      default:
        return OwnWrite::kUnreadable;  // only RocksDB's merge reads these; Tusk writes none
    }
  }

  std::unique_ptr<rocksdb::WBWIIterator> it_;
  bool positioned_ = false;
  rocksdb::Slice last_;
};
}  // namespace

void ReadKeys(ExecState* st, const rocksdb::ReadOptions& ro, size_t n, const rocksdb::Slice* keys,
              rocksdb::PinnableSlice* values, rocksdb::Status* statuses) {
  // The row cache answers for a snapshot only (storage/row_cache.hpp).
  if (!ro.snapshot) return ReadKeysUncached(st, ro, n, keys, values, statuses);
  const uint64_t snapshot = ro.snapshot->GetSequenceNumber();
  std::unique_ptr<bool[]> want(new bool[n]);
  std::fill(want.get(), want.get() + n, true);
  if (rocksdb::WriteBatchWithIndex* writes = OwnWrites(st)) {
    OwnWriteFinder finder(writes);
    for (size_t i = 0; i < n; i++) {
      rocksdb::Slice written;
      switch (finder.Find(keys[i], &written)) {
        case OwnWrite::kNone: continue;
        case OwnWrite::kWritten: values[i].PinSelf(written); statuses[i] = rocksdb::Status::OK(); break;
        case OwnWrite::kDeleted: statuses[i] = rocksdb::Status::NotFound(); break;
        case OwnWrite::kUnreadable: return ReadKeysUncached(st, ro, n, keys, values, statuses);
      }
      want[i] = false;
    }
  }
  RowCache& cache = st->db->store()->row_cache();
  if (cache.Lookup(n, keys, snapshot, values, statuses, want.get()) == n) return;
  // The rest from the database at the snapshot, in one MultiGet, and into the cache.
  std::vector<size_t> missed;
  for (size_t i = 0; i < n; i++)
    if (want[i]) missed.push_back(i);
  if (missed.empty()) return;
  const size_t m = missed.size();
  std::vector<rocksdb::Slice> miss_keys(m);
  std::vector<rocksdb::PinnableSlice> miss_values(m);
  std::vector<rocksdb::Status> miss_statuses(m);
  for (size_t j = 0; j < m; j++) miss_keys[j] = keys[missed[j]];
  rocksdb::DB* db = st->db->store()->db();
  db->MultiGet(ro, db->DefaultColumnFamily(), m, miss_keys.data(), miss_values.data(), miss_statuses.data());
  std::unique_ptr<bool[]> found(new bool[m]);
  for (size_t j = 0; j < m; j++) found[j] = miss_statuses[j].ok();
  cache.Insert(m, miss_keys.data(), miss_values.data(), found.get(), snapshot);
  for (size_t j = 0; j < m; j++) {
    statuses[missed[j]] = std::move(miss_statuses[j]);
    values[missed[j]] = std::move(miss_values[j]);
  }
}

rocksdb::Status ReadKey(ExecState* st, const rocksdb::ReadOptions& ro, const rocksdb::Slice& key, std::string* value) {
  if (!ro.snapshot) {
    rocksdb::PinnableSlice row;
    rocksdb::Status status;
    ReadKeysUncached(st, ro, 1, &key, &row, &status);
    if (status.ok()) value->assign(row.data(), row.size());
    return status;
  }
  const uint64_t snapshot = ro.snapshot->GetSequenceNumber();
  if (rocksdb::WriteBatchWithIndex* writes = OwnWrites(st)) {
    rocksdb::Slice written;
    switch (OwnWriteFinder(writes).Find(key, &written)) {
      case OwnWrite::kNone: break;
      case OwnWrite::kWritten: value->assign(written.data(), written.size()); return rocksdb::Status::OK();
      case OwnWrite::kDeleted: return rocksdb::Status::NotFound();
      case OwnWrite::kUnreadable: return writes->GetFromBatchAndDB(st->db->store()->db(), ro, key, value);
    }
  }
  RowCache& cache = st->db->store()->row_cache();
  rocksdb::PinnableSlice row;
  rocksdb::Status status;
  bool want = true;
  if (cache.Lookup(1, &key, snapshot, &row, &status, &want) == 0) {
    rocksdb::DB* db = st->db->store()->db();
    status = db->Get(ro, db->DefaultColumnFamily(), key, &row);
    bool found = status.ok();
    cache.Insert(1, &key, &row, &found, snapshot);
  }
  if (status.ok()) value->assign(row.data(), row.size());
  return status;
}

}  // namespace tusk
