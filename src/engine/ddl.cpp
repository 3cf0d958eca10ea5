#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <set>

#include "access/gin/gin.hpp"
#include "catalog/system/opclasses.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "catalog/extensions.hpp"
#include "engine/ddl_composite.hpp"
#include "engine/ddl_domain.hpp"
#include "engine/ddl_text_search.hpp"
#include "engine/ddl_util.hpp"
#include "binder/volatility.hpp"
#include "engine/generated_columns.hpp"
#include "engine/statements.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/referenced_keys.hpp"
#include "partition/partition_triggers.hpp"
#include "partition/time_schedule.hpp"
#include "routines/routine_ddl.hpp"
#include "triggers/trigger_ddl.hpp"
#include "views/dependencies.hpp"
#include "views/view_ddl.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "security/security_ddl.hpp"
#include "server/scram.hpp"

namespace tusk {

void ExecuteAlterTable(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteRename(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);

namespace {

std::vector<int> KeyColumns(const TableDef& t, Node** keys, size_t n, const char* what) {
  std::vector<int> cols;
  for (size_t i = 0; i < n; i++) {
    std::string name = StrVal(keys[i]);
    int c = t.FindColumn(name);
    if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" named in key does not exist");
    if (std::find(cols.begin(), cols.end(), c) != cols.end())
      throw Error(sqlstate::kDuplicateColumn, "column \"" + name + "\" appears twice in " + what + " constraint");
    cols.push_back(c);
  }
  return cols;
}

void ApplyTableConstraint(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::string& column, bool existing_rows) {
  switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
      std::vector<int> cols = column.empty() ? KeyColumns(*t, c->keys, c->n_keys, c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "primary key" : "unique")
                                             : std::vector<int>{t->FindColumn(column)};
      AddKeyConstraint(st, cat, t, c, cols, existing_rows);
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      AddCheckConstraint(st, cat, t, c, column, existing_rows);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
      std::vector<int> cols;
      if (!column.empty()) cols.push_back(t->FindColumn(column));
      else
        for (size_t i = 0; i < c->n_fk_attrs; i++) {
          std::string name = StrVal(c->fk_attrs[i]);
          int col = t->FindColumn(name);
          if (col < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" referenced in foreign key constraint does not exist");
          cols.push_back(col);
        }
      AddForeignKey(st, cat, t, c, cols, existing_rows);
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      throw Error(sqlstate::kFeatureNotSupported, "exclusion constraints are not supported yet");
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this constraint type is not supported yet");
  }
}
}  // namespace

void AddConstraintToTable(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::string& column, bool existing_rows) {
  ApplyTableConstraint(st, cat, t, c, column, existing_rows);
}

// ALTER TABLE [ONLY] partitioned ADD PRIMARY KEY / UNIQUE: the parent's constraint and index,
// then, without ONLY, each partition's (named after the partition), unless the partition has an
// equal index already, which becomes the parent index's partition (partition_ddl.hpp).
void AddKeyToPartitionedTable(ExecState* st, Catalog* cat, uint32_t table, PgQuery__Constraint* c, bool recurse) {
  const bool primary = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
  const TableDef* t = cat->FindTable(table);
  std::vector<int> cols = KeyColumns(*t, c->keys, c->n_keys, primary ? "primary key" : "unique");
  if (primary && !recurse)
    for (uint32_t p : PartitionsOf(*cat, table))
      for (int col : cols)
        if (const TableDef* part = cat->FindTable(p); !part->columns[static_cast<size_t>(col)].not_null)
          throw Error(sqlstate::kInvalidTableDefinition, "constraint must be added to child tables too")
              .WithDetail("Column \"" + part->columns[static_cast<size_t>(col)].name + "\" of relation \"" + part->name + "\" is not already NOT NULL.")
              .WithHint("Do not specify the ONLY keyword.");
  CheckUniqueIncludesKey(*t, primary ? "PRIMARY KEY" : "UNIQUE", cols);
  st->catalog = std::make_shared<Catalog>(*cat);
  ApplyTableConstraint(st, cat, cat->MutableTable(table), c, "", true);
  if (!recurse) return;
  const IndexDef parent_index = *cat->FindIndex(cat->FindTable(table)->constraints.back().index);
  for (uint32_t p : PartitionsOf(*cat, table)) {
    if (PartitionIndexFor(*cat, *cat->FindTable(p), parent_index)) continue;
    PgQuery__Constraint own = *c;
    own.conname = nullptr;  // named after the partition, as PostgreSQL names it
    if (cat->FindTable(p)->partition_key) {
      AddKeyToPartitionedTable(st, cat, p, &own, true);
    } else {
      st->catalog = std::make_shared<Catalog>(*cat);
      ApplyTableConstraint(st, cat, cat->MutableTable(p), &own, "", true);
    }
  }
}

