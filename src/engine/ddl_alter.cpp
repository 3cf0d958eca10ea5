// ALTER TABLE and RENAME.
#include "security/object_privileges.hpp"
#include "security/security_ddl.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "common/strings.hpp"
#include "engine/ddl_composite.hpp"
#include "engine/ddl_domain.hpp"
#include "engine/ddl_text_search.hpp"
#include "engine/ddl_util.hpp"
#include "partition/attach_detach.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/partition_triggers.hpp"
#include "partition/time_schedule.hpp"
#include "engine/generated_columns.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "parser/walk.hpp"
#include "routines/routine_ddl.hpp"
#include "triggers/trigger_ddl.hpp"
#include "views/dependencies.hpp"
#include "views/view_ddl.hpp"

namespace tusk {

void AddConstraintToTable(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::string& column, bool existing_rows);
void AddKeyToPartitionedTable(ExecState* st, Catalog* cat, uint32_t table, PgQuery__Constraint* c, bool recurse);
void AlterColumnType(ExecState* st, Catalog* cat, TableDef* t, PgQuery__AlterTableCmd* cmd);

namespace {
// Rewrites column names inside stored expression text (after RENAME COLUMN).
std::string RenameInExpr(const std::string& sql, const std::string& from, const std::string& to) {
  std::unique_ptr<Script> holder;
  Node* e = ParseStoredExpr(sql, &holder);
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      auto* cr = n->column_ref;
      Node* last = cr->fields[cr->n_fields - 1];
      // The tree lives in its Script's arena and is deparsed before `to` goes away.
      if (last->node_case == PG_QUERY__NODE__NODE_STRING && from == last->string->sval)
        last->string->sval = const_cast<char*>(to.c_str());
    }
    return true;
  };
  if (visit(e)) WalkNodes(&e->base, visit);
  return DeparseExpr(e);
}

// Rewrites every row in place (new column filled, key unchanged).
void RewriteRows(ExecState* st, const std::vector<std::pair<std::string, Row>>& rows) {
  for (const auto& [k, r] : rows) {
    std::string v;
    EncodeRow(r, &v);
    WriteKey(st, k, v, "rewrite");
  }
}

void DropIndexObject(ExecState* st, Catalog* cat, TableDef* t, uint32_t idx) {
  t->indexes.erase(std::remove(t->indexes.begin(), t->indexes.end(), idx), t->indexes.end());
  st->session->DropStorageOnCommit(idx);
  cat->DropIndex(idx);
}

// A PRIMARY KEY or UNIQUE constraint dropped with its index (a primary key's table rekeyed);
// on a partitioned table, the partitions' constraints attached to it first, at every level.
void DropKeyConstraint(ExecState* st, Catalog* cat, uint32_t table, uint32_t constraint) {
  std::vector<std::pair<uint32_t, uint32_t>> attached;  // (partition, its constraint)
  for (uint32_t p : PartitionsOf(*cat, table))
    for (const ConstraintDef& c : cat->FindTable(p)->constraints)
      if (ParentConstraintOf(*cat, *cat->FindTable(p), c) == constraint) attached.emplace_back(p, c.oid);
  for (const auto& [p, c] : attached) DropKeyConstraint(st, cat, p, c);
  TableDef* t = cat->MutableTable(table);
  const TableDef before = *t;
  auto it = std::find_if(t->constraints.begin(), t->constraints.end(), [&](const ConstraintDef& c) { return c.oid == constraint; });
  const ConstraintDef cd = *it;
  t->constraints.erase(it);
  DropIndexObject(st, cat, t, cd.index);
  if (cd.kind == 'p') {
    t->pk_index = 0;
    if (!t->partition_key) RekeyTable(st, before, *t);  // a partitioned table has no rows of its own
  }
}

}  // namespace

namespace {
// PostgreSQL's name for an ALTER TABLE action that only tables take (alter_table_type_to_string),
// or null.
const char* TableOnlyAction(PgQuery__AlterTableCmd* cmd) {
  switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: return "ADD COLUMN";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: return "DROP COLUMN";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: return "ALTER COLUMN ... SET DATA TYPE";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: return "ALTER COLUMN ... SET NOT NULL";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: return "ALTER COLUMN ... DROP NOT NULL";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: return "ADD CONSTRAINT";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: return "DROP CONSTRAINT";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: return "ALTER COLUMN ... ADD IDENTITY";
    default: return nullptr;
  }
}
}  // namespace

