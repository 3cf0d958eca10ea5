// The planner: SELECT statements (and the row sources of UPDATE/DELETE) into operator trees.
//
// FROM items become scans and joins; WHERE conjuncts that read a single base table are pushed
// into that table's scan, where they can become index conditions (equality on leading index
// columns, then one range or row comparison) or remain filters. A join on an indexed key of a
// table whose outer side is restricted looks that table up per outer row (index nested loop);
// other equi-joins use a hash join, the rest a nested loop.
// Grouping, HAVING, the select list, DISTINCT, ORDER BY (elided when an index yields the
// order) and LIMIT/OFFSET follow in that order.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <map>
#include <set>

#include "access/scans.hpp"
#include "access/table_lock_mode.hpp"
#include "execution/cte.hpp"
#include "binder/binder.hpp"
#include "engine/result.hpp"

namespace tusk {


struct PlannedQuery {
  OpP root;
  std::vector<ColumnInfo> columns;
};

// An ORDER BY key on a base table column, offered to the scan so an index can supply it.
struct OrderHint {
  int column = -1;  // table column position
  bool desc = false;
  bool nulls_first = false;
};

// A WITH query visible to the statement being planned.
struct CteDef {
  std::string name;
  std::vector<std::string> columns;
  std::vector<Type> types;
  OpP producer;
  std::shared_ptr<CteBuffer> buffer = std::make_shared<CteBuffer>();
  // While planning the recursive term of WITH RECURSIVE, references read the working table.
  std::shared_ptr<std::vector<Row>> working;
  bool returns_rows = true;  // false for INSERT/UPDATE/DELETE without RETURNING
  const Scope* outer = nullptr;  // the enclosing scope of the query the WITH belongs to
  bool correlated = false;       // reads a column of `outer` (run again per reference)
  int reach = 0;                 // how many levels out of `outer` its references go
  bool reads_working_table = false;  // in a recursive term, reads the working table (directly or not)
};

// Runs an INSERT/UPDATE/DELETE of a WITH clause: with describe=true only returns its RETURNING
// columns; otherwise executes it and fills `rows`. Installed by the engine.
std::function<std::vector<ColumnInfo>(Node*, ExecState*, ParamTypes*, bool, std::vector<Row>*)>& DmlRunner();

// An operator whose rows come from a callback (used for data-modifying CTEs).
class CallbackOp : public Operator {
 public:
  explicit CallbackOp(std::function<std::vector<Row>(EvalContext*)> fn) : fn_(std::move(fn)) {}
  void Open(EvalContext* ctx) override { rows_ = fn_(ctx); pos_ = 0; }
  bool Next(Row* out) override {
    if (pos_ >= rows_.size()) return false;
    *out = rows_[pos_++];
    return true;
  }
  void Explain(std::vector<std::string>* out, int depth) const override { ExplainLine(out, depth, "ModifyTable"); }
 private:
  std::function<std::vector<Row>(EvalContext*)> fn_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

// What planning a view's query tells CREATE VIEW about it, for the definition kept with the
// view (views/definition.cpp): the columns each * in a select list stood for, and the relation
// each name in a FROM clause meant.
struct DefinitionCapture {
  struct StarColumn {
    std::string qualifier;  // the relation's alias; empty for a column merged by JOIN USING
    std::string column;
  };
  std::map<const PgQuery__ResTarget*, std::vector<StarColumn>> stars;
  struct NamedRelation {
    std::string schema;
    uint32_t oid = 0;
    bool user = false;  // a table or view of the catalog (a dependency), not a system relation
  };
  std::map<const PgQuery__RangeVar*, NamedRelation> relations;
  std::map<const PgQuery__ColumnRef*, std::string> column_qualifiers;  // unqualified references: their relation's alias
};

class Planner {
 public:
  Planner(ExecState* st, ParamTypes* params);

