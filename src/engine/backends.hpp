#pragma once
// The live sessions of one database, by backend pid. Lets a session cancel another
// (pg_cancel_backend), maps storage transactions to pids for deadlock reports, and carries
// what the deadlock detection found from the waiter that saw the cycle to the one that must
// give up.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace tusk {

class Backends {
 public:
  // A backend connected to database `db`.
  void Add(int32_t pid, std::atomic<bool>* cancel, uint32_t db);
  void Remove(int32_t pid);
  // Asks the backend's running statement to stop (57014); false when there is no such pid.
  bool Cancel(int32_t pid);
  // How to end the backend's connection (set by the server; embedded sessions have none).
  void SetTerminator(int32_t pid, std::function<void()> terminate);
  // Ends the backend's connection (57P01), or cancels its statement when it has none.
  bool Terminate(int32_t pid);
  // The backends connected to database `db`, but `self`.
  std::vector<int32_t> OthersIn(uint32_t db, int32_t self);
  void SetTransaction(int32_t pid, uint64_t txn_id);  // 0: none
  int32_t PidOfTransaction(uint64_t txn_id);
  // Another storage transaction of the same backend (the one holding its advisory locks).
  void AddTransactionOf(int32_t pid, uint64_t txn_id);
  void RemoveTransaction(uint64_t txn_id);

  // A waiter that closed a cycle of lock waits names its transactions; each of them decides,
  // when its own deadlock_timeout expires, whether it is still in a cycle (marks are refreshed
  // while the cycle lasts and expire shortly after).
  void MarkDeadlocked(const std::vector<uint64_t>& txns);
  bool IsDeadlocked(uint64_t txn_id);
  void ClearDeadlocked(uint64_t txn_id);

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mu_;
  std::map<int32_t, std::atomic<bool>*> cancel_;
  std::map<int32_t, uint32_t> database_;
  std::map<int32_t, std::function<void()>> terminate_;
  std::map<uint64_t, int32_t> txn_pid_;
  std::map<int32_t, uint64_t> pid_txn_;
  std::map<uint64_t, Clock::time_point> deadlocked_;
};

}  // namespace tusk
