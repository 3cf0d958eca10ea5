#include "planner/row_locking.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace tusk {

namespace {
const char* StrengthName(RowLockStrength s) {
  switch (s) {
    case RowLockStrength::kKeyShare: return "FOR KEY SHARE";
    case RowLockStrength::kShare: return "FOR SHARE";
    case RowLockStrength::kNoKeyUpdate: return "FOR NO KEY UPDATE";
    default: return "FOR UPDATE";
  }
}
}  // namespace

RowLocking RowLocking::FromSelect(PgQuery__SelectStmt* s) {
  RowLocking r;
  for (size_t i = 0; i < s->n_locking_clause; i++) {
    auto* lc = s->locking_clause[i]->locking_clause;
    Clause c;
    switch (lc->strength) {
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE: c.strength = RowLockStrength::kKeyShare; break;
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE: c.strength = RowLockStrength::kShare; break;
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE: c.strength = RowLockStrength::kNoKeyUpdate; break;
      default: c.strength = RowLockStrength::kUpdate;
    }
    c.wait = lc->wait_policy == PG_QUERY__LOCK_WAIT_POLICY__LockWaitSkip ? LockWait::kSkipLocked
           : lc->wait_policy == PG_QUERY__LOCK_WAIT_POLICY__LockWaitError ? LockWait::kNoWait : LockWait::kBlock;
    for (size_t k = 0; k < lc->n_locked_rels; k++) {
      auto* rv = lc->locked_rels[k]->range_var;
      c.names.push_back({rv->relname, rv->location});
    }
    r.clauses.push_back(c);
  }
  return r;
}

std::string RowLocking::Name() const { return clauses.empty() ? "" : StrengthName(clauses[0].strength); }

const RowLocking::Clause* RowLocking::For(const std::string& alias) {
  const Clause* best = nullptr;
  for (const auto& c : clauses) {
    bool covers = c.names.empty();
    for (const auto& [n, loc] : c.names)
      if (n == alias) {
        covers = true;
        matched.push_back(n);
      }
    if (covers && (!best || c.strength > best->strength)) best = &c;
  }
  return best;
}

bool RowLocking::LocksEverything() const {
  return std::any_of(clauses.begin(), clauses.end(), [](const Clause& c) { return c.names.empty(); });
}

void RowLocking::CheckAllNamesFound() const {
  for (const auto& c : clauses)
    for (const auto& [n, loc] : c.names)
      if (std::find(matched.begin(), matched.end(), n) == matched.end())
        throw Error(sqlstate::kUndefinedTable, "relation \"" + n + "\" in " + StrengthName(c.strength) + " clause not found in FROM clause")
            .WithPosition(loc + 1);
}

void RowLocking::CheckQueryShape(PgQuery__SelectStmt* s, bool has_aggregates, bool has_windows, bool has_srfs) const {
  auto refuse = [&](const char* what) {
    throw Error(sqlstate::kFeatureNotSupported, Name() + " is not allowed with " + what);
  };
  if (s->n_distinct_clause) refuse("DISTINCT clause");
  if (s->n_group_clause) refuse("GROUP BY clause");
  if (s->having_clause) refuse("HAVING clause");
  if (has_aggregates) refuse("aggregate functions");
  if (has_windows) refuse("window functions");
  if (has_srfs) refuse("set-returning functions in the target list");
}

}  // namespace tusk
