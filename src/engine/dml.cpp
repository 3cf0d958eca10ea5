#include <functional>
#include <set>

#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/strings.hpp"
#include "engine/generated_columns.hpp"
#include "engine/plan_cache.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "security/object_privileges.hpp"
#include "security/row_security.hpp"
#include "partition/partition_ddl.hpp"
#include "execution/row_exprs.hpp"
#include "triggers/trigger_runner.hpp"
#include "views/instead_of.hpp"
#include "views/updatable.hpp"
#include "parser/walk.hpp"
#include "types/compare.hpp"
#include "types/json/jsonb_subscript.hpp"

namespace tusk {

namespace {
// A SET target written with subscripts only: doc['a'][0].
bool AllSubscripts(const PgQuery__ResTarget* rt) {
  if (!rt->n_indirection) return false;
  for (size_t k = 0; k < rt->n_indirection; k++)
    if (rt->indirection[k]->node_case != PG_QUERY__NODE__NODE_A_INDICES) return false;
  return true;
}
}  // namespace

namespace {

// RETURNING list bound over the target table's row.
struct Returning {
  std::vector<ExprP> exprs;
  std::vector<ColumnInfo> columns;
};

// RETURNING bound over a scope whose first columns are the target's (UPDATE ... FROM and
// DELETE ... USING may return columns of the other tables too).
Returning BindReturningOver(Planner& planner, const TableDef* t, const Scope& scope, Node** list, size_t n) {
  Returning r;
  for (size_t i = 0; i < n; i++) {
    auto* rt = list[i]->res_target;
    Node* v = rt->val;
    if (v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
        v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      auto* cr = v->column_ref;
      if (scope.rels.size() > 1)
        throw Error(sqlstate::kFeatureNotSupported, "* in RETURNING of a statement with FROM or USING is not supported yet");
      if (cr->n_fields > 1 && StrVal(cr->fields[cr->n_fields - 2]) != scope.rels[0].alias)
        ThrowAt(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + StrVal(cr->fields[cr->n_fields - 2]) + "\"", cr->location);
      for (size_t c = 0; c < t->columns.size(); c++) {
        if (t->columns[c].dropped) continue;
        r.exprs.push_back(std::make_shared<ColumnExpr>(static_cast<int>(c), 0, t->columns[c].type, t->columns[c].name));
        r.columns.push_back({t->columns[c].name, t->columns[c].type});
      }
      continue;
    }
    planner.binder().set_clause("RETURNING");
    ExprP e = planner.binder().Bind(v, scope);
    planner.binder().set_clause("WHERE");
    if (e->type.id == oid::kUnknown && !e->type.array) e = planner.binder().Coerce(e, Type(oid::kText), CastContext::kImplicit, -1);
    r.exprs.push_back(e);
    r.columns.push_back({rt->name && *rt->name ? rt->name : FigureColname(v), e->type});
  }
  return r;
}

// RETURNING list bound over the target table's row alone (an INSERT's). For a partitioned
// table the row is followed by its partition's OID, the tableoid column (WithPartition).
Returning BindReturning(Planner& planner, const TableDef* t, const std::string& alias, Node** list, size_t n) {
  Scope scope;
  ScopeRel rel = planner.TableScopeRel(t, alias);
  if (t->partition_key) {
    rel.tableoid_column = static_cast<int>(rel.columns.size());
    rel.columns.push_back("");
    rel.types.push_back(Type(oid::kOid));
  }
  scope.Add(std::move(rel));
  return BindReturningOver(planner, t, scope, list, n);
}

// A row written to a partitioned table, as its RETURNING reads it: with the OID of the
// partition holding it (which its storage key names).
Row WithPartition(const TableDef* t, const Row& row, const std::string& key) {
  if (!t->partition_key) return row;
  Row out = row;
  out.push_back(Value::Int(RelationOfKey(key)));
  return out;
}

void EmitReturning(const Returning& r, const Row& row, ExecState* st, ResultSink* sink) {
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = st;
  Row out;
  for (const auto& e : r.exprs) out.push_back(e->Eval(ctx));
  sink->Emit(st, out);
}

int FindTargetColumn(const TableDef* t, const std::string& name, int location);

// INSERT ... ON CONFLICT: the arbiter unique indexes and, for DO UPDATE, the SET list and WHERE
// bound over (existing row, EXCLUDED row).
struct OnConflict {
  bool active = false;
  bool do_nothing = false;
  std::vector<uint32_t> arbiters;  // index oids
  std::vector<std::pair<int, ExprP>> sets;
  ExprP where;
};

OnConflict BindOnConflict(Planner& planner, const TableDef* t, const std::string& alias, PgQuery__OnConflictClause* oc) {
  OnConflict r;
  if (!oc) return r;
  r.active = true;
  r.do_nothing = oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING;
  const Catalog& cat = *planner.state()->catalog;
  auto* inf = oc->infer;
  if (inf && inf->conname && *inf->conname) {
    bool found = false;
    for (const auto& c : t->constraints)
      if (c.name == inf->conname) {
        if (c.kind != 'p' && c.kind != 'u')
          throw Error(sqlstate::kWrongObjectType, "constraint in ON CONFLICT clause has no associated index");
        r.arbiters.push_back(c.index);
        found = true;
      }
    if (!found)
      throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(inf->conname) + "\" for table \"" + t->name + "\" does not exist");
  } else if (inf && inf->n_index_elems) {
    std::vector<std::string> wanted;
    for (size_t i = 0; i < inf->n_index_elems; i++) {
      auto* ie = inf->index_elems[i]->index_elem;
      if (ie->name && *ie->name) {
        if (t->FindColumn(ie->name) < 0)
          throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(ie->name) + "\" does not exist").WithPosition(inf->location + 1);
        wanted.push_back("col:" + std::string(ie->name));
      } else {
        wanted.push_back("expr:" + DeparseExpr(ie->expr));
      }
    }
    std::sort(wanted.begin(), wanted.end());
    std::string where = inf->where_clause ? DeparseExpr(inf->where_clause) : "";
    for (uint32_t io : t->indexes) {
      const IndexDef* idx = cat.FindIndex(io);
      if (!idx || !idx->unique || idx->where_sql != where) continue;
      std::vector<std::string> have;
      for (const auto& ic : idx->columns)
        have.push_back(ic.column >= 0 ? "col:" + t->columns[static_cast<size_t>(ic.column)].name : "expr:" + ic.expr_sql);
      std::sort(have.begin(), have.end());
      if (have == wanted) r.arbiters.push_back(io);
    }
    if (r.arbiters.empty())
      throw Error(sqlstate::kInvalidColumnReference, "there is no unique or exclusion constraint matching the ON CONFLICT specification");
  } else {
    if (!r.do_nothing)
      throw Error(sqlstate::kSyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name")
          .WithHint("For example, ON CONFLICT (column_name).").WithPosition(oc->location + 1);
    for (uint32_t io : t->indexes)
      if (const IndexDef* idx = cat.FindIndex(io); idx && idx->unique) r.arbiters.push_back(io);
  }
  if (r.do_nothing) return r;
  Scope scope;
  scope.Add(planner.TableScopeRel(t, alias));
  ScopeRel excluded = planner.TableScopeRel(t, "excluded");
  excluded.table_oid = 0;  // the proposed row: reading it is not reading the table
  scope.Add(excluded);
  scope.qualify_names = true;
  for (size_t i = 0; i < oc->n_target_list; i++) {
    auto* rt = oc->target_list[i]->res_target;
    if (rt->n_indirection) throw Error(sqlstate::kFeatureNotSupported, "ON CONFLICT DO UPDATE of subfields is not supported yet");
    if (rt->val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF)
      throw Error(sqlstate::kFeatureNotSupported, "multiple-column UPDATE is not supported yet");
    int c = FindTargetColumn(t, rt->name, rt->location);
    const ColumnDef& col = t->columns[static_cast<size_t>(c)];
    if (rt->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT) { r.sets.emplace_back(c, nullptr); continue; }
    if (col.generated) ThrowGeneratedUpdate(col);
    ExprP e = planner.binder().Bind(rt->val, scope);
    r.sets.emplace_back(c, planner.binder().Coerce(e, col.type, CastContext::kAssignment, ExprLocation(rt->val), "column \"" + col.name + "\""));
  }
  if (oc->where_clause)
    r.where = planner.binder().CoerceToBool(planner.binder().Bind(oc->where_clause, scope), "WHERE", ExprLocation(oc->where_clause));
  return r;
}

// Looks for a committed or own row that conflicts with `row` on an arbiter index. A
// partitioned table's arbiters are looked up in the partition the row goes to, on its copies
// of them.
bool FindConflict(TableWriter& writer, const OnConflict& oc, const Row& row, ExecState* st, std::string* key) {
  TableWriter& target = writer.WriterForRow(row);
  for (const auto& bi : target.access().indexes()) {
    bool arbiter = std::any_of(oc.arbiters.begin(), oc.arbiters.end(), [&](uint32_t a) {
      return a == bi.def->oid || (&target != &writer && SameIndexDefinition(*st->catalog->FindIndex(a), *bi.def));
    });
    if (!arbiter) continue;
    EvalContext ctx;
    ctx.state = st;
    ctx.row = &row;
    if (bi.predicate && !IsTrue(bi.predicate->Eval(ctx))) continue;
    Row values;
    for (const auto& k : bi.keys) values.push_back(k->Eval(ctx));
    if (target.access().LookupUnique(bi, values, key, true)) return true;
  }
  return false;
}

// The table an INSERT, UPDATE or DELETE changes. A system view (pg_settings, pg_roles, ...)
// is refused as PostgreSQL refuses a view it cannot update automatically.
const TableDef* TargetTable(Planner& planner, PgQuery__RangeVar* rv, const char* verb) {
  if (const SystemRelation* sys = planner.ResolveSystem(rv); sys && sys->kind == 'v') {
    std::string v = verb;
    std::string command = v == "insert into" ? "INSERT" : v == "update" ? "UPDATE" : "DELETE";
    std::string doing = v == "insert into" ? "inserting into" : v == "update" ? "updating" : "deleting from";
    throw Error(sqlstate::kObjectNotInPrerequisiteState, "cannot " + v + " view \"" + sys->name + "\"")
        .WithDetail("Views that do not select from a single table or view are not automatically updatable.")
        .WithHint("To enable " + doing + " the view, provide an INSTEAD OF " + command + " trigger or an unconditional ON " +
                  command + " DO INSTEAD rule.");
  }
  return planner.ResolveTable(rv, TableLockMode::kRowExclusive);
}

// A statement whose target is a view runs as its rewrite onto the view's base table
// (views/updatable.hpp); the CHECK OPTIONs in force are bound over that table's rows.
struct ViewTarget {
  std::unique_ptr<ViewWrite> write;
  std::vector<std::pair<std::string, ExprP>> checks;
  std::vector<std::unique_ptr<Script>> holders;

