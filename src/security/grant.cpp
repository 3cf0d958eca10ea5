// GRANT / REVOKE of privileges on tables, views, sequences and schemas (PostgreSQL's
// ExecGrant_Relation and ExecGrant_Namespace): the grantor is the owner when the current user
// holds the owner's privileges, else the current user, who may grant only what it holds with
// grant option (WARNINGs for what it may not, 42501 when it holds nothing at all); revoking a
// grant option others were granted through needs CASCADE (2BP01 otherwise).
#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "routines/routine_ddl.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

namespace {

struct Target {
  uint32_t oid;
  AclObject kind;
  std::string name;       // as the warnings and errors name it
  std::string kind_word;  // "table", "sequence", "schema", ...
};

// The privileges a GRANT names: 0 for ALL, each checked against the kind of its target.
struct NamedPrivileges {
  bool all = false;
  std::vector<std::pair<std::string, uint32_t>> named;  // word, bit
};

NamedPrivileges ReadPrivileges(PgQuery__GrantStmt* stmt) {
  NamedPrivileges p;
  if (stmt->n_privileges == 0) { p.all = true; return p; }
  for (size_t i = 0; i < stmt->n_privileges; i++) {
    auto* ap = stmt->privileges[i]->access_priv;
    if (ap->n_cols) throw Error(sqlstate::kFeatureNotSupported, "column privileges are not supported yet");
    std::string word = ap->priv_name;
    uint32_t bit = PrivilegeByName(word);
    if (!bit) throw Error(sqlstate::kSyntaxError, "unrecognized privilege type \"" + word + "\"");
    p.named.emplace_back(word, bit);
  }
  return p;
}

const char* KindName(AclObject kind) {
  switch (kind) {
    case AclObject::kTable: return "relation";
    case AclObject::kSequence: return "sequence";
    case AclObject::kSchema: return "schema";
    case AclObject::kFunction: return "function";
    case AclObject::kDatabase: return "database";
    default: return "object";
  }
}

// The bits the statement grants on one target; errors and warnings as PostgreSQL's.
uint32_t PrivilegesFor(const NamedPrivileges& p, const Target& t, bool table_grant_on_sequence, ResultSink* sink) {
  const uint32_t allowed = AllPrivileges(t.kind);
  if (p.all) return allowed;
  uint32_t out = 0;
  for (const auto& [word, bit] : p.named) {
    if (bit & allowed) { out |= bit; continue; }
    if (table_grant_on_sequence) {
      sink->SendNotice({"WARNING", "01007", "sequence \"" + t.name + "\" only supports USAGE, SELECT, and UPDATE privileges", ""});
      continue;
    }
    throw Error(sqlstate::kInvalidGrantOperation, "invalid privilege type " + std::string(PrivilegeName(bit)) + " for " + KindName(t.kind));
  }
  return out;
}

std::vector<Target> ResolveTargets(PgQuery__GrantStmt* stmt, ExecState* st, bool* table_grant) {
  const Catalog& cat = *st->catalog;
  std::vector<Target> out;
  *table_grant = stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
  if (stmt->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
    for (size_t i = 0; i < stmt->n_objects; i++) {
      std::string schema = StrVal(stmt->objects[i]);
      if (!cat.FindSchema(schema)) throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
      if (*table_grant) {
        for (const auto& [oid, t] : cat.tables())
          if (t.schema == schema && !t.composite) out.push_back({oid, AclObject::kTable, t.name, "table"});
        for (const auto& [oid, v] : cat.views())
          if (v.schema == schema) out.push_back({oid, AclObject::kTable, v.name, "view"});
      } else if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE) {
        for (const auto& [oid, s] : cat.sequences())
          if (s.schema == schema) out.push_back({oid, AclObject::kSequence, s.name, "sequence"});
      } else if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
                 stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE) {
        for (const auto& [oid, f] : cat.functions()) {
          bool kind_ok = stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ||
                         (f->kind == 'p') == (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE);
          if (f->schema == schema && kind_ok) out.push_back({oid, AclObject::kFunction, f->name, f->kind == 'p' ? "procedure" : "function"});
        }
      } else {
        throw Error(sqlstate::kFeatureNotSupported, "GRANT ON ALL ... IN SCHEMA of this kind of object is not supported yet");
      }
    }
    return out;
  }
  if (stmt->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT)
    throw Error(sqlstate::kFeatureNotSupported, "this form of GRANT is not supported yet");
  for (size_t i = 0; i < stmt->n_objects; i++) {
    Node* o = stmt->objects[i];
    switch (stmt->objtype) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
        auto [kind, oid] = ResolveRelation(st, o->range_var);
        if (kind == RelKind::kIndex || kind == RelKind::kComposite)
          throw Error(sqlstate::kWrongObjectType, "\"" + std::string(o->range_var->relname) + "\" is not a table, view, or sequence");
        bool seq = kind == RelKind::kSequence;
        if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE && !seq)
          throw Error(sqlstate::kWrongObjectType, "\"" + std::string(o->range_var->relname) + "\" is not a sequence");
        out.push_back({oid, seq ? AclObject::kSequence : AclObject::kTable, cat.RelationName(oid), RelationKindWord(cat, oid)});
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
        auto f = ResolveRoutine(st, o->object_with_args, stmt->objtype, false, nullptr);
        out.push_back({f->oid, AclObject::kFunction, f->name, f->kind == 'p' ? "procedure" : "function"});
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE: {
        std::string name = StrVal(o);
        const DatabaseDef* d = st->session->CurrentCluster()->FindDatabase(name);
        if (!d) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
        out.push_back({d->oid, AclObject::kDatabase, name, "database"});
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        std::string name = StrVal(o);
        const SchemaDef* s = cat.FindSchema(name);
        if (!s) throw Error(sqlstate::kUndefinedSchema, "schema \"" + name + "\" does not exist");
        out.push_back({s->oid, AclObject::kSchema, name, "schema"});
        break;
      }
      default: throw Error(sqlstate::kFeatureNotSupported, "GRANT on this kind of object is not supported yet");
    }
  }
  return out;
}

