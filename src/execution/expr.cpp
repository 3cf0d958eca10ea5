#include "execution/expr.hpp"
#include "execution/sql_value_functions.hpp"

#include <deque>
#include <set>
#include "types/domain.hpp"
#include "types/object_names.hpp"

#include "common/error.hpp"
#include "execution/operators.hpp"
#include "types/cast.hpp"
#include "types/arrays.hpp"
#include "types/compare.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
thread_local int g_pretty = 0;
thread_local const DateTimeContext* g_sql_dt = nullptr;
thread_local const std::function<std::string(const std::string&)>* g_sql_qualify = nullptr;
}  // namespace

bool WhollyParenthesized(const std::string& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\'') quoted = !quoted;
    if (quoted) continue;
    if (s[i] == '(') depth++;
    if (s[i] == ')' && --depth == 0 && i + 1 < s.size()) return false;
  }
  return true;
}

PrettySql::PrettySql() { g_pretty++; }
PrettySql::~PrettySql() { g_pretty--; }
SqlNames::SqlNames(const DateTimeContext& dt, std::function<std::string(const std::string&)> qualify) {
  static thread_local std::function<std::string(const std::string&)> held;
  held = std::move(qualify);
  g_sql_dt = &dt;
  g_sql_qualify = held ? &held : nullptr;
}
std::string SqlTypeName(const Type& t) {
  if (g_sql_dt && g_sql_dt->names && t.domain)
    if (auto n = g_sql_dt->names->Name(oid::kRegtype, CatalogTypeOid(t))) return *n;
  if (g_sql_dt && g_sql_dt->names && t.enumdef)
    if (auto n = g_sql_dt->names->Name(oid::kRegtype, t.enumdef->type_oid)) return *n + (t.array ? "[]" : "");
  return TypeName(t);
}

SqlNames::~SqlNames() {
  g_sql_dt = nullptr;
  g_sql_qualify = nullptr;
}

std::string ConstExpr::ToSql() const {
  // An object name constant ('t_id_seq'::regclass) prints as the name stands now when the
  // caller gave a context (SqlNames), otherwise as written.
  if (!sql_.empty() && !(g_sql_dt && IsOidType(type.id) && type.id != oid::kOid)) return sql_;
  if (value.is_null()) return "NULL";
  DateTimeContext empty;
  std::string text = FormatText(type, value, g_sql_dt ? *g_sql_dt : empty);
  if (type.id == oid::kInt4 && !type.array) return value.i() < 0 ? "'" + text + "'::integer" : text;
  if (type.id == oid::kBool && !type.array) return value.b() ? "true" : "false";
  // A numeric that reads as one bare is a float-looking literal (2024.5); an integral one needs
  // its type, as PostgreSQL prints it: '2024'::numeric.
  if (type.id == oid::kNumeric && !type.array && isdigit(static_cast<unsigned char>(text[0])) && text.find_first_of(".eE") != std::string::npos)
    return text;
  return QuoteSqlLiteral(text) + "::" + SqlTypeName(type);
}

std::string QuoteSqlLiteral(const std::string& s) {
  std::string r = "'";
  for (char c : s) {
    if (c == '\'') r += '\'';
    r += c;
  }
  return r + "'";
}

namespace {
// A call's argument vector: the one of its nesting depth on this thread, kept from call to
// call (emptied), since evaluating a call would otherwise allocate one each time (a PL/pgSQL
// loop's `i % 7` per iteration). A deque, so that deeper calls adding vectors move none.
class ArgumentBuffer {
 public:
  ArgumentBuffer() {
    Stack& s = stack();
    if (s.depth == s.vectors.size()) s.vectors.emplace_back();
    values_ = &s.vectors[s.depth++];
  }
  ~ArgumentBuffer() {
    values_->clear();
    stack().depth--;
  }
  std::vector<Value>& values() { return *values_; }

 private:
  struct Stack {
    std::deque<std::vector<Value>> vectors;
    size_t depth = 0;
  };
  static Stack& stack() {
    thread_local Stack s;
    return s;
  }
  std::vector<Value>* values_;
};
}  // namespace

