// CREATE / ALTER / DROP POLICY and ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW
// LEVEL SECURITY. A policy's expressions are checked by binding them over the table's row
// (as a CHECK constraint's are) and kept as SQL text.
#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/row_security.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

namespace {

char CommandLetter(const std::string& cmd) {
  if (cmd == "select") return policy_command::kSelect;
  if (cmd == "insert") return policy_command::kInsert;
  if (cmd == "update") return policy_command::kUpdate;
  if (cmd == "delete") return policy_command::kDelete;
  return policy_command::kAll;
}

// The table a policy statement names, locked, its owner checked (DROP POLICY's message says
// "relation", the others' "table", as PostgreSQL's).
TableDef* PolicyTable(ExecState* st, Catalog* cat, PgQuery__RangeVar* rv, const char* word = "table") {
  auto [kind, oid] = ResolveRelation(st, rv);
  if (kind != RelKind::kTable || cat->FindTable(oid)->materialized)
    throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a table");
  LockRelation(st, oid, TableLockMode::kAccessExclusive);
  if (!OwnsObject(st, st->session->CurrentUserId(), cat->FindTable(oid)->security))
    throw Error(sqlstate::kInsufficientPrivilege, "must be owner of " + std::string(word) + " " + rv->relname);
  return cat->MutableTable(oid);
}

std::vector<uint32_t> PolicyRoles(ExecState* st, Node** roles, size_t n, ResultSink* sink) {
  if (n == 0) return {0};
  auto cluster = st->session->CurrentCluster();
  std::vector<uint32_t> out;
  bool is_public = false;
  for (size_t i = 0; i < n; i++) {
    auto* spec = roles[i]->role_spec;
    if (spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) { is_public = true; continue; }
    std::string name = RoleSpecName(st, spec);
    uint32_t oid = RoleOidByName(*cluster, name);
    if (!oid) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    if (std::find(out.begin(), out.end(), oid) == out.end()) out.push_back(oid);
  }
  if (is_public) {
    if (!out.empty())
      sink->SendNotice({"WARNING", "01000", "ignoring specified roles other than PUBLIC", "", "All roles are members of the PUBLIC role."});
    return {0};
  }
  return out;
}

// Binds the expression over the table's row (its errors are the statement's) and returns it
// as the SQL text kept in the catalog.
std::string CheckedExpression(ExecState* st, const TableDef& t, Node* expr) {
  if (!expr) return "";
  Planner planner(st, nullptr);
  Scope scope;
  scope.Add(planner.TableScopeRel(&t, t.name));
  planner.binder().set_clause("POLICY");
  planner.binder().CoerceToBool(planner.binder().Bind(expr, scope), "POLICY", -1);
  return DeparseExpr(expr);
}

void CheckClauses(char command, bool has_using, bool has_check) {
  if (command == policy_command::kInsert && has_using)
    throw Error(sqlstate::kSyntaxError, "only WITH CHECK expression allowed for INSERT");
  if ((command == policy_command::kSelect || command == policy_command::kDelete) && has_check)
    throw Error(sqlstate::kSyntaxError, "WITH CHECK cannot be applied to SELECT or DELETE");
}

PolicyDef* FindPolicy(TableDef* t, const std::string& name) {
  for (PolicyDef& p : t->row_security.policies)
    if (p.name == name) return &p;
  return nullptr;
}

[[noreturn]] void ThrowNoPolicy(const std::string& name, const TableDef& t) {
  throw Error(sqlstate::kUndefinedObject, "policy \"" + name + "\" for table \"" + t.name + "\" does not exist");
}

void ExecuteCreatePolicy(PgQuery__CreatePolicyStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const char command = CommandLetter(stmt->cmd_name ? stmt->cmd_name : "all");
  CheckClauses(command, stmt->qual != nullptr, stmt->with_check != nullptr);
  TableDef* t = PolicyTable(st, cat, stmt->table);
  if (FindPolicy(t, stmt->policy_name))
    throw Error(sqlstate::kDuplicateObject, "policy \"" + std::string(stmt->policy_name) + "\" for table \"" + t->name + "\" already exists");
  PolicyDef p;
  p.name = stmt->policy_name;
  p.command = command;
  p.permissive = stmt->permissive;
  p.roles = PolicyRoles(st, stmt->roles, stmt->n_roles, sink);
  p.using_sql = CheckedExpression(st, *t, stmt->qual);
  p.check_sql = CheckedExpression(st, *t, stmt->with_check);
  p.oid = cat->AllocateOid();
  t->row_security.policies.push_back(std::move(p));
  sink->Complete("CREATE POLICY");
}

void ExecuteAlterPolicy(PgQuery__AlterPolicyStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  TableDef* t = PolicyTable(st, cat, stmt->table);
  PolicyDef* p = FindPolicy(t, stmt->policy_name);
  if (!p) ThrowNoPolicy(stmt->policy_name, *t);
  CheckClauses(p->command, stmt->qual != nullptr, stmt->with_check != nullptr);
  if (stmt->n_roles) p->roles = PolicyRoles(st, stmt->roles, stmt->n_roles, sink);
  if (stmt->qual) p->using_sql = CheckedExpression(st, *t, stmt->qual);
  if (stmt->with_check) p->check_sql = CheckedExpression(st, *t, stmt->with_check);
  sink->Complete("ALTER POLICY");
}

}  // namespace

