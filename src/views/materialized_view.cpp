// CREATE MATERIALIZED VIEW and REFRESH MATERIALIZED VIEW. A materialized view is a table that
// holds its query's rows as of the last refresh (TableDef::materialized); reads scan it like a
// table, DML is refused, indexes may be built on it.
#include "security/object_privileges.hpp"
#include "views/view_ddl.hpp"

#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "planner/planner.hpp"

namespace tusk {

void DeleteAllRows(ExecState* st, const TableDef& t);  // engine/ddl_data.cpp

namespace {

// Replaces the materialized view's rows with its query's: planned from the kept text under the
// search_path it was created with, run, and written through the table's indexes.
int64_t Fill(ExecState* st, Catalog* cat, uint32_t oid) {
  DeleteAllRows(st, *cat->FindTable(oid));
  const MaterializedDef& m = *cat->FindTable(oid)->materialized;
  st->catalog = std::make_shared<Catalog>(*cat);
  std::shared_ptr<const Catalog> planned_against = st->catalog;  // the plan points into it
  ParamTypes params;
  Planner planner(st, &params);
  planner.binder().search_path_override = m.search_path;
  auto script = ParseSql(m.query_sql);
  PlannedQuery q = planner.PlanSelect(script->statements.at(0).stmt, nullptr);
  EvalContext ctx;
  ctx.state = st;
  std::vector<Row> rows = RunToVector(q.root.get(), &ctx);
  Planner writer_planner(st, &params);
  TableWriter writer(&writer_planner, st->catalog->FindTable(oid));
  int64_t n = 0;
  for (Row& r : rows) {
    if ((n & 1023) == 1023) CheckInterrupts(st);
    writer.Insert(r);
    n++;
  }
  return n;
}

// REFRESH ... CONCURRENTLY needs a unique index over plain columns, without WHERE.
bool HasRefreshKey(const Catalog& cat, const TableDef& t) {
  for (uint32_t io : t.indexes) {
    const IndexDef* ix = cat.FindIndex(io);
    if (!ix || !ix->unique || !ix->where_sql.empty()) continue;
    bool plain = true;
    for (const auto& c : ix->columns) plain &= c.column >= 0;
    if (plain) return true;
  }
  return false;
}

}  // namespace

void ExecuteCreateMaterializedView(PgQuery__CreateTableAsStmt* stmt, ExecState* st, ResultSink* sink) {
  auto* into = stmt->into;
  auto* rv = into->rel;
  if (rv->relpersistence && std::string(rv->relpersistence) == "t")
    throw Error(sqlstate::kFeatureNotSupported, "materialized views must not use temporary tables or views");
  CheckViewQuery(stmt->query, true);
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, rv->schemaname, rv->location);
  if (cat->FindRelation(schema, rv->relname, {})) {
    if (stmt->if_not_exists) {
      Notice(sink, "relation \"" + std::string(rv->relname) + "\" already exists, skipping");
      sink->Complete("CREATE MATERIALIZED VIEW");
      return;
    }
    throw Error(sqlstate::kDuplicateTable, "relation \"" + std::string(rv->relname) + "\" already exists");
  }
  ViewQuery q = PlanViewQuery(st, *cat, stmt->query, into->col_names, into->n_col_names, 0, "too many column names were specified");
  TableDef t;
  t.oid = cat->AllocateOid();
  t.schema = schema;
  t.name = rv->relname;
  t.columns = std::move(q.columns);
  for (const auto& c : t.columns) CheckStorableType(c.type, c.name);
  MaterializedDef m;
  m.rule_oid = cat->AllocateOid();
  m.query_sql = std::move(q.query_sql);
  m.search_path = std::move(q.search_path);
  m.relations = std::move(q.relations);
  m.populated = !into->skip_data;
  t.materialized = std::move(m);
  uint32_t oid = t.oid;
  t.security.owner = NewObjectOwner(st);
  cat->AddTable(std::move(t));
  if (into->skip_data) {
    sink->Complete("CREATE MATERIALIZED VIEW");
    return;
  }
  sink->Complete("SELECT " + std::to_string(Fill(st, cat, oid)));
}

void ExecuteRefreshMaterializedView(PgQuery__RefreshMatViewStmt* stmt, ExecState* st, ResultSink* sink) {
  auto* rv = stmt->relation;
  if (stmt->concurrent && stmt->skip_data)
    throw Error(sqlstate::kSyntaxError, "CONCURRENTLY and WITH NO DATA options cannot be used together");
  Catalog* cat = st->session->MutableCatalog(st);
  auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, st->session->SearchPath());
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
  if (rel->first != RelKind::kMatview)
    throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a materialized view");
  const TableDef* t = cat->FindTable(rel->second);
  if (stmt->concurrent) {
    if (!t->materialized->populated)
      throw Error(sqlstate::kFeatureNotSupported, "CONCURRENTLY cannot be used when the materialized view is not populated");
    if (!HasRefreshKey(*cat, *t))
      throw Error(sqlstate::kObjectNotInPrerequisiteState, "cannot refresh materialized view \"" + t->schema + "." + t->name + "\" concurrently")
          .WithHint("Create a unique index with no WHERE clause on one or more columns of the materialized view.");
  }
  // CONCURRENTLY lets readers go on reading the old rows (which they see until this
  // transaction commits) and only keeps other refreshes and changes out.
  LockRelation(st, t->oid, stmt->concurrent ? TableLockMode::kExclusive : TableLockMode::kAccessExclusive);
  uint32_t oid = t->oid;
  cat->MutableTable(oid)->materialized->populated = !stmt->skip_data;
  if (stmt->skip_data) DeleteAllRows(st, *cat->FindTable(oid));
  else Fill(st, cat, oid);
  sink->Complete("REFRESH MATERIALIZED VIEW");
}

}  // namespace tusk