  // The statement to plan: `stmt` itself, or its rewrite when it writes through a view.
  template <typename T>
  T* Rewrite(ExecState* st, T* stmt, PgQuery__Node__NodeCase kind, T* PgQuery__Node::*field) {
    Node wrapper = PG_QUERY__NODE__INIT;
    wrapper.node_case = kind;
    wrapper.*field = stmt;
    write = RewriteWriteOnView(st, &wrapper);
    return write ? write->stmt->*field : stmt;
  }
  void BindChecks(Planner& planner, const TableDef* t) {
    if (!write) return;
    for (const auto& c : write->checks) {
      Node* cond = ParseStoredExpr(c.condition_sql, &holders.emplace_back());
      Scope scope;
      scope.Add(planner.TableScopeRel(t, c.alias));
      checks.emplace_back(c.view, planner.binder().CoerceToBool(planner.binder().Bind(cond, scope), "CHECK OPTION", -1));
    }
  }
  void AddChecks(TableWriter* writer) const {
    for (const auto& [view, e] : checks) writer->AddViewCheck(view, e);
  }
  // The role the base table is written as (0: the current user): through views, each view is
  // checked for `privileges` as the role using it, and the next relation as that view's owner
  // (or, security_invoker, the same role), as PostgreSQL's rewritten range table is.
  uint32_t TargetUser(ExecState* st, uint32_t privileges) const {
    if (!write || !st->session) return 0;
    uint32_t user = st->session->CurrentUserId();
    for (uint32_t oid : write->views) {
      RequireRelationPrivileges(st, oid, privileges, user);
      user = ViewCheckUser(*st->catalog->FindView(oid), user);
    }
    return user;
  }
};

// A statement whose target is a view with an INSTEAD OF trigger for it (views/instead_of.hpp):
// planned against the view as a table, its rows handed to the trigger.
struct InsteadTarget {
  const ViewDef* view = nullptr;
  std::unique_ptr<TableDef> table;  // the view as a table; null when the target is not such a view
  std::unique_ptr<TriggerRunner> runner;

  bool Resolve(Planner& planner, PgQuery__RangeVar* rv, int16_t event) {
    const ViewDef* v = planner.ResolveView(rv);
    if (!v || !HasInsteadTrigger(*v, event, planner.state())) return false;
    LockRelation(planner.state(), v->oid, TableLockMode::kRowExclusive);
    view = v;
    table = std::make_unique<TableDef>(ViewAsTable(*v));
    return true;
  }
  TriggerRunner& Runner(Planner* planner) {
    if (!runner) runner = std::make_unique<TriggerRunner>(planner, table.get());
    return *runner;
  }
};

int FindTargetColumn(const TableDef* t, const std::string& name, int location) {
  int c = t->FindColumn(name);
  if (c < 0) ThrowAt(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" + t->name + "\" does not exist", location);
  return c;
}
}  // namespace

