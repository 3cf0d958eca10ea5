// OWNER TO: ALTER DATABASE / SCHEMA / TYPE / TEXT SEARCH ... OWNER TO, and ALTER TABLE / SEQUENCE ... OWNER
// TO (ddl_alter.cpp). A database's owner is kept (pg_database.datdba). Every other object is
// owned by the bootstrap superuser, as Tusk keeps no owner per object yet: giving one to that
// role again — what a pg_dump of a superuser's database says for each object — changes nothing
// and succeeds, as in PostgreSQL; giving it to another role is 0A000.
#include "binder/binder.hpp"
#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "engine/ddl_text_search.hpp"
#include "engine/ddl_util.hpp"
#include "engine/statements.hpp"
#include "routines/routine_ddl.hpp"
#include "security/security_ddl.hpp"

namespace tusk {

RoleDef ResolveNewOwner(ExecState* st, PgQuery__RoleSpec* spec) {
  std::string name;
  switch (spec->roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING: name = spec->rolename; break;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC: name = "public"; break;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER: name = st->session->SessionUserName(); break;
    default: name = st->session->CurrentUserName(); break;  // CURRENT_USER, CURRENT_ROLE
  }
  auto cluster = st->session->CurrentCluster();
  const RoleDef* role = cluster->FindRole(name);
  if (!role) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
  return *role;
}

void RequireBootstrapOwner(const RoleDef& owner, const std::string& what) {
  if (owner.oid != catalog_oid::kBootstrapSuperuser)
    throw Error(sqlstate::kFeatureNotSupported,
                "changing the owner of " + what + " is not supported yet: every object is owned by the bootstrap superuser");
}

void ExecuteAlterOwner(PgQuery__AlterOwnerStmt* stmt, ExecState* st, ResultSink* sink) {
  const RoleDef owner = ResolveNewOwner(st, stmt->newowner);
  switch (stmt->object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE: {
      std::string name = StrVal(stmt->object);
      ClusterCatalog* cluster = st->session->MutableCluster();
      const DatabaseDef* found = cluster->FindDatabase(name);
      if (!found) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
      cluster->MutableDatabase(found->oid)->owner = owner.oid;
      sink->Complete("ALTER DATABASE");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      std::string name = StrVal(stmt->object);
      const SchemaDef* schema = st->catalog->FindSchema(name);
      if (!schema) throw Error(sqlstate::kUndefinedSchema, "schema \"" + name + "\" does not exist");
      const uint32_t oid = schema->oid;
      ChangeSchemaOwner(st, st->session->MutableCatalog(st), oid, stmt->newowner);
      sink->Complete("ALTER SCHEMA");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      const bool domain = stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN;
      Node* names = stmt->object;
      std::string schema, name;
      if (names->node_case == PG_QUERY__NODE__NODE_LIST) {
        auto* list = names->list;
        name = StrVal(list->items[list->n_items - 1]);
        if (list->n_items > 1) schema = StrVal(list->items[list->n_items - 2]);
      } else {
        name = StrVal(names);
      }
      bool is_domain = st->catalog->FindDomain(schema, name, st->session->SearchPath()) != nullptr;
      auto rel = st->catalog->FindRelation(schema, name, st->session->SearchPath());
      bool composite = rel && rel->first == RelKind::kComposite;
      if (!is_domain && (domain || (!composite && !st->catalog->FindEnum(schema, name, st->session->SearchPath()))))
        throw Error(sqlstate::kUndefinedObject, "type \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist");
      RequireBootstrapOwner(owner, "type \"" + name + "\"");
      sink->Complete(domain ? "ALTER DOMAIN" : "ALTER TYPE");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      auto f = ResolveRoutine(st, stmt->object->object_with_args, stmt->object_type, false, sink);
      RequireBootstrapOwner(owner, std::string(f->kind == 'p' ? "procedure " : "function ") + f->Signature());
      sink->Complete(stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ? "ALTER PROCEDURE"
                     : stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ? "ALTER ROUTINE" : "ALTER FUNCTION");
      return;
    }
    default:
      if (AlterTextSearchOwner(stmt, st, sink)) return;
      throw Error(sqlstate::kFeatureNotSupported, "ALTER ... OWNER TO of this object type is not supported yet");
  }
}

}  // namespace tusk