// PARTITION OF: the parent's columns, constraints and indexes, and the new bound.
static void MakePartition(ExecState* st, Catalog* cat, PgQuery__CreateStmt* stmt, TableDef* t) {
  ParamTypes params;
  Planner planner(st, &params);
  auto* parent_rv = stmt->inh_relations[0]->range_var;
  const TableDef* parent;
  try {
    parent = planner.ResolveTable(parent_rv, TableLockMode::kAccessExclusive);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
  if (!parent->partition_key) throw Error(sqlstate::kInvalidObjectDefinition, "\"" + parent->name + "\" is not partitioned");
  InheritFromParent(cat, *parent, t);
  t->partition_parent = parent->oid;
  t->partition_bound = BuildPartitionBound(st, planner, *cat, *parent, t->name, stmt->partbound);
}

static void ExecuteCreateTable(PgQuery__CreateStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->n_inh_relations && !stmt->partbound) throw Error(sqlstate::kFeatureNotSupported, "table inheritance is not supported yet");
  if (stmt->of_typename) throw Error(sqlstate::kFeatureNotSupported, "typed tables are not supported yet");
  auto* rv = stmt->relation;
  if (rv->relpersistence == std::string("t")) throw Error(sqlstate::kFeatureNotSupported, "temporary tables are not supported yet");
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, rv->schemaname, rv->location);
  std::string name = rv->relname;
  if (cat->FindRelation(schema, name, {})) {
    if (stmt->if_not_exists) {
      Notice(sink, "relation \"" + name + "\" already exists, skipping");
      sink->Complete("CREATE TABLE");
      return;
    }
    ThrowAt(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists", -1);
  }
  if (cat->FindEnum(schema, name, {})) ThrowAt(sqlstate::kDuplicateObject, "type \"" + name + "\" already exists", -1);
  TableDef t;
  t.oid = cat->AllocateOid();
  t.schema = schema;
  t.name = name;
  if (stmt->partbound) MakePartition(st, cat, stmt, &t);
  std::vector<std::pair<PgQuery__Constraint*, std::string>> constraints;  // (constraint, column or "")
  std::set<std::string> partition_columns;  // PARTITION OF's column options, one item per column
  for (size_t i = 0; i < stmt->n_table_elts; i++) {
    Node* e = stmt->table_elts[i];
    if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && stmt->partbound) {
      auto* cd = e->column_def;
      if (!partition_columns.insert(cd->colname).second)
        throw Error(sqlstate::kDuplicateColumn, "column \"" + std::string(cd->colname) + "\" specified more than once");
      ApplyPartitionColumnOptions(st, cat, &t, cd, &constraints);
    } else if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      auto* cd = e->column_def;
      if (t.FindColumn(cd->colname) >= 0)
        throw Error(sqlstate::kDuplicateColumn, "column \"" + std::string(cd->colname) + "\" specified more than once");
      std::vector<PgQuery__Constraint*> deferred;
      t.columns.push_back(BuildColumn(st, cat, schema, name, cd, t.oid, static_cast<int>(t.columns.size()), &deferred));
      for (auto* c : deferred) constraints.emplace_back(c, cd->colname);
    } else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      constraints.emplace_back(e->constraint, "");
    } else {
      throw Error(sqlstate::kFeatureNotSupported, "LIKE in CREATE TABLE is not supported yet");
    }
  }
  if (t.columns.size() > 1600) throw Error("54011", "tables can have at most 1600 columns");
  // Generation expressions read the other columns: checked once all are known.
  std::erase_if(constraints, [&](const std::pair<PgQuery__Constraint*, std::string>& cc) {
    if (cc.first->contype != PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) return false;
    size_t column = static_cast<size_t>(t.FindColumn(cc.second));
    t.columns[column].default_sql = CheckGenerationExpression(st, *cat, t, column, cc.first->raw_expr);
    return true;
  });
  if (stmt->partspec) t.partition_key = BuildPartitionKey(st, *cat, stmt->partspec, t);
  if (t.partition_key && stmt->n_options)  // automatic partitions (partition/time_schedule.hpp)
    ApplyScheduleOptions(&t, stmt->options, stmt->n_options, false, st->session->GetSetting("timezone").value_or("UTC"));
  t.security.owner = NewObjectOwner(st);
  cat->AddTable(t);
  for (const auto& [oid, seq] : cat->sequences())
    if (seq.owner_table == t.oid) cat->MutableSecurity(oid)->owner = t.security.owner;
  TableDef* tp = cat->MutableTable(t.oid);
  // Keys first so that foreign keys to this same table can find them.
  for (int pass = 0; pass < 3; pass++)
    for (auto& [c, col] : constraints) {
      bool key = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE;
      bool fk = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
      if ((pass == 0 && key) || (pass == 1 && !key && !fk) || (pass == 2 && fk))
        ApplyTableConstraint(st, cat, tp, c, col, false);
    }
  for (const ConstraintDef& c : tp->constraints)
    if (c.kind == 'p' || c.kind == 'u') CheckUniqueIncludesKey(*tp, c.kind == 'p' ? "PRIMARY KEY" : "UNIQUE", c.columns);
  if (tp->partition_parent) CopyRowTriggersDown(cat, tp->partition_parent);
  sink->Complete("CREATE TABLE");
}

// A GIN index column's operator class: the one named (it must take the column's type), or the
// type's default; 42704 as PostgreSQL's errors. Empty for the default.
static std::string ChooseGinOpclass(PgQuery__IndexElem* ie, const Type& key_type) {
  if (!ie->n_opclass) {
    const GinOperatorClass* c = DefaultGinOperatorClass(key_type);
    if (!c)
      throw Error(sqlstate::kUndefinedObject, "data type " + TypeName(key_type) + " has no default operator class for access method \"gin\"")
          .WithHint("You must specify an operator class for the index or define a default operator class for the data type.");
    return "";
  }
  std::string schema = ie->n_opclass > 1 ? StrVal(ie->opclass[0]) : "pg_catalog";
  std::string name = StrVal(ie->opclass[ie->n_opclass - 1]);
  const GinOperatorClass* c = schema == "pg_catalog" ? FindGinOperatorClass(name) : nullptr;
  if (!c)
    throw Error(sqlstate::kUndefinedObject, "operator class \"" + (ie->n_opclass > 1 ? schema + "." : "") + name +
                                                "\" does not exist for access method \"gin\"");
  if (!c->accepts(key_type))
    throw Error(sqlstate::kDatatypeMismatch, "operator class \"" + name + "\" does not accept data type " + TypeName(key_type));
  return c->is_default ? "" : c->name;
}

