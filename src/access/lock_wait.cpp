#include "access/lock_wait.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"

namespace tusk {

namespace {
using Clock = std::chrono::steady_clock;

// Waits are taken in short slices so that cancellation, timeouts and deadlock checks run.
constexpr int64_t kSliceMs = 20;

struct TimeoutRestore {
  rocksdb::Transaction* txn;
  ~TimeoutRestore() { txn->SetLockTimeout(-1); }
};

std::string DeadlockDetail(ExecState* st, const rocksdb::DeadlockPath* path) {
  if (!path) return "";
  Backends& b = st->db->backends();
  std::string detail;
  for (size_t i = 0; i < path->path.size(); i++) {
    const auto& hop = path->path[i];
    const auto& next = path->path[(i + 1) % path->path.size()];
    if (!detail.empty()) detail += "\n";
    // As PostgreSQL words a wait for a row held by another transaction.
    detail += "Process " + std::to_string(b.PidOfTransaction(hop.m_txn_id)) + " waits for ShareLock on transaction " +
              std::to_string(next.m_txn_id) + "; blocked by process " + std::to_string(b.PidOfTransaction(next.m_txn_id)) + ".";
  }
  return detail;
}

// The newest deadlock RocksDB recorded that involves this transaction.
const rocksdb::DeadlockPath* FindPath(const std::vector<rocksdb::DeadlockPath>& paths, uint64_t me) {
  for (auto it = paths.rbegin(); it != paths.rend(); ++it)
    for (const auto& hop : it->path)
      if (hop.m_txn_id == me) return &*it;
  return nullptr;
}

[[noreturn]] void ThrowDeadlock(ExecState* st, uint64_t me) {
  auto paths = st->db->store()->db()->GetDeadlockInfoBuffer();
  st->db->backends().ClearDeadlocked(me);
  throw Error(sqlstate::kDeadlockDetected, "deadlock detected")
      .WithDetail(DeadlockDetail(st, FindPath(paths, me)))
      .WithHint("See server log for query details.");
}
}  // namespace

int64_t DurationSettingMs(ExecState* st, const char* name) {
  auto v = st->session ? st->session->GetSetting(name) : std::nullopt;
  return v ? ParseDurationMs(*v) : 0;
}

LockResult LockKey(ExecState* st, const std::string& key, const LockRequest& req, std::string* value,
                   rocksdb::Transaction* txn) {
  if (!txn) txn = st->txn;
  TimeoutRestore restore{txn};
  Backends& backends = st->db->backends();
  const uint64_t me = txn->GetID();
  const auto start = Clock::now();
  // Read only once a wait has begun: most locks are granted at the first try.
  int64_t lock_timeout = -1, deadlock_timeout = -1;
  bool deadlock_checked = false, waited_before = false;
  txn->SetLockTimeout(req.wait == LockWait::kBlock ? kSliceMs : 0);
  std::string scratch;
  for (;;) {
    rocksdb::Status s = txn->GetForUpdate(rocksdb::ReadOptions(), key, value ? value : &scratch, req.exclusive, req.check_snapshot);
    if (s.ok() || s.IsNotFound()) {
      if (waited_before) backends.ClearDeadlocked(me);
      return s.ok() ? LockResult::kFound : LockResult::kMissing;
    }
    bool deadlock = s.IsBusy() && s.subcode() == rocksdb::Status::kDeadlock;
    if (s.IsBusy() && !deadlock) {
      // REPEATABLE READ and the key changed after our snapshot.
      std::string unused;
      bool gone = txn->Get(rocksdb::ReadOptions(), key, &unused).IsNotFound();
      throw Error(sqlstate::kSerializationFailure, gone ? "could not serialize access due to concurrent delete"
                                                        : "could not serialize access due to concurrent update");
    }
    if (!s.IsTimedOut() && !deadlock) CheckStatus(s, "lock");
    if (req.wait == LockWait::kSkipLocked && !deadlock) return LockResult::kSkipped;
    if (req.wait == LockWait::kNoWait && !deadlock)
      throw Error(sqlstate::kLockNotAvailable, "could not obtain lock on row in relation \"" + req.relation + "\"");
    CheckInterrupts(st);
    if (!waited_before) {
      waited_before = true;
      lock_timeout = DurationSettingMs(st, "lock_timeout");
      deadlock_timeout = DurationSettingMs(st, "deadlock_timeout");
      if (deadlock_timeout <= 0) deadlock_timeout = 1000;
    }
    auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    if (lock_timeout > 0 && waited >= lock_timeout)
      throw Error(sqlstate::kLockNotAvailable, "canceling statement due to lock timeout");
    if (deadlock) {
      // We closed a cycle. Like PostgreSQL, the transaction that gives up is the first whose
      // deadlock_timeout runs out: tell the others, then keep waiting ourselves.
      auto paths = st->db->store()->db()->GetDeadlockInfoBuffer();
      if (const auto* path = FindPath(paths, me)) {
        std::vector<uint64_t> members;
        for (const auto& hop : path->path) members.push_back(hop.m_txn_id);
        backends.MarkDeadlocked(members);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(kSliceMs));
    }
    // As in PostgreSQL, the check runs once, deadlock_timeout after the wait began.
    if (!deadlock_checked && waited >= deadlock_timeout) {
      deadlock_checked = true;
      if (backends.IsDeadlocked(me)) ThrowDeadlock(st, me);
    }
  }
}

}  // namespace tusk
