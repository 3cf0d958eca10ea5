#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "parser/walk.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {
[[noreturn]] void ThrowAt(const char* state, const std::string& msg, int location) {
  Error e(state, msg);
  if (location >= 0) e.WithPosition(location + 1);
  throw e;
}

// RETURNING list bound over the target table's row.
struct Returning {
  std::vector<ExprP> exprs;
  std::vector<ColumnInfo> columns;
};

Returning BindReturning(Planner& planner, const TableDef* t, const std::string& alias, Node** list, size_t n) {
  Returning r;
  Scope scope;
  scope.Add(planner.TableScopeRel(t, alias));
  for (size_t i = 0; i < n; i++) {
    auto* rt = list[i]->res_target;
    Node* v = rt->val;
    if (v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
        v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      for (size_t c = 0; c < t->columns.size(); c++) {
        if (t->columns[c].dropped) continue;
        r.exprs.push_back(std::make_shared<ColumnExpr>(static_cast<int>(c), 0, t->columns[c].type, t->columns[c].name));
        r.columns.push_back({t->columns[c].name, t->columns[c].type});
      }
      continue;
    }
    ExprP e = planner.binder().Bind(v, scope);
    if (e->type.id == oid::kUnknown && !e->type.array) e = planner.binder().Coerce(e, Type(oid::kText), CastContext::kImplicit, -1);
    r.exprs.push_back(e);
    r.columns.push_back({rt->name && *rt->name ? rt->name : FigureColname(v), e->type});
  }
  return r;
}

void EmitReturning(const Returning& r, const Row& row, ExecState* st, ResultSink* sink) {
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st;
  Row out;
  for (const auto& e : r.exprs) out.push_back(e->Eval(ctx));
  sink->AddRow(out);
}

const TableDef* TargetTable(Planner& planner, PgQuery__RangeVar* rv) {
  if (rv->inh == false) {}
  return planner.ResolveTable(rv);
}

int FindTargetColumn(const TableDef* t, const std::string& name, int location) {
  int c = t->FindColumn(name);
  if (c < 0) ThrowAt(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" + t->name + "\" does not exist", location);
  return c;
}
}  // namespace

