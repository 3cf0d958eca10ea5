#include "planner/planner.hpp"
#include "security/object_privileges.hpp"
#include "security/row_security.hpp"

#include <algorithm>

#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "common/strings.hpp"
#include "execution/append.hpp"
#include "execution/transition_tables.hpp"
#include "execution/function_scan.hpp"
#include "execution/window.hpp"
#include "parser/walk.hpp"
#include "partition/partition_ddl.hpp"
#include "planner/recursion_check.hpp"
#include "planner/row_locking.hpp"
#include "planner/deferred_plans.hpp"
#include "planner/partitionwise_aggregate.hpp"

namespace tusk {

namespace {
// Does a condition over these columns read only what a scan of rel's table returns, so that
// the scan can apply it? A partitioned table's tableoid is added above its partitions' scans.
bool ReadsOnlyScannedColumns(const ScopeRel& rel, const std::vector<int>& cols) {
  return std::all_of(cols.begin(), cols.end(), [&](int c) {
    return c >= rel.offset && c < rel.offset + static_cast<int>(rel.columns.size()) && c != rel.offset + rel.tableoid_column;
  });
}
}  // namespace

namespace {

// Prepends `width` NULL columns to its child's rows. A join nested as the right operand of
// another (`a LEFT JOIN (b JOIN c ON ...) ON ...`) has its conditions bound to positions in the
// whole FROM row, where b starts after a's columns: the nested join runs over rows padded to
// that layout, and its result is cut back to its own columns (see PlanJoin).
class PadOp : public Operator {
 public:
  PadOp(OpP child, int width) : child(std::move(child)), width(static_cast<size_t>(width)) {
    names.assign(this->width, "");
    types.assign(this->width, Type(oid::kInt4));
    names.insert(names.end(), this->child->names.begin(), this->child->names.end());
    types.insert(types.end(), this->child->types.begin(), this->child->types.end());
  }
  void Open(EvalContext* ctx) override { child->Open(ctx); }
  bool Next(Row* out) override {
    Row r;
    if (!child->Next(&r)) return false;
    out->assign(width, Value::Null());
    out->insert(out->end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
    return true;
  }
  void Explain(std::vector<std::string>* out, int depth) const override { child->Explain(out, depth); }
  OpP child;
  size_t width;
};

bool ContainsAggregate(Node* n) {
  bool found = false;
  auto visit = [&](Node* x) {
    if (found) return false;
    if (x->node_case == PG_QUERY__NODE__NODE_SUB_LINK) return false;
    if (x->node_case == PG_QUERY__NODE__NODE_GROUPING_FUNC) { found = true; return false; }
    if (x->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
      auto* f = x->func_call;
      std::string name = StrVal(f->funcname[f->n_funcname - 1]);
      if (IsAggregateName(name) && !f->over && (f->agg_star || f->n_args > 0 || f->agg_within_group)) { found = true; return false; }
    }
    return true;
  };
  if (!n) return false;
  if (!visit(n)) return found;
  WalkNodes(&n->base, visit);
  return found;
}

int CountFromRelations(Node** items, size_t n) {
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    Node* it = items[i];
    if (it->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
      Node* sides[2] = {it->join_expr->larg, it->join_expr->rarg};
      count += CountFromRelations(sides, 2);
    } else {
      count++;
    }
  }
  return count;
}

}  // namespace

// Points the planner at one query level's scan leaves and pending joins while that level is
// planned (subqueries plan their own levels inside it).
struct PlanLevel {
  PlanLevel(Planner* p, std::vector<std::shared_ptr<ScanLeaf>>* leaves, std::vector<std::shared_ptr<PendingJoin>>* joins)
      : p(p), saved_leaves(p->leaves_), saved_joins(p->pending_joins_) {
    p->leaves_ = leaves;
    p->pending_joins_ = joins;
  }
  ~PlanLevel() {
    p->leaves_ = saved_leaves;
    p->pending_joins_ = saved_joins;
  }
  Planner* p;
  std::vector<std::shared_ptr<ScanLeaf>>* saved_leaves;
  std::vector<std::shared_ptr<PendingJoin>>* saved_joins;
};

void SplitConjuncts(Node* n, std::vector<Node*>* out) {
  if (!n) return;
  if (n->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR && n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
    for (size_t i = 0; i < n->bool_expr->n_args; i++) SplitConjuncts(n->bool_expr->args[i], out);
    return;
  }
  out->push_back(n);
}

Planner::Planner(ExecState* st, ParamTypes* params) : st_(st), params_(params), binder_(st, params) {
  binder_.plan_subquery = [this](Node* sel, const Scope* scope, bool* correlated) {
    PlannedQuery q = PlanNested(sel, scope, 1, correlated);
    return q.root;
  };
}

// The table and column a result column reads as it is (what RowDescription reports, so that
// drivers can look the column up); {0, 0} for anything else.
static std::pair<uint32_t, int16_t> ColumnOrigin(const Scope& scope, const ExprP& e) {
  auto* c = dynamic_cast<const ColumnExpr*>(e.get());
  if (!c || c->level != 0) return {0, 0};
  for (const ScopeRel& r : scope.rels)
    if (r.table_oid && c->index >= r.offset && c->index < r.offset + static_cast<int>(r.columns.size()))
      return {r.table_oid, static_cast<int16_t>(c->index - r.offset + 1)};
  return {0, 0};
}

// The order SELECT * lists relations in: JOIN USING's merged columns come before the
// relations they were merged from, the outermost join's first.
static std::vector<size_t> StarOrder(const Scope& scope) {
  std::vector<size_t> order;
  for (size_t i = 0; i < scope.rels.size(); i++) {
    if (scope.rels[i].star_before != SIZE_MAX) continue;
    for (size_t m = scope.rels.size(); m-- > 0;)
      if (scope.rels[m].star_before == i) order.push_back(m);
    order.push_back(i);
  }
  return order;
}

OpP Planner::PlanJoin(PgQuery__JoinExpr* j, Scope* scope, std::vector<Node*>* where, bool nullable) {
  bool left_nullable = nullable || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
  bool right_nullable = nullable || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
  size_t left_rel_start = scope->rels.size();
  int base = scope->width;  // where this join's columns start in the FROM row
  OpP left = PlanFromItem(j->larg, scope, where, left_nullable, nullptr, nullptr);
  if (base > 0) left = std::make_shared<PadOp>(left, base);
  size_t right_rel_start = scope->rels.size();
  int left_width = scope->width;
  OpP right = PlanFromItem(j->rarg, scope, where, right_nullable, nullptr, nullptr);
  if (j->alias) throw Error(sqlstate::kFeatureNotSupported, "aliases on JOIN are not supported yet");
  // USING / NATURAL: equality on the named columns; the right copies are hidden.
  std::vector<std::string> using_cols;
  for (size_t i = 0; i < j->n_using_clause; i++) using_cols.push_back(StrVal(j->using_clause[i]));
  auto find_col = [&](size_t from, size_t to, const std::string& col, int* pos, Type* type) {
    int found = 0;
    for (size_t r = from; r < to; r++) {
      const ScopeRel& rel = scope->rels[r];
      for (size_t c = 0; c < rel.columns.size(); c++)
        if (rel.columns[c] == col && std::find(rel.using_hidden.begin(), rel.using_hidden.end(), col) == rel.using_hidden.end()) {
          *pos = rel.offset + static_cast<int>(c);
          *type = rel.types[c];
          found++;
        }
    }
    return found;
  };
  if (j->is_natural) {
    for (size_t r = left_rel_start; r < right_rel_start; r++)
      for (const auto& c : scope->rels[r].columns) {
        int p; Type t;
        if (!c.empty() && find_col(right_rel_start, scope->rels.size(), c, &p, &t) == 1 &&
            std::find(using_cols.begin(), using_cols.end(), c) == using_cols.end())
          using_cols.push_back(c);
      }
  }
  ExprP cond;
  std::vector<ExprP> conjuncts;
  // Each USING column becomes one merged output column: the left copy for INNER and LEFT
  // joins, the right copy for RIGHT, COALESCE of both for FULL (as PostgreSQL does).
  std::vector<ExprP> merged;
  for (const auto& col : using_cols) {
    int lp, rp;
    Type lt, rt;
    int ln = find_col(left_rel_start, right_rel_start, col, &lp, &lt);
    int rn = find_col(right_rel_start, scope->rels.size(), col, &rp, &rt);
    if (ln == 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + col + "\" specified in USING clause does not exist in left table");
    if (rn == 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + col + "\" specified in USING clause does not exist in right table");
    if (ln > 1 || rn > 1) throw Error(sqlstate::kAmbiguousColumn, "common column name \"" + col + "\" appears more than once in left table");
    ExprP l = std::make_shared<ColumnExpr>(lp, 0, lt, col);
    ExprP r = std::make_shared<ColumnExpr>(rp, 0, rt, col);
    conjuncts.push_back(binder_.MakeComparison("=", l, r, -1));
    for (size_t rr = left_rel_start; rr < scope->rels.size(); rr++) scope->rels[rr].using_hidden.push_back(col);
    Type t = binder_.CommonType({l, r}, "JOIN/USING", -1);
    l = binder_.Coerce(l, t, CastContext::kImplicit, -1);
    r = binder_.Coerce(r, t, CastContext::kImplicit, -1);
    switch (j->jointype) {
      case PG_QUERY__JOIN_TYPE__JOIN_RIGHT: merged.push_back(r); break;
      case PG_QUERY__JOIN_TYPE__JOIN_FULL: merged.push_back(std::make_shared<CoalesceExpr>(t, std::vector<ExprP>{l, r})); break;
      default: merged.push_back(l); break;
    }
  }
  // The merged columns are appended to the joined row by a projection and exposed as an
  // unnamed relation that SELECT * lists before the joined relations. The same projection
  // drops the padding of a nested join.
  auto finish = [&](OpP joined) -> OpP {
    if (merged.empty() && base == 0) return joined;
    std::vector<ExprP> proj;
    ScopeRel rel;
    rel.star_before = left_rel_start;
    for (size_t i = left_rel_start; i < scope->rels.size(); i++) {
      const ScopeRel& r = scope->rels[i];
      for (size_t c = 0; c < r.columns.size(); c++)
        proj.push_back(std::make_shared<ColumnExpr>(r.offset + static_cast<int>(c), 0, r.types[c], r.columns[c]));
    }
    for (size_t i = 0; i < merged.size(); i++) {
      proj.push_back(merged[i]);
      rel.columns.push_back(using_cols[i]);
      rel.types.push_back(merged[i]->type);
    }
    if (!merged.empty()) scope->Add(std::move(rel));
    auto op = std::make_shared<ProjectOp>(joined, proj);
    for (const auto& e : proj) {
      op->types.push_back(e->type);
      op->names.push_back("");
    }
    return op;
  };
  if (j->quals) {
    binder_.set_clause("JOIN conditions");
    ExprP q = binder_.CoerceToBool(binder_.Bind(j->quals, *scope), "JOIN/ON", ExprLocation(j->quals));
    binder_.set_clause("WHERE");
    auto* b = dynamic_cast<BoolExpr*>(q.get());
    if (b && b->op == BoolExpr::kAnd) conjuncts.insert(conjuncts.end(), b->args.begin(), b->args.end());
    else conjuncts.push_back(q);
  }
  NestedLoopJoinOp::Kind kind = NestedLoopJoinOp::kInner;
  switch (j->jointype) {
    case PG_QUERY__JOIN_TYPE__JOIN_LEFT: kind = NestedLoopJoinOp::kLeft; break;
    case PG_QUERY__JOIN_TYPE__JOIN_RIGHT: kind = NestedLoopJoinOp::kRight; break;
    case PG_QUERY__JOIN_TYPE__JOIN_FULL: kind = NestedLoopJoinOp::kFull; break;
    default: break;
  }
  (void)cond;
  if (lateral_ops_.count(right.get())) {
    if (scope->rels[left_rel_start].offset != 0)
      throw Error(sqlstate::kFeatureNotSupported, "JOIN LATERAL after other FROM items is not supported yet; list the LATERAL item with a comma");
    if (kind != NestedLoopJoinOp::kInner && kind != NestedLoopJoinOp::kLeft)
      throw Error(sqlstate::kInvalidColumnReference, "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
    ExprP c = conjuncts.empty() ? nullptr : conjuncts.size() == 1 ? conjuncts[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conjuncts);
    return finish(std::make_shared<LateralJoinOp>(left, right, c, kind == NestedLoopJoinOp::kLeft));
  }
  if (auto* fs = dynamic_cast<FunctionScanOp*>(right.get()); fs && fs->lateral) {
    if (kind == NestedLoopJoinOp::kLeft) {
      ExprP c = conjuncts.empty() ? nullptr : conjuncts.size() == 1 ? conjuncts[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conjuncts);
      return finish(std::make_shared<DependentJoinOp>(left, std::static_pointer_cast<FunctionScanOp>(right), c, true));
    }
    if (kind != NestedLoopJoinOp::kInner)
      throw Error(sqlstate::kInvalidColumnReference, "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
    OpP joined = std::make_shared<DependentJoinOp>(left, std::static_pointer_cast<FunctionScanOp>(right));
    if (!conjuncts.empty()) joined = std::make_shared<FilterOp>(joined, conjuncts.size() == 1 ? conjuncts[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conjuncts));
    return finish(joined);
  }
  if (auto pending = ParameterizableJoin(left, right, left_width, conjuncts, kind, *scope, left_rel_start, right_rel_start)) {
    pending_joins_->push_back(pending);
    return finish(pending->op);
  }
  return finish(JoinOn(left, right, left_width, conjuncts, kind));
}

// Splits join conjuncts into equality keys (left expression = right expression) and the rest.
static std::string SplitEquiKeys(const std::vector<ExprP>& conjuncts, int left_width, std::vector<ExprP>* lk,
                                 std::vector<ExprP>* rk, std::vector<ExprP>* rest) {
  std::string sql;
  for (const auto& c : conjuncts) {
    auto* call = dynamic_cast<CallExpr*>(c.get());
    bool used = false;
    if (call && call->name == "=" && call->args.size() == 2) {
      std::vector<int> a, b;
      bool oka = CollectColumns(call->args[0], &a), okb = CollectColumns(call->args[1], &b);
      auto side = [&](const std::vector<int>& cols) {
        if (cols.empty()) return 0;
        bool all_left = std::all_of(cols.begin(), cols.end(), [&](int x) { return x < left_width; });
        bool all_right = std::all_of(cols.begin(), cols.end(), [&](int x) { return x >= left_width; });
        return all_left ? 1 : all_right ? 2 : 0;
      };
      if (oka && okb) {
        int sa = side(a), sb = side(b);
        if (sa == 1 && sb == 2) { lk->push_back(call->args[0]); rk->push_back(call->args[1]); used = true; }
        else if (sa == 2 && sb == 1) { lk->push_back(call->args[1]); rk->push_back(call->args[0]); used = true; }
      }
      if (used) sql += (sql.empty() ? "" : " AND ") + c->ToSql();
    }
    if (!used) rest->push_back(c);
  }
  if (lk->size() > 1) sql = "(" + sql + ")";
  return sql;
}

OpP Planner::JoinOn(OpP left, OpP right, int left_width, std::vector<ExprP> conjuncts, NestedLoopJoinOp::Kind kind) {
  std::vector<ExprP> lk, rk, rest;
  std::string sql = SplitEquiKeys(conjuncts, left_width, &lk, &rk, &rest);
  if (kind == NestedLoopJoinOp::kFull) {
    // Like PostgreSQL (which runs FULL JOIN only as a merge or hash join), a FULL JOIN needs
    // at least one equality between the sides unless its condition is constant.
    for (const auto& c : lk.empty() ? rest : std::vector<ExprP>{}) {
      if (!dynamic_cast<ConstExpr*>(c.get()))
        throw Error(sqlstate::kFeatureNotSupported, "FULL JOIN is only supported with merge-joinable or hash-joinable join conditions");
    }
  }
  if ((kind == NestedLoopJoinOp::kInner || kind == NestedLoopJoinOp::kLeft) && !lk.empty()) {
    ExprP extra = rest.empty() ? nullptr : rest.size() == 1 ? rest[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, rest);
    return std::make_shared<HashJoinOp>(left, right, lk, rk, extra,
                                        kind == NestedLoopJoinOp::kLeft ? HashJoinOp::kLeft : HashJoinOp::kInner, sql);
  }
  ExprP cond;
  if (!conjuncts.empty()) cond = conjuncts.size() == 1 ? conjuncts[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conjuncts);
  return std::make_shared<NestedLoopJoinOp>(left, right, cond, kind);
}

PlannedQuery Planner::PlanNested(Node* sel, const Scope* outer, int depth, bool* correlated, int* reach) {
  int saved = binder_.outer_reach;
  binder_.outer_reach = 0;
  PlannedQuery q = PlanSelect(sel, outer);
  *correlated = binder_.outer_reach >= 1;  // reads a row from outside `outer`'s innermost level
  if (reach) *reach = binder_.outer_reach;
  // A reference past the nested query reaches one level less far from where it is nested.
  binder_.outer_reach = std::max(saved, binder_.outer_reach - depth);
  return q;
}

OpP Planner::PlanFromItem(Node* item, Scope* scope, std::vector<Node*>* where, bool nullable,
                          const std::vector<OrderHint>* order, bool* ordered) {
  switch (item->node_case) {
    case PG_QUERY__NODE__NODE_RANGE_VAR: {
      auto* rv = item->range_var;
      if (!rv->schemaname || !*rv->schemaname) {
        if (const CteDef* cte = FindCte(rv->relname)) {
          if (!cte->returns_rows)
            throw Error(sqlstate::kFeatureNotSupported, "WITH query \"" + cte->name + "\" does not have a RETURNING clause").WithPosition(rv->location + 1);
          if (locking_ && locking_->For(rv->alias ? rv->alias->aliasname : cte->name))
            throw Error(sqlstate::kFeatureNotSupported, locking_->Name() + " of a WITH query is not supported yet").WithPosition(rv->location + 1);
          ScopeRel rel;
          rel.alias = rv->alias ? rv->alias->aliasname : cte->name;
          rel.columns = cte->columns;
          if (rv->alias)
            for (size_t k = 0; k < rv->alias->n_colnames && k < rel.columns.size(); k++) rel.columns[k] = StrVal(rv->alias->colnames[k]);
          rel.types = cte->types;
          for (const auto& r : scope->rels)
            if (r.alias == rel.alias)
              throw Error(sqlstate::kDuplicateAlias, "table name \"" + rel.alias + "\" specified more than once");
          OpP op;
          if (cte->working) {
            op = std::make_shared<WorkTableScanOp>(cte->name, cte->working);
            reads_working_table_ = true;
          }
          else {
            auto scan = std::make_shared<CteScanOp>(cte->name, rv->alias ? rv->alias->aliasname : "", cte->producer, cte->buffer);
            cte->buffer->readers++;
            scan->correlated = cte->correlated;
            // A CTE that changes with each round of a recursive term makes its readers change too.
            if (cte->reads_working_table) reads_working_table_ = true;
            // The reference's outer rows start with those of the subqueries between it and
            // the query the WITH belongs to.
            for (const Scope* s = scope->parent; s && s != cte->outer; s = s->parent) scan->nested++;
            // Reading a correlated CTE reads the outer row it depends on: a subquery holding
            // this reference is correlated too (and never cached).
            if (cte->correlated) binder_.outer_reach = std::max(binder_.outer_reach, static_cast<int>(scan->nested) + cte->reach);
            op = scan;
          }
          op->names = rel.columns;
          op->types = rel.types;
          scope->Add(rel);
          return op;
        }
        if (const TransitionTable* tt = st_->transitions ? st_->transitions->Find(rv->relname) : nullptr) {
          ScopeRel rel;
          rel.alias = rv->alias ? rv->alias->aliasname : tt->name;
          rel.columns = tt->columns;
          if (rv->alias)
            for (size_t k = 0; k < rv->alias->n_colnames && k < rel.columns.size(); k++) rel.columns[k] = StrVal(rv->alias->colnames[k]);
          rel.types = tt->types;
          auto op = std::make_shared<TransitionScanOp>(tt->name, rv->alias ? rv->alias->aliasname : "");
          op->names = rel.columns;
          op->types = rel.types;
          scope->Add(rel);
          return op;
        }
      }
      if (rv->schemaname) RequireSchemaUsage(st_, rv->schemaname, rv->location);
      if (const SystemRelation* sys = ResolveSystem(rv)) {
        if (capture_) capture_->relations[rv] = {sys->schema, sys->oid, false};
        return sys->definition.empty() ? PlanSystemScan(sys, rv, scope) : PlanSystemView(sys, rv, scope);
      }
      if (auto seq = SequenceRelation(rv)) {
        if (capture_) capture_->relations[rv] = {seq->schema, seq->oid, true};
        return PlanSystemScan(seq.get(), rv, scope, seq);
      }
      if (const ViewDef* v = ResolveView(rv)) {
        if (capture_) capture_->relations[rv] = {v->schema, v->oid, true};
        return PlanView(v, rv, scope);
      }
      std::string alias = rv->alias ? rv->alias->aliasname : "";
      const TableDef* t = ResolveTable(rv, locking_ && locking_->For(alias.empty() ? rv->relname : alias)
                                               ? TableLockMode::kRowShare : TableLockMode::kAccessShare);
      if (capture_) capture_->relations[rv] = {t->schema, t->oid, true};
      ScopeRel rel = TableScopeRel(t, alias);
      if (rv->alias && rv->alias->n_colnames) {
        size_t k = 0;
        for (auto& c : rel.columns) {
          if (c.empty()) continue;
          if (k < rv->alias->n_colnames) c = StrVal(rv->alias->colnames[k++]);
        }
      }
      for (const auto& r : scope->rels)
        if (r.alias == rel.alias)
          throw Error(sqlstate::kDuplicateAlias, "table name \"" + rel.alias + "\" specified more than once");
      auto leaf = std::make_shared<ScanLeaf>();
      leaf->table = t;
      leaf->alias = alias;
      leaf->rel_index = scope->rels.size();
      leaf->nullable = nullable;
      leaf->op = std::make_shared<DeferredOp>();
      leaf->order = order;
      leaf->ordered = ordered;
      for (const auto& c : t->columns) { leaf->op->names.push_back(c.dropped ? "" : c.name); leaf->op->types.push_back(c.type); }
      {
        // Row-level security: the policies' conditions come first among the scan's own.
        Scope own;
        own.Add(TableScopeRel(t, alias));
        leaf->conds = PolicyUsingConditions(*this, *t, policy_command::kSelect, own, check_as_user_);
      }
      if (locking_) {
        if (const RowLocking::Clause* clause = locking_->For(rel.alias)) {
          if (nullable)
            throw Error(sqlstate::kFeatureNotSupported, locking_->Name() + " cannot be applied to the nullable side of an outer join");
          // The row key rides along as a nameless column, invisible to * and to names.
          LockedRelation lr;
          lr.table = t;
          lr.offset = scope->width;
          lr.key_index = scope->width + static_cast<int>(rel.columns.size());
          lr.strength = clause->strength;
          lr.wait = clause->wait;
          locking_->rels.push_back(lr);
          rel.columns.push_back("");
          rel.types.push_back(Type(oid::kBytea));
          leaf->op->names.push_back("");
          leaf->op->types.push_back(Type(oid::kBytea));
          leaf->emit_key = true;
        }
      }
      if (t->partition_key) {
        // tableoid: each row's partition, a nameless column after the row (and its lock key).
        rel.tableoid_column = static_cast<int>(rel.columns.size());
        rel.columns.push_back("");
        rel.types.push_back(Type(oid::kOid));
        leaf->op->names.push_back("");
        leaf->op->types.push_back(Type(oid::kOid));
      }
      scope->Add(rel);
      leaves_->push_back(leaf);
      return leaf->op;
    }
    case PG_QUERY__NODE__NODE_JOIN_EXPR:
      return PlanJoin(item->join_expr, scope, where, nullable);
    case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
      auto* rs = item->range_subselect;
      if (!rs->alias) throw Error(sqlstate::kSyntaxError, "subquery in FROM must have an alias")
                          .WithHint("For example, FROM (SELECT ...) [AS] foo.");
      // A LATERAL subquery sees the FROM items before it as its enclosing row.
      bool correlated;
      PlannedQuery q = PlanNested(rs->subquery, rs->lateral ? scope : scope->parent, rs->lateral ? 1 : 0, &correlated);
      if (rs->lateral) lateral_ops_.insert(q.root.get());
      if (rs->alias->n_colnames > q.columns.size())
        throw Error(sqlstate::kInvalidColumnReference, "table \"" + std::string(rs->alias->aliasname) + "\" has " + std::to_string(q.columns.size()) +
                                                           " columns available but " + std::to_string(rs->alias->n_colnames) + " columns specified");
      ScopeRel rel;
      rel.alias = rs->alias->aliasname;
      for (size_t i = 0; i < q.columns.size(); i++) {
        std::string name = i < rs->alias->n_colnames ? StrVal(rs->alias->colnames[i]) : q.columns[i].name;
        rel.columns.push_back(name);
        rel.types.push_back(q.columns[i].type);
      }
      scope->Add(rel);
      return q.root;
    }
    case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
      return PlanRangeFunction(item->range_function, scope);
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this FROM item is not supported yet");
  }
}

PlannedQuery Planner::PlanValues(PgQuery__SelectStmt* s, const Scope* outer) {
  Scope empty;
  empty.parent = outer;
  auto op = std::make_shared<ValuesOp>();
  size_t width = 0;
  for (size_t i = 0; i < s->n_values_lists; i++) {
    auto* list = s->values_lists[i]->list;
    if (i == 0) width = list->n_items;
    else if (list->n_items != width)
      ThrowAt(sqlstate::kSyntaxError, "VALUES lists must all be the same length", list->n_items ? ExprLocation(list->items[0]) : -1);
    std::vector<ExprP> row;
    binder_.set_clause("VALUES");
    for (size_t k = 0; k < list->n_items; k++) row.push_back(binder_.Bind(list->items[k], empty));
    binder_.set_clause("WHERE");
    op->rows.push_back(std::move(row));
  }
  PlannedQuery q;
  for (size_t c = 0; c < width; c++) {
    std::vector<ExprP> col;
    for (auto& r : op->rows) col.push_back(r[c]);
    Type t = binder_.CommonType(col, "VALUES", -1);
    for (auto& r : op->rows) r[c] = binder_.Coerce(r[c], t, CastContext::kImplicit, -1);
    op->names.push_back("column" + std::to_string(c + 1));
    op->types.push_back(t);
    q.columns.push_back({"column" + std::to_string(c + 1), t});
  }
  q.root = op;
  return FinishOverOutput(s, q);
}

PlannedQuery Planner::PlanSetOp(PgQuery__SelectStmt* s, const Scope* outer) {
  Node lnode = PG_QUERY__NODE__INIT, rnode = PG_QUERY__NODE__INIT;
  lnode.node_case = rnode.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
  lnode.select_stmt = s->larg;
  rnode.select_stmt = s->rarg;
  // Untyped literals stay unresolved in the branches and take the other branch's type.
  keep_unknown_targets_ = true;
  PlannedQuery l = PlanSelect(&lnode, outer);
  keep_unknown_targets_ = true;
  PlannedQuery r = PlanSelect(&rnode, outer);
  const char* opname = s->op == PG_QUERY__SET_OPERATION__SETOP_UNION ? "UNION" : s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
  auto right_location = [&](size_t k) {
    auto* rs = s->rarg;
    while (rs && rs->op != PG_QUERY__SET_OPERATION__SETOP_NONE) rs = rs->larg;
    if (!rs || k >= rs->n_target_list) return -1;
    return ExprLocation(rs->target_list[k]->res_target->val);
  };
  if (l.columns.size() != r.columns.size())
    ThrowAt(sqlstate::kSyntaxError, std::string("each ") + opname + " query must have the same number of columns", right_location(0));
  std::vector<ExprP> lcast, rcast;
  PlannedQuery q;
  for (size_t i = 0; i < l.columns.size(); i++) {
    ExprP le = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, l.columns[i].type, l.columns[i].name);
    ExprP re = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, r.columns[i].type, r.columns[i].name);
    Type t = binder_.CommonType({le, re}, opname, right_location(i));
    lcast.push_back(binder_.Coerce(le, t, CastContext::kImplicit, -1));
    rcast.push_back(binder_.Coerce(re, t, CastContext::kImplicit, -1));
    q.columns.push_back({l.columns[i].name, t});
  }
  auto lp = std::make_shared<ProjectOp>(l.root, lcast);
  auto rp = std::make_shared<ProjectOp>(r.root, rcast);
  for (auto& c : q.columns) { lp->names.push_back(c.name); lp->types.push_back(c.type); rp->names.push_back(c.name); rp->types.push_back(c.type); }
  SetOpOp::Kind kind = s->op == PG_QUERY__SET_OPERATION__SETOP_UNION ? SetOpOp::kUnion : s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? SetOpOp::kIntersect : SetOpOp::kExcept;
  q.root = std::make_shared<SetOpOp>(lp, rp, kind, s->all);
  return FinishOverOutput(s, q);
}

