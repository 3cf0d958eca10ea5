#include <algorithm>
#include <cmath>
#include <random>

#include "binder/operators_impl.hpp"
#include "common/error.hpp"
#include "function/overload_resolution.hpp"
#include "function/registry.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {
const Type kNum(oid::kNumeric);
const Type kF8(oid::kFloat8);
const Type kInt(oid::kInt4);

Numeric N(const Value& v) {
  Numeric n;
  Numeric::Parse(v.s(), &n);
  return n;
}

}  // namespace

std::mt19937_64& RandomGenerator() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

void RegisterMathFunctions() {
  auto& reg = FunctionRegistry();
  // abs keeps the argument's type.
  reg["abs"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 1) return nullptr;
    if (args[0]->type.id == oid::kUnknown) args[0] = b.Coerce(args[0], kF8, CastContext::kImplicit, loc);
    Type t = args[0]->type;
    if (t.array) return nullptr;
    if (IsIntegerType(t.id))
      return Fn(t, "abs", args, [t](const std::vector<Value>& a, EvalContext&) { return IntArith('*', a[0].i(), a[0].i() < 0 ? -1 : 1, t.id); });
    if (t.id == oid::kNumeric)
      return Fn(t, "abs", args, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(N(a[0]).Abs().ToString()); });
    if (t.id == oid::kFloat4 || t.id == oid::kFloat8)
      return Fn(t, "abs", args, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(std::fabs(a[0].f())); });
    return nullptr;
  };
  auto numeric_or_float = [](const char* name, std::function<Numeric(const Numeric&)> nf, std::function<double(double)> ff) {
    Register(name, {kNum}, kNum, [nf](const std::vector<Value>& a, EvalContext&) { return Value::Str(nf(N(a[0])).ToString()); });
    Register(name, {kF8}, kF8, [ff](const std::vector<Value>& a, EvalContext&) { return Value::Float(ff(a[0].f())); });
  };
  numeric_or_float("round", [](const Numeric& n) { return n.Round(0); }, [](double d) { return std::nearbyint(d); });
  numeric_or_float("trunc", [](const Numeric& n) { return n.Trunc(0); }, [](double d) { return std::trunc(d); });
  numeric_or_float("ceil", [](const Numeric& n) { return n.Ceil(); }, [](double d) { return std::ceil(d); });
  numeric_or_float("ceiling", [](const Numeric& n) { return n.Ceil(); }, [](double d) { return std::ceil(d); });
  numeric_or_float("floor", [](const Numeric& n) { return n.Floor(); }, [](double d) { return std::floor(d); });
  // The scale as PostgreSQL limits it (numeric_round / numeric_trunc): at most the largest
  // display scale (16383), at least the digits of the largest weight; trunc(1.5, 2147483645)
  // used to build a 2 GB string.
  auto scale = [](const Value& v) { return static_cast<int>(std::clamp<int64_t>(v.i(), -65536, 16383)); };
  Register("round", {kNum, kInt}, kNum, [scale](const std::vector<Value>& a, EvalContext&) { return Value::Str(N(a[0]).Round(scale(a[1])).ToString()); });
  Register("trunc", {kNum, kInt}, kNum, [scale](const std::vector<Value>& a, EvalContext&) { return Value::Str(N(a[0]).Trunc(scale(a[1])).ToString()); });
  Register("sign", {kNum}, kNum, [](const std::vector<Value>& a, EvalContext&) {
    Numeric n = N(a[0]);
    return Value::Str(n.is_zero() ? "0" : n.is_negative() ? "-1" : "1");
  });
  Register("sqrt", {kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].f() < 0) throw Error("2201F", "cannot take square root of a negative number");
    return Value::Float(std::sqrt(a[0].f()));
  });
  Register("cbrt", {kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(std::cbrt(a[0].f())); });
  // power(x, y) is the ^ operator: numeric when either argument is numeric, else float8.
  for (const char* n : {"power", "pow"})
    reg[n] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
      if (args.size() != 2) return nullptr;
      return b.MakeBinaryOp("^", args[0], args[1], loc);
    };
  Register("exp", {kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(std::exp(a[0].f())); });
  Register("ln", {kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].f() == 0) throw Error("2201E", "cannot take logarithm of zero");
    if (a[0].f() < 0) throw Error("2201E", "cannot take logarithm of a negative number");
    return Value::Float(std::log(a[0].f()));
  });
  Register("log", {kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].f() == 0) throw Error("2201E", "cannot take logarithm of zero");
    if (a[0].f() < 0) throw Error("2201E", "cannot take logarithm of a negative number");
    return Value::Float(std::log10(a[0].f()));
  });
  Register("pi", {}, kF8, [](const std::vector<Value>&, EvalContext&) { return Value::Float(M_PI); });
  Register("random", {}, kF8, [](const std::vector<Value>&, EvalContext&) {
    return Value::Float(std::uniform_real_distribution<double>(0.0, 1.0)(RandomGenerator()));
  });
  // mod(x, y) is the % operator; its signatures still decide whether a call is ambiguous.
  reg["mod"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    static const std::vector<std::vector<Type>> kSignatures = {
        {Type(oid::kInt2), Type(oid::kInt2)}, {Type(oid::kInt4), Type(oid::kInt4)},
        {Type(oid::kInt8), Type(oid::kInt8)}, {kNum, kNum}};
    if (ResolveOverload("mod", kSignatures, args, loc) < 0) return nullptr;
    return b.MakeBinaryOp("%", args[0], args[1], loc);
  };
  Register("div", {kNum, kNum}, kNum, [](const std::vector<Value>& a, EvalContext&) {
    Numeric y = N(a[1]);
    if (y.is_zero()) throw Error(sqlstate::kDivisionByZero, "division by zero");
    return Value::Str(N(a[0]).DivScale(y, 0).Compare(N(a[0]).DivScale(y, 20).Trunc(0)) == 0 ? N(a[0]).DivScale(y, 0).ToString() : N(a[0]).DivScale(y, 20).Trunc(0).ToString());
  });
}

}  // namespace tusk
