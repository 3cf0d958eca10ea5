// LOCK TABLE name [, ...] [IN mode MODE] [NOWAIT]: takes a table lock (access/table_locks.hpp)
// that lasts until the transaction ends.
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"

namespace tusk {

void ExecuteLockTable(PgQuery__LockStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block) {
  if (!in_transaction_block)
    throw Error(sqlstate::kNoActiveSqlTransaction, "LOCK TABLE can only be used in transaction blocks");
  if (stmt->mode < 1 || stmt->mode > 8) throw Error(sqlstate::kSyntaxError, "unrecognized lock mode");
  const auto mode = static_cast<TableLockMode>(stmt->mode);
  ParamTypes params;
  Planner planner(st, &params);
  for (size_t i = 0; i < stmt->n_relations; i++) {
    auto* rv = stmt->relations[i]->range_var;
    try {
      if (planner.ResolveSystem(rv))
        throw Error(sqlstate::kFeatureNotSupported, "locking a system catalog is not supported");
      planner.ResolveTable(rv, mode, stmt->nowait);
    } catch (Error& e) {
      throw e.ClearPosition();
    }
  }
  sink->Complete("LOCK TABLE");
}

}  // namespace tusk