PlannedQuery Planner::FinishOverOutput(PgQuery__SelectStmt* s, PlannedQuery q) {
  Scope out;
  ScopeRel rel;
  for (auto& c : q.columns) { rel.columns.push_back(c.name); rel.types.push_back(c.type); }
  out.Add(rel);
  if (s->n_sort_clause) {
    std::vector<SortKey> keys;
    for (size_t i = 0; i < s->n_sort_clause; i++) {
      auto* sb = s->sort_clause[i]->sort_by;
      SortKey k;
      Node* n = sb->node;
      if (n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
        int64_t pos = n->a_const->ival->ival;
        if (pos < 1 || pos > static_cast<int64_t>(q.columns.size()))
          ThrowAt(sqlstate::kInvalidColumnReference, "ORDER BY position " + std::to_string(pos) + " is not in select list", n->a_const->location);
        k.expr = std::make_shared<ColumnExpr>(static_cast<int>(pos - 1), 0, q.columns[static_cast<size_t>(pos - 1)].type, q.columns[static_cast<size_t>(pos - 1)].name);
      } else {
        k.expr = binder_.Bind(n, out);
      }
      k.desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
      k.nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST || (sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && k.desc);
      keys.push_back(k);
    }
    q.root = std::make_shared<SortOp>(q.root, keys);
  }
  if (s->limit_count || s->limit_offset) {
    Scope empty;
    ExprP lim = s->limit_count ? binder_.Coerce(binder_.Bind(s->limit_count, empty), Type(oid::kInt8), CastContext::kImplicit, -1) : nullptr;
    ExprP off = s->limit_offset ? binder_.Coerce(binder_.Bind(s->limit_offset, empty), Type(oid::kInt8), CastContext::kImplicit, -1) : nullptr;
    q.root = std::make_shared<LimitOp>(q.root, lim, off);
  }
  return q;
}