namespace {

void AlterTable(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink, bool into_partition);

// Notices go on to the client; the nested statements' command tags do not.
struct NoticesOnly : ResultSink {
  explicit NoticesOnly(ResultSink* to) : to(to) {}
  void SendNotice(const struct Notice& n) override { to->SendNotice(n); }  // the struct, not ddl_util's Notice()
  ResultSink* to;
};

// A command given to a partitioned table (without ONLY) that its partitions take too: the same
// command on each, as a statement of its own marked as coming from the parent.
void AlterPartitionsToo(ExecState* st, uint32_t table, PgQuery__AlterTableCmd* cmd, ResultSink* sink) {
  for (uint32_t p : PartitionsOf(*st->session->CurrentCatalog(), table)) {
    const TableDef* part = st->session->CurrentCatalog()->FindTable(p);
    std::string schema = part->schema, name = part->name, persistence = "p";
    PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
    rv.schemaname = schema.data();
    rv.relname = name.data();
    rv.inh = true;
    rv.relpersistence = persistence.data();
    PgQuery__Node node = PG_QUERY__NODE__INIT;
    node.node_case = PG_QUERY__NODE__NODE_ALTER_TABLE_CMD;
    node.alter_table_cmd = cmd;
    PgQuery__Node* cmds[] = {&node};
    PgQuery__AlterTableStmt one = PG_QUERY__ALTER_TABLE_STMT__INIT;
    one.relation = &rv;
    one.n_cmds = 1;
    one.cmds = cmds;
    one.objtype = PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    NoticesOnly quiet(sink);
    AlterTable(&one, st, &quiet, true);
  }
}

}  // namespace

void ExecuteAlterTable(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink) { AlterTable(stmt, st, sink, false); }