static void ExecuteCreateIndex(PgQuery__IndexStmt* stmt, ExecState* st, ResultSink* sink) {
  const std::string am = stmt->access_method ? stmt->access_method : "btree";
  if (am == "hash" || am == "gist" || am == "spgist" || am == "brin" || am == "hnsw" || am == "ivfflat")
    throw Error(sqlstate::kFeatureNotSupported, "access method \"" + am + "\" is not supported yet");
  if (am != "btree" && am != "gin") throw Error(sqlstate::kUndefinedObject, "access method \"" + am + "\" does not exist");
  if (am == "gin" && stmt->unique) throw Error(sqlstate::kFeatureNotSupported, "access method \"gin\" does not support unique indexes");
  if (stmt->n_index_including_params) throw Error(sqlstate::kFeatureNotSupported, "INCLUDE in indexes is not supported yet");
  Catalog* cat = st->session->MutableCatalog(st);
  ParamTypes params;
  Planner planner(st, &params);
  const TableDef* ct;
  try {
    ct = planner.ResolveTable(stmt->relation, TableLockMode::kShare);
    RequireRelationOwner(st, ct->oid);
  } catch (Error& e) {
    e.ClearPosition();  // DDL errors about the target relation carry no position
    throw;
  }
  TableDef* t = cat->MutableTable(ct->oid);
  IndexDef idx;
  idx.table = t->oid;
  idx.am = am;
  idx.unique = stmt->unique;
  idx.nulls_not_distinct = stmt->nulls_not_distinct;
  std::vector<std::string> name_parts;
  Scope scope;
  scope.Add(planner.TableScopeRel(t, t->name));
  for (size_t i = 0; i < stmt->n_index_params; i++) {
    auto* ie = stmt->index_params[i]->index_elem;
    IndexColumn ic;
    Type key_type;
    if (ie->name && *ie->name) {
      ic.column = t->FindColumn(ie->name);
      if (ic.column < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(ie->name) + "\" does not exist");
      key_type = t->columns[static_cast<size_t>(ic.column)].type;
      name_parts.push_back(UniqueIndexColumnName(name_parts, ie->name));
    } else {
      planner.binder().set_clause("index expressions");
      ExprP e;
      {
        NoFold no_fold;  // judge what the expression calls, not what folding leaves of it
        e = planner.binder().Bind(ie->expr, scope);
      }
      if (ExprVolatility(*e) != 'i')
        throw Error(sqlstate::kInvalidObjectDefinition, "functions in index expression must be marked IMMUTABLE");
      key_type = e->type;
      ic.expr_sql = DeparseExpr(ie->expr);
      std::string fig = FigureColname(ie->expr);
      name_parts.push_back(UniqueIndexColumnName(name_parts, fig == "?column?" ? "expr" : fig));
    }
    if (ie->n_opclassopts) throw Error(sqlstate::kFeatureNotSupported, "operator class options are not supported yet");
    if (am == "gin") {
      ic.opclass = ChooseGinOpclass(ie, key_type);
    } else if (ie->n_opclass) {
      // pg_catalog.text_pattern_ops or text_pattern_ops
      std::string schema = ie->n_opclass > 1 ? StrVal(ie->opclass[0]) : "pg_catalog";
      std::string name = StrVal(ie->opclass[ie->n_opclass - 1]);
      if (schema != "pg_catalog")
        throw Error(sqlstate::kUndefinedObject, "operator class \"" + schema + "." + name + "\" does not exist for access method \"btree\"");
      const BtreeOpclass* chosen = ChooseBtreeOpclass(key_type, name);
      if (!chosen->is_default) ic.opclass = chosen->name;  // a default class named is the same as none
    }
    if (am == "gin" && (ie->ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT || ie->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT))
      throw Error(sqlstate::kFeatureNotSupported, std::string("access method \"gin\" does not support ") +
                                                      (ie->ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT ? "ASC/DESC" : "NULLS FIRST/LAST") + " options");
    ic.desc = ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    ic.nulls_first = ie->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
                     (ie->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && ic.desc);
    idx.columns.push_back(ic);
  }
  if (stmt->where_clause) {
    planner.binder().set_clause("index predicate");
    ExprP e;
    {
      NoFold no_fold;
      e = planner.binder().CoerceToBool(planner.binder().Bind(stmt->where_clause, scope), "WHERE", -1);
    }
    if (ExprVolatility(*e) != 'i')
      throw Error(sqlstate::kInvalidObjectDefinition, "functions in index predicate must be marked IMMUTABLE");
    idx.where_sql = DeparseExpr(stmt->where_clause);
  }
  if (stmt->idxname && *stmt->idxname) {
    idx.name = stmt->idxname;
    if (cat->FindRelation(t->schema, idx.name, {})) {
      if (stmt->if_not_exists) {
        Notice(sink, "relation \"" + idx.name + "\" already exists, skipping");
        sink->Complete("CREATE INDEX");
        return;
      }
      throw Error(sqlstate::kDuplicateTable, "relation \"" + idx.name + "\" already exists");
    }
  } else {
    // CREATE [UNIQUE] INDEX without a name: table_column_idx, as PostgreSQL chooses
    idx.name = ChooseRelationName(*cat, t->schema, t->name, name_parts, "idx");
  }
  if (t->partition_key) {
    if (idx.unique) {
      // Every partitioned level's key, as each level's index must be unique too.
      std::vector<int> columns;
      for (const IndexColumn& ic : idx.columns) columns.push_back(ic.column);
      std::vector<uint32_t> levels{t->oid};
      for (size_t k = 0; k < levels.size(); k++) {
        const TableDef* level = cat->FindTable(levels[k]);
        CheckUniqueIncludesKey(*level, "UNIQUE", columns);
        for (uint32_t p : PartitionsOf(*cat, levels[k])) levels.push_back(p);
      }
    }
  }
  idx.oid = cat->AllocateOid();
  cat->AddIndex(idx);
  t->indexes.push_back(idx.oid);
  // An index on a partitioned table is made on every partition below it too, named after each;
  // ON ONLY makes the parent's alone, invalid until ALTER INDEX ... ATTACH PARTITION gives it
  // each partition's.
  std::vector<uint32_t> below = stmt->relation->inh ? PartitionsOf(*cat, t->oid) : std::vector<uint32_t>{};
  std::vector<uint32_t> made;
  for (size_t k = 0; k < below.size(); k++) {
    for (uint32_t p : PartitionsOf(*cat, below[k])) below.push_back(p);
    TableDef* part = cat->MutableTable(below[k]);
    IndexDef copy = idx;
    copy.oid = cat->AllocateOid();
    copy.table = part->oid;
    copy.name = ChooseRelationName(*cat, part->schema, part->name, name_parts, "idx");
    cat->AddIndex(copy);
    part->indexes.push_back(copy.oid);
    made.push_back(copy.oid);
  }
  st->catalog = std::make_shared<Catalog>(*cat);
  BuildIndex(st, *st->catalog->FindTable(t->oid), *st->catalog->FindIndex(idx.oid), IndexStorage::kNew);
  for (uint32_t i : made) {
    const IndexDef* made_index = st->catalog->FindIndex(i);
    BuildIndex(st, *st->catalog->FindTable(made_index->table), *made_index, IndexStorage::kNew);
  }
  sink->Complete("CREATE INDEX");
}