namespace {
// An INSERT bound and planned against planner's state; Run executes it once. A prepared
// statement keeps it between executions (engine/plan_cache.hpp).
class InsertPlan : public StatementPlan {
 public:
  InsertPlan(ExecState* st, ParamTypes* params) : planner_(st, params) {}
  void Plan(PgQuery__InsertStmt* stmt);
  bool Reusable() const override { return planner_.Reusable(); }
  const std::vector<ColumnInfo>& Columns() const override { return ret_.columns; }
  void Run(ResultSink* sink) override;

 private:
  // Calls fn(values, is_default) for each row to insert, VALUES or the query's.
  void ForEachSourceRow(ExecState* st, const std::function<void(const std::vector<Value>&, const std::vector<bool>&)>& fn);
  void RunInstead(ResultSink* sink);
  void Secure();
  // The type a value for target i takes: its column's, or the field's (INSERT INTO t (col.f)).
  const Type& TargetType(size_t i) const;
  // Puts value i into `row`: the column, or one field of it (the others NULL unless an earlier
  // target of the statement set them).
  void PutTarget(size_t i, const Value& v, Row* row, std::vector<bool>* set) const;

  Planner planner_;
  PgQuery__InsertStmt* stmt_ = nullptr;
  const TableDef* t_ = nullptr;
  std::vector<int> cols_;  // target column of each given value
  std::vector<int> fields_;  // the field of it each value sets (col.f), -1 for the whole column, -2 a jsonb path
  std::vector<ExprP> subscripts_;  // for a jsonb path (col['a']): the assignment over {column so far, value}
  Returning ret_;
  std::vector<std::vector<ExprP>> value_rows_;  // VALUES (null: DEFAULT), or
  OpP query_;                                   // the query's rows, cast to the columns
  OnConflict conflict_;
  ViewTarget view_;
  uint32_t target_user_ = 0;  // the role the target is written as (ViewTarget::TargetUser)
  InsteadTarget instead_;
  // Row-level security (Secure): of inserted rows, of ON CONFLICT's existing row, of its update.
  std::vector<PolicyCheck> insert_checks_, conflict_checks_, update_checks_;
  std::unique_ptr<TableWriter> writer_;  // made at the first execution
};

void InsertPlan::Plan(PgQuery__InsertStmt* stmt) {
  // Bound once here; Run uses them at every execution.
  if (!instead_.Resolve(planner_, stmt->relation, TriggerDef::kInsert))
    stmt = view_.Rewrite(planner_.state(), stmt, PG_QUERY__NODE__NODE_INSERT_STMT, &PgQuery__Node::insert_stmt);
  stmt_ = stmt;
  Planner& planner = planner_;
  std::vector<int>& cols = cols_;
  std::vector<std::vector<ExprP>>& value_rows = value_rows_;  // null ExprP = DEFAULT
  OpP& query = query_;
  if (stmt->with_clause) planner.PlanWith(stmt->with_clause, nullptr);
  const TableDef* t = t_ = instead_.table ? instead_.table.get() : TargetTable(planner, stmt->relation, "insert into");
  target_user_ = view_.TargetUser(planner.state(), privilege::kInsert);
  view_.BindChecks(planner, t);
  std::string alias = stmt->relation->alias ? stmt->relation->alias->aliasname : t->name;
  // Target columns.
  std::vector<int> col_locations;
  if (stmt->n_cols) {
    for (size_t i = 0; i < stmt->n_cols; i++) {
      auto* rt = stmt->cols[i]->res_target;
      if (rt->n_indirection && (rt->n_indirection > 1 || rt->indirection[0]->node_case != PG_QUERY__NODE__NODE_STRING) &&
          !AllSubscripts(rt))
        throw Error(sqlstate::kFeatureNotSupported, "INSERT into array elements or nested fields is not supported yet");
      int c = FindTargetColumn(t, rt->name, rt->location);
      int field = -1;
      subscripts_.resize(cols.size());
      if (AllSubscripts(rt)) {
        // (doc['a'][0]): the value goes into the column's jsonb at that path
        const ColumnDef& col = t->columns[static_cast<size_t>(c)];
        if (col.type.array || col.type.id != oid::kJsonb)
          throw Error(sqlstate::kFeatureNotSupported, "INSERT into array elements is not supported yet");
        Scope none;
        std::vector<ExprP> subs = BindJsonbSubscripts(planner.binder(), rt->indirection, rt->n_indirection,
                                                      [&](Node* x) { return planner.binder().Bind(x, none); });
        // evaluated over the row {column so far, value}
        subscripts_.push_back(JsonbSubscriptAssign(std::make_shared<ColumnExpr>(0, 0, col.type, col.name), std::move(subs),
                                                   std::make_shared<ColumnExpr>(1, 0, col.type, "")));
        field = -2;
      } else if (rt->n_indirection) {
        const ColumnDef& col = t->columns[static_cast<size_t>(c)];
        std::string name = StrVal(rt->indirection[0]);
        if (!col.type.IsRow() || !col.type.record)
          ThrowAt(sqlstate::kDatatypeMismatch, "cannot assign to field \"" + name + "\" of column \"" + col.name + "\" because its type " +
                                                   TypeName(col.type) + " is not a composite type", rt->location);
        field = col.type.record->FieldIndex(name);
        if (field < 0)
          ThrowAt(sqlstate::kUndefinedColumn, "cannot assign to field \"" + name + "\" of column \"" + col.name +
                                                  "\" because there is no such column in data type " + TypeName(col.type), rt->location);
      }
      // one column once, unless each time one of its fields (or a path in its jsonb)
      for (size_t k = 0; k < cols.size(); k++)
        if (cols[k] == c && (field == -1 || fields_[k] == -1))
          ThrowAt(sqlstate::kDuplicateColumn, "column \"" + std::string(rt->name) + "\" specified more than once", rt->location);
      cols.push_back(c);
      fields_.push_back(field);
      subscripts_.resize(cols.size());
      col_locations.push_back(rt->location);
    }
  } else {
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!t->columns[c].dropped) { cols.push_back(static_cast<int>(c)); fields_.push_back(-1); col_locations.push_back(-1); }
  }
  ret_ = BindReturning(planner, t, alias, stmt->returning_list, stmt->n_returning_list);
  const bool overriding_system = stmt->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE;
  bool overriding_user = stmt->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE;
  // Source rows as expressions (VALUES, with DEFAULT markers) or a query.
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
      fields_.resize(n);
      col_locations.resize(n);
    }
  };
  if (sel && sel->n_values_lists && !sel->n_sort_clause && !sel->limit_count && !sel->with_clause) {
    size_t widest = 0;
    for (size_t r = 0; r < sel->n_values_lists; r++) widest = std::max(widest, sel->values_lists[r]->list->n_items);
    trim_implicit_columns(widest);
    auto bind_row = [&](size_t r) -> std::vector<ExprP>* {
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
        if (c.generated) ThrowGeneratedInsert(c);
        if (!overriding_user) check_identity(i);
        ExprP e = planner.binder().Bind(item, empty);
        row.push_back(planner.binder().Coerce(e, TargetType(i), CastContext::kAssignment, ExprLocation(item), "column \"" + c.name + "\""));
        if (overriding_user && c.identity) row.back() = nullptr;
      }
      value_rows.push_back(std::move(row));
      return &value_rows.back();
    };
    planner.binder().set_clause("VALUES");
    // One row may call set-returning functions (the rows they return are inserted), as in PostgreSQL.
    if (sel->n_values_lists == 1) {
      query = planner.BindInsertValuesRow([&] { return bind_row(0); });
      if (query) value_rows.clear();
    } else {
      for (size_t r = 0; r < sel->n_values_lists; r++) bind_row(r);
    }
    planner.binder().set_clause("WHERE");
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
      if (c.generated) ThrowGeneratedInsert(c);
      if (!overriding_user) check_identity(i);
      ExprP col = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, q.columns[i].type, q.columns[i].name);
      int loc = sel->op == PG_QUERY__SET_OPERATION__SETOP_NONE && i < sel->n_target_list ? ExprLocation(sel->target_list[i]->res_target->val) : -1;
      casts.push_back(planner.binder().Coerce(col, TargetType(i), CastContext::kAssignment, loc, "column \"" + c.name + "\""));
    }
    query = std::make_shared<ProjectOp>(q.root, casts);
  } else {
    value_rows.emplace_back();  // DEFAULT VALUES
  }
  conflict_ = BindOnConflict(planner, t, alias, stmt->on_conflict_clause);
  Secure();
}

