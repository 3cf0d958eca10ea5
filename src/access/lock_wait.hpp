#pragma once
// Taking a storage lock the way PostgreSQL waits for a row lock: the wait ends with an error
// when the client cancels (57014), statement_timeout or lock_timeout expires (57014 / 55P03),
// or, once deadlock_timeout has passed, the transaction is part of a deadlock (40P01). NOWAIT
// fails at once (55P03); SKIP LOCKED gives up quietly.
#include <string>

#include "execution/exec_state.hpp"

namespace tusk {

enum class LockWait { kBlock, kNoWait, kSkipLocked };

struct LockRequest {
  bool exclusive = true;
  // REPEATABLE READ: fail with 40001 if the key was written after the transaction's snapshot.
  bool check_snapshot = false;
  LockWait wait = LockWait::kBlock;
  std::string relation;  // for NOWAIT's message
};

enum class LockResult { kFound, kMissing, kSkipped };

// Locks `key` in the statement's transaction (or in `txn`) and reads its newest committed
// value (own writes included) into *value. kMissing: locked, but no such key.
LockResult LockKey(ExecState* st, const std::string& key, const LockRequest& req, std::string* value,
                   rocksdb::Transaction* txn = nullptr);

// A duration setting ("1s", "250ms", "2min", "0") in milliseconds; 0 means none.
int64_t DurationSettingMs(ExecState* st, const char* name);

}  // namespace tusk