  PlannedQuery PlanSelect(Node* select, const Scope* outer);
  // Plans a query nested `depth` levels inside the one being planned (1 for a subquery in an
  // expression or LATERAL, 0 for a FROM subquery or a WITH query, which run with their
  // enclosing query's outer rows); `correlated` tells whether it reads a row from outside `outer`.
  // `reach` (optional) receives how many levels out of `outer`'s innermost its references go.
  PlannedQuery PlanNested(Node* select, const Scope* outer, int depth, bool* correlated, int* reach = nullptr);
  // The indexes of a table, bound for evaluation on its rows.
  std::vector<BoundIndex> BindIndexes(const TableDef& t);
  // A scan of one table applying `conds` (bound against a scope holding only this table);
  // picks an index when one helps. `ordered` is set when rows come out in `order`.
  OpP PlanTableScan(const TableDef* t, const std::string& alias, std::vector<ExprP> conds,
                    bool emit_key, const std::vector<OrderHint>& order, bool* ordered);
  // PlanTableScan of a partitioned table (planner/partitioned_scan.cpp). with_tableoid: each row
  // ends with its partition's OID (a FROM item's tableoid column).
  OpP PlanPartitionedScan(const TableDef* t, const std::string& alias, const std::vector<ExprP>& conds, bool emit_key,
                          const std::vector<OrderHint>& order, bool* ordered, bool with_tableoid = false);
  // The scan of a FROM item's table (a partitioned one with its tableoid column).
  OpP PlanLeafScan(const struct ScanLeaf& leaf, const std::vector<OrderHint>& order, bool* ordered);
  Binder& binder() { return binder_; }
  // Keeps a parse tree the plan's expressions were bound from (a policy's, a view's).
  void KeepParseTree(std::unique_ptr<Script> s) { stored_exprs_.push_back(std::move(s)); }
  // Makes the WITH queries of a statement visible to everything this planner plans next.
  void PlanWith(PgQuery__WithClause* with, const Scope* outer);
  // Executes the data-modifying WITH queries (once per statement execution).
  void RunDataModifyingCtes(EvalContext* ctx);
  // Row source of UPDATE ... FROM / DELETE ... USING (and plain UPDATE/DELETE): the target
  // table's rows followed by their storage key (a hidden column), joined with the extra FROM
  // items and filtered by WHERE. `scope` receives the names visible to SET and RETURNING.
  // `command` (security/row_security.hpp's letters) picks the row-level security policies,
  // those of `user` (0: the current user; a view's owner when written through it).
  OpP PlanTargetRows(const TableDef* t, const std::string& alias, Node** from, size_t n_from, Node* where, Scope* scope,
                     ExprP* where_out, char command, uint32_t user);
  // The same for a view whose INSTEAD OF trigger takes the write: the view's rows (no key),
  // joined with the FROM items and filtered by WHERE.
  OpP PlanViewTargetRows(const ViewDef* v, PgQuery__RangeVar* rv, Node** from, size_t n_from, Node* where, Scope* scope);
  // The next PlanSelect leaves untyped literals in its select list unresolved, so that
  // INSERT ... SELECT coerces them to the target columns (as PostgreSQL does).
  void KeepUnknownTargets() { keep_unknown_targets_ = true; }
  ExecState* state() { return st_; }
  // Whether the plan may be run again (a prepared statement's cached plan): not when it has
  // data-modifying WITH queries, which are executed outside the operator tree.
  bool Reusable() const { return data_modifying_.empty() && cte_modified_tables_.empty(); }
  // Resolves a RangeVar to a table; throws 42P01 when missing, 42809 for non-tables.
  // The user table `rv` names, locked in `mode` for the rest of the transaction.
  // NOWAIT: 55P03 instead of waiting for the lock.
  const TableDef* ResolveTable(PgQuery__RangeVar* rv, TableLockMode mode = TableLockMode::kAccessShare, bool nowait = false);
  // The system relation (pg_catalog, information_schema) rv names, or null.
  const struct SystemRelation* ResolveSystem(PgQuery__RangeVar* rv);
  // A FROM item that names a system relation: its scan, added to scope.
  // `owned` keeps a relation made for this plan alive (a sequence's one row).
  OpP PlanSystemScan(const SystemRelation* sys, PgQuery__RangeVar* rv, Scope* scope,
                     std::shared_ptr<const SystemRelation> owned = nullptr);
  // A system view defined in SQL: its definition planned as a subquery, added to scope.
  OpP PlanSystemView(const SystemRelation* sys, PgQuery__RangeVar* rv, Scope* scope);
  // A sequence read as a relation (SELECT last_value, is_called FROM seq); null for other names.
  std::shared_ptr<const SystemRelation> SequenceRelation(PgQuery__RangeVar* rv);
  ScopeRel TableScopeRel(const TableDef* t, const std::string& alias);
  // The user view rv names, or null.
  const ViewDef* ResolveView(PgQuery__RangeVar* rv);
  // A FROM item that names a view: its query planned in place like a subquery, added to scope.
  OpP PlanView(const ViewDef* v, PgQuery__RangeVar* rv, Scope* scope);
  // INSERT's VALUES of one row may call set-returning functions, as a select list may:
  // bind_row binds the row (collecting such calls) and returns it; the result is the ProjectSet
  // steps that run the calls over one row and output the row's values, or null when the row
  // calls none (select_list_srf.cpp).
  OpP BindInsertValuesRow(const std::function<std::vector<ExprP>*()>& bind_row);
  // While set, planning records what CREATE VIEW needs (see DefinitionCapture).
  void set_capture(DefinitionCapture* c) {
    capture_ = c;
    binder_.column_qualifiers = c ? &c->column_qualifiers : nullptr;
  }

