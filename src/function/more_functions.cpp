// More built-ins: AT TIME ZONE (timezone()), make_* constructors, justify_*, date_bin,
// integer/trigonometric math, format(), translate(), encode()/decode(), and a few system
// functions.
#include <cmath>
#include <numeric>
#include <random>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
#include "server/scram.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

static std::string TwoDigits(int v) { return (v >= 0 && v < 10 ? "0" : "") + std::to_string(v); }

namespace {
const Type kText(oid::kText);
const Type kInt(oid::kInt4);
const Type kBig(oid::kInt8);
const Type kF8(oid::kFloat8);
const Type kTs(oid::kTimestamp);
const Type kTstz(oid::kTimestamptz);
const Type kIv(oid::kInterval);

std::shared_ptr<const TimeZone> ZoneOrThrow(const std::string& name) {
  auto tz = TimeZone::Find(name);
  if (!tz) throw Error(sqlstate::kInvalidParameterValue, "time zone \"" + name + "\" not recognized");
  return tz;
}

Interval JustifyHours(Interval iv) {
  if (__builtin_add_overflow(iv.day, static_cast<int32_t>(iv.time / kUsecPerDay), &iv.day))
    throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  iv.time %= kUsecPerDay;
  if (iv.day > 0 && iv.time < 0) { iv.time += kUsecPerDay; iv.day--; }
  else if (iv.day < 0 && iv.time > 0) { iv.time -= kUsecPerDay; iv.day++; }
  return iv;
}

Interval JustifyDays(Interval iv) {
  if (__builtin_add_overflow(iv.month, iv.day / 30, &iv.month)) throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  iv.day %= 30;
  if (iv.month > 0 && iv.day < 0) { iv.day += 30; iv.month--; }
  else if (iv.month < 0 && iv.day > 0) { iv.day -= 30; iv.month++; }
  return iv;
}
}  // namespace

