#pragma once
// The FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE clauses of one SELECT: which FROM tables
// they lock, how strongly and with which wait policy, and the query shapes they refuse.
#include <string>
#include <vector>

#include "access/lock_rows.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct RowLocking {
  struct Clause {
    RowLockStrength strength;
    LockWait wait;
    std::vector<std::pair<std::string, int>> names;  // OF relations with their locations; empty: all
  };
  std::vector<Clause> clauses;
  std::vector<LockedRelation> rels;  // the tables locked, filled in as FROM is planned
  std::vector<std::string> matched;  // OF names that matched a FROM item

  static RowLocking FromSelect(PgQuery__SelectStmt* s);
  // "FOR UPDATE", "FOR SHARE", ... of the first clause, for error messages.
  std::string Name() const;
  // The clause covering the FROM item with this name (the strongest), or null.
  const Clause* For(const std::string& alias);
  bool LocksEverything() const;
  // 42P01 for an OF name that is not in FROM.
  void CheckAllNamesFound() const;
  // 0A000 for the shapes PostgreSQL refuses (DISTINCT, GROUP BY, HAVING, aggregates, window
  // functions, set-returning functions in the select list).
  void CheckQueryShape(PgQuery__SelectStmt* s, bool has_aggregates, bool has_windows, bool has_srfs) const;
};

}  // namespace tusk
