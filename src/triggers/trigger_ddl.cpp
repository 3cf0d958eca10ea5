// CREATE [OR REPLACE] TRIGGER and DROP TRIGGER, with PostgreSQL's checks and errors.
#include <algorithm>

#include "security/object_privileges.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/session.hpp"
#include "parser/parser.hpp"
#include "partition/partition_triggers.hpp"
#include "planner/planner.hpp"
#include "routines/routine_ddl.hpp"
#include "triggers/builtin_trigger_functions.hpp"
#include "triggers/trigger_ddl.hpp"
#include "views/instead_of.hpp"

namespace tusk {

namespace {
std::string NodeText(Node* n) {
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_STRING: return n->string->sval;
    case PG_QUERY__NODE__NODE_INTEGER: return std::to_string(n->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT: return n->float_->fval;
    default: return DeparseExpr(n);
  }
}

// The trigger function's OID: f() returning trigger; a built-in one (pg_catalog, searched
// first as PostgreSQL's search path does) or the user's.
uint32_t TriggerFunction(ExecState* st, PgQuery__CreateTrigStmt* stmt) {
  std::string name = NodeText(stmt->funcname[stmt->n_funcname - 1]);
  std::string schema = stmt->n_funcname > 1 ? NodeText(stmt->funcname[stmt->n_funcname - 2]) : "";
  if (schema.empty() || schema == "pg_catalog")
    if (const BuiltinTriggerFunction* builtin = FindBuiltinTriggerFunction(name)) return builtin->oid;
  std::shared_ptr<const FunctionDef> found;
  std::vector<std::string> schemas;
  if (schema.empty()) schemas = st->session->SearchPath();
  else schemas.push_back(schema);
  for (const std::string& s : schemas) {
    for (const auto& [oid, f] : st->catalog->functions())
      if (f->name == name && f->schema == s && f->CallArgs().empty()) found = f;
    if (found) break;
  }
  if (!found) throw Error(sqlstate::kUndefinedFunction, "function " + name + "() does not exist");
  if (found->result.id != oid::kTrigger || found->result.array)
    throw Error(sqlstate::kInvalidObjectDefinition, "function " + name + " must return type trigger");
  return found->oid;
}
// REFERENCING OLD / NEW TABLE AS name, with PostgreSQL 15's checks in its order.
void TransitionTableNames(PgQuery__CreateTrigStmt* stmt, bool view, const std::string& relname, TriggerDef* g) {
  for (size_t i = 0; i < stmt->n_transition_rels; i++) {
    auto* tt = stmt->transition_rels[i]->trigger_transition;
    if (!tt->is_table)
      throw Error(sqlstate::kFeatureNotSupported, "ROW variable naming in the REFERENCING clause is not supported")
          .WithHint("Use OLD TABLE or NEW TABLE for naming transition tables.");
    if (view) throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a view").WithDetail("Triggers on views cannot have transition tables.");
    if (stmt->timing != 0)
      throw Error(sqlstate::kInvalidObjectDefinition, "transition table name can only be specified for an AFTER trigger");
    if (g->type & TriggerDef::kTruncate) throw Error(sqlstate::kFeatureNotSupported, "TRUNCATE triggers with transition tables are not supported");
    int events = ((g->type & TriggerDef::kInsert) != 0) + ((g->type & TriggerDef::kUpdate) != 0) + ((g->type & TriggerDef::kDelete) != 0);
    if (events != 1)
      throw Error(sqlstate::kFeatureNotSupported, "transition tables cannot be specified for triggers with more than one event");
    if (stmt->n_columns) throw Error(sqlstate::kFeatureNotSupported, "transition tables cannot be specified for triggers with column lists");
    if (tt->is_new) {
      if (!(g->type & (TriggerDef::kInsert | TriggerDef::kUpdate)))
        throw Error(sqlstate::kInvalidObjectDefinition, "NEW TABLE can only be specified for an INSERT or UPDATE trigger");
      if (!g->new_table.empty()) throw Error(sqlstate::kInvalidObjectDefinition, "NEW TABLE cannot be specified multiple times");
      g->new_table = tt->name;
    } else {
      if (!(g->type & (TriggerDef::kDelete | TriggerDef::kUpdate)))
        throw Error(sqlstate::kInvalidObjectDefinition, "OLD TABLE can only be specified for a DELETE or UPDATE trigger");
      if (!g->old_table.empty()) throw Error(sqlstate::kInvalidObjectDefinition, "OLD TABLE cannot be specified multiple times");
      g->old_table = tt->name;
    }
  }
  if (!g->old_table.empty() && g->old_table == g->new_table)
    throw Error(sqlstate::kInvalidObjectDefinition, "OLD TABLE name and NEW TABLE name cannot be the same");
}
}  // namespace

void ExecuteCreateTrigger(PgQuery__CreateTrigStmt* stmt, ExecState* st, ResultSink* sink) {
  if (stmt->isconstraint) throw Error(sqlstate::kFeatureNotSupported, "constraint triggers are not supported yet");
  auto [kind, oid] = ResolveRelation(st, stmt->relation);
  Catalog* cat = st->session->MutableCatalog(st);
  std::string relname = stmt->relation->relname;
  if (kind == RelKind::kMatview)
    throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a materialized view").WithDetail("Triggers on materialized views are not supported.");
  if (kind != RelKind::kTable && kind != RelKind::kView) throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is not a table or view");
  // PostgreSQL's CreateTriggerFiringOn, in its order: what the relation allows, then INSTEAD OF.
  const bool view = kind == RelKind::kView;
  RequireRelationPrivileges(st, oid, privilege::kTrigger);
  const bool partitioned = !view && cat->FindTable(oid)->partition_key;
  if (partitioned && stmt->n_transition_rels && stmt->row)
    throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a partitioned table")
        .WithDetail("ROW triggers with transition tables are not supported on partitioned tables.");
  if (!view && cat->FindTable(oid)->partition_parent && stmt->n_transition_rels && stmt->row)
    throw Error(sqlstate::kFeatureNotSupported, "ROW triggers with transition tables are not supported on partitions");
  if (view && stmt->timing != TriggerDef::kInstead && stmt->row)
    throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a view").WithDetail("Views cannot have row-level BEFORE or AFTER triggers.");
  if (view && (stmt->events & TriggerDef::kTruncate))
    throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a view").WithDetail("Views cannot have TRUNCATE triggers.");
  if (!view && stmt->timing == TriggerDef::kInstead)
    throw Error(sqlstate::kWrongObjectType, "\"" + relname + "\" is a table").WithDetail("Tables cannot have INSTEAD OF triggers.");
  if (stmt->timing == TriggerDef::kInstead) {
    if (!stmt->row) throw Error(sqlstate::kFeatureNotSupported, "INSTEAD OF triggers must be FOR EACH ROW");
    if (stmt->when_clause) throw Error(sqlstate::kFeatureNotSupported, "INSTEAD OF triggers cannot have WHEN conditions");
    if (stmt->n_columns) throw Error(sqlstate::kFeatureNotSupported, "INSTEAD OF triggers cannot have column lists");
  }
  TableDef view_table = view ? ViewAsTable(*cat->FindView(oid)) : TableDef{};
  const TableDef* t = view ? &view_table : cat->FindTable(oid);
  TriggerDef g;
  g.name = stmt->trigname;
  g.type = static_cast<int16_t>((stmt->row ? TriggerDef::kRow : 0) | stmt->timing | stmt->events);
  TransitionTableNames(stmt, view, relname, &g);
  if ((g.type & TriggerDef::kTruncate) && stmt->row)
    throw Error(sqlstate::kFeatureNotSupported, "TRUNCATE FOR EACH ROW triggers are not supported");
  for (size_t i = 0; i < stmt->n_columns; i++) {
    std::string col = NodeText(stmt->columns[i]);
    int c = t->FindColumn(col);
    if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + col + "\" of relation \"" + relname + "\" does not exist");
    if (std::find(g.columns.begin(), g.columns.end(), c) != g.columns.end())
      throw Error(sqlstate::kDuplicateColumn, "column \"" + col + "\" specified more than once");
    g.columns.push_back(c);
  }
  if (stmt->when_clause) {
    if (!stmt->row) throw Error(sqlstate::kInvalidObjectDefinition, "statement trigger's WHEN condition cannot reference column values");
    g.when_sql = DeparseExpr(stmt->when_clause);
    // bound now for its errors: OLD in an INSERT trigger, NEW in a DELETE one
    ParamTypes params;
    ExecState bind_state = *st;
    Planner planner(&bind_state, &params);
    Scope scope;
    scope.Add(planner.TableScopeRel(t, "old"));
    scope.Add(planner.TableScopeRel(t, "new"));
    std::unique_ptr<Script> holder;
    ExprP when = planner.binder().BindStored(ParseStoredExpr(g.when_sql, &holder), scope, t->schema);
    bool old_ref = false, new_ref = false;
    size_t width = t->columns.size();
    std::function<void(const ExprP&)> walk = [&](const ExprP& e) {
      if (auto* c = dynamic_cast<ColumnExpr*>(e.get()); c && c->level == 0) (static_cast<size_t>(c->index) < width ? old_ref : new_ref) = true;
      e->ForEachChild(walk);
    };
    walk(when);
    if (old_ref && (g.type & TriggerDef::kInsert)) throw Error(sqlstate::kInvalidObjectDefinition, "INSERT trigger's WHEN condition cannot reference OLD values");
    if (new_ref && (g.type & TriggerDef::kDelete)) throw Error(sqlstate::kInvalidObjectDefinition, "DELETE trigger's WHEN condition cannot reference NEW values");
  }
  for (size_t i = 0; i < stmt->n_args; i++) g.args.push_back(NodeText(stmt->args[i]));
  g.function = TriggerFunction(st, stmt);
  std::vector<TriggerDef>& triggers = *cat->MutableTriggers(oid);
  auto same = std::find_if(triggers.begin(), triggers.end(), [&](const TriggerDef& o) { return o.name == g.name; });
  if (same != triggers.end()) {
    if (!stmt->replace)
      throw Error(sqlstate::kDuplicateObject, "trigger \"" + g.name + "\" for relation \"" + relname + "\" already exists");
    g.oid = same->oid;
    *same = std::move(g);
  } else {
    g.oid = cat->AllocateOid();
    triggers.push_back(std::move(g));
  }
  if (partitioned) CopyRowTriggersDown(cat, oid);
  sink->Complete("CREATE TRIGGER");
}

