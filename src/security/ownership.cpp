// Owners: ALTER ... OWNER TO for relations, and what DROP ROLE finds still depending on a role.
#include "catalog/function_def.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

namespace {
void SetOwner(ObjectSecurity* sec, uint32_t owner) { *sec = WithOwner(*sec, owner); }
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
    RequireDatabasePrivilege(st, privilege::kCreate);  // the current user's, as PostgreSQL checks
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
  const std::vector<std::string> path = st->session->SearchPath();
  // a relation outside the search_path is named with its schema, as PostgreSQL's descriptions
  auto named = [&](const std::string& schema, const std::string& name) {
    return std::find(path.begin(), path.end(), schema) != path.end() ? name : schema + "." + name;
  };
  // In the order the objects were made (by OID; a serial's sequence just before its table, as
  // PostgreSQL makes it first).
  using Order = std::pair<uint32_t, int>;
  std::vector<std::pair<Order, std::string>> lines;
  auto order = [&](uint32_t oid) -> Order {
    const SequenceDef* s = cat.FindSequence(oid);
    return s && s->owner_table ? Order{s->owner_table, 0} : Order{oid, 1};
  };
  auto look = [&](uint32_t oid, const ObjectSecurity& sec, const std::string& what) {
    if (sec.owner == role.oid) {
      lines.emplace_back(order(oid), "owner of " + what);
      return;  // an owner's own grants are no dependency of their own
    }
    if (!sec.acl) return;
    for (const AclItem& i : *sec.acl)
      if (i.grantee == role.oid || i.grantor == role.oid) {
        lines.emplace_back(order(oid), "privileges for " + what);
        break;
      }
  };
  for (const auto& [oid, s] : cat.schemas()) look(oid, s.security, "schema " + s.name);
  for (const auto& [oid, t] : cat.tables())
    if (!t.composite) look(oid, t.security, RelationKindWord(cat, oid) + " " + named(t.schema, t.name));
  for (const auto& [oid, v] : cat.views()) look(oid, v.security, "view " + named(v.schema, v.name));
  for (const auto& [oid, s] : cat.sequences()) look(oid, s.security, "sequence " + named(s.schema, s.name));
  for (const auto& [oid, f] : cat.functions()) look(oid, f->security, std::string(f->kind == 'p' ? "procedure " : "function ") + f->Signature());
  for (const auto& [oid, t] : cat.tables())
    for (const PolicyDef& p : t.row_security.policies)
      if (std::find(p.roles.begin(), p.roles.end(), role.oid) != p.roles.end())
        lines.emplace_back(Order{p.oid, 1}, "target of policy " + p.name + " on table " + named(t.schema, t.name));
  if (lines.empty()) return;
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string detail;
  for (const auto& [oid, l] : lines) detail += (detail.empty() ? "" : "\n") + l;
  throw Error(sqlstate::kDependentObjectsStillExist, "role \"" + role.name + "\" cannot be dropped because some objects depend on it")
      .WithDetail(detail);
}

}  // namespace tusk
