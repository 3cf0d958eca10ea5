#include "access/read_view.hpp"

#include <rocksdb/utilities/transaction_db.h>

#include "engine/database.hpp"
#include "execution/exec_state.hpp"
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
  if (!st->frozen_writes) return st->txn->GetIterator(ro);
  rocksdb::DB* db = st->db->store()->db();
  // NewIteratorWithBase does not change the batch; the API is non-const only.
  auto* writes = const_cast<rocksdb::WriteBatchWithIndex*>(st->frozen_writes.get());
  return writes->NewIteratorWithBase(db->DefaultColumnFamily(), db->NewIterator(ro), &ro);
}

rocksdb::Status ReadKey(ExecState* st, const rocksdb::ReadOptions& ro, const rocksdb::Slice& key, std::string* value) {
  if (!st->frozen_writes) {
    if (WroteNothing(st)) return st->db->store()->db()->Get(ro, key, value);
    return st->txn->Get(ro, key, value);
  }
  auto* writes = const_cast<rocksdb::WriteBatchWithIndex*>(st->frozen_writes.get());
  return writes->GetFromBatchAndDB(st->db->store()->db(), ro, key, value);
}

void ReadKeys(ExecState* st, const rocksdb::ReadOptions& ro, size_t n, const rocksdb::Slice* keys,
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

}  // namespace tusk
