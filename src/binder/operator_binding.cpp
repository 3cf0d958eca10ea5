// Binary operators: arithmetic (integers, numeric, floats, dates and intervals), string and
// array operators, bitwise integer operators, LIKE / ILIKE and the regular expression matches.
#include <cmath>

#include "binder/binder.hpp"
#include "binder/folding.hpp"
#include "binder/operator_registry.hpp"
#include "binder/operators_impl.hpp"
#include "binder/volatility.hpp"
#include "common/error.hpp"
#include "execution/int_arith_expr.hpp"
#include "function/regex_functions.hpp"
#include "types/arrays.hpp"
#include "types/cast.hpp"
#include "types/compare.hpp"
#include "types/datetime.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
// The integer bitwise operators & | # (of two integers of one type: the wider one) and << >>
// (an integer shifted by int4), with C's wrap-around as PostgreSQL's int2/int4/int8 versions.
uint32_t WiderInteger(uint32_t a, uint32_t b) { return NumericRank(a) >= NumericRank(b) ? a : b; }
Value Bitwise(const std::string& op, int64_t a, int64_t b, uint32_t t) {
  int bits = t == oid::kInt8 ? 64 : 32;
  int64_t r;
  if (op == "&") r = a & b;
  else if (op == "|") r = a | b;
  else if (op == "#") r = a ^ b;
  else if (op == "<<") r = static_cast<int64_t>(static_cast<uint64_t>(a) << (b & (bits - 1)));
  else r = a >> (b & (bits - 1));
  if (t == oid::kInt2) return Value::Int(static_cast<int16_t>(r));
  if (t == oid::kInt4) return Value::Int(static_cast<int32_t>(r));
  return Value::Int(r);
}
}  // namespace

ExprP Binder::BindIntegerBitwise(const std::string& op, ExprP l, ExprP r, int location) {
  auto integer = [](const ExprP& e) { return !e->type.array && (IsIntegerType(e->type.id) || IsUnknownLiteral(e)); };
  if (!l) {  // prefix ~
    if (!integer(r)) return nullptr;
    if (IsUnknownLiteral(r)) r = Coerce(r, Type(oid::kInt4), CastContext::kImplicit, location);
    uint32_t t = r->type.id;
    return MakeCall(r->type, op, {r}, [t](const std::vector<Value>& a, EvalContext&) { return Bitwise("#", a[0].i(), -1, t); }, false);
  }
  if (!integer(l) || !integer(r)) return nullptr;
  bool shift = op == "<<" || op == ">>";
  uint32_t lt = IsUnknownLiteral(l) ? (shift || IsUnknownLiteral(r) ? oid::kInt4 : r->type.id) : l->type.id;
  uint32_t t = shift ? lt : WiderInteger(lt, IsUnknownLiteral(r) ? lt : r->type.id);
  l = Coerce(l, Type(t), CastContext::kImplicit, location);
  r = Coerce(r, Type(shift ? oid::kInt4 : t), CastContext::kImplicit, location);
  return MakeCall(Type(t), op, {l, r}, [op, t](const std::vector<Value>& a, EvalContext&) { return Bitwise(op, a[0].i(), a[1].i(), t); });
}

namespace {
// The operand of text || anynonarray (or anynonarray || text) that is not a string: converted
// with its type's output function, printed as written, as PostgreSQL's textanycat takes it.
class AnyTextOperand : public Expr {
 public:
  AnyTextOperand(ExprP written, ExprP as_text) : Expr(as_text->type), written_(std::move(written)), as_text_(std::move(as_text)) {}
  Value Eval(EvalContext& ctx) const override { return as_text_->Eval(ctx); }
  std::string ToSql() const override { return written_->ToSql(); }
  std::string Key() const override { return "anytext(" + as_text_->Key() + ")"; }
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(as_text_); }

 private:
  ExprP written_, as_text_;
};
}  // namespace

