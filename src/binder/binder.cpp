#include "binder/binder.hpp"
#include "binder/folding.hpp"
#include "binder/operator_registry.hpp"
#include "binder/set_function_hook.hpp"
#include "execution/grouped_outer_row.hpp"
#include "execution/row_exprs.hpp"
#include "types/domain.hpp"

#include <cmath>
#include <set>
#include <utility>

#include "binder/operators_impl.hpp"
#include "function/named_arguments.hpp"
#include "function/regex_functions.hpp"
#include "catalog/system/object_names.hpp"
#include "function/set_returning.hpp"
#include "common/error.hpp"
#include "common/notices.hpp"
#include "common/stack_depth.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "types/arrays.hpp"
#include "types/compare.hpp"
#include "types/json/jsonb_subscript.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

bool IsUnknownLiteral(const ExprP& e) { return e->type.id == oid::kUnknown && !e->type.array; }

uint32_t RankType(int r) {
  static const uint32_t kTypes[] = {0, oid::kInt2, oid::kInt4, oid::kInt8, oid::kNumeric, oid::kFloat4, oid::kFloat8};
  return kTypes[r];
}

int DateTimeRank(uint32_t id) {
  return id == oid::kDate ? 1 : id == oid::kTimestamp ? 2 : id == oid::kTimestamptz ? 3 : 0;
}

namespace {
std::string OpName(PgQuery__AExpr* e) {
  std::string op;
  for (size_t i = 0; i < e->n_name; i++) op = StrVal(e->name[i]);
  return op;
}

// Operators are immutable and strict: with a NULL constant argument the result is NULL, and
// with all-constant arguments it is computed now (as PostgreSQL's planner folds constants, so
// errors such as division by zero surface even when no row is read).
thread_local ExecState* g_fold_state = nullptr;  // the binding session's state (one thread per session)
thread_local int g_no_fold = 0;                   // >0 while building calls whose parts are reused
}  // namespace

// Evaluates an immutable expression whose inputs are all constants (COALESCE, GREATEST/LEAST,
// NULLIF), as PostgreSQL's planner does.
ExprP FoldConstant(ExprP e) {
  if (g_no_fold || !g_fold_state) return e;
  if (auto* co = dynamic_cast<CoalesceExpr*>(e.get())) {
    for (const auto& a : co->args) {
      auto* k = dynamic_cast<ConstExpr*>(a.get());
      if (!k) return e;
      if (!k->value.is_null()) return std::make_shared<ConstExpr>(k->value, e->type);
    }
  }
  bool all_const = true;
  e->ForEachChild([&](const ExprP& c) { all_const &= dynamic_cast<ConstExpr*>(c.get()) != nullptr; });
  if (!all_const) return e;
  Row none;
  EvalContext ctx;
  ctx.row = &none;
  ctx.state = g_fold_state;
  return std::make_shared<ConstExpr>(e->Eval(ctx), e->type);
}

// A strict call, folded to its value when every argument is a constant (NULL when one is NULL).
ExprP FoldCall(std::shared_ptr<CallExpr> call) {
  bool all_const = g_no_fold == 0;
  for (const auto& a : call->args) {
    if (g_no_fold) break;
    auto* c = dynamic_cast<ConstExpr*>(a.get());
    if (!c) { all_const = false; continue; }
    if (c->value.is_null()) return std::make_shared<ConstExpr>(Value::Null(), call->type);
  }
  if (all_const && !call->args.empty() && g_fold_state) {
    Row none;
    EvalContext ctx;
    ctx.row = &none;
    ctx.state = g_fold_state;
    return std::make_shared<ConstExpr>(call->Eval(ctx), call->type, "");
  }
  return call;
}

ExprP MakeCall(Type t, const std::string& name, std::vector<ExprP> args, ScalarFn fn, bool infix) {
  return FoldCall(std::make_shared<CallExpr>(std::move(t), name, std::move(args), std::move(fn), true, infix));
}

std::string StrVal(Node* n) {
  if (n && n->node_case == PG_QUERY__NODE__NODE_STRING) return n->string->sval;
  return "";
}

std::string NameListToString(Node** items, size_t n) {
  std::string r;
  for (size_t i = 0; i < n; i++) {
    if (i) r += ".";
    r += StrVal(items[i]);
  }
  return r;
}

std::vector<std::string> Binder::SearchPath() const {
  std::vector<std::string> path = search_path_override ? *search_path_override
                                  : state_->session ? state_->session->SearchPath() : std::vector<std::string>{"public"};
  if (!stored_schema_.empty() && std::find(path.begin(), path.end(), stored_schema_) == path.end())
    path.insert(path.begin(), stored_schema_);
  return path;
}

ExprP Binder::BindStored(Node* node, const Scope& scope, const std::string& table_schema) {
  struct Restore {
    std::string* slot;
    std::string saved;
    ~Restore() { *slot = saved; }
  } restore{&stored_schema_, stored_schema_};
  stored_schema_ = table_schema;
  return Bind(node, scope);
}

