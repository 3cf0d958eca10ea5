#include "engine/ddl_composite.hpp"

#include <algorithm>

#include "catalog/function_def.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "types/type.hpp"
#include "views/dependencies.hpp"

namespace tusk {

namespace {

// Whether `t` is, or is an array of, the row type `type_oid`.
bool IsRowType(const Type& t, uint32_t type_oid) { return t.record && t.record->type_oid == type_oid; }

// CASCADE drops an attribute of another composite type: refused while a table stores that type.
void RefuseStoredLayoutChange(const Catalog& cat, const Dependents& deps) {
  for (const auto& [oid, position] : deps.attributes) {
    const TableDef* t = cat.FindTable(oid);
    if (!t->composite) continue;
    std::string stored = StoredColumnOfRowType(cat, t->rowtype_oid);
    if (!stored.empty())
      throw Error(sqlstate::kFeatureNotSupported, "cannot drop an attribute of type " + t->name + " because column \"" + stored +
                                                      "\" stores it (not supported yet)");
  }
}

// PostgreSQL's dependency lines for a composite type: table columns and attributes of other
// composite types (the last attribute of each first), functions and views, in creation order.
void CollectDependents(ExecState* st, Catalog& cat, const TableDef& type, Dependents* out) {
  const std::string what = "type " + type.name;
  AddColumnsOfRowType(cat, type.rowtype_oid, type.name, out);
  for (const auto& [oid, f] : cat.functions()) {
    bool uses = IsRowType(f->result, type.rowtype_oid);
    for (const auto& a : f->args) uses = uses || IsRowType(a.type, type.rowtype_oid);
    if (!uses) continue;
    std::string me = std::string(f->kind == 'p' ? "procedure " : "function ") + f->Signature();
    out->functions.push_back(oid);
    out->Add(me + " depends on " + what, me, oid);
  }
  auto without = std::make_shared<Catalog>(cat);
  without->DropTable(type.oid);
  AddViewsBrokenBy(st, cat, without, what, out);
  out->SortByObject();
}

}  // namespace

void ExecuteCreateCompositeType(PgQuery__CompositeTypeStmt* stmt, ExecState* st, ResultSink* sink) {
  auto* rv = stmt->typevar;
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, rv->schemaname, rv->location);
  std::string name = rv->relname;
  if (cat->FindEnum(schema, name, {}) || cat->FindDomain(schema, name, {}) || BuiltinTypeByName(name) || cat->FindRelation(schema, name, {}))
    throw Error(sqlstate::kDuplicateObject, "type \"" + name + "\" already exists");
  TableDef t;
  t.oid = cat->AllocateOid();
  t.schema = schema;
  t.name = name;
  t.composite = true;
  ParamTypes params;
  ExecState bind_state = *st;
  Planner planner(&bind_state, &params);
  for (size_t i = 0; i < stmt->n_coldeflist; i++) {
    auto* def = stmt->coldeflist[i]->column_def;
    ColumnDef c;
    c.name = def->colname;
    if (t.FindColumn(c.name) >= 0) throw Error(sqlstate::kDuplicateColumn, "column \"" + c.name + "\" specified more than once");
    c.type = planner.binder().ResolveType(def->type_name);
    const BuiltinTypeInfo* b = FindBuiltinType(c.type.id);
    if (b && b->typtype == 'p' && c.type.id != oid::kUnknown)
      throw Error(sqlstate::kInvalidTableDefinition, "column \"" + c.name + "\" has pseudo-type " + TypeName(c.type));
    t.columns.push_back(std::move(c));
  }
  t.rowtype_oid = cat->AllocateOid();
  t.rowtype_array_oid = cat->AllocateOid();
  cat->AddTable(std::move(t));
  sink->Complete("CREATE TYPE");
}

bool DropCompositeType(PgQuery__DropStmt* stmt, Node* object, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  Node** items = object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? object->type_name->names : object->list->items;
  size_t n = object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? object->type_name->n_names : object->list->n_items;
  std::string name = StrVal(items[n - 1]);
  std::string schema = n > 1 ? StrVal(items[n - 2]) : "";
  auto rel = cat->FindRelation(schema, name, st->session->SearchPath());
  if (!rel || rel->first != RelKind::kComposite) return false;
  const TableDef type = *cat->FindTable(rel->second);
  LockRelation(st, type.oid, TableLockMode::kAccessExclusive);
  Dependents deps;
  CollectDependents(st, *cat, type, &deps);
  bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  if (cascade) RefuseStoredLayoutChange(*cat, deps);
  DropDependents(st, cat, "type " + type.name, deps, cascade, sink);
  cat->DropTable(type.oid);
  return true;
}

}  // namespace tusk
