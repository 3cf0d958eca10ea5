#pragma once
// SERIALIZABLE isolation: Serializable Snapshot Isolation as PostgreSQL implements it (Cahill's
// algorithm in Ports and Grittner's form). Each serializable transaction runs on one snapshot
// like REPEATABLE READ; on top, reads and writes of concurrent serializable transactions are
// tracked to find rw-antidependencies (T1 read something T2 wrote, without seeing it). A
// transaction with both an incoming and an outgoing one (a "pivot") in a dangerous order is
// cancelled with 40001, at the read, write or commit where PostgreSQL would cancel it.
//
// Reads are tracked per row for primary-key lookups and per table for every other scan
// (PostgreSQL locks tuples, index pages or whole relations); writes per row. This finds every
// anomaly PostgreSQL finds; where a scan reads a whole table it may also cancel a transaction
// PostgreSQL would let commit (false positives are allowed, false negatives never).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace tusk {

struct ExecState;

class SerializableTransactions {
 public:
  struct Txn;
  using Handle = std::shared_ptr<Txn>;

  // Registers a serializable transaction when it takes its snapshot.
  Handle Begin(bool read_only);
  // Before reading table `rel` (all of it, or the row with storage key *row_key) and before
  // writing a row of it (throws 40001 when the transaction must give up).
  void OnRead(const Handle& t, uint32_t rel, const std::string* row_key);
  void OnWrite(const Handle& t, uint32_t rel, const std::string& row_key);
  // Before the storage commit: the last check (throws 40001). Then Committed or Aborted.
  void PreCommit(const Handle& t);
  void Committed(const Handle& t);
  void Aborted(const Handle& t);

 private:
  void Flag(Txn* reader, Txn* writer, Txn* me);  // records reader -rw-> writer, then checks
  bool Concurrent(const Txn* a, const Txn* b) const;
  void Cleanup();

  std::mutex mu_;
  uint64_t last_commit_seq_ = 0;
  uint64_t next_id_ = 1;
  std::map<uint64_t, Handle> txns_;  // active, and committed ones still relevant to active ones
};

// The hooks the access layer calls before reading or writing a table; they do nothing unless
// the statement's transaction is SERIALIZABLE.
void SerializableRead(ExecState* st, uint32_t rel, const std::string* row_key = nullptr);
void SerializableWrite(ExecState* st, uint32_t rel, const std::string& row_key);

}  // namespace tusk
