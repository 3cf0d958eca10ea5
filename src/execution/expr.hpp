// Bound expressions: trees whose names are resolved and whose types are known. Evaluation is
// per row; a row is the flat concatenation of the columns of the operator's input.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "execution/exec_state.hpp"
#include "parser/parser.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

class Operator;

struct EvalContext {
  const Row* row = nullptr;
  // Rows of enclosing queries, innermost first, for correlated subqueries.
  std::vector<const Row*> outer;
  ExecState* state = nullptr;
  // The parameters $1, $2, ... when set; else state->params. PL/pgSQL evaluates a simple
  // expression over its variables in place this way, without lending them to the state.
  const std::vector<Value>* params = nullptr;
};

class Expr;
using ExprP = std::shared_ptr<Expr>;

class Expr {
 public:
  explicit Expr(Type t) : type(std::move(t)) {}
  virtual ~Expr() = default;
  virtual Value Eval(EvalContext& ctx) const = 0;
  // SQL-ish text as EXPLAIN prints it.
  virtual std::string ToSql() const = 0;
  // Structural identity, for matching GROUP BY expressions in the select list.
  virtual std::string Key() const { return ToSql(); }
  virtual bool IsConst() const { return false; }
  // Visits direct sub-expressions (for generic analyses such as "does this read the row?").
  virtual void ForEachChild(const std::function<void(const ExprP&)>& f) const { (void)f; }
  // A call of a user-defined function: its declared volatility ('i', 's', 'v'); 0 for the
  // others, which binder/volatility.cpp judges from PostgreSQL's catalogs.
  virtual char DeclaredVolatility() const { return 0; }
  Type type;
};
class ConstExpr : public Expr {
 public:
  ConstExpr(Value v, Type t, std::string sql = "", int location = -1)
      : Expr(std::move(t)), value(std::move(v)), location(location), sql_(std::move(sql)) {}
  Value Eval(EvalContext&) const override { return value; }
  std::string ToSql() const override;
  bool IsConst() const override { return true; }
  Value value;
  int location;  // byte offset of the literal in the statement, -1 when synthesized
 private:
  std::string sql_;
};

class ColumnExpr;
[[noreturn]] void ThrowColumnOutOfRange(const ColumnExpr& c);

class ColumnExpr : public Expr {
 public:
  ColumnExpr(int index, int level, Type t, std::string name)
      : Expr(std::move(t)), index(index), level(level), name(std::move(name)) {}
  Value Eval(EvalContext& ctx) const override {
    const Row* r = level == 0 ? ctx.row : static_cast<size_t>(level) <= ctx.outer.size() ? ctx.outer[static_cast<size_t>(level - 1)] : nullptr;
    // A plan that reads a row it was not given is a planner bug: an internal error (XX000),
    // never a read out of bounds.
    if (!r || static_cast<size_t>(index) >= r->size()) ThrowColumnOutOfRange(*this);
    return (*r)[static_cast<size_t>(index)];
  }
  std::string ToSql() const override { return name; }
  std::string Key() const override { return "#" + std::to_string(level) + "." + std::to_string(index); }
  int index, level;
  std::string name;
};

class ParamExpr : public Expr {
 public:
  ParamExpr(int index, Type t) : Expr(std::move(t)), index(index) {}
  Value Eval(EvalContext& ctx) const override {
    return (ctx.params ? *ctx.params : ctx.state->params)[static_cast<size_t>(index)];
  }
  std::string ToSql() const override { return "$" + std::to_string(index + 1); }
  int index;
};

using ScalarFn = std::function<Value(const std::vector<Value>&, EvalContext&)>;

// A function or operator call. Strict functions return NULL when any argument is NULL.
class CallExpr : public Expr {
 public:
  CallExpr(Type t, std::string name, std::vector<ExprP> args, ScalarFn fn, bool strict, bool infix)
      : Expr(std::move(t)), name(std::move(name)), args(std::move(args)), fn(std::move(fn)),
        strict(strict), infix(infix) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : args) f(a); }
  std::string ToSql() const override;
  std::string name;
  std::vector<ExprP> args;
  ScalarFn fn;
  bool strict;
  bool infix;
};

