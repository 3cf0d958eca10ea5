// pg_constraint (primary keys, unique, check and foreign-key constraints, domains' checks) and pg_attrdef
// (column defaults). Their expression columns hold Tusk's stored SQL text; pg_get_expr and
// pg_get_constraintdef print them as PostgreSQL does.
#include "catalog/system/catalogs.hpp"
#include "partition/partition_ddl.hpp"
#include "catalog/system/deparse.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
Value Int2Array(const std::vector<int>& cols, int offset) {
  std::vector<Value> v;
  for (int c : cols) v.push_back(Value::Int(c + offset));
  return Value::Array(std::move(v));
}

// The unique index of `table` whose key is exactly `cols` (what a foreign key references).
uint32_t IndexOnColumns(const Catalog& cat, uint32_t table, const std::vector<int>& cols) {
  const TableDef* t = cat.FindTable(table);
  if (!t) return 0;
  for (uint32_t i : t->indexes) {
    const IndexDef* ix = cat.FindIndex(i);
    if (!ix || !ix->unique || !ix->where_sql.empty() || ix->columns.size() != cols.size()) continue;
    bool same = true;
    for (size_t k = 0; k < cols.size(); k++) same &= ix->columns[k].column == cols[k];
    if (same) return i;
  }
  return 0;
}

void RegisterConstraint() {
  SystemRelation r;
  r.oid = 2606;
  r.schema = "pg_catalog";
  r.name = "pg_constraint";
  Type int2s(oid::kInt2, -1, true), oids(oid::kOid, -1, true);
  r.columns = {{"oid", Type(oid::kOid)},          {"conname", Type(oid::kName)},        {"connamespace", Type(oid::kOid)},
               {"contype", Type(oid::kChar)},     {"condeferrable", Type(oid::kBool)},  {"condeferred", Type(oid::kBool)},
               {"convalidated", Type(oid::kBool)}, {"conrelid", Type(oid::kOid)},       {"contypid", Type(oid::kOid)},
               {"conindid", Type(oid::kOid)},     {"conparentid", Type(oid::kOid)},     {"confrelid", Type(oid::kOid)},
               {"confupdtype", Type(oid::kChar)}, {"confdeltype", Type(oid::kChar)},    {"confmatchtype", Type(oid::kChar)},
               {"conislocal", Type(oid::kBool)},  {"coninhcount", Type(oid::kInt4)},    {"connoinherit", Type(oid::kBool)},
               {"conkey", int2s},                 {"confkey", int2s},                   {"conpfeqop", oids},
               {"conppeqop", oids},               {"conffeqop", oids},                  {"confdelsetcols", int2s},
               {"conexclop", oids},               {"conbin", Type(oid::kPgNodeTree)}};
  r.rows = [](ExecState& state, std::vector<Row>* rows) {
    ExecState* st = &state;
    const Catalog& cat = *st->catalog;
    for (const auto& [toid, t] : cat.tables()) {
      uint32_t ns = NamespaceOid(cat, t.schema);
      for (const auto& c : t.constraints) {
        bool fk = c.kind == 'f';
        Value conkey = c.kind == 'c' ? Int2Array(ColumnsOfStoredExpr(st, t, c.check_sql), 0) : Int2Array(c.columns, 1);
        uint32_t index = fk ? IndexOnColumns(cat, c.ref_table, c.ref_columns) : c.index;
        rows->push_back({OidValue(c.oid), NameValue(c.name), OidValue(ns), CharValue(c.kind), Value::Bool(false), Value::Bool(false),
                         Value::Bool(true), OidValue(toid), OidValue(0), OidValue(index), OidValue(ParentConstraintOf(cat, t, c)),
                         OidValue(fk ? c.ref_table : 0),
                         CharValue(fk ? static_cast<char>(c.on_update) : ' '), CharValue(fk ? static_cast<char>(c.on_delete) : ' '),
                         CharValue(fk ? 's' : ' '), Value::Bool(true), Value::Int(0), Value::Bool(false), conkey,
                         fk ? Int2Array(c.ref_columns, 1) : Value::Null(), Value::Null(), Value::Null(), Value::Null(), Value::Null(),
                         Value::Null(), c.kind == 'c' ? Value::Str(c.check_sql) : Value::Null()});
      }
    }
    // domains' CHECKs (contypid set, no relation)
    for (const auto& [doid, d] : cat.domains())
      for (const auto& c : d->checks)
        rows->push_back({OidValue(c.oid), NameValue(c.name), OidValue(NamespaceOid(cat, d->schema)), CharValue('c'), Value::Bool(false),
                         Value::Bool(false), Value::Bool(c.validated), OidValue(0), OidValue(d->oid), OidValue(0), OidValue(0),
                         OidValue(0), CharValue(' '), CharValue(' '), CharValue(' '), Value::Bool(true), Value::Int(0),
                         Value::Bool(false), Value::Null(), Value::Null(), Value::Null(), Value::Null(), Value::Null(), Value::Null(),
                         Value::Null(), Value::Str(c.check_sql)});
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterAttrdef() {
  SystemRelation r;
  r.oid = 2604;
  r.schema = "pg_catalog";
  r.name = "pg_attrdef";
  r.columns = {{"oid", Type(oid::kOid)}, {"adrelid", Type(oid::kOid)}, {"adnum", Type(oid::kInt2)}, {"adbin", Type(oid::kPgNodeTree)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [toid, t] : st.catalog->tables())
      for (size_t i = 0; i < t.columns.size(); i++) {
        const ColumnDef& col = t.columns[i];
        if (col.default_sql.empty() || col.dropped) continue;
        // a literal default takes the column's type, as PostgreSQL stores it ('x'::text)
        rows->push_back({OidValue(col.default_oid), OidValue(toid), Value::Int(static_cast<int64_t>(i) + 1),
                         Value::Str(DeparseStoredExpr(&st, &t, col.default_sql, &col.type, false))});
      }
  };
  RegisterSystemRelation(std::move(r));
}
}  // namespace

void RegisterConstraintCatalogs() {
  RegisterConstraint();
  RegisterAttrdef();
}

}  // namespace tusk