// The privileges `grantee` holds with grant option in its own items (PostgreSQL's
// aclmask_direct): what others' grants from it depend on.
uint32_t DirectGrantOptions(const Acl& acl, uint32_t grantee) {
  uint32_t out = 0;
  for (const AclItem& i : acl)
    if (i.grantee == grantee) out |= i.grant_options;
  return out;
}

// After `grantee` lost grant options: the grants it made of those privileges go too (CASCADE),
// or the statement fails (RESTRICT).
void RevokeDependents(Acl* acl, uint32_t grantee, uint32_t lost, bool cascade, uint32_t owner) {
  if (!lost || grantee == owner) return;
  for (size_t i = 0; i < acl->size(); i++) {
    AclItem item = (*acl)[i];
    if (item.grantor != grantee || !(item.privileges & lost)) continue;
    if (!cascade)
      throw Error(sqlstate::kDependentObjectsStillExist, "dependent privileges exist").WithHint("Use CASCADE to revoke them too.");
    uint32_t before = DirectGrantOptions(*acl, item.grantee);
    AclRevoke(acl, item.grantee, grantee, item.privileges & lost, false);
    RevokeDependents(acl, item.grantee, before & ~DirectGrantOptions(*acl, item.grantee), cascade, owner);
    i = static_cast<size_t>(-1);  // the list changed: look again from the start
  }
}

}  // namespace

void ExecuteGrant(PgQuery__GrantStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_DEFAULTS)
    throw Error(sqlstate::kFeatureNotSupported, "ALTER DEFAULT PRIVILEGES is not supported yet");
  Catalog* cat = st->session->MutableCatalog(st);
  auto cluster = st->session->CurrentCluster();
  const NamedPrivileges named = ReadPrivileges(stmt);
  std::vector<uint32_t> grantees;
  for (size_t i = 0; i < stmt->n_grantees; i++) {
    auto* spec = stmt->grantees[i]->role_spec;
    if (spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) { grantees.push_back(kPublicRole); continue; }
    std::string name = RoleSpecName(st, spec);
    uint32_t oid = RoleOidByName(*cluster, name);
    if (!oid) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    grantees.push_back(oid);
  }
  if (stmt->grantor) throw Error(sqlstate::kFeatureNotSupported, "GRANTED BY is not supported yet");
  const bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  const uint32_t me = st->session->CurrentUserId();
  bool table_grant = false;
  for (const Target& t : ResolveTargets(stmt, st, &table_grant)) {
    ObjectSecurity database;  // a database's, from the cluster catalog
    if (t.kind == AclObject::kDatabase) {
      const DatabaseDef* d = st->session->CurrentCluster()->FindDatabase(t.oid);
      database = {d->owner, d->acl};
    }
    const ObjectSecurity* found = t.kind == AclObject::kDatabase ? &database : cat->FindSecurity(t.oid);
    if (!found) throw Error(sqlstate::kFeatureNotSupported, "GRANT on \"" + t.name + "\" is not supported");
    ObjectSecurity changed = *found;
    ObjectSecurity* sec = &changed;
    const uint32_t wanted = PrivilegesFor(named, t, table_grant && t.kind == AclObject::kSequence, sink);
    // The grantor: the owner when the current user holds the owner's privileges.
    const uint32_t grantor = OwnsObject(st, me, *sec) ? sec->owner : me;
    const uint32_t may = ObjectPrivilegesOf(st, grantor, *sec, t.kind, true);
    const uint32_t doing = wanted & may;
    if (doing != wanted) {
      if (!may && !ObjectPrivilegesOf(st, me, *sec, t.kind))
        throw Error(sqlstate::kInsufficientPrivilege, "permission denied for " + t.kind_word + " " + t.name);
      const char* code = stmt->is_grant ? "01007" : "01006";
      std::string what = stmt->is_grant ? (doing ? "not all privileges were granted for" : "no privileges were granted for")
                                        : (doing ? "not all privileges could be revoked for" : "no privileges could be revoked for");
      sink->SendNotice({"WARNING", code, what + " \"" + t.name + "\"", ""});
    }
    Acl acl = sec->acl ? *sec->acl : AclDefault(t.kind, sec->owner);
    for (uint32_t grantee : grantees) {
      if (stmt->is_grant) {
        if (stmt->grant_option && grantee == kPublicRole)
          throw Error(sqlstate::kInvalidGrantOperation, "grant options can only be granted to roles");
        AclGrant(&acl, grantee, grantor, doing, stmt->grant_option);
        continue;
      }
      uint32_t before = DirectGrantOptions(acl, grantee);
      AclRevoke(&acl, grantee, grantor, doing, stmt->grant_option);
      RevokeDependents(&acl, grantee, before & ~DirectGrantOptions(acl, grantee), cascade, sec->owner);
    }
    sec->acl = std::move(acl);
    if (t.kind == AclObject::kDatabase) st->session->MutableCluster()->MutableDatabase(t.oid)->acl = std::move(changed.acl);
    else StoreSecurity(cat, t.oid, std::move(changed));
  }
  sink->Complete(stmt->is_grant ? "GRANT" : "REVOKE");
}

}  // namespace tusk
