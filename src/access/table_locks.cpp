#include "access/table_locks.hpp"

#include <algorithm>
#include <chrono>
#include <functional>

#include "access/lock_wait.hpp"
#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {

// Modes each mode conflicts with, as bits (1 << mode): PostgreSQL's table.
uint16_t ConflictMask(TableLockMode mode) {
  auto bits = [](std::initializer_list<int> modes) {
    uint16_t m = 0;
    for (int x : modes) m = static_cast<uint16_t>(m | (1u << x));
    return m;
  };
  switch (mode) {
    case TableLockMode::kAccessShare: return bits({8});
    case TableLockMode::kRowShare: return bits({7, 8});
    case TableLockMode::kRowExclusive: return bits({5, 6, 7, 8});
    case TableLockMode::kShareUpdateExclusive: return bits({4, 5, 6, 7, 8});
    case TableLockMode::kShare: return bits({3, 4, 6, 7, 8});
    case TableLockMode::kShareRowExclusive: return bits({3, 4, 5, 6, 7, 8});
    case TableLockMode::kExclusive: return bits({2, 3, 4, 5, 6, 7, 8});
    case TableLockMode::kAccessExclusive: return bits({1, 2, 3, 4, 5, 6, 7, 8});
  }
  return 0;
}

constexpr auto kSlice = std::chrono::milliseconds(10);

}  // namespace

const char* TableLockModeName(TableLockMode mode) {
  switch (mode) {
    case TableLockMode::kAccessShare: return "AccessShareLock";
    case TableLockMode::kRowShare: return "RowShareLock";
    case TableLockMode::kRowExclusive: return "RowExclusiveLock";
    case TableLockMode::kShareUpdateExclusive: return "ShareUpdateExclusiveLock";
    case TableLockMode::kShare: return "ShareLock";
    case TableLockMode::kShareRowExclusive: return "ShareRowExclusiveLock";
    case TableLockMode::kExclusive: return "ExclusiveLock";
    case TableLockMode::kAccessExclusive: return "AccessExclusiveLock";
  }
  return "";
}

std::vector<uint64_t> TableLocks::Blockers(uint32_t rel, uint64_t owner, TableLockMode mode) const {
  std::vector<uint64_t> out;
  auto t = tables_.find(rel);
  if (t == tables_.end()) return out;
  const uint16_t conflicts = ConflictMask(mode);
  for (const auto& [other, held] : t->second.modes)
    if (other != owner && (held & conflicts)) out.push_back(other);
  return out;
}

bool TableLocks::Conflicts(uint32_t rel, uint64_t owner, TableLockMode mode) const {
  auto t = tables_.find(rel);
  if (t == tables_.end()) return false;
  const uint16_t conflicts = ConflictMask(mode);
  for (const auto& [other, held] : t->second.modes)
    if (other != owner && (held & conflicts)) return true;
  return false;
}

std::vector<uint64_t> TableLocks::FindCycle(uint64_t owner) const {
  std::vector<uint64_t> path;
  std::set<uint64_t> visited;
  std::function<bool(uint64_t)> visit = [&](uint64_t at) -> bool {
    path.push_back(at);
    auto w = waits_.find(at);
    if (w != waits_.end()) {
      for (uint64_t next : Blockers(w->second.rel, at, w->second.mode)) {
        if (next == owner) return true;
        if (visited.insert(next).second && visit(next)) return true;
      }
    }
    path.pop_back();
    return false;
  };
  return visit(owner) ? path : std::vector<uint64_t>{};
}

void TableLocks::Acquire(ExecState* st, uint64_t owner, int32_t pid, uint32_t rel, TableLockMode mode, bool nowait,
                         const std::string& rel_name) {
  const uint16_t bit = static_cast<uint16_t>(1u << static_cast<int>(mode));
  std::unique_lock<std::mutex> lock(mu_);
  auto& mine = tables_[rel].modes[owner];
  if (mine & bit) return;
  if (Conflicts(rel, owner, mode)) {
    if (nowait) {
      if (!mine) tables_[rel].modes.erase(owner);
      throw Error(sqlstate::kLockNotAvailable, "could not obtain lock on relation \"" + rel_name + "\"");
    }
    const auto start = std::chrono::steady_clock::now();
    const int64_t lock_timeout = DurationSettingMs(st, "lock_timeout");
    int64_t deadlock_timeout = DurationSettingMs(st, "deadlock_timeout");
    if (deadlock_timeout <= 0) deadlock_timeout = 1000;
    bool deadlock_checked = false;
    waits_[owner] = {rel, mode, pid};
    pids_[owner] = pid;
    struct Unwait {
      TableLocks* locks;
      uint64_t owner;
      uint32_t rel;
      ~Unwait() {
        locks->waits_.erase(owner);
        auto t = locks->tables_.find(rel);
        if (t != locks->tables_.end()) {
          auto m = t->second.modes.find(owner);
          if (m != t->second.modes.end() && m->second == 0) t->second.modes.erase(m);
        }
      }
    } unwait{this, owner, rel};
    while (Conflicts(rel, owner, mode)) {
      released_.wait_for(lock, kSlice);
      lock.unlock();
      CheckInterrupts(st);  // throws on cancel or statement_timeout
      lock.lock();
      auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      if (lock_timeout > 0 && waited >= lock_timeout)
        throw Error(sqlstate::kLockNotAvailable, "canceling statement due to lock timeout");
      if (!deadlock_checked && waited >= deadlock_timeout) {
        deadlock_checked = true;
        auto cycle = FindCycle(owner);
        if (!cycle.empty()) {
          std::string detail;
          for (size_t i = 0; i < cycle.size(); i++) {
            const Wait& w = waits_.at(cycle[i]);
            uint64_t next = cycle[(i + 1) % cycle.size()];
            if (i) detail += "\n";
            detail += "Process " + std::to_string(w.pid) + " waits for " + TableLockModeName(w.mode) + " on relation " +
                      std::to_string(w.rel) + " of database 5; blocked by process " + std::to_string(pids_[next]) + ".";
          }
          throw Error(sqlstate::kDeadlockDetected, "deadlock detected").WithDetail(detail).WithHint("See server log for query details.");
        }
      }
    }
  }
  tables_[rel].modes[owner] |= bit;
  held_[owner].insert(rel);
  pids_[owner] = pid;
}

void TableLocks::ReleaseAll(uint64_t owner) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto h = held_.find(owner);
    if (h == held_.end()) return;
    for (uint32_t rel : h->second) {
      auto t = tables_.find(rel);
      if (t == tables_.end()) continue;
      t->second.modes.erase(owner);
      if (t->second.modes.empty()) tables_.erase(t);
    }
    held_.erase(h);
    pids_.erase(owner);
  }
  released_.notify_all();
}

void LockRelation(ExecState* st, uint32_t rel, TableLockMode mode, bool nowait) {
  if (!st->txn || !st->db || !st->session) return;  // describing a statement, not running it
  const uint64_t owner = st->txn->GetID();
  const uint16_t bit = static_cast<uint16_t>(1u << static_cast<int>(mode));
  if (!st->session->HoldsTableLock(owner, rel, bit)) {
    std::string name;
    if (nowait && st->catalog) name = st->catalog->RelationName(rel);
    st->db->table_locks().Acquire(st, owner, st->session->pid(), rel, mode, nowait, name);
    st->session->NoteTableLock(owner, rel, bit);
  }
  st->relation_locks.push_back({rel, mode});
}

}  // namespace tusk
