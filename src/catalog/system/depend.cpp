// pg_depend: what each object needs, as PostgreSQL records it, so that pg_dump orders its
// output and psql finds a sequence's owner. Computed from the catalog's links: a table's
// namespace and column types, a sequence's owning column, an index's table or constraint, a
// constraint's columns and referenced key, a default's table and sequence, an extension's functions,
// a table's row type, a user function's schema and types.
#include <set>

#include "catalog/function_def.hpp"
#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/catalogs.hpp"
#include "partition/partition_ddl.hpp"
#include "types/domain.hpp"
#include "catalog/system/deparse.hpp"
#include "common/strings.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
constexpr uint32_t kClass = class_oid::kPgClass, kType = class_oid::kPgType, kNamespace = class_oid::kPgNamespace,
                   kConstraint = class_oid::kPgConstraint, kAttrdef = class_oid::kPgAttrdef,
                   kRewrite = class_oid::kPgRewrite;

struct Dependency {
  uint32_t classid, objid;
  int objsubid;
  uint32_t refclassid, refobjid;
  int refobjsubid;
  char deptype;  // 'n' normal, 'a' auto, 'i' internal, 'P' / 'S' partition
};

void TableDependencies(ExecState* st, const Catalog& cat, const TableDef& t, std::vector<Dependency>* out) {
  out->push_back({kClass, t.oid, 0, kNamespace, NamespaceOid(cat, t.schema), 0, 'n'});
  if (t.partition_parent) out->push_back({kClass, t.oid, 0, kClass, t.partition_parent, 0, 'a'});
  for (size_t i = 0; i < t.columns.size(); i++) {
    const ColumnDef& col = t.columns[i];
    int attnum = static_cast<int>(i) + 1;
    if (col.dropped) continue;
    if (col.type.domain || col.type.enumdef)  // a user type: the column depends on it
      out->push_back({kClass, t.oid, attnum, kType, CatalogTypeOid(col.type), 0, 'n'});
    if (col.default_oid) out->push_back({kAttrdef, col.default_oid, 0, kClass, t.oid, attnum, 'a'});
  }
  for (const auto& c : t.constraints) {
    if (c.kind == 'c') {
      // a CHECK depends on each column it reads (on the table when it reads none)
      std::vector<int> read = ColumnsOfStoredExpr(st, t, c.check_sql);
      for (int attnum : read) out->push_back({kConstraint, c.oid, 0, kClass, t.oid, attnum, 'a'});
      if (read.empty()) out->push_back({kConstraint, c.oid, 0, kClass, t.oid, 0, 'a'});
      continue;
    }
    for (int col : c.columns) out->push_back({kConstraint, c.oid, 0, kClass, t.oid, col + 1, 'a'});
    if (c.kind == 'p' || c.kind == 'u') out->push_back({kClass, c.index, 0, kConstraint, c.oid, 0, 'i'});
    // A partition's key under its parent's ('P' primary, 'S' secondary partition dependencies),
    // which is how pg_dump orders the parent's first.
    if (uint32_t parent = ParentConstraintOf(cat, t, c)) {
      out->push_back({kConstraint, c.oid, 0, kConstraint, parent, 0, 'P'});
      out->push_back({kConstraint, c.oid, 0, kClass, t.oid, 0, 'S'});
    }
    if (c.kind == 'f')
      for (int col : c.ref_columns) out->push_back({kConstraint, c.oid, 0, kClass, c.ref_table, col + 1, 'n'});
  }
  for (uint32_t ix : t.indexes) {
    const IndexDef* index = cat.FindIndex(ix);
    if (!index) continue;
    if (uint32_t parent = ParentIndexOf(cat, *index)) {
      out->push_back({kClass, ix, 0, kClass, parent, 0, 'P'});
      out->push_back({kClass, ix, 0, kClass, t.oid, 0, 'S'});
    }
    bool of_constraint = false;
    for (const auto& c : t.constraints) of_constraint |= (c.kind == 'p' || c.kind == 'u') && c.index == ix;
    if (of_constraint) continue;
    for (const auto& k : index->columns)
      if (k.column >= 0) out->push_back({kClass, ix, 0, kClass, t.oid, k.column + 1, 'a'});
  }
}
}  // namespace