Value CallExpr::Eval(EvalContext& ctx) const {
  // Every argument is evaluated before the NULL check, as PostgreSQL's strict functions do (so
  // an error in a later argument is raised even when an earlier one is NULL).
  ArgumentBuffer buffer;
  std::vector<Value>& vals = buffer.values();
  vals.reserve(args.size());
  bool has_null = false;
  for (const auto& a : args) {
    vals.push_back(a->Eval(ctx));
    has_null |= vals.back().is_null();
  }
  if (strict && has_null) return Value::Null();
  return fn(vals, ctx);
}

std::string CallExpr::ToSql() const {
  if (infix && args.size() == 2) return "(" + args[0]->ToSql() + " " + name + " " + args[1]->ToSql() + ")";
  if (infix && args.size() == 1) return "(" + name + " " + args[0]->ToSql() + ")";
  if (infix && args.size() % 2 == 0) {
    // A row comparison: arguments alternate left and right. PostgreSQL shows = and <> expanded
    // per column, ordering comparisons as ROW(...) op ROW(...).
    if (name == "=" || name == "<>") {
      std::string out;
      for (size_t i = 0; i < args.size(); i += 2)
        out += (i ? (name == "=" ? " AND " : " OR ") : "") + ("(" + args[i]->ToSql() + " " + name + " " + args[i + 1]->ToSql() + ")");
      return "(" + out + ")";
    }
    std::string l, r;
    for (size_t i = 0; i < args.size(); i += 2) {
      l += (i ? ", " : "") + args[i]->ToSql();
      r += (i ? ", " : "") + args[i + 1]->ToSql();
    }
    return "(ROW(" + l + ") " + name + " ROW(" + r + "))";
  }
  if (args.empty() && IsSqlValueFunction(name)) return name;
  // SQL's syntax for the call, as PostgreSQL 15 prints it: EXTRACT(year FROM d)
  if (name == "EXTRACT" && args.size() == 2)
    if (auto* field = dynamic_cast<const ConstExpr*>(args[0].get()); field && !field->value.is_null() && field->type.id == oid::kText)
      return "EXTRACT(" + field->value.s() + " FROM " + args[1]->ToSql() + ")";
  std::string r = (g_sql_qualify ? (*g_sql_qualify)(name) : name) + "(";
  for (size_t i = 0; i < args.size(); i++) r += (i ? ", " : "") + args[i]->ToSql();
  return r + ")";
}

bool IsSqlValueFunction(const std::string& name) {
  static const std::set<std::string> kNames = {"CURRENT_DATE", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "LOCALTIME",
                                               "CURRENT_USER", "CURRENT_CATALOG", "CURRENT_SCHEMA"};
  return kNames.count(name) > 0;
}

Value CastExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  if (v.is_null()) return v;
  return CastValue(v, arg->type, type, explicit_cast ? CastContext::kExplicit : CastContext::kAssignment, ctx.state->dt);
}

std::string CastExpr::ToSql() const {
  std::string inner = arg->ToSql();
  bool simple = dynamic_cast<ColumnExpr*>(arg.get()) || dynamic_cast<ParamExpr*>(arg.get()) ||
                dynamic_cast<ConstExpr*>(arg.get()) || dynamic_cast<ArrayExpr*>(arg.get());
  if (g_pretty && simple && !WhollyParenthesized(inner)) return inner + "::" + SqlTypeName(type);
  return "(" + inner + ")::" + SqlTypeName(type);
}

BoolExpr::BoolExpr(Op o, std::vector<ExprP> a) : Expr(Type(oid::kBool)), op(o), args(std::move(a)) {}

Value BoolExpr::Eval(EvalContext& ctx) const {
  if (op == kNot) {
    Value v = args[0]->Eval(ctx);
    return v.is_null() ? v : Value::Bool(!v.b());
  }
  bool saw_null = false;
  for (const auto& a : args) {
    Value v = a->Eval(ctx);
    if (v.is_null()) { saw_null = true; continue; }
    if (op == kAnd && !v.b()) return Value::Bool(false);
    if (op == kOr && v.b()) return Value::Bool(true);
  }
  if (saw_null) return Value::Null();
  return Value::Bool(op == kAnd);
}