// INSERT needs INSERT; ON CONFLICT DO UPDATE also UPDATE; RETURNING, or DO UPDATE reading the
// existing row, also SELECT. Row-level security checks each new row against the INSERT policies
// (and the SELECT ones when the statement reads it back), and ON CONFLICT DO UPDATE the existing
// row against the UPDATE (and SELECT) policies' USING, the updated row against their checks.
void InsertPlan::Secure() {
  ExecState* st = planner_.state();
  const uint32_t user = target_user_;
  const bool updates = conflict_.active && !conflict_.do_nothing;
  if (instead_.table) {
    RequireRelationPrivileges(st, instead_.view->oid, privilege::kInsert, user);
    return;
  }
  const bool reads = stmt_->n_returning_list > 0 || planner_.binder().read_tables.count(t_->oid) > 0;
  if (reads) view_.TargetUser(st, privilege::kSelect);
  RequireRelationPrivileges(st, t_->oid, privilege::kInsert | (updates ? privilege::kUpdate : 0) | (reads ? privilege::kSelect : 0), user);
  if (!RowSecurityApplies(st, *t_, user)) return;
  insert_checks_ = PolicyWithChecks(planner_, *t_, policy_command::kInsert, user);
  if (reads)
    for (auto& c : PolicyUsingChecks(planner_, *t_, policy_command::kSelect, false, user)) insert_checks_.push_back(std::move(c));
  if (!updates) return;
  conflict_checks_ = PolicyUsingChecks(planner_, *t_, policy_command::kUpdate, true, user);
  for (auto& c : PolicyUsingChecks(planner_, *t_, policy_command::kSelect, true, user)) conflict_checks_.push_back(std::move(c));
  update_checks_ = PolicyWithChecks(planner_, *t_, policy_command::kUpdate, user);
  if (reads)
    for (auto& c : PolicyUsingChecks(planner_, *t_, policy_command::kSelect, false, user)) update_checks_.push_back(std::move(c));
}

void InsertPlan::Run(ResultSink* sink) {
  ExecState* st = planner_.state();
  PgQuery__InsertStmt* stmt = stmt_;
  const TableDef* t = t_;
  const Returning& ret = ret_;
  const OnConflict& conflict = conflict_;
  if (stmt->n_returning_list) sink->Columns(ret.columns);
  if (st->describe_only) return;  // everything is bound: parameter types are known
  {
    EvalContext cte_ctx;
    cte_ctx.state = st;
    planner_.RunDataModifyingCtes(&cte_ctx);
  }
  if (instead_.table) return RunInstead(sink);
  if (!writer_) {
    writer_ = std::make_unique<TableWriter>(&planner_, t);
    view_.AddChecks(writer_.get());
    writer_->SetPolicyChecks(insert_checks_, update_checks_);
  }
  TableWriter& writer = *writer_;
  writer.CheckPartitionsCurrent();
  TriggerRunner* triggers = writer.triggers();
  if (triggers) triggers->BeforeStatement(TriggerDef::kInsert);
  int64_t count = 0;
  std::set<std::string> touched;  // rows this statement inserted or updated
  auto insert_row = [&](const std::vector<Value>& given, const std::vector<bool>& is_default) {
    Row row(t->columns.size());
    std::vector<bool> set(t->columns.size(), false);
    for (size_t i = 0; i < given.size(); i++)
      if (!is_default[i]) PutTarget(i, given[i], &row, &set);
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!set[c] && !t->columns[c].dropped) row[c] = writer.DefaultFor(c);
    writer.ComputeGenerated(&row);  // the arbiter indexes and RETURNING see the values
    // Row triggers are the partition's the row goes to, for a partitioned table.
    TableWriter& target = writer.WriterForRow(row);
    TriggerRunner* row_triggers = &target == &writer ? triggers : target.triggers();
    if (row_triggers) {
      std::optional<Row> changed = row_triggers->BeforeRow(TriggerDef::kInsert, nullptr, &row);
      if (!changed) return;
      row = std::move(*changed);
      writer.ComputeGenerated(&row);
    }
    writer.CheckInsertPolicies(row);  // before any ON CONFLICT, as PostgreSQL
    if (conflict.active) {
      std::string existing_key;
      if (FindConflict(writer, conflict, row, st, &existing_key)) {
        if (conflict.do_nothing) return;
        if (touched.count(existing_key))
          throw Error(sqlstate::kCardinalityViolation, "ON CONFLICT DO UPDATE command cannot affect row a second time")
              .WithHint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
        Row existing;
        std::vector<int> set_columns;
        for (auto& [col, e] : conflict.sets) set_columns.push_back(col);
        if (!writer.AccessFor(existing_key).LockRow(existing_key, &existing, writer.access().UpdateLockFor(set_columns))) return;
        Row both = existing;
        both.insert(both.end(), row.begin(), row.end());
        EvalContext c;
        c.state = st;
        c.row = &both;
        if (conflict.where && !IsTrue(conflict.where->Eval(c))) return;
        if (!conflict_checks_.empty()) {
          EvalContext own;
          own.state = st;
          own.row = &existing;
          for (const PolicyCheck& check : conflict_checks_)
            if (!IsTrue(check.condition->Eval(own))) ThrowPolicyViolation(check, t->name);
        }
        Row updated = existing;
        for (auto& [col, e] : conflict.sets) updated[static_cast<size_t>(col)] = e ? e->Eval(c) : writer.DefaultFor(static_cast<size_t>(col));
        writer.ComputeGenerated(&updated);
        TriggerRunner* update_triggers = writer.WriterForKey(existing_key).triggers();
        if (update_triggers) {
          update_triggers->SetUpdatedColumns(set_columns);
          std::optional<Row> changed = update_triggers->BeforeRow(TriggerDef::kUpdate, &existing, &updated);
          if (!changed) return;
          updated = std::move(*changed);
          writer.ComputeGenerated(&updated);
        }
        if (!writer.StaysInPartition(existing_key, updated))
          throw Error(sqlstate::kFeatureNotSupported, "invalid ON UPDATE specification")
              .WithDetail("The result tuple would appear in a different partition than the original tuple.");
        std::string new_key = writer.Update(existing_key, existing, updated);
        if (update_triggers) update_triggers->AfterRow(TriggerDef::kUpdate, &existing, &updated);
        if (stmt->n_returning_list) EmitReturning(ret, WithPartition(t, updated, new_key), st, sink);
        touched.insert(std::move(new_key));
        count++;
        return;
      }
    }
    // The row goes where it was routed, without routing it again; a partition's BEFORE ROW
    // triggers may have changed it, so it is then checked against the bound (PostgreSQL 15 does
    // not route it again either).
    std::string key = &target == &writer ? writer.Insert(row) : target.InsertRouted(row, /*bound_holds=*/!row_triggers);
    if (row_triggers) row_triggers->AfterRow(TriggerDef::kInsert, nullptr, &row);
    if (triggers && triggers != row_triggers) triggers->Capture(TriggerDef::kInsert, nullptr, &row);  // a partition's row
    if (stmt->n_returning_list) EmitReturning(ret, WithPartition(t, row, key), st, sink);
    if (conflict.active) touched.insert(std::move(key));  // only ON CONFLICT DO UPDATE asks
    count++;
  };
  ForEachSourceRow(st, insert_row);
  writer.FirePartitionsAfterRowTriggers();
  if (triggers) triggers->AfterStatement(TriggerDef::kInsert);
  sink->Complete("INSERT 0 " + std::to_string(count));
}