namespace {
// Everything that depends on a table, for DROP ... CASCADE / RESTRICT. A partition's rows are
// referenced by the keys that reference the tables above it too. `dropping`: the partitioned
// table being dropped with all its partitions (0: none), whose keys and references go with it.
std::vector<std::pair<uint32_t, const ConstraintDef*>> ReferencingForeignKeys(const Catalog& cat, const TableDef& table,
                                                                              uint32_t dropping) {
  std::vector<std::pair<uint32_t, const ConstraintDef*>> out;
  for (const auto& [oid, t] : cat.tables())
    for (const auto& c : t.constraints)
      if (c.kind == 'f' && oid != table.oid && (c.ref_table == table.oid || (!dropping && IsTableOrPartitionOf(cat, table, c.ref_table))) &&
          !(dropping && IsTableOrPartitionOf(cat, t, dropping)))
        out.emplace_back(oid, &c);
  return out;
}

// report: send the notices about cascaded constraints (DROP SCHEMA lists them itself).
// dropping: the partitioned table above, when a partition goes with it.
void DropTableObject(ExecState* st, Catalog* cat, uint32_t oid, bool cascade, ResultSink* sink, bool report = true,
                     uint32_t dropping = 0) {
  // A partitioned table goes with its partitions, without CASCADE, as in PostgreSQL.
  for (uint32_t p : PartitionsOf(*cat, oid)) DropTableObject(st, cat, p, cascade, sink, report, dropping ? dropping : oid);
  const TableDef* t = cat->FindTable(oid);
  // Foreign keys of other tables that reference it, then the views that read it (in
  // PostgreSQL's order: its pg_depend scan meets constraints first).
  auto refs = ReferencingForeignKeys(*cat, *t, dropping);
  Dependents deps;
  deps.search_path = st->session->SearchPath();
  for (auto& [child, c] : refs)
    deps.Add("constraint " + c->name + " on table " + cat->FindTable(child)->name + " depends on table " + t->name,
             "constraint " + c->name + " on table " + cat->FindTable(child)->name);
  std::string described = (t->materialized ? "materialized view " : "table ") + t->name;
  AddDependentViews(*cat, oid, described, &deps);
  if (t->rowtype_oid) AddColumnsOfRowType(*cat, t->rowtype_oid, t->name, &deps);
  if (!deps.empty()) {
    std::vector<std::pair<uint32_t, std::string>> drops;
    for (auto& [child, c] : refs) drops.emplace_back(child, c->name);
    DropDependents(st, cat, described, deps, cascade, report ? sink : nullptr);
    for (auto& [child, cname] : drops) {
      TableDef* ct = cat->MutableTable(child);
      ct->constraints.erase(std::remove_if(ct->constraints.begin(), ct->constraints.end(), [&cname = cname](const ConstraintDef& c) { return c.name == cname; }), ct->constraints.end());
    }
    t = cat->FindTable(oid);
  }
  for (uint32_t i : t->indexes) {
    cat->DropIndex(i);
    st->session->DropStorageOnCommit(i);
  }
  std::vector<uint32_t> seqs;
  for (const auto& [so, s] : cat->sequences())
    if (s.owner_table == oid) seqs.push_back(so);
  for (uint32_t so : seqs) cat->DropSequence(so);
  st->session->DropStorageOnCommit(oid);
  cat->DropTable(oid);
}
}  // namespace

