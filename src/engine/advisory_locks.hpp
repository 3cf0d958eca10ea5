#pragma once
// A session's advisory locks (pg_advisory_lock and friends). They live in a storage
// transaction of their own that never writes, so they can outlast the session's transactions:
// session-level holds stay until unlocked or the session ends, transaction-level holds until
// the current transaction ends. Holds are counted, as in PostgreSQL, and a session never
// conflicts with itself.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <rocksdb/utilities/transaction.h>

#include "access/lock_wait.hpp"

namespace tusk {

class Database;

class AdvisoryLocks {
 public:
  AdvisoryLocks(Database* db, int32_t pid) : db_(db), pid_(pid) {}
  ~AdvisoryLocks();

  // The storage key of an advisory lock of database `db`: one bigint, or two integers (a
  // separate key space). Locks of different databases never meet, as in PostgreSQL.
  static std::string Key(uint32_t db, int64_t id);
  static std::string Key(uint32_t db, int32_t a, int32_t b);

  // false only with kSkipLocked (pg_try_*) when another session holds a conflicting lock.
  bool Acquire(ExecState* st, const std::string& key, bool exclusive, bool transaction_level, LockWait wait);
  // Releases one session-level hold; false if there was none of that mode.
  bool Release(const std::string& key, bool exclusive);
  void ReleaseAllSessionLevel();
  void ReleaseTransactionLevel();

 private:
  struct Hold {
    int session_exclusive = 0, session_shared = 0, xact_exclusive = 0, xact_shared = 0;
    int storage_locks = 0;        // GetForUpdate calls to undo when the last hold goes
    bool storage_exclusive = false;
    int exclusive() const { return session_exclusive + xact_exclusive; }
    int total() const { return exclusive() + session_shared + xact_shared; }
  };
  void Sync(const std::string& key, Hold& h);  // drops or downgrades the storage lock
  rocksdb::Transaction* Txn();

  Database* db_;
  int32_t pid_;
  std::unique_ptr<rocksdb::Transaction> txn_;
  std::map<std::string, Hold> holds_;
};

}  // namespace tusk
