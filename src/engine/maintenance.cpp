// VACUUM and ANALYZE. Tusk needs neither (storage compaction reclaims space in the
// background and the planner keeps no statistics), so they check their arguments as
// PostgreSQL does and change nothing.
#include <string>

#include "common/error.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"

namespace tusk {

void ExecuteVacuum(PgQuery__VacuumStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink, bool in_transaction_block) {
  const char* tag = stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
  if (stmt->is_vacuumcmd && in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
  bool analyze = !stmt->is_vacuumcmd;
  for (size_t i = 0; i < stmt->n_options; i++)
    if (std::string(stmt->options[i]->def_elem->defname) == "analyze") analyze = true;
  Planner planner(st, params);
  for (size_t i = 0; i < stmt->n_rels; i++) {
    auto* vr = stmt->rels[i]->vacuum_relation;
    if (vr->n_va_cols && !analyze)
      throw Error(sqlstate::kFeatureNotSupported, "ANALYZE option must be specified when a column list is provided");
    const TableDef* t = nullptr;
    try {
      t = planner.ResolveTable(vr->relation);
    } catch (Error& e) {
      throw e.ClearPosition();  // PostgreSQL reports these without a cursor position
    }
    for (size_t k = 0; k < vr->n_va_cols; k++) {
      std::string col = vr->va_cols[k]->string->sval;
      if (t->FindColumn(col) < 0)
        throw Error(sqlstate::kUndefinedColumn, "column \"" + col + "\" of relation \"" + t->name + "\" does not exist");
    }
  }
  sink->Complete(tag);
}

}  // namespace tusk
