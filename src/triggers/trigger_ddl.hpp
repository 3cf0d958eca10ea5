// CREATE [OR REPLACE] TRIGGER, DROP TRIGGER, ALTER TABLE ENABLE / DISABLE TRIGGER (trigger_ddl.cpp).
#pragma once
#include "engine/statements.hpp"

namespace tusk {

void ExecuteCreateTrigger(PgQuery__CreateTrigStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteDropTriggers(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink);
// ALTER TABLE t {ENABLE [ALWAYS | REPLICA] | DISABLE} TRIGGER {name | ALL | USER}: whether the
// commands is one of these (then done on t), false for any other ALTER TABLE command.
bool AlterTriggerEnabled(PgQuery__AlterTableCmd* cmd, TableDef* t);

}  // namespace tusk
