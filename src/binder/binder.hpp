// The binder: turns parse-tree expressions into typed, resolved Expr trees. It resolves column
// names against a Scope (the FROM clause, with enclosing scopes for correlated subqueries),
// picks operators and functions by argument types with PostgreSQL's coercion rules, and infers
// the types of $n parameters from context.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"
#include "execution/operators.hpp"
#include "parser/parser.hpp"
#include "execution/window.hpp"
#include "types/cast.hpp"

#include <map>
#include <set>
#include <optional>

namespace tusk {

// One relation visible in a FROM clause.
struct ScopeRel {
  std::string alias;                 // table name or alias
  std::vector<std::string> columns;  // "" for dropped columns
  std::vector<Type> types;
  int offset = 0;                    // position of its first column in the joined row
  uint32_t table_oid = 0;
  uint32_t relation_oid = 0;         // a table's or system relation's OID: its tableoid column
  int tableoid_column = -1;          // a partitioned table's: the nameless column holding each row's partition
  std::vector<std::string> using_hidden;  // columns merged by JOIN USING (unqualified references see the merged copy)
  size_t star_before = SIZE_MAX;          // JOIN USING merged columns: SELECT * lists them before this relation
};

struct Scope {
  std::vector<ScopeRel> rels;
  int width = 0;
  const Scope* parent = nullptr;
  bool qualify_names = false;  // EXPLAIN shows alias.column when several relations are joined
  void Add(ScopeRel rel) { rel.offset = width; width += static_cast<int>(rel.columns.size()); rels.push_back(std::move(rel)); }
};

// Aggregation context for the select list / HAVING / ORDER BY of a grouped query.
struct AggContext {
  std::vector<ExprP> groups;   // bound against the FROM scope
  std::vector<AggSpec> aggs;   // collected while binding
  const Scope* from = nullptr;
  // Grouping sets (indexes into groups) and, once known, the position of the set-index column
  // in the aggregate's output (read by GROUPING()).
  std::shared_ptr<std::vector<std::vector<int>>> sets = std::make_shared<std::vector<std::vector<int>>>();
  std::shared_ptr<int> set_column = std::make_shared<int>(-1);
  // Binds an aggregate's arguments when they are not rows of `from`: a window aggregate of a
  // grouped query (`sum(count(*)) OVER ()`) reads the groups. Unset: over `from`.
  std::function<ExprP(Node*)> bind_arguments;
};

// Window function calls collected while binding a select list / ORDER BY. Calls are replaced
// by ColumnExprs with index kWindowBase + k, remapped once the window operator's input width
// is known.
inline constexpr int kWindowBase = 1 << 20;
struct WindowCall;
struct WindowContext {
  const Scope* scope = nullptr;
  AggContext* agg = nullptr;                       // grouped query: window input is the agg output
  std::map<std::string, PgQuery__WindowDef*> named;  // WINDOW w AS (...)
  std::vector<WindowCall> calls;
  // Binds a set-returning call in PARTITION BY or ORDER BY of a window; the query runs such
  // calls in a ProjectSet step below the window. Unset, they are refused.
  std::function<ExprP(Node* call, const Scope& scope, AggContext* agg)> set_function_in_definition;
};

// While one is alive, binding leaves calls over constants unevaluated: for callers that take the
// bound expression apart, or print it (pg_get_expr).
struct NoFold {
  NoFold();
  ~NoFold();
  NoFold(const NoFold&) = delete;
  NoFold& operator=(const NoFold&) = delete;
};

struct ParamTypes {
  std::vector<Type> types;  // kUnknown until inferred
  bool allow_new = false;   // true while preparing: $n beyond `types` declares a parameter
};

class Binder {
 public:
  Binder(ExecState* state, ParamTypes* params) : state_(state), params_(params) {}

  ExprP Bind(Node* node, const Scope& scope);
  // Binds with aggregates allowed (select list of a grouped query, HAVING, ORDER BY).
  ExprP BindAgg(Node* node, const Scope& scope, AggContext* agg);
  // A column a grouped query may read because GROUP BY has its table's primary key; null if not.
  ExprP FunctionallyDependent(const ExprP& column, AggContext& agg);
  // Where aggregates are forbidden, the clause name for the error ("WHERE", "JOIN conditions").
  void set_clause(const char* clause) { clause_ = clause; }
  void set_window(WindowContext* w) { window_ = w; }