class CastExpr : public Expr {
 public:
  CastExpr(ExprP arg, Type to, bool explicit_cast) : Expr(std::move(to)), arg(std::move(arg)), explicit_cast(explicit_cast) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }
  std::string ToSql() const override;
  ExprP arg;
  bool explicit_cast;
};

class BoolExpr : public Expr {
 public:
  enum Op { kAnd, kOr, kNot };
  BoolExpr(Op op, std::vector<ExprP> args);
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : args) f(a); }
  std::string ToSql() const override;
  Op op;
  std::vector<ExprP> args;
};

class NullTestExpr : public Expr {
 public:
  NullTestExpr(ExprP arg, bool is_not);
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }
  std::string ToSql() const override;
  ExprP arg;
  bool is_not;
};

// IS [NOT] TRUE / FALSE / UNKNOWN
class BoolTestExpr : public Expr {
 public:
  BoolTestExpr(ExprP arg, int kind);  // kind: PgQuery BoolTestType
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }
  std::string ToSql() const override;
  ExprP arg;
  int kind;
};

class CaseExpr : public Expr {
 public:
  CaseExpr(Type t, std::vector<std::pair<ExprP, ExprP>> whens, ExprP otherwise)
      : Expr(std::move(t)), whens(std::move(whens)), otherwise(std::move(otherwise)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& w : whens) { f(w.first); f(w.second); } if (otherwise) f(otherwise); }
  std::string ToSql() const override;
  std::vector<std::pair<ExprP, ExprP>> whens;  // conditions already compare to the CASE arg
  ExprP otherwise;
};

class CoalesceExpr : public Expr {
 public:
  CoalesceExpr(Type t, std::vector<ExprP> args, std::string fname = "COALESCE")
      : Expr(std::move(t)), args(std::move(args)), fname(std::move(fname)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : args) f(a); }
  std::string ToSql() const override;
  std::vector<ExprP> args;
  std::string fname;
};

// GREATEST / LEAST: NULLs ignored.
class MinMaxExpr : public Expr {
 public:
  MinMaxExpr(Type t, std::vector<ExprP> args, bool greatest)
      : Expr(std::move(t)), args(std::move(args)), greatest(greatest) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : args) f(a); }
  std::string ToSql() const override;
  std::vector<ExprP> args;
  bool greatest;
};

// x IN (a, b, c) / x = ANY(array) / x op ALL(array) with SQL's NULL rules.
class InListExpr : public Expr {
 public:
  InListExpr(ExprP arg, std::vector<ExprP> items, bool negated, Type cmp_type)
      : Expr(Type(oid::kBool)), arg(std::move(arg)), items(std::move(items)), negated(negated), cmp_type(std::move(cmp_type)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); for (auto& a : items) f(a); }
  std::string ToSql() const override;
  ExprP arg;
  std::vector<ExprP> items;
  bool negated;
  Type cmp_type;
  // varchar items compare as text; PostgreSQL prints them as a varchar array cast to text[]
  bool varchar_items = false;
};

// x op ANY/ALL (array expression)
class ArrayCompareExpr : public Expr {
 public:
  ArrayCompareExpr(ExprP arg, ExprP array, std::string op, bool all, std::function<Value(const Value&, const Value&)> cmp)
      : Expr(Type(oid::kBool)), arg(std::move(arg)), array(std::move(array)), op(std::move(op)), all(all), cmp(std::move(cmp)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); f(array); }
  std::string ToSql() const override;
  ExprP arg, array;
  std::string op;
  bool all;
  std::function<Value(const Value&, const Value&)> cmp;
};

// ARRAY[a, b, ...]; when the items are themselves arrays (ARRAY[ARRAY[1,2], ARRAY[3,4]]) the
// result has one more dimension (the type stays the array type).
class ArrayExpr : public Expr {
 public:
  ArrayExpr(Type t, std::vector<ExprP> elems, bool of_arrays)
      : Expr(std::move(t)), elems(std::move(elems)), of_arrays(of_arrays) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : elems) f(a); }
  std::string ToSql() const override;
  std::vector<ExprP> elems;
  bool of_arrays;
};