std::string BoolExpr::ToSql() const {
  if (op == kNot) return "(NOT " + args[0]->ToSql() + ")";
  std::string r = "(";
  for (size_t i = 0; i < args.size(); i++) {
    std::string a = args[i]->ToSql();
    // a comparison binds tighter than AND and OR: pretty output drops its parentheses
    auto* call = dynamic_cast<CallExpr*>(args[i].get());
    if (g_pretty && call && call->infix && call->args.size() == 2 && WhollyParenthesized(a)) a = a.substr(1, a.size() - 2);
    r += (i ? (op == kAnd ? " AND " : " OR ") : "") + a;
  }
  return r + ")";
}

NullTestExpr::NullTestExpr(ExprP a, bool n) : Expr(Type(oid::kBool)), arg(std::move(a)), is_not(n) {}

Value NullTestExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  if (v.is_null() || !arg->type.IsRow()) return Value::Bool(v.is_null() != is_not);
  // A row IS NULL when every field is, IS NOT NULL when none is (PostgreSQL's ExecEvalRowNull).
  for (const Value& f : v.arr())
    if (f.is_null() != !is_not) return Value::Bool(false);
  return Value::Bool(true);
}

std::string NullTestExpr::ToSql() const { return "(" + arg->ToSql() + (is_not ? " IS NOT NULL)" : " IS NULL)"); }

BoolTestExpr::BoolTestExpr(ExprP a, int k) : Expr(Type(oid::kBool)), arg(std::move(a)), kind(k) {}

Value BoolTestExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  switch (kind) {
    case PG_QUERY__BOOL_TEST_TYPE__IS_TRUE: return Value::Bool(!v.is_null() && v.b());
    case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_TRUE: return Value::Bool(v.is_null() || !v.b());
    case PG_QUERY__BOOL_TEST_TYPE__IS_FALSE: return Value::Bool(!v.is_null() && !v.b());
    case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_FALSE: return Value::Bool(v.is_null() || v.b());
    case PG_QUERY__BOOL_TEST_TYPE__IS_UNKNOWN: return Value::Bool(v.is_null());
    default: return Value::Bool(!v.is_null());
  }
}

std::string BoolTestExpr::ToSql() const {
  static const char* kNames[] = {"", " IS TRUE", " IS NOT TRUE", " IS FALSE", " IS NOT FALSE", " IS UNKNOWN", " IS NOT UNKNOWN"};
  return "(" + arg->ToSql() + kNames[kind] + ")";
}

Value CaseExpr::Eval(EvalContext& ctx) const {
  for (const auto& [cond, result] : whens)
    if (IsTrue(cond->Eval(ctx))) return result->Eval(ctx);
  return otherwise ? otherwise->Eval(ctx) : Value::Null();
}

std::string CaseExpr::ToSql() const {
  std::string r = "CASE";
  for (const auto& [c, v] : whens) r += " WHEN " + c->ToSql() + " THEN " + v->ToSql();
  if (otherwise) r += " ELSE " + otherwise->ToSql();
  return r + " END";
}

Value CoalesceExpr::Eval(EvalContext& ctx) const {
  for (const auto& a : args) {
    Value v = a->Eval(ctx);
    if (!v.is_null()) return v;
  }
  return Value::Null();
}

std::string CoalesceExpr::ToSql() const {
  std::string r = fname + "(";
  for (size_t i = 0; i < args.size(); i++) r += (i ? ", " : "") + args[i]->ToSql();
  return r + ")";
}

Value MinMaxExpr::Eval(EvalContext& ctx) const {
  Value best;
  for (const auto& a : args) {
    Value v = a->Eval(ctx);
    if (v.is_null()) continue;
    if (best.is_null() || (CompareValues(type, v, best) > 0) == greatest) {
      if (best.is_null() || CompareValues(type, v, best) != 0) best = v;
    }
  }
  return best;
}

std::string MinMaxExpr::ToSql() const {
  std::string r = greatest ? "GREATEST(" : "LEAST(";
  for (size_t i = 0; i < args.size(); i++) r += (i ? ", " : "") + args[i]->ToSql();
  return r + ")";
}