  Type ResolveType(PgQuery__TypeName* tn);
  // Converts e to type `to`; throws 42804 (assignment) or 42846 (cannot cast) when impossible.
  ExprP Coerce(ExprP e, const Type& to, CastContext ctx, int location, const std::string& what = "");
  ExprP CoerceToBool(ExprP e, const char* clause, int location);
  // Row values (binder/row_binding.cpp). (base).field on a row whose fields are known;
  // PostgreSQL's errors otherwise.
  ExprP SelectField(ExprP base, const std::string& field, int location);
  // Coerce's step between row types: a `record` to a composite type field by field (42846 with
  // PostgreSQL's DETAIL when the fields do not fit), any row to `record` as it is.
  ExprP CoerceRow(ExprP e, const Type& to, CastContext ctx, int location);
  // The whole row of a FROM item `level` query levels out: its table's row type for a table,
  // else a record of its columns.
  ExprP WholeRow(const ScopeRel& rel, int level);
  // l op r over two rows of different row types (=, <>, <, <=, >, >=).
  ExprP CompareRows(const std::string& op, ExprP l, ExprP r);
  // Coerce's step into a domain (binder/domain_binding.cpp): to the domain's base type, then a
  // DomainCheckExpr with every level's NOT NULL and CHECK constraints.
  ExprP CoerceToDomain(ExprP e, const Type& to, CastContext ctx, int location, const std::string& what);
  // A domain's CHECK expression (SQL text over VALUE) bound as boolean, VALUE being column 0
  // of the row it is evaluated on, of type `value_type`.
  ExprP BindDomainCheck(const std::string& sql, const Type& value_type, const std::string& schema);
  // The common type of several expressions (CASE, COALESCE, VALUES, UNION); 42804 on mismatch.
  Type CommonType(const std::vector<ExprP>& exprs, const char* context, int location);
  // A comparison function for two values of type t, as used by IN / ANY.
  ExprP MakeComparison(const std::string& op, ExprP l, ExprP r, int location);
  // Builds "op" applied to two bound expressions.
  // l = r as a call that constant folding leaves alone, for the forms that reuse the
  // equality function (IS DISTINCT FROM, NULLIF).
  ExprP UnfoldedEquality(ExprP l, ExprP r, int location);
  ExprP MakeBinaryOp(const std::string& op, ExprP l, ExprP r, int location);
  // & | # << >> over integers, and prefix ~ (l null); null when the operands are not integers.
  ExprP BindIntegerBitwise(const std::string& op, ExprP l, ExprP r, int location);
  // While a built-in function binds: whether the call was written with VARIADIC, its last
  // argument then being the array of the variadic values.
  bool variadic_call() const { return variadic_call_; }