const Type& InsertPlan::TargetType(size_t i) const {
  const Type& column = t_->columns[static_cast<size_t>(cols_[i])].type;
  return fields_[i] < 0 ? column : column.record->types[static_cast<size_t>(fields_[i])];
}

void InsertPlan::PutTarget(size_t i, const Value& v, Row* row, std::vector<bool>* set) const {
  size_t c = static_cast<size_t>(cols_[i]);
  if (fields_[i] == -2) {
    Row base_and_value{(*set)[c] ? (*row)[c] : Value::Null(), v};
    EvalContext ctx;
    ctx.row = &base_and_value;
    (*row)[c] = subscripts_[i]->Eval(ctx);
  } else if (fields_[i] < 0) {
    (*row)[c] = v;
  } else {
    const Value& base = (*set)[c] ? (*row)[c] : Value::Null();
    std::vector<Value> fields = base.is_null() ? std::vector<Value>(t_->columns[c].type.record->types.size(), Value::Null()) : base.arr();
    fields[static_cast<size_t>(fields_[i])] = v;
    (*row)[c] = Value::Array(std::move(fields));
  }
  (*set)[c] = true;
}

void InsertPlan::ForEachSourceRow(ExecState* st, const std::function<void(const std::vector<Value>&, const std::vector<bool>&)>& fn) {
  EvalContext ctx;
  ctx.state = st;
  if (query_) {
    // Materialize first so the query cannot see rows this statement inserts.
    std::vector<Row> rows = RunToVector(query_.get(), &ctx);
    std::vector<bool> no_defaults(cols_.size(), false);
    size_t n = 0;
    for (const Row& r : rows) {
      if ((++n & 1023) == 0) CheckInterrupts(st);
      fn(r, no_defaults);
    }
    return;
  }
  Row none;
  ctx.row = &none;
  for (const auto& exprs : value_rows_) {
    std::vector<Value> vals;
    std::vector<bool> defaults;
    for (const auto& e : exprs) {
      defaults.push_back(e == nullptr);
      vals.push_back(e ? e->Eval(ctx) : Value::Null());
    }
    fn(vals, defaults);
  }
}

// The view's INSTEAD OF INSERT triggers take each row; a view column has no default yet, so
// DEFAULT and a column left out are NULL.
void InsertPlan::RunInstead(ResultSink* sink) {
  ExecState* st = planner_.state();
  TriggerRunner& triggers = instead_.Runner(&planner_);
  triggers.BeforeStatement(TriggerDef::kInsert);
  int64_t count = 0;
  ForEachSourceRow(st, [&](const std::vector<Value>& given, const std::vector<bool>& is_default) {
    Row row(t_->columns.size(), Value::Null());
    std::vector<bool> set(t_->columns.size(), false);
    for (size_t i = 0; i < given.size(); i++)
      if (!is_default[i]) PutTarget(i, given[i], &row, &set);
    std::optional<Row> written = triggers.InsteadRow(TriggerDef::kInsert, nullptr, &row);
    if (!written) return;
    if (stmt_->n_returning_list) EmitReturning(ret_, *written, st, sink);
    count++;
  });
  triggers.AfterStatement(TriggerDef::kInsert);
  sink->Complete("INSERT 0 " + std::to_string(count));
}
}  // namespace

void ExecuteInsert(PgQuery__InsertStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  InsertPlan plan(st, params);
  plan.Plan(stmt);
  plan.Run(sink);
}

namespace {
bool SameRow(const TableDef* t, const Row& a, const Row& b) {
  for (size_t i = 0; i < t->columns.size(); i++) {
    if (a[i].is_null() != b[i].is_null()) return false;
    if (!a[i].is_null() && CompareValues(t->columns[i].type, a[i], b[i]) != 0) return false;
  }
  return true;
}
}  // namespace