Type Binder::ResolveType(PgQuery__TypeName* tn) {
  std::string schema, name;
  if (tn->n_names == 2) {
    schema = StrVal(tn->names[0]);
    name = StrVal(tn->names[1]);
    if (schema == "pg_catalog") schema = "";
  } else if (tn->n_names > 0) {
    name = StrVal(tn->names[tn->n_names - 1]);
  }
  std::vector<int64_t> mods;
  for (size_t i = 0; i < tn->n_typmods; i++) {
    Node* m = tn->typmods[i];
    if (m->node_case == PG_QUERY__NODE__NODE_A_CONST && m->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
      mods.push_back(m->a_const->ival->ival);
    else
      ThrowAt(sqlstate::kSyntaxError, "type modifiers must be simple constants or identifiers", tn->location);
  }
  Type t;
  bool array_by_name = false;
  if (schema.empty()) {
    if (name == "serial" || name == "bigserial" || name == "smallserial")
      ThrowAt(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist", tn->location);
    std::string lookup = name;
    if (name == "bpchar" && mods.empty() && tn->n_names == 2) {
      // "char" without length is char(1)
      mods.push_back(1);
    }
    if (auto id = BuiltinTypeByName(lookup)) {
      t = Type(*id);
    } else if (lookup.size() > 1 && lookup[0] == '_') {
      // an array type by its pg_type name: _int4 is integer[]
      if (auto elem = BuiltinTypeByName(lookup.substr(1)); elem && ArrayOidOf(*elem)) {
        t = Type(*elem);
        array_by_name = true;
      }
    }
  }
  if (t.id == oid::kUnknown && name != "unknown") {
    if (auto d = catalog().FindDomain(schema, name, SearchPath())) {
      if (!mods.empty()) ThrowAt(sqlstate::kSyntaxError, "type modifier is not allowed for type \"" + name + "\"", tn->location);
      t = DomainType(d);
      if (tn->n_array_bounds > 0) {
        if (d->base.array)
          ThrowAt(sqlstate::kFeatureNotSupported, "arrays of domain " + name + ", whose base type is an array, are not supported", tn->location);
        t = t.ArrayOf();
      }
      return t;
    }
    if (const TableDef* table = catalog().FindRowType(schema, name, SearchPath())) {
      if (!mods.empty()) ThrowAt(sqlstate::kSyntaxError, "type modifier is not allowed for type \"" + name + "\"", tn->location);
      t = Type::Record(RowTypeOf(*table));
      return tn->n_array_bounds > 0 ? t.ArrayOf() : t;
    }
    auto e = catalog().FindEnum(schema, name, SearchPath());
    if (!e) ThrowAt(sqlstate::kUndefinedObject, "type \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist", tn->location);
    t = Type::Enum(e);
    if (!mods.empty()) ThrowAt(sqlstate::kSyntaxError, "type modifier is not allowed for type \"" + name + "\"", tn->location);
  }
  if (t.id == oid::kFloat4 && !mods.empty()) {
    // float(p): 1-24 real, 25-53 double precision
    if (mods[0] < 1) ThrowAt(sqlstate::kInvalidParameterValue, "precision for type float must be at least 1 bit", tn->location);
    if (mods[0] > 53) ThrowAt(sqlstate::kInvalidParameterValue, "precision for type float must be less than 54 bits", tn->location);
    t = Type(mods[0] <= 24 ? oid::kFloat4 : oid::kFloat8);
    mods.clear();
  }
  if (t.id == oid::kBpchar && mods.empty() && tn->n_names == 2) mods.push_back(1);
  if (t.id == oid::kInterval) mods.clear();  // interval fields/precision: accepted, not enforced
  try {
    t.typmod = MakeTypmod(t.id, mods);
  } catch (Error& err) {
    err.WithPosition(tn->location + 1);
    throw;
  }
  t.array = array_by_name || tn->n_array_bounds > 0;
  return t;
}

ExprP Binder::Coerce(ExprP e, const Type& to, CastContext ctx, int location, const std::string& what) {
  if (to.domain) return CoerceToDomain(std::move(e), to, ctx, location, what);
  if (e->type.domain && to.id != oid::kUnknown) {
    // A domain's value is its base type's: to the base type itself, a relabelling (PostgreSQL's
    // RelabelType); to another type, the base type's cast.
    Type base = BaseTypeOf(e->type);
    if (base == to && (to.typmod < 0 || base.typmod == to.typmod)) return std::make_shared<CastExpr>(e, to, ctx == CastContext::kExplicit);
  }
  if (e->type == to && e->type.typmod == to.typmod) return e;
  if (e->type == to && to.typmod < 0) return e;
  if (to.id == oid::kUnknown) return e;
  if (auto* p = dynamic_cast<ParamExpr*>(e.get())) {
    Type& pt = params_->types[static_cast<size_t>(p->index)];
    if (pt.id == oid::kUnknown && !pt.array) {
      pt = to;
      pt.typmod = -1;
      return std::make_shared<ParamExpr>(p->index, pt);
    }
  }
  if (e->type.IsRow() && to.IsRow() && CanCast(e->type, to, ctx)) return CoerceRow(std::move(e), to, ctx, location);
  if (!CanCast(e->type, to, ctx)) {
    if (ctx == CastContext::kAssignment && !what.empty())
      throw Error(sqlstate::kDatatypeMismatch, what + " is of type " + TypeName(to) + " but expression is of type " + TypeName(e->type))
          .WithHint("You will need to rewrite or cast the expression.").WithPosition(location + 1);
    ThrowAt(sqlstate::kCannotCoerce, "cannot cast type " + TypeName(e->type) + " to " + TypeName(to), location);
  }
  // Constants fold right away. Input-syntax errors of literals point at the literal, as in
  // PostgreSQL; range and length errors carry no position.
  if (auto* c = dynamic_cast<ConstExpr*>(e.get())) {
    if (c->value.is_null()) return std::make_shared<ConstExpr>(Value::Null(), to, "", c->location);
    // Unfolded (a stored expression being printed): a typed constant keeps its cast, as
    // PostgreSQL prints (0)::numeric; integers widen without one (cross-type operators).
    if (g_no_fold && c->type.id != oid::kUnknown && !c->type.array && !to.array && ctx == CastContext::kImplicit &&
        !(c->type.id == oid::kInt4 && IsIntegerType(to.id)))
      return std::make_shared<CastExpr>(e, to, false);
    Value v;
    if (c->type.id == oid::kUnknown && !c->type.array) {
      Type base = to;
      base.typmod = -1;
      try {
        ScopedNoticePosition notice_at(c->location >= 0 ? c->location + 1 : location + 1);  // tsquery's empty-query NOTICE
        v = ParseText(base, c->value.s(), state_->dt);
      } catch (Error& err) {
        int at = c->location >= 0 ? c->location : location;
        if (at >= 0) err.WithPosition(at + 1);
        throw;
      }
      v = ApplyTypmod(to, v, ctx == CastContext::kExplicit);
    } else {
      v = CastValue(c->value, c->type, to, ctx, state_->dt);
    }
    // An integer literal widened for a comparison still prints as the literal (PostgreSQL has
    // cross-type integer operators and does not cast it).
    std::string sql;
    if (c->type.id == oid::kInt4 && !c->type.array && IsIntegerType(to.id) && !to.array && ctx == CastContext::kImplicit)
      sql = c->ToSql();
    return std::make_shared<ConstExpr>(v, to, sql, c->location);
  }
  return std::make_shared<CastExpr>(e, to, ctx == CastContext::kExplicit);
}

ExprP Binder::CoerceToBool(ExprP e, const char* clause, int location) {
  if (e->type.id == oid::kBool && !e->type.array) return e;
  if (IsUnknownLiteral(e) || dynamic_cast<ParamExpr*>(e.get())) return Coerce(e, Type(oid::kBool), CastContext::kImplicit, location);
  ThrowAt(sqlstate::kDatatypeMismatch, std::string("argument of ") + clause + " must be type boolean, not type " + TypeName(e->type), location);
}

Type Binder::CommonType(const std::vector<ExprP>& exprs, const char* context, int location) {
  Type best(oid::kUnknown);
  for (const auto& e : exprs) {
    const Type& t = e->type;
    if (t.id == oid::kUnknown && !t.array) continue;
    if (best.id == oid::kUnknown) { best = t; continue; }
    if (best == t) { if (best.typmod != t.typmod) best.typmod = -1; continue; }
    if (!best.array && !t.array) {
      int a = NumericRank(best.id), b = NumericRank(t.id);
      if (a && b) { best = Type(RankType(std::max(a, b))); continue; }
      if (IsStringType(best.id) && IsStringType(t.id)) { best = Type(oid::kText); continue; }
      int da = DateTimeRank(best.id), db = DateTimeRank(t.id);
      if (da && db) { best = Type(da > db ? best.id : t.id); continue; }
    }
    if (CanCast(t, best, CastContext::kImplicit)) continue;
    if (CanCast(best, t, CastContext::kImplicit)) { best = t; continue; }
    ThrowAt(sqlstate::kDatatypeMismatch, std::string(context) + " types " + TypeName(best) + " and " + TypeName(t) + " cannot be matched", location);
  }
  if (best.id == oid::kUnknown) best = Type(oid::kText);
  // A domain is the common type only of inputs all of that domain; else its base type is
  // (PostgreSQL's select_common_type).
  if (best.domain)
    for (const auto& e : exprs)
      if (!(e->type.id == oid::kUnknown && !e->type.array) &&
          (!e->type.domain || e->type.domain->oid != best.domain->oid || e->type.array != best.array)) {
        best = BaseTypeOf(best);
        break;
      }
  return best;
}

ExprP Binder::Bind(Node* node, const Scope& scope) { return BindNode(node, scope, nullptr); }

// PostgreSQL lets a grouped query read any column of a table whose primary key it groups by
// (the column is functionally dependent on the key). Every row of such a group has the same
// value, so it is read through min(), which returns that value (or NULL).
ExprP Binder::FunctionallyDependent(const ExprP& column, AggContext& agg) {
  auto* col = dynamic_cast<const ColumnExpr*>(column.get());
  if (!col || col->level != 0 || agg.sets->size() > 1 || !agg.from) return nullptr;
  for (const auto& r : agg.from->rels) {
    if (col->index < r.offset || col->index >= r.offset + static_cast<int>(r.columns.size()) || !r.table_oid) continue;
    const TableDef* t = state_->catalog->FindTable(r.table_oid);
    const IndexDef* pk = t && t->pk_index ? state_->catalog->FindIndex(t->pk_index) : nullptr;
    if (!pk) return nullptr;
    for (const auto& ic : pk->columns) {
      ColumnExpr key(r.offset + ic.column, 0, r.types[static_cast<size_t>(ic.column)], "");
      bool grouped = false;
      for (const auto& g : agg.groups) grouped = grouped || g->Key() == key.Key();
      if (!grouped) return nullptr;
    }
    AggSpec spec;
    spec.name = "min";
    spec.arg = column;
    spec.result = column->type;
    agg.aggs.push_back(spec);
    return std::make_shared<ColumnExpr>(static_cast<int>(agg.groups.size() + agg.aggs.size() - 1), 0, column->type, col->name);
  }
  return nullptr;
}

ExprP Binder::BindAgg(Node* node, const Scope& scope, AggContext* agg) { return BindNode(node, scope, agg); }

namespace {
// While a CASE or COALESCE binds (Binder::conditional).
struct ConditionalScope {
  ConditionalScope(Binder* b, const char* what) : b(b), saved(b->conditional) { b->conditional = what; }
  ~ConditionalScope() { b->conditional = saved; }
  Binder* b;
  const char* saved;
};
}  // namespace

ExprP Binder::BindNode(Node* node, const Scope& scope, AggContext* agg) {
  if (!node) return nullptr;
  CheckStackDepth();
  g_fold_state = state_;
  // In a grouped query, an expression equal to a GROUP BY expression reads the group value.
  if (agg && node->node_case != PG_QUERY__NODE__NODE_A_CONST) {
    int saved = outer_reach;
    try {
      ExprP plain = BindNode(node, *agg->from, nullptr);
      std::string key = plain->Key();
      for (size_t i = 0; i < agg->groups.size(); i++)
        if (agg->groups[i]->Key() == key)
          return std::make_shared<ColumnExpr>(static_cast<int>(i), 0, plain->type, plain->ToSql());
    } catch (const Error&) {
    }
    outer_reach = saved;
  }
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST:
      return BindConst(node->a_const);
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      if (agg) {
        ExprP e = BindColumnRef(node->column_ref, *agg->from);
        if (auto* row = dynamic_cast<RowExpr*>(e.get())) {
          // A whole row in a grouped query: each of its columns must be functionally dependent
          // on GROUP BY (its table's primary key grouped).
          std::vector<ExprP> fields;
          for (const auto& f : row->fields) {
            auto* fc = dynamic_cast<ColumnExpr*>(f.get());
            ExprP dependent = fc && fc->level == 0 ? FunctionallyDependent(f, *agg) : f;
            if (!dependent)
              ThrowAt(sqlstate::kGroupingError, "column \"" + row->shown + ".*\" must appear in the GROUP BY clause or be used in an aggregate function", node->column_ref->location);
            fields.push_back(dependent);
          }
          return std::make_shared<RowExpr>(row->type, std::move(fields), row->shown, row->null_marker);
        }
        auto* col = dynamic_cast<ColumnExpr*>(e.get());
        if (col && col->level == 0) {
          if (ExprP dependent = FunctionallyDependent(e, *agg)) return dependent;
          std::string qualified = col->name;
          for (const auto& r : agg->from->rels)
            if (col->index >= r.offset && col->index < r.offset + static_cast<int>(r.columns.size()))
              qualified = r.alias + "." + r.columns[static_cast<size_t>(col->index - r.offset)];
          ThrowAt(sqlstate::kGroupingError, "column \"" + qualified + "\" must appear in the GROUP BY clause or be used in an aggregate function", node->column_ref->location);
        }
        return e;
      }
      return BindColumnRef(node->column_ref, scope);
    }
    case PG_QUERY__NODE__NODE_PARAM_REF: {
      int n = node->param_ref->number;
      if (n < 1 || n > 65535) ThrowAt(sqlstate::kUndefinedParameter, "there is no parameter $" + std::to_string(n), node->param_ref->location);
      if (static_cast<size_t>(n) > params_->types.size()) {
        if (!params_->allow_new) ThrowAt(sqlstate::kUndefinedParameter, "there is no parameter $" + std::to_string(n), node->param_ref->location);
        params_->types.resize(static_cast<size_t>(n), Type(oid::kUnknown));
      }
      const Type& declared = params_->types[static_cast<size_t>(n - 1)];
      // a parameter declared of a domain type is checked as its value arrives
      if (declared.domain)
        return CoerceToDomain(std::make_shared<ParamExpr>(n - 1, BaseTypeOf(declared)), declared, CastContext::kAssignment, -1, "");
      return std::make_shared<ParamExpr>(n - 1, declared);
    }
    case PG_QUERY__NODE__NODE_A_EXPR:
      return BindAExpr(node->a_expr, scope, agg);
    case PG_QUERY__NODE__NODE_BOOL_EXPR: {
      auto* b = node->bool_expr;
      std::vector<ExprP> args;
      const char* name = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? "AND" : b->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? "OR" : "NOT";
      BoolExpr::Op op = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? BoolExpr::kAnd : b->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? BoolExpr::kOr : BoolExpr::kNot;
      // Like PostgreSQL's planner, a constant TRUE in OR (FALSE in AND) decides the result and
      // the remaining arguments are checked but not folded (so 1/0 there raises nothing).
      ExprP decided;
      for (size_t i = 0; i < b->n_args; i++) {
        std::unique_ptr<NoFold> no_fold;
        if (decided) no_fold = std::make_unique<NoFold>();
        ExprP e = CoerceToBool(BindNode(b->args[i], scope, agg), name, ExprLocation(b->args[i]));
        auto* c = dynamic_cast<ConstExpr*>(e.get());
        if (!decided && c && !c->value.is_null() && op != BoolExpr::kNot && c->value.b() == (op == BoolExpr::kOr)) decided = e;
        args.push_back(e);
      }
      if (decided && g_no_fold == 0) return std::make_shared<ConstExpr>(Value::Bool(op == BoolExpr::kOr), Type(oid::kBool));
      return std::make_shared<BoolExpr>(op, std::move(args));
    }
    case PG_QUERY__NODE__NODE_NULL_TEST: {
      auto* t = node->null_test;
      ExprP arg = BindNode(t->arg, scope, agg);
      return std::make_shared<NullTestExpr>(arg, t->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL);
    }
    case PG_QUERY__NODE__NODE_BOOLEAN_TEST: {
      auto* t = node->boolean_test;
      static const char* kTestNames[] = {"", "IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE", "IS UNKNOWN", "IS NOT UNKNOWN"};
      ExprP arg = CoerceToBool(BindNode(t->arg, scope, agg), kTestNames[t->booltesttype], ExprLocation(t->arg));
      return std::make_shared<BoolTestExpr>(arg, static_cast<int>(t->booltesttype));
    }
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      auto* tc = node->type_cast;
      Type to = ResolveType(tc->type_name);
      if (tc->arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR && tc->arg->a_array_expr->n_elements == 0 && to.array)
        return std::make_shared<ConstExpr>(Value::Array({}), to);
      ExprP arg = BindNode(tc->arg, scope, agg);
      if (to.id == oid::kRegclass && !to.array) {
        // 'name'::regclass resolves the relation now, as PostgreSQL's regclassin does.
        auto* c = dynamic_cast<ConstExpr*>(arg.get());
        if (c && !c->value.is_null() && (c->type.id == oid::kUnknown || IsStringType(c->type.id))) {
          std::string text = c->value.s();
          uint32_t rel;
          try {
            rel = MakeObjectNames(state_->catalog, state_->session ? state_->session->CurrentCluster() : state_->db->cluster(), SearchPath(),
                                  state_->session ? state_->session->database() : "")->Lookup(oid::kRegclass, text);
          } catch (Error& e) {
            throw e.WithPosition((tc->arg->a_const ? tc->arg->a_const->location : tc->location) + 1);
          }
          return std::make_shared<ConstExpr>(Value::Int(rel), to, QuoteSqlLiteral(text) + "::regclass");
        }
      }
      if (tc->arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR && tc->arg->a_array_expr->n_elements == 0 && to.array)
        return std::make_shared<ConstExpr>(Value::Array({}), to);
      ExprP cast = Coerce(arg, to, CastContext::kExplicit, tc->location);
      // A number cast to another type is folded here, but PostgreSQL keeps the cast over the
      // constant and prints it so: (2)::bigint (psql's \d, pg_dump, pg_get_constraintdef).
      auto* folded = dynamic_cast<ConstExpr*>(cast.get());
      bool number = tc->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                    (tc->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL ||
                     tc->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL);
      if (folded && number && arg->type != to && !folded->value.is_null())
        return std::make_shared<ConstExpr>(folded->value, folded->type, "(" + arg->ToSql() + ")::" + TypeName(to), folded->location);
      return cast;
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      return BindFuncCall(node->func_call, scope, agg);
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      ConditionalScope in_case(this, "CASE");
      return BindCase(node->case_expr, scope, agg);
    }
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: {
      ConditionalScope in_coalesce(this, "COALESCE");
      auto* c = node->coalesce_expr;
      std::vector<ExprP> args;
      bool decided = false;  // a non-NULL constant argument: later ones are never evaluated
      for (size_t i = 0; i < c->n_args; i++) {
        std::unique_ptr<NoFold> no_fold;
        if (decided) no_fold = std::make_unique<NoFold>();
        args.push_back(BindNode(c->args[i], scope, agg));
        auto* k = dynamic_cast<ConstExpr*>(args.back().get());
        if (k && !k->value.is_null()) decided = true;
      }
      Type t = CommonType(args, "COALESCE", c->location);
      for (auto& a : args) a = Coerce(a, t, CastContext::kImplicit, c->location);
      return FoldConstant(std::make_shared<CoalesceExpr>(t, std::move(args)));
    }
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: {
      auto* m = node->min_max_expr;
      std::vector<ExprP> args;
      for (size_t i = 0; i < m->n_args; i++) args.push_back(BindNode(m->args[i], scope, agg));
      bool greatest = m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST;
      Type t = CommonType(args, greatest ? "GREATEST" : "LEAST", m->location);
      for (auto& a : args) a = Coerce(a, t, CastContext::kImplicit, m->location);
      return FoldConstant(std::make_shared<MinMaxExpr>(t, std::move(args), greatest));
    }
    case PG_QUERY__NODE__NODE_SUB_LINK:
      return BindSubLink(node->sub_link, scope, agg);
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
      return BindSqlValueFunction(node->sqlvalue_function);
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: {
      auto* a = node->a_array_expr;
      std::vector<ExprP> elems;
      for (size_t i = 0; i < a->n_elements; i++) elems.push_back(BindNode(a->elements[i], scope, agg));
      if (elems.empty())
        ThrowAt(sqlstate::kIndeterminateDatatype, "cannot determine type of empty array", a->location);
      Type t = CommonType(elems, "ARRAY", a->location);
      for (auto& e : elems) e = Coerce(e, t, CastContext::kImplicit, a->location);
      // items that are arrays make a multidimensional array of the same type
      return std::make_shared<ArrayExpr>(t.ArrayOf(), std::move(elems), t.array);
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      auto* ind = node->a_indirection;
      ExprP base = BindNode(ind->arg, scope, agg);
      for (size_t i = 0; i < ind->n_indirection; i++) {
        Node* n = ind->indirection[i];
        if (n->node_case == PG_QUERY__NODE__NODE_STRING) {
          base = SelectField(base, n->string->sval, ExprLocation(ind->arg));
          continue;
        }
        if (n->node_case != PG_QUERY__NODE__NODE_A_INDICES)
          throw Error(sqlstate::kFeatureNotSupported, "(x).* is not supported yet").WithPosition(ExprLocation(ind->arg) + 1);
        // int2vector and oidvector subscript as the arrays they are (from 0)
        if (!base->type.array && (base->type.id == oid::kInt2Vector || base->type.id == oid::kOidVector))
          base = Coerce(base, Type(base->type.id == oid::kInt2Vector ? oid::kInt2 : oid::kOid, -1, true), CastContext::kImplicit, -1);
        auto* idx = n->a_indices;
        if (!base->type.array && base->type.id == oid::kName && !idx->is_slice && idx->uidx) {
          // name is a fixed array of 64 bytes in PostgreSQL: name[i] is its byte i as "char"
          ExprP i = Coerce(BindNode(idx->uidx, scope, agg), Type(oid::kInt4), CastContext::kAssignment, -1, "array subscript");
          base = std::make_shared<CallExpr>(Type(oid::kChar), "name_subscript", std::vector<ExprP>{base, i},
                                            [](const std::vector<Value>& a, EvalContext&) {
                                              int64_t k = a[1].i();
                                              if (k < 0 || k >= 64) return Value::Null();
                                              const std::string& s = a[0].s();
                                              return Value::Str(static_cast<size_t>(k) < s.size() ? s.substr(static_cast<size_t>(k), 1) : "");
                                            }, true, false);
          continue;
        }
        if (!base->type.array && base->type.id == oid::kJsonb) {
          // jsonb subscripts: consecutive ones make one path
          size_t end = i;
          while (end < ind->n_indirection && ind->indirection[end]->node_case == PG_QUERY__NODE__NODE_A_INDICES) end++;
          base = JsonbSubscriptRead(base, BindJsonbSubscripts(*this, ind->indirection + i, end - i,
                                                              [&](Node* x) { return BindNode(x, scope, agg); }));
          i = end - 1;
          continue;
        }
        if (!base->type.array)
          ThrowAt(sqlstate::kDatatypeMismatch, "cannot subscript type " + TypeName(base->type) + " because it does not support subscripting", ExprLocation(ind->arg));
        // consecutive subscripts address one array: a[i][j], a[l:u][k]
        size_t end = i;
        bool slice = false;
        while (end < ind->n_indirection && ind->indirection[end]->node_case == PG_QUERY__NODE__NODE_A_INDICES)
          slice |= ind->indirection[end++]->a_indices->is_slice;
        if (end - i > static_cast<size_t>(kMaxArrayDims))
          throw Error(sqlstate::kProgramLimitExceeded, "number of array dimensions (" + std::to_string(end - i) +
                                                           ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDims) + ")");
        auto bind_idx = [&](Node* x) -> ExprP {
          if (!x) return nullptr;
          return Coerce(BindNode(x, scope, agg), Type(oid::kInt4), CastContext::kAssignment, -1, "array subscript");
        };
        std::vector<ExprP> lowers, uppers;
        for (; i < end; i++) {
          auto* sub = ind->indirection[i]->a_indices;
          ExprP lo = bind_idx(sub->lidx), hi = bind_idx(sub->uidx);
          // among slices a plain subscript [k] is [1:k], as in PostgreSQL
          if (slice && !sub->is_slice && !lo) lo = std::make_shared<ConstExpr>(Value::Int(1), Type(oid::kInt4));
          lowers.push_back(lo);
          uppers.push_back(hi);
        }
        i--;
        Type rt = slice ? base->type : base->type.Element();
        base = std::make_shared<SubscriptExpr>(rt, base, std::move(lowers), std::move(uppers), slice);
      }
      return base;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
      return BindNode(node->collate_clause->arg, scope, agg);
    case PG_QUERY__NODE__NODE_SET_TO_DEFAULT:
      ThrowAt(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context", node->set_to_default->location);
    case PG_QUERY__NODE__NODE_ROW_EXPR:
      return BindRowConstructor(node->row_expr, scope, agg);
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: {
      auto* g = node->grouping_func;
      if (!agg) ThrowAt(sqlstate::kGroupingError, std::string("grouping operations are not allowed in ") + clause_, g->location);
      std::vector<int> positions;
      for (size_t i = 0; i < g->n_args; i++) {
        ExprP e = BindNode(g->args[i], *agg->from, nullptr);
        int pos = -1;
        for (size_t k = 0; k < agg->groups.size(); k++)
          if (agg->groups[k]->Key() == e->Key()) pos = static_cast<int>(k);
        if (pos < 0) ThrowAt(sqlstate::kGroupingError, "arguments to GROUPING must be grouping expressions of the associated query level", ExprLocation(g->args[i]));
        positions.push_back(pos);
      }
      auto sets = agg->sets;
      auto column = agg->set_column;
      return std::make_shared<CallExpr>(Type(oid::kInt4), "GROUPING", std::vector<ExprP>{}, [positions, sets, column](const std::vector<Value>&, EvalContext& ctx) {
        int64_t mask = 0;
        int64_t set = (*ctx.row)[static_cast<size_t>(*column)].i();
        for (int p : positions) {
          bool in = sets->empty();
          if (!sets->empty()) for (int m : (*sets)[static_cast<size_t>(set)]) in |= m == p;
          mask = (mask << 1) | (in ? 0 : 1);
        }
        return Value::Int(mask);
      }, false, false);
    }
    default:
      throw Error(sqlstate::kFeatureNotSupported, "expression type " + std::to_string(node->node_case) + " is not supported yet");
  }
}