void RegisterDependCatalog() {
  SystemRelation r;
  r.oid = 2608;
  r.schema = "pg_catalog";
  r.name = "pg_depend";
  Type o(oid::kOid), i4(oid::kInt4);
  r.columns = {{"classid", o}, {"objid", o}, {"objsubid", i4}, {"refclassid", o}, {"refobjid", o}, {"refobjsubid", i4},
               {"deptype", Type(oid::kChar)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    const Catalog& cat = *st.catalog;
    std::vector<Dependency> deps;
    for (const auto& [oid, t] : cat.tables()) TableDependencies(&st, cat, t, &deps);
    for (const auto& [oid, s] : cat.sequences()) {
      deps.push_back({kClass, oid, 0, kNamespace, NamespaceOid(cat, s.schema), 0, 'n'});
      if (!s.owner_table) continue;
      const TableDef* t = cat.FindTable(s.owner_table);
      bool identity = t && s.owner_column >= 0 && static_cast<size_t>(s.owner_column) < t->columns.size() &&
                      t->columns[static_cast<size_t>(s.owner_column)].identity;
      deps.push_back({kClass, oid, 0, kClass, s.owner_table, s.owner_column + 1, identity ? 'i' : 'a'});
      // A serial column's default calls nextval on its sequence: the default depends on it.
      if (t && !identity && s.owner_column >= 0 && static_cast<size_t>(s.owner_column) < t->columns.size()) {
        const ColumnDef& col = t->columns[static_cast<size_t>(s.owner_column)];
        if (col.default_oid && col.default_sql.find("nextval(") != std::string::npos &&
            col.default_sql.find(QuoteIdent(s.name) + "'") != std::string::npos)
          deps.push_back({kAttrdef, col.default_oid, 0, kClass, oid, 0, 'n'});
      }
    }
    for (const auto& [oid, e] : cat.enums()) {
      deps.push_back({kType, e->type_oid, 0, kNamespace, NamespaceOid(cat, e->schema), 0, 'n'});
      deps.push_back({kType, e->array_oid, 0, kType, e->type_oid, 0, 'i'});
    }
    for (const auto& [oid, d] : cat.domains()) {
      if (oid < oid::kFirstUserOid) continue;  // information_schema's: pinned, as initdb's objects
      deps.push_back({kType, d->oid, 0, kNamespace, NamespaceOid(cat, d->schema), 0, 'n'});
      deps.push_back({kType, d->array_oid, 0, kType, d->oid, 0, 'i'});
      if (d->base.domain || d->base.enumdef) deps.push_back({kType, d->oid, 0, kType, CatalogTypeOid(d->base), 0, 'n'});
      for (const auto& c : d->checks) deps.push_back({kConstraint, c.oid, 0, kType, d->oid, 0, 'a'});
    }
    // A view needs its schema; its _RETURN rule needs the view and what its query reads.
    for (const auto& [oid, v] : cat.views()) {
      deps.push_back({kClass, oid, 0, kNamespace, NamespaceOid(cat, v.schema), 0, 'n'});
      deps.push_back({kRewrite, v.rule_oid, 0, kClass, oid, 0, 'i'});
      for (uint32_t rel : v.relations) deps.push_back({kRewrite, v.rule_oid, 0, kClass, rel, 0, 'n'});
    }
    for (const auto& [oid, t] : cat.tables()) {
      if (!t.materialized) continue;
      deps.push_back({kRewrite, t.materialized->rule_oid, 0, kClass, oid, 0, 'i'});
      for (uint32_t rel : t.materialized->relations) deps.push_back({kRewrite, t.materialized->rule_oid, 0, kClass, rel, 0, 'n'});
    }
    // A table's row type is part of the table (and its array type of the row type).
    for (const auto& [oid, t] : cat.tables()) {
      if (!t.rowtype_oid) continue;
      deps.push_back({kType, t.rowtype_oid, 0, kClass, oid, 0, 'i'});
      deps.push_back({kType, t.rowtype_array_oid, 0, kType, t.rowtype_oid, 0, 'i'});
    }
    // A user function needs its schema and the user types of its arguments and result.
    for (const auto& [oid, f] : cat.functions()) {
      deps.push_back({class_oid::kPgProc, oid, 0, kNamespace, NamespaceOid(cat, f->schema), 0, 'n'});
      std::set<uint32_t> types;
      for (const auto& a : f->args) types.insert(CatalogTypeOid(a.type));
      types.insert(CatalogTypeOid(f->result));
      for (uint32_t type : types)
        if (type >= oid::kFirstUserOid) deps.push_back({class_oid::kPgProc, oid, 0, kType, type, 0, 'n'});
    }
    // An extension's functions are its members: pg_dump leaves them to CREATE EXTENSION.
    for (const ListedProc& p : ListedProcs(cat)) {
      if (!*p.proc->extension) continue;
      deps.push_back({class_oid::kPgProc, p.oid, 0, kNamespace, p.namespace_oid, 0, 'n'});
      deps.push_back({class_oid::kPgProc, p.oid, 0, class_oid::kPgExtension, cat.extensions().at(p.proc->extension).oid, 0, 'e'});
    }
    for (const auto& d : deps)
      rows->push_back({OidValue(d.classid), OidValue(d.objid), Value::Int(d.objsubid), OidValue(d.refclassid), OidValue(d.refobjid),
                       Value::Int(d.refobjsubid), CharValue(d.deptype)});
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace tusk