namespace {
// Rows of the target (with keys) and of any FROM/USING items, materialized before any change so
// the statement never sees its own writes.
struct TargetRows {
  Scope scope;
  std::vector<Row> rows;  // target columns, storage key, then the other FROM items' columns
  size_t width = 0;       // number of target columns
  ExprP where;
};

// The joined row with the target part replaced by a newer version of the target row.
Row WithTarget(const Row& joined, const Row& target) {
  Row r = joined;
  for (size_t i = 0; i < target.size(); i++) r[i] = target[i];
  return r;
}

// Runs the target-row plan and calls `apply(joined, latest, row)` once per target row that is
// still there and, if it changed since the snapshot, still satisfies WHERE (PostgreSQL's READ
// COMMITTED re-check). `latest` is the newest version, `row` the joined row carrying it.
// Returns how many rows it applied to.
int64_t ForEachTargetRow(Planner& planner, const TableDef* t, TargetRows& tr, Operator* plan, ExecState* st,
                         TableWriter& writer, RowLockStrength strength, const std::function<void(const Row&, const Row&, const Row&, EvalContext&)>& apply) {
  EvalContext scan_ctx;
  scan_ctx.state = st;
  planner.RunDataModifyingCtes(&scan_ctx);
  tr.rows = RunToVector(plan, &scan_ctx);
  int64_t count = 0;
  std::set<std::string> done;
  for (const Row& joined : tr.rows) {
    if ((done.size() & 1023) == 1023) CheckInterrupts(st);
    std::string key = joined[tr.width].s();
    if (!done.insert(key).second) continue;  // a target row joins several FROM rows: touch it once
    Row target(joined.begin(), joined.begin() + static_cast<long>(tr.width));
    Row latest;
    if (!writer.AccessFor(key).LockRow(key, &latest, strength)) continue;  // deleted meanwhile
    Row row = WithTarget(joined, latest);
    EvalContext ctx;
    ctx.state = st;
    ctx.row = &row;
    if (!SameRow(t, latest, target) && tr.where && !IsTrue(tr.where->Eval(ctx))) continue;
    apply(joined, latest, row, ctx);
    count++;
  }
  return count;
}
}  // namespace

namespace {
// An UPDATE or DELETE bound and planned against planner's state; Run executes it once. A
// prepared statement keeps it between executions (engine/plan_cache.hpp).
class ModifyPlan : public StatementPlan {
 public:
  ModifyPlan(ExecState* st, ParamTypes* params) : planner_(st, params) {}
  void PlanUpdate(PgQuery__UpdateStmt* stmt);
  void PlanDelete(PgQuery__DeleteStmt* stmt);
  bool Reusable() const override { return planner_.Reusable(); }
  const std::vector<ColumnInfo>& Columns() const override { return ret_.columns; }
  void Run(ResultSink* sink) override;

 private:
  // The target rows' plan and RETURNING, common to both statements.
  // verb: "update" or "delete from", for the message refusing a view.
  void PlanTarget(PgQuery__WithClause* with, PgQuery__RangeVar* relation, Node** from, size_t n_from, Node* where, const char* verb);
  void BindReturning(Node** list, size_t n);
  void Secure();
  void RunInstead(ResultSink* sink);