  ExecState* state() { return state_; }
  const Catalog& catalog() const { return *state_->catalog; }
  std::vector<std::string> SearchPath() const;
  // While set, names resolve along this path instead of the session's (a view's query binds
  // along the search_path it was created under).
  std::optional<std::vector<std::string>> search_path_override;
  // While set, each unqualified column reference records the alias of the relation it found
  // (CREATE VIEW keeps its query with every column qualified).
  std::map<const PgQuery__ColumnRef*, std::string>* column_qualifiers = nullptr;
  // The tables whose columns (or whole rows) the bound expressions read: an UPDATE or DELETE
  // that reads its target needs SELECT on it, and its SELECT policies apply.
  std::set<uint32_t> read_tables;
  // While set, a name no column or FROM item has may be a parameter of the SQL function whose
  // body is being bound: `name` or `function.name` is $n (PostgreSQL's sql_fn_post_column_ref).
  struct FunctionParameters {
    std::string function;
    std::vector<std::string> names;  // "" for an unnamed parameter
    // PL/pgSQL's nested scopes: the parameter (variable) `label.name` or, with label "", `name`
    // names where the SQL stands; -1 when none. When set, `names` is not used, and `var.field`
    // reads a field of a row variable.
    std::function<int(const std::string& label, const std::string& name)> resolve;
    // Called before `var.field` reads a field of the variable: PL/pgSQL refuses a record that
    // was not assigned yet. May be empty.
    std::function<void(int var)> reading_field;
    // PL/pgSQL's #variable_conflict: a name that is both a column and a variable is an error
    // (PostgreSQL's default), the variable, or the column.
    enum class Conflict { kError, kUseVariable, kUseColumn } conflict = Conflict::kError;
  };
  const FunctionParameters* function_parameters = nullptr;
  // Makes `p` the function parameters of every binder on this thread that has none of its own,
  // while alive: for the statements of a function body that the engine binds itself (INSERT,
  // UPDATE, DELETE).
  struct FunctionParametersScope {
    explicit FunctionParametersScope(const FunctionParameters* p);
    ~FunctionParametersScope();
    FunctionParametersScope(const FunctionParametersScope&) = delete;
    FunctionParametersScope& operator=(const FunctionParametersScope&) = delete;
    const FunctionParameters* saved;
  };
  // Set while CALL binds its procedure call: the call must name a procedure.
  bool calling_procedure = false;
  // Binds an expression stored with a table (a default, CHECK, index expression or predicate):
  // its names resolve in the table's schema first, then along search_path, so that a stored
  // expression means the same whatever search_path a later statement runs under.
  ExprP BindStored(Node* node, const Scope& scope, const std::string& table_schema);
  // Plans a subquery (SELECT) with `scope` as its enclosing scope. Set by the planner.
  std::function<OpP(Node*, const Scope*, bool* correlated)> plan_subquery;
  // Set while a select list binds: binds a set-returning call inside an expression (`f(x) ||
  // '!'`), which the select list then runs in its ProjectSet step. Unset, such calls are refused.
  std::function<ExprP(Node* call, const Scope& scope, AggContext* agg)> set_function_in_expression;
  // Set while the function call of a FROM item binds (only the outermost call sees it): the row
  // type the item's column definition list declares (`AS x(a int, b text)`), when it has one.
  // A function whose result is `record` takes it through RecordResultType.
  struct ColumnDefinitionList {
    std::optional<Type> record;
    int call_location = -1;
    bool taken = false;
  };
  ColumnDefinitionList* from_function = nullptr;
  // The row type of a call of `function`, whose result is `record` (jsonb_to_record): the FROM
  // item's column definition list; 42601 in FROM without one, 0A000 anywhere else.
  Type RecordResultType(const std::string& function);
  // Set while a CASE or COALESCE binds ("CASE"): a set-returning call there is refused, as in
  // PostgreSQL. A subquery's select list clears it for its own items.
  const char* conditional = nullptr;
  // How many query levels out the columns bound so far reach: 0 when they all belong to the
  // query being bound, 1 when one reads its enclosing query's row, and so on. A subquery is
  // correlated when its own references reach past it (see Planner::PlanNested).
  int outer_reach = 0;