void ExecuteInsert(PgQuery__InsertStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (stmt->with_clause) throw Error(sqlstate::kFeatureNotSupported, "WITH queries are not supported yet");
  if (stmt->on_conflict_clause) throw Error(sqlstate::kFeatureNotSupported, "INSERT ... ON CONFLICT is not supported yet");
  Planner planner(st, params);
  const TableDef* t = TargetTable(planner, stmt->relation);
  std::string alias = stmt->relation->alias ? stmt->relation->alias->aliasname : t->name;
  // Target columns.
  std::vector<int> cols;
  std::vector<int> col_locations;
  if (stmt->n_cols) {
    for (size_t i = 0; i < stmt->n_cols; i++) {
      auto* rt = stmt->cols[i]->res_target;
      if (rt->n_indirection) throw Error(sqlstate::kFeatureNotSupported, "INSERT into subfields or array elements is not supported yet");
      int c = FindTargetColumn(t, rt->name, rt->location);
      if (std::find(cols.begin(), cols.end(), c) != cols.end())
        ThrowAt(sqlstate::kDuplicateColumn, "column \"" + std::string(rt->name) + "\" specified more than once", rt->location);
      cols.push_back(c);
      col_locations.push_back(rt->location);
    }
  } else {
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!t->columns[c].dropped) { cols.push_back(static_cast<int>(c)); col_locations.push_back(-1); }
  }
  Returning ret = BindReturning(planner, t, alias, stmt->returning_list, stmt->n_returning_list);
  bool overriding_system = stmt->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE;
  bool overriding_user = stmt->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE;
  // Source rows as expressions (VALUES, with DEFAULT markers) or a query.
  std::vector<std::vector<ExprP>> value_rows;  // null ExprP = DEFAULT
  OpP query;
  std::vector<Type> query_types;
  auto* sel = stmt->select_stmt ? stmt->select_stmt->select_stmt : nullptr;
  Scope empty;
  auto check_identity = [&](size_t i) {
    const ColumnDef& c = t->columns[static_cast<size_t>(cols[i])];
    if (c.identity == 'a' && !overriding_system)
      throw Error(sqlstate::kGeneratedAlways, "cannot insert a non-DEFAULT value into column \"" + c.name + "\"")
          .WithDetail("Column \"" + c.name + "\" is an identity column defined as GENERATED ALWAYS.")
          .WithHint("Use OVERRIDING SYSTEM VALUE to override.");
  };
  // Without a column list, the values fill the first columns in order; the rest get defaults.
  auto trim_implicit_columns = [&](size_t n) {
    if (stmt->n_cols == 0 && n < cols.size()) {
      cols.resize(n);
      col_locations.resize(n);
    }
  };
  if (sel && sel->n_values_lists && !sel->n_sort_clause && !sel->limit_count && !sel->with_clause) {
    size_t widest = 0;
    for (size_t r = 0; r < sel->n_values_lists; r++) widest = std::max(widest, sel->values_lists[r]->list->n_items);
    trim_implicit_columns(widest);
    for (size_t r = 0; r < sel->n_values_lists; r++) {
      auto* list = sel->values_lists[r]->list;
      if (list->n_items > cols.size()) {
        ThrowAt(sqlstate::kSyntaxError, "INSERT has more expressions than target columns", ExprLocation(list->items[cols.size()]));
      }
      if (list->n_items < cols.size())
        ThrowAt(sqlstate::kSyntaxError, "INSERT has more target columns than expressions", col_locations[list->n_items]);
      std::vector<ExprP> row;
      for (size_t i = 0; i < list->n_items; i++) {
        Node* item = list->items[i];
        if (item->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT) { row.push_back(nullptr); continue; }
        const ColumnDef& c = t->columns[static_cast<size_t>(cols[i])];
        if (!overriding_user) check_identity(i);
        ExprP e = planner.binder().Bind(item, empty);
        row.push_back(planner.binder().Coerce(e, c.type, CastContext::kAssignment, ExprLocation(item), "column \"" + c.name + "\""));
        if (overriding_user && c.identity) row.back() = nullptr;
      }
      value_rows.push_back(std::move(row));
    }
  } else if (sel) {
    Node sel_node = PG_QUERY__NODE__INIT;
    sel_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    sel_node.select_stmt = sel;
    planner.KeepUnknownTargets();
    PlannedQuery q = planner.PlanSelect(&sel_node, nullptr);
    trim_implicit_columns(q.columns.size());
    if (q.columns.size() > cols.size()) {
      int loc = -1;
      if (sel->op == PG_QUERY__SET_OPERATION__SETOP_NONE && cols.size() < sel->n_target_list)
        loc = ExprLocation(sel->target_list[cols.size()]->res_target->val);
      ThrowAt(sqlstate::kSyntaxError, "INSERT has more expressions than target columns", loc);
    }
    if (q.columns.size() < cols.size()) ThrowAt(sqlstate::kSyntaxError, "INSERT has more target columns than expressions", col_locations[q.columns.size()]);
    std::vector<ExprP> casts;
    for (size_t i = 0; i < q.columns.size(); i++) {
      const ColumnDef& c = t->columns[static_cast<size_t>(cols[i])];
      if (!overriding_user) check_identity(i);
      ExprP col = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, q.columns[i].type, q.columns[i].name);
      int loc = sel->op == PG_QUERY__SET_OPERATION__SETOP_NONE && i < sel->n_target_list ? ExprLocation(sel->target_list[i]->res_target->val) : -1;
      casts.push_back(planner.binder().Coerce(col, c.type, CastContext::kAssignment, loc, "column \"" + c.name + "\""));
    }
    query = std::make_shared<ProjectOp>(q.root, casts);
  } else {
    value_rows.emplace_back();  // DEFAULT VALUES
  }
  if (stmt->n_returning_list) sink->Columns(ret.columns);
  if (st->describe_only) return;  // everything is bound: parameter types are known
  TableWriter writer(&planner, t);
  int64_t count = 0;
  auto insert_row = [&](const std::vector<Value>& given, const std::vector<bool>& is_default) {
    Row row(t->columns.size());
    std::vector<bool> set(t->columns.size(), false);
    for (size_t i = 0; i < given.size(); i++) {
      if (is_default[i]) continue;
      row[static_cast<size_t>(cols[i])] = given[i];
      set[static_cast<size_t>(cols[i])] = true;
    }
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!set[c] && !t->columns[c].dropped) row[c] = writer.DefaultFor(c);
    writer.Insert(row);
    if (stmt->n_returning_list) EmitReturning(ret, row, st, sink);
    count++;
  };
  EvalContext ctx;
  ctx.state = st;
  if (query) {
    // Materialize first so the query cannot see rows this statement inserts.
    std::vector<Row> rows = RunToVector(query.get(), &ctx);
    std::vector<bool> no_defaults(cols.size(), false);
    for (const Row& r : rows) insert_row(r, no_defaults);
  } else {
    Row none;
    ctx.row = &none;
    for (const auto& exprs : value_rows) {
      std::vector<Value> vals;
      std::vector<bool> defaults;
      for (const auto& e : exprs) {
        defaults.push_back(e == nullptr);
        vals.push_back(e ? e->Eval(ctx) : Value::Null());
      }
      insert_row(vals, defaults);
    }
  }
  sink->Complete("INSERT 0 " + std::to_string(count));
}

