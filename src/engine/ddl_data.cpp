// Schema statements that also move data: TRUNCATE, CREATE TABLE AS / SELECT INTO,
// ALTER COLUMN ... TYPE (which rewrites every row) and ALTER TYPE ... ADD VALUE BEFORE / AFTER
// (which renumbers the enum's stored values).
#include "security/object_privileges.hpp"
#include "access/table_access.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/rowcodec.hpp"
#include "common/strings.hpp"
#include "engine/ddl_util.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/referenced_keys.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "planner/planner.hpp"
#include "triggers/trigger_runner.hpp"
#include "types/arrays.hpp"

namespace tusk {

void DeleteAllRows(ExecState* st, const TableDef& t) {
  DeleteRelationKeys(st, t.oid);
  for (uint32_t i : t.indexes) DeleteRelationKeys(st, i);
}

void ExecuteTruncate(PgQuery__TruncateStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  std::vector<uint32_t> targets;
  for (size_t i = 0; i < stmt->n_relations; i++) {
    auto* rv = stmt->relations[i]->range_var;
    auto rel = ResolveRelation(st, rv);
    if (rel.first != RelKind::kTable) throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a table");
    if (std::find(targets.begin(), targets.end(), rel.second) == targets.end()) targets.push_back(rel.second);
  }
  // A partitioned table's rows are its partitions'.
  for (size_t k = 0; k < targets.size(); k++)
    for (uint32_t p : PartitionsOf(*cat, targets[k]))
      if (std::find(targets.begin(), targets.end(), p) == targets.end()) targets.push_back(p);
  for (uint32_t oid : targets) LockRelation(st, oid, TableLockMode::kAccessExclusive);
  for (uint32_t oid : targets) RequireRelationPrivileges(st, oid, privilege::kTruncate);
  bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  // Tables whose foreign keys point at a truncated table must be truncated too.
  for (size_t k = 0; k < targets.size(); k++) {
    for (const auto& [oid, t] : cat->tables())
      for (const auto& c : t.constraints) {
        // (A key referencing a partitioned table references its partitions' rows.)
        if (c.kind != 'f' || !IsTableOrPartitionOf(*cat, *cat->FindTable(targets[k]), c.ref_table) ||
            std::find(targets.begin(), targets.end(), oid) != targets.end())
          continue;
        if (!cascade)
          throw Error(sqlstate::kFeatureNotSupported, "cannot truncate a table referenced in a foreign key constraint")
              .WithDetail("Table \"" + t.name + "\" references \"" + cat->FindTable(targets[k])->name + "\".")
              .WithHint("Truncate table \"" + t.name + "\" at the same time, or use TRUNCATE ... CASCADE.");
        Notice(sink, "truncate cascades to table \"" + t.name + "\"");
        targets.push_back(oid);
      }
  }
  // Every table's BEFORE TRUNCATE triggers, then the rows go, then the AFTER TRUNCATE triggers
  // (PostgreSQL's ExecuteTruncateGuts).
  ParamTypes no_params;
  Planner planner(st, &no_params);
  std::vector<std::unique_ptr<TriggerRunner>> triggers;
  for (uint32_t oid : targets)
    if (const TableDef* t = cat->FindTable(oid); !t->triggers.empty()) triggers.push_back(std::make_unique<TriggerRunner>(&planner, t));
  for (auto& t : triggers) t->BeforeStatement(TriggerDef::kTruncate);
  for (uint32_t oid : targets) {
    DeleteAllRows(st, *cat->FindTable(oid));
    if (stmt->restart_seqs)
      for (const auto& [so, s] : cat->sequences())
        if (s.owner_table == oid) st->db->SetVal(s, s.start, false);
  }
  for (auto& t : triggers) t->AfterStatement(TriggerDef::kTruncate);
  sink->Complete("TRUNCATE TABLE");
}

void ExecuteCreateTableAs(PgQuery__IntoClause* into, Node* query, bool if_not_exists, ExecState* st, ParamTypes* params,
                          ResultSink* sink, const char* tag) {
  auto* rv = into->rel;
  if (rv->relpersistence && std::string(rv->relpersistence) == "t")
    throw Error(sqlstate::kFeatureNotSupported, "temporary tables are not supported yet");
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, rv->schemaname, rv->location);
  std::string name = rv->relname;
  if (cat->FindRelation(schema, name, {})) {
    if (if_not_exists) {
      Notice(sink, "relation \"" + name + "\" already exists, skipping");
      sink->Complete("CREATE TABLE AS");
      return;
    }
    throw Error(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
  }
  st->catalog = std::make_shared<Catalog>(*cat);
  // The plan points into the catalog it was planned against: keep it alive while the plan runs,
  // after st->catalog moves on to the one holding the new table.
  std::shared_ptr<const Catalog> planned_against = st->catalog;
  Planner planner(st, params);
  PlannedQuery q = planner.PlanSelect(query, nullptr);
  if (into->n_col_names > q.columns.size()) throw Error(sqlstate::kSyntaxError, "too many column names were specified");
  TableDef t;
  t.oid = cat->AllocateOid();
  t.schema = schema;
  t.name = name;
  for (size_t i = 0; i < q.columns.size(); i++) {
    ColumnDef c;
    c.name = i < into->n_col_names ? StrVal(into->col_names[i]) : q.columns[i].name;
    c.type = q.columns[i].type;
    if (c.type.id == oid::kUnknown && !c.type.array) c.type = Type(oid::kText);
    CheckStorableType(c.type, c.name);
    if (t.FindColumn(c.name) >= 0) throw Error(sqlstate::kDuplicateColumn, "column \"" + c.name + "\" specified more than once");
    t.columns.push_back(c);
  }
  t.security.owner = NewObjectOwner(st);
  cat->AddTable(t);
  st->catalog = std::make_shared<Catalog>(*cat);
  int64_t n = 0;
  if (!into->skip_data) {
    EvalContext ctx;
    ctx.state = st;
    std::vector<Row> rows = RunToVector(q.root.get(), &ctx);
    Planner wp(st, params);
    TableWriter writer(&wp, st->catalog->FindTable(t.oid));
    for (Row& r : rows) {
      if ((n & 1023) == 1023) CheckInterrupts(st);
      writer.Insert(r);
      n++;
    }
  }
  if (into->skip_data) sink->Complete("CREATE TABLE AS");
  else sink->Complete(std::string(tag) + " " + std::to_string(n));
}

void AlterColumnType(ExecState* st, Catalog* cat, TableDef* t, PgQuery__AlterTableCmd* cmd) {
  int c = t->FindColumn(cmd->name);
  if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(cmd->name) + "\" of relation \"" + t->name + "\" does not exist");
  auto* def = cmd->def->column_def;
  ParamTypes params;
  st->catalog = std::make_shared<Catalog>(*cat);
  Planner planner(st, &params);
  Type to;
  try {
    to = planner.binder().ResolveType(def->type_name);
    CheckStorableType(to, cmd->name);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
  ColumnDef& col = t->columns[static_cast<size_t>(c)];
  Scope scope;
  scope.Add(planner.TableScopeRel(t, t->name));
  ExprP conv;
  if (def->raw_default) {
    planner.binder().set_clause("transform expressions");
    conv = planner.binder().Coerce(planner.binder().Bind(def->raw_default, scope), to, CastContext::kAssignment, ExprLocation(def->raw_default),
                                   "result of USING clause for column \"" + col.name + "\"");
  } else {
    ExprP src = std::make_shared<ColumnExpr>(c, 0, col.type, col.name);
    if (!CanCast(col.type, to, CastContext::kAssignment))
      throw Error(sqlstate::kDatatypeMismatch, "column \"" + col.name + "\" cannot be cast automatically to type " + TypeName(to))
          .WithHint("You might need to specify \"USING " + QuoteIdent(col.name) + "::" + TypeName(to) + "\".");
    conv = planner.binder().Coerce(src, to, CastContext::kAssignment, -1);
  }
  // Rewrite: read every row under the old definition, then store it again under the new one.
  const TableDef old_def = *t;
  SeqScanOp scan(&old_def, "", true);
  EvalContext ctx;
  ctx.state = st;
  std::vector<Row> rows = RunToVector(&scan, &ctx);
  DeleteAllRows(st, old_def);
  col.type = to;
  if (!col.default_sql.empty() && !col.generated) {  // a generation expression: bound by the TableWriter below
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(col.default_sql, &holder);
    Scope empty;
    try {
      planner.binder().Coerce(planner.binder().BindStored(e, empty, t->schema), to, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
    } catch (const Error&) {
      throw Error(sqlstate::kDatatypeMismatch, "default for column \"" + col.name + "\" cannot be cast automatically to type " + TypeName(to));
    }
  }
  st->catalog = std::make_shared<Catalog>(*cat);
  const TableDef* nt = st->catalog->FindTable(t->oid);
  Planner wp(st, &params);
  TableWriter writer(&wp, nt);
  size_t done = 0;
  for (Row& r : rows) {
    if ((++done & 1023) == 0) CheckInterrupts(st);
    r.pop_back();  // storage key
    ctx.row = &r;
    Value v = conv->Eval(ctx);
    r[static_cast<size_t>(c)] = v;
    writer.Insert(r);
  }
}

void ReinsertAllRows(ExecState* st, const TableDef& old_def, const TableDef& new_def, const std::function<void(Row*)>& change) {
  LockRelation(st, new_def.oid, TableLockMode::kAccessExclusive);
  auto rows = ScanAll(st, &old_def);
  DeleteAllRows(st, old_def);
  ParamTypes params;
  Planner planner(st, &params);
  TableAccess access(st, &new_def, planner.BindIndexes(new_def));
  size_t done = 0;
  for (auto& [key, row] : rows) {
    if ((++done & 1023) == 0) CheckInterrupts(st);
    change(&row);
    access.Insert(row);
  }
}

void RenumberEnumValues(ExecState* st, uint32_t enum_oid, int64_t from) {
  auto shift = [from](Value* v) {
    if (!v->is_null() && v->i() >= from) *v = Value::Int(v->i() + 1);
  };
  for (const auto& entry : st->catalog->tables()) {
    const TableDef& t = entry.second;  // a plain reference: clang cannot capture a structured binding
    std::vector<size_t> columns;
    for (size_t c = 0; c < t.columns.size(); c++)
      if (!t.columns[c].dropped && t.columns[c].type.id == enum_oid) columns.push_back(c);
    if (columns.empty()) continue;
    ReinsertAllRows(st, t, t, [&](Row* row) {
      for (size_t c : columns) {
        Value& v = (*row)[c];
        if (!t.columns[c].type.array) {
          shift(&v);
        } else if (!v.is_null()) {
          std::vector<Value> items = v.arr();
          for (Value& item : items) shift(&item);
          v = ArrayLike(v, std::move(items));
        }
      }
    });
  }
}

}  // namespace tusk
