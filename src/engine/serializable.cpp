#include "engine/serializable.hpp"

#include <string>
#include <vector>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"

namespace tusk {

struct SerializableTransactions::Txn {
  uint64_t id = 0;
  bool read_only = false;
  uint64_t snapshot_seq = 0;  // the last commit sequence number its snapshot sees
  uint64_t prepare_seq = 0;   // set by PreCommit
  uint64_t commit_seq = 0;    // set when committed
  bool prepared = false, committed = false, doomed = false;
  std::set<uint32_t> table_reads, tables_written;
  std::set<std::pair<uint32_t, std::string>> row_reads, rows_written;
  std::set<Txn*> in;   // X -rw-> this: X read something this transaction wrote
  std::set<Txn*> out;  // this -rw-> X
};

namespace {
[[noreturn]] void Fail(const std::string& reason) {
  throw Error(sqlstate::kSerializationFailure, "could not serialize access due to read/write dependencies among transactions")
      .WithDetail("Reason code: " + reason)
      .WithHint("The transaction might succeed if retried.");
}

// A committed transaction with an rw-conflict out to a transaction that committed before it:
// reading around it would complete a dangerous structure.
bool HasConflictOutToEarlierCommit(const SerializableTransactions::Txn* w) {
  for (const auto* x : w->out)
    if (x->committed && x->commit_seq < w->commit_seq) return true;
  return false;
}
}  // namespace

SerializableTransactions::Handle SerializableTransactions::Begin(bool read_only) {
  std::lock_guard<std::mutex> lock(mu_);
  auto t = std::make_shared<Txn>();
  t->id = next_id_++;
  t->read_only = read_only;
  t->snapshot_seq = last_commit_seq_;
  txns_[t->id] = t;
  return t;
}

bool SerializableTransactions::Concurrent(const Txn* a, const Txn* b) const {
  return (!a->committed || a->commit_seq > b->snapshot_seq) && (!b->committed || b->commit_seq > a->snapshot_seq);
}

void SerializableTransactions::OnRead(const Handle& t, uint32_t rel, const std::string* row_key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (t->doomed) Fail("Canceled on identification as a pivot, during conflict out checking.");
  std::pair<uint32_t, std::string> row;
  if (row_key) {
    row = {rel, *row_key};
    t->row_reads.insert(row);
  } else {
    t->table_reads.insert(rel);
  }
  for (auto& [id, w] : txns_) {
    if (w.get() == t.get() || !Concurrent(t.get(), w.get())) continue;
    if (row_key ? !w->rows_written.count(row) : !w->tables_written.count(rel)) continue;
    if (w->committed && HasConflictOutToEarlierCommit(w.get()) &&
        (!t->read_only || w->commit_seq <= t->snapshot_seq))
      Fail("Canceled on conflict out to old pivot " + std::to_string(w->id) + ".");
    Flag(t.get(), w.get(), t.get());
  }
}

void SerializableTransactions::OnWrite(const Handle& t, uint32_t rel, const std::string& row_key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (t->doomed) Fail("Canceled on identification as a pivot, during conflict in checking.");
  std::pair<uint32_t, std::string> row{rel, row_key};
  t->tables_written.insert(rel);
  t->rows_written.insert(row);
  for (auto& [id, r] : txns_) {
    if (r.get() == t.get() || !Concurrent(r.get(), t.get())) continue;
    if (!r->table_reads.count(rel) && !r->row_reads.count(row)) continue;
    Flag(r.get(), t.get(), t.get());
  }
}

// PostgreSQL's OnConflict_CheckForSerializationFailure: after recording reader -rw-> writer,
// look for a dangerous structure T0 -rw-> T1 -rw-> T2 in which T2 committed first.
void SerializableTransactions::Flag(Txn* reader, Txn* writer, Txn* me) {
  if (reader->out.count(writer)) return;
  reader->out.insert(writer);
  writer->in.insert(reader);
  bool failure = writer->committed && HasConflictOutToEarlierCommit(writer);
  if (!failure)
    for (const Txn* t2 : writer->out)
      if (t2->prepared && (!reader->committed || t2->prepare_seq <= reader->commit_seq) &&
          (!writer->committed || t2->prepare_seq <= writer->commit_seq) &&
          (!reader->read_only || t2->prepare_seq <= reader->snapshot_seq)) {
        failure = true;
        break;
      }
  if (!failure && writer->prepared && !reader->read_only)
    for (const Txn* t0 : reader->in)
      if (!t0->doomed && (!t0->committed || t0->commit_seq >= writer->prepare_seq) &&
          (!t0->read_only || t0->snapshot_seq >= writer->prepare_seq)) {
        failure = true;
        break;
      }
  if (!failure) return;
  if (me == writer) Fail("Canceled on identification as a pivot, during write.");
  if (writer->prepared) Fail("Canceled on conflict out to pivot " + std::to_string(writer->id) + ", during read.");
  writer->doomed = true;
}

void SerializableTransactions::PreCommit(const Handle& t) {
  std::lock_guard<std::mutex> lock(mu_);
  if (t->doomed) Fail("Canceled on identification as a pivot, during commit attempt.");
  // A transaction about to commit with an rw-conflict in from a pivot that has one in from
  // us or from another live writer: cancel the pivot, so that a retry can succeed.
  for (Txn* near : t->in) {
    if (near->committed || near->doomed) continue;
    for (const Txn* far : near->in) {
      if (far == t.get() || (!far->committed && !far->read_only && !far->doomed)) {
        if (near->prepared) Fail("Canceled on commit attempt with conflict in from prepared pivot.");
        near->doomed = true;
        break;
      }
    }
  }
  t->prepare_seq = ++last_commit_seq_;
  t->prepared = true;
}

void SerializableTransactions::Committed(const Handle& t) {
  std::lock_guard<std::mutex> lock(mu_);
  t->commit_seq = ++last_commit_seq_;
  t->committed = true;
  Cleanup();
}

void SerializableTransactions::Aborted(const Handle& t) {
  std::lock_guard<std::mutex> lock(mu_);
  for (Txn* x : t->in) x->out.erase(t.get());
  for (Txn* x : t->out) x->in.erase(t.get());
  t->in.clear();
  t->out.clear();
  txns_.erase(t->id);
  Cleanup();
}

// A committed transaction matters while some active one overlaps it.
void SerializableTransactions::Cleanup() {
  uint64_t oldest_active = UINT64_MAX;
  for (auto& [id, t] : txns_)
    if (!t->committed) oldest_active = std::min(oldest_active, t->snapshot_seq);
  std::vector<uint64_t> gone;
  for (auto& [id, t] : txns_)
    if (t->committed && t->commit_seq <= oldest_active) gone.push_back(id);
  for (uint64_t id : gone) {
    Txn* t = txns_[id].get();
    for (Txn* x : t->in) x->out.erase(t);
    for (Txn* x : t->out) x->in.erase(t);
    txns_.erase(id);
  }
}

void SerializableRead(ExecState* st, uint32_t rel, const std::string* row_key) {
  if (st && st->session && st->session->serializable_txn())
    st->db->serializable().OnRead(st->session->serializable_txn(), rel, row_key);
}

void SerializableWrite(ExecState* st, uint32_t rel, const std::string& row_key) {
  if (st && st->session && st->session->serializable_txn())
    st->db->serializable().OnWrite(st->session->serializable_txn(), rel, row_key);
}

}  // namespace tusk
