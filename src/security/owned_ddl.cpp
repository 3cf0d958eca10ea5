// REASSIGN OWNED BY and DROP OWNED BY: every object of the current database a role owns given
// to another role, or dropped (with the privileges granted to the role revoked), as PostgreSQL's
// shdepReassignOwned / shdepDropOwned do for one database.
#include "catalog/function_def.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/ddl_util.hpp"
#include "routines/routine_ddl.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

namespace {

std::vector<uint32_t> NamedRoles(ExecState* st, Node** roles, size_t n, const char* doing) {
  auto cluster = st->session->CurrentCluster();
  const uint32_t me = st->session->CurrentUserId();
  std::vector<uint32_t> out;
  for (size_t i = 0; i < n; i++) {
    std::string name = RoleSpecName(st, roles[i]->role_spec);
    uint32_t oid = RoleOidByName(*cluster, name);
    if (!oid) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    if (!HasPrivilegesOfRole(*cluster, me, oid))
      throw Error(sqlstate::kInsufficientPrivilege, std::string("permission denied to ") + doing);
    out.push_back(oid);
  }
  return out;
}

// One object of the database: what owns it, and how a statement names it.
struct OwnedObject {
  uint32_t oid;
  const ObjectSecurity* security;
  std::string drop;  // "DROP TABLE s.t", ...
};

std::string Qualified(const std::string& schema, const std::string& name) { return QuoteIdent(schema) + "." + QuoteIdent(name); }

std::vector<OwnedObject> Objects(const Catalog& cat) {
  std::vector<OwnedObject> out;
  for (const auto& [oid, s] : cat.schemas()) out.push_back({oid, &s.security, "DROP SCHEMA " + QuoteIdent(s.name)});
  for (const auto& [oid, t] : cat.tables())
    if (!t.composite)
      out.push_back({oid, &t.security, std::string(t.materialized ? "DROP MATERIALIZED VIEW " : "DROP TABLE ") + Qualified(t.schema, t.name)});
  for (const auto& [oid, v] : cat.views()) out.push_back({oid, &v.security, "DROP VIEW " + Qualified(v.schema, v.name)});
  for (const auto& [oid, s] : cat.sequences())
    if (!s.owner_table) out.push_back({oid, &s.security, "DROP SEQUENCE " + Qualified(s.schema, s.name)});
  for (const auto& [oid, f] : cat.functions())
    out.push_back({oid, &f->security, std::string(f->kind == 'p' ? "DROP PROCEDURE " : "DROP FUNCTION ") + QuoteIdent(f->schema) + "." +
                                          FormatProcedure(*f)});
  return out;
}

// Gives an object a new owner, its access list following (as ALTER ... OWNER TO does).
void Reassign(Catalog* cat, uint32_t oid, const ObjectSecurity& sec, uint32_t to) { StoreSecurity(cat, oid, WithOwner(sec, to)); }

void RunDrop(ExecState* st, const std::string& sql, ResultSink* sink) {
  std::unique_ptr<Script> script = ParseSql(sql);
  try {
    st->session->RunNested(script->statements.at(0).stmt, st, {}, sink);
  } catch (Error& e) {
    if (std::string(e.state()) != sqlstate::kDependentObjectsStillExist) throw;
    Error again(sqlstate::kDependentObjectsStillExist, "cannot drop desired object(s) because other objects depend on them");
    throw again.WithDetail(e.detail()).WithHint(e.hint());
  }
}

// A nested DROP's completion tag is not the statement's.
struct QuietSink : ResultSink {
  ResultSink* outer;
  explicit QuietSink(ResultSink* o) : outer(o) {}
  void SendNotice(const struct Notice& n) override { outer->SendNotice(n); }
};

}  // namespace

void ExecuteReassignOwned(PgQuery__ReassignOwnedStmt* stmt, ExecState* st, ResultSink* sink) {
  std::vector<uint32_t> from = NamedRoles(st, stmt->roles, stmt->n_roles, "reassign objects");
  const RoleDef to = ResolveNewOwner(st, stmt->newrole);
  auto cluster = st->session->CurrentCluster();
  if (!HasPrivilegesOfRole(*cluster, st->session->CurrentUserId(), to.oid))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied to reassign objects");
  Catalog* cat = st->session->MutableCatalog(st);
  for (const OwnedObject& o : Objects(*cat))
    if (std::find(from.begin(), from.end(), o.security->owner) != from.end()) Reassign(cat, o.oid, *o.security, to.oid);
  // a serial's sequence follows its table
  for (const auto& [oid, s] : cat->sequences())
    if (s.owner_table && std::find(from.begin(), from.end(), s.security.owner) != from.end())
      Reassign(cat, oid, s.security, to.oid);
  sink->Complete("REASSIGN OWNED");
}

void ExecuteDropOwned(PgQuery__DropOwnedStmt* stmt, ExecState* st, ResultSink* sink) {
  std::vector<uint32_t> roles = NamedRoles(st, stmt->roles, stmt->n_roles, "drop objects");
  auto owned_by = [&](uint32_t owner) { return std::find(roles.begin(), roles.end(), owner) != roles.end(); };
  Catalog* cat = st->session->MutableCatalog(st);
  // the privileges granted to the roles go
  for (const OwnedObject& o : Objects(*cat)) {
    if (!o.security->acl || owned_by(o.security->owner)) continue;
    ObjectSecurity changed = *o.security;
    std::erase_if(*changed.acl, [&](const AclItem& i) { return owned_by(i.grantee); });
    if (changed.acl == o.security->acl) continue;
    StoreSecurity(cat, o.oid, std::move(changed));
  }
  // then the objects, newest first (what depends on an object was made after it)
  std::vector<std::pair<uint32_t, std::string>> drops;
  for (const OwnedObject& o : Objects(*st->catalog))
    if (owned_by(o.security->owner)) drops.emplace_back(o.oid, o.drop + (stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE ? " CASCADE" : ""));
  std::sort(drops.begin(), drops.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  QuietSink quiet(sink);
  for (const auto& [oid, sql] : drops) RunDrop(st, sql, &quiet);
  sink->Complete("DROP OWNED");
}

}  // namespace tusk