 private:
  OpP PlanFromItem(Node* item, Scope* scope, std::vector<Node*>* where_conjuncts, bool nullable,
                   const std::vector<OrderHint>* order, bool* ordered);
  OpP PlanJoin(PgQuery__JoinExpr* j, Scope* scope, std::vector<Node*>* where_conjuncts, bool nullable);
  // A function call in FROM (function_scan_planning.cpp).
  OpP PlanRangeFunction(PgQuery__RangeFunction* rf, Scope* scope);

  PlannedQuery PlanSetOp(PgQuery__SelectStmt* s, const Scope* outer);
  // GROUP BY's items and grouping sets into agg (group_by.cpp).
  void BindGroupBy(PgQuery__SelectStmt* s, const Scope& scope, AggContext* agg);
  // A select-list item that calls a set-returning function: the bound call and, in *type, the
  // item's type; null for any other item (select_list_srf.cpp). `agg`: the query is grouped.
  std::shared_ptr<struct SetFunction> BindTargetSetFunction(Node* item, const Scope& scope, AggContext* agg, Type* type);
  // Set-returning calls inside select-list expressions (`f(x) || '!'`, `(f(x)).*`), GROUP BY
  // items (`GROUP BY unnest(tags)`) and window definitions, bound through the binder's
  // set_function_in_expression (select_list_srf.cpp). GROUP BY's run below the aggregation,
  // a window's below the window, the select list's (and ORDER BY's) above both.
  struct NestedSetFunctions {
    std::vector<std::shared_ptr<struct SetFunction>> calls;
    std::vector<std::shared_ptr<int>> columns;  // per call: where its value is, once placed
    std::vector<std::string> sql;               // per call: its text (the same call binds once)
  };
  // The binder's hook that binds set-returning calls inside expressions, into *nested.
  // `grouped`: GROUP BY's calls, which an expression of a grouped select list may repeat (bound
  // without an aggregate context, such a repeat reads the group's value).
  std::function<ExprP(Node*, const Scope&, AggContext*)> SetFunctionsInExpressions(NestedSetFunctions* nested,
                                                                                  const NestedSetFunctions* grouped);
  // GROUP BY's calls: ProjectSet steps over input adding a column per call of nested, a step
  // per level (a call inside another's arguments runs a step below it).
  OpP PlaceNestedSetFunctions(OpP input, const NestedSetFunctions& nested);
  // The select list with set-returning calls: whole items (*srfs, per proj item) and calls in
  // expressions (nested) run in ProjectSet steps by level, the calls of one step in lockstep;
  // proj's items then read their columns.
  OpP ProjectWithSetFunctions(OpP input, std::vector<ExprP>* proj, std::vector<std::shared_ptr<struct SetFunction>>* srfs,
                              const NestedSetFunctions& nested);
  const CteDef* FindCte(const std::string& name) const;
  // Joins two inputs on the given conditions (bound over the joined row): a hash join on the
  // equality conjuncts that compare one side with the other, else a nested loop.
  OpP JoinOn(OpP left, OpP right, int left_width, std::vector<ExprP> conds, NestedLoopJoinOp::Kind kind);
  // An INNER or LEFT join whose right side is a table with an index on an equality join key
  // becomes a PendingJoin: ResolveJoins later makes it an index nested loop (the key looked up
  // per outer row) or a hash join. Null when the join does not qualify.
  std::shared_ptr<struct PendingJoin> ParameterizableJoin(OpP left, OpP right, int left_width, const std::vector<ExprP>& conjuncts,
                                                          NestedLoopJoinOp::Kind kind, const Scope& scope, size_t left_rel_begin,
                                                          size_t right_rel_begin);
  void ResolveJoins();
  PlannedQuery PlanValues(PgQuery__SelectStmt* s, const Scope* outer);
  // Applies ORDER BY / LIMIT of a set operation or VALUES over its output columns.
  OpP HashedLookup(const OpP& scan, const std::vector<ExprP>& conds, const OpP& shown);
  // A scan of a GIN index answering some of conds (access/gin), or null.
  OpP PlanGinScan(const TableDef* t, const std::string& alias, const std::vector<BoundIndex>& indexes,
                  const std::vector<ExprP>& conds, bool emit_key);
  bool SeqScanIsCheaper(const TableDef* t, const std::vector<ExprP>& conds, const std::vector<size_t>& used);
  // The share of the table's rows the conditions `used` keep, by ANALYZE's statistics.
  std::optional<double> EstimatedShare(const TableDef* t, const std::vector<ExprP>& conds, const std::vector<size_t>& used);
  PlannedQuery FinishOverOutput(PgQuery__SelectStmt* s, PlannedQuery q);
  // A view's query (SQL text) planned in place of the view, under `path` when given; checked to
  // produce `columns`, which name and type its output (`declared`: a domain the query's value
  // satisfies, as information_schema's columns are declared). Adds it to scope as `name`.
  struct DefinedColumn { std::string name; Type type; };
  OpP PlanDefinedView(const std::string& sql, const std::vector<DefinedColumn>& columns, uint32_t relation_oid,
                      const std::string& qualified_name, const std::vector<std::string>* path, PgQuery__RangeVar* rv,
                      Scope* scope, const char* what);