  Planner planner_;
  bool delete_ = false;
  const TableDef* t_ = nullptr;
  TargetRows tr_;
  OpP plan_;
  std::vector<std::pair<int, ExprP>> sets_;  // UPDATE: column, value (null: DEFAULT)
  bool returning_ = false;
  Returning ret_;
  ViewTarget view_;
  uint32_t target_user_ = 0;  // the role the target is written as (ViewTarget::TargetUser)
  InsteadTarget instead_;
  std::unique_ptr<TableWriter> writer_;
};

void ModifyPlan::PlanTarget(PgQuery__WithClause* with, PgQuery__RangeVar* relation, Node** from, size_t n_from, Node* where,
                            const char* verb) {
  if (with) planner_.PlanWith(with, nullptr);
  if (instead_.table) {
    t_ = instead_.table.get();
    plan_ = planner_.PlanViewTargetRows(instead_.view, relation, from, n_from, where, &tr_.scope);
    tr_.width = t_->columns.size();
    return;
  }
  t_ = TargetTable(planner_, relation, verb);
  const std::set<uint32_t> reads_before = planner_.binder().read_tables;
  view_.BindChecks(planner_, t_);
  planner_.binder().read_tables = reads_before;
  std::string alias = relation->alias ? relation->alias->aliasname : t_->name;
  target_user_ = view_.TargetUser(planner_.state(), delete_ ? privilege::kDelete : privilege::kUpdate);
  plan_ = planner_.PlanTargetRows(t_, alias, from, n_from, where, &tr_.scope, &tr_.where,
                                 delete_ ? policy_command::kDelete : policy_command::kUpdate, target_user_);
  tr_.width = t_->columns.size();
}

void ModifyPlan::BindReturning(Node** list, size_t n) {
  returning_ = n > 0;
  ret_ = BindReturningOver(planner_, t_, tr_.scope, list, n);
  if (!planner_.state()->describe_only && !instead_.table) {
    writer_ = std::make_unique<TableWriter>(&planner_, t_);
    view_.AddChecks(writer_.get());
  }
}

void ModifyPlan::PlanUpdate(PgQuery__UpdateStmt* stmt) {
  if (!instead_.Resolve(planner_, stmt->relation, TriggerDef::kUpdate))
    stmt = view_.Rewrite(planner_.state(), stmt, PG_QUERY__NODE__NODE_UPDATE_STMT, &PgQuery__Node::update_stmt);
  PlanTarget(stmt->with_clause, stmt->relation, stmt->from_clause, stmt->n_from_clause, stmt->where_clause, "update");
  // As in PostgreSQL, the new values are bound before the target columns are looked up.
  std::vector<ExprP> values;
  for (size_t i = 0; i < stmt->n_target_list; i++) {
    auto* rt = stmt->target_list[i]->res_target;
    if (rt->n_indirection && (rt->n_indirection > 1 || rt->indirection[0]->node_case != PG_QUERY__NODE__NODE_STRING) &&
        !AllSubscripts(rt))
      throw Error(sqlstate::kFeatureNotSupported, "UPDATE of array elements or nested fields is not supported yet");
    if (rt->val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF)
      throw Error(sqlstate::kFeatureNotSupported, "multiple-column UPDATE is not supported yet");
    planner_.binder().set_clause("UPDATE");
    values.push_back(rt->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT ? nullptr : planner_.binder().Bind(rt->val, tr_.scope));
    planner_.binder().set_clause("WHERE");
  }
  for (size_t i = 0; i < stmt->n_target_list; i++) {
    auto* rt = stmt->target_list[i]->res_target;
    int c = FindTargetColumn(t_, rt->name, rt->location);
    const ColumnDef& col = t_->columns[static_cast<size_t>(c)];
    auto earlier = std::find_if(sets_.begin(), sets_.end(), [&](const auto& s2) { return s2.first == c; });
    if (AllSubscripts(rt) && values[i]) {
      // SET doc['a'][0] = v on a jsonb column (several such assignments to one column compose)
      if (col.type.array || col.type.id != oid::kJsonb)
        throw Error(sqlstate::kFeatureNotSupported, "UPDATE of array elements is not supported yet");
      if (earlier != sets_.end() && !IsJsonbSubscriptAssign(*earlier->second))
        throw Error(sqlstate::kDuplicateColumn, "multiple assignments to same column \"" + std::string(rt->name) + "\"");
      std::vector<ExprP> subs = BindJsonbSubscripts(planner_.binder(), rt->indirection, rt->n_indirection,
                                                    [&](Node* x) { return planner_.binder().Bind(x, tr_.scope); });
      ExprP base = earlier != sets_.end() ? earlier->second : std::make_shared<ColumnExpr>(c, 0, col.type, col.name);
      ExprP value = planner_.binder().Coerce(values[i], col.type, CastContext::kAssignment, ExprLocation(rt->val), "column \"" + col.name + "\"");
      ExprP store = JsonbSubscriptAssign(base, std::move(subs), value);
      if (earlier != sets_.end()) earlier->second = store;
      else sets_.emplace_back(c, store);
      continue;
    }
    if (rt->n_indirection && values[i]) {
      // SET col.field = v: the row with that field replaced (several fields of one column compose)
      if (earlier != sets_.end() && !dynamic_cast<FieldStoreExpr*>(earlier->second.get()))
        throw Error(sqlstate::kDuplicateColumn, "multiple assignments to same column \"" + std::string(rt->name) + "\"");
      std::string field = StrVal(rt->indirection[0]);
      if (!col.type.IsRow() || col.type.array || !col.type.record)
        ThrowAt(sqlstate::kDatatypeMismatch, "cannot assign to field \"" + field + "\" of column \"" + col.name + "\" because its type " +
                                                 TypeName(col.type) + " is not a composite type", rt->location);
      int f = col.type.record->FieldIndex(field);
      if (f < 0)
        ThrowAt(sqlstate::kUndefinedColumn, "cannot assign to field \"" + field + "\" of column \"" + col.name +
                                                "\" because there is no such column in data type " + TypeName(col.type), rt->location);
      ExprP base = earlier != sets_.end() ? earlier->second : std::make_shared<ColumnExpr>(c, 0, col.type, col.name);
      ExprP value = planner_.binder().Coerce(values[i], col.type.record->types[static_cast<size_t>(f)], CastContext::kAssignment,
                                             ExprLocation(rt->val), "column \"" + col.name + "\"");
      ExprP store = std::make_shared<FieldStoreExpr>(base, static_cast<size_t>(f), value);
      if (earlier != sets_.end()) earlier->second = store;
      else sets_.emplace_back(c, store);
      continue;
    }
    if (earlier != sets_.end()) throw Error(sqlstate::kDuplicateColumn, "multiple assignments to same column \"" + std::string(rt->name) + "\"");
    if (!values[i]) {
      sets_.emplace_back(c, nullptr);
      continue;
    }
    if (col.generated) ThrowGeneratedUpdate(col);
    if (col.identity == 'a')
      throw Error(sqlstate::kGeneratedAlways, "column \"" + col.name + "\" can only be updated to DEFAULT")
          .WithDetail("Column \"" + col.name + "\" is an identity column defined as GENERATED ALWAYS.");
    sets_.emplace_back(c, planner_.binder().Coerce(values[i], col.type, CastContext::kAssignment, ExprLocation(rt->val), "column \"" + col.name + "\""));
  }
  BindReturning(stmt->returning_list, stmt->n_returning_list);
  Secure();
}

void ModifyPlan::PlanDelete(PgQuery__DeleteStmt* stmt) {
  if (!instead_.Resolve(planner_, stmt->relation, TriggerDef::kDelete))
    stmt = view_.Rewrite(planner_.state(), stmt, PG_QUERY__NODE__NODE_DELETE_STMT, &PgQuery__Node::delete_stmt);
  delete_ = true;
  PlanTarget(stmt->with_clause, stmt->relation, stmt->using_clause, stmt->n_using_clause, stmt->where_clause, "delete from");
  BindReturning(stmt->returning_list, stmt->n_returning_list);
  Secure();
}

// The privileges the statement needs (PostgreSQL's: the command's, and SELECT when it reads
// the target's columns) and its row-level security: the rows it reads must also be visible
// under the SELECT policies, and updated rows must pass the UPDATE policies' checks.
void ModifyPlan::Secure() {
  ExecState* st = planner_.state();
  const uint32_t command = delete_ ? privilege::kDelete : privilege::kUpdate;
  if (instead_.table) {
    RequireRelationPrivileges(st, instead_.view->oid, command, target_user_);
    return;
  }
  const bool reads = returning_ || planner_.binder().read_tables.count(t_->oid) > 0;
  if (reads) view_.TargetUser(st, privilege::kSelect);
  RequireRelationPrivileges(st, t_->oid, command | (reads ? privilege::kSelect : 0), target_user_);
  if (!RowSecurityApplies(st, *t_, target_user_)) return;
  if (reads) {
    Scope own;
    own.Add(planner_.TableScopeRel(t_, t_->name));
    std::vector<ExprP> visible = PolicyUsingConditions(planner_, *t_, policy_command::kSelect, own, target_user_);
    ExprP cond = visible.size() == 1 ? visible[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, visible);
    plan_ = std::make_shared<FilterOp>(plan_, cond);
    tr_.where = tr_.where ? std::make_shared<BoolExpr>(BoolExpr::kAnd, std::vector<ExprP>{cond, tr_.where}) : cond;
  }
  if (delete_ || !writer_) return;
  std::vector<PolicyCheck> checks = PolicyWithChecks(planner_, *t_, policy_command::kUpdate, target_user_);
  if (reads)
    for (auto& c : PolicyUsingChecks(planner_, *t_, policy_command::kSelect, false, target_user_)) checks.push_back(std::move(c));
  writer_->SetPolicyChecks({}, std::move(checks));
}

void ModifyPlan::Run(ResultSink* sink) {
  ExecState* st = planner_.state();
  if (returning_) sink->Columns(ret_.columns);
  if (st->describe_only) return;
  if (instead_.table) return RunInstead(sink);
  TableWriter& writer = *writer_;
  writer.CheckPartitionsCurrent();
  TriggerRunner* triggers = writer.triggers();
  int16_t event = delete_ ? TriggerDef::kDelete : TriggerDef::kUpdate;
  if (triggers) triggers->BeforeStatement(event);
  int64_t count;
  int64_t skipped = 0;  // rows a BEFORE trigger kept from being written
  if (delete_) {
    count = ForEachTargetRow(planner_, t_, tr_, plan_.get(), st, writer, RowLockStrength::kUpdate,
                             [&](const Row& joined, const Row& latest, const Row& row, EvalContext&) {
      const std::string& key = joined[tr_.width].s();
      TriggerRunner* row_triggers = writer.WriterForKey(key).triggers();  // the partition's, when partitioned
      if (row_triggers && !row_triggers->BeforeRow(TriggerDef::kDelete, &latest, nullptr)) {
        skipped++;
        return;
      }
      writer.Delete(key, latest);
      if (row_triggers) row_triggers->AfterRow(TriggerDef::kDelete, &latest, nullptr);
      if (triggers && triggers != row_triggers) triggers->Capture(TriggerDef::kDelete, &latest, nullptr);  // a partition's row
      if (returning_) EmitReturning(ret_, row, st, sink);
    });
  } else {
    std::vector<int> set_columns;
    for (auto& [c, e] : sets_) set_columns.push_back(c);
    if (triggers) triggers->SetUpdatedColumns(set_columns);
    count = ForEachTargetRow(planner_, t_, tr_, plan_.get(), st, writer, writer.access().UpdateLockFor(set_columns),
                             [&](const Row& joined, const Row& latest, const Row&, EvalContext& ctx) {
      Row updated = latest;
      std::string new_key;
      for (auto& [c, e] : sets_) updated[static_cast<size_t>(c)] = e ? e->Eval(ctx) : writer.DefaultFor(static_cast<size_t>(c));
      writer.ComputeGenerated(&updated);  // RETURNING sees the values
      const std::string& key = joined[tr_.width].s();
      TriggerRunner* row_triggers = writer.WriterForKey(key).triggers();  // the partition's, when partitioned
      if (row_triggers) {
        if (row_triggers != triggers) row_triggers->SetUpdatedColumns(set_columns);
        std::optional<Row> changed = row_triggers->BeforeRow(TriggerDef::kUpdate, &latest, &updated);
        if (!changed) {
          skipped++;
          return;
        }
        updated = std::move(*changed);
        writer.ComputeGenerated(&updated);
      }
      if (!writer.StaysInPartition(key, updated)) {
        // The row moves to another partition: as PostgreSQL, a delete from its partition and an
        // insert into the one routing gives, each with its row triggers (a BEFORE DELETE
        // trigger returning NULL skips the row; a BEFORE INSERT one returning NULL drops it).
        if (row_triggers && !row_triggers->BeforeRow(TriggerDef::kDelete, &latest, nullptr)) {
          skipped++;
          return;
        }
        TriggerRunner* insert_triggers = writer.WriterForRow(updated).triggers();
        if (insert_triggers) {
          std::optional<Row> inserted = insert_triggers->BeforeRow(TriggerDef::kInsert, nullptr, &updated);
          if (!inserted) {
            writer.Delete(key, latest);
            if (row_triggers) row_triggers->AfterRow(TriggerDef::kDelete, &latest, nullptr);
            skipped++;  // not counted, as PostgreSQL
            return;
          }
          updated = std::move(*inserted);
          writer.ComputeGenerated(&updated);
        }
        new_key = writer.Update(key, latest, updated);
        if (row_triggers) row_triggers->AfterRow(TriggerDef::kDelete, &latest, nullptr);
        if (insert_triggers) insert_triggers->AfterRow(TriggerDef::kInsert, nullptr, &updated);
      } else {
        new_key = writer.Update(key, latest, updated);
        if (row_triggers) row_triggers->AfterRow(TriggerDef::kUpdate, &latest, &updated);
      }
      if (triggers && triggers != row_triggers) triggers->Capture(TriggerDef::kUpdate, &latest, &updated);  // a partition's row
      if (!returning_) return;
      Row returned = WithTarget(joined, updated);
      // A partitioned target's rows carry their partition after the key: where the row is now.
      if (t_->partition_key) returned[tr_.width + 1] = Value::Int(RelationOfKey(new_key));
      EmitReturning(ret_, returned, st, sink);
    });
  }
  count -= skipped;
  tr_.rows.clear();
  writer.FirePartitionsAfterRowTriggers();
  if (triggers) triggers->AfterStatement(event);
  sink->Complete((delete_ ? "DELETE " : "UPDATE ") + std::to_string(count));
}

// The view's INSTEAD OF UPDATE / DELETE triggers take each row its query yields under WHERE:
// OLD is the view's row, NEW (UPDATE) that row with the SET values. There is no row to lock;
// as in PostgreSQL, each joined row goes to the trigger.
void ModifyPlan::RunInstead(ResultSink* sink) {
  ExecState* st = planner_.state();
  TriggerRunner& triggers = instead_.Runner(&planner_);
  int16_t event = delete_ ? TriggerDef::kDelete : TriggerDef::kUpdate;
  triggers.BeforeStatement(event);
  EvalContext scan_ctx;
  scan_ctx.state = st;
  planner_.RunDataModifyingCtes(&scan_ctx);
  std::vector<Row> rows = RunToVector(plan_.get(), &scan_ctx);
  int64_t count = 0;
  for (const Row& joined : rows) {
    if ((count & 1023) == 1023) CheckInterrupts(st);
    Row old_row(joined.begin(), joined.begin() + static_cast<long>(tr_.width));
    std::optional<Row> written;
    if (delete_) {
      written = triggers.InsteadRow(TriggerDef::kDelete, &old_row, nullptr);
    } else {
      EvalContext ctx;
      ctx.state = st;
      ctx.row = &joined;
      Row new_row = old_row;
      for (auto& [c, e] : sets_) new_row[static_cast<size_t>(c)] = e ? e->Eval(ctx) : Value::Null();
      written = triggers.InsteadRow(TriggerDef::kUpdate, &old_row, &new_row);
    }
    if (!written) continue;
    if (returning_) EmitReturning(ret_, delete_ ? joined : WithTarget(joined, *written), st, sink);
    count++;
  }
  triggers.AfterStatement(event);
  sink->Complete((delete_ ? "DELETE " : "UPDATE ") + std::to_string(count));
}
}  // namespace

std::unique_ptr<StatementPlan> PlanModify(Node* stmt, ExecState* st, ParamTypes* params) {
  if (stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT) {
    auto plan = std::make_unique<InsertPlan>(st, params);
    plan->Plan(stmt->insert_stmt);
    return plan;
  }
  auto plan = std::make_unique<ModifyPlan>(st, params);
  if (stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT) plan->PlanUpdate(stmt->update_stmt);
  else plan->PlanDelete(stmt->delete_stmt);
  return plan;
}

void ExecuteUpdate(PgQuery__UpdateStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (IsSettingsViewUpdate(stmt, st)) return ExecuteSettingsUpdate(stmt, st, params, sink);
  ModifyPlan plan(st, params);
  plan.PlanUpdate(stmt);
  plan.Run(sink);
}

void ExecuteDelete(PgQuery__DeleteStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  ModifyPlan plan(st, params);
  plan.PlanDelete(stmt);
  plan.Run(sink);
}

}  // namespace tusk