static void ExecuteDrop(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink) {
  if (DropTextSearchObjects(stmt, st, sink)) return;
  if (stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) return ExecuteDropPolicy(stmt, st, sink);
  bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  const char* tag = nullptr;
  switch (stmt->remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      ExecuteDropRoutines(stmt, st, sink);
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      ExecuteDropTriggers(stmt, st, sink);
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: tag = "DROP TABLE"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: tag = "DROP INDEX"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: tag = "DROP SEQUENCE"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: tag = "DROP VIEW"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: tag = "DROP MATERIALIZED VIEW"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: tag = "DROP SCHEMA"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: tag = "DROP TYPE"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: tag = "DROP DOMAIN"; break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: tag = "DROP EXTENSION"; break;
    default: throw Error(sqlstate::kFeatureNotSupported, "DROP of this object type is not supported yet");
  }
  if (stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
    for (size_t i = 0; i < stmt->n_objects; i++) DropDomain(stmt, stmt->objects[i], st, sink, true);
    sink->Complete(tag);
    return;
  }
  Catalog* cat = st->session->MutableCatalog(st);
  auto path = st->session->SearchPath();
  for (size_t i = 0; i < stmt->n_objects; i++) {
    Node* obj = stmt->objects[i];
    std::vector<std::string> names;
    if (obj->node_case == PG_QUERY__NODE__NODE_LIST)
      for (size_t k = 0; k < obj->list->n_items; k++) names.push_back(StrVal(obj->list->items[k]));
    else if (obj->node_case == PG_QUERY__NODE__NODE_STRING)
      names.push_back(obj->string->sval);
    else if (obj->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
      for (size_t k = 0; k < obj->type_name->n_names; k++) names.push_back(StrVal(obj->type_name->names[k]));
    std::string name = names.empty() ? "" : names.back();
    std::string schema = names.size() > 1 ? names[names.size() - 2] : "";
    std::string shown = schema.empty() ? name : schema + "." + name;
    switch (stmt->remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const SchemaDef* s = cat->FindSchema(name);
        if (!s) {
          if (stmt->missing_ok) { Notice(sink, "schema \"" + name + "\" does not exist, skipping"); continue; }
          throw Error(sqlstate::kUndefinedSchema, "schema \"" + name + "\" does not exist");
        }
        if (!OwnsObject(st, st->session->CurrentUserId(), s->security))
          throw Error(sqlstate::kInsufficientPrivilege, "must be owner of schema " + name);
        std::vector<uint32_t> tables, seqs, enums;
        for (const auto& [o, t] : cat->tables()) if (t.schema == name) tables.push_back(o);
        for (const auto& [o, sq] : cat->sequences()) if (sq.schema == name && !sq.owner_table) seqs.push_back(o);
        for (const auto& [o, e] : cat->enums()) if (e->schema == name) enums.push_back(o);
        std::vector<uint32_t> views;
        for (const auto& [o, v] : cat->views()) if (v.schema == name) views.push_back(o);
        for (const auto& [o, d] : cat->domains())
          if (d->schema == name)
            throw Error(sqlstate::kFeatureNotSupported, "DROP SCHEMA of a schema with domains is not supported yet")
                .WithHint("Drop its domains first.");
        if (SchemaHasTextSearchObjects(*cat, name))
          throw Error(sqlstate::kFeatureNotSupported, "DROP SCHEMA of a schema with text search dictionaries or configurations is not supported yet")
              .WithHint("Drop its text search configurations and dictionaries first.");
        if (!cascade && (!tables.empty() || !seqs.empty() || !enums.empty() || !views.empty())) {
          std::string detail;
          for (uint32_t o : tables) detail += (detail.empty() ? "" : "\n") + std::string(cat->FindTable(o)->materialized ? "materialized view " : "table ") + name + "." + cat->FindTable(o)->name + " depends on schema " + name;
          for (uint32_t o : seqs) detail += (detail.empty() ? "" : "\n") + std::string("sequence ") + name + "." + cat->FindSequence(o)->name + " depends on schema " + name;
          for (uint32_t o : enums) detail += (detail.empty() ? "" : "\n") + std::string("type ") + name + "." + cat->FindEnumByOid(o)->name + " depends on schema " + name;
          for (uint32_t o : views) detail += (detail.empty() ? "" : "\n") + std::string("view ") + name + "." + cat->FindView(o)->name + " depends on schema " + name;
          // and the views elsewhere that read them
          Dependents elsewhere;
          elsewhere.search_path = path;
          for (uint32_t o : tables)
            AddDependentViews(*cat, o, std::string(cat->FindTable(o)->materialized ? "materialized view " : "table ") + name + "." + cat->FindTable(o)->name, &elsewhere);
          for (uint32_t o : views) AddDependentViews(*cat, o, "view " + name + "." + cat->FindView(o)->name, &elsewhere);
          for (size_t k = 0; k < elsewhere.depends_lines.size(); k++)
            if (cat->SchemaOfRelation(elsewhere.line_objects[k]) != name) detail += "\n" + elsewhere.depends_lines[k];
          throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop schema " + name + " because other objects depend on it")
              .WithDetail(detail).WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        // foreign keys of tables elsewhere that reference the schema's tables go with them
        std::vector<std::string> outside_keys;
        for (uint32_t o : tables)
          for (auto& [child, c] : ReferencingForeignKeys(*cat, *cat->FindTable(o), o))
            if (cat->FindTable(child)->schema != name)
              outside_keys.push_back("constraint " + c->name + " on table " + cat->FindTable(child)->name);
        // and so do the views elsewhere that read its tables and views
        Dependents outside_views;
        outside_views.search_path = path;
        for (uint32_t o : tables) AddDependentViews(*cat, o, "", &outside_views);
        for (uint32_t o : views) AddDependentViews(*cat, o, "", &outside_views);
        for (size_t k = 0; k < outside_views.cascade_names.size(); k++)
          if (cat->SchemaOfRelation(outside_views.line_objects[k]) != name) outside_keys.push_back(outside_views.cascade_names[k]);
        size_t n = tables.size() + seqs.size() + enums.size() + views.size() + outside_keys.size();
        if (n == 1) {
          if (!outside_keys.empty()) Notice(sink, "drop cascades to " + outside_keys[0]);
          else if (!tables.empty())
            Notice(sink, std::string(cat->FindTable(tables[0])->materialized ? "drop cascades to materialized view " : "drop cascades to table ") +
                             name + "." + cat->FindTable(tables[0])->name);
          else if (!seqs.empty()) Notice(sink, "drop cascades to sequence " + name + "." + cat->FindSequence(seqs[0])->name);
          else if (!views.empty()) Notice(sink, "drop cascades to view " + name + "." + cat->FindView(views[0])->name);
          else Notice(sink, "drop cascades to type " + name + "." + cat->FindEnumByOid(enums[0])->name);
        } else if (n > 1) {
          std::string detail;
          for (uint32_t o : enums) detail += (detail.empty() ? "" : "\n") + std::string("drop cascades to type ") + name + "." + cat->FindEnumByOid(o)->name;
          for (uint32_t o : tables) detail += (detail.empty() ? "" : "\n") + std::string(cat->FindTable(o)->materialized ? "drop cascades to materialized view " : "drop cascades to table ") + name + "." + cat->FindTable(o)->name;
          for (uint32_t o : seqs) detail += (detail.empty() ? "" : "\n") + std::string("drop cascades to sequence ") + name + "." + cat->FindSequence(o)->name;
          for (uint32_t o : views) detail += (detail.empty() ? "" : "\n") + std::string("drop cascades to view ") + name + "." + cat->FindView(o)->name;
          for (const auto& k : outside_keys) detail += "\ndrop cascades to " + k;
          sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion, "drop cascades to " + std::to_string(n) + " other objects", detail});
        }
        for (uint32_t o : views) cat->DropView(o);
        for (uint32_t o : outside_views.views) cat->DropView(o);
        for (uint32_t o : outside_views.matviews)
          if (cat->FindTable(o) && cat->FindTable(o)->schema != name) DropMaterializedStorage(st, cat, o);
        for (uint32_t o : tables) if (cat->FindTable(o)) DropTableObject(st, cat, o, true, sink, false);
        for (uint32_t o : seqs) cat->DropSequence(o);
        for (uint32_t o : enums) cat->DropEnum(o);
        cat->DropSchema(s->oid);
        continue;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
        if (DropCompositeType(stmt, obj, st, sink)) continue;
        if (DropDomain(stmt, obj, st, sink, false)) continue;
        auto e = cat->FindEnum(schema, name, path);
        if (!e) {
          if (stmt->missing_ok) { Notice(sink, "type \"" + shown + "\" does not exist, skipping"); continue; }
          throw Error(sqlstate::kUndefinedObject, "type \"" + shown + "\" does not exist");
        }
        for (const auto& [o, t] : cat->tables())
          for (const auto& c : t.columns)
            if (!c.dropped && c.type.id == e->type_oid) {
              if (!cascade)
                throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop type " + name + " because other objects depend on it")
                    .WithDetail("column " + c.name + " of table " + t.name + " depends on type " + name)
                    .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
              throw Error(sqlstate::kFeatureNotSupported, "DROP TYPE ... CASCADE with dependent columns is not supported yet");
            }
        {
          auto without = std::make_shared<Catalog>(*cat);
          without->DropEnum(e->type_oid);
          Dependents views;
          AddViewsBrokenBy(st, *cat, without, "type " + name, &views);
          DropDependents(st, cat, "type " + name, views, cascade, sink);
        }
        cat->DropEnum(e->type_oid);
        continue;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
        if (!cat->HasExtension(name)) {
          if (stmt->missing_ok) { Notice(sink, "extension \"" + name + "\" does not exist, skipping"); continue; }
          throw Error(sqlstate::kUndefinedObject, "extension \"" + name + "\" does not exist");
        }
        cat->DropExtension(name);
        continue;
      }
      default: break;
    }
    if (!schema.empty() && !cat->FindSchema(schema)) {
      if (stmt->missing_ok) {
        Notice(sink, "schema \"" + schema + "\" does not exist, skipping");
        continue;
      }
      throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
    }
    auto rel = cat->FindRelation(schema, name, path);
    struct KindWords { RelKind kind; const char* word; const char* article; const char* keyword; };
    static const KindWords kKinds[] = {{RelKind::kTable, "table", "a table", "TABLE"}, {RelKind::kIndex, "index", "an index", "INDEX"},
                                       {RelKind::kSequence, "sequence", "a sequence", "SEQUENCE"}, {RelKind::kView, "view", "a view", "VIEW"},
                                       {RelKind::kMatview, "materialized view", "a materialized view", "MATERIALIZED VIEW"},
                                       {RelKind::kComposite, "type", "a type", "TYPE"}};
    auto words = [](RelKind k) { for (const auto& w : kKinds) if (w.kind == k) return w; return kKinds[0]; };
    RelKind want = stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? RelKind::kTable
                   : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ? RelKind::kIndex
                   : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ? RelKind::kView
                   : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? RelKind::kMatview : RelKind::kSequence;
    const char* kind = words(want).word;
    if (!rel) {
      if (stmt->missing_ok) {
        Notice(sink, std::string(kind) + " \"" + name + "\" does not exist, skipping");
        continue;
      }
      throw Error(sqlstate::kUndefinedTable, std::string(kind) + " \"" + shown + "\" does not exist");
    }
    if (rel->first != want)
      throw Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not " + words(want).article)
          .WithHint(std::string("Use DROP ") + words(rel->first).keyword + " to remove " + words(rel->first).article + ".");
    RequireDropRight(st, rel->second);
    if (want == RelKind::kView) {
      LockRelation(st, rel->second, TableLockMode::kAccessExclusive);
      DropViewObject(st, cat, rel->second, cascade, sink);
    } else if (want == RelKind::kTable || want == RelKind::kMatview) {
      LockRelation(st, rel->second, TableLockMode::kAccessExclusive);
      DropTableObject(st, cat, rel->second, cascade, sink);
    } else if (want == RelKind::kIndex) {
      const IndexDef* idx = cat->FindIndex(rel->second);
      TableDef* t = cat->MutableTable(idx->table);
      for (const auto& c : t->constraints)
        if (c.index == idx->oid)
          throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop index " + idx->name + " because constraint " + c.name + " on table " + t->name + " requires it")
              .WithHint("You can drop constraint " + c.name + " on table " + t->name + " instead.");
      if (uint32_t parent = ParentIndexOf(*cat, *idx)) {
        const std::string& parent_name = cat->FindIndex(parent)->name;
        throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop index " + idx->name + " because index " + parent_name + " requires it")
            .WithHint("You can drop index " + parent_name + " instead.");
      }
      // A partitioned table's index goes with its partitions' (partition/partition_ddl.hpp).
      std::vector<uint32_t> doomed{idx->oid};
      for (size_t k = 0; k < doomed.size(); k++) {
        const IndexDef& ix = *cat->FindIndex(doomed[k]);
        for (uint32_t p : PartitionsOf(*cat, ix.table))
          if (uint32_t child = PartitionIndexFor(*cat, *cat->FindTable(p), ix)) doomed.push_back(child);
      }
      for (uint32_t i : doomed) {
        TableDef* owner = cat->MutableTable(cat->FindIndex(i)->table);
        owner->indexes.erase(std::remove(owner->indexes.begin(), owner->indexes.end(), i), owner->indexes.end());
        st->session->DropStorageOnCommit(i);
        cat->DropIndex(i);
      }
    } else {
      const SequenceDef* s = cat->FindSequence(rel->second);
      if (s->owner_table) {
        const TableDef* t = cat->FindTable(s->owner_table);
        const ColumnDef& col = t->columns[static_cast<size_t>(s->owner_column)];
        if (!cascade && !col.dropped && (col.identity || col.default_sql.find(s->name) != std::string::npos))
          throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop sequence " + s->name + " because other objects depend on it")
              .WithDetail("default value for column " + col.name + " of table " + t->name + " depends on sequence " + s->name)
              .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
      }
      st->db->DropSequenceState(s->oid);
      cat->DropSequence(s->oid);
    }
  }
  sink->Complete(tag);
}