ExprP Binder::BindConst(PgQuery__AConst* c) {
  if (c->isnull) return std::make_shared<ConstExpr>(Value::Null(), Type(oid::kUnknown), "NULL", c->location);
  switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL:
      return std::make_shared<ConstExpr>(Value::Int(c->ival->ival), Type(oid::kInt4), "", c->location);
    case PG_QUERY__A__CONST__VAL_FVAL: {
      std::string s = c->fval->fval;
      bool integral = s.find_first_of(".eE") == std::string::npos;
      if (integral) {
        try {
          int64_t v = ParseInteger(s, oid::kInt8);
          // An integer written as a float constant because it did not fit int4 as a positive
          // number may fit once negated (-2147483648): int4 then, as PostgreSQL's make_const.
          const bool int4 = v >= INT32_MIN && v <= INT32_MAX;
          return std::make_shared<ConstExpr>(Value::Int(v), Type(int4 ? oid::kInt4 : oid::kInt8), "", c->location);
        } catch (const Error&) {
        }
      }
      Numeric n;
      Numeric::Parse(s, &n);
      return std::make_shared<ConstExpr>(Value::Str(n.ToString()), Type(oid::kNumeric), "", c->location);
    }
    case PG_QUERY__A__CONST__VAL_BOOLVAL:
      return std::make_shared<ConstExpr>(Value::Bool(c->boolval->boolval), Type(oid::kBool), "", c->location);
    case PG_QUERY__A__CONST__VAL_SVAL:
      return std::make_shared<ConstExpr>(Value::Str(c->sval->sval), Type(oid::kUnknown), "", c->location);
    default:
      ThrowAt(sqlstate::kFeatureNotSupported, "bit string constants are not supported", c->location);
  }
}

