#include "security/object_privileges.hpp"

#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
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
    if (holds(kReadAllData)) privileges |= kind == AclObject::kTable ? privilege::kSelect : kind == AclObject::kSchema ? privilege::kUsage : 0;
    if (holds(kWriteAllData))
      privileges |= kind == AclObject::kTable ? privilege::kInsert | privilege::kUpdate | privilege::kDelete
                                              : kind == AclObject::kSchema ? privilege::kUsage : 0;
  }
  return privileges;
}

bool OwnsObject(ExecState* st, uint32_t role, const ObjectSecurity& sec) {
  auto cluster = st->session->CurrentCluster();
  return HasPrivilegesOfRole(*cluster, role, sec.owner) ||
         (sec.owner == catalog_oid::kDatabaseOwnerRole && Holder(st, role)(sec.owner));
}

void RequireRelationPrivileges(ExecState* st, uint32_t rel, uint32_t wanted, uint32_t role) {
  if (!st->session) return;  // no session: the embedding program's own maintenance
  const ObjectSecurity* sec = st->catalog->FindSecurity(rel);
  if (!sec) return;  // system relations: readable by everyone, changed by no one (checked apart)
  const Catalog& cat = *st->catalog;
  uint32_t have = ObjectPrivilegesOf(st, CurrentOr(st, role), *sec, RelationAclKind(cat, rel));
  if ((have & wanted) != wanted)
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for " + RelationKindWord(cat, rel) + " " + cat.RelationName(rel));
}

void RequireSequencePrivilege(ExecState* st, uint32_t seq, uint32_t any_of) {
  if (!st->session) return;
  const ObjectSecurity* sec = st->catalog->FindSecurity(seq);
  if (!sec) return;
  if (!(ObjectPrivilegesOf(st, st->session->CurrentUserId(), *sec, AclObject::kSequence) & any_of))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for sequence " + st->catalog->RelationName(seq));
}

void RequireRelationOwner(ExecState* st, uint32_t rel) {
  if (!st->session) return;
  const ObjectSecurity* sec = st->catalog->FindSecurity(rel);
  if (!sec || OwnsObject(st, st->session->CurrentUserId(), *sec)) return;
  throw Error(sqlstate::kInsufficientPrivilege, "must be owner of " + RelationKindWord(*st->catalog, rel) + " " + st->catalog->RelationName(rel));
}

uint32_t NewObjectOwner(ExecState* st) {
  uint32_t me = st->session ? st->session->CurrentUserId() : 0;
  return me ? me : catalog_oid::kBootstrapSuperuser;
}

void RequireCreateInSchema(ExecState* st, const std::string& schema) {
  if (!st->session) return;
  const SchemaDef* s = st->catalog->FindSchema(schema);
  if (!s) return;
  if (!(ObjectPrivilegesOf(st, st->session->CurrentUserId(), s->security, AclObject::kSchema) & privilege::kCreate))
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied for schema " + schema);
}

}  // namespace tusk