static void ExecuteCreateSchema(PgQuery__CreateSchemaStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->n_schema_elts) throw Error(sqlstate::kFeatureNotSupported, "CREATE SCHEMA with schema elements is not supported yet");
  std::string name = stmt->schemaname ? stmt->schemaname : (stmt->authrole && stmt->authrole->rolename ? stmt->authrole->rolename : "");
  Catalog* cat = st->session->MutableCatalog(st);
  // PostgreSQL's order: CREATE on the database, membership in the owner, then the name
  RequireDatabasePrivilege(st, privilege::kCreate);
  uint32_t owner = NewObjectOwner(st);
  if (stmt->authrole) {
    const RoleDef role = ResolveNewOwner(st, stmt->authrole);
    if (!IsMemberOfRole(*st->session->CurrentCluster(), owner, role.oid))
      throw Error(sqlstate::kInsufficientPrivilege, "must be member of role \"" + role.name + "\"");
    owner = role.oid;
  }
  if (name.rfind("pg_", 0) == 0)
    throw Error("42939", "unacceptable schema name \"" + name + "\"").WithDetail("The prefix \"pg_\" is reserved for system schemas.");
  if (cat->FindSchema(name)) {
    if (stmt->if_not_exists) {
      Notice(sink, "schema \"" + name + "\" already exists, skipping");
      sink->Complete("CREATE SCHEMA");
      return;
    }
    throw Error(sqlstate::kDuplicateSchema, "schema \"" + name + "\" already exists");
  }
  cat->AddSchema({cat->AllocateOid(), name, {owner, std::nullopt}});
  sink->Complete("CREATE SCHEMA");
}

static void ExecuteCreateEnum(PgQuery__CreateEnumStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  std::string name = StrVal(stmt->type_name[stmt->n_type_name - 1]);
  std::string schema = CreationSchema(st, stmt->n_type_name > 1 ? StrVal(stmt->type_name[0]).c_str() : nullptr);
  if (cat->FindEnum(schema, name, {}) || BuiltinTypeByName(name) || cat->FindRelation(schema, name, {}))
    throw Error(sqlstate::kDuplicateObject, "type \"" + name + "\" already exists");
  auto e = std::make_shared<EnumDef>();
  e->type_oid = cat->AllocateOid();
  e->array_oid = cat->AllocateOid();
  e->schema = schema;
  e->name = name;
  for (size_t i = 0; i < stmt->n_vals; i++) {
    std::string label = StrVal(stmt->vals[i]);
    if (label.size() > 63)
      throw Error(sqlstate::kInvalidParameterValue, "invalid enum label \"" + label + "\"").WithDetail("Labels must be 63 bytes or less.");
    if (e->LabelIndex(label) >= 0)
      throw Error(sqlstate::kInvalidParameterValue, "enum labels must be unique").WithDetail("Key (enumtypid, enumlabel)=(" + std::to_string(e->type_oid) + ", " + label + ") already exists.");
    e->labels.push_back(label);
    e->label_oids.push_back(cat->AllocateOid());  // ascending in label order, as in PostgreSQL
  }
  cat->AddEnum(e);
  sink->Complete("CREATE TYPE");
}

