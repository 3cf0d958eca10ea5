// Statement executors, one family per file: queries and EXPLAIN (query.cpp), INSERT/UPDATE/
// DELETE (dml.cpp), schema changes (ddl.cpp). Each runs inside the session's transaction.
#pragma once
#include <vector>

#include "binder/binder.hpp"
#include "engine/result.hpp"
#include "engine/session.hpp"

namespace tusk {

class Planner;
struct PlannedQuery;

void ExecuteSelect(Node* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
// Runs a planned SELECT into the sink (its data-modifying WITH queries first) under st.
void RunPlannedSelect(Planner* planner, const PlannedQuery& q, ExecState* st, ResultSink* sink);
void ExecuteExplain(PgQuery__ExplainStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
// VACUUM (compacts), ANALYZE (arguments checked) and CHECKPOINT (maintenance.cpp), REINDEX
// (reindex.cpp), CLUSTER (cluster.cpp).
void ExecuteVacuum(PgQuery__VacuumStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink, bool in_transaction_block);
void ExecuteCheckpoint(ExecState* st, ResultSink* sink);
void ExecuteAlterOwner(PgQuery__AlterOwnerStmt* stmt, ExecState* st, ResultSink* sink);  // ddl_owner.cpp
// ops/databases.cpp
void ExecuteCreateDatabase(PgQuery__CreatedbStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block);
void ExecuteDropDatabase(PgQuery__DropdbStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block);
void ExecuteAlterDatabase(PgQuery__AlterDatabaseStmt* stmt, ExecState* st, ResultSink* sink);
// ops/scoped_settings.cpp
void ExecuteAlterDatabaseSet(PgQuery__AlterDatabaseSetStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteAlterRoleSet(PgQuery__AlterRoleSetStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteRenameDatabase(const std::string& name, const std::string& new_name, ExecState* st, ResultSink* sink);
void ExecuteReindex(PgQuery__ReindexStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block);
void ExecuteCluster(PgQuery__ClusterStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block);
// The table's CLUSTER index becomes `index` (0: none); FindClusterIndex finds the index of `t`
// named `name`, with PostgreSQL's errors when there is none or it cannot order the table.
void MarkClusterIndex(Catalog* cat, const TableDef& t, uint32_t index);
uint32_t FindClusterIndex(const Catalog& cat, const TableDef& t, const std::string& name);
// COMMENT ON (comment.cpp).
void ExecuteComment(PgQuery__CommentStmt* stmt, ExecState* st, ResultSink* sink);
// LOCK TABLE (lock_table.cpp).
void ExecuteLockTable(PgQuery__LockStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block);
// UPDATE pg_settings: set_config for each setting it selects (settings_update.cpp).
bool IsSettingsViewUpdate(PgQuery__UpdateStmt* stmt, ExecState* st);
void ExecuteSettingsUpdate(PgQuery__UpdateStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
void ExecuteInsert(PgQuery__InsertStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
void ExecuteUpdate(PgQuery__UpdateStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
void ExecuteDelete(PgQuery__DeleteStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
void ExecuteTruncate(PgQuery__TruncateStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteCreateTableAs(PgQuery__IntoClause* into, Node* query, bool if_not_exists, ExecState* st, ParamTypes* params,
                          ResultSink* sink, const char* tag);
void ExecuteCopy(PgQuery__CopyStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink);
// Schema statements; returns false when `stmt` is not one.
bool ExecuteDdl(Node* stmt, ExecState* st, ResultSink* sink);

// Result columns of a statement without running it (extended protocol Describe).
std::vector<ColumnInfo> DescribeStatement(Node* stmt, ExecState* st, ParamTypes* params, bool* returns_rows);

}  // namespace tusk