// a[i][j] (an element) or a[l:u][...] (a slice, when any subscript is l:u): one lower and
// upper per subscript, a null ExprP where the bound is left out (a non-slice subscript has
// only its upper).
class SubscriptExpr : public Expr {
 public:
  SubscriptExpr(Type t, ExprP arr, std::vector<ExprP> lowers, std::vector<ExprP> uppers, bool slice)
      : Expr(std::move(t)), arr(std::move(arr)), lowers(std::move(lowers)), uppers(std::move(uppers)), slice(slice) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override {
    f(arr);
    for (size_t i = 0; i < uppers.size(); i++) {
      if (lowers[i]) f(lowers[i]);
      if (uppers[i]) f(uppers[i]);
    }
  }
  std::string ToSql() const override;
  ExprP arr;
  std::vector<ExprP> lowers, uppers;
  bool slice;
};

// A subquery used as an expression: scalar, EXISTS, or IN / op ANY/ALL (subquery).
class SubqueryExpr : public Expr {
 public:
  enum Kind { kScalar, kExists, kAny, kAll, kArray };  // kArray: ARRAY(SELECT ...)
  SubqueryExpr(Type t, Kind kind, std::shared_ptr<Operator> plan, ExprP test_arg,
               std::function<Value(const Value&, const Value&)> cmp, bool correlated)
      : Expr(std::move(t)), kind(kind), plan(std::move(plan)), test_arg(std::move(test_arg)),
        cmp(std::move(cmp)), correlated(correlated) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { if (test_arg) f(test_arg); }
  std::string ToSql() const override;
  Kind kind;
  std::shared_ptr<Operator> plan;
  ExprP test_arg;
  std::function<Value(const Value&, const Value&)> cmp;
  bool correlated;
  // x = ANY (uncorrelated subquery) with x and the column of one type: the rows are hashed once
  // (PostgreSQL's hashed SubPlan) instead of compared one by one for every x.
  bool hashed_equality = false;
  bool of_arrays = false;  // kArray over a column of arrays: one more dimension
 private:
  // An uncorrelated subquery runs once per statement execution (a cached plan runs again).
  mutable bool cached_ = false;
  mutable uint64_t cached_exec_ = 0;
  mutable std::vector<Row> rows_;
  mutable std::unordered_multimap<size_t, size_t> index_;  // hash of column 0 -> row (hashed_equality)
  mutable bool has_null_ = false;                           // a NULL in column 0 (hashed_equality)
  mutable MemoryCharge held_{"SubPlan"};
  Value HashedAny(const Value& v) const;
};

std::string QuoteSqlLiteral(const std::string& s);
// A type's name in printed SQL: a user type (enum, domain) schema-qualified when a SqlNames
// context says search_path does not reach it.
std::string SqlTypeName(const Type& t);
// Whether one pair of parentheses encloses all of the SQL text (quotes respected).
bool WhollyParenthesized(const std::string& s);
// While one is alive, ToSql prints PostgreSQL's "pretty" form (pg_get_expr(..., true)): no
// parentheses around a cast's column, constant or array, nor around the comparisons of an
// AND / OR.
struct PrettySql {
  PrettySql();
  ~PrettySql();
  PrettySql(const PrettySql&) = delete;
  PrettySql& operator=(const PrettySql&) = delete;
};
// While one lives, ToSql prints constants with this context: regclass and the other reg*
// types by name, schema-qualified unless search_path finds them (as pg_get_expr does); and
// function names through `qualify` (an extension's function outside search_path).
struct SqlNames {
  explicit SqlNames(const DateTimeContext& dt, std::function<std::string(const std::string&)> qualify = {});
  ~SqlNames();
  SqlNames(const SqlNames&) = delete;
  SqlNames& operator=(const SqlNames&) = delete;
};
// Collects the positions of level-0 columns an expression reads; returns false when it reads
// the row in ways positions do not capture (correlated subqueries).
bool CollectColumns(const ExprP& e, std::vector<int>* cols);
bool UsesRow(const ExprP& e);

// Truthiness of a WHERE/HAVING/ON result: only TRUE passes.
inline bool IsTrue(const Value& v) { return !v.is_null() && v.b(); }

}  // namespace tusk