PlannedQuery Planner::PlanSelect(Node* node, const Scope* outer) {
  CheckStackDepth();
  if (node->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
    throw Error(sqlstate::kFeatureNotSupported, "this statement is not supported here yet");
  auto* s = node->select_stmt;
  size_t cte_depth = ctes_.size();
  struct PopCtes { Planner* p; size_t depth; ~PopCtes() { p->ctes_.resize(depth); } } pop_ctes{this, cte_depth};
  if (s->with_clause) PlanWith(s->with_clause, outer);
  if (s->into_clause) throw Error(sqlstate::kFeatureNotSupported, "SELECT INTO is not supported yet");
  // FOR UPDATE / SHARE applies to this level's FROM only, not to subqueries planned below.
  RowLocking locking = RowLocking::FromSelect(s);
  RowLocking* saved_locking = locking_;
  locking_ = s->n_locking_clause ? &locking : nullptr;
  struct RestoreLocking { Planner* p; RowLocking* l; ~RestoreLocking() { p->locking_ = l; } } restore_locking{this, saved_locking};
  if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
    if (locking_) throw Error(sqlstate::kFeatureNotSupported, locking.Name() + " is not allowed with UNION/INTERSECT/EXCEPT");
    return PlanSetOp(s, outer);
  }
  if (s->n_values_lists) return PlanValues(s, outer);
  if (locking_)
    for (size_t i = 0; i < s->n_from_clause; i++) {
      Node* item = s->from_clause[i];
      // A subquery of VALUES has no rows to lock.
      bool subquery = item->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT &&
                      !(item->range_subselect->subquery->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
                        item->range_subselect->subquery->select_stmt->n_values_lists);
      if (subquery && locking.LocksEverything())
        throw Error(sqlstate::kFeatureNotSupported, locking.Name() + " over a subquery in FROM is not supported yet");
    }

  std::vector<std::shared_ptr<ScanLeaf>> leaves;
  std::vector<std::shared_ptr<PendingJoin>> pending_joins;
  PlanLevel level(this, &leaves, &pending_joins);

  Scope scope;
  scope.parent = outer;
  scope.qualify_names = CountFromRelations(s->from_clause, s->n_from_clause) > 1;
  std::vector<Node*> where;
  SplitConjuncts(s->where_clause, &where);

  bool windowed = false;
  auto has_window = [](Node* n) {
    bool found = false;
    auto visit = [&](Node* x) {
      if (found || x->node_case == PG_QUERY__NODE__NODE_SUB_LINK) return false;
      if (x->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && x->func_call->over) { found = true; return false; }
      return true;
    };
    if (n && visit(n)) WalkNodes(&n->base, visit);
    return found;
  };
  for (size_t i = 0; i < s->n_target_list; i++) windowed |= has_window(s->target_list[i]);
  for (size_t i = 0; i < s->n_sort_clause; i++) windowed |= has_window(s->sort_clause[i]);
  bool grouped = s->n_group_clause > 0 || s->having_clause != nullptr;
  for (size_t i = 0; i < s->n_target_list && !grouped; i++) grouped = ContainsAggregate(s->target_list[i]);
  for (size_t i = 0; i < s->n_sort_clause && !grouped; i++) grouped = ContainsAggregate(s->sort_clause[i]);

  // ORDER BY on plain columns of a single table may come from an index.
  std::vector<OrderHint> hints;
  bool index_ordered = false;
  bool single_table = s->n_from_clause == 1 && s->from_clause[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
                      !((!s->from_clause[0]->range_var->schemaname || !*s->from_clause[0]->range_var->schemaname) &&
                        FindCte(s->from_clause[0]->range_var->relname)) &&
                      !ResolveSystem(s->from_clause[0]->range_var) && !SequenceRelation(s->from_clause[0]->range_var) &&
                      !ResolveView(s->from_clause[0]->range_var);
  bool keep_unknown = keep_unknown_targets_;
  keep_unknown_targets_ = false;
  if (single_table && !grouped && !windowed && !s->n_distinct_clause && s->n_sort_clause) {
    const TableDef* t = ResolveTable(s->from_clause[0]->range_var);
    for (size_t i = 0; i < s->n_sort_clause; i++) {
      auto* sb = s->sort_clause[i]->sort_by;
      int col = -1;
      if (sb->node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
        auto* cr = sb->node->column_ref;
        Node* last = cr->fields[cr->n_fields - 1];
        if (last->node_case == PG_QUERY__NODE__NODE_STRING) col = t->FindColumn(last->string->sval);
        // An output column of the same name takes precedence (an alias, or the name of an
        // expression such as m::text): only the bare column itself keeps the index order.
        for (size_t k = 0; k < s->n_target_list && col >= 0; k++) {
          auto* rt = s->target_list[k]->res_target;
          if (!rt->val || rt->val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
            if (rt->name && std::string(rt->name) == StrVal(last)) col = -1;
            continue;
          }
          std::string output = rt->name && *rt->name ? rt->name : FigureColname(rt->val);
          if (output == StrVal(last)) col = -1;
        }
      }
      if (col < 0 || sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING) { hints.clear(); break; }
      OrderHint h;
      h.column = col;
      h.desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
      h.nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST || (sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && h.desc);
      hints.push_back(h);
    }
  }

  OpP input;
  std::vector<OpP> from_items;
  std::vector<int> from_ends;  // scope width after each FROM item
  if (s->n_from_clause == 0) {
    input = std::make_shared<ResultOp>();
  } else {
    for (size_t i = 0; i < s->n_from_clause; i++) {
      size_t locked_before = locking_ ? locking_->rels.size() : 0;
      from_items.push_back(PlanFromItem(s->from_clause[i], &scope, &where, false, hints.empty() ? nullptr : &hints, &index_ordered));
      from_ends.push_back(scope.width);
      // Rows of a JOIN ... ON would need their join condition re-checked too.
      if (locking_ && locking_->rels.size() > locked_before && s->from_clause[i]->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR)
        throw Error(sqlstate::kFeatureNotSupported, locking_->Name() + " of tables inside JOIN ... ON is not supported yet; list the tables in FROM and join them in WHERE");
    }
  }

  // PostgreSQL's EXPLAIN qualifies names when its plan has several relations: a partitioned
  // table's partitions count (those pruning keeps; here, any it has).
  for (const ScopeRel& r : scope.rels)
    if (const TableDef* t = r.table_oid ? st_->catalog->FindTable(r.table_oid) : nullptr; t && t->partition_key)
      scope.qualify_names |= !PartitionsOf(*st_->catalog, t->oid).empty();
  if (locking_) {
    locking_->CheckAllNamesFound();
    locking_->CheckQueryShape(s, grouped, windowed, false);
  }
  // PostgreSQL analyses the select list before WHERE and GROUP BY, so a name missing there is
  // the error it reports first: resolve the list's column names now (bound again below).
  for (size_t i = 0; i < s->n_target_list; i++) {
    Node* v = s->target_list[i]->res_target->val;
    auto resolve = [&](Node* x) {
      if (x->node_case == PG_QUERY__NODE__NODE_SUB_LINK) return false;
      if (x->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
        auto* cr = x->column_ref;
        if (cr->fields[cr->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_A_STAR) binder_.Bind(x, scope);
        return false;
      }
      return true;
    };
    if (v && resolve(v)) WalkNodes(&v->base, resolve);
  }
  // WHERE: push conjuncts that read one base table into its scan.
  std::vector<ExprP> residual;
  std::vector<ExprP> all_quals;  // every WHERE conjunct over the FROM row, for FOR UPDATE's re-check
  binder_.set_clause("WHERE");
  for (Node* w : where) {
    ExprP e = binder_.CoerceToBool(binder_.Bind(w, scope), "WHERE", ExprLocation(w));
    all_quals.push_back(e);
    std::vector<int> cols;
    bool pushed = false;
    if (CollectColumns(e, &cols) && !cols.empty()) {
      for (auto& leaf : leaves) {
        const ScopeRel& rel = scope.rels[leaf->rel_index];
        bool inside = ReadsOnlyScannedColumns(rel, cols);
        if (!inside || leaf->nullable) continue;
        Scope own;
        own.parent = outer;
        own.qualify_names = false;  // a scan's own conditions print unqualified, as PostgreSQL's
        own.Add(rel);
        leaf->conds.push_back(binder_.CoerceToBool(binder_.Bind(w, own), "WHERE", ExprLocation(w)));
        pushed = true;
        break;
      }
    }
    if (!pushed) residual.push_back(e);
  }
  ResolveJoins();
  for (auto& leaf : leaves)
    leaf->op->child = PlanLeafScan(*leaf, leaf->order ? *leaf->order : std::vector<OrderHint>{}, leaf->ordered);
  // FROM a, b, c: join left to right, each step taking the WHERE conditions it can evaluate.
  if (!from_items.empty()) {
    input = from_items[0];
    for (size_t i = 1; i < from_items.size(); i++) {
      std::vector<ExprP> conds, keep;
      for (auto& e : residual) {
        std::vector<int> cols;
        bool ok = CollectColumns(e, &cols);
        bool fits = ok && std::all_of(cols.begin(), cols.end(), [&](int c) { return c < from_ends[i]; });
        (fits ? conds : keep).push_back(e);
      }
      residual = keep;
      auto* fs = dynamic_cast<FunctionScanOp*>(from_items[i].get());
      if (lateral_ops_.count(from_items[i].get())) {
        ExprP cond = conds.empty() ? nullptr : conds.size() == 1 ? conds[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conds);
        input = std::make_shared<LateralJoinOp>(input, from_items[i], cond, false);
      } else if (fs && fs->lateral) {
        input = std::make_shared<DependentJoinOp>(input, std::static_pointer_cast<FunctionScanOp>(from_items[i]));
        if (!conds.empty()) input = std::make_shared<FilterOp>(input, conds.size() == 1 ? conds[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, conds));
      } else {
        input = JoinOn(input, from_items[i], from_ends[i - 1], conds, NestedLoopJoinOp::kInner);
      }
    }
  }
  if (!residual.empty())
    input = std::make_shared<FilterOp>(input, residual.size() == 1 ? residual[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, residual));

  // Select list (with * expanded).
  std::vector<Node*> target_nodes;
  std::vector<std::string> target_names;
  std::vector<std::pair<uint32_t, int16_t>> origins;  // per target: its table and column (ColumnOrigin)
  std::vector<ExprP> targets;
  std::vector<std::shared_ptr<SetFunction>> srfs;  // per target: set-returning call or null
  AggContext agg;
  agg.from = &scope;
  NestedSetFunctions grouped_srfs, nested_srfs, window_srfs;
  auto saved_srf_hook = std::move(binder_.set_function_in_expression);
  struct RestoreSrfHook {
    Binder* b;
    std::function<ExprP(Node*, const Scope&, AggContext*)> hook;
    const char* conditional;
    ~RestoreSrfHook() {
      b->set_function_in_expression = std::move(hook);
      b->conditional = conditional;
    }
  } restore_srf_hook{&binder_, std::move(saved_srf_hook), binder_.conditional};
  binder_.conditional = nullptr;  // this query's own items (it may be a subquery inside a CASE)
  if (grouped) {
    binder_.set_function_in_expression = SetFunctionsInExpressions(&grouped_srfs, nullptr);
    BindGroupBy(s, scope, &agg);
    // GROUP BY unnest(tags): the calls run below the aggregation, each row of theirs grouped.
    if (!grouped_srfs.calls.empty()) input = PlaceNestedSetFunctions(input, grouped_srfs);
  }
  WindowContext wctx;
  wctx.scope = &scope;
  wctx.agg = grouped ? &agg : nullptr;
  wctx.set_function_in_definition = SetFunctionsInExpressions(&window_srfs, grouped ? &grouped_srfs : nullptr);
  for (size_t i = 0; i < s->n_window_clause; i++) {
    auto* wd = s->window_clause[i]->window_def;
    if (wctx.named.count(wd->name))
      throw Error("42P20", "window \"" + std::string(wd->name) + "\" is already defined").WithPosition(wd->location + 1);
    wctx.named[wd->name] = wd;
  }
  if (windowed) binder_.set_window(&wctx);
  struct ClearWindow { Binder* b; ~ClearWindow() { b->set_window(nullptr); } } clear_window{&binder_};
  binder_.set_function_in_expression = SetFunctionsInExpressions(&nested_srfs, grouped ? &grouped_srfs : nullptr);
  for (size_t i = 0; i < s->n_target_list; i++) {
    auto* rt = s->target_list[i]->res_target;
    Node* v = rt->val;
    if (v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
        v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      auto* cr = v->column_ref;
      std::string rel = cr->n_fields >= 2 ? StrVal(cr->fields[cr->n_fields - 2]) : "";
      if (scope.rels.empty()) ThrowAt(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid", cr->location);
      bool any = false;
      for (size_t ri : StarOrder(scope)) {
        const ScopeRel& r = scope.rels[ri];
        if (!rel.empty() && r.alias != rel) continue;
        any = true;
        for (size_t c = 0; c < r.columns.size(); c++) {
          if (r.columns[c].empty()) continue;
          if (rel.empty() && std::find(r.using_hidden.begin(), r.using_hidden.end(), r.columns[c]) != r.using_hidden.end()) continue;
          int pos = r.offset + static_cast<int>(c);
          ExprP e = std::make_shared<ColumnExpr>(pos, 0, r.types[c], scope.qualify_names ? r.alias + "." + r.columns[c] : r.columns[c]);
          if (grouped) {
            bool ok = false;
            for (size_t gi = 0; gi < agg.groups.size(); gi++)
              if (agg.groups[gi]->Key() == e->Key()) { e = std::make_shared<ColumnExpr>(static_cast<int>(gi), 0, e->type, r.columns[c]); ok = true; break; }
            if (!ok) {
              if (ExprP dependent = binder_.FunctionallyDependent(e, agg)) {
                e = dependent;
                ok = true;
              }
            }
            if (!ok) ThrowAt(sqlstate::kGroupingError, "column \"" + r.alias + "." + r.columns[c] + "\" must appear in the GROUP BY clause or be used in an aggregate function", cr->location);
          }
          if (!grouped) origins.resize(targets.size()), origins.push_back(ColumnOrigin(scope, e));
          if (capture_) capture_->stars[rt].push_back({rel.empty() ? r.alias : rel, r.columns[c]});
          targets.push_back(e);
          target_names.push_back(r.columns[c]);
          target_nodes.push_back(nullptr);
        }
      }
      if (!any) ThrowAt(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + rel + "\"", cr->location);
      continue;
    }
    // (x).*: one output column per field of the row x
    if (v->node_case == PG_QUERY__NODE__NODE_A_INDIRECTION && v->a_indirection->n_indirection > 0 &&
        v->a_indirection->indirection[v->a_indirection->n_indirection - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      PgQuery__AIndirection rest = *v->a_indirection;
      rest.n_indirection--;
      Node rest_node = PG_QUERY__NODE__INIT;
      rest_node.node_case = PG_QUERY__NODE__NODE_A_INDIRECTION;
      rest_node.a_indirection = &rest;
      Node* base_node = rest.n_indirection ? &rest_node : rest.arg;
      ExprP base = grouped ? binder_.BindAgg(base_node, scope, &agg) : binder_.Bind(base_node, scope);
      if (!base->type.IsRow() || !base->type.record)
        throw Error(sqlstate::kWrongObjectType, "type " + TypeName(base->type) + " is not composite");
      for (const std::string& field : base->type.record->names) {
        ExprP e = binder_.SelectField(base, field, ExprLocation(rest.arg));
        if (!grouped) origins.resize(targets.size()), origins.push_back(ColumnOrigin(scope, e));
        targets.push_back(e);
        target_names.push_back(field);
        target_nodes.push_back(nullptr);
      }
      continue;
    }
    // A set-returning call, whole or as (f(x)).field.
    Type srf_type;
    // (When GROUP BY has set-returning calls, an item may repeat one: the binder's hook decides.)
    if (auto fn = grouped_srfs.calls.empty() ? BindTargetSetFunction(v, scope, grouped ? &agg : nullptr, &srf_type) : nullptr) {
      srfs.resize(targets.size());
      srfs.push_back(fn);
      targets.push_back(std::make_shared<ConstExpr>(Value::Null(), srf_type));
      target_names.push_back(rt->name && *rt->name ? rt->name : FigureColname(v));
      target_nodes.push_back(v);
      continue;
    }
    ExprP e = grouped ? binder_.BindAgg(v, scope, &agg) : binder_.Bind(v, scope);
    if (e->type.id == oid::kUnknown && !e->type.array && !keep_unknown) e = binder_.Coerce(e, Type(oid::kText), CastContext::kImplicit, -1);
    if (!grouped) origins.resize(targets.size()), origins.push_back(ColumnOrigin(scope, e));
    targets.push_back(e);
    target_names.push_back(rt->name && *rt->name ? rt->name : FigureColname(v));
    target_nodes.push_back(v);
  }
  // HAVING may not call set-returning functions; ORDER BY may (they run with the select list's).
  auto srf_hook = std::exchange(binder_.set_function_in_expression, nullptr);
  ExprP having;
  binder_.set_window(nullptr);
  if (s->having_clause) {
    binder_.set_clause("HAVING");
    having = binder_.CoerceToBool(binder_.BindAgg(s->having_clause, scope, &agg), "HAVING", ExprLocation(s->having_clause));
    binder_.set_clause("WHERE");
  }

  if (windowed) binder_.set_window(&wctx);
  // ORDER BY keys: output columns by position or name, else expressions over the input.
  std::vector<SortKey> sort_keys;
  bool distinct_on = s->n_distinct_clause && s->distinct_clause[0] != nullptr &&
                     s->distinct_clause[0]->node_case != PG_QUERY__NODE__NODE__NOT_SET;
  std::vector<ExprP> hidden;
  // ORDER BY and DISTINCT ON name an output column by its bare name before an input column
  // (SQL-92's rule, as PostgreSQL): its position, or -1.
  auto output_column_named = [&](Node* n, const char* clause) {
    int out_col = -1;
    if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || n->column_ref->n_fields != 1 ||
        n->column_ref->fields[0]->node_case != PG_QUERY__NODE__NODE_STRING)
      return out_col;
    std::string name = n->column_ref->fields[0]->string->sval;
    for (size_t k = 0; k < target_names.size(); k++) {
      if (target_names[k] != name) continue;
      if (out_col >= 0 && targets[static_cast<size_t>(out_col)]->Key() != targets[k]->Key())
        ThrowAt(sqlstate::kAmbiguousColumn, std::string(clause) + " \"" + name + "\" is ambiguous", n->column_ref->location);
      out_col = static_cast<int>(k);
    }
    return out_col;
  };
  for (size_t i = 0; i < s->n_sort_clause; i++) {
    auto* sb = s->sort_clause[i]->sort_by;
    if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
      throw Error(sqlstate::kFeatureNotSupported, "ORDER BY ... USING is not supported yet");
    Node* n = sb->node;
    int out_col = -1;
    if (n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      int64_t pos = n->a_const->ival->ival;
      if (pos < 1 || pos > static_cast<int64_t>(targets.size()))
        ThrowAt(sqlstate::kInvalidColumnReference, "ORDER BY position " + std::to_string(pos) + " is not in select list", n->a_const->location);
      out_col = static_cast<int>(pos - 1);
    } else {
      out_col = output_column_named(n, "ORDER BY");
    }
    SortKey k;
    if (out_col >= 0) {
      k.expr = std::make_shared<ColumnExpr>(out_col, 0, targets[static_cast<size_t>(out_col)]->type, target_names[static_cast<size_t>(out_col)]);
    } else {
      binder_.set_clause("ORDER BY");
      binder_.set_function_in_expression = srf_hook;
      ExprP e = grouped ? binder_.BindAgg(n, scope, &agg) : binder_.Bind(n, scope);
      binder_.set_function_in_expression = nullptr;
      binder_.set_clause("WHERE");
      int found = -1;
      for (size_t t = 0; t < targets.size(); t++)
        if (targets[t]->Key() == e->Key()) { found = static_cast<int>(t); break; }
      if (found < 0) {
        if (s->n_distinct_clause && !distinct_on)
          ThrowAt(sqlstate::kInvalidColumnReference, "for SELECT DISTINCT, ORDER BY expressions must appear in select list", ExprLocation(n));
        found = static_cast<int>(targets.size() + hidden.size());
        hidden.push_back(e);
      }
      k.expr = std::make_shared<ColumnExpr>(found, 0, e->type, e->ToSql());
    }
    k.desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    k.nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST || (sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && k.desc);
    sort_keys.push_back(k);
  }

  // A primary-key scan whose query reads only key columns is an index-only scan: the table is
  // stored in primary-key order, so its key entries are the index. A secondary index scan is
  // one when the query reads no column of the table at all (count(*) over an index condition):
  // its entries are written with the rows, in the same transactions, so each entry the
  // snapshot sees stands for a row it sees, and the row need not be read.
  {
    std::vector<int> used;
    bool exact = true;
    auto collect = [&](const ExprP& e) { if (e) exact = CollectColumns(e, &used) && exact; };
    // In a grouped query the select list, ORDER BY and HAVING read the aggregate's output; its
    // groups and arguments read the rows.
    if (!grouped) {
      for (auto& e : targets) collect(e);
      for (auto& e : hidden) collect(e);
    }
    for (auto& e : residual) collect(e);
    for (auto& g : agg.groups) collect(g);
    for (auto& a : agg.aggs) {
      collect(a.arg);
      collect(a.arg2);
      collect(a.filter);
      for (auto& k : a.order) collect(k->expr);
    }
    for (auto& leaf : leaves) {
      // (A partitioned table pruned to one partition reads it through an Append adding tableoid.)
      Operator* read = leaf->op->child.get();
      if (auto* append = dynamic_cast<AppendOp*>(read); append && append->children.size() == 1) read = append->children[0].get();
      auto* scan = dynamic_cast<IndexScanOp*>(read);
      // Join conditions and window functions read columns not collected here: a secondary
      // index-only scan only for a query over the one table.
      bool alone = leaves.size() == 1 && scope.rels.size() == 1 && !windowed;
      if (!scan || !exact || !outer_free_ || (!scan->index.def->primary && (scan->emit_key || !alone))) continue;
      const ScopeRel& rel = scope.rels[leaf->rel_index];
      std::vector<int> key_cols;
      if (scan->index.def->primary)
        for (const auto& ic : scan->index.def->columns) key_cols.push_back(rel.offset + ic.column);
      bool covered = std::all_of(used.begin(), used.end(), [&](int c) {
        return c < rel.offset || c >= rel.offset + static_cast<int>(rel.columns.size()) ||
               std::find(key_cols.begin(), key_cols.end(), c) != key_cols.end();
      });
      if (covered) scan->index_only = true;
    }
  }
  if (grouped) {
    *agg.set_column = static_cast<int>(agg.groups.size() + agg.aggs.size());
    OpP per_partition;
    if (agg.sets->empty() && leaves.size() == 1 && scope.rels.size() == 1 && leaves[0]->table->partition_key)
      per_partition = PartitionwiseAggregate(*this, input, *leaves[0]->table, scope.rels[0].alias, scope.qualify_names,
                                             scope.rels[0].tableoid_column >= 0 ? scope.rels[0].tableoid_column
                                                                                : static_cast<int>(scope.rels[0].columns.size()),
                                             agg.groups, agg.aggs, having);
    if (per_partition) {
      input = per_partition;
    } else {
      auto aggregate = std::make_shared<AggregateOp>(input, agg.groups, agg.aggs);
      aggregate->sets = *agg.sets;
      input = aggregate;
      if (having) input = std::make_shared<FilterOp>(input, having);
    }
  }
  binder_.set_window(nullptr);
  if (!wctx.calls.empty()) {
    if (!window_srfs.calls.empty()) input = PlaceNestedSetFunctions(input, window_srfs);
    // Window results follow the window operator's input columns.
    int base = static_cast<int>(input->types.size());
    std::function<void(const ExprP&)> remap = [&](const ExprP& e) {
      if (auto* c = dynamic_cast<ColumnExpr*>(e.get()); c && c->level == 0 && c->index >= kWindowBase) c->index = base + c->index - kWindowBase;
      e->ForEachChild(remap);
    };
    for (auto& e : targets) remap(e);
    for (auto& e : hidden) remap(e);
    input = std::make_shared<WindowOp>(input, wctx.calls);
  }
  // FOR UPDATE keeps the whole FROM row (with the locked rows' keys) after the select list,
  // so that LockRows can lock, re-check and re-project each row after ORDER BY.
  int lock_base = static_cast<int>(targets.size() + hidden.size());
  if (locking_) {
    if (!srfs.empty()) locking_->CheckQueryShape(s, false, false, true);
    for (int i = 0; i < scope.width; i++)
      hidden.push_back(std::make_shared<ColumnExpr>(i, 0, input->types[static_cast<size_t>(i)], ""));
  }
  std::vector<ExprP> proj = targets;
  proj.insert(proj.end(), hidden.begin(), hidden.end());
  OpP project;
  if (!nested_srfs.calls.empty() || !srfs.empty()) {
    if (locking_) locking_->CheckQueryShape(s, false, false, true);
    project = ProjectWithSetFunctions(input, &proj, &srfs, nested_srfs);  // before proj is read: it rewrites proj
  } else {
    project = std::make_shared<ProjectOp>(input, proj);
  }
  for (size_t i = 0; i < proj.size(); i++) {
    project->names.push_back(i < target_names.size() ? target_names[i] : "");
    project->types.push_back(proj[i]->type);
  }
  OpP root = project;
  if (s->n_distinct_clause && !distinct_on) root = std::make_shared<DistinctOp>(root, targets.size());
  std::vector<int> distinct_keys;
  if (distinct_on) {
    // DISTINCT ON (exprs): the keys must lead the ORDER BY; rows are sorted, then the first
    // of each key run is kept.
    for (size_t i = 0; i < s->n_distinct_clause; i++) {
      Node* n = s->distinct_clause[i];
      int col = -1;
      if (n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
        int64_t pos = n->a_const->ival->ival;
        if (pos < 1 || pos > static_cast<int64_t>(targets.size()))
          ThrowAt(sqlstate::kInvalidColumnReference, "SELECT DISTINCT ON position " + std::to_string(pos) + " is not in select list", n->a_const->location);
        col = static_cast<int>(pos - 1);
      } else if ((col = output_column_named(n, "DISTINCT ON")) < 0) {
        ExprP e = grouped ? binder_.BindAgg(n, scope, &agg) : binder_.Bind(n, scope);
        for (size_t t = 0; t < proj.size() && col < 0; t++)
          if (proj[t]->Key() == e->Key()) col = static_cast<int>(t);
        if (col < 0 && !sort_keys.empty())
          ThrowAt(sqlstate::kInvalidColumnReference, "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", ExprLocation(n));
        if (col < 0)
          ThrowAt(sqlstate::kFeatureNotSupported, "DISTINCT ON expressions that are not in the select list or ORDER BY are not supported yet", ExprLocation(n));
      }
      distinct_keys.push_back(col);
    }
    for (size_t i = 0; i < sort_keys.size() && i < distinct_keys.size(); i++) {
      auto* c = static_cast<ColumnExpr*>(sort_keys[i].expr.get());
      if (c->index != distinct_keys[i] && proj[static_cast<size_t>(c->index)]->Key() != proj[static_cast<size_t>(distinct_keys[i])]->Key())
        ThrowAt(sqlstate::kInvalidColumnReference, "SELECT DISTINCT ON expressions must match initial ORDER BY expressions",
                ExprLocation(s->distinct_clause[i]));
    }
    if (sort_keys.empty())
      for (int k : distinct_keys) {
        SortKey key;
        key.expr = std::make_shared<ColumnExpr>(k, 0, proj[static_cast<size_t>(k)]->type, "");
        sort_keys.push_back(key);
      }
  }
  if (!sort_keys.empty() && !index_ordered) {
    auto sort = std::make_shared<SortOp>(root, sort_keys);
    for (auto& k : sort_keys) {
      auto* c = static_cast<ColumnExpr*>(k.expr.get());
      const ExprP& key = static_cast<size_t>(c->index) < targets.size() ? targets[static_cast<size_t>(c->index)] : proj[static_cast<size_t>(c->index)];
      // PostgreSQL sorts on a computed column of the node below and prints it in parentheses;
      // a table's column (or a GROUP BY of one) prints bare.
      bool plain = false;
      if (auto* col = dynamic_cast<const ColumnExpr*>(key.get()); col && col->level == 0)
        plain = grouped ? col->index < static_cast<int>(agg.groups.size()) && dynamic_cast<const ColumnExpr*>(agg.groups[static_cast<size_t>(col->index)].get())
                        : col->index < scope.width;
      sort->key_sql.push_back(plain ? key->ToSql() : "(" + key->ToSql() + ")");
    }
    root = sort;
  }
  if (distinct_on) root = std::make_shared<DistinctOnOp>(root, distinct_keys);
  if (locking_ && !locking_->rels.empty()) root = std::make_shared<LockRowsOp>(root, lock_base, locking_->rels, all_quals, proj);
  if (s->limit_count || s->limit_offset) {
    if (s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES && s->n_sort_clause == 0)
      throw Error(sqlstate::kSyntaxError, "WITH TIES cannot be specified without ORDER BY clause");
    Scope empty;
    empty.parent = outer;
    ExprP lim, off;
    if (s->limit_count) {
      binder_.set_clause("LIMIT");
      lim = binder_.Coerce(binder_.Bind(s->limit_count, empty), Type(oid::kInt8), CastContext::kImplicit, -1);
    }
    if (s->limit_offset) {
      binder_.set_clause("OFFSET");
      off = binder_.Coerce(binder_.Bind(s->limit_offset, empty), Type(oid::kInt8), CastContext::kImplicit, -1);
    }
    binder_.set_clause("WHERE");
    auto limit_op = std::make_shared<LimitOp>(root, lim, off);
    if (s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES) limit_op->ties = sort_keys;
    root = limit_op;
  }
  if (!hidden.empty()) {
    std::vector<ExprP> trim;
    for (size_t i = 0; i < targets.size(); i++) trim.push_back(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, targets[i]->type, target_names[i]));
    auto p = std::make_shared<ProjectOp>(root, trim);
    for (size_t i = 0; i < targets.size(); i++) { p->names.push_back(target_names[i]); p->types.push_back(targets[i]->type); }
    root = p;
  }
  PlannedQuery q;
  q.root = root;
  for (size_t i = 0; i < targets.size(); i++) {
    ColumnInfo ci{target_names[i], targets[i]->type};
    if (i < origins.size()) std::tie(ci.table_oid, ci.attnum) = origins[i];
    q.columns.push_back(ci);
  }
  return q;
}

std::function<std::vector<ColumnInfo>(Node*, ExecState*, ParamTypes*, bool, std::vector<Row>*)>& DmlRunner() {
  static std::function<std::vector<ColumnInfo>(Node*, ExecState*, ParamTypes*, bool, std::vector<Row>*)> runner;
  return runner;
}

void Planner::RunDataModifyingCtes(EvalContext* ctx) {
  for (auto& def : data_modifying_) {
    if (def->buffer->filled && def->buffer->exec_id == ctx->state->exec_id) continue;
    def->buffer->rows = RunToVector(def->producer.get(), ctx);
    def->buffer->exec_id = ctx->state->exec_id;
    def->buffer->started = def->buffer->filled = true;
  }
}

const CteDef* Planner::FindCte(const std::string& name) const {
  for (auto it = ctes_.rbegin(); it != ctes_.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) return f->second.get();
  }
  return nullptr;
}

namespace {
// The location of the first reference to `name` as a table in n, or -2 when there is none.
int ReferenceTo(Node* n, const std::string& name) {
  int found = -2;
  auto visit = [&](Node* x) {
    if (x->node_case == PG_QUERY__NODE__NODE_RANGE_VAR && (!x->range_var->schemaname || !*x->range_var->schemaname) &&
        name == x->range_var->relname)
      found = x->range_var->location;
    return found == -2;
  };
  if (visit(n)) WalkNodes(&n->base, visit);
  return found;
}
bool ReferencesName(Node* n, const std::string& name) { return ReferenceTo(n, name) != -2; }
}  // namespace

void Planner::PlanWith(PgQuery__WithClause* with, const Scope* outer) {
  ctes_.emplace_back();
  for (size_t i = 0; i < with->n_ctes; i++) {
    auto* cte = with->ctes[i]->common_table_expr;
    std::string name = cte->ctename;
    if (ctes_.back().count(name))
      throw Error(sqlstate::kDuplicateAlias, "WITH query name \"" + name + "\" specified more than once").WithPosition(cte->location + 1);
    if (cte->search_clause || cte->cycle_clause)
      ThrowAt(sqlstate::kFeatureNotSupported, std::string(cte->search_clause ? "SEARCH" : "CYCLE") + " clauses of WITH queries are not supported yet",
              cte->search_clause ? cte->search_clause->location : cte->cycle_clause->location);
    auto def = std::make_shared<CteDef>();
    def->name = name;
    def->outer = outer;
    if (cte->ctequery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
      // INSERT/UPDATE/DELETE in WITH: run exactly once per execution, before the main query;
      // references read its RETURNING rows.
      if (!DmlRunner()) throw Error(sqlstate::kFeatureNotSupported, "data-modifying statements in WITH are not supported here");
      bool has_returning = false;
      switch (cte->ctequery->node_case) {
        case PG_QUERY__NODE__NODE_INSERT_STMT: has_returning = cte->ctequery->insert_stmt->n_returning_list; break;
        case PG_QUERY__NODE__NODE_UPDATE_STMT: has_returning = cte->ctequery->update_stmt->n_returning_list; break;
        case PG_QUERY__NODE__NODE_DELETE_STMT: has_returning = cte->ctequery->delete_stmt->n_returning_list; break;
        default: throw Error(sqlstate::kFeatureNotSupported, "this statement is not supported in WITH").WithPosition(cte->location + 1);
      }
      std::vector<ColumnInfo> cols = DmlRunner()(cte->ctequery, st_, params_, true, nullptr);
      {
        PgQuery__RangeVar* target = cte->ctequery->node_case == PG_QUERY__NODE__NODE_INSERT_STMT ? cte->ctequery->insert_stmt->relation
                                    : cte->ctequery->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ? cte->ctequery->update_stmt->relation
                                                                                                  : cte->ctequery->delete_stmt->relation;
        // the statement has been planned, so its target exists (a table, or a view it writes through)
        if (auto rel = st_->catalog->FindRelation(target->schemaname ? target->schemaname : "", target->relname, binder_.SearchPath()))
          cte_modified_tables_.insert(rel->second);
      }
      for (size_t k = 0; k < cols.size(); k++) {
        def->columns.push_back(k < cte->n_aliascolnames ? StrVal(cte->aliascolnames[k]) : cols[k].name);
        def->types.push_back(cols[k].type);
      }
      Node* q = cte->ctequery;
      ExecState* st = st_;
      ParamTypes* params = params_;
      auto buffer = def->buffer;
      auto producer = std::make_shared<CallbackOp>([q, st, params](EvalContext*) {
        std::vector<Row> rows;
        DmlRunner()(q, st, params, false, &rows);
        return rows;
      });
      producer->names = def->columns;
      producer->types = def->types;
      def->producer = producer;
      def->returns_rows = has_returning;
      def->buffer->prefilled = true;
      data_modifying_.push_back(def);
      ctes_.back()[name] = def;
      continue;
    }
    auto* sel = cte->ctequery->select_stmt;
    auto set_columns = [&](const PlannedQuery& q) {
      if (cte->n_aliascolnames > q.columns.size())
        throw Error(sqlstate::kInvalidColumnReference, "WITH query \"" + name + "\" has " + std::to_string(q.columns.size()) +
                                                           " columns available but " + std::to_string(cte->n_aliascolnames) + " columns specified")
            .WithPosition(cte->location + 1);
      for (size_t k = 0; k < q.columns.size(); k++) {
        def->columns.push_back(k < cte->n_aliascolnames ? StrVal(cte->aliascolnames[k]) : q.columns[k].name);
        def->types.push_back(q.columns[k].type);
      }
    };
    if (with->recursive && ReferencesName(cte->ctequery, name)) {
      if (sel->op != PG_QUERY__SET_OPERATION__SETOP_UNION)
        throw Error(sqlstate::kInvalidRecursion, "recursive query \"" + name + "\" does not have the form non-recursive-term UNION [ALL] recursive-term")
              .WithPosition(cte->location + 1);
      Node lnode = PG_QUERY__NODE__INIT, rnode = PG_QUERY__NODE__INIT;
      lnode.node_case = rnode.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
      lnode.select_stmt = sel->larg;
      rnode.select_stmt = sel->rarg;
      if (int at = ReferenceTo(&lnode, name); at != -2)
        ThrowAt(sqlstate::kInvalidRecursion, "recursive reference to query \"" + name + "\" must not appear within its non-recursive term", at);
      CheckRecursiveTerm(&rnode, name);
      // As PostgreSQL: the whole UNION cannot be sorted, limited or locked (each would need the
      // recursion's end before the first row).
      auto unsupported = [](const char* what, Node* at) {
        ThrowAt(sqlstate::kFeatureNotSupported, std::string(what) + " in a recursive query is not implemented", at ? ExprLocation(at) : -1);
      };
      if (sel->n_sort_clause) unsupported("ORDER BY", sel->sort_clause[0]->sort_by->node);
      if (sel->limit_offset) unsupported("OFFSET", sel->limit_offset);
      if (sel->limit_count) unsupported("LIMIT", sel->limit_count);
      if (sel->n_locking_clause) unsupported("FOR UPDATE/SHARE", nullptr);
      bool base_correlated = false, rec_correlated = false;
      int base_reach = 0, rec_reach = 0;
      PlannedQuery base = PlanNested(&lnode, outer, 0, &base_correlated, &base_reach);
      set_columns(base);
      def->working = std::make_shared<std::vector<Row>>();
      ctes_.back()[name] = def;
      PlannedQuery rec = PlanNested(&rnode, outer, 0, &rec_correlated, &rec_reach);
      if (rec.columns.size() != base.columns.size())
        throw Error(sqlstate::kSyntaxError, "each UNION query must have the same number of columns");
      std::vector<ExprP> casts;
      for (size_t k = 0; k < rec.columns.size(); k++) {
        ExprP col = std::make_shared<ColumnExpr>(static_cast<int>(k), 0, rec.columns[k].type, rec.columns[k].name);
        if (!(rec.columns[k].type == base.columns[k].type) && !CanCast(rec.columns[k].type, base.columns[k].type, CastContext::kImplicit)) {
          int loc = k < sel->rarg->n_target_list ? ExprLocation(sel->rarg->target_list[k]->res_target->val) : -1;
          ThrowAt(sqlstate::kDatatypeMismatch, "UNION types " + TypeName(base.columns[k].type) + " and " + TypeName(rec.columns[k].type) + " cannot be matched", loc);
        }
        casts.push_back(binder_.Coerce(col, base.columns[k].type, CastContext::kImplicit, -1));
      }
      auto rec_proj = std::make_shared<ProjectOp>(rec.root, casts);
      rec_proj->names = def->columns;
      rec_proj->types = def->types;
      auto ru = std::make_shared<RecursiveUnionOp>(base.root, rec_proj, sel->all, def->working);
      ru->names = def->columns;
      ru->types = def->types;
      auto done = std::make_shared<CteDef>(*def);
      done->working.reset();
      done->correlated = base_correlated || rec_correlated;
      done->reach = std::max(base_reach, rec_reach);
      done->producer = ru;
      ctes_.back()[name] = done;
    } else {
      // A WITH query inside a recursive term that reads the working table changes every round:
      // it is run again per reference, as a correlated one is.
      bool saved_reads = reads_working_table_;
      reads_working_table_ = false;
      PlannedQuery q = PlanNested(cte->ctequery, outer, 0, &def->correlated, &def->reach);
      def->correlated |= reads_working_table_;
      def->reads_working_table = reads_working_table_;
      reads_working_table_ |= saved_reads;
      set_columns(q);
      def->producer = q.root;
      ctes_.back()[name] = def;
    }
  }
}

OpP Planner::PlanTargetRows(const TableDef* t, const std::string& alias, Node** from, size_t n_from, Node* where,
                            Scope* scope, ExprP* where_out, char command, uint32_t user) {
  std::vector<std::shared_ptr<ScanLeaf>> leaves;
  PlanLevel level(this, &leaves, nullptr);  // joins of UPDATE ... FROM are planned at once
  ScopeRel target = TableScopeRel(t, alias);
  target.columns.push_back("");  // the storage key
  target.types.push_back(Type(oid::kBytea));
  const bool partitioned = t->partition_key != nullptr;
  if (partitioned) {  // then each row's partition, its tableoid (PlanPartitionedScan)
    target.tableoid_column = static_cast<int>(target.columns.size());
    target.columns.push_back("");
    target.types.push_back(Type(oid::kOid));
  }
  scope->Add(target);
  const int tableoid_at = partitioned ? scope->rels.back().offset + scope->rels.back().tableoid_column : -1;
  scope->qualify_names = n_from > 0;
  std::vector<OpP> items;
  std::vector<int> ends{scope->width};
  std::vector<Node*> unused;
  for (size_t i = 0; i < n_from; i++) {
    items.push_back(PlanFromItem(from[i], scope, &unused, false, nullptr, nullptr));
    ends.push_back(scope->width);
  }
  std::vector<Node*> conj;
  SplitConjuncts(where, &conj);
  std::vector<ExprP> target_conds, residual, all;
  {
    // Row-level security: the rows the command may change, before the statement's WHERE.
    Scope own;
    own.Add(TableScopeRel(t, alias));
    target_conds = PolicyUsingConditions(*this, *t, command, own, user);
    all = target_conds;
  }
  binder_.set_clause("WHERE");
  for (Node* w : conj) {
    ExprP e = binder_.CoerceToBool(binder_.Bind(w, *scope), "WHERE", ExprLocation(w));
    all.push_back(e);
    std::vector<int> cols;
    bool exact = CollectColumns(e, &cols);
    if (exact && !cols.empty() && std::all_of(cols.begin(), cols.end(), [&](int c) { return c < ends[0] && c != tableoid_at; })) {
      target_conds.push_back(e);  // the target's columns sit at the same positions in its own scan
      continue;
    }
    bool pushed = false;
    if (exact && !cols.empty())
      for (auto& leaf : leaves) {
        const ScopeRel& rel = scope->rels[leaf->rel_index];
        bool inside = ReadsOnlyScannedColumns(rel, cols);
        if (!inside) continue;
        Scope own;
        own.qualify_names = scope->qualify_names;
        own.Add(rel);
        leaf->conds.push_back(binder_.CoerceToBool(binder_.Bind(w, own), "WHERE", ExprLocation(w)));
        pushed = true;
        break;
      }
    if (!pushed) residual.push_back(e);
  }
  if (where_out && !all.empty()) *where_out = all.size() == 1 ? all[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, all);
  for (auto& leaf : leaves) leaf->op->child = PlanLeafScan(*leaf, {}, nullptr);
  bool unused_order;
  OpP input = partitioned ? PlanPartitionedScan(t, alias == t->name ? "" : alias, target_conds, true, {}, &unused_order, true)
                          : PlanTableScan(t, alias == t->name ? "" : alias, target_conds, true, {}, &unused_order);
  for (size_t i = 0; i < items.size(); i++) {
    std::vector<ExprP> conds, keep;
    for (auto& e : residual) {
      std::vector<int> cols;
      bool ok = CollectColumns(e, &cols);
      bool fits = ok && std::all_of(cols.begin(), cols.end(), [&](int c) { return c < ends[i + 1]; });
      (fits ? conds : keep).push_back(e);
    }
    residual = keep;
    input = JoinOn(input, items[i], ends[i], conds, NestedLoopJoinOp::kInner);
  }
  if (!residual.empty())
    input = std::make_shared<FilterOp>(input, residual.size() == 1 ? residual[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, residual));
  return input;
}

OpP Planner::PlanViewTargetRows(const ViewDef* v, PgQuery__RangeVar* rv, Node** from, size_t n_from, Node* where, Scope* scope) {
  OpP input = PlanView(v, rv, scope);
  scope->qualify_names = n_from > 0;
  std::vector<std::shared_ptr<ScanLeaf>> leaves;
  PlanLevel level(this, &leaves, nullptr);  // tables of the FROM list become scans below
  std::vector<Node*> unused;
  for (size_t i = 0; i < n_from; i++) {
    int left_width = scope->width;
    OpP item = PlanFromItem(from[i], scope, &unused, false, nullptr, nullptr);
    input = JoinOn(input, item, left_width, {}, NestedLoopJoinOp::kInner);
  }
  for (auto& leaf : leaves) leaf->op->child = PlanLeafScan(*leaf, {}, nullptr);
  if (!where) return input;
  binder_.set_clause("WHERE");
  return std::make_shared<FilterOp>(input, binder_.CoerceToBool(binder_.Bind(where, *scope), "WHERE", ExprLocation(where)));
}

}  // namespace tusk