static void ExecuteAlterEnum(PgQuery__AlterEnumStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  std::string name = StrVal(stmt->type_name[stmt->n_type_name - 1]);
  std::string schema = stmt->n_type_name > 1 ? StrVal(stmt->type_name[0]) : "";
  auto e = cat->FindEnum(schema, name, st->session->SearchPath());
  if (!e) throw Error(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist");
  auto ne = std::make_shared<EnumDef>(*e);
  int64_t renumber_from = -1;
  if (stmt->old_val && *stmt->old_val) {
    int i = ne->LabelIndex(stmt->old_val);
    if (i < 0) throw Error(sqlstate::kInvalidParameterValue, "\"" + std::string(stmt->old_val) + "\" is not an existing enum label");
    if (ne->LabelIndex(stmt->new_val) >= 0) throw Error(sqlstate::kDuplicateObject, "enum label \"" + std::string(stmt->new_val) + "\" already exists");
    ne->labels[static_cast<size_t>(i)] = stmt->new_val;
  } else {
    if (ne->LabelIndex(stmt->new_val) >= 0) {
      if (stmt->skip_if_new_val_exists) {
        Notice(sink, "enum label \"" + std::string(stmt->new_val) + "\" already exists, skipping");
        sink->Complete("ALTER TYPE");
        return;
      }
      throw Error(sqlstate::kDuplicateObject, "enum label \"" + std::string(stmt->new_val) + "\" already exists");
    }
    int64_t at = static_cast<int64_t>(ne->labels.size());
    if (stmt->new_val_neighbor && *stmt->new_val_neighbor) {
      int neighbor = ne->LabelIndex(stmt->new_val_neighbor);
      if (neighbor < 0)
        throw Error(sqlstate::kInvalidParameterValue, "\"" + std::string(stmt->new_val_neighbor) + "\" is not an existing enum label");
      at = neighbor + (stmt->new_val_is_after ? 1 : 0);
    }
    ne->labels.insert(ne->labels.begin() + at, stmt->new_val);
    ne->label_oids.insert(ne->label_oids.begin() + at, cat->AllocateOid());
    // usable once committed, unless the type itself is new in this transaction
    if (st->db->catalog(st->session->database_oid())->FindEnumByOid(ne->type_oid)) ne->uncommitted.push_back(stmt->new_val);
    renumber_from = at < static_cast<int64_t>(ne->labels.size()) - 1 ? at : -1;
  }
  cat->ReplaceEnum(ne);
  // Values are stored as label positions, so a label put before others moves their values up.
  if (renumber_from >= 0) {
    st->catalog = std::make_shared<Catalog>(*cat);
    RenumberEnumValues(st, ne->type_oid, renumber_from);
  }
  sink->Complete("ALTER TYPE");
}

static int64_t DefElemInt(PgQuery__DefElem* d) {
  Node* a = d->arg;
  if (!a) return 0;
  if (a->node_case == PG_QUERY__NODE__NODE_INTEGER) return a->integer->ival;
  if (a->node_case == PG_QUERY__NODE__NODE_FLOAT) return std::stoll(a->float_->fval);
  return 0;
}

// OWNED BY table.column (the sequence goes when the column or table does) or OWNED BY NONE.
static void SetSequenceOwner(SequenceDef* s, PgQuery__List* names, ExecState* st) {
  const size_t n = names->n_items;
  if (n == 1) {
    if (StrVal(names->items[0]) != "none")
      throw Error(sqlstate::kSyntaxError, "invalid OWNED BY option").WithHint("Specify OWNED BY table.column or OWNED BY NONE.");
    s->owner_table = 0;
    s->owner_column = -1;
    return;
  }
  std::string column = StrVal(names->items[n - 1]), table = StrVal(names->items[n - 2]);
  std::string schema = n >= 3 ? StrVal(names->items[n - 3]) : "";
  auto rel = st->catalog->FindRelation(schema, table, st->session->SearchPath());
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + (schema.empty() ? table : schema + "." + table) + "\" does not exist");
  if (rel->first != RelKind::kTable)
    throw Error(sqlstate::kWrongObjectType, "sequence cannot be owned by relation \"" + table + "\"")
        .WithDetail(std::string("This operation is not supported for ") + (rel->first == RelKind::kIndex ? "indexes." : "sequences."));
  const TableDef* t = st->catalog->FindTable(rel->second);
  if (t->schema != s->schema)
    throw Error(sqlstate::kObjectNotInPrerequisiteState, "sequence must be in same schema as table it is linked to");
  int c = t->FindColumn(column);
  if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + column + "\" of relation \"" + table + "\" does not exist");
  s->owner_table = t->oid;
  s->owner_column = c;
}

static void ApplySequenceOptions(SequenceDef* s, Node** options, size_t n, bool creating, bool* restart, int64_t* restart_value, ExecState* st) {
  bool min_set = false, max_set = false, start_set = false;
  for (size_t i = 0; i < n; i++) {
    auto* d = options[i]->def_elem;
    std::string opt = d->defname;
    if (opt == "increment") {
      s->increment = DefElemInt(d);
      if (s->increment == 0) throw Error(sqlstate::kInvalidParameterValue, "INCREMENT must not be zero");
    } else if (opt == "start") { s->start = DefElemInt(d); start_set = true; }
    else if (opt == "minvalue") { if (d->arg) { s->min = DefElemInt(d); min_set = true; } }
    else if (opt == "maxvalue") { if (d->arg) { s->max = DefElemInt(d); max_set = true; } }
    else if (opt == "cache") {
      s->cache = DefElemInt(d);
      if (s->cache <= 0) throw Error(sqlstate::kInvalidParameterValue, "CACHE (" + std::to_string(s->cache) + ") must be greater than zero");
    }
    else if (opt == "cycle") s->cycle = d->arg ? DefElemInt(d) != 0 || (d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN && d->arg->boolean->boolval) : true;
    else if (opt == "as") {
      ParamTypes params;
      Planner planner(st, &params);
      Type t = planner.binder().ResolveType(d->arg->type_name);
      if (!IsIntegerType(t.id) || t.array) throw Error(sqlstate::kInvalidParameterValue, "sequence type must be smallint, integer, or bigint");
      s->type = t.id;
    } else if (opt == "restart") {
      *restart = true;
      *restart_value = d->arg ? DefElemInt(d) : s->start;
    } else if (opt == "owned_by") {
      SetSequenceOwner(s, d->arg->list, st);
    } else {
      throw Error(sqlstate::kSyntaxError, "option \"" + opt + "\" not recognized");
    }
  }
  if (creating) {
    int64_t type_max = s->type == oid::kInt2 ? 32767 : s->type == oid::kInt4 ? 2147483647 : INT64_MAX;
    int64_t type_min = s->type == oid::kInt2 ? -32768 : s->type == oid::kInt4 ? INT32_MIN : INT64_MIN;
    if (!max_set) s->max = s->increment > 0 ? type_max : -1;
    if (!min_set) s->min = s->increment > 0 ? 1 : type_min;
    if (!start_set) s->start = s->increment > 0 ? s->min : s->max;
  }
  if (s->min >= s->max)
    throw Error(sqlstate::kInvalidParameterValue, "MINVALUE (" + std::to_string(s->min) + ") must be less than MAXVALUE (" + std::to_string(s->max) + ")");
  if (s->start < s->min)
    throw Error(sqlstate::kInvalidParameterValue, "START value (" + std::to_string(s->start) + ") cannot be less than MINVALUE (" + std::to_string(s->min) + ")");
  if (s->start > s->max)
    throw Error(sqlstate::kInvalidParameterValue, "START value (" + std::to_string(s->start) + ") cannot be greater than MAXVALUE (" + std::to_string(s->max) + ")");
}