Value InListExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  if (v.is_null()) return Value::Null();
  bool saw_null = false;
  for (const auto& item : items) {
    Value x = item->Eval(ctx);
    if (x.is_null()) { saw_null = true; continue; }
    if (CompareValues(cmp_type, v, x) == 0) return Value::Bool(!negated);
  }
  if (saw_null) return Value::Null();
  return Value::Bool(negated);
}

std::string InListExpr::ToSql() const {
  std::string array = "ARRAY[";
  for (size_t i = 0; i < items.size(); i++) {
    auto* c = dynamic_cast<ConstExpr*>(items[i].get());
    std::string item = varchar_items && c && !c->value.is_null() ? QuoteSqlLiteral(c->value.s()) + "::character varying" : items[i]->ToSql();
    array += (i ? ", " : "") + item;
  }
  array += "]";
  if (varchar_items) array = g_pretty ? array + "::text[]" : "(" + array + ")::text[]";
  return "(" + arg->ToSql() + (negated ? " <> ALL (" : " = ANY (") + array + "))";
}

Value ArrayCompareExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  Value a = array->Eval(ctx);
  if (a.is_null()) return Value::Null();
  if (a.arr().empty()) return Value::Bool(all);
  if (v.is_null()) return Value::Null();
  bool saw_null = false;
  for (const Value& e : a.arr()) {
    if (e.is_null()) { saw_null = true; continue; }
    Value r = cmp(v, e);
    if (r.is_null()) { saw_null = true; continue; }
    if (all && !r.b()) return Value::Bool(false);
    if (!all && r.b()) return Value::Bool(true);
  }
  if (saw_null) return Value::Null();
  return Value::Bool(all);
}

std::string ArrayCompareExpr::ToSql() const {
  return "(" + arg->ToSql() + " " + op + (all ? " ALL (" : " ANY (") + array->ToSql() + "))";
}

Value ArrayExpr::Eval(EvalContext& ctx) const {
  std::vector<Value> vals;
  vals.reserve(elems.size());
  for (const auto& e : elems) vals.push_back(e->Eval(ctx));
  return of_arrays ? StackArrays(vals) : Value::Array(std::move(vals));
}

std::string ArrayExpr::ToSql() const {
  std::string r = "ARRAY[";
  for (size_t i = 0; i < elems.size(); i++) r += (i ? ", " : "") + elems[i]->ToSql();
  return r + "]";
}

Value SubscriptExpr::Eval(EvalContext& ctx) const {
  Value a = arr->Eval(ctx);
  if (a.is_null()) return a;
  // a NULL subscript makes the whole result NULL
  auto bound = [&](const ExprP& e, std::optional<int64_t>* out) {
    if (!e) return true;
    Value v = e->Eval(ctx);
    if (v.is_null()) return false;
    *out = v.i();
    return true;
  };
  std::vector<std::optional<int64_t>> lo(uppers.size()), hi(uppers.size());
  for (size_t i = 0; i < uppers.size(); i++)
    if (!bound(lowers[i], &lo[i]) || !bound(uppers[i], &hi[i])) return Value::Null();
  if (slice) return ArraySlice(a, lo, hi);
  std::vector<int64_t> at;
  for (const auto& h : hi) at.push_back(*h);
  return ArrayElementAt(a, at);
}

std::string SubscriptExpr::ToSql() const {
  std::string r = arr->ToSql();
  for (size_t i = 0; i < uppers.size(); i++) {
    if (!slice) r += "[" + uppers[i]->ToSql() + "]";
    else r += "[" + (lowers[i] ? lowers[i]->ToSql() : "") + ":" + (uppers[i] ? uppers[i]->ToSql() : "") + "]";
  }
  return r;
}

void ThrowColumnOutOfRange(const ColumnExpr& c) {
  throw Error(sqlstate::kInternalError, "column " + c.name + " (level " + std::to_string(c.level) + ", position " +
                                            std::to_string(c.index) + ") is not in the row being evaluated");
}

