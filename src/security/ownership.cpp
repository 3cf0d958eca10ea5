// Owners: ALTER ... OWNER TO for relations, and what DROP ROLE finds still depending on a role.
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

namespace {
// PostgreSQL's aclnewowner: the old owner's grants (made and held) become the new owner's,
// items that then say the same thing merged.
Acl MoveOwner(const Acl& acl, uint32_t from, uint32_t to) {
  Acl out;
  for (AclItem item : acl) {
    if (item.grantee == from) item.grantee = to;
    if (item.grantor == from) item.grantor = to;
    auto same = std::find_if(out.begin(), out.end(), [&](const AclItem& o) { return o.grantee == item.grantee && o.grantor == item.grantor; });
    if (same == out.end()) out.push_back(item);
    else { same->privileges |= item.privileges; same->grant_options |= item.grant_options; }
  }
  return out;
}

void SetOwner(ObjectSecurity* sec, uint32_t owner) {
  if (sec->acl) sec->acl = MoveOwner(*sec->acl, sec->owner, owner);
  sec->owner = owner;
}
}  // namespace

void ChangeSchemaOwner(ExecState* st, Catalog* cat, uint32_t schema, PgQuery__RoleSpec* new_owner) {
  const RoleDef owner = ResolveNewOwner(st, new_owner);
  ObjectSecurity* sec = cat->MutableSecurity(schema);
  if (!sec || sec->owner == owner.oid) return;
  auto cluster = st->session->CurrentCluster();
  const uint32_t me = st->session->CurrentUserId();
  if (!IsSuperuser(*cluster, me)) {
    if (!OwnsObject(st, me, *sec))
      throw Error(sqlstate::kInsufficientPrivilege, "must be owner of schema " + cat->schemas().at(schema).name);
    if (!IsMemberOfRole(*cluster, me, owner.oid))
      throw Error(sqlstate::kInsufficientPrivilege, "must be member of role \"" + owner.name + "\"");
  }
  SetOwner(sec, owner.oid);
}

void ChangeRelationOwner(ExecState* st, Catalog* cat, uint32_t rel, PgQuery__RoleSpec* new_owner) {
  const RoleDef owner = ResolveNewOwner(st, new_owner);
  ObjectSecurity* sec = cat->MutableSecurity(rel);
  if (!sec || sec->owner == owner.oid) return;
  if (const SequenceDef* seq = cat->FindSequence(rel); seq && seq->owner_table)
    throw Error(sqlstate::kFeatureNotSupported, "cannot change owner of sequence \"" + seq->name + "\"")
        .WithDetail("Sequence \"" + seq->name + "\" is linked to table \"" + cat->RelationName(seq->owner_table) + "\".");
  auto cluster = st->session->CurrentCluster();
  const uint32_t me = st->session->CurrentUserId();
  if (!IsSuperuser(*cluster, me)) {
    RequireRelationOwner(st, rel);
    if (!IsMemberOfRole(*cluster, me, owner.oid))
      throw Error(sqlstate::kInsufficientPrivilege, "must be member of role \"" + owner.name + "\"");
    const std::string schema = cat->SchemaOfRelation(rel);
    const SchemaDef* s = cat->FindSchema(schema);
    if (s && !(ObjectPrivilegesOf(st, owner.oid, s->security, AclObject::kSchema) & privilege::kCreate))
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied for schema " + schema);
  }
  SetOwner(sec, owner.oid);
  for (const auto& [oid, seq] : cat->sequences())
    if (seq.owner_table == rel) SetOwner(cat->MutableSecurity(oid), owner.oid);
}

void CheckRoleHasNoDependents(ExecState* st, const RoleDef& role) {
  const Catalog& cat = *st->catalog;
  std::vector<std::string> lines;
  auto look = [&](uint32_t oid, const ObjectSecurity& sec, const std::string& what) {
    if (sec.owner == role.oid) lines.push_back("owner of " + what);
    if (!sec.acl) return;
    for (const AclItem& i : *sec.acl)
      if (i.grantee == role.oid || i.grantor == role.oid) {
        lines.push_back("privileges for " + what);
        break;
      }
    (void)oid;
  };
  for (const auto& [oid, s] : cat.schemas()) look(oid, s.security, "schema " + s.name);
  for (const auto& [oid, t] : cat.tables())
    if (!t.composite) look(oid, t.security, RelationKindWord(cat, oid) + " " + t.name);
  for (const auto& [oid, v] : cat.views()) look(oid, v.security, "view " + v.name);
  for (const auto& [oid, s] : cat.sequences()) look(oid, s.security, "sequence " + s.name);
  for (const auto& [oid, t] : cat.tables())
    for (const PolicyDef& p : t.row_security.policies)
      if (std::find(p.roles.begin(), p.roles.end(), role.oid) != p.roles.end())
        lines.push_back("target of policy " + p.name + " on table " + t.name);
  if (lines.empty()) return;
  std::string detail;
  for (const auto& l : lines) detail += (detail.empty() ? "" : "\n") + l;
  throw Error(sqlstate::kDependentObjectsStillExist, "role \"" + role.name + "\" cannot be dropped because some objects depend on it")
      .WithDetail(detail);
}

}  // namespace tusk