ExprP Binder::MakeBinaryOp(const std::string& op, ExprP l, ExprP r, int location) {
  // An operator takes a domain's value as its base type's (printed as PostgreSQL's RelabelType)
  if (l && l->type.domain) l = std::make_shared<CastExpr>(l, BaseTypeOf(l->type), false);
  if (r && r->type.domain) r = std::make_shared<CastExpr>(r, BaseTypeOf(r->type), false);
  if (op == "=" || op == "<>" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=")
    return MakeComparison(op, l, r, location);
  if (ExprP registered = BindRegisteredOperator(*this, op, l, r, location)) return registered;
  auto no_op = [&]() -> ExprP {
    if (l && IsUnknownLiteral(l) && IsUnknownLiteral(r) && IsRegisteredOperator(op))
      throw Error(sqlstate::kAmbiguousFunction, "operator is not unique: unknown " + op + " unknown")
          .WithHint("Could not choose a best candidate operator. You might need to add explicit type casts.")
          .WithPosition(location + 1);
    throw Error(sqlstate::kUndefinedFunction, "operator does not exist: " + TypeName(l->type) + " " + op + " " + TypeName(r->type))
        .WithHint("No operator matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(location + 1);
  };
  if (op == "||") {
    if (l->type.array || r->type.array) {
      Type at = l->type.array ? l->type : r->type;
      if (IsUnknownLiteral(l)) l = Coerce(l, at, CastContext::kImplicit, location);
      if (IsUnknownLiteral(r)) r = Coerce(r, at, CastContext::kImplicit, location);
      bool la = l->type.array, ra = r->type.array;
      if (la && !ra) r = Coerce(r, at.Element(), CastContext::kImplicit, location);
      if (ra && !la) l = Coerce(l, at.Element(), CastContext::kImplicit, location);
      if (la && ra) r = Coerce(r, at, CastContext::kImplicit, location);
      return std::make_shared<CallExpr>(at, "||", std::vector<ExprP>{l, r}, [la, ra](const std::vector<Value>& a, EvalContext&) {
        if (la && ra) {
          if (a[0].is_null()) return a[1];
          if (a[1].is_null()) return a[0];
          return ConcatArrays(a[0], a[1]);
        }
        return la ? AppendToArray(a[0], a[1]) : PrependToArray(a[0], a[1]);
      }, false, true);
    }
    bool ls = IsStringType(l->type.id) || IsUnknownLiteral(l), rs = IsStringType(r->type.id) || IsUnknownLiteral(r);
    if (!ls && !rs) return no_op();
    Type text(oid::kText);
    auto to_text = [&](ExprP e) {
      bool untyped_param = dynamic_cast<ParamExpr*>(e.get()) && e->type.id == oid::kUnknown && !e->type.array;
      if (IsStringType(e->type.id) || IsUnknownLiteral(e) || untyped_param)
        return Coerce(e, text, CastContext::kImplicit, location);
      ExprP as_text = Coerce(e, text, CastContext::kAssignment, location);
      // PostgreSQL inlines textanycat's SQL body, so a constant whose output function is
      // immutable (not a timestamptz's, which reads TimeZone) is folded to its text at plan time.
      if (dynamic_cast<ConstExpr*>(e.get()) && ExprVolatility(*as_text) == 'i') return FoldConstant(as_text);
      return std::static_pointer_cast<Expr>(std::make_shared<AnyTextOperand>(e, as_text));
    };
    l = to_text(l);
    r = to_text(r);
    return MakeCall(text, "||", {l, r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(a[0].s() + a[1].s()); });
  }
  if (op == "~~" || op == "!~~" || op == "~~*" || op == "!~~*") return BindLike(op, l, r, location);
  if ((op == "~" || op == "~*" || op == "!~" || op == "!~*") && !l->type.array && !r->type.array &&
      (IsStringType(l->type.id) || IsUnknownLiteral(l)) && (IsStringType(r->type.id) || IsUnknownLiteral(r))) {
    Type text(oid::kText);
    l = Coerce(l, text, CastContext::kImplicit, location);
    r = Coerce(r, text, CastContext::kImplicit, location);
    bool neg = op[0] == '!', icase = op.back() == '*';
    return MakeCall(Type(oid::kBool), op, {l, r}, [neg, icase](const std::vector<Value>& a, EvalContext& ctx) {
      return Value::Bool(RegexSearch(*CompileRegex(a[1].s(), icase), a[0].s(), ctx.state) != neg);
    });
  }
  if ((op == "@>" || op == "<@" || op == "&&") && (l->type.array || r->type.array)) {
    Type at = l->type.array ? l->type : r->type;
    l = Coerce(l, at, CastContext::kImplicit, location);
    r = Coerce(r, at, CastContext::kImplicit, location);
    if (!l->type.array || !r->type.array || l->type != r->type) return no_op();
    Type et = at.Element();
    return MakeCall(Type(oid::kBool), op, {l, r}, [op, et](const std::vector<Value>& a, EvalContext&) {
      auto contains = [&](const Value& big, const Value& small) {
        for (const Value& x : small.arr()) {
          bool found = false;
          if (!x.is_null())
            for (const Value& y : big.arr()) if (!y.is_null() && CompareValues(et, x, y) == 0) { found = true; break; }
          if (!found) return false;
        }
        return true;
      };
      if (op == "@>") return Value::Bool(contains(a[0], a[1]));
      if (op == "<@") return Value::Bool(contains(a[1], a[0]));
      for (const Value& x : a[0].arr())
        for (const Value& y : a[1].arr())
          if (!x.is_null() && !y.is_null() && CompareValues(et, x, y) == 0) return Value::Bool(true);
      return Value::Bool(false);
    });
  }
  if (op == "&" || op == "|" || op == "#" || op == "<<" || op == ">>") {
    if (ExprP e = BindIntegerBitwise(op, l, r, location)) return e;
    return no_op();
  }
  if (op == "^") {
    bool numeric = l->type.id == oid::kNumeric || r->type.id == oid::kNumeric;
    Type t(numeric ? oid::kNumeric : oid::kFloat8);
    if ((!NumericRank(l->type.id) && !IsUnknownLiteral(l)) || (!NumericRank(r->type.id) && !IsUnknownLiteral(r)) || l->type.array || r->type.array) return no_op();
    l = Coerce(l, t, CastContext::kImplicit, location);
    r = Coerce(r, t, CastContext::kImplicit, location);
    return MakeCall(t, "^", {l, r}, [numeric](const std::vector<Value>& a, EvalContext&) {
      if (numeric) {
        Numeric x, y;
        Numeric::Parse(a[0].s(), &x);
        Numeric::Parse(a[1].s(), &y);
        return Value::Str(x.Power(y).ToString());
      }
      double x = a[0].f(), y = a[1].f();
      if (x == 0 && y < 0) throw Error("2201F", "zero raised to a negative power is undefined");
      if (x < 0 && y != std::floor(y)) throw Error("2201F", "a negative number raised to a non-integer power yields a complex result");
      double r = std::pow(x, y);
      if (std::isinf(r)) throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
      return Value::Float(r);
    });
  }
  if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") {
    char c = op[0];
    uint32_t lt = l->type.array ? 0 : l->type.id, rt = r->type.array ? 0 : r->type.id;
    bool lu = IsUnknownLiteral(l), ru = IsUnknownLiteral(r);
    // date/time arithmetic
    if (DateTimeRank(lt) || DateTimeRank(rt) || lt == oid::kInterval || rt == oid::kInterval || lt == oid::kTime || rt == oid::kTime) {
      if (ru) {
        Type guess = (c == '-' && lt != oid::kInterval) ? l->type : Type(oid::kInterval);
        if (c == '-' && lt == oid::kDate) guess = Type(oid::kDate);
        if ((c == '*' || c == '/') && lt == oid::kInterval) guess = Type(oid::kFloat8);
        r = Coerce(r, guess, CastContext::kImplicit, location);
        rt = r->type.id;
      }
      if (lu) {
        // unknown * interval is float8 * interval, as PostgreSQL resolves it.
        Type guess = c == '-' ? r->type : (c == '*' && rt == oid::kInterval) ? Type(oid::kFloat8) : Type(oid::kInterval);
        l = Coerce(l, guess, CastContext::kImplicit, location);
        lt = l->type.id;
      }
      DateTimeContext* dtc = &state_->dt;
      (void)dtc;
      if (lt == oid::kDate && IsIntegerType(rt) && (c == '+' || c == '-')) {
        r = Coerce(r, Type(oid::kInt4), CastContext::kImplicit, location);
        return MakeCall(Type(oid::kDate), op, {l, r}, [c](const std::vector<Value>& a, EvalContext&) {
          return Value::Int(c == '+' ? a[0].i() + a[1].i() : a[0].i() - a[1].i());
        });
      }
      if (IsIntegerType(lt) && rt == oid::kDate && c == '+')
        return MakeCall(Type(oid::kDate), op, {l, r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(a[0].i() + a[1].i()); });
      if (lt == oid::kDate && rt == oid::kDate && c == '-')
        return MakeCall(Type(oid::kInt4), op, {l, r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(a[0].i() - a[1].i()); });
      if (lt == oid::kDate && rt == oid::kTime && c == '+')
        return MakeCall(Type(oid::kTimestamp), op, {l, r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(a[0].i() * kUsecPerDay + a[1].i()); });
      if ((DateTimeRank(lt) && rt == oid::kInterval && (c == '+' || c == '-')) || (lt == oid::kInterval && DateTimeRank(rt) && c == '+')) {
        ExprP ts = lt == oid::kInterval ? r : l;
        ExprP iv = lt == oid::kInterval ? l : r;
        if (ts->type.id == oid::kDate) ts = Coerce(ts, Type(oid::kTimestamp), CastContext::kImplicit, location);
        bool tz = ts->type.id == oid::kTimestamptz;
        return MakeCall(ts->type, op, {ts, iv}, [c, tz](const std::vector<Value>& a, EvalContext& ctx) {
          Interval iv = a[1].iv();
          if (c == '-') { iv.month = -iv.month; iv.day = -iv.day; iv.time = -iv.time; }
          return Value::Int(TimestampPlusInterval(a[0].i(), iv, tz ? ctx.state->dt.tz.get() : nullptr));
        });
      }
      if (DateTimeRank(lt) >= 2 && DateTimeRank(rt) >= 2 && c == '-') {
        Type t = Type(std::max(DateTimeRank(lt), DateTimeRank(rt)) == 3 ? oid::kTimestamptz : oid::kTimestamp);
        l = Coerce(l, t, CastContext::kImplicit, location);
        r = Coerce(r, t, CastContext::kImplicit, location);
        return MakeCall(Type(oid::kInterval), op, {l, r}, [](const std::vector<Value>& a, EvalContext&) {
          if (a[0].i() == kTimestampInfinity || a[0].i() == kTimestampMinusInfinity || a[1].i() == kTimestampInfinity || a[1].i() == kTimestampMinusInfinity)
            throw Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
          return Value::Iv(IntervalBetween(a[0].i(), a[1].i()));
        });
      }
      if (lt == oid::kTime && rt == oid::kInterval && (c == '+' || c == '-'))
        return MakeCall(Type(oid::kTime), op, {l, r}, [c](const std::vector<Value>& a, EvalContext&) {
          int64_t t = a[0].i() + (c == '+' ? 1 : -1) * a[1].iv().time;
          t %= kUsecPerDay;
          if (t < 0) t += kUsecPerDay;
          return Value::Int(t);
        });
      if (lt == oid::kTime && rt == oid::kTime && c == '-')
        return MakeCall(Type(oid::kInterval), op, {l, r}, [](const std::vector<Value>& a, EvalContext&) { return Value::Iv(Interval{a[0].i() - a[1].i(), 0, 0}); });
      if (lt == oid::kInterval && rt == oid::kInterval && (c == '+' || c == '-'))
        return MakeCall(Type(oid::kInterval), op, {l, r}, [c](const std::vector<Value>& a, EvalContext&) {
          Interval x = a[0].iv(), y = a[1].iv();
          Interval r;
          bool overflow = c == '+' ? (__builtin_add_overflow(x.time, y.time, &r.time) || __builtin_add_overflow(x.day, y.day, &r.day) ||
                                      __builtin_add_overflow(x.month, y.month, &r.month))
                                   : (__builtin_sub_overflow(x.time, y.time, &r.time) || __builtin_sub_overflow(x.day, y.day, &r.day) ||
                                      __builtin_sub_overflow(x.month, y.month, &r.month));
          if (overflow) throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
          return Value::Iv(r);
        });
      if ((lt == oid::kInterval && NumericRank(rt) && (c == '*' || c == '/')) || (NumericRank(lt) && rt == oid::kInterval && c == '*')) {
        ExprP iv = lt == oid::kInterval ? l : r;
        ExprP num = Coerce(lt == oid::kInterval ? r : l, Type(oid::kFloat8), CastContext::kImplicit, location);
        return MakeCall(Type(oid::kInterval), op, {iv, num}, [c](const std::vector<Value>& a, EvalContext&) {
          double f = a[1].f();
          if (c == '/') {
            if (f == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
            f = 1 / f;
          }
          Interval x = a[0].iv();
          // each part must fit its field, as PostgreSQL's interval_mul checks (22008)
          auto fits = [](double d, double limit) { return !std::isnan(d) && d >= -limit && d < limit; };
          auto out_of_range = [] { return Error(sqlstate::kDatetimeFieldOverflow, "interval out of range"); };
          double months = x.month * f;
          if (!fits(months, 2147483648.0)) throw out_of_range();
          Interval r;
          r.month = static_cast<int32_t>(months);
          double days = x.day * f + (months - r.month) * 30;
          if (!fits(days, 2147483648.0)) throw out_of_range();
          r.day = static_cast<int32_t>(days);
          double time = std::rint(x.time * f + (days - r.day) * kUsecPerDay);
          if (!fits(time, 9223372036854775808.0)) throw out_of_range();
          r.time = static_cast<int64_t>(time);
          return Value::Iv(r);
        });
      }
      return no_op();
    }
    if (lu && ru) {
      throw Error(sqlstate::kAmbiguousFunction, "operator is not unique: unknown " + op + " unknown")
          .WithHint("Could not choose a best candidate operator. You might need to add explicit type casts.")
          .WithPosition(location + 1);
    }
    if (lu) l = Coerce(l, r->type, CastContext::kImplicit, location);
    if (ru) r = Coerce(r, l->type, CastContext::kImplicit, location);
    if (dynamic_cast<ParamExpr*>(l.get()) && l->type.id == oid::kUnknown) l = Coerce(l, r->type, CastContext::kImplicit, location);
    if (dynamic_cast<ParamExpr*>(r.get()) && r->type.id == oid::kUnknown) r = Coerce(r, l->type, CastContext::kImplicit, location);
    int a = l->type.array ? 0 : NumericRank(l->type.id), b = r->type.array ? 0 : NumericRank(r->type.id);
    if (!a || !b) return no_op();
    int rank = std::max(a, b);
    if (rank == 5 && std::min(a, b) < 5) rank = 6;
    if (c == '%' && rank >= 5) return no_op();
    Type t(RankType(rank));
    // PostgreSQL has + - * / for every pair of integer types (int48pl, int24mul, ...), so their
    // arguments keep their types (EXPLAIN shows no cast); % exists only for equal types
    auto integer = [](const Type& x) { return x.id == oid::kInt2 || x.id == oid::kInt4 || x.id == oid::kInt8; };
    if (!(c != '%' && integer(l->type) && integer(r->type))) {
      l = Coerce(l, t, CastContext::kImplicit, location);
      r = Coerce(r, t, CastContext::kImplicit, location);
    }
    uint32_t tid = t.id;
    if (rank <= 3) return FoldCall(std::make_shared<IntArithExpr>(t, op, std::vector<ExprP>{l, r}, c));
    if (rank == 4)
      return MakeCall(t, op, {l, r}, [c](const std::vector<Value>& v, EvalContext&) { return NumericArith(c, v[0].s(), v[1].s()); });
    return MakeCall(t, op, {l, r}, [c, tid](const std::vector<Value>& v, EvalContext&) { return FloatArith(c, v[0].f(), v[1].f(), tid); });
  }
  return no_op();
}

ExprP Binder::BindLike(const std::string& op, ExprP l, ExprP r, int location) {
  Type text(oid::kText);
  if (!(IsStringType(l->type.id) || IsUnknownLiteral(l) || dynamic_cast<ParamExpr*>(l.get())) || l->type.array)
    throw Error(sqlstate::kUndefinedFunction, "operator does not exist: " + TypeName(l->type) + " " + op + " " + TypeName(r->type))
        .WithHint("No operator matches the given name and argument types. You might need to add explicit type casts.").WithPosition(location + 1);
  l = Coerce(l, text, CastContext::kImplicit, location);
  r = Coerce(r, text, CastContext::kImplicit, location);
  bool neg = op[0] == '!';
  bool icase = op.back() == '*';
  return MakeCall(Type(oid::kBool), op, {l, r}, [neg, icase](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(LikeMatch(a[0].s(), a[1].s(), icase) != neg);
  });
}

}  // namespace tusk
