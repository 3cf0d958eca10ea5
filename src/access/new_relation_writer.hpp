// Writes the keys of a relation its own transaction created: a new index's build.
//
// No other transaction can read such a relation before this one commits, and the build is the
// only writer of its keys. Put into the storage transaction, every key also went into the
// transaction's indexed write batch, a skip list whose inserts were two thirds of a GIN index
// build. When the session allows it (Session::MayWriteOutsideTransaction: a top-level statement
// at READ COMMITTED, so that every later read of the transaction takes a snapshot that sees
// them), the keys go straight to storage instead, in plain batches; the session registered the
// relation first and removes its keys if the transaction, savepoint or statement rolls back.
// Otherwise they go into the transaction's write batch as before (WriteFreshKey).
#pragma once
#include <cstdint>
#include <string>

#include <rocksdb/write_batch.h>

namespace tusk {

struct ExecState;

class NewRelationWriter {
 public:
  NewRelationWriter(ExecState* st, uint32_t rel);
  void Put(const std::string& key, const std::string& value);
  // Writes what is still buffered. Without it (an error), the buffered keys are dropped.
  void Finish();

 private:
  void WriteBatch();
  ExecState* st_;
  bool outside_;
  rocksdb::WriteBatch batch_;
};

}  // namespace tusk
