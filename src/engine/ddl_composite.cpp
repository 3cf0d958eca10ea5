#include "engine/ddl_composite.hpp"

#include <algorithm>
#include <map>

#include "catalog/function_def.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "types/arrays.hpp"
#include "types/type.hpp"
#include "views/dependencies.hpp"

namespace tusk {

namespace {

// Whether `t` is, or is an array of, the row type `type_oid`.
bool IsRowType(const Type& t, uint32_t type_oid) { return t.record && t.record->type_oid == type_oid; }

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

// How the fields of each row type that changed map: new live field i is old live field
// from[i] (-1: none, NULL), by row type OID.
using FieldMaps = std::map<uint32_t, std::vector<int>>;

// The row types (of tables and composite types) whose live fields differ between the catalogs;
// a column keeps its slot, so an added one is a new slot and a dropped one a dropped slot.
FieldMaps ChangedRowTypes(const Catalog& before, const Catalog& after) {
  FieldMaps maps;
  for (const auto& [oid, old_def] : before.tables()) {
    const TableDef* new_def = after.FindTable(oid);
    if (!old_def.rowtype_oid || !new_def) continue;
    std::vector<int> from;
    int old_live = 0;
    std::vector<int> old_index(old_def.columns.size(), -1);
    for (size_t c = 0; c < old_def.columns.size(); c++)
      if (!old_def.columns[c].dropped) old_index[c] = old_live++;
    bool same = true;
    for (size_t c = 0; c < new_def->columns.size(); c++) {
      if (new_def->columns[c].dropped) continue;
      int f = c < old_index.size() ? old_index[c] : -1;
      same = same && f == static_cast<int>(from.size());
      from.push_back(f);
    }
    if (!same || static_cast<int>(from.size()) != old_live) maps[old_def.rowtype_oid] = std::move(from);
  }
  return maps;
}

// Whether values of type `t` hold values of a changed row type.
bool HoldsChanged(const Type& t, const FieldMaps& maps) {
  if (!t.record) return false;
  if (maps.count(t.record->type_oid)) return true;
  for (const Type& f : t.record->types)
    if (HoldsChanged(f, maps)) return true;
  return false;
}

// A value of type `t` (as it was before the change) with every value of a changed row type in
// it given the new fields.
Value Reshape(const Value& v, const Type& t, const FieldMaps& maps) {
  if (v.is_null() || !HoldsChanged(t, maps)) return v;
  if (t.array) {
    Type element = t;
    element.array = false;
    std::vector<Value> items;
    for (const Value& e : v.arr()) items.push_back(Reshape(e, element, maps));
    return ArrayLike(v, std::move(items));
  }
  std::vector<Value> fields = v.arr();
  for (size_t i = 0; i < fields.size() && i < t.record->types.size(); i++) fields[i] = Reshape(fields[i], t.record->types[i], maps);
  auto map = maps.find(t.record->type_oid);
  if (map == maps.end()) return Value::Array(std::move(fields));
  std::vector<Value> reshaped;
  for (int f : map->second) reshaped.push_back(f >= 0 && static_cast<size_t>(f) < fields.size() ? fields[static_cast<size_t>(f)] : Value::Null());
  return Value::Array(std::move(reshaped));
}

}  // namespace

void ReshapeStoredRowValues(ExecState* st, const Catalog& before) {
  const FieldMaps maps = ChangedRowTypes(before, *st->catalog);
  if (maps.empty()) return;
  for (const auto& entry : before.tables()) {
    const TableDef& old_table = entry.second;  // a plain reference: clang cannot capture a structured binding
    const TableDef* t = st->catalog->FindTable(entry.first);
    if (old_table.composite || !t) continue;
    std::vector<size_t> columns;
    for (size_t c = 0; c < old_table.columns.size() && c < t->columns.size(); c++)
      if (!t->columns[c].dropped && HoldsChanged(old_table.columns[c].type, maps)) columns.push_back(c);
    if (columns.empty()) continue;
    ReinsertAllRows(st, old_table, *t, [&](Row* row) {
      for (size_t c : columns) (*row)[c] = Reshape((*row)[c], old_table.columns[c].type, maps);
    });
  }
}

namespace {

// The composite type an ALTER TYPE names (42P01 / 42809 as PostgreSQL's).
TableDef* AlteredCompositeType(ExecState* st, Catalog* cat, PgQuery__RangeVar* rv) {
  auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, st->session->SearchPath());
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
  if (rel->first != RelKind::kComposite)
    throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a composite type");
  LockRelation(st, rel->second, TableLockMode::kAccessExclusive);
  return cat->MutableTable(rel->second);
}

}  // namespace

