// Roles and databases: pg_authid (and its views pg_roles, pg_user), pg_auth_members,
// pg_database, and what is said of them: pg_shdescription (COMMENT ON DATABASE / ROLE) and
// pg_db_role_setting (ALTER DATABASE / ROLE ... SET). Besides the catalog's roles, pg_authid lists PostgreSQL 15's predefined roles
// (pg_monitor, pg_read_all_data, ...) with their OIDs, as tools expect to find them.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

const std::vector<PredefinedRole>& PredefinedRoles() {
  static const std::vector<PredefinedRole> roles = {
      {3373, "pg_monitor"},           {3374, "pg_read_all_settings"},  {3375, "pg_read_all_stats"},
      {3377, "pg_stat_scan_tables"},  {4200, "pg_signal_backend"},     {4544, "pg_checkpoint"},
      {4569, "pg_read_server_files"}, {4570, "pg_write_server_files"}, {4571, "pg_execute_server_program"},
      {catalog_oid::kDatabaseOwnerRole, "pg_database_owner"}, {6181, "pg_read_all_data"}, {6182, "pg_write_all_data"},
  };
  return roles;
}

namespace {
std::shared_ptr<const ClusterCatalog> Cluster(ExecState& st) {
  return st.session ? st.session->CurrentCluster() : st.db->cluster();
}

// the predefined roles pg_monitor is a member of (pg_auth_members)
const uint32_t kMonitorMembers[] = {3374, 3375, 3377};

// A role as pg_authid describes it.
struct RoleRow {
  uint32_t oid;
  std::string name;
  bool super, createrole, createdb, login;
  std::string password;
  bool inherit = true, replication = false, bypassrls = false;
  int32_t connection_limit = -1;
  std::optional<int64_t> valid_until;
};

std::vector<RoleRow> AllRoles(ExecState& st) {
  std::vector<RoleRow> out;
  auto cluster = Cluster(st);
  for (const auto& [oid, r] : cluster->roles())
    out.push_back({oid, r.name, r.superuser, r.createrole, r.createdb, r.login, r.password, r.inherit, r.replication, r.bypassrls,
                   r.connection_limit, r.valid_until});
  for (const auto& p : PredefinedRoles()) out.push_back({p.oid, p.name, false, false, false, false, "", true, false, false, -1, std::nullopt});
  return out;
}

Value ValidUntil(const RoleRow& r) { return r.valid_until ? Value::Int(*r.valid_until) : Value::Null(); }

Value Password(const std::string& p) { return p.empty() ? Value::Null() : Value::Str(p); }

// A scope's ALTER ... SET items as text[] (NULL when it has none).
Value ScopedSettings(const ClusterCatalog& cluster, ClusterCatalog::SettingScope scope) {
  auto it = cluster.scoped_settings().find(scope);
  if (it == cluster.scoped_settings().end()) return Value::Null();
  std::vector<Value> items;
  for (const std::string& s : it->second) items.push_back(Value::Str(s));
  return Value::Array(std::move(items));
}

void RegisterAuthid() {
  SystemRelation r;
  r.oid = 1260;
  r.schema = "pg_catalog";
  r.name = "pg_authid";
  r.columns = {{"oid", Type(oid::kOid)},          {"rolname", Type(oid::kName)},         {"rolsuper", Type(oid::kBool)},
               {"rolinherit", Type(oid::kBool)},  {"rolcreaterole", Type(oid::kBool)},   {"rolcreatedb", Type(oid::kBool)},
               {"rolcanlogin", Type(oid::kBool)}, {"rolreplication", Type(oid::kBool)},  {"rolbypassrls", Type(oid::kBool)},
               {"rolconnlimit", Type(oid::kInt4)}, {"rolpassword", Type(oid::kText)},    {"rolvaliduntil", Type(oid::kTimestamptz)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& x : AllRoles(st))
      rows->push_back({OidValue(x.oid), NameValue(x.name), Value::Bool(x.super), Value::Bool(x.inherit), Value::Bool(x.createrole),
                       Value::Bool(x.createdb), Value::Bool(x.login), Value::Bool(x.replication), Value::Bool(x.bypassrls),
                       Value::Int(x.connection_limit), Password(x.password), ValidUntil(x)});
  };
  RegisterSystemRelation(std::move(r));
}

// pg_roles and pg_user hide the password ("********" when there is one).
void RegisterRoleViews() {
  SystemRelation roles;
  roles.oid = 12000;
  roles.schema = "pg_catalog";
  roles.name = "pg_roles";
  roles.kind = 'v';
  roles.columns = {{"rolname", Type(oid::kName)},        {"rolsuper", Type(oid::kBool)},       {"rolinherit", Type(oid::kBool)},
                   {"rolcreaterole", Type(oid::kBool)},  {"rolcreatedb", Type(oid::kBool)},    {"rolcanlogin", Type(oid::kBool)},
                   {"rolreplication", Type(oid::kBool)}, {"rolconnlimit", Type(oid::kInt4)},   {"rolpassword", Type(oid::kText)},
                   {"rolvaliduntil", Type(oid::kTimestamptz)}, {"rolbypassrls", Type(oid::kBool)},
                   {"rolconfig", Type(oid::kText, -1, true)}, {"oid", Type(oid::kOid)}};
  roles.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto cluster = Cluster(st);
    for (const auto& x : AllRoles(st))
      rows->push_back({NameValue(x.name), Value::Bool(x.super), Value::Bool(x.inherit), Value::Bool(x.createrole), Value::Bool(x.createdb),
                       Value::Bool(x.login), Value::Bool(x.replication), Value::Int(x.connection_limit), Value::Str("********"),
                       ValidUntil(x), Value::Bool(x.bypassrls), ScopedSettings(*cluster, {0, x.oid}), OidValue(x.oid)});
  };
  RegisterSystemRelation(std::move(roles));