ExprP Binder::BindColumnRef(PgQuery__ColumnRef* ref, const Scope& scope) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < ref->n_fields; i++) {
    if (ref->fields[i]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      // t.* in an expression is t's whole row
      if (i == 1 && ref->n_fields == 2)
        if (ExprP row = FindWholeRow(StrVal(ref->fields[0]), scope, ref->location)) return row;
      if (i == 1 && ref->n_fields == 2) ThrowAt(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + StrVal(ref->fields[0]) + "\"", ref->location);
      ThrowAt(sqlstate::kSyntaxError, "row expansion via \"*\" is not supported here", ref->location);
    }
    parts.push_back(StrVal(ref->fields[i]));
  }
  std::string col = parts.back();
  std::string rel = parts.size() >= 2 ? parts[parts.size() - 2] : "";
  if (VariableConflict() == FunctionParameters::Conflict::kUseVariable)
    if (ExprP p = FunctionParameter(parts)) return p;
  if (domain_value_ && parts.size() == 1 && col == "value") return std::make_shared<ColumnExpr>(0, 0, *domain_value_, "VALUE");
  int level = 0;
  for (const Scope* s = &scope; s; s = s->parent, level++) {
    const ScopeRel* found_rel = nullptr;
    int found = -1;
    bool rel_seen = false;
    for (const auto& r : s->rels) {
      if (!rel.empty() && r.alias != rel) continue;
      rel_seen = true;
      for (size_t i = 0; i < r.columns.size(); i++) {
        if (r.columns[i] != col) continue;
        if (rel.empty() && std::find(r.using_hidden.begin(), r.using_hidden.end(), col) != r.using_hidden.end()) continue;
        if (found >= 0)
          ThrowAt(sqlstate::kAmbiguousColumn, "column reference \"" + col + "\" is ambiguous", ref->location);
        found = r.offset + static_cast<int>(i);
        found_rel = &r;
      }
    }
    if (found >= 0) {
      if (found_rel->table_oid && stored_schema_.empty()) read_tables.insert(found_rel->table_oid);
      if (VariableConflict() == FunctionParameters::Conflict::kError && NamesVariable(parts))  // PostgreSQL's default
        throw Error(sqlstate::kAmbiguousColumn, "column reference \"" + Join(parts, ".") + "\" is ambiguous")
            .WithDetail("It could refer to either a PL/pgSQL variable or a table column.")
            .WithPosition(ref->location + 1);
      NoteReach(s, level);
      for (OuterColumnWatch* w : outer_watches_)
        if (w->scope == s) w->reads.push_back({found, ref->location, found_rel->alias.empty() ? col : found_rel->alias + "." + col});
      if (column_qualifiers && rel.empty() && !found_rel->alias.empty()) {
        // Only when the alias names the same relation from where the reference stands.
        bool shadowed = false;
        for (const Scope* inner = &scope; inner != s; inner = inner->parent)
          for (const auto& r : inner->rels) shadowed |= r.alias == found_rel->alias;
        if (!shadowed) (*column_qualifiers)[ref] = found_rel->alias;
      }
      std::string name = s->qualify_names && !found_rel->alias.empty() ? found_rel->alias + "." + col : col;
      return std::make_shared<ColumnExpr>(found, level, found_rel->types[static_cast<size_t>(found - found_rel->offset)], QuoteIdent(name == col ? col : found_rel->alias) + (name == col ? "" : "." + QuoteIdent(col)));
    }
    if (col == "tableoid") {
      // The system column every table and catalog has: the relation's OID, the same in each row.
      const ScopeRel* owner = nullptr;
      for (const auto& r : s->rels) {
        if (!r.relation_oid || (!rel.empty() && r.alias != rel)) continue;
        if (owner) ThrowAt(sqlstate::kAmbiguousColumn, "column reference \"tableoid\" is ambiguous", ref->location);
        owner = &r;
      }
      if (owner && owner->tableoid_column >= 0) {
        NoteReach(s, level);
        return std::make_shared<ColumnExpr>(owner->offset + owner->tableoid_column, level, Type(oid::kOid), "tableoid");
      }
      if (owner && owner->table_oid) {
        const TableDef* t = state_->catalog->FindTable(owner->table_oid);
        if (t && t->partition_key)
          ThrowAt(sqlstate::kFeatureNotSupported, "tableoid in ON CONFLICT DO UPDATE of a partitioned table is not supported yet",
                  ref->location);
      }
      if (owner) return std::make_shared<ConstExpr>(Value::Int(owner->relation_oid), Type(oid::kOid), "", ref->location);
    }
    if (!rel.empty() && rel_seen && !s->parent) {
      ThrowAt(sqlstate::kUndefinedColumn, "column " + rel + "." + col + " does not exist", ref->location);
    }
  }
  if (!rel.empty()) {
    if (ExprP p = FunctionParameter(parts)) return p;
    for (const Scope* s = &scope; s; s = s->parent)
      for (const auto& r : s->rels)
        if (r.alias == rel) ThrowAt(sqlstate::kUndefinedColumn, "column " + rel + "." + col + " does not exist", ref->location);
    for (const Scope* s = &scope; s; s = s->parent)
      for (const auto& r : s->rels)
        if (r.table_oid && catalog().RelationName(r.table_oid) == rel)
          throw Error(sqlstate::kUndefinedTable, "invalid reference to FROM-clause entry for table \"" + rel + "\"")
              .WithHint("Perhaps you meant to reference the table alias \"" + r.alias + "\".").WithPosition(ref->location + 1);
    ThrowAt(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + rel + "\"", ref->location);
  }
  // No column is so named: a FROM item may be, whose whole row it then is.
  if (ExprP row = FindWholeRow(col, scope, ref->location)) return row;
  if (ExprP p = FunctionParameter(parts)) return p;
  ThrowAt(sqlstate::kUndefinedColumn, "column \"" + col + "\" does not exist", ref->location);
}

void Binder::NoteReach(const Scope* s, int level) {
  outer_reach = std::max(outer_reach, level);
  for (auto& w : agg_watches_) {
    int up = 0;
    for (const Scope* a = w.from; a; a = a->parent, up++)
      if (a == s) w.level = std::min(w.level, up);
  }
}