namespace {
// Rows of the target table matching WHERE, with their storage keys, materialized before any
// change so the statement never sees its own writes.
std::vector<ExprP> BindWhere(Planner& planner, const TableDef* t, const std::string& alias, Node* where) {
  Scope scope;
  scope.Add(planner.TableScopeRel(t, alias));
  std::vector<Node*> conj;
  SplitConjuncts(where, &conj);
  std::vector<ExprP> conds;
  planner.binder().set_clause("WHERE");
  for (Node* n : conj) conds.push_back(planner.binder().CoerceToBool(planner.binder().Bind(n, scope), "WHERE", ExprLocation(n)));
  return conds;
}

std::vector<std::pair<std::string, Row>> CollectTargets(Planner& planner, const TableDef* t, const std::string& alias, Node* where, ExprP* pred_out) {
  std::vector<ExprP> conds = BindWhere(planner, t, alias, where);
  if (pred_out && !conds.empty()) *pred_out = conds.size() == 1 ? conds[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conds);
  bool unused;
  OpP scan = planner.PlanTableScan(t, alias == t->name ? "" : alias, conds, true, {}, &unused);
  EvalContext ctx;
  ctx.state = planner.state();
  std::vector<std::pair<std::string, Row>> out;
  for (Row& r : RunToVector(scan.get(), &ctx)) {
    std::string key = r.back().s();
    r.pop_back();
    out.emplace_back(std::move(key), std::move(r));
  }
  return out;
}

bool SameRow(const TableDef* t, const Row& a, const Row& b) {
  for (size_t i = 0; i < t->columns.size(); i++) {
    if (a[i].is_null() != b[i].is_null()) return false;
    if (!a[i].is_null() && CompareValues(t->columns[i].type, a[i], b[i]) != 0) return false;
  }
  return true;
}
}  // namespace

