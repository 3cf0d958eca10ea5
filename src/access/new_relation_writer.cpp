#include "access/new_relation_writer.hpp"

#include "access/table_access.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
// Large enough that a batch's fixed cost (a WAL record, the row cache's commit guard) is
// nothing, small enough to keep the buffer's memory bounded.
constexpr size_t kBatchBytes = 1u << 20;
}  // namespace

NewRelationWriter::NewRelationWriter(ExecState* st, uint32_t rel)
    : st_(st), outside_(st->session && st->session->MayWriteOutsideTransaction(st)) {
  if (outside_) st->session->NoteWrittenOutside(rel);
}

void NewRelationWriter::Put(const std::string& key, const std::string& value) {
  if (!outside_) {
    WriteFreshKey(st_, key, value, "index build");
    return;
  }
  if (st_->hint_writer) st_->db->store()->head_hints().NotePut(st_->hint_writer, key);
  CheckStatus(batch_.Put(key, value), "index build");
  if (batch_.GetDataSize() >= kBatchBytes) WriteBatch();
}

void NewRelationWriter::Finish() {
  if (outside_ && batch_.Count() > 0) WriteBatch();
}

void NewRelationWriter::WriteBatch() {
  st_->db->store()->WriteWithoutLocks(&batch_);
  batch_.Clear();
}

}  // namespace tusk
