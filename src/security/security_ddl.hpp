// The statements of roles and privileges (security/README.md): each executor below is reached
// through ExecuteSecurityDdl, which answers false for any other statement.
#pragma once
#include <string>

#include "engine/result.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ExecState;
struct RoleDef;
struct TableDef;
class Catalog;

bool ExecuteSecurityDdl(Node* stmt, ExecState* st, ResultSink* sink);

void ExecuteCreateRole(PgQuery__CreateRoleStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteAlterRole(PgQuery__AlterRoleStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteRenameRole(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteDropRole(PgQuery__DropRoleStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteGrantRole(PgQuery__GrantRoleStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteGrant(PgQuery__GrantStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteReassignOwned(PgQuery__ReassignOwnedStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteDropOwned(PgQuery__DropOwnedStmt* stmt, ExecState* st, ResultSink* sink);
// ALTER POLICY ... RENAME TO and DROP POLICY (reached from ExecuteRename / ExecuteDrop).
void ExecuteRenamePolicy(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteDropPolicy(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink);
// ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY; false for other commands.
bool AlterRowSecurity(TableDef* t, PgQuery__AlterTableType subtype);
// ALTER TABLE / VIEW / SEQUENCE ... OWNER TO (security/ownership.cpp): PostgreSQL's checks, the
// access list's grants by and to the old owner moved to the new one; a table's serial
// sequences follow it.
void ChangeRelationOwner(ExecState* st, Catalog* cat, uint32_t rel, PgQuery__RoleSpec* new_owner);
void ChangeSchemaOwner(ExecState* st, Catalog* cat, uint32_t schema, PgQuery__RoleSpec* new_owner);

// A RoleSpec's role name (CURRENT_USER, SESSION_USER resolved; PUBLIC as "public").
std::string RoleSpecName(ExecState* st, PgQuery__RoleSpec* spec);
// 2BP01 when objects of the current database are owned by the role or grant it privileges.
void CheckRoleHasNoDependents(ExecState* st, const RoleDef& role);

}  // namespace tusk
