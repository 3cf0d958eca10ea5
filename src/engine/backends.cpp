#include "engine/backends.hpp"

namespace tusk {

void Backends::Add(int32_t pid, std::atomic<bool>* cancel, uint32_t db) {
  std::lock_guard<std::mutex> lock(mu_);
  cancel_[pid] = cancel;
  database_[pid] = db;
}

std::vector<int32_t> Backends::OthersIn(uint32_t db, int32_t self) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<int32_t> out;
  for (const auto& [pid, d] : database_)
    if (d == db && pid != self) out.push_back(pid);
  return out;
}

void Backends::Remove(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  cancel_.erase(pid);
  database_.erase(pid);
  terminate_.erase(pid);
  auto it = pid_txn_.find(pid);
  if (it != pid_txn_.end()) {
    txn_pid_.erase(it->second);
    pid_txn_.erase(it);
  }
}

bool Backends::Cancel(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cancel_.find(pid);
  if (it == cancel_.end()) return false;
  it->second->store(true);
  return true;
}

void Backends::SetTerminator(int32_t pid, std::function<void()> terminate) {
  std::lock_guard<std::mutex> lock(mu_);
  terminate_[pid] = std::move(terminate);
}

bool Backends::Terminate(int32_t pid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cancel_.find(pid);
  if (it == cancel_.end()) return false;
  it->second->store(true);
  auto t = terminate_.find(pid);
  if (t != terminate_.end()) t->second();
  return true;
}

void Backends::SetTransaction(int32_t pid, uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pid_txn_.find(pid);
  if (it != pid_txn_.end()) {
    txn_pid_.erase(it->second);
    deadlocked_.erase(it->second);
  }
  if (txn_id == 0) {
    pid_txn_.erase(pid);
    return;
  }
  pid_txn_[pid] = txn_id;
  txn_pid_[txn_id] = pid;
}

void Backends::AddTransactionOf(int32_t pid, uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  txn_pid_[txn_id] = pid;
}

void Backends::RemoveTransaction(uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  txn_pid_.erase(txn_id);
  deadlocked_.erase(txn_id);
}

int32_t Backends::PidOfTransaction(uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = txn_pid_.find(txn_id);
  return it == txn_pid_.end() ? 0 : it->second;
}

void Backends::MarkDeadlocked(const std::vector<uint64_t>& txns) {
  std::lock_guard<std::mutex> lock(mu_);
  for (uint64_t t : txns) deadlocked_[t] = Clock::now();
}

bool Backends::IsDeadlocked(uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = deadlocked_.find(txn_id);
  return it != deadlocked_.end() && Clock::now() - it->second < std::chrono::milliseconds(250);
}

void Backends::ClearDeadlocked(uint64_t txn_id) {
  std::lock_guard<std::mutex> lock(mu_);
  deadlocked_.erase(txn_id);
}

}  // namespace tusk