void RegisterMoreFunctions() {
  auto& reg = FunctionRegistry();
  // x AT TIME ZONE z arrives as timezone(z, x)
  reg["timezone"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 2) return nullptr;
    args[0] = b.Coerce(args[0], kText, CastContext::kImplicit, loc);
    uint32_t t = args[1]->type.array ? 0 : args[1]->type.id;
    if (t == oid::kUnknown || t == oid::kDate) { args[1] = b.Coerce(args[1], kTstz, CastContext::kImplicit, loc); t = oid::kTimestamptz; }
    if (t == oid::kTimestamptz)
      return Fn(kTs, "timezone", args, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(UtcToLocal(a[1].i(), *ZoneOrThrow(a[0].s()))); });
    if (t == oid::kTimestamp)
      return Fn(kTstz, "timezone", args, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(LocalToUtc(a[1].i(), *ZoneOrThrow(a[0].s()))); });
    return nullptr;
  };
  Register("make_timestamp", {kInt, kInt, kInt, kInt, kInt, kF8}, kTs, [](const std::vector<Value>& a, EvalContext&) {
    CivilTime c;
    c.year = a[0].i(); c.month = static_cast<int>(a[1].i()); c.day = static_cast<int>(a[2].i());
    c.hour = static_cast<int>(a[3].i()); c.minute = static_cast<int>(a[4].i());
    double sec = a[5].f();
    if (c.year <= 0 || c.month < 1 || c.month > 12 || c.day < 1 || c.day > DaysInMonth(c.year, c.month))
      throw Error(sqlstate::kDatetimeFieldOverflow, "date field value out of range: " + std::to_string(c.year) + "-" + (c.month < 10 ? "0" : "") + std::to_string(c.month) + "-" + (c.day < 10 ? "0" : "") + std::to_string(c.day));
    if (c.hour < 0 || c.hour > 24 || c.minute < 0 || c.minute > 59 || sec < 0 || sec > 60)
      throw Error(sqlstate::kDatetimeFieldOverflow, "time field value out of range: " + TwoDigits(c.hour) + ":" + TwoDigits(c.minute) + ":" + (sec < 10 ? "0" : "") + FormatFloat8(sec));
    c.second = static_cast<int>(sec);
    c.usec = static_cast<int64_t>(std::llround((sec - c.second) * 1e6));
    return Value::Int(TimestampFromCivil(c));
  });
  reg["make_interval"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.empty() || args.size() > 7) return nullptr;
    for (size_t i = 0; i < args.size(); i++) args[i] = b.Coerce(args[i], i == 6 ? kF8 : kInt, CastContext::kImplicit, loc);
    return Fn(kIv, "make_interval", args, [](const std::vector<Value>& a, EvalContext&) {
      auto at = [&](size_t i) { return i < a.size() ? a[i].i() : 0; };
      Interval iv;
      iv.month = static_cast<int32_t>(at(0) * 12 + at(1));
      iv.day = static_cast<int32_t>(at(2) * 7 + at(3));
      iv.time = (at(4) * 3600 + at(5) * 60) * kUsecPerSec + (a.size() > 6 ? static_cast<int64_t>(std::llround(a[6].f() * 1e6)) : 0);
      return Value::Iv(iv);
    });
  };
  Register("justify_hours", {kIv}, kIv, [](const std::vector<Value>& a, EvalContext&) { return Value::Iv(JustifyHours(a[0].iv())); });
  Register("justify_days", {kIv}, kIv, [](const std::vector<Value>& a, EvalContext&) { return Value::Iv(JustifyDays(a[0].iv())); });
  Register("justify_interval", {kIv}, kIv, [](const std::vector<Value>& a, EvalContext&) {
    Interval r = a[0].iv();
    auto add_months = [&r](int32_t months) {
      if (__builtin_add_overflow(r.month, months, &r.month)) throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
    };
    // As PostgreSQL: days first when day and time have the same sign, so that adding the
    // time's whole days cannot overflow.
    if ((r.day > 0 && r.time > 0) || (r.day < 0 && r.time < 0)) {
      int32_t months = r.day / 30;
      r.day -= months * 30;
      add_months(months);
    }
    int64_t whole_day = r.time / kUsecPerDay;
    r.time -= whole_day * kUsecPerDay;
    r.day += static_cast<int32_t>(whole_day);
    int32_t whole_month = r.day / 30;
    r.day -= whole_month * 30;
    add_months(whole_month);
    if (r.month > 0 && (r.day < 0 || (r.day == 0 && r.time < 0))) { r.day += 30; r.month--; }
    else if (r.month < 0 && (r.day > 0 || (r.day == 0 && r.time > 0))) { r.day -= 30; r.month++; }
    if (r.day > 0 && r.time < 0) { r.time += kUsecPerDay; r.day--; }
    else if (r.day < 0 && r.time > 0) { r.time -= kUsecPerDay; r.day++; }
    return Value::Iv(r);
  });
  auto date_bin = [](bool tz) {
    return [tz](const std::vector<Value>& a, EvalContext&) {
      Interval stride = a[0].iv();
      if (stride.month != 0) throw Error(sqlstate::kFeatureNotSupported, "timestamps cannot be binned into intervals containing months or years");
      int64_t s;
      if (__builtin_mul_overflow(static_cast<int64_t>(stride.day), kUsecPerDay, &s) || __builtin_add_overflow(s, stride.time, &s))
        throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
      if (s <= 0) throw Error(sqlstate::kInvalidParameterValue, "stride must be greater than zero");
      int64_t delta;
      if (__builtin_sub_overflow(a[1].i(), a[2].i(), &delta)) throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
      int64_t bins = delta / s;
      if (delta % s < 0) bins--;
      (void)tz;
      int64_t binned;
      if (__builtin_mul_overflow(bins, s, &binned) || __builtin_add_overflow(a[2].i(), binned, &binned))
        throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
      return Value::Int(binned);
    };
  };
  Register("date_bin", {kIv, kTs, kTs}, kTs, date_bin(false));
  Register("date_bin", {kIv, kTstz, kTstz}, kTstz, date_bin(true));
  Register("isfinite", {kTstz}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) { return Value::Bool(a[0].i() != kTimestampInfinity && a[0].i() != kTimestampMinusInfinity); });
  Register("isfinite", {Type(oid::kDate)}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) { return Value::Bool(a[0].i() != kDateInfinity && a[0].i() != kDateMinusInfinity); });

  // integer math
  for (const char* name : {"gcd", "lcm"}) {
    bool lcm = std::string(name) == "lcm";
    auto impl = [lcm](uint32_t t) {
      return [lcm, t](const std::vector<Value>& a, EvalContext&) {
        int64_t x = a[0].i(), y = a[1].i();
        if (x == INT64_MIN || y == INT64_MIN) throw Error(sqlstate::kNumericValueOutOfRange, t == oid::kInt4 ? "integer out of range" : "bigint out of range");
        int64_t g = std::gcd(x, y);
        if (!lcm) return Value::Int(CheckIntRange(g, t));
        if (x == 0 || y == 0) return Value::Int(0);
        __int128 l = static_cast<__int128>(x / g) * y;
        if (l < 0) l = -l;
        if (l > INT64_MAX) throw Error(sqlstate::kNumericValueOutOfRange, "bigint out of range");
        return Value::Int(CheckIntRange(static_cast<int64_t>(l), t));
      };
    };
    Register(name, {kInt, kInt}, kInt, impl(oid::kInt4));
    Register(name, {kBig, kBig}, kBig, impl(oid::kInt8));
  }
  Register("width_bucket", {kF8, kF8, kF8, kInt}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    double v = a[0].f(), lo = a[1].f(), hi = a[2].f();
    int64_t n = a[3].i();
    if (n <= 0) throw Error("2201G", "count must be greater than zero");
    if (lo == hi) throw Error("2201G", "lower bound cannot equal upper bound");
    if (lo < hi) {
      if (v < lo) return Value::Int(0);
      if (v >= hi) return Value::Int(n + 1);
      return Value::Int(static_cast<int64_t>(n * (v - lo) / (hi - lo)) + 1);
    }
    if (v > lo) return Value::Int(0);
    if (v <= hi) return Value::Int(n + 1);
    return Value::Int(static_cast<int64_t>(n * (lo - v) / (lo - hi)) + 1);
  });
  auto f1 = [](const char* name, double (*fn)(double), bool domain_check) {
    Register(name, {kF8}, kF8, [fn, domain_check](const std::vector<Value>& a, EvalContext&) {
      if (domain_check && (a[0].f() < -1 || a[0].f() > 1)) throw Error(sqlstate::kNumericValueOutOfRange, "input is out of range");
      return Value::Float(fn(a[0].f()));
    });
  };
  f1("sin", [](double x) { return std::sin(x); }, false);
  f1("cos", [](double x) { return std::cos(x); }, false);
  f1("tan", [](double x) { return std::tan(x); }, false);
  f1("cot", [](double x) { return 1.0 / std::tan(x); }, false);
  f1("asin", [](double x) { return std::asin(x); }, true);
  f1("acos", [](double x) { return std::acos(x); }, true);
  f1("atan", [](double x) { return std::atan(x); }, false);
  f1("degrees", [](double x) { return x * 180.0 / M_PI; }, false);
  f1("radians", [](double x) { return x * M_PI / 180.0; }, false);
  Register("atan2", {kF8, kF8}, kF8, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(std::atan2(a[0].f(), a[1].f())); });
  Register("factorial", {kBig}, Type(oid::kNumeric), [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].i() < 0) throw Error(sqlstate::kNumericValueOutOfRange, "factorial of a negative number is undefined");
    Numeric r = Numeric::FromInt(1);
    for (int64_t i = 2; i <= a[0].i() && i <= 10000; i++) r = r.Mul(Numeric::FromInt(i));
    return Value::Str(r.ToString());
  });
  Register("setseed", {kF8}, Type(oid::kVoid), [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].f() < -1 || a[0].f() > 1) throw Error(sqlstate::kInvalidParameterValue, "setseed parameter " + FormatFloat8(a[0].f()) + " is out of allowed range [-1,1]");
    RandomGenerator().seed(static_cast<uint64_t>(static_cast<int64_t>(a[0].f() * 9007199254740991.0)));
    return Value::Str("");
  });

  // strings
  Register("translate", {kText, kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    std::string r;
    const std::string &from = a[1].s(), &to = a[2].s();
    for (char c : a[0].s()) {
      size_t p = from.find(c);
      if (p == std::string::npos) r += c;
      else if (p < to.size()) r += to[p];
    }
    return Value::Str(r);
  });
  Register("quote_nullable", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(a[0].is_null() ? "NULL" : QuoteLiteral(a[0].s()));
  }, false);
  AcceptAnyAsText("quote_nullable");
  Register("encode", {Type(oid::kBytea), kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    std::string f = ToLower(a[1].s());
    const std::string& d = a[0].s();
    if (f == "hex") {
      static const char* h = "0123456789abcdef";
      std::string r;
      for (unsigned char c : d) { r += h[c >> 4]; r += h[c & 15]; }
      return Value::Str(r);
    }
    if (f == "base64") {
      std::string b = Base64Encode(d), r;
      for (size_t i = 0; i < b.size(); i += 76) r += (i ? "\n" : "") + b.substr(i, 76);
      return Value::Str(r);
    }
    if (f == "escape") {
      std::string r;
      for (unsigned char c : d) {
        if (c == '\\') r += "\\\\";
        else if (c == 0 || c >= 0x80) { char b[8]; std::snprintf(b, sizeof b, "\\%03o", c); r += b; }
        else r += static_cast<char>(c);
      }
      return Value::Str(r);
    }
    throw Error(sqlstate::kInvalidParameterValue, "unrecognized encoding: \"" + a[1].s() + "\"");
  });
  Register("decode", {kText, kText}, Type(oid::kBytea), [](const std::vector<Value>& a, EvalContext& ctx) {
    std::string f = ToLower(a[1].s());
    if (f == "hex") return ParseText(Type(oid::kBytea), "\\x" + a[0].s(), ctx.state->dt);
    if (f == "base64") {
      std::string clean;
      for (char c : a[0].s()) if (!isspace(static_cast<unsigned char>(c))) clean += c;
      std::string r = Base64Decode(clean);
      if (r.empty() && !clean.empty()) throw Error(sqlstate::kInvalidParameterValue, "invalid base64 end sequence");
      return Value::Str(r);
    }
    if (f == "escape") return ParseText(Type(oid::kBytea), a[0].s(), ctx.state->dt);
    throw Error(sqlstate::kInvalidParameterValue, "unrecognized encoding: \"" + a[1].s() + "\"");
  });
  // format(fmt, args...): %s, %I, %L, %% with optional position n$ and width.
  reg["format"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.empty()) return nullptr;
    args[0] = b.Coerce(args[0], kText, CastContext::kImplicit, loc);
    std::vector<Type> types;
    for (auto& a : args) {
      if (a->type.id == oid::kUnknown && !a->type.array) a = b.Coerce(a, kText, CastContext::kImplicit, loc);
      types.push_back(a->type);
    }
    return Fn(kText, "format", args, [types](const std::vector<Value>& a, EvalContext& ctx) {
      if (a[0].is_null()) return Value::Null();
      const std::string& f = a[0].s();
      std::string r;
      size_t next = 1;
      for (size_t i = 0; i < f.size(); i++) {
        if (f[i] != '%') { r += f[i]; continue; }
        if (++i >= f.size()) throw Error(sqlstate::kInvalidParameterValue, "unterminated format() type specifier")
                                 .WithHint("For a single \"%\" use \"%%\".");
        if (f[i] == '%') { r += '%'; continue; }
        size_t argno = 0;
        size_t j = i;
        while (j < f.size() && isdigit(static_cast<unsigned char>(f[j]))) j++;
        if (j < f.size() && f[j] == '$' && j > i) { argno = std::stoul(f.substr(i, j - i)); i = j + 1; }
        bool left = false;
        if (i < f.size() && f[i] == '-') { left = true; i++; }
        size_t width = 0;
        while (i < f.size() && isdigit(static_cast<unsigned char>(f[i]))) width = width * 10 + static_cast<size_t>(f[i++] - '0');
        if (i >= f.size()) throw Error(sqlstate::kInvalidParameterValue, "unterminated format() type specifier")
                                .WithHint("For a single \"%\" use \"%%\".");
        char spec = f[i];
        size_t idx = argno ? argno : next;
        next = idx + 1;
        if (spec != 's' && spec != 'I' && spec != 'L')
          throw Error(sqlstate::kInvalidParameterValue, std::string("unrecognized format() type specifier \"") + spec + "\"")
              .WithHint("For a single \"%\" use \"%%\".");
        if (idx >= a.size()) throw Error(sqlstate::kInvalidParameterValue, "too few arguments for format()");
        std::string v;
        const Value& x = a[idx];
        if (spec == 'I') {
          if (x.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "null values cannot be formatted as an SQL identifier");
          v = QuoteIdent(FormatText(types[idx], x, ctx.state->dt));
        } else if (spec == 'L') {
          v = x.is_null() ? "NULL" : QuoteLiteral(FormatText(types[idx], x, ctx.state->dt));
        } else {
          v = x.is_null() ? "" : FormatText(types[idx], x, ctx.state->dt);
        }
        if (v.size() < width) v = left ? v + std::string(width - v.size(), ' ') : std::string(width - v.size(), ' ') + v;
        r += v;
      }
      return Value::Str(r);
    }, false);
  };
  // system
  for (const char* n : {"txid_current", "pg_current_xact_id"})
    Register(n, {}, kBig, [](const std::vector<Value>&, EvalContext& ctx) {
      return Value::Int(static_cast<int64_t>(ctx.state->txn ? ctx.state->txn->GetID() : 0) + 1);
    }, false);
  Register("current_schemas", {Type(oid::kBool)}, Type(oid::kName, -1, true), [](const std::vector<Value>& a, EvalContext& ctx) {
    std::vector<Value> out;
    if (a[0].b()) out.push_back(Value::Str("pg_catalog"));
    for (auto& s : ctx.state->session->SearchPath()) if (ctx.state->catalog->FindSchema(s)) out.push_back(Value::Str(s));
    return Value::Array(std::move(out));
  });
}

}  // namespace tusk
