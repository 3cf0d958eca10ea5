// CREATE / ALTER / DROP ROLE (and USER), ALTER ROLE ... RENAME, GRANT / REVOKE of role
// membership, with PostgreSQL 15's permission rules: a superuser does anything; a role with
// CREATEROLE creates, alters and drops roles that are not superusers and grants any such role;
// a role WITH ADMIN OPTION on another grants that one.
#include "security/security_ddl.hpp"

#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "server/md5_password.hpp"
#include "server/scram.hpp"
#include "types/datetime.hpp"

namespace tusk {

namespace {

// A role's attributes as CREATE / ALTER ROLE's options give them (each at most once).
struct RoleOptions {
  std::vector<std::string> in_role, role_members, admins;
};

bool OptionOn(PgQuery__DefElem* d) {
  if (!d->arg) return true;
  if (d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return d->arg->boolean->boolval;
  if (d->arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return d->arg->integer->ival != 0;
  return true;
}

std::vector<std::string> RoleNames(Node* list) {
  std::vector<std::string> out;
  if (!list || list->node_case != PG_QUERY__NODE__NODE_LIST) return out;
  for (size_t i = 0; i < list->list->n_items; i++) {
    Node* n = list->list->items[i];
    if (n->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC && n->role_spec->rolename) out.push_back(n->role_spec->rolename);
  }
  return out;
}

void CheckReservedName(const std::string& name) {
  if (name.rfind("pg_", 0) == 0)
    throw Error(sqlstate::kReservedName, "role name \"" + name + "\" is reserved")
        .WithDetail("Role names starting with \"pg_\" are reserved.");
}

// Applies the options to `r`; `creating` for CREATE ROLE (IN ROLE, ROLE, ADMIN are collected).
void ApplyRoleOptions(ExecState* st, RoleDef* r, Node** options, size_t n, RoleOptions* extra) {
  std::set<std::string> seen;
  for (size_t i = 0; i < n; i++) {
    auto* d = options[i]->def_elem;
    std::string opt = d->defname;
    if (!seen.insert(opt).second)
      throw Error(sqlstate::kSyntaxError, "conflicting or redundant options").WithPosition(d->location + 1);
    bool on = OptionOn(d);
    if (opt == "password") {
      if (!d->arg) r->password.clear();
      else if (st->session->Setting("password_encryption") == "md5") r->password = MakeMd5Verifier(StrVal(d->arg), r->name);
      else r->password = MakeScramVerifier(StrVal(d->arg));
    } else if (opt == "superuser") r->superuser = on;
    else if (opt == "canlogin") r->login = on;
    else if (opt == "createdb") r->createdb = on;
    else if (opt == "createrole") r->createrole = on;
    else if (opt == "inherit") r->inherit = on;
    else if (opt == "isreplication") r->replication = on;
    else if (opt == "bypassrls") r->bypassrls = on;
    else if (opt == "connectionlimit") {
      int limit = d->arg->integer->ival;
      if (limit < -1) throw Error(sqlstate::kInvalidParameterValue, "invalid connection limit: " + std::to_string(limit));
      r->connection_limit = limit;
    } else if (opt == "validUntil") {
      std::string text = StrVal(d->arg);
      r->valid_until = ParseTimestamp(text, true, st->dt);
    } else if (opt == "addroleto" && extra) extra->in_role = RoleNames(d->arg);
    else if (opt == "rolemembers" && extra) extra->role_members = RoleNames(d->arg);
    else if (opt == "adminmembers" && extra) extra->admins = RoleNames(d->arg);
    else if (opt == "sysid") continue;  // accepted and ignored, as PostgreSQL does
    else throw Error(sqlstate::kFeatureNotSupported, "role option \"" + opt + "\" is not supported");
  }
}

bool Given(Node** options, size_t n, const char* name) {
  for (size_t i = 0; i < n; i++)
    if (std::string(options[i]->def_elem->defname) == name) return true;
  return false;
}

const RoleDef& Me(ExecState* st, const ClusterCatalog& cluster) {
  const RoleDef* me = cluster.FindRole(st->session->CurrentUserId());
  if (!me) throw Error(sqlstate::kInsufficientPrivilege, "the current role no longer exists");
  return *me;
}

// A role by name; a predefined one (pg_read_all_data, ...) as a role that cannot log in.
RoleDef NamedRole(const ClusterCatalog& cluster, const std::string& name) {
  if (const RoleDef* r = cluster.FindRole(name)) return *r;
  uint32_t oid = RoleOidByName(cluster, name);
  if (!oid) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
  RoleDef predefined;
  predefined.oid = oid;
  predefined.name = name;
  predefined.login = false;
  return predefined;
}

// GRANT role TO member as PostgreSQL 15's AddRoleMems; `notices` for the already-members.
void AddMember(ExecState* st, ClusterCatalog* cluster, const RoleDef& role, const RoleDef& member, uint32_t grantor,
               bool admin, ResultSink* sink) {
  if (IsMemberOfRoleNoSuper(*cluster, role.oid, member.oid))
    throw Error(sqlstate::kInvalidGrantOperation, "role \"" + role.name + "\" is a member of role \"" + member.name + "\"");
  for (RoleMembership& m : cluster->mutable_memberships())
    if (m.role == role.oid && m.member == member.oid) {
      if (!admin || m.admin_option) {
        Notice(sink, "role \"" + member.name + "\" is already a member of role \"" + role.name + "\"");
        return;
      }
      m.admin_option = true;
      return;
    }
  (void)st;
  cluster->mutable_memberships().push_back({role.oid, member.oid, grantor, admin});
}

// 42501 unless the current user may grant or revoke membership in `role`.
void CheckMayAdminister(ExecState* st, const ClusterCatalog& cluster, const RoleDef& role) {
  const RoleDef& me = Me(st, cluster);
  if (role.superuser && !me.superuser)
    throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to alter superusers");
  if (!(me.createrole && !role.superuser) && !IsAdminOfRole(cluster, me.oid, role.oid))
    throw Error(sqlstate::kInsufficientPrivilege, "must have admin option on role \"" + role.name + "\"");
}

}  // namespace

void ExecuteCreateRole(PgQuery__CreateRoleStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cat = st->session->MutableCluster();
  const RoleDef& me = Me(st, *cat);
  std::string name = stmt->role;
  RoleDef r;
  r.name = name;  // an MD5 password is salted with it
  r.login = stmt->stmt_type == PG_QUERY__ROLE_STMT_TYPE__ROLESTMT_USER;
  RoleOptions extra;
  ApplyRoleOptions(st, &r, stmt->options, stmt->n_options, &extra);
  if (!me.superuser) {
    if (r.superuser) throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to create superusers");
    if (r.replication) throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to create replication users");
    if (r.bypassrls) throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to create bypassrls users");
    if (!me.createrole) throw Error(sqlstate::kInsufficientPrivilege, "permission denied to create role");
  }
  CheckReservedName(name);
  if (cat->FindRole(name)) throw Error(sqlstate::kDuplicateObject, "role \"" + name + "\" already exists");
  r.oid = cat->AllocateOid();
  r.name = name;
  cat->AddRole(r);
  const RoleDef& created = *cat->FindRole(r.oid);
  for (const auto& parent : extra.in_role) {
    const RoleDef role = NamedRole(*cat, parent);
    CheckMayAdminister(st, *cat, role);
    AddMember(st, cat, role, created, me.oid, false, sink);
  }
  for (const auto& m : extra.role_members) AddMember(st, cat, created, NamedRole(*cat, m), me.oid, false, sink);
  for (const auto& m : extra.admins) AddMember(st, cat, created, NamedRole(*cat, m), me.oid, true, sink);
  sink->Complete("CREATE ROLE");
}

void ExecuteAlterRole(PgQuery__AlterRoleStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cat = st->session->MutableCluster();
  std::string name = RoleSpecName(st, stmt->role);
  const RoleDef me = Me(st, *cat);
  RoleDef* r = cat->MutableRole(name);
  if (!r) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
  if (stmt->action != 0 && stmt->action != 1) throw Error(sqlstate::kFeatureNotSupported, "this ALTER ROLE form is not supported");
  const bool only_password = stmt->n_options == 1 && Given(stmt->options, stmt->n_options, "password");
  if (!me.superuser) {
    if (r->superuser || Given(stmt->options, stmt->n_options, "superuser"))
      throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to alter superuser roles or change superuser attribute");
    if (Given(stmt->options, stmt->n_options, "isreplication"))
      throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to alter replication roles or change replication attribute");
    if (Given(stmt->options, stmt->n_options, "bypassrls"))
      throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to change bypassrls attribute");
    if (!me.createrole && !(only_password && r->oid == me.oid))
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied");
  }
  RoleDef changed = *r;
  ApplyRoleOptions(st, &changed, stmt->options, stmt->n_options, nullptr);
  if (r->oid == catalog_oid::kBootstrapSuperuser && !changed.superuser)
    throw Error(sqlstate::kFeatureNotSupported, "permission denied: bootstrap user must be superuser");
  *r = changed;
  sink->Complete("ALTER ROLE");
}

void ExecuteRenameRole(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cat = st->session->MutableCluster();
  const RoleDef me = Me(st, *cat);
  std::string name = stmt->subname ? stmt->subname : "";
  std::string to = stmt->newname;
  RoleDef* r = cat->MutableRole(name);
  if (!r) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
  if (name == st->session->SessionUserName())
    throw Error(sqlstate::kFeatureNotSupported, "session user cannot be renamed");
  if (r->oid == me.oid) throw Error(sqlstate::kFeatureNotSupported, "current user cannot be renamed");
  CheckReservedName(to);
  if (cat->FindRole(to)) throw Error(sqlstate::kDuplicateObject, "role \"" + to + "\" already exists");
  if (r->superuser ? !me.superuser : !(me.superuser || me.createrole))
    throw Error(sqlstate::kInsufficientPrivilege, r->superuser ? "must be superuser to rename superusers" : "permission denied to rename role");
  r->name = to;
  if (IsMd5Verifier(r->password)) {  // salted with the old name: useless now
    r->password.clear();
    Notice(sink, "MD5 password cleared because of role rename");
  }
  sink->Complete("ALTER ROLE");
}

void ExecuteDropRole(PgQuery__DropRoleStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cat = st->session->MutableCluster();
  const RoleDef me = Me(st, *cat);
  if (!me.superuser && !me.createrole) throw Error(sqlstate::kInsufficientPrivilege, "permission denied to drop role");
  for (size_t i = 0; i < stmt->n_roles; i++) {
    auto* rs = stmt->roles[i]->role_spec;
    if (rs->roletype != PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
      throw Error(sqlstate::kInvalidParameterValue, "cannot use special role specifier in DROP ROLE");
    std::string name = rs->rolename ? rs->rolename : "";
    const RoleDef* r = cat->FindRole(name);
    if (!r) {
      if (stmt->missing_ok) { Notice(sink, "role \"" + name + "\" does not exist, skipping"); continue; }
      throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    }
    if (r->oid == me.oid) throw Error(sqlstate::kObjectInUse, "current user cannot be dropped");
    if (name == st->session->SessionUserName()) throw Error(sqlstate::kObjectInUse, "session user cannot be dropped");
    if (r->superuser && !me.superuser) throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to drop superusers");
    CheckRoleHasNoDependents(st, *r);
    cat->DropRole(r->oid);
  }
  sink->Complete("DROP ROLE");
}

void ExecuteGrantRole(PgQuery__GrantRoleStmt* stmt, ExecState* st, ResultSink* sink) {
  ClusterCatalog* cat = st->session->MutableCluster();
  const RoleDef me = Me(st, *cat);
  uint32_t grantor = stmt->grantor ? NamedRole(*cat, RoleSpecName(st, stmt->grantor)).oid : me.oid;
  const bool admin = stmt->admin_opt;
  for (size_t i = 0; i < stmt->n_granted_roles; i++) {
    auto* priv = stmt->granted_roles[i]->access_priv;
    if (priv->n_cols) throw Error(sqlstate::kInvalidGrantOperation, "column names cannot be included in GRANT/REVOKE ROLE");
    const RoleDef role = NamedRole(*cat, priv->priv_name);
    CheckMayAdminister(st, *cat, role);
    for (size_t k = 0; k < stmt->n_grantee_roles; k++) {
      const RoleDef member = NamedRole(*cat, RoleSpecName(st, stmt->grantee_roles[k]->role_spec));
      if (stmt->is_grant) {
        AddMember(st, cat, role, member, grantor, admin, sink);
        continue;
      }
      auto& ms = cat->mutable_memberships();
      auto it = std::find_if(ms.begin(), ms.end(), [&](const RoleMembership& m) { return m.role == role.oid && m.member == member.oid; });
      if (it == ms.end()) {
        sink->SendNotice({"WARNING", "01000", "role \"" + member.name + "\" is not a member of role \"" + role.name + "\"", ""});
        continue;
      }
      if (admin) it->admin_option = false;  // REVOKE ADMIN OPTION FOR
      else ms.erase(it);
    }
  }
  sink->Complete(stmt->is_grant ? "GRANT ROLE" : "REVOKE ROLE");
}

std::string RoleSpecName(ExecState* st, PgQuery__RoleSpec* spec) {
  switch (spec->roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING: return spec->rolename;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER: return st->session->SessionUserName();
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC: return "public";
    default: return st->session->CurrentUserName();  // CURRENT_USER, CURRENT_ROLE
  }
}

}  // namespace tusk