ExprP Binder::UnfoldedEquality(ExprP l, ExprP r, int location) {
  NoFold no_fold;
  return MakeComparison("=", l, r, location);
}

std::function<bool(int)> ComparisonTest(const std::string& op) {
  if (op == "=") return [](int c) { return c == 0; };
  if (op == "<>" || op == "!=") return [](int c) { return c != 0; };
  if (op == "<") return [](int c) { return c < 0; };
  if (op == "<=") return [](int c) { return c <= 0; };
  if (op == ">") return [](int c) { return c > 0; };
  return [](int c) { return c >= 0; };
}

ExprP Binder::MakeComparison(const std::string& op, ExprP l, ExprP r, int location) {
  if (l->type.IsRow() && r->type.IsRow() && l->type.record && r->type.record && (l->type != r->type || l->type.id == oid::kRecord))
    return CompareRows(op, std::move(l), std::move(r));
  // Resolve operand types: unknown literals and parameters take the other side's type, except a
  // row's: PostgreSQL resolves the operator to record = record and cannot read a literal as that.
  bool lu = IsUnknownLiteral(l), ru = IsUnknownLiteral(r);
  // json has no comparison operators (jsonb has)
  if ((l->type.id == oid::kJson && !l->type.array) || (r->type.id == oid::kJson && !r->type.array))
    throw Error(sqlstate::kUndefinedFunction, "operator does not exist: " + TypeName(l->type) + " " + op + " " + TypeName(r->type))
        .WithHint("No operator matches the given name and argument types. You might need to add explicit type casts.").WithPosition(location + 1);
  if ((lu && r->type.IsRow()) || (ru && l->type.IsRow()))
    if (auto* literal = dynamic_cast<const ConstExpr*>((lu ? l : r).get()))
      ThrowAt(sqlstate::kFeatureNotSupported, "input of anonymous composite types is not implemented", literal->location);
  if (lu && ru) {
    l = Coerce(l, Type(oid::kText), CastContext::kImplicit, location);
    r = Coerce(r, Type(oid::kText), CastContext::kImplicit, location);
  } else if (lu) {
    l = Coerce(l, r->type, CastContext::kImplicit, location);
  } else if (ru) {
    r = Coerce(r, l->type, CastContext::kImplicit, location);
  }
  Type t = l->type;
  if (l->type != r->type) {
    int a = NumericRank(l->type.id), b = NumericRank(r->type.id);
    int da = DateTimeRank(l->type.id), db = DateTimeRank(r->type.id);
    if (!l->type.array && !r->type.array && (IsOidType(l->type.id) || IsOidType(r->type.id)) &&
        (IsOidType(l->type.id) || IsIntegerType(l->type.id)) && (IsOidType(r->type.id) || IsIntegerType(r->type.id))) {
      t = Type(oid::kOid);  // regclass = oid, oid = 0 and the like compare as OIDs
    } else if (!l->type.array && !r->type.array && a && b) {
      int rank = std::max(a, b);
      if (rank == 5 && std::min(a, b) < 5) rank = 6;  // int vs real compares as float8
      t = Type(RankType(rank));
    } else if (!l->type.array && !r->type.array && IsStringType(l->type.id) && IsStringType(r->type.id)) {
      t = Type(oid::kText);
    } else if (!l->type.array && !r->type.array && da && db) {
      t = Type(da > db ? l->type.id : r->type.id);
    } else if (l->type.array && r->type.array && CanCast(r->type, l->type, CastContext::kImplicit)) {
      t = l->type;
    } else if (l->type.array && r->type.array && CanCast(l->type, r->type, CastContext::kImplicit)) {
      t = r->type;
    } else {
      throw Error(sqlstate::kUndefinedFunction, "operator does not exist: " + TypeName(l->type) + " " + op + " " + TypeName(r->type))
          .WithHint("No operator matches the given name and argument types. You might need to add explicit type casts.")
          .WithPosition(location + 1);
    }
  } else if (l->type.id == oid::kVarchar || (l->type.id == oid::kBpchar && false)) {
    t = Type(oid::kText);
  }
  t.typmod = -1;
  l = Coerce(l, t, CastContext::kImplicit, location);
  r = Coerce(r, t, CastContext::kImplicit, location);
  std::function<bool(int)> test = ComparisonTest(op);
  std::string shown = op == "!=" ? "<>" : op;
  return MakeCall(Type(oid::kBool), shown, {l, r}, [t, test](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(test(CompareValues(t, a[0], a[1])));
  });
}

