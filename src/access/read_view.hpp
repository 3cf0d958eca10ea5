// Where a statement's reads come from: its transaction (its own writes over the snapshot), or,
// for a cursor, a frozen copy of the transaction's writes as they stood at DECLARE.
//
// A cursor reads on while its transaction goes on writing and rolling back to savepoints; an
// iterator over the live write batch would see those later writes (PostgreSQL's cursor does
// not) and is invalidated when a rollback rebuilds the batch's index. So a cursor freezes the
// writes once (FreezeWrites) and every read path below reads that copy under the snapshot.
#pragma once
#include <memory>
#include <string>

#include <rocksdb/iterator.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/transaction.h>
#include <rocksdb/utilities/write_batch_with_index.h>

namespace tusk {

struct ExecState;

// A copy of `txn`'s writes so far, indexed for reading.
std::shared_ptr<const rocksdb::WriteBatchWithIndex> FreezeWrites(rocksdb::Transaction* txn);

rocksdb::Iterator* NewReadIterator(ExecState* st, const rocksdb::ReadOptions& ro);
rocksdb::Status ReadKey(ExecState* st, const rocksdb::ReadOptions& ro, const rocksdb::Slice& key, std::string* value);
void ReadKeys(ExecState* st, const rocksdb::ReadOptions& ro, size_t n, const rocksdb::Slice* keys,
              rocksdb::PinnableSlice* values, rocksdb::Status* statuses);

}  // namespace tusk