void ExecuteAlterCompositeType(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const auto before = std::make_shared<const Catalog>(*cat);
  TableDef* type = AlteredCompositeType(st, cat, stmt->relation);
  ParamTypes params;
  ExecState bind_state = *st;
  Planner planner(&bind_state, &params);
  for (size_t i = 0; i < stmt->n_cmds; i++) {
    auto* cmd = stmt->cmds[i]->alter_table_cmd;
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        auto* def = cmd->def->column_def;
        ColumnDef c;
        c.name = def->colname;
        if (type->FindColumn(c.name) >= 0)
          throw Error(sqlstate::kDuplicateColumn, "column \"" + c.name + "\" of relation \"" + type->name + "\" already exists");
        c.type = planner.binder().ResolveType(def->type_name);
        const BuiltinTypeInfo* b = FindBuiltinType(c.type.id);
        if (b && b->typtype == 'p' && c.type.id != oid::kUnknown)
          throw Error(sqlstate::kInvalidTableDefinition, "column \"" + c.name + "\" has pseudo-type " + TypeName(c.type));
        if (HoldsRowType(c.type, type->rowtype_oid))
          throw Error(sqlstate::kInvalidTableDefinition, "composite type " + type->name + " cannot be made a member of itself");
        type->columns.push_back(std::move(c));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
        int c = type->FindColumn(cmd->name);
        if (c < 0) {
          if (cmd->missing_ok) {
            Notice(sink, "column \"" + std::string(cmd->name) + "\" of relation \"" + type->name + "\" does not exist, skipping");
            continue;
          }
          throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(cmd->name) + "\" of relation \"" + type->name + "\" does not exist");
        }
        type->columns[static_cast<size_t>(c)].dropped = true;
        type->columns[static_cast<size_t>(c)].name = "........pg.dropped." + std::to_string(c + 1) + "........";
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        int c = type->FindColumn(cmd->name);
        if (c < 0)
          throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(cmd->name) + "\" of relation \"" + type->name + "\" does not exist");
        std::string stored = StoredColumnOfRowType(*before, type->rowtype_oid);
        if (!stored.empty())
          throw Error(sqlstate::kFeatureNotSupported, "cannot alter type \"" + type->name + "\" because column \"" + stored + "\" uses it");
        Type to = planner.binder().ResolveType(cmd->def->column_def->type_name);
        if (HoldsRowType(to, type->rowtype_oid))
          throw Error(sqlstate::kInvalidTableDefinition, "composite type " + type->name + " cannot be made a member of itself");
        type->columns[static_cast<size_t>(c)].type = to;
        break;
      }
      default:
        throw Error(sqlstate::kFeatureNotSupported, "this ALTER TYPE command is not supported yet");
    }
  }
  cat->RefreshRowTypes();
  st->catalog = std::make_shared<Catalog>(*cat);
  ReshapeStoredRowValues(st, *before);
  sink->Complete("ALTER TYPE");
}

void RenameCompositeAttribute(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  TableDef* type = AlteredCompositeType(st, cat, stmt->relation);
  int c = type->FindColumn(stmt->subname);
  if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(stmt->subname) + "\" does not exist");
  if (type->FindColumn(stmt->newname) >= 0)
    throw Error(sqlstate::kDuplicateColumn, "column \"" + std::string(stmt->newname) + "\" of relation \"" + type->name + "\" already exists");
  type->columns[static_cast<size_t>(c)].name = stmt->newname;
  cat->RefreshRowTypes();
  sink->Complete("ALTER TYPE");
}

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
  // attributes of other types dropped by CASCADE: their stored values follow
  const auto before = deps.attributes.empty() ? nullptr : std::make_shared<const Catalog>(*cat);
  DropDependents(st, cat, "type " + type.name, deps, cascade, sink);
  cat->DropTable(type.oid);
  if (before) {
    cat->RefreshRowTypes();
    st->catalog = std::make_shared<Catalog>(*cat);
    ReshapeStoredRowValues(st, *before);
  }
  return true;
}

}  // namespace tusk