void ExecuteUpdate(PgQuery__UpdateStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (stmt->with_clause) throw Error(sqlstate::kFeatureNotSupported, "WITH queries are not supported yet");
  if (stmt->n_from_clause) throw Error(sqlstate::kFeatureNotSupported, "UPDATE ... FROM is not supported yet");
  Planner planner(st, params);
  const TableDef* t = TargetTable(planner, stmt->relation);
  std::string alias = stmt->relation->alias ? stmt->relation->alias->aliasname : t->name;
  Scope scope;
  scope.Add(planner.TableScopeRel(t, alias));
  std::vector<std::pair<int, ExprP>> sets;
  for (size_t i = 0; i < stmt->n_target_list; i++) {
    auto* rt = stmt->target_list[i]->res_target;
    if (rt->n_indirection) throw Error(sqlstate::kFeatureNotSupported, "UPDATE of subfields or array elements is not supported yet");
    if (rt->val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF)
      throw Error(sqlstate::kFeatureNotSupported, "multiple-column UPDATE is not supported yet");
    int c = FindTargetColumn(t, rt->name, rt->location);
    for (auto& s : sets)
      if (s.first == c) throw Error(sqlstate::kDuplicateColumn, "multiple assignments to same column \"" + std::string(rt->name) + "\"");
    const ColumnDef& col = t->columns[static_cast<size_t>(c)];
    if (rt->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT) {
      sets.emplace_back(c, nullptr);
      continue;
    }
    if (col.identity == 'a')
      throw Error(sqlstate::kGeneratedAlways, "column \"" + col.name + "\" can only be updated to DEFAULT")
          .WithDetail("Column \"" + col.name + "\" is an identity column defined as GENERATED ALWAYS.");
    ExprP e = planner.binder().Bind(rt->val, scope);
    sets.emplace_back(c, planner.binder().Coerce(e, col.type, CastContext::kAssignment, ExprLocation(rt->val), "column \"" + col.name + "\""));
  }
  Returning ret = BindReturning(planner, t, alias, stmt->returning_list, stmt->n_returning_list);
  if (st->describe_only) {
    BindWhere(planner, t, alias, stmt->where_clause);
    if (stmt->n_returning_list) sink->Columns(ret.columns);
    return;
  }
  ExprP pred;
  auto targets = CollectTargets(planner, t, alias, stmt->where_clause, &pred);
  if (stmt->n_returning_list) sink->Columns(ret.columns);
  TableWriter writer(&planner, t);
  int64_t count = 0;
  for (auto& [key, row] : targets) {
    Row latest;
    if (!writer.access().LockRow(key, &latest)) continue;  // deleted meanwhile
    EvalContext ctx;
    ctx.state = st;
    if (!SameRow(t, latest, row) && pred) {
      // The row changed after our snapshot: re-check WHERE against the newest version.
      ctx.row = &latest;
      if (!IsTrue(pred->Eval(ctx))) continue;
    }
    ctx.row = &latest;
    Row updated = latest;
    for (auto& [c, e] : sets) updated[static_cast<size_t>(c)] = e ? e->Eval(ctx) : writer.DefaultFor(static_cast<size_t>(c));
    writer.Update(key, latest, updated);
    if (stmt->n_returning_list) EmitReturning(ret, updated, st, sink);
    count++;
  }
  sink->Complete("UPDATE " + std::to_string(count));
}

void ExecuteDelete(PgQuery__DeleteStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (stmt->with_clause) throw Error(sqlstate::kFeatureNotSupported, "WITH queries are not supported yet");
  if (stmt->n_using_clause) throw Error(sqlstate::kFeatureNotSupported, "DELETE ... USING is not supported yet");
  Planner planner(st, params);
  const TableDef* t = TargetTable(planner, stmt->relation);
  std::string alias = stmt->relation->alias ? stmt->relation->alias->aliasname : t->name;
  Returning ret = BindReturning(planner, t, alias, stmt->returning_list, stmt->n_returning_list);
  if (st->describe_only) {
    BindWhere(planner, t, alias, stmt->where_clause);
    if (stmt->n_returning_list) sink->Columns(ret.columns);
    return;
  }
  ExprP pred;
  auto targets = CollectTargets(planner, t, alias, stmt->where_clause, &pred);
  if (stmt->n_returning_list) sink->Columns(ret.columns);
  TableWriter writer(&planner, t);
  int64_t count = 0;
  for (auto& [key, row] : targets) {
    Row latest;
    if (!writer.access().LockRow(key, &latest)) continue;
    if (!SameRow(t, latest, row) && pred) {
      EvalContext ctx;
      ctx.state = st;
      ctx.row = &latest;
      if (!IsTrue(pred->Eval(ctx))) continue;
    }
    writer.Delete(key, latest);
    if (stmt->n_returning_list) EmitReturning(ret, latest, st, sink);
    count++;
  }
  sink->Complete("DELETE " + std::to_string(count));
}

}  // namespace tusk