void ExecuteRenamePolicy(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  TableDef* t = PolicyTable(st, cat, stmt->relation);
  PolicyDef* p = FindPolicy(t, stmt->subname);
  if (!p) ThrowNoPolicy(stmt->subname, *t);
  if (FindPolicy(t, stmt->newname))
    throw Error(sqlstate::kDuplicateObject, "policy \"" + std::string(stmt->newname) + "\" for table \"" + t->name + "\" already exists");
  p->name = stmt->newname;
  sink->Complete("ALTER POLICY");
}

void ExecuteDropPolicy(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  for (size_t i = 0; i < stmt->n_objects; i++) {
    auto* names = stmt->objects[i]->list;
    std::string policy = StrVal(names->items[names->n_items - 1]);
    PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
    std::string schema = names->n_items == 3 ? StrVal(names->items[0]) : "";
    std::string table = StrVal(names->items[names->n_items - 2]);
    rv.schemaname = schema.empty() ? nullptr : schema.data();
    rv.relname = table.data();
    auto rel = cat->FindRelation(schema, table, st->session->SearchPath());
    if (!rel && stmt->missing_ok) {
      Notice(sink, "relation \"" + table + "\" does not exist, skipping");
      continue;
    }
    TableDef* t = PolicyTable(st, cat, &rv, "relation");
    auto& policies = t->row_security.policies;
    auto it = std::find_if(policies.begin(), policies.end(), [&](const PolicyDef& p) { return p.name == policy; });
    if (it == policies.end()) {
      if (!stmt->missing_ok) ThrowNoPolicy(policy, *t);
      Notice(sink, "policy \"" + policy + "\" for relation \"" + t->name + "\" does not exist, skipping");
      continue;
    }
    policies.erase(it);
  }
  sink->Complete("DROP POLICY");
}

bool AlterRowSecurity(TableDef* t, PgQuery__AlterTableType subtype) {
  switch (subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity: t->row_security.enabled = true; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity: t->row_security.enabled = false; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity: t->row_security.forced = true; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity: t->row_security.forced = false; return true;
    default: return false;
  }
}

bool ExecuteSecurityDdl(Node* stmt, ExecState* st, ResultSink* sink) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT: ExecuteCreateRole(stmt->create_role_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT: ExecuteAlterRole(stmt->alter_role_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT: ExecuteDropRole(stmt->drop_role_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT: ExecuteGrantRole(stmt->grant_role_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_GRANT_STMT: ExecuteGrant(stmt->grant_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: ExecuteCreatePolicy(stmt->create_policy_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: ExecuteAlterPolicy(stmt->alter_policy_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_REASSIGN_OWNED_STMT: ExecuteReassignOwned(stmt->reassign_owned_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_DROP_OWNED_STMT: ExecuteDropOwned(stmt->drop_owned_stmt, st, sink); return true;
    default: return false;
  }
}

}  // namespace tusk
