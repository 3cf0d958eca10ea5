// ALTER DATABASE name SET / RESET and ALTER ROLE { name | ALL } [IN DATABASE db] SET / RESET:
// settings a session gets when it starts (pg_db_role_setting; applied by
// Session::ApplyScopedSettings), changed in the statement's transaction.
#include "common/error.hpp"
#include "engine/session.hpp"
#include "engine/statements.hpp"

namespace tusk {

namespace {
const DatabaseDef& NamedDatabase(const ClusterCatalog& cluster, const std::string& name) {
  const DatabaseDef* d = cluster.FindDatabase(name);
  if (!d) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
  return *d;
}

void Change(ExecState* st, ClusterCatalog::SettingScope scope, PgQuery__VariableSetStmt* set) {
  auto [name, value] = st->session->ScopedSettingChange(set);
  st->session->MutableCluster()->SetScopedSetting(scope, name, value);
}
}  // namespace

void ExecuteAlterDatabaseSet(PgQuery__AlterDatabaseSetStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cluster = st->session->MutableCluster();
  const DatabaseDef& d = NamedDatabase(*cluster, stmt->dbname);
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || (!me->superuser && me->oid != d.owner))
    throw Error(sqlstate::kInsufficientPrivilege, "must be owner of database " + d.name);
  Change(st, {d.oid, 0}, stmt->setstmt);
  sink->Complete("ALTER DATABASE");
}

void ExecuteAlterRoleSet(PgQuery__AlterRoleSetStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cluster = st->session->MutableCluster();
  uint32_t role = 0;  // ALTER ROLE ALL
  if (stmt->role) {
    std::string name = stmt->role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING ? stmt->role->rolename
                                                                                          : st->session->CurrentUserName();
    const RoleDef* r = cluster->FindRole(name);
    if (!r) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    role = r->oid;
  }
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  if (!me || !(me->superuser || (role != 0 && me->createrole) || role == me->oid))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied");
  uint32_t database = stmt->database && *stmt->database ? NamedDatabase(*cluster, stmt->database).oid : 0;
  Change(st, {database, role}, stmt->setstmt);
  sink->Complete("ALTER ROLE");
}

}  // namespace tusk