namespace {

void AlterTable(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink, bool into_partition) {
  auto* seq_rv = stmt->relation;
  auto seq_rel = st->catalog->FindRelation(seq_rv->schemaname ? seq_rv->schemaname : "", seq_rv->relname, st->session->SearchPath());
  // ALTER SEQUENCE ... OWNER TO (its other forms are AlterSeqStmt), also written ALTER TABLE
  // (as pg_dump does)
  if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE ||
      (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && seq_rel && seq_rel->first == RelKind::kSequence)) {
    auto* rv = seq_rv;
    auto rel = seq_rel;
    if (!rel && stmt->missing_ok) {
      Notice(sink, "relation \"" + std::string(rv->relname) + "\" does not exist, skipping");
      sink->Complete("ALTER SEQUENCE");
      return;
    }
    if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
    if (rel->first != RelKind::kSequence) throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a sequence");
    for (size_t i = 0; i < stmt->n_cmds; i++) {
      auto* cmd = stmt->cmds[i]->alter_table_cmd;
      if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner)
        throw Error(sqlstate::kFeatureNotSupported, "this ALTER SEQUENCE command is not supported yet");
      ChangeRelationOwner(st, st->session->MutableCatalog(st), rel->second, cmd->newowner);
    }
    sink->Complete("ALTER SEQUENCE");
    return;
  }
  if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
    for (size_t i = 0; i < stmt->n_cmds; i++) {
      auto* cmd = stmt->cmds[i]->alter_table_cmd;
      if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition)
        throw Error(sqlstate::kFeatureNotSupported, "this ALTER INDEX command is not supported yet");
      AttachPartitionIndex(st, st->session->MutableCatalog(st), stmt->relation, cmd->def->partition_cmd);
    }
    sink->Complete("ALTER INDEX");
    return;
  }
  bool view_statement = stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW;
  bool matview_statement = stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
  if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
    ExecuteAlterCompositeType(stmt, st, sink);
    return;
  }
  if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && !view_statement && !matview_statement)
    throw Error(sqlstate::kFeatureNotSupported, "ALTER of this object type is not supported yet");
  Catalog* cat = st->session->MutableCatalog(st);
  auto* rv = stmt->relation;
  auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, st->session->SearchPath());
  if (rel && rel->first == RelKind::kComposite)
    throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is a composite type").WithHint("Use ALTER TYPE instead.");
  // A view or materialized view (by its own ALTER or by ALTER TABLE, as PostgreSQL allows):
  // only its owner can change yet.
  bool view_like = rel && (rel->first == RelKind::kView || rel->first == RelKind::kMatview);
  if (rel && (view_like || view_statement || matview_statement)) {
    if (view_statement && rel->first != RelKind::kView)
      throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a view");
    if (matview_statement && rel->first != RelKind::kMatview)
      throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a materialized view");
    const char* what = rel->first == RelKind::kView ? "view" : "materialized view";
    if (!into_partition) RequireRelationOwner(st, rel->second);
    for (size_t i = 0; i < stmt->n_cmds; i++) {
      auto* cmd = stmt->cmds[i]->alter_table_cmd;
      bool options = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions || cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions;
      if (options && rel->first == RelKind::kView) {
        auto* list = cmd->def ? cmd->def->list : nullptr;
        AlterViewOptions(cat, rel->second, list ? list->items : nullptr, list ? list->n_items : 0,
                         cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions);
        continue;
      }
      if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) {
        if (const char* action = TableOnlyAction(cmd))
          throw Error(sqlstate::kWrongObjectType, std::string("ALTER action ") + action + " cannot be performed on relation \"" + rv->relname + "\"")
              .WithDetail(std::string("This operation is not supported for ") + what + "s.");
        throw Error(sqlstate::kFeatureNotSupported, std::string("this ALTER command on a ") + what + " is not supported yet");
      }
      ChangeRelationOwner(st, cat, rel->second, cmd->newowner);
    }
    if (rel->first == RelKind::kView) LockRelation(st, rel->second, TableLockMode::kAccessExclusive);
    sink->Complete(view_statement ? "ALTER VIEW" : matview_statement ? "ALTER MATERIALIZED VIEW" : "ALTER TABLE");
    return;
  }
  if (!rel) {
    if (stmt->missing_ok) {
      Notice(sink, "relation \"" + std::string(rv->relname) + "\" does not exist, skipping");
      sink->Complete("ALTER TABLE");
      return;
    }
    throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
  }
  if (rel->first != RelKind::kTable) throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a table");
  LockRelation(st, rel->second, TableLockMode::kAccessExclusive);
  if (!into_partition) RequireRelationOwner(st, rel->second);
  // A column elsewhere that stores this table's row type: its values follow an added (NULL) or
  // dropped column when the statement ends; a change they cannot follow is refused.
  const uint32_t rowtype = cat->FindTable(rel->second)->rowtype_oid;
  const std::string stored = rowtype ? StoredColumnOfRowType(*cat, rowtype) : "";
  const auto stored_before = stored.empty() ? nullptr : std::make_shared<const Catalog>(*cat);
  auto refuse_stored = [&](const TableDef& t) {
    if (!stored.empty())
      throw Error(sqlstate::kFeatureNotSupported, "cannot alter table \"" + t.name + "\" because column \"" + stored + "\" uses its row type");
  };
  for (size_t i = 0; i < stmt->n_cmds; i++) {
    auto* cmd = stmt->cmds[i]->alter_table_cmd;
    TableDef* t = cat->MutableTable(rel->second);
    auto column_index = [&](const char* name) {
      int c = t->FindColumn(name);
      if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(name) + "\" of relation \"" + t->name + "\" does not exist");
      return c;
    };
    if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType) refuse_stored(*t);
    RefusePartitionedAlter(*cat, *t, cmd, !stmt->relation->inh, into_partition);
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        auto* cd = cmd->def->column_def;
        if (t->FindColumn(cd->colname) >= 0) {
          if (cmd->missing_ok) {
            Notice(sink, "column \"" + std::string(cd->colname) + "\" of relation \"" + t->name + "\" already exists, skipping");
            continue;
          }
          throw Error(sqlstate::kDuplicateColumn, "column \"" + std::string(cd->colname) + "\" of relation \"" + t->name + "\" already exists");
        }
        std::vector<PgQuery__Constraint*> deferred;
        ColumnDef col;
        if (into_partition) {
          // The column its parent was just given, as a partition takes it (its serial's
          // sequence stays the parent's: partition_ddl.hpp InheritFromParent).
          const TableDef* parent = cat->FindTable(t->partition_parent);
          col = parent->columns[static_cast<size_t>(parent->FindColumn(cd->colname))];
          col.default_oid = 0;
          if (col.identity) col.default_sql.clear();
          col.identity = 0;
        } else {
          col = BuildColumn(st, cat, t->schema, t->name, cd, t->oid, static_cast<int>(t->columns.size()), &deferred);
        }
        // a stored row value gets NULL for a new column, as PostgreSQL's: not its default
        bool computed = std::any_of(deferred.begin(), deferred.end(), [](PgQuery__Constraint* c) { return c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED; });
        if (!col.default_sql.empty() || col.identity || col.generated || computed) refuse_stored(*t);
        t->columns.push_back(col);
        for (auto* c : deferred) {
          if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) continue;
          try {
            t->columns.back().default_sql = col.default_sql = CheckGenerationExpression(st, *cat, *t, t->columns.size() - 1, c->raw_expr);
          } catch (Error& e) {
            e.ClearPosition();  // PostgreSQL reports ALTER TABLE's expression errors without one
            throw;
          }
        }
        std::erase_if(deferred, [](PgQuery__Constraint* c) { return c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED; });
        st->catalog = std::make_shared<Catalog>(*cat);
        const TableDef* nt = st->catalog->FindTable(t->oid);
        // Fill existing rows with the default (evaluated per row, as for volatile defaults), or
        // a generated column with its expression over each row.
        auto rows = ScanAll(st, nt);
        if (!rows.empty()) {
          ParamTypes params;
          Planner planner(st, &params);
          TableWriter writer(&planner, nt);
          size_t pos = nt->columns.size() - 1;
          for (auto& [k, r] : rows) {
            r.resize(nt->columns.size());
            r[pos] = writer.DefaultFor(pos);
            if (col.generated) writer.ComputeGenerated(&r);
            if (col.not_null && r[pos].is_null())
              throw Error(sqlstate::kNotNullViolation, "column \"" + col.name + "\" of relation \"" + t->name + "\" contains null values");
          }
          RewriteRows(st, rows);
        }
        for (auto* c : deferred) AddConstraintToTable(st, cat, cat->MutableTable(rel->second), c, col.name, true);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
        int c = t->FindColumn(cmd->name);
        if (c < 0) {
          if (cmd->missing_ok) {
            Notice(sink, "column \"" + std::string(cmd->name) + "\" of relation \"" + t->name + "\" does not exist, skipping");
            continue;
          }
          column_index(cmd->name);
        }
        bool cascade = cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
        // Foreign keys from other tables that reference this column.
        for (const auto& [o, other] : cat->tables())
          for (const auto& fk : other.constraints)
            if (fk.kind == 'f' && fk.ref_table == t->oid && std::find(fk.ref_columns.begin(), fk.ref_columns.end(), c) != fk.ref_columns.end() && !cascade)
              throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop column " + std::string(cmd->name) + " of table " + t->name + " because other objects depend on it")
                  .WithDetail("constraint " + fk.name + " on table " + other.name + " depends on column " + std::string(cmd->name) + " of table " + t->name)
                  .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
        // The generated columns computed from it (and the views reading those) depend on it too.
        std::string what = "column " + std::string(cmd->name) + " of table " + t->name;
        Dependents views;
        std::vector<int> dropping;
        for (size_t g : GeneratedColumnsReading(*t, static_cast<size_t>(c))) {
          std::string gen = "column " + t->columns[g].name + " of table " + t->name;
          views.Add(gen + " depends on " + what, gen);
          AddViewsReadingColumn(st, *cat, t->oid, static_cast<int>(g), gen, &views);
          dropping.push_back(static_cast<int>(g));
        }
        AddViewsReadingColumn(st, *cat, t->oid, c, what, &views);
        DropDependents(st, cat, what, views, cascade, sink);
        dropping.push_back(c);
        TableDef before = *t;
        bool was_pk = false;
        for (int dc : dropping) {
          const std::string name = t->columns[static_cast<size_t>(dc)].name;
          std::vector<uint32_t> drop_idx;
          for (uint32_t io : t->indexes) {
            const IndexDef* idx = cat->FindIndex(io);
            bool uses = !idx->where_sql.empty() && ExprMentions(idx->where_sql, name);
            for (const auto& ic : idx->columns) uses |= ic.column == dc || (ic.column < 0 && ExprMentions(ic.expr_sql, name));
            if (uses) { drop_idx.push_back(io); was_pk |= idx->primary; }
          }
          t->constraints.erase(std::remove_if(t->constraints.begin(), t->constraints.end(), [&](const ConstraintDef& cd) {
            if (cd.kind == 'c') return ExprMentions(cd.check_sql, name);
            if (cd.kind == 'f') return std::find(cd.columns.begin(), cd.columns.end(), dc) != cd.columns.end();
            return std::find(drop_idx.begin(), drop_idx.end(), cd.index) != drop_idx.end();
          }), t->constraints.end());
          for (uint32_t io : drop_idx) DropIndexObject(st, cat, t, io);
          t->columns[static_cast<size_t>(dc)].dropped = true;
          t->columns[static_cast<size_t>(dc)].name = "........pg.dropped." + std::to_string(dc + 1) + "........";
          std::vector<uint32_t> seqs;
          for (const auto& [so, s] : cat->sequences()) if (s.owner_table == t->oid && s.owner_column == dc) seqs.push_back(so);
          for (uint32_t so : seqs) cat->DropSequence(so);
          if (cascade)
            for (auto& [o, other] : cat->tables()) {
              TableDef* ot = cat->MutableTable(o);
              ot->constraints.erase(std::remove_if(ot->constraints.begin(), ot->constraints.end(), [&](const ConstraintDef& fk) {
                return fk.kind == 'f' && fk.ref_table == t->oid && std::find(fk.ref_columns.begin(), fk.ref_columns.end(), dc) != fk.ref_columns.end();
              }), ot->constraints.end());
              (void)other;
            }
        }
        if (was_pk) t->pk_index = 0;
        if (was_pk) RekeyTable(st, before, *t);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
        int c = column_index(cmd->name);
        ColumnDef& col = t->columns[static_cast<size_t>(c)];
        if (col.generated) {
          Error e(sqlstate::kSyntaxError, "column \"" + col.name + "\" of relation \"" + t->name + "\" is a generated column");
          if (!cmd->def) e.WithHint("Use ALTER TABLE ... ALTER COLUMN ... DROP EXPRESSION instead.");
          throw e;
        }
        if (cmd->def) {
          if (col.identity)
            throw Error(sqlstate::kSyntaxError, "column \"" + col.name + "\" of relation \"" + t->name + "\" is an identity column")
                .WithHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
          CheckDefaultExpression(cmd->def);
          ParamTypes params;
          Planner planner(st, &params);
          Scope empty;
          ExprP e = planner.binder().Bind(cmd->def, empty);
          planner.binder().Coerce(e, col.type, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
          col.default_sql = DeparseExpr(cmd->def);
        } else {
          col.default_sql.clear();
        }
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: {
        int c = column_index(cmd->name);
        for (auto& [k, r] : ScanAll(st, t))
          if (r[static_cast<size_t>(c)].is_null())
            throw Error(sqlstate::kNotNullViolation, "column \"" + std::string(cmd->name) + "\" of relation \"" + t->name + "\" contains null values");
        t->columns[static_cast<size_t>(c)].not_null = true;
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: {
        int c = column_index(cmd->name);
        if (t->pk_index) {
          for (const auto& ic : cat->FindIndex(t->pk_index)->columns)
            if (ic.column == c) throw Error(sqlstate::kInvalidTableDefinition, "column \"" + std::string(cmd->name) + "\" is in a primary key");
        }
        if (t->columns[static_cast<size_t>(c)].identity)
          throw Error(sqlstate::kSyntaxError, "column \"" + std::string(cmd->name) + "\" of relation \"" + t->name + "\" is an identity column");
        t->columns[static_cast<size_t>(c)].not_null = false;
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        auto* c = cmd->def->constraint;
        if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) throw Error(sqlstate::kFeatureNotSupported, "this constraint is not supported here");
        if (t->partition_key && (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) {
          AddKeyToPartitionedTable(st, cat, t->oid, c, stmt->relation->inh);
          break;
        }
        st->catalog = std::make_shared<Catalog>(*cat);
        if (t->partition_key && stmt->relation->inh) {
          // A CHECK or FOREIGN KEY on a partitioned table: each partition gets it under the name
          // the parent's got (and checks its rows).
          AddConstraintToTable(st, cat, t, c, "", true);
          PgQuery__Constraint named = *c;
          std::string name = cat->FindTable(rel->second)->constraints.back().name;
          named.conname = name.data();
          PgQuery__Node def = *cmd->def;
          def.constraint = &named;
          PgQuery__AlterTableCmd each = *cmd;
          each.def = &def;
          st->catalog = std::make_shared<Catalog>(*cat);
          AlterPartitionsToo(st, rel->second, &each, sink);
          break;
        }
        AddConstraintToTable(st, cat, t, c, "", true);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: {
        std::string name = cmd->name;
        auto it = std::find_if(t->constraints.begin(), t->constraints.end(), [&](const ConstraintDef& c) { return c.name == name; });
        if (it == t->constraints.end()) {
          if (cmd->missing_ok) {
            Notice(sink, "constraint \"" + name + "\" of relation \"" + t->name + "\" does not exist, skipping");
            continue;
          }
          throw Error(sqlstate::kUndefinedObject, "constraint \"" + name + "\" of relation \"" + t->name + "\" does not exist");
        }
        ConstraintDef cd = *it;
        if (cd.kind == 'p' || cd.kind == 'u') {
          for (const auto& [o, other] : cat->tables())
            for (const auto& fk : other.constraints)
              if (fk.kind == 'f' && fk.ref_table == t->oid && o != t->oid) {
                std::vector<int> a = fk.ref_columns, b = cd.columns;
                std::sort(a.begin(), a.end());
                std::sort(b.begin(), b.end());
                if (a == b && cmd->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
                  throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop constraint " + name + " on table " + t->name + " because other objects depend on it")
                      .WithDetail("constraint " + fk.name + " on table " + other.name + " depends on index " + name)
                      .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
              }
        }
        if (cd.kind == 'p' || cd.kind == 'u') {
          // The partitions' attached constraints go with it (not by name, as copies of CHECKs do).
          DropKeyConstraint(st, cat, t->oid, cd.oid);
          st->catalog = std::make_shared<Catalog>(*cat);
          continue;
        }
        t->constraints.erase(it);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression: {
        // The column keeps its values and becomes an ordinary one.
        ColumnDef& col = t->columns[static_cast<size_t>(column_index(cmd->name))];
        if (!col.generated) {
          std::string message = "column \"" + col.name + "\" of relation \"" + t->name + "\" is not a stored generated column";
          if (!cmd->missing_ok) throw Error(sqlstate::kObjectNotInPrerequisiteState, message);
          Notice(sink, message + ", skipping");
          continue;
        }
        col.generated = 0;
        col.default_sql.clear();
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (auto readers = GeneratedColumnsReading(*t, static_cast<size_t>(column_index(cmd->name))); !readers.empty())
          throw Error(sqlstate::kFeatureNotSupported, "cannot alter type of a column used by a generated column")
              .WithDetail("Column \"" + std::string(cmd->name) + "\" is used by generated column \"" + t->columns[readers[0]].name + "\".");
        if (const ViewDef* v = ViewReadingColumn(st, *cat, t->oid, column_index(cmd->name)))
          throw Error(sqlstate::kFeatureNotSupported, "cannot alter type of a column used by a view or rule")
              .WithDetail("rule _RETURN on view " + v->name + " depends on column \"" + std::string(cmd->name) + "\"");
        AlterColumnType(st, cat, t, cmd);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:  // engine/cluster.cpp
        MarkClusterIndex(cat, *t, FindClusterIndex(*cat, *t, cmd->name));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        MarkClusterIndex(cat, *t, 0);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
        ColumnDef& col = t->columns[static_cast<size_t>(column_index(cmd->name))];
        auto busy = [&](const std::string& why) {
          return Error(sqlstate::kObjectNotInPrerequisiteState, "column \"" + col.name + "\" of relation \"" + t->name + "\" " + why);
        };
        if (!col.not_null) throw busy("must be declared NOT NULL before identity can be added");
        if (col.identity) throw busy("is already an identity column");
        if (!col.default_sql.empty()) throw busy("already has a default value");
        if (!IsIntegerType(col.type.id) || col.type.array)
          throw Error(sqlstate::kInvalidParameterValue, "identity column type must be smallint, integer, or bigint");
        PgQuery__Constraint* identity = cmd->def->constraint;
        col.identity = identity->generated_when && identity->generated_when[0] == 'a' ? 'a' : 'd';
        AddColumnSequence(cat, t->schema, t->name, col, t->oid, column_index(cmd->name), identity);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        ChangeRelationOwner(st, cat, t->oid, cmd->newowner);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
        AlterRowSecurity(t, cmd->subtype);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: {
        // Only a partitioned table's automatic partitions yet (partition/time_schedule.hpp).
        if (!t->partition_key) throw Error(sqlstate::kFeatureNotSupported, "storage parameters of tables are not supported yet");
        auto* list = cmd->def ? cmd->def->list : nullptr;
        ApplyScheduleOptions(t, list ? list->items : nullptr, list ? list->n_items : 0,
                             cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions, st->session->GetSetting("timezone").value_or("UTC"));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        AttachPartition(st, cat, t->oid, cmd->def->partition_cmd);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        DetachPartition(st, cat, t->oid, cmd->def->partition_cmd, cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize);
        break;
      default:
        if (!AlterTriggerEnabled(cmd, t)) throw Error(sqlstate::kFeatureNotSupported, "this ALTER TABLE command is not supported yet");
        if (t->partition_key)
          for (const TriggerDef& g : std::vector<TriggerDef>(t->triggers)) SetCopiesEnabled(cat, t->oid, g);
    }
    st->catalog = std::make_shared<Catalog>(*cat);
    if (cat->FindTable(rel->second)->partition_key && stmt->relation->inh && AlterRecursesToPartitions(cmd))
      AlterPartitionsToo(st, rel->second, cmd, sink);
  }
  if (stored_before) {
    cat->RefreshRowTypes();
    st->catalog = std::make_shared<Catalog>(*cat);
    ReshapeStoredRowValues(st, *stored_before);
  }
  sink->Complete("ALTER TABLE");
}

}  // namespace

void ExecuteRename(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_ROLE) return ExecuteRenameRole(stmt, st, sink);
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) return ExecuteRenamePolicy(stmt, st, sink);
  if (RenameDomain(stmt, st, sink)) return;
  if (RenameRoutine(stmt, st, sink)) return;
  if (RenameTextSearchObject(stmt, st, sink)) return;
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE) {
    ExecuteRenameDatabase(stmt->subname, stmt->newname, st, sink);
    return;
  }
  Catalog* cat = st->session->MutableCatalog(st);
  auto path = st->session->SearchPath();
  std::string newname = stmt->newname;
  auto find_rel = [&](RelKind kind, const char* what) -> std::optional<uint32_t> {
    auto* rv = stmt->relation;
    auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, path);
    if (!rel) {
      if (stmt->missing_ok) {
        Notice(sink, "relation \"" + std::string(rv->relname) + "\" does not exist, skipping");
        return std::nullopt;
      }
      throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
    }
    if (rel->first != kind && !(kind == RelKind::kTable && stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) &&
        !(kind == RelKind::kTable && rel->first == RelKind::kMatview))  // a materialized view's columns rename as a table's
      throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not " + what);
    RequireRelationOwner(st, rel->second);
    return rel->second;
  };
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE) {
    RenameCompositeAttribute(stmt, st, sink);
    return;
  }
  switch (stmt->rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      auto* rv = stmt->relation;
      auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, path);
      if (!rel) {
        if (stmt->missing_ok) {
          Notice(sink, "relation \"" + std::string(rv->relname) + "\" does not exist, skipping");
          break;
        }
        throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
      }
      if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW && rel->first != RelKind::kView)
        throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a view");
      if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW && rel->first != RelKind::kMatview)
        throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a materialized view");
      RequireRelationOwner(st, rel->second);
      std::string schema = cat->SchemaOfRelation(rel->second);
      if (cat->FindRelation(schema, newname, {}))
        throw Error(sqlstate::kDuplicateTable, "relation \"" + newname + "\" already exists");
      RenameRelationInViews(cat, rel->second, schema, cat->RelationName(rel->second), schema, newname);
      if (rel->first == RelKind::kTable || rel->first == RelKind::kMatview) cat->MutableTable(rel->second)->name = newname;
      else if (rel->first == RelKind::kView) cat->MutableView(rel->second)->name = newname;
      else if (rel->first == RelKind::kIndex) {
        IndexDef* idx = cat->MutableIndex(rel->second);
        for (auto& c : cat->MutableTable(idx->table)->constraints) if (c.index == idx->oid) c.name = newname;
        idx->name = newname;
      } else cat->MutableSequence(rel->second)->name = newname;
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      if (stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW) {
        auto oid = find_rel(RelKind::kView, "a view");
        if (oid) RenameViewColumn(st, cat, *oid, stmt->subname, newname);
        break;
      }
      auto oid = find_rel(RelKind::kTable, "a table");
      if (!oid) break;
      TableDef* t = cat->MutableTable(*oid);
      int c = t->FindColumn(stmt->subname);
      if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(stmt->subname) + "\" does not exist");
      RefusePartitionedColumnRename(*cat, *t, stmt->subname, !stmt->relation->inh);
      // A partitioned table's partitions share its columns: renamed in each (same position).
      for (uint32_t each : TableAndPartitions(*cat, *oid)) {
        t = cat->MutableTable(each);
        if (t->FindColumn(newname) >= 0)
          throw Error(sqlstate::kDuplicateColumn, "column \"" + newname + "\" of relation \"" + t->name + "\" already exists");
        RenameColumnInViews(st, cat, t->oid, c, newname);
        t = cat->MutableTable(each);
        std::string old = stmt->subname;
        t->columns[static_cast<size_t>(c)].name = newname;
        for (auto& cd : t->constraints) if (cd.kind == 'c') cd.check_sql = RenameInExpr(cd.check_sql, old, newname);
        for (auto& gc : t->columns) if (gc.generated) gc.default_sql = RenameInExpr(gc.default_sql, old, newname);
        if (t->partition_key && t->partition_key->HasExpressions()) {
          auto key = std::make_shared<PartitionKeyDef>(*t->partition_key);
          for (std::string& e : key->exprs) if (!e.empty()) e = RenameInExpr(e, old, newname);
          t->partition_key = std::move(key);
        }
        for (uint32_t io : t->indexes) {
          IndexDef* idx = cat->MutableIndex(io);
          for (auto& ic : idx->columns) if (ic.column < 0) ic.expr_sql = RenameInExpr(ic.expr_sql, old, newname);
          if (!idx->where_sql.empty()) idx->where_sql = RenameInExpr(idx->where_sql, old, newname);
        }
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      auto oid = find_rel(RelKind::kTable, "a table");
      if (!oid) break;
      TableDef* t = cat->MutableTable(*oid);
      auto it = std::find_if(t->constraints.begin(), t->constraints.end(), [&](const ConstraintDef& c) { return c.name == stmt->subname; });
      if (it == t->constraints.end())
        throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(stmt->subname) + "\" for table \"" + t->name + "\" does not exist");
      it->name = newname;
      if (it->index) cat->MutableIndex(it->index)->name = newname;
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      const SchemaDef* s = cat->FindSchema(stmt->subname);
      if (!s) throw Error(sqlstate::kUndefinedSchema, "schema \"" + std::string(stmt->subname) + "\" does not exist");
      if (!OwnsObject(st, st->session->CurrentUserId(), s->security))
        throw Error(sqlstate::kInsufficientPrivilege, "must be owner of schema " + s->name);
      if (cat->FindSchema(newname)) throw Error(sqlstate::kDuplicateSchema, "schema \"" + newname + "\" already exists");
      std::string old = s->name;
      SchemaDef ns = *s;
      ns.name = newname;
      cat->AddSchema(ns);
      for (auto& [o, t] : cat->tables()) if (t.schema == old) cat->MutableTable(o)->schema = newname;
      for (auto& [o, sq] : cat->sequences()) if (sq.schema == old) cat->MutableSequence(o)->schema = newname;
      RenameSchemaInViews(cat, old, newname);
      break;
    }
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this RENAME is not supported yet");
  }
  const char* tag = stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ? "ALTER INDEX" :
                    stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE ? "ALTER SEQUENCE" :
                    stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA ? "ALTER SCHEMA" :
                    stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW || stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? "ALTER MATERIALIZED VIEW" :
                    stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW || stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ? "ALTER VIEW"
                                                                                                                                 : "ALTER TABLE";
  sink->Complete(tag);
}

}  // namespace tusk