Value SubqueryExpr::Eval(EvalContext& ctx) const {
  std::vector<Row> fresh;
  const std::vector<Row>* rows = &rows_;
  uint64_t exec = ctx.state ? ctx.state->exec_id : 0;
  if (correlated || !cached_ || cached_exec_ != exec) {
    EvalContext sub = ctx;
    sub.outer.insert(sub.outer.begin(), ctx.row);
    if (kind == kExists) {
      // Only whether a first row exists; an uncorrelated EXISTS keeps that one row (its answer)
      // for the rest of the statement.
      plan->Open(&sub);
      Row r;
      bool exists = plan->Next(&r);
      if (!correlated) {
        rows_.clear();
        if (exists) rows_.push_back(std::move(r));
        cached_ = true;
        cached_exec_ = exec;
      }
      return Value::Bool(exists);
    }
    held_.Clear();
    fresh = RunToVector(plan.get(), &sub, &held_);
    if (!correlated) {
      rows_ = std::move(fresh);
      cached_ = true;
      cached_exec_ = exec;
      index_.clear();
      has_null_ = false;
      if (hashed_equality && kind == kAny) {
        const Type& t = test_arg->type;
        for (size_t i = 0; i < rows_.size(); i++) {
          if (rows_[i][0].is_null()) has_null_ = true;
          else index_.emplace(HashValue(t, rows_[i][0]), i);
        }
      }
    } else {
      held_.Clear();
      rows = &fresh;
    }
  }
  switch (kind) {
    case kExists: return Value::Bool(!rows->empty());
    case kScalar:
      if (rows->empty()) return Value::Null();
      if (rows->size() > 1)
        throw Error(sqlstate::kCardinalityViolation, "more than one row returned by a subquery used as an expression");
      return (*rows)[0][0];
    case kArray: {
      std::vector<Value> elems;
      elems.reserve(rows->size());
      for (const Row& r : *rows) elems.push_back(r[0]);
      return of_arrays ? AccumulateArrays(elems) : Value::Array(std::move(elems));
    }
    case kAny: case kAll: {
      Value v = test_arg->Eval(ctx);
      if (hashed_equality && kind == kAny && !correlated) return HashedAny(v);
      bool saw_null = false;
      for (const Row& r : *rows) {
        if (v.is_null() || r[0].is_null()) { saw_null = true; continue; }
        Value c = cmp(v, r[0]);
        if (c.is_null()) { saw_null = true; continue; }
        if (kind == kAny && c.b()) return Value::Bool(true);
        if (kind == kAll && !c.b()) return Value::Bool(false);
      }
      if (saw_null) return Value::Null();
      return Value::Bool(kind == kAll);
    }
  }
  return Value::Null();
}

// x = ANY over the cached rows through their hash index: true on an equal row; otherwise NULL
// when x or some row is NULL (the comparison is unknown there), else false.
Value SubqueryExpr::HashedAny(const Value& v) const {
  if (rows_.empty()) return Value::Bool(false);
  if (v.is_null()) return Value::Null();
  const Type& t = test_arg->type;
  auto range = index_.equal_range(HashValue(t, v));
  for (auto it = range.first; it != range.second; ++it)
    if (CompareValues(t, v, rows_[it->second][0]) == 0) return Value::Bool(true);
  return has_null_ ? Value::Null() : Value::Bool(false);
}

std::string SubqueryExpr::ToSql() const {
  switch (kind) {
    case kExists: return "(SubPlan)";
    case kScalar: return "(SubPlan)";
    case kArray: return "ARRAY(SubPlan)";
    default: return "(" + test_arg->ToSql() + " = ANY (SubPlan))";
  }
}

bool CollectColumns(const ExprP& e, std::vector<int>* cols) {
  bool ok = true;
  if (auto* c = dynamic_cast<ColumnExpr*>(e.get())) {
    if (c->level == 0) cols->push_back(c->index);
    return true;
  }
  if (auto* q = dynamic_cast<SubqueryExpr*>(e.get()); q && q->correlated) ok = false;
  e->ForEachChild([&](const ExprP& ch) { ok = CollectColumns(ch, cols) && ok; });
  return ok;
}

bool UsesRow(const ExprP& e) {
  std::vector<int> cols;
  return !CollectColumns(e, &cols) || !cols.empty();
}

}  // namespace tusk
