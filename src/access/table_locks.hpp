#pragma once
// Table-level locks with PostgreSQL's eight modes and conflict table. Statements take them as
// PostgreSQL does — SELECT ACCESS SHARE, SELECT FOR UPDATE/SHARE ROW SHARE, INSERT/UPDATE/DELETE
// ROW EXCLUSIVE, CREATE INDEX SHARE, ALTER/DROP/TRUNCATE ACCESS EXCLUSIVE — and LOCK TABLE takes
// any of them; a transaction keeps its locks until it ends. A wait ends like a row lock's: on
// cancel or statement_timeout (57014), lock_timeout (55P03), at once under NOWAIT (55P03), or
// with 40P01 when deadlock_timeout finds the waiter in a cycle of table-lock waits.
//
// Not yet: a cycle that mixes a table-lock wait with a row-lock wait is not detected; it ends
// at lock_timeout or statement_timeout (docs/compatibility.md).
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "access/table_lock_mode.hpp"

namespace tusk {

struct ExecState;


// PostgreSQL's names ("AccessShareLock"), for error details.
const char* TableLockModeName(TableLockMode mode);

class TableLocks {
 public:
  // Takes `mode` on relation `rel` for storage transaction `owner` (whose backend is `pid`).
  void Acquire(ExecState* st, uint64_t owner, int32_t pid, uint32_t rel, TableLockMode mode, bool nowait,
               const std::string& rel_name);
  // Lets go of every lock `owner` holds (its transaction ended).
  void ReleaseAll(uint64_t owner);

 private:
  struct Holders {
    std::map<uint64_t, uint16_t> modes;  // owner -> bit (1 << mode) per mode held
  };
  struct Wait {
    uint32_t rel;
    TableLockMode mode;
    int32_t pid;
  };
  bool Conflicts(uint32_t rel, uint64_t owner, TableLockMode mode) const;  // REQUIRES: mu_
  std::vector<uint64_t> Blockers(uint32_t rel, uint64_t owner, TableLockMode mode) const;  // REQUIRES: mu_
  // The wait cycle through `owner`, owner first; empty when there is none. REQUIRES: mu_
  std::vector<uint64_t> FindCycle(uint64_t owner) const;

  std::mutex mu_;
  std::condition_variable released_;
  std::map<uint32_t, Holders> tables_;
  std::map<uint64_t, std::set<uint32_t>> held_;  // owner -> relations it holds locks on
  std::map<uint64_t, Wait> waits_;               // owner -> what it waits for
  std::map<uint64_t, int32_t> pids_;             // owner -> backend pid (for deadlock reports)
};

// Takes `mode` on a relation in the statement's transaction and remembers it in the state, so
// that a kept plan takes the same locks when it runs again (engine/plan_cache.cpp).
void LockRelation(ExecState* st, uint32_t rel, TableLockMode mode, bool nowait = false);

}  // namespace tusk
