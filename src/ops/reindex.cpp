// REINDEX { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [CONCURRENTLY] name, with its
// (VERBOSE, CONCURRENTLY, TABLESPACE) options. An index is rebuilt in the statement's
// transaction: its entries are deleted and made again from the table, whose writers wait
// (SHARE lock), as PostgreSQL's plain REINDEX. A primary key's index is the table itself in
// Tusk, so rebuilding it is checking it. CONCURRENTLY rebuilds the same way (writers wait too).
#include "access/table_access.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "engine/ddl_util.hpp"
#include "engine/statements.hpp"
#include "ops/maintenance.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
// Deletes the index's entries in the transaction, then builds them from the newest rows (the
// table is locked against writers, so no row can be missed between the two).
void RebuildIndex(ExecState* st, const TableDef& t, const IndexDef& idx) {
  ExecState latest = *st;
  latest.snapshot = nullptr;
  latest.opened.clear();
  if (!idx.primary) DeleteRelationKeys(st, idx.oid);
  BuildIndex(&latest, t, idx, IndexStorage::kEmptied);
}

struct ReindexRun {
  ExecState* st;
  ResultSink* sink;
  bool verbose = false;

  void Index(const TableDef& t, const IndexDef& idx) {
    CpuClock clock;
    RebuildIndex(st, t, idx);
    if (verbose)
      sink->SendNotice({"INFO", "00000", "index \"" + idx.name + "\" was reindexed", clock.Report()});
  }
  void Table(const TableDef& t) {
    LockRelation(st, t.oid, TableLockMode::kShare);
    for (uint32_t oid : t.indexes)
      if (const IndexDef* idx = st->catalog->FindIndex(oid)) Index(t, *idx);
  }
};

const char* KindName(PgQuery__ReindexObjectType kind) {
  switch (kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA: return "REINDEX SCHEMA";
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM: return "REINDEX SYSTEM";
    default: return "REINDEX DATABASE";
  }
}
}  // namespace

void ExecuteReindex(PgQuery__ReindexStmt* stmt, ExecState* st, ResultSink* sink, bool in_transaction_block) {
  ReindexRun run{st, sink};
  bool concurrently = false;
  for (size_t i = 0; i < stmt->n_params; i++) {
    auto* option = stmt->params[i]->def_elem;
    std::string name = option->defname;
    if (name == "verbose") {
      run.verbose = OptionIsOn(option);
    } else if (name == "concurrently") {
      concurrently = OptionIsOn(option);
    } else if (name == "tablespace") {
      std::string space = option->arg && option->arg->node_case == PG_QUERY__NODE__NODE_STRING ? option->arg->string->sval : "";
      if (space != "pg_default")
        throw Error(sqlstate::kUndefinedObject, "tablespace \"" + space + "\" does not exist");
    } else {
      throw Error(sqlstate::kSyntaxError, "unrecognized REINDEX option \"" + name + "\"").WithPosition(option->location + 1);
    }
  }
  const auto kind = stmt->kind;
  const bool many = kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX &&
                    kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE;
  if (many && in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, std::string(KindName(kind)) + " cannot run inside a transaction block");
  if (concurrently && in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, "REINDEX CONCURRENTLY cannot run inside a transaction block");
  const Catalog& cat = *st->catalog;
  switch (kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX: {
      auto [rel_kind, oid] = ResolveRelation(st, stmt->relation);
      if (rel_kind != RelKind::kIndex)
        throw Error(sqlstate::kWrongObjectType, "\"" + std::string(stmt->relation->relname) + "\" is not an index");
      const IndexDef* idx = cat.FindIndex(oid);
      const TableDef* t = cat.FindTable(idx->table);
      LockRelation(st, t->oid, TableLockMode::kShare);
      run.Index(*t, *idx);
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: {
      auto [rel_kind, oid] = ResolveRelation(st, stmt->relation);
      if (rel_kind != RelKind::kTable)
        throw Error(sqlstate::kWrongObjectType, "\"" + std::string(stmt->relation->relname) + "\" is not a table or materialized view");
      run.Table(*cat.FindTable(oid));
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA: {
      std::string schema = stmt->name;
      if (!cat.FindSchema(schema)) throw Error(sqlstate::kInvalidSchemaName, "schema \"" + schema + "\" does not exist");
      for (const auto& [oid, t] : cat.tables())
        if (t.schema == schema) run.Table(t);
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM:
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE: {
      if (stmt->name && *stmt->name && stmt->name != st->session->database())
        throw Error(sqlstate::kFeatureNotSupported, "can only reindex the currently open database");
      if (concurrently && kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM)
        throw Error(sqlstate::kFeatureNotSupported, "cannot reindex system catalogs concurrently");
      // The system catalogs are computed from the catalog, so they have no index to rebuild.
      if (kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE)
        for (const auto& [oid, t] : cat.tables()) run.Table(t);
      break;
    }
    default: throw Error(sqlstate::kFeatureNotSupported, "this REINDEX form is not supported");
  }
  sink->Complete("REINDEX");
}

}  // namespace tusk