  ExecState* st_;
  bool reads_working_table_ = false;  // a WorkTableScan was planned (see PlanWith)
  ParamTypes* params_;
  friend struct PlanLevel;
  std::vector<std::shared_ptr<struct ScanLeaf>>* leaves_ = nullptr;
  std::vector<std::shared_ptr<struct PendingJoin>>* pending_joins_ = nullptr;
  bool keep_unknown_targets_ = false;
  std::vector<std::map<std::string, std::shared_ptr<CteDef>>> ctes_;
  std::set<const Operator*> lateral_ops_;  // FROM items that read earlier items' columns
  std::vector<std::shared_ptr<CteDef>> data_modifying_;
  // Tables changed by data-modifying WITH queries. PostgreSQL runs those with the statement's
  // snapshot, invisible to the main query; Tusk refuses to read them in the same statement
  // rather than show the changes.
  std::set<uint32_t> cte_modified_tables_;
  struct RowLocking* locking_ = nullptr;  // FOR UPDATE/SHARE of the SELECT being planned
  bool outer_free_ = true;
  DefinitionCapture* capture_ = nullptr;
  std::vector<uint32_t> expanding_views_;  // views being planned, outermost first (recursion check)  // no filter of the scan reads columns we cannot see here
  // The role privileges and row-level security are checked for: a view's owner while its query
  // is planned (unless security_invoker), else 0, the current user.
  uint32_t check_as_user_ = 0;
  Binder binder_;
  std::vector<std::unique_ptr<Script>> stored_exprs_;  // parse trees the plan was made from (stored expressions, view definitions)
};

// Splits an AND tree into its conjuncts.
void SplitConjuncts(Node* n, std::vector<Node*>* out);

}  // namespace tusk