static void ExecuteCreateSequence(PgQuery__CreateSeqStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, stmt->sequence->schemaname);
  std::string name = stmt->sequence->relname;
  if (cat->FindRelation(schema, name, {})) {
    if (stmt->if_not_exists) {
      Notice(sink, "relation \"" + name + "\" already exists, skipping");
      sink->Complete("CREATE SEQUENCE");
      return;
    }
    throw Error(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
  }
  SequenceDef s;
  s.oid = cat->AllocateOid();
  s.schema = schema;
  s.name = name;
  bool restart = false;
  int64_t rv = 0;
  ApplySequenceOptions(&s, stmt->options, stmt->n_options, true, &restart, &rv, st);
  s.security.owner = NewObjectOwner(st);
  cat->AddSequence(s);
  st->db->DropSequenceState(s.oid);
  sink->Complete("CREATE SEQUENCE");
}

static void ExecuteAlterSequence(PgQuery__AlterSeqStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  auto rel = cat->FindRelation(stmt->sequence->schemaname ? stmt->sequence->schemaname : "", stmt->sequence->relname, st->session->SearchPath());
  if (!rel || rel->first != RelKind::kSequence) {
    if (stmt->missing_ok) {
      Notice(sink, "relation \"" + std::string(stmt->sequence->relname) + "\" does not exist, skipping");
      sink->Complete("ALTER SEQUENCE");
      return;
    }
    throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(stmt->sequence->relname) + "\" does not exist");
  }
  RequireRelationOwner(st, rel->second);
  SequenceDef* s = cat->MutableSequence(rel->second);
  bool restart = false;
  int64_t rv = 0;
  ApplySequenceOptions(s, stmt->options, stmt->n_options, false, &restart, &rv, st);
  if (restart) st->db->SetVal(*s, rv, false);
  sink->Complete("ALTER SEQUENCE");
}

static void ExecuteCreateExtension(PgQuery__CreateExtensionStmt* stmt, ExecState* st, ResultSink* sink) {
  std::string name = stmt->extname;
  const AvailableExtension* available = FindAvailableExtension(name);
  if (!available)
    throw Error(sqlstate::kUndefinedFile, "extension \"" + name + "\" is not available")
        .WithDetail("Could not open extension control file \"/usr/share/postgresql/15/extension/" + name + ".control\": No such file or directory.")
        .WithHint("The extension must first be installed on the system where PostgreSQL is running.");
  Catalog* cat = st->session->MutableCatalog(st);
  if (cat->HasExtension(name)) {
    if (stmt->if_not_exists) {
      Notice(sink, "extension \"" + name + "\" already exists, skipping");
      sink->Complete("CREATE EXTENSION");
      return;
    }
    throw Error(sqlstate::kDuplicateObject, "extension \"" + name + "\" already exists");
  }
  // The schema: WITH SCHEMA, else the first existing schema of search_path (as PostgreSQL).
  std::string schema;
  for (size_t i = 0; i < stmt->n_options; i++) {
    auto* d = stmt->options[i]->def_elem;
    if (std::string(d->defname) == "schema") {
      schema = StrVal(d->arg);
      if (!cat->FindSchema(schema)) throw Error(sqlstate::kInvalidSchemaName, "schema \"" + schema + "\" does not exist");
    }
  }
  if (schema.empty())
    for (const auto& s : st->session->SearchPath())
      if (cat->FindSchema(s)) { schema = s; break; }
  if (schema.empty()) throw Error(sqlstate::kUndefinedObject, "no schema has been selected to create in");
  uint32_t ext_oid = cat->AllocateOid();
  cat->AddExtension({ext_oid, name, schema, available->version, cat->AllocateOids(kExtensionMemberOids)});
  cat->SetComment({class_oid::kPgExtension, ext_oid, 0}, available->comment);
  sink->Complete("CREATE EXTENSION");
}

bool ExecuteDdl(Node* stmt, ExecState* st, ResultSink* sink) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: ExecuteCreateTable(stmt->create_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_VIEW_STMT: ExecuteCreateView(stmt->view_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: ExecuteCreateFunction(stmt->create_function_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: ExecuteRefreshMaterializedView(stmt->refresh_mat_view_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_INDEX_STMT: ExecuteCreateIndex(stmt->index_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_DROP_STMT: ExecuteDrop(stmt->drop_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: ExecuteCreateSchema(stmt->create_schema_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: ExecuteCreateEnum(stmt->create_enum_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: ExecuteCreateCompositeType(stmt->composite_type_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: ExecuteAlterEnum(stmt->alter_enum_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: ExecuteCreateSequence(stmt->create_seq_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: ExecuteAlterSequence(stmt->alter_seq_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: ExecuteCreateExtension(stmt->create_extension_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: ExecuteAlterTable(stmt->alter_table_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_COMMENT_STMT: ExecuteComment(stmt->comment_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_RENAME_STMT: ExecuteRename(stmt->rename_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: ExecuteAlterRoutine(stmt->alter_function_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: ExecuteAlterOwner(stmt->alter_owner_stmt, st, sink); return true;
    default: return ExecuteDomainDdl(stmt, st, sink) || ExecuteTextSearchDdl(stmt, st, sink) || ExecuteSecurityDdl(stmt, st, sink);
  }
}

}  // namespace tusk
