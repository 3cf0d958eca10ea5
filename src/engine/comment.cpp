// COMMENT ON { TABLE | COLUMN | INDEX | SEQUENCE | SCHEMA | TYPE | CONSTRAINT ... ON | EXTENSION |
// TEXT SEARCH CONFIGURATION | TEXT SEARCH DICTIONARY }
// name IS 'text' | NULL: the comment is kept in the catalog (pg_description, psql's \d+).
// COMMENT ON { DATABASE | ROLE } keeps it in the cluster catalog (pg_shdescription, \l+, \du+).
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/ddl_text_search.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

using namespace class_oid;

std::vector<std::string> NameList(Node* object) {
  std::vector<std::string> names;
  if (object->node_case == PG_QUERY__NODE__NODE_LIST)
    for (size_t i = 0; i < object->list->n_items; i++) names.push_back(StrVal(object->list->items[i]));
  else
    names.push_back(StrVal(object));
  return names;
}

std::string Dotted(const std::vector<std::string>& names) { return Join(names, "."); }

// The relation a (possibly qualified) name list means, checked against the kind COMMENT ON
// named; 42P01 when there is none.
uint32_t Relation(ExecState* st, const std::vector<std::string>& names, RelKind want, const char* kind_name) {
  std::string schema = names.size() > 1 ? names[names.size() - 2] : "";
  auto rel = st->catalog->FindRelation(schema, names.back(), st->session->SearchPath());
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + Dotted(names) + "\" does not exist");
  if (rel->first != want) throw Error(sqlstate::kWrongObjectType, "\"" + names.back() + "\" is not " + kind_name);
  return rel->second;
}

// Databases and roles are shared by every database: their comments live with them.
bool CommentOnSharedObject(PgQuery__CommentStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE && stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_ROLE) return false;
  ClusterCatalog* cluster = st->session->MutableCluster();
  const std::string name = StrVal(stmt->object);
  const RoleDef* me = cluster->FindRole(st->session->CurrentUserName());
  ClusterCatalog::SharedObject object;
  if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE) {
    const DatabaseDef* d = cluster->FindDatabase(name);
    if (!d) {  // PostgreSQL only warns: a dump's COMMENT ON DATABASE may name another database
      sink->SendNotice({"WARNING", sqlstate::kUndefinedDatabase, "database \"" + name + "\" does not exist", ""});
      return true;
    }
    if (!me || (!me->superuser && me->oid != d->owner))
      throw Error(sqlstate::kInsufficientPrivilege, "must be owner of database " + name);
    object = {kPgDatabaseOid, d->oid};
  } else {
    const RoleDef* r = cluster->FindRole(name);
    if (!r) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
    if (!me || !(me->superuser || (me->createrole && !r->superuser)))
      throw Error(sqlstate::kInsufficientPrivilege, "must have CREATEROLE privilege");
    object = {kPgAuthidOid, r->oid};
  }
  cluster->SetSharedComment(object, stmt->comment ? stmt->comment : "");
  return true;
}

}  // namespace

void ExecuteComment(PgQuery__CommentStmt* stmt, ExecState* st, ResultSink* sink) {
  if (CommentOnSharedObject(stmt, st, sink)) {
    sink->Complete("COMMENT");
    return;
  }
  Catalog* cat = st->session->MutableCatalog(st);
  Catalog::CommentKey key;
  switch (stmt->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      key = {kPgClass, Relation(st, NameList(stmt->object), RelKind::kTable, "a table"), 0};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      key = {kPgClass, Relation(st, NameList(stmt->object), RelKind::kView, "a view"), 0};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      key = {kPgClass, Relation(st, NameList(stmt->object), RelKind::kMatview, "a materialized view"), 0};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      key = {kPgClass, Relation(st, NameList(stmt->object), RelKind::kIndex, "an index"), 0};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      key = {kPgClass, Relation(st, NameList(stmt->object), RelKind::kSequence, "a sequence"), 0};
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      auto names = NameList(stmt->object);
      if (names.size() < 2) throw Error(sqlstate::kSyntaxError, "column name must be qualified");
      std::string column = names.back();
      names.pop_back();
      std::string schema = names.size() > 1 ? names[names.size() - 2] : "";
      auto rel = cat->FindRelation(schema, names.back(), st->session->SearchPath());
      bool view = rel && rel->first == RelKind::kView;
      uint32_t table = view || (rel && rel->first == RelKind::kMatview) ? rel->second : Relation(st, names, RelKind::kTable, "a table");
      int col = -1;
      if (view) {
        const ViewDef* v = cat->FindView(table);
        for (size_t i = 0; i < v->columns.size(); i++)
          if (v->columns[i].name == column) col = static_cast<int>(i);
      } else {
        col = cat->FindTable(table)->FindColumn(column);
      }
      if (col < 0)
        throw Error(sqlstate::kUndefinedColumn, "column \"" + column + "\" of relation \"" + Dotted(names) + "\" does not exist");
      key = {kPgClass, table, col + 1};
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      std::string name = StrVal(stmt->object);
      const SchemaDef* s = cat->FindSchema(name);
      if (!s) throw Error(sqlstate::kUndefinedSchema, "schema \"" + name + "\" does not exist");
      key = {kPgNamespace, s->oid, 0};
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
      ParamTypes params;
      Planner planner(st, &params);
      Type t;
      try {
        t = planner.binder().ResolveType(stmt->object->type_name);
      } catch (Error& e) {
        throw e.ClearPosition();
      }
      if (t.enumdef && !t.array) {
        key = {kPgType, t.enumdef->type_oid, 0};
      } else if (t.record && !t.array && t.record->relid && cat->FindTable(t.record->relid) && cat->FindTable(t.record->relid)->composite) {
        key = {kPgType, t.record->type_oid, 0};
      } else {
        throw Error(sqlstate::kFeatureNotSupported, "COMMENT ON TYPE is supported for enum and composite types only");
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      auto names = NameList(stmt->object);
      std::string constraint = names.back();
      names.pop_back();
      uint32_t table = Relation(st, names, RelKind::kTable, "a table");
      const TableDef* t = cat->FindTable(table);
      uint32_t found = 0;
      for (const auto& c : t->constraints)
        if (c.name == constraint) found = c.oid;
      if (!found)
        throw Error(sqlstate::kUndefinedObject, "constraint \"" + constraint + "\" for table \"" + t->name + "\" does not exist");
      key = {kPgConstraint, found, 0};
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
      std::string name = StrVal(stmt->object);
      auto it = cat->extensions().find(name);
      if (it == cat->extensions().end()) throw Error(sqlstate::kUndefinedObject, "extension \"" + name + "\" does not exist");
      key = {kPgExtension, it->second.oid, 0};
      break;
    }
    default:
      if (TextSearchCommentKey(stmt, st, &key)) break;
      throw Error(sqlstate::kFeatureNotSupported, "COMMENT ON this kind of object is not supported yet");
  }
  cat->SetComment(key, stmt->comment ? stmt->comment : "");
  sink->Complete("COMMENT");
}

}  // namespace tusk