ExprP Binder::BindAExpr(PgQuery__AExpr* e, const Scope& scope, AggContext* agg) {
  std::string op = OpName(e);
  int loc = e->location;
  switch (e->kind) {
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP: {
      if (!e->lexpr) {  // prefix operator
        ExprP r = BindNode(e->rexpr, scope, agg);
        if (op == "-") {
          if (auto* c = dynamic_cast<ConstExpr*>(r.get()); c && !c->value.is_null()) {
            if (c->type.id == oid::kInt4 || c->type.id == oid::kInt8) {
              if (c->value.i() == 2147483648LL && c->type.id == oid::kInt8) return std::make_shared<ConstExpr>(Value::Int(INT32_MIN), Type(oid::kInt4));
              if (c->value.i() == (c->type.id == oid::kInt8 ? INT64_MIN : INT32_MIN))
                throw Error(sqlstate::kNumericValueOutOfRange, c->type.id == oid::kInt8 ? "bigint out of range" : "integer out of range");
              return std::make_shared<ConstExpr>(Value::Int(-c->value.i()), c->type);
            }
            if (c->type.id == oid::kNumeric) {
              Numeric n;
              Numeric::Parse(c->value.s(), &n);
              return std::make_shared<ConstExpr>(Value::Str(n.Neg().ToString()), c->type);
            }
          }
          ExprP zero = std::make_shared<ConstExpr>(Value::Int(0), Type(oid::kInt4));
          if (r->type.id == oid::kInterval)
            return MakeCall(r->type, "-", {r}, [](const std::vector<Value>& a, EvalContext&) { Interval x = a[0].iv(); return Value::Iv(Interval{-x.time, -x.day, -x.month}); });
          if (r->type.id == oid::kNumeric)
            return MakeCall(r->type, "-", {r}, [](const std::vector<Value>& a, EvalContext&) { Numeric n; Numeric::Parse(a[0].s(), &n); return Value::Str(n.Neg().ToString()); });
          if (r->type.id == oid::kFloat8 || r->type.id == oid::kFloat4)
            return MakeCall(r->type, "-", {r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(-a[0].f()); });
          if (IsIntegerType(r->type.id)) {
            uint32_t t = r->type.id;
            return MakeCall(r->type, "-", {r}, [t](const std::vector<Value>& a, EvalContext&) { return IntArith('-', 0, a[0].i(), t); });
          }
          return MakeBinaryOp("-", zero, r, loc);
        }
        if (op == "+") return r;
        if (op == "~")
          if (ExprP e = BindIntegerBitwise(op, nullptr, r, loc)) return e;
        if (ExprP e = BindRegisteredOperator(*this, op, nullptr, r, loc)) return e;  // a type family's (tsquery's !!)
        throw Error(sqlstate::kUndefinedFunction, "operator does not exist: " + op + " " + TypeName(r->type))
            .WithHint("No operator matches the given name and argument type. You might need to add an explicit type cast.")
            .WithPosition(loc + 1);
      }
      if (e->lexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR && e->rexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR)
        return BindRowComparison(op, e->lexpr->row_expr, e->rexpr->row_expr, scope, agg, loc);
      ExprP l = BindNode(e->lexpr, scope, agg);
      ExprP r = BindNode(e->rexpr, scope, agg);
      return MakeBinaryOp(op, l, r, loc);
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT: {
      ExprP l = BindNode(e->lexpr, scope, agg);
      ExprP r = BindNode(e->rexpr, scope, agg);
      ExprP eq = UnfoldedEquality(l, r, loc);
      auto* call = static_cast<CallExpr*>(eq.get());
      bool distinct = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT;
      auto inner = call->fn;
      auto args = call->args;
      return std::make_shared<CallExpr>(Type(oid::kBool), distinct ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM", args,
                                        [inner, distinct](const std::vector<Value>& a, EvalContext& ctx) {
                                          bool same;
                                          if (a[0].is_null() || a[1].is_null()) same = a[0].is_null() && a[1].is_null();
                                          else same = inner(a, ctx).b();
                                          return Value::Bool(same != distinct);
                                        }, false, true);
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF: {
      ExprP l = BindNode(e->lexpr, scope, agg);
      ExprP r = BindNode(e->rexpr, scope, agg);
      ExprP eq = UnfoldedEquality(l, r, loc);
      auto* call = static_cast<CallExpr*>(eq.get());
      auto inner = call->fn;
      ExprP lc = call->args[0];
      return FoldConstant(std::make_shared<CallExpr>(l->type.id == oid::kUnknown ? Type(oid::kText) : l->type, "NULLIF", call->args,
                                        [inner](const std::vector<Value>& a, EvalContext& ctx) {
                                          if (a[0].is_null()) return a[0];
                                          if (!a[1].is_null() && inner(a, ctx).b()) return Value::Null();
                                          return a[0];
                                        }, false, false));
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
      if (e->lexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR) {
        // (a, b) IN ((1, 2), (3, 4)): OR of row equalities (AND of inequalities for NOT IN)
        std::vector<ExprP> alts;
        auto* list = e->rexpr->list;
        for (size_t i = 0; i < list->n_items; i++) {
          if (list->items[i]->node_case != PG_QUERY__NODE__NODE_ROW_EXPR)
            ThrowAt(sqlstate::kSyntaxError, "subquery has too few columns", loc);
          alts.push_back(BindRowComparison(op == "<>" ? "<>" : "=", e->lexpr->row_expr, list->items[i]->row_expr, scope, agg, loc));
        }
        return std::make_shared<BoolExpr>(op == "<>" ? BoolExpr::kAnd : BoolExpr::kOr, alts);
      }
      ExprP l = BindNode(e->lexpr, scope, agg);
      std::vector<ExprP> items;
      auto* list = e->rexpr->list;
      for (size_t i = 0; i < list->n_items; i++) items.push_back(BindNode(list->items[i], scope, agg));
      // The left operand first: it is preferred when in doubt, as in PostgreSQL.
      std::vector<ExprP> all{l};
      all.insert(all.end(), items.begin(), items.end());
      Type t = CommonType(all, "IN", loc);
      bool varchar_items = t.id == oid::kVarchar && !t.array;
      if (t.id == oid::kVarchar || t.id == oid::kBpchar) t = Type(oid::kText);
      // Validate comparability and coerce.
      MakeComparison("=", l, items[0], loc);
      l = Coerce(l, t, CastContext::kImplicit, loc);
      for (auto& it : items) it = Coerce(it, t, CastContext::kImplicit, loc);
      auto in = std::make_shared<InListExpr>(l, std::move(items), op == "<>", t);
      in->varchar_items = varchar_items;
      return in;
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
    case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE: {
      ExprP l = BindNode(e->lexpr, scope, agg);
      ExprP r = BindNode(e->rexpr, scope, agg);
      return BindLike(op, l, r, loc);
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM: {
      ExprP x = BindNode(e->lexpr, scope, agg);
      auto* list = e->rexpr->list;
      ExprP lo = BindNode(list->items[0], scope, agg);
      ExprP hi = BindNode(list->items[1], scope, agg);
      bool neg = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN || e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
      bool sym = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM || e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
      ExprP a = MakeComparison(neg ? "<" : ">=", x, lo, loc);
      ExprP b = MakeComparison(neg ? ">" : "<=", x, hi, loc);
      ExprP main = std::make_shared<BoolExpr>(neg ? BoolExpr::kOr : BoolExpr::kAnd, std::vector<ExprP>{a, b});
      if (!sym) return main;
      ExprP a2 = MakeComparison(neg ? "<" : ">=", x, hi, loc);
      ExprP b2 = MakeComparison(neg ? ">" : "<=", x, lo, loc);
      ExprP swapped = std::make_shared<BoolExpr>(neg ? BoolExpr::kOr : BoolExpr::kAnd, std::vector<ExprP>{a2, b2});
      return std::make_shared<BoolExpr>(neg ? BoolExpr::kAnd : BoolExpr::kOr, std::vector<ExprP>{main, swapped});
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL: {
      ExprP l = BindNode(e->lexpr, scope, agg);
      ExprP arr = BindNode(e->rexpr, scope, agg);
      if (IsUnknownLiteral(arr)) {
        Type at = IsUnknownLiteral(l) ? Type(oid::kText, -1, true) : l->type.ArrayOf();
        arr = Coerce(arr, at, CastContext::kImplicit, loc);
      }
      if (!arr->type.array && (arr->type.id == oid::kOidVector || arr->type.id == oid::kInt2Vector))
        arr = Coerce(arr, Type(arr->type.id == oid::kOidVector ? oid::kOid : oid::kInt2, -1, true), CastContext::kImplicit, loc);
      if (!arr->type.array)
        ThrowAt(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires array on right side", loc);
      ExprP elem_probe = std::make_shared<ConstExpr>(Value::Null(), arr->type.Element());
      NoFold no_fold;
      ExprP cmp = MakeBinaryOp(op, l, elem_probe, loc);
      auto* call = dynamic_cast<CallExpr*>(cmp.get());
      if (!call || call->type.id != oid::kBool)
        ThrowAt(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires operator to yield boolean", loc);
      ExprP lc = call->args[0];
      Type et = call->args[1]->type;
      Type from = arr->type.Element();
      auto fn = call->fn;
      DateTimeContext* dt = &state_->dt;
      auto compare = [fn, from, et, dt](const Value& a, const Value& b) {
        EvalContext dummy;
        std::vector<Value> args{a, from == et ? b : CastValue(b, from, et, CastContext::kImplicit, *dt)};
        return fn(args, dummy);
      };
      return std::make_shared<ArrayCompareExpr>(lc, arr, op, e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL, compare);
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR: {
      // x SIMILAR TO pat [ESCAPE e] arrives as x ~ similar_to_escape(pat [, e])
      ExprP l = Coerce(BindNode(e->lexpr, scope, agg), Type(oid::kText), CastContext::kImplicit, loc);
      auto* fc = e->rexpr->func_call;
      ExprP pat = Coerce(BindNode(fc->args[0], scope, agg), Type(oid::kText), CastContext::kImplicit, loc);
      ExprP esc = fc->n_args > 1 ? Coerce(BindNode(fc->args[1], scope, agg), Type(oid::kText), CastContext::kImplicit, loc)
                                 : std::make_shared<ConstExpr>(Value::Str("\\"), Type(oid::kText));
      bool neg = op == "!~";
      return MakeCall(Type(oid::kBool), neg ? "!~" : "~", {l, pat, esc}, [neg](const std::vector<Value>& a, EvalContext& ctx) {
        if (a[0].is_null() || a[1].is_null() || a[2].is_null()) return Value::Null();
        auto re = CompileRegex(SimilarToRegex(a[1].s(), SimilarEscapeChar(a[2].s())), false);
        return Value::Bool(RegexSearch(*re, a[0].s(), ctx.state) != neg);
      }, false);
    }
    default:
      throw Error(sqlstate::kFeatureNotSupported, "operator kind is not supported yet").WithPosition(loc + 1);
  }
}

ExprP Binder::BindRowComparison(const std::string& op_in, PgQuery__RowExpr* l, PgQuery__RowExpr* r, const Scope& scope, AggContext* agg, int location) {
  std::string op = op_in == "!=" ? "<>" : op_in;
  if (l->n_args != r->n_args)
    ThrowAt(sqlstate::kSyntaxError, "unequal number of entries in row expressions", location);
  if (op != "=" && op != "<>" && op != "<" && op != "<=" && op != ">" && op != ">=")
    throw Error(sqlstate::kFeatureNotSupported, "row comparison operator " + op + " is not supported").WithPosition(location + 1);
  std::vector<ExprP> args;
  std::vector<Type> types;
  for (size_t i = 0; i < l->n_args; i++) {
    NoFold no_fold;
    ExprP cmp = MakeComparison("=", BindNode(l->args[i], scope, agg), BindNode(r->args[i], scope, agg), location);
    auto* call = static_cast<CallExpr*>(cmp.get());
    args.push_back(call->args[0]);
    args.push_back(call->args[1]);
    types.push_back(call->args[0]->type);
  }
  return std::make_shared<CallExpr>(Type(oid::kBool), op, args, [types, op](const std::vector<Value>& a, EvalContext&) {
    bool saw_null = false;
    for (size_t i = 0; i < types.size(); i++) {
      const Value& x = a[2 * i];
      const Value& y = a[2 * i + 1];
      if (x.is_null() || y.is_null()) {
        if (op == "=" || op == "<>") { saw_null = true; continue; }
        return Value::Null();
      }
      int c = CompareValues(types[i], x, y);
      if (op == "=") { if (c != 0) return Value::Bool(false); continue; }
      if (op == "<>") { if (c != 0) return Value::Bool(true); continue; }
      if (c != 0) return Value::Bool(op[0] == '<' ? c < 0 : c > 0);
    }
    if (saw_null) return Value::Null();
    if (op == "=") return Value::Bool(true);
    if (op == "<>") return Value::Bool(false);
    return Value::Bool(op == "<=" || op == ">=");
  }, false, true);
}

ExprP Binder::BindCase(PgQuery__CaseExpr* c, const Scope& scope, AggContext* agg) {
  ExprP arg = c->arg ? BindNode(c->arg, scope, agg) : nullptr;
  std::vector<std::pair<ExprP, ExprP>> whens;
  std::vector<ExprP> results;
  bool reached_true = false;  // after a constant TRUE condition nothing else is evaluated
  for (size_t i = 0; i < c->n_args; i++) {
    auto* w = c->args[i]->case_when;
    ExprP cond;
    std::unique_ptr<NoFold> no_fold;
    if (reached_true) no_fold = std::make_unique<NoFold>();
    if (arg) cond = MakeComparison("=", arg, BindNode(w->expr, scope, agg), w->location);
    else cond = CoerceToBool(BindNode(w->expr, scope, agg), "CASE/WHEN", ExprLocation(w->expr));
    auto* k = dynamic_cast<ConstExpr*>(cond.get());
    bool never = k && (k->value.is_null() || !k->value.b());
    if (k && !never) reached_true = true;
    std::unique_ptr<NoFold> skip_result;
    if (never && !no_fold) skip_result = std::make_unique<NoFold>();
    ExprP res = BindNode(w->result, scope, agg);
    whens.emplace_back(cond, res);
    results.push_back(res);
  }
  ExprP def;
  {
    std::unique_ptr<NoFold> no_fold;
    if (reached_true) no_fold = std::make_unique<NoFold>();
    def = c->defresult ? BindNode(c->defresult, scope, agg) : nullptr;
  }
  if (def) results.push_back(def);
  Type t = CommonType(results, "CASE", c->location);
  for (auto& w : whens) w.second = Coerce(w.second, t, CastContext::kImplicit, c->location);
  if (def) def = Coerce(def, t, CastContext::kImplicit, c->location);
  return std::make_shared<CaseExpr>(t, std::move(whens), def);
}

OpP Binder::OverGroupedRow(OpP plan, const Scope& from, AggContext& agg, const OuterColumnWatch& watch) {
  std::vector<std::pair<int, int>> from_group;
  for (const OuterColumnRead& read : watch.reads) {
    int at = -1;
    for (size_t k = 0; k < agg.groups.size() && at < 0; k++) {
      auto* g = dynamic_cast<const ColumnExpr*>(agg.groups[k].get());
      if (g && g->level == 0 && g->index == read.column) at = static_cast<int>(k);
    }
    // A column its table's grouped primary key determines is carried in the group's row too.
    for (size_t r = 0; r < from.rels.size() && at < 0; r++) {
      const ScopeRel& rel = from.rels[r];
      if (read.column < rel.offset || read.column >= rel.offset + static_cast<int>(rel.columns.size())) continue;
      auto column = std::make_shared<ColumnExpr>(read.column, 0, rel.types[static_cast<size_t>(read.column - rel.offset)], read.name);
      const ExprP dependent = FunctionallyDependent(column, agg);  // kept alive while read
      if (auto* c = dynamic_cast<const ColumnExpr*>(dependent.get())) at = c->index;
    }
    if (at < 0) ThrowAt(sqlstate::kGroupingError, "subquery uses ungrouped column \"" + read.name + "\" from outer query", read.location);
    from_group.emplace_back(read.column, at);
  }
  int width = 0;
  for (const auto& r : from.rels) width = std::max(width, r.offset + static_cast<int>(r.columns.size()));
  return std::make_shared<GroupedOuterRowOp>(std::move(plan), width, std::move(from_group));
}

ExprP Binder::BindSubLink(PgQuery__SubLink* s, const Scope& scope, AggContext* agg) {
  bool correlated = false;
  OpP plan;
  if (agg && agg->from == &scope) {
    // A subquery run per group reads the group's row: what it reads of the FROM row must be
    // grouped (PostgreSQL's check_ungrouped_columns at sublevels), and is found there.
    OuterColumnWatch watch{&scope, {}};
    outer_watches_.push_back(&watch);
    try {
      plan = plan_subquery(s->subselect, &scope, &correlated);
    } catch (...) {
      outer_watches_.pop_back();
      throw;
    }
    outer_watches_.pop_back();
    if (!watch.reads.empty()) plan = OverGroupedRow(std::move(plan), scope, *agg, watch);
  } else {
    plan = plan_subquery(s->subselect, &scope, &correlated);
  }
  switch (s->sub_link_type) {
    case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
      return std::make_shared<SubqueryExpr>(Type(oid::kBool), SubqueryExpr::kExists, plan, nullptr, nullptr, correlated);
    case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
      if (plan->types.size() != 1) ThrowAt(sqlstate::kSyntaxError, "subquery must return only one column", s->location);
      return std::make_shared<SubqueryExpr>(plan->types[0], SubqueryExpr::kScalar, plan, nullptr, nullptr, correlated);
    case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
    case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK: {
      if (plan->types.size() != 1) ThrowAt(sqlstate::kSyntaxError, "subquery has too many columns", s->location);
      ExprP test = BindNode(s->testexpr, scope, agg);
      std::string op = "=";
      for (size_t i = 0; i < s->n_oper_name; i++) op = StrVal(s->oper_name[i]);
      ExprP probe = std::make_shared<ConstExpr>(Value::Null(), plan->types[0]);
      NoFold no_fold;
      ExprP cmp = MakeComparison(op, test, probe, s->location);
      auto* call = static_cast<CallExpr*>(cmp.get());
      Type from = plan->types[0], et = call->args[1]->type;
      auto fn = call->fn;
      DateTimeContext* dt = &state_->dt;
      auto compare = [fn, from, et, dt](const Value& a, const Value& b) {
        EvalContext dummy;
        std::vector<Value> args{a, from == et ? b : CastValue(b, from, et, CastContext::kImplicit, *dt)};
        return fn(args, dummy);
      };
      auto kind = s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK ? SubqueryExpr::kAll : SubqueryExpr::kAny;
      auto sub = std::make_shared<SubqueryExpr>(Type(oid::kBool), kind, plan, call->args[0], compare, correlated);
      // Equality on one type (integers of any width count as one) hashes as it compares.
      const Type& tt = call->args[0]->type;
      sub->hashed_equality = op == "=" && call->name == "=" && from == et && !tt.array && !et.array &&
                             tt.id != oid::kJson && et.id != oid::kJson &&
                             (tt.id == et.id || (IsIntegerType(tt.id) && IsIntegerType(et.id)));
      return sub;
    }
    case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK: {
      if (plan->types.size() != 1) ThrowAt(sqlstate::kSyntaxError, "subquery must return only one column", s->location);
      Type elem = plan->types[0];
      if (elem.id == oid::kUnknown) elem = Type(oid::kText);
      if (!ArrayOidOf(elem.id) && !elem.enumdef)
        ThrowAt(sqlstate::kUndefinedObject, "could not find array type for data type " + TypeName(elem), s->location);
      auto sub = std::make_shared<SubqueryExpr>(elem.ArrayOf(), SubqueryExpr::kArray, plan, nullptr, nullptr, correlated);
      sub->of_arrays = elem.array;  // rows of arrays stack into one more dimension
      return sub;
    }
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this kind of subquery is not supported yet").WithPosition(s->location + 1);
  }
}

ExprP Binder::BindSqlValueFunction(PgQuery__SQLValueFunction* f) {
  switch (f->op) {
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
      return MakeCall(Type(oid::kDate), "CURRENT_DATE", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Int(DateFromTimestamp(UtcToLocal(ctx.state->dt.now, *ctx.state->dt.tz)));
      }, false);
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N: {
      int32_t prec = f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N ? f->typmod : -1;
      return MakeCall(Type(oid::kTimestamptz), "CURRENT_TIMESTAMP", {}, [prec](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Int(RoundToPrecision(ctx.state->dt.now, prec));
      }, false);
    }
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: {
      int32_t prec = f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N ? f->typmod : -1;
      return MakeCall(Type(oid::kTimestamp), "LOCALTIMESTAMP", {}, [prec](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Int(RoundToPrecision(UtcToLocal(ctx.state->dt.now, *ctx.state->dt.tz), prec));
      }, false);
    }
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
      return MakeCall(Type(oid::kTime), "LOCALTIME", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        int64_t t = UtcToLocal(ctx.state->dt.now, *ctx.state->dt.tz) % kUsecPerDay;
        return Value::Int(t < 0 ? t + kUsecPerDay : t);
      }, false);
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
      return MakeCall(Type(oid::kName), "CURRENT_USER", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Str(ctx.state->session ? ctx.state->session->CurrentUserName() : "postgres");
      }, false);
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
      return MakeCall(Type(oid::kName), "SESSION_USER", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Str(ctx.state->session ? ctx.state->session->SessionUserName() : "postgres");
      }, false);
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
      return MakeCall(Type(oid::kName), "CURRENT_CATALOG", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        return Value::Str(ctx.state->session ? ctx.state->session->database() : "postgres");
      }, false);
    case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
      return MakeCall(Type(oid::kName), "CURRENT_SCHEMA", {}, [](const std::vector<Value>&, EvalContext& ctx) {
        auto sp = ctx.state->session->SearchPath();
        for (auto& s : sp) if (ctx.state->catalog->FindSchema(s)) return Value::Str(s);
        return Value::Null();
      }, false);
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this SQL value function is not supported yet");
  }
}

ExprP Binder::BindFuncCall(PgQuery__FuncCall* f, const Scope& scope, AggContext* agg) {
  std::string name = StrVal(f->funcname[f->n_funcname - 1]);
  // A FROM item's column definition list is for this call, not for those in its arguments.
  ColumnDefinitionList* from_item = std::exchange(from_function, nullptr);
  static const std::set<std::string> kWindowOnly = {"row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile",
                                                    "lag", "lead", "first_value", "last_value", "nth_value"};
  if (f->over && !kWindowOnly.count(name) && !IsAggregateName(name)) {
    // As PostgreSQL, the call is resolved first (a missing function is 42883), then refused.
    if (!IsSetReturningFunction(name)) {
      PgQuery__FuncCall plain = *f;
      plain.over = nullptr;
      BindFuncCall(&plain, scope, agg);
    }
    ThrowAt(sqlstate::kWrongObjectType, "OVER specified, but " + name + " is not a window function nor an aggregate function", f->location);
  }
  if (IsSetReturningFunction(name)) {
    if (conditional)
      throw Error(sqlstate::kFeatureNotSupported, std::string("set-returning functions are not allowed in ") + conditional)
          .WithHint("You might be able to move the set-returning function into a LATERAL FROM item.")
          .WithPosition(f->location + 1);
    if (set_function_in_expression) {
      Node call = PG_QUERY__NODE__INIT;
      call.node_case = PG_QUERY__NODE__NODE_FUNC_CALL;
      call.func_call = f;
      if (ExprP e = set_function_in_expression(&call, scope, agg)) return e;
    }
    const std::string clause = clause_;
    if (clause == "aggregate function calls" || clause == "window function calls")
      throw Error(sqlstate::kFeatureNotSupported, clause + " cannot contain set-returning function calls")
          .WithHint("You might be able to move the set-returning function into a LATERAL FROM item.")
          .WithPosition(f->location + 1);
    // Where PostgreSQL allows them but Tusk does not run them yet.
    if (clause == "ORDER BY" || clause == "GROUP BY")
      throw Error(sqlstate::kFeatureNotSupported, "set-returning functions in " + clause + " are not supported yet")
          .WithPosition(f->location + 1);
    if (clause == "functions in FROM")
      ThrowAt(sqlstate::kFeatureNotSupported, "set-returning functions must appear at top level of FROM", f->location);
    throw Error(sqlstate::kFeatureNotSupported, "set-returning functions are not allowed in " + (clause == "CALL" ? "CALL arguments" : clause))
        .WithPosition(f->location + 1);
  }
  std::vector<std::string> name_parts;
  for (size_t i = 0; i < f->n_funcname; i++) name_parts.push_back(StrVal(f->funcname[i]));
  // A call of a user-defined function (positional or named notation) that no built-in one takes.
  auto user_call = [&](std::vector<ExprP> args) -> ExprP {
    if (f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over || f->func_variadic) return nullptr;
    std::vector<std::string> names;
    for (size_t i = 0; i < f->n_args; i++)
      names.push_back(f->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR ? f->args[i]->named_arg_expr->name : "");
    if (args.empty())
      for (size_t i = 0; i < f->n_args; i++) {
        Node* a = f->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR ? f->args[i]->named_arg_expr->arg : f->args[i];
        args.push_back(BindNode(a, scope, agg));
      }
    return BindUserFunction(*this, name_parts, args, names, f->location);
  };
  if (f->n_funcname == 2) {
    std::string schema = StrVal(f->funcname[0]);
    if (schema != "pg_catalog")
      if (ExprP user = user_call({})) return user;
    if (schema != "pg_catalog" && schema != "public")
      ThrowAt(sqlstate::kUndefinedFunction, "function " + NameListToString(f->funcname, f->n_funcname) + " does not exist", f->location);
  }
  // count is the only aggregate with a parameterless form, spelled count(*) (as PostgreSQL).
  if (name == "count" && !f->n_args && !f->agg_star && !f->agg_within_group)
    ThrowAt(sqlstate::kWrongObjectType, "count(*) must be used to call a parameterless aggregate function", f->location);
  if (f->over) {
    if (!window_)
      ThrowAt("42P20", std::string("window functions are not allowed in ") + clause_, f->location);
    return BindWindowCall(f, name);
  }
  if (kWindowOnly.count(name))
    ThrowAt(sqlstate::kWrongObjectType, "window function " + name + " requires an OVER clause", f->location);
  if (IsAggregateName(name) && (f->agg_star || f->n_args > 0 || f->agg_within_group)) {
    if (!agg)
      ThrowAt(sqlstate::kGroupingError, std::string("aggregate functions are not allowed in ") + clause_, f->location);
    return BindAggregate(f, name, scope, agg);
  }
  if (f->agg_star)
    ThrowAt(sqlstate::kWrongObjectType, name + "(*) specified, but " + name + " is not an aggregate function", f->location);
  std::vector<ExprP> args;
  // Named arguments (name => value) are placed by parameter name for the built-in functions that
  // have named parameters (function/named_arguments.hpp); user functions place their own.
  bool named = false;
  for (size_t i = 0; i < f->n_args; i++) named |= f->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
  if (named) {
    std::vector<std::string> names;
    std::set<std::string> names_seen;
    std::string sig;
    for (size_t i = 0; i < f->n_args; i++) {
      bool is_named = f->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
      names.push_back(is_named ? f->args[i]->named_arg_expr->name : "");
      if (is_named && !names_seen.insert(names.back()).second)
        ThrowAt(sqlstate::kSyntaxError, "argument name \"" + names.back() + "\" used more than once", f->args[i]->named_arg_expr->location);
      args.push_back(BindNode(is_named ? f->args[i]->named_arg_expr->arg : f->args[i], scope, agg));
      sig += (i ? ", " : "") + (is_named ? names.back() + " => " : "") + TypeName(args.back()->type);
    }
    if (!PlaceNamedArguments(name, &args, names, f->location)) {
      if (ExprP user = user_call(args)) return user;
      throw Error(sqlstate::kUndefinedFunction, "function " + NameListToString(f->funcname, f->n_funcname) + "(" + sig + ") does not exist")
          .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
          .WithPosition(f->location + 1);
    }
  } else {
    for (size_t i = 0; i < f->n_args; i++) args.push_back(BindNode(f->args[i], scope, agg));
  }
  std::vector<Type> arg_types;  // as written: a function binder may coerce args before declining
  for (const auto& a : args) arg_types.push_back(a->type);
  std::vector<ExprP> as_bound = args;
  variadic_call_ = f->func_variadic;
  from_function = from_item;
  ExprP r = BindBuiltinFunction(*this, name, args, f->location);
  from_function = nullptr;
  variadic_call_ = false;
  if (!r && !named && f->n_funcname == 1) r = user_call(as_bound);
  if (!r) {
    std::string sig;
    for (size_t i = 0; i < arg_types.size(); i++) sig += (i ? ", " : "") + TypeName(arg_types[i]);
    const char* word = calling_procedure ? "procedure" : "function";
    throw Error(sqlstate::kUndefinedFunction, std::string(word) + " " + NameListToString(f->funcname, f->n_funcname) + "(" + sig + ") does not exist")
        .WithHint(std::string("No ") + word + " matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(f->location + 1);
  }
  return r;
}

ExprP Binder::BindWindowCall(PgQuery__FuncCall* f, const std::string& name) {
  WindowContext* w = window_;
  window_ = nullptr;  // window calls cannot nest
  struct Restore { Binder* b; WindowContext* w; ~Restore() { b->window_ = w; } } restore{this, w};
  PgQuery__WindowDef* def = f->over;
  PgQuery__WindowDef* ref = nullptr;
  std::string refname = def->name && *def->name ? def->name : (def->refname && *def->refname ? def->refname : "");
  if (!refname.empty()) {
    auto it = w->named.find(refname);
    if (it == w->named.end()) ThrowAt(sqlstate::kUndefinedObject, "window \"" + refname + "\" does not exist", def->location);
    ref = it->second;
  }
  // The definition's set-returning calls run below the window, the arguments' nowhere (the
  // refusal then names the clause).
  struct RestoreClause {
    Binder* b;
    const char* clause;
    ~RestoreClause() { b->clause_ = clause; }
  } restore_clause{this, clause_};
  auto bind = [&](Node* n) { return w->agg ? BindAgg(n, *w->scope, w->agg) : Bind(n, *w->scope); };
  std::optional<SetFunctionHookScope> in_definition(std::in_place, this, w->set_function_in_definition);
  WindowCall call;
  call.name = name;
  PgQuery__WindowDef* pdef = ref && def->n_partition_clause == 0 ? ref : def;
  for (size_t i = 0; i < pdef->n_partition_clause; i++) call.partition.push_back(bind(pdef->partition_clause[i]));
  PgQuery__WindowDef* odef = ref && def->n_order_clause == 0 ? ref : def;
  for (size_t i = 0; i < odef->n_order_clause; i++) {
    auto* sb = odef->order_clause[i]->sort_by;
    SortKey k;
    k.expr = bind(sb->node);
    k.desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    k.nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST || (sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && k.desc);
    call.order.push_back(k);
  }
  PgQuery__WindowDef* fdef = ref && !(def->frame_options & frame::kNonDefault) ? ref : def;
  call.frame.options = fdef->frame_options;
  auto offset = [&](Node* n) -> ExprP {
    if (!n) return nullptr;
    Scope empty;
    return Coerce(Bind(n, empty), Type(oid::kInt8), CastContext::kImplicit, ExprLocation(n));
  };
  if ((call.frame.options & frame::kRange) && (call.frame.options & (frame::kStartOffsetPreceding | frame::kStartOffsetFollowing | frame::kEndOffsetPreceding | frame::kEndOffsetFollowing)))
    throw Error(sqlstate::kFeatureNotSupported, "RANGE with offset PRECEDING/FOLLOWING is not supported yet").WithPosition(def->location + 1);
  in_definition.reset();
  SetFunctionHookScope no_set_functions(this, nullptr);
  clause_ = "window definitions";
  call.frame.start_offset = offset(fdef->start_offset);
  call.frame.end_offset = offset(fdef->end_offset);
  clause_ = "window function calls";
  for (size_t i = 0; i < f->n_args; i++) call.args.push_back(bind(f->args[i]));
  if (f->agg_distinct) ThrowAt(sqlstate::kFeatureNotSupported, "DISTINCT is not implemented for window functions", f->location);
  auto fail = [&]() -> ExprP {
    std::string sig;
    for (size_t i = 0; i < call.args.size(); i++) sig += (i ? ", " : "") + TypeName(call.args[i]->type);
    throw Error(sqlstate::kUndefinedFunction, "function " + name + "(" + sig + ") does not exist")
        .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(f->location + 1);
  };
  size_t n = call.args.size();
  if (name == "row_number" || name == "rank" || name == "dense_rank") {
    if (n) fail();
    call.type = Type(oid::kInt8);
  } else if (name == "percent_rank" || name == "cume_dist") {
    if (n) fail();
    call.type = Type(oid::kFloat8);
  } else if (name == "ntile") {
    if (n != 1) fail();
    call.args[0] = Coerce(call.args[0], Type(oid::kInt4), CastContext::kImplicit, f->location);
    call.type = Type(oid::kInt4);
  } else if (name == "lag" || name == "lead") {
    if (n < 1 || n > 3) fail();
    if (call.args[0]->type.id == oid::kUnknown) call.args[0] = Coerce(call.args[0], Type(oid::kText), CastContext::kImplicit, f->location);
    if (n > 1) call.args[1] = Coerce(call.args[1], Type(oid::kInt4), CastContext::kImplicit, f->location);
    if (n > 2) call.args[2] = Coerce(call.args[2], call.args[0]->type, CastContext::kImplicit, f->location);
    call.type = call.args[0]->type;
  } else if (name == "first_value" || name == "last_value" || name == "nth_value") {
    if (n != (name == "nth_value" ? 2u : 1u)) fail();
    if (call.args[0]->type.id == oid::kUnknown) call.args[0] = Coerce(call.args[0], Type(oid::kText), CastContext::kImplicit, f->location);
    if (n > 1) call.args[1] = Coerce(call.args[1], Type(oid::kInt4), CastContext::kImplicit, f->location);
    call.type = call.args[0]->type;
  } else if (IsAggregateName(name) && (n || f->agg_star)) {
    // Reuse aggregate typing: bind the call as an aggregate into a scratch context.
    AggContext scratch;
    scratch.from = w->scope;
    if (w->agg) {
      // In a grouped query the arguments are evaluated on the grouped row.
      scratch.groups = w->agg->groups;
      scratch.bind_arguments = bind;
    }
    PgQuery__FuncCall copy = *f;
    copy.over = nullptr;
    BindAggregate(&copy, name, *w->scope, &scratch);
    call.agg = scratch.aggs.back();
    call.is_aggregate = true;
    call.type = call.agg.result;
  } else {
    fail();
  }
  w->calls.push_back(call);
  return std::make_shared<ColumnExpr>(kWindowBase + static_cast<int>(w->calls.size() - 1), 0, call.type, name + "(...) OVER (...)");
}


NoFold::NoFold() { g_no_fold++; }
NoFold::~NoFold() { g_no_fold--; }

}  // namespace tusk