 private:
  bool variadic_call_ = false;
  std::string stored_schema_;  // set while BindStored runs
  const Type* domain_value_ = nullptr;  // set while a domain CHECK is bound: VALUE's type
  // For each aggregate whose arguments are being bound (innermost last): its FROM scope, and how
  // many levels out of it the nearest column they read lives (PostgreSQL's aggregate level;
  // INT_MAX when none).
  struct AggLevelWatch { const Scope* from; int level; };
  std::vector<AggLevelWatch> agg_watches_;
  // While a subquery of a grouped query binds: the columns it reads of that query's FROM scope
  // (which must be grouped), with where each reference stands and its name.
  struct OuterColumnRead {
    int column;
    int location;
    std::string name;
  };
  struct OuterColumnWatch {
    const Scope* scope;
    std::vector<OuterColumnRead> reads;
  };
  std::vector<OuterColumnWatch*> outer_watches_;
  // The subquery's plan, seeing the group's row as the FROM row it was bound over.
  OpP OverGroupedRow(OpP plan, const Scope& from, AggContext& agg, const OuterColumnWatch& watch);
  ExprP BindNode(Node* node, const Scope& scope, AggContext* agg);
  ExprP BindColumnRef(PgQuery__ColumnRef* ref, const Scope& scope);
  // A column of scope `s`, `level` query levels out, was read: widens outer_reach and the
  // levels of the aggregates being bound.
  void NoteReach(const Scope* s, int level);
  // `name` or `function.name` naming a parameter of function_parameters; null otherwise.
  // Whether a column reference also names a PL/pgSQL variable visible where it stands.
  bool NamesVariable(const std::vector<std::string>& parts) const;
  FunctionParameters::Conflict VariableConflict() const;
  ExprP FunctionParameter(const std::vector<std::string>& parts);
  ExprP BindConst(PgQuery__AConst* c);
  ExprP BindAExpr(PgQuery__AExpr* e, const Scope& scope, AggContext* agg);
  ExprP BindFuncCall(PgQuery__FuncCall* f, const Scope& scope, AggContext* agg);
  ExprP BindAggregate(PgQuery__FuncCall* f, const std::string& name, const Scope& scope, AggContext* agg);
  ExprP BindSubLink(PgQuery__SubLink* s, const Scope& scope, AggContext* agg);
  ExprP BindSqlValueFunction(PgQuery__SQLValueFunction* f);
  ExprP BindRowConstructor(PgQuery__RowExpr* r, const Scope& scope, AggContext* agg);
  // `name` or `name.*` as a whole-row reference to the FROM item so named; null when none is.
  ExprP FindWholeRow(const std::string& name, const Scope& scope, int location);
  ExprP BindRowComparison(const std::string& op, PgQuery__RowExpr* l, PgQuery__RowExpr* r, const Scope& scope, AggContext* agg, int location);
  ExprP BindCase(PgQuery__CaseExpr* c, const Scope& scope, AggContext* agg);
  ExprP BindLike(const std::string& op, ExprP l, ExprP r, int location);

  ExprP BindWindowCall(PgQuery__FuncCall* f, const std::string& name);

  ExecState* state_;
  ParamTypes* params_;
  const char* clause_ = "WHERE";
  WindowContext* window_ = nullptr;
};

// Whether a three-way comparison's result satisfies op (=, <>, !=, <, <=, >, >=).
std::function<bool(int)> ComparisonTest(const std::string& op);
// Name of a column produced by an expression, as PostgreSQL's FigureColname picks it.
std::string FigureColname(Node* node);
// The leftmost source location of a parse-tree expression (PostgreSQL's exprLocation), or -1.
int ExprLocation(Node* node);
// Text of a String node list ("schema.name").
std::string NameListToString(Node** items, size_t n);
std::string StrVal(Node* n);

// Builds an Expr for a built-in function call, or returns nullptr when there is no such
// function. Defined in function/.
ExprP BindBuiltinFunction(Binder& b, const std::string& name, std::vector<ExprP>& args, int location);
bool IsAggregateName(const std::string& name);
// Builds a call of a user-defined function (routines/function_call.cpp): `arg_names` gives each
// argument's name in named notation ("" when positional). Null when no user function of that
// name fits; throws 42725 when several fit equally, 42809 for a procedure.
ExprP BindUserFunction(Binder& b, const std::vector<std::string>& name_parts, std::vector<ExprP>& args,
                       const std::vector<std::string>& arg_names, int location);
struct SetFunction;  // function/set_returning.hpp
// Whether some user-defined function of this name returns a set (only then is a select-list
// call of that name a row source).
bool HasSetReturningUserFunction(const Catalog& cat, const std::string& name);
// A user-defined function called as a FROM item (`sets_only`: in a select list, where only a
// set-returning one is a row source); nullopt when none of that name fits.
std::optional<SetFunction> BindUserSetFunction(Binder& b, const std::vector<std::string>& name_parts, std::vector<ExprP>& args,
                                               const std::vector<std::string>& arg_names, int location, bool sets_only = false);

}  // namespace tusk