  SystemRelation user;
  user.oid = 12014;
  user.schema = "pg_catalog";
  user.name = "pg_user";
  user.kind = 'v';
  user.columns = {{"usename", Type(oid::kName)},    {"usesysid", Type(oid::kOid)},       {"usecreatedb", Type(oid::kBool)},
                  {"usesuper", Type(oid::kBool)},   {"userepl", Type(oid::kBool)},       {"usebypassrls", Type(oid::kBool)},
                  {"passwd", Type(oid::kText)},     {"valuntil", Type(oid::kTimestamptz)}, {"useconfig", Type(oid::kText, -1, true)}};
  user.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto cluster = Cluster(st);
    for (const auto& x : AllRoles(st))
      if (x.login)
        rows->push_back({NameValue(x.name), OidValue(x.oid), Value::Bool(x.createdb), Value::Bool(x.super), Value::Bool(x.replication),
                         Value::Bool(x.bypassrls), Value::Str("********"), ValidUntil(x), ScopedSettings(*cluster, {0, x.oid})});
  };
  RegisterSystemRelation(std::move(user));
}

void RegisterAuthMembers() {
  SystemRelation r;
  r.oid = 1261;
  r.schema = "pg_catalog";
  r.name = "pg_auth_members";
  r.columns = {{"roleid", Type(oid::kOid)}, {"member", Type(oid::kOid)}, {"grantor", Type(oid::kOid)}, {"admin_option", Type(oid::kBool)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (uint32_t m : kMonitorMembers)
      rows->push_back({OidValue(m), OidValue(3373), OidValue(catalog_oid::kBootstrapSuperuser), Value::Bool(false)});
    for (const RoleMembership& m : Cluster(st)->memberships())
      rows->push_back({OidValue(m.role), OidValue(m.member), OidValue(m.grantor), Value::Bool(m.admin_option)});
  };
  RegisterSystemRelation(std::move(r));
}

// Every database of the data directory (the cluster catalog's).
void RegisterDatabase() {
  SystemRelation r;
  r.oid = 1262;
  r.schema = "pg_catalog";
  r.name = "pg_database";
  r.columns = {{"oid", Type(oid::kOid)},           {"datname", Type(oid::kName)},      {"datdba", Type(oid::kOid)},
               {"encoding", Type(oid::kInt4)},     {"datlocprovider", Type(oid::kChar)}, {"datistemplate", Type(oid::kBool)},
               {"datallowconn", Type(oid::kBool)}, {"datconnlimit", Type(oid::kInt4)}, {"datfrozenxid", Type(oid::kXid)},
               {"datminmxid", Type(oid::kXid)},    {"dattablespace", Type(oid::kOid)}, {"datcollate", Type(oid::kText)},
               {"datctype", Type(oid::kText)},     {"daticulocale", Type(oid::kText)}, {"datcollversion", Type(oid::kText)},
               {"datacl", Type(oid::kAclitem, -1, true)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto cluster = Cluster(st);
    const std::string owner = cluster->SuperuserName();
    for (const auto& [oid, d] : cluster->databases()) {
      // initdb lets everyone connect to the templates and their owner do everything.
      Value acl = d.acl ? AclArray(st, d.acl)
                  : oid == kTemplate1Oid || oid == kTemplate0Oid
                      ? Value::Array({Value::Str("=c/" + owner), Value::Str(owner + "=CTc/" + owner)})
                      : Value::Null();
      rows->push_back({OidValue(oid), NameValue(d.name), OidValue(d.owner), Value::Int(6 /* UTF8 */), CharValue('c'),
                       Value::Bool(d.is_template), Value::Bool(d.allow_connections), Value::Int(d.connection_limit),
                       Value::Int(0), Value::Int(0), OidValue(1663 /* pg_default */), Value::Str("C.UTF-8"),
                       Value::Str("C.UTF-8"), Value::Null(), Value::Null(), acl});
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterSharedDescriptions() {
  SystemRelation r = ShapedCatalog(2396);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [object, text] : Cluster(st)->shared_comments())
      rows->push_back({OidValue(object.second), OidValue(object.first), Value::Str(text)});
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterDbRoleSettings() {
  SystemRelation r = ShapedCatalog(2964);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto cluster = Cluster(st);
    for (const auto& [scope, items] : cluster->scoped_settings())
      rows->push_back({OidValue(scope.first), OidValue(scope.second), ScopedSettings(*cluster, scope)});
  };
  RegisterSystemRelation(std::move(r));
}

// initdb's two tablespaces; Tusk keeps everything in the data directory, as pg_default does.
void RegisterTablespace() {
  SystemRelation r = ShapedCatalog(1213);
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    for (auto [oid, name] : {std::pair<uint32_t, const char*>{1663, "pg_default"}, {1664, "pg_global"}})
      rows->push_back({OidValue(oid), NameValue(name), OidValue(catalog_oid::kBootstrapSuperuser), Value::Null(), Value::Null()});
  };
  RegisterSystemRelation(std::move(r));
}
}  // namespace

void RegisterRoleCatalogs() {
  RegisterTablespace();
  RegisterAuthid();
  RegisterRoleViews();
  RegisterAuthMembers();
  RegisterDatabase();
  RegisterSharedDescriptions();
  RegisterDbRoleSettings();
}

}  // namespace tusk
