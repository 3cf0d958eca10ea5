// What a running statement needs from its session: the storage transaction and snapshot,
// parameters, the date/time context and the catalog it was planned against.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/utilities/transaction.h>

#include "access/table_lock_mode.hpp"

#include "catalog/catalog.hpp"
#include "common/error.hpp"
#include "execution/memory.hpp"
#include "storage/head_hints.hpp"
#include "storage/range_compactor.hpp"
#include "types/datetime.hpp"
#include "types/value.hpp"

namespace rocksdb {
class WriteBatchWithIndex;
}

namespace tusk {

class Session;
class Database;
class Operator;
struct TransitionTables;

struct ExecState {
  Session* session = nullptr;
  Database* db = nullptr;
  rocksdb::Transaction* txn = nullptr;
  HeadHints::Writer* hint_writer = nullptr;  // txn's announcement of its Puts (see WriteKey)
  // Keys txn deleted, per relation oid: reported to the range compactor and the head hints
  // once it commits (NoteDelete).
  std::map<uint32_t, RangeCompactor::Deletes>* deletes = nullptr;
  const rocksdb::Snapshot* snapshot = nullptr;  // the statement's (READ COMMITTED) or the transaction's snapshot
  // A cursor's reads: its transaction's writes as they were at DECLARE (access/read_view.hpp);
  // null: reads go through txn.
  std::shared_ptr<const rocksdb::WriteBatchWithIndex> frozen_writes;
  // REPEATABLE READ: locking a row written by another transaction since the snapshot fails with
  // 40001 instead of reading the newer version.
  bool repeatable_read = false;
  std::shared_ptr<const Catalog> catalog;
  std::vector<Value> params;
  DateTimeContext dt;
  int64_t statement_start = 0;  // µs since 2000, for statement_timestamp()
  bool describe_only = false;
  // Planning a definition (CREATE VIEW's query, a function body's check): privileges are
  // checked when it runs, not now (security/object_privileges.hpp).
  bool defining = false;
  uint64_t exec_id = 0;         // unique per statement execution (CTE results are cached per id)
  std::atomic<bool>* cancel = nullptr;  // set when the client asked to cancel the statement
  std::atomic<bool>* client_lost = nullptr;  // set when the client hung up (server/client_watch.hpp)
  // Sends a NOTICE, WARNING, INFO ... to the client.
  std::function<void(const Notice&)> notify;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();  // statement_timeout
  // Operators holding storage iterators or buffered rows, registered when opened; released when
  // the statement ends (ReleaseOpened), so that a plan kept for the next execution pins neither
  // the finished transaction's data nor memory.
  std::vector<Operator*> opened;
  // What the statement's buffers hold (execution/memory.hpp); null: not counted.
  std::shared_ptr<MemoryAccount> memory;
  // The table locks the statement took (access/table_locks.hpp), for a kept plan to take again.
  std::vector<std::pair<uint32_t, TableLockMode>> relation_locks;
  // While a trigger function runs: the transition tables its trigger names (transition_tables.hpp).
  const TransitionTables* transitions = nullptr;
};

// A statement run inside the running one (a SQL function's body, a query given as text): while
// it lives, st->params are `params` and st->exec_id is new, so that uncorrelated subqueries run
// again; both come back when it ends.
class NestedStatementScope {
 public:
  NestedStatementScope(ExecState* st, std::vector<Value> params);
  ~NestedStatementScope();
  NestedStatementScope(const NestedStatementScope&) = delete;
  NestedStatementScope& operator=(const NestedStatementScope&) = delete;

 private:
  ExecState* st_;
  std::vector<Value> saved_params_;
  uint64_t saved_exec_id_;
};

// Throws 57014 if the statement was cancelled or ran past statement_timeout.
void CheckInterrupts(const ExecState* st);

}  // namespace tusk
