#include "security/object_privileges.hpp"

#include <algorithm>

#include "catalog/function_def.hpp"
#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"
#include "security/roles.hpp"

namespace tusk {

namespace {
constexpr uint32_t kReadAllData = 6181, kWriteAllData = 6182;

// Whether `role` holds `grantee`'s privileges, pg_database_owner meaning the database's owner.
struct Holder {
  ExecState* st;
  std::shared_ptr<const ClusterCatalog> cluster;
  std::set<uint32_t> held;
  Holder(ExecState* s, uint32_t role) : st(s), cluster(s->session->CurrentCluster()), held(RolesWithPrivilegesOf(*cluster, role)) {
    if (const DatabaseDef* d = cluster->FindDatabase(s->session->database_oid()); d && held.count(d->owner))
      held.insert(catalog_oid::kDatabaseOwnerRole);
  }
  bool operator()(uint32_t grantee) const { return held.count(grantee) > 0; }
};

uint32_t CurrentOr(ExecState* st, uint32_t role) { return role ? role : st->session->CurrentUserId(); }
}  // namespace

AclObject RelationAclKind(const Catalog& cat, uint32_t rel) {
  return cat.FindSequence(rel) ? AclObject::kSequence : AclObject::kTable;
}

std::string RelationKindWord(const Catalog& cat, uint32_t rel) {
  if (cat.FindSequence(rel)) return "sequence";
  if (cat.FindView(rel)) return "view";
  const TableDef* t = cat.FindTable(rel);
  if (t && t->materialized) return "materialized view";
  return "table";
}

uint32_t ObjectPrivilegesOf(ExecState* st, uint32_t role, const ObjectSecurity& sec, AclObject kind, bool grant_options) {
  auto cluster = st->session->CurrentCluster();
  if (IsSuperuser(*cluster, role)) return AllPrivileges(kind);
  Holder holds(st, role);
  if (grant_options && holds(sec.owner)) return AllPrivileges(kind);  // an owner may always grant
  Acl scratch;
  uint32_t privileges = AclPrivilegesOf(EffectiveAcl(sec.acl, kind, sec.owner, &scratch), holds, grant_options);
  if (!grant_options) {
    // tables, views and sequences; USAGE on schemas
    if (holds(kReadAllData))
      privileges |= kind == AclObject::kTable || kind == AclObject::kSequence ? privilege::kSelect
                    : kind == AclObject::kSchema                              ? privilege::kUsage : 0;
    if (holds(kWriteAllData))
      privileges |= kind == AclObject::kTable      ? privilege::kInsert | privilege::kUpdate | privilege::kDelete
                    : kind == AclObject::kSequence ? privilege::kUpdate
                    : kind == AclObject::kSchema   ? privilege::kUsage : 0;
  }
  return privileges;
}

bool OwnsObject(ExecState* st, uint32_t role, const ObjectSecurity& sec) {
  auto cluster = st->session->CurrentCluster();
  return HasPrivilegesOfRole(*cluster, role, sec.owner) ||
         (sec.owner == catalog_oid::kDatabaseOwnerRole && Holder(st, role)(sec.owner));
}

// Checks wait until the statement runs: not while a definition is planned (CREATE VIEW, a
// function body) or a statement only described.
static bool Deferred(const ExecState* st) { return !st->session || st->defining || st->describe_only; }

void RequireRelationPrivileges(ExecState* st, uint32_t rel, uint32_t wanted, uint32_t role) {
  if (Deferred(st)) return;
  const ObjectSecurity* sec = st->catalog->FindSecurity(rel);
  if (!sec) return;  // system relations: readable by everyone, changed by no one (checked apart)
  const Catalog& cat = *st->catalog;
  uint32_t have = ObjectPrivilegesOf(st, CurrentOr(st, role), *sec, RelationAclKind(cat, rel));
  if ((have & wanted) != wanted)
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for " + RelationKindWord(cat, rel) + " " + cat.RelationName(rel));
}

void RequireSequencePrivilege(ExecState* st, uint32_t seq, uint32_t any_of) {
  if (Deferred(st)) return;
  const ObjectSecurity* sec = st->catalog->FindSecurity(seq);
  if (!sec) return;
  if (!(ObjectPrivilegesOf(st, st->session->CurrentUserId(), *sec, AclObject::kSequence) & any_of))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for sequence " + st->catalog->RelationName(seq));
}

void RequireExecute(ExecState* st, const FunctionDef& f) {
  if (!f.security.acl || Deferred(st)) return;
  if (!(ObjectPrivilegesOf(st, st->session->CurrentUserId(), f.security, AclObject::kFunction) & privilege::kExecute))
    throw Error(sqlstate::kInsufficientPrivilege, std::string("permission denied for ") + (f.kind == 'p' ? "procedure " : "function ") + f.name);
}

void RequireRelationOwner(ExecState* st, uint32_t rel) {
  if (!st->session) return;
  if (const IndexDef* index = st->catalog->FindIndex(rel)) {  // an index is its table's owner's
    const ObjectSecurity* sec = st->catalog->FindSecurity(index->table);
    if (sec && !OwnsObject(st, st->session->CurrentUserId(), *sec))
      throw Error(sqlstate::kInsufficientPrivilege, "must be owner of index " + index->name);
    return;
  }
  const ObjectSecurity* sec = st->catalog->FindSecurity(rel);
  if (!sec || OwnsObject(st, st->session->CurrentUserId(), *sec)) return;
  throw Error(sqlstate::kInsufficientPrivilege, "must be owner of " + RelationKindWord(*st->catalog, rel) + " " + st->catalog->RelationName(rel));
}

void StoreSecurity(Catalog* cat, uint32_t oid, ObjectSecurity security) {
  if (cat->FindFunction(oid)) cat->SetFunctionSecurity(oid, std::move(security));
  else if (ObjectSecurity* s = cat->MutableSecurity(oid)) *s = std::move(security);
}

ObjectSecurity WithOwner(const ObjectSecurity& sec, uint32_t owner) {
  ObjectSecurity out{owner, std::nullopt};
  if (!sec.acl) return out;
  out.acl.emplace();
  for (AclItem item : *sec.acl) {
    if (item.grantee == sec.owner) item.grantee = owner;
    if (item.grantor == sec.owner) item.grantor = owner;
    auto same = std::find_if(out.acl->begin(), out.acl->end(),
                             [&](const AclItem& o) { return o.grantee == item.grantee && o.grantor == item.grantor; });
    if (same == out.acl->end()) out.acl->push_back(item);
    else { same->privileges |= item.privileges; same->grant_options |= item.grant_options; }
  }
  return out;
}

uint32_t ViewCheckUser(const ViewDef& v, uint32_t invoker) {
  for (const std::string& o : v.options)
    if (o.rfind("security_invoker=", 0) == 0) {
      std::string value = ToLower(o.substr(17));
      if (value == "true" || value == "on" || value == "yes" || value == "1" || value == "t" || value == "y") return invoker;
    }
  return v.security.owner;
}

uint32_t NewObjectOwner(ExecState* st) {
  uint32_t me = st->session ? st->session->CurrentUserId() : 0;
  return me ? me : catalog_oid::kBootstrapSuperuser;
}

namespace {
void RequireOnSchema(ExecState* st, const std::string& schema, uint32_t privilege, int location) {
  if (!st->session) return;
  const SchemaDef* s = st->catalog->FindSchema(schema);
  if (!s) return;
  if (!(ObjectPrivilegesOf(st, st->session->CurrentUserId(), s->security, AclObject::kSchema) & privilege)) {
    Error e(sqlstate::kInsufficientPrivilege, "permission denied for schema " + schema);
    if (location >= 0) e.WithPosition(location + 1);
    throw e;
  }
}
}  // namespace

void RequireDropRight(ExecState* st, uint32_t rel) {
  if (!st->session) return;
  const SchemaDef* schema = st->catalog->FindSchema(st->catalog->SchemaOfRelation(rel));
  if (schema && OwnsObject(st, st->session->CurrentUserId(), schema->security)) return;
  RequireRelationOwner(st, rel);
}

void RequireCreateInSchema(ExecState* st, const std::string& schema, int location) {
  RequireOnSchema(st, schema, privilege::kCreate, location);
}

void RequireSchemaUsage(ExecState* st, const std::string& schema, int location) {
  if (Deferred(st)) return;
  RequireOnSchema(st, schema, privilege::kUsage, location);
}

void RequireDatabasePrivilege(ExecState* st, uint32_t wanted, uint32_t role) {
  if (!st->session) return;
  auto cluster = st->session->CurrentCluster();
  const DatabaseDef* d = cluster->FindDatabase(st->session->database_oid());
  if (!d) return;
  ObjectSecurity sec{d->owner, d->acl};
  if (!(ObjectPrivilegesOf(st, CurrentOr(st, role), sec, AclObject::kDatabase) & wanted))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for database " + d->name);
}

bool MayUseSchema(ExecState* st, uint32_t user, const SchemaDef& schema) {
  return (ObjectPrivilegesOf(st, user, schema.security, AclObject::kSchema) & privilege::kUsage) != 0;
}

}  // namespace tusk
