#pragma once
// SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE: locks each row the query returns,
// between ORDER BY and LIMIT as PostgreSQL does (only rows that reach the output are locked,
// and rows SKIP LOCKED skips do not count toward the limit).
//
// Row lock modes map onto two storage locks per row, which reproduces PostgreSQL's conflict
// table: the row's own key (taken exclusively by every write) and a "key lock" key (taken
// exclusively only by writes that delete the row or change its key).
//   FOR KEY SHARE       key lock shared
//   FOR SHARE           key lock shared + row shared
//   FOR NO KEY UPDATE   row exclusive
//   FOR UPDATE          key lock exclusive + row exclusive
#include <string>
#include <vector>

#include "access/lock_wait.hpp"
#include "catalog/catalog.hpp"
#include "execution/operators.hpp"

namespace tusk {

enum class RowLockStrength { kKeyShare, kShare, kNoKeyUpdate, kUpdate };

// The storage key holding a row's key lock.
std::string KeyLockKey(const std::string& row_key);

// Takes a row lock; returns its newest version in *latest. kMissing: the row is gone.
LockResult LockRowVersion(ExecState* st, const TableDef* table, const std::string& row_key, RowLockStrength strength,
                          LockWait wait, Row* latest);

struct LockedRelation {
  const TableDef* table = nullptr;
  int offset = 0;     // first column of the table in the FROM row
  int key_index = 0;  // the row key's position in the FROM row
  RowLockStrength strength = RowLockStrength::kUpdate;
  LockWait wait = LockWait::kBlock;
};

class LockRowsOp : public Operator {
 public:
  // Input rows are the projected row followed, from `base`, by the whole FROM row. When a
  // locked row changed since the snapshot (READ COMMITTED), the row is re-checked against
  // `quals` and re-projected with `projection` from the newest version, or dropped.
  LockRowsOp(OpP child, int base, std::vector<LockedRelation> rels, std::vector<ExprP> quals, std::vector<ExprP> projection);
  void Open(EvalContext* ctx) override { ctx_ = ctx; child->Open(ctx); }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP child;

 private:
  int base_;
  std::vector<LockedRelation> rels_;
  std::vector<ExprP> quals_, projection_;
  EvalContext* ctx_ = nullptr;
};

}  // namespace tusk