bool AlterTriggerEnabled(PgQuery__AlterTableCmd* cmd, TableDef* t) {
  char enabled;
  bool all = false;
  switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig: enabled = 'O'; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig: enabled = 'A'; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig: enabled = 'R'; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig: enabled = 'D'; break;
    // Tusk has no internal triggers (foreign keys are checked without them): ALL is USER
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser: enabled = 'O', all = true; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser: enabled = 'D', all = true; break;
    default: return false;
  }
  if (all) {
    for (TriggerDef& g : t->triggers) g.enabled = enabled;
    return true;
  }
  auto it = std::find_if(t->triggers.begin(), t->triggers.end(), [&](const TriggerDef& g) { return g.name == cmd->name; });
  if (it == t->triggers.end())
    throw Error(sqlstate::kUndefinedObject, "trigger \"" + std::string(cmd->name) + "\" for table \"" + t->name + "\" does not exist");
  it->enabled = enabled;
  return true;
}

void ExecuteDropTriggers(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  for (size_t i = 0; i < stmt->n_objects; i++) {
    PgQuery__List* names = stmt->objects[i]->list;
    std::string trigger = NodeText(names->items[names->n_items - 1]);
    std::string table = NodeText(names->items[names->n_items - 2]);
    std::string schema = names->n_items > 2 ? NodeText(names->items[names->n_items - 3]) : "";
    auto rel = cat->FindRelation(schema, table, st->session->SearchPath());
    if (!rel) {
      if (stmt->missing_ok) {
        Notice(sink, "relation \"" + table + "\" does not exist, skipping");
        continue;
      }
      throw Error(sqlstate::kUndefinedTable, "relation \"" + table + "\" does not exist");
    }
    if (const ObjectSecurity* sec = cat->FindSecurity(rel->second); sec && !OwnsObject(st, st->session->CurrentUserId(), *sec))
      throw Error(sqlstate::kInsufficientPrivilege, "must be owner of relation " + table);
    std::vector<TriggerDef>* triggers = cat->MutableTriggers(rel->second);
    auto it = triggers ? std::find_if(triggers->begin(), triggers->end(), [&](const TriggerDef& g) { return g.name == trigger; })
                       : std::vector<TriggerDef>::iterator{};
    if (!triggers || it == triggers->end()) {
      if (stmt->missing_ok) {
        Notice(sink, "trigger \"" + trigger + "\" for relation \"" + table + "\" does not exist, skipping");
        continue;
      }
      throw Error(sqlstate::kUndefinedObject, "trigger \"" + trigger + "\" for table \"" + table + "\" does not exist");
    }
    if (it->parent) {
      // A partition's copy of its partitioned table's trigger goes with that trigger only.
      const TableDef* owner = cat->FindTable(cat->FindTable(rel->second)->partition_parent);
      throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop trigger " + trigger + " on table " + table + " because trigger " +
                                                             trigger + " on table " + owner->name + " requires it")
          .WithHint("You can drop trigger " + trigger + " on table " + owner->name + " instead.");
    }
    uint32_t dropped = it->oid;
    triggers->erase(it);
    if (rel->first == RelKind::kTable) DropTriggerCopies(cat, rel->second, dropped);
  }
  sink->Complete("DROP TRIGGER");
}

}  // namespace tusk
