// CLUSTER [(VERBOSE)] [table [USING index]] and ALTER TABLE ... CLUSTER ON / SET WITHOUT
// CLUSTER. Tusk keeps a table's rows in primary key order always, so CLUSTER cannot order them
// by another index; it records the index (pg_index.indisclustered: psql's \d and pg_dump show
// it, and a later CLUSTER without USING takes it) and compacts the table's storage, which is
// what rewriting the table reclaims in PostgreSQL.
#include <string>

#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/statements.hpp"
#include "ops/maintenance.hpp"

namespace tusk {

void MarkClusterIndex(Catalog* cat, const TableDef& t, uint32_t index) {
  for (uint32_t oid : t.indexes)
    if (IndexDef* idx = cat->MutableIndex(oid)) idx->clustered = oid == index;
}

uint32_t FindClusterIndex(const Catalog& cat, const TableDef& t, const std::string& name) {
  for (uint32_t oid : t.indexes) {
    const IndexDef* idx = cat.FindIndex(oid);
    if (idx && idx->name == name) {
      if (!idx->where_sql.empty()) throw Error(sqlstate::kFeatureNotSupported, "cannot cluster on partial index \"" + name + "\"");
      return oid;
    }
  }
  auto rel = cat.FindRelation(t.schema, name, {});
  if (rel && rel->first == RelKind::kIndex)
    throw Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not an index for table \"" + t.name + "\"");
  if (rel) throw Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not an index");
  throw Error(sqlstate::kUndefinedObject, "index \"" + name + "\" for table \"" + t.name + "\" does not exist");
}

namespace {
const IndexDef* ClusteredIndex(const Catalog& cat, const TableDef& t) {
  for (uint32_t oid : t.indexes)
    if (const IndexDef* idx = cat.FindIndex(oid); idx && idx->clustered) return idx;
  return nullptr;
}
}  // namespace

void ExecuteCluster(PgQuery__ClusterStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block) {
  bool verbose = false;
  for (size_t i = 0; i < stmt->n_params; i++) {
    auto* option = stmt->params[i]->def_elem;
    if (std::string(option->defname) != "verbose")
      throw Error(sqlstate::kSyntaxError, "unrecognized CLUSTER option \"" + std::string(option->defname) + "\"")
          .WithPosition(option->location + 1);
    verbose = OptionIsOn(option);
  }
  auto report = [&](const TableDef& t, const IndexDef& idx) {
    if (verbose)
      sink->SendNotice({"INFO", "00000", "clustering \"" + t.schema + "." + t.name + "\" using index scan on \"" + idx.name + "\"", ""});
  };
  if (!stmt->relation) {
    // Every table that has a CLUSTER index, each as its own CLUSTER.
    if (in_transaction_block) throw Error(sqlstate::kActiveSqlTransaction, "CLUSTER cannot run inside a transaction block");
    for (const auto& [oid, t] : st->catalog->tables())
      if (const IndexDef* idx = ClusteredIndex(*st->catalog, t)) {
        CheckInterrupts(st);
        LockRelation(st, t.oid, TableLockMode::kAccessExclusive);
        report(t, *idx);
        CompactRelation(st, t);
      }
    sink->Complete("CLUSTER");
    return;
  }
  auto [kind, oid] = ResolveRelation(st, stmt->relation);
  if (kind != RelKind::kTable)
    throw Error(sqlstate::kWrongObjectType, "\"" + std::string(stmt->relation->relname) + "\" is not a table or materialized view");
  LockRelation(st, oid, TableLockMode::kAccessExclusive);
  const TableDef* t = st->catalog->FindTable(oid);
  const IndexDef* idx = nullptr;
  if (stmt->indexname && *stmt->indexname) {
    uint32_t index = FindClusterIndex(*st->catalog, *t, stmt->indexname);
    idx = st->catalog->FindIndex(index);
    Catalog* cat = st->session->MutableCatalog(st);
    MarkClusterIndex(cat, *cat->FindTable(oid), index);
  } else {
    idx = ClusteredIndex(*st->catalog, *t);
    if (!idx) throw Error(sqlstate::kUndefinedObject, "there is no previously clustered index for table \"" + t->name + "\"");
  }
  report(*t, *idx);
  CompactRelation(st, *t);
  sink->Complete("CLUSTER");
}

}  // namespace tusk
