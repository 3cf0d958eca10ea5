#include "engine/advisory_locks.hpp"

#include "common/keycodec.hpp"
#include "engine/database.hpp"

namespace tusk {

AdvisoryLocks::~AdvisoryLocks() {
  if (txn_) {
    db_->backends().RemoveTransaction(txn_->GetID());
    txn_->Rollback();
  }
}

std::string AdvisoryLocks::Key(uint32_t db, int64_t id) {
  std::string k = "a\x01";
  AppendUint32BE(db, &k);
  AppendUint64BE(static_cast<uint64_t>(id), &k);
  return k;
}

std::string AdvisoryLocks::Key(uint32_t db, int32_t a, int32_t b) {
  std::string k = "a\x02";
  AppendUint32BE(db, &k);
  AppendUint32BE(static_cast<uint32_t>(a), &k);
  AppendUint32BE(static_cast<uint32_t>(b), &k);
  return k;
}

rocksdb::Transaction* AdvisoryLocks::Txn() {
  if (!txn_) {
    txn_.reset(db_->store()->Begin(false, -1));
    db_->backends().AddTransactionOf(pid_, txn_->GetID());
  }
  return txn_.get();
}

bool AdvisoryLocks::Acquire(ExecState* st, const std::string& key, bool exclusive, bool transaction_level, LockWait wait) {
  Hold& h = holds_[key];
  bool need = exclusive ? !h.storage_exclusive : h.storage_locks == 0;
  if (need) {
    LockRequest req;
    req.exclusive = exclusive;
    req.wait = wait;
    LockResult r;
    try {
      r = LockKey(st, key, req, nullptr, Txn());
    } catch (...) {
      if (h.total() == 0) holds_.erase(key);
      throw;
    }
    if (r == LockResult::kSkipped) {
      if (h.total() == 0) holds_.erase(key);
      return false;
    }
    h.storage_locks++;
    h.storage_exclusive = h.storage_exclusive || exclusive;
  }
  int& count = transaction_level ? (exclusive ? h.xact_exclusive : h.xact_shared) : (exclusive ? h.session_exclusive : h.session_shared);
  count++;
  return true;
}

void AdvisoryLocks::Sync(const std::string& key, Hold& h) {
  if (h.total() > 0 && (h.exclusive() > 0 || !h.storage_exclusive)) return;
  for (; h.storage_locks > 0; h.storage_locks--) txn_->UndoGetForUpdate(key);
  h.storage_exclusive = false;
  if (h.total() == 0) {
    holds_.erase(key);
    return;
  }
  // Only shared holds are left: take the lock again in shared mode (an exclusive waiter may
  // get in first; then this waits for it, as a fresh pg_advisory_lock_shared would).
  std::string unused;
  txn_->SetLockTimeout(-1);
  rocksdb::Status s = txn_->GetForUpdate(rocksdb::ReadOptions(), key, &unused, false, false);
  if (s.ok() || s.IsNotFound()) h.storage_locks = 1;
}

bool AdvisoryLocks::Release(const std::string& key, bool exclusive) {
  auto it = holds_.find(key);
  if (it == holds_.end()) return false;
  int& count = exclusive ? it->second.session_exclusive : it->second.session_shared;
  if (count == 0) return false;
  count--;
  Sync(key, it->second);
  return true;
}

void AdvisoryLocks::ReleaseAllSessionLevel() {
  for (auto it = holds_.begin(); it != holds_.end();) {
    std::string key = it->first;
    Hold& h = it->second;
    ++it;
    h.session_exclusive = h.session_shared = 0;
    Sync(key, h);
  }
}

void AdvisoryLocks::ReleaseTransactionLevel() {
  for (auto it = holds_.begin(); it != holds_.end();) {
    std::string key = it->first;
    Hold& h = it->second;
    ++it;
    if (h.xact_exclusive == 0 && h.xact_shared == 0) continue;
    h.xact_exclusive = h.xact_shared = 0;
    Sync(key, h);
  }
}

}  // namespace tusk
