#include <chrono>
#include <cmath>
#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "function/registry.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {
const Type kTs(oid::kTimestamp);
const Type kTstz(oid::kTimestamptz);
const Type kText(oid::kText);
const Type kF8(oid::kFloat8);
const Type kIv(oid::kInterval);

int64_t WallClockNow() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kPgEpochUnixSeconds * kUsecPerSec;
}

// PostgreSQL's unit names and abbreviations (matched on their first 10 characters, as
// PostgreSQL's token table does) mapped to one canonical name; "" when unknown.
std::string CanonicalUnit(const std::string& in) {
  static const std::map<std::string, std::string> kUnits = {
      {"c", "century"}, {"cent", "century"}, {"centuries", "century"}, {"century", "century"},
      {"d", "day"}, {"day", "day"}, {"days", "day"},
      {"dec", "decade"}, {"decade", "decade"}, {"decades", "decade"}, {"decs", "decade"},
      {"h", "hour"}, {"hour", "hour"}, {"hours", "hour"}, {"hr", "hour"}, {"hrs", "hour"},
      {"microsecon", "microseconds"}, {"us", "microseconds"}, {"usec", "microseconds"}, {"usecond", "microseconds"},
      {"useconds", "microseconds"}, {"usecs", "microseconds"},
      {"mil", "millennium"}, {"millennia", "millennium"}, {"millennium", "millennium"}, {"mils", "millennium"},
      {"millisecon", "milliseconds"}, {"ms", "milliseconds"}, {"msec", "milliseconds"}, {"msecond", "milliseconds"},
      {"mseconds", "milliseconds"}, {"msecs", "milliseconds"},
      {"m", "minute"}, {"min", "minute"}, {"mins", "minute"}, {"minute", "minute"}, {"minutes", "minute"},
      {"mon", "month"}, {"mons", "month"}, {"month", "month"}, {"months", "month"},
      {"qtr", "quarter"}, {"quarter", "quarter"},
      {"s", "second"}, {"sec", "second"}, {"second", "second"}, {"seconds", "second"}, {"secs", "second"},
      {"timezone", "timezone"}, {"timezone_h", "timezone_hour"}, {"timezone_m", "timezone_minute"},
      {"w", "week"}, {"week", "week"}, {"weeks", "week"},
      {"y", "year"}, {"year", "year"}, {"years", "year"}, {"yr", "year"}, {"yrs", "year"},
      {"epoch", "epoch"}, {"dow", "dow"}, {"doy", "doy"}, {"isodow", "isodow"}, {"isoyear", "isoyear"},
      {"julian", "julian"}, {"j", "julian"},
  };
  auto it = kUnits.find(ToLower(in).substr(0, 10));
  return it == kUnits.end() ? "" : it->second;
}

[[noreturn]] void ThrowUnit(const std::string& unit, const char* type) {
  if (CanonicalUnit(unit).empty())
    throw Error(sqlstate::kInvalidParameterValue, "unit \"" + unit + "\" not recognized for type " + type);
  throw Error(sqlstate::kFeatureNotSupported, "unit \"" + unit + "\" not supported for type " + type);
}

// date_trunc on a local wall-clock timestamp.
int64_t TruncLocal(const std::string& unit_in, int64_t ts) {
  std::string unit = CanonicalUnit(unit_in);
  if (ts == kTimestampInfinity || ts == kTimestampMinusInfinity) return ts;
  CivilTime c = CivilFromTimestamp(ts);
  if (unit == "microseconds") return ts;
  if (unit == "milliseconds") { c.usec = c.usec / 1000 * 1000; return TimestampFromCivil(c); }
  c.usec = 0;
  if (unit == "second") return TimestampFromCivil(c);
  c.second = 0;
  if (unit == "minute") return TimestampFromCivil(c);
  c.minute = 0;
  if (unit == "hour") return TimestampFromCivil(c);
  c.hour = 0;
  if (unit == "day") return TimestampFromCivil(c);
  if (unit == "week") {
    int64_t days = TimestampFromCivil(c) / kUsecPerDay;
    int64_t dow = ((days % 7) + 7 + 5) % 7;  // 2000-01-01 was a Saturday; Monday = 0
    return (days - dow) * kUsecPerDay;
  }
  if (unit == "month") { c.day = 1; return TimestampFromCivil(c); }
  if (unit == "quarter") { c.day = 1; c.month = (c.month - 1) / 3 * 3 + 1; return TimestampFromCivil(c); }
  c.day = 1;
  c.month = 1;
  if (unit == "year") return TimestampFromCivil(c);
  if (unit == "decade") { c.year = c.year >= 0 ? c.year / 10 * 10 : -((-c.year + 9) / 10 * 10); return TimestampFromCivil(c); }
  if (unit == "century") { c.year = c.year > 0 ? (c.year - 1) / 100 * 100 + 1 : c.year; return TimestampFromCivil(c); }
  if (unit == "millennium") { c.year = c.year > 0 ? (c.year - 1) / 1000 * 1000 + 1 : c.year; return TimestampFromCivil(c); }
  ThrowUnit(unit_in, "timestamp without time zone");
}

// EXTRACT / date_part of a local timestamp; result as numeric text.
Numeric ExtractField(const std::string& field_in, int64_t local, int64_t utc, bool is_date, bool has_tz, int32_t tz_offset) {
  std::string f = CanonicalUnit(field_in);
  CivilTime c = CivilFromTimestamp(local);
  auto I = [](int64_t v) { return Numeric::FromInt(v); };
  Numeric micros = Numeric::FromInt(c.second * kUsecPerSec + c.usec);
  if (f == "epoch") {
    Numeric n = Numeric::FromInt(utc).Add(Numeric::FromInt(kPgEpochUnixSeconds * kUsecPerSec));
    return n.DivScale(Numeric::FromInt(1000000), 6);
  }
  if (f == "year" || f == "years") return I(c.year > 0 ? c.year : c.year - 1);
  if (f == "month" || f == "months" || f == "mon") return I(c.month);
  if (f == "day" || f == "days") return I(c.day);
  if (f == "hour" || f == "hours") return I(c.hour);
  if (f == "minute" || f == "minutes" || f == "min") return I(c.minute);
  if (f == "second" || f == "seconds" || f == "sec") return micros.DivScale(Numeric::FromInt(1000000), 6);
  if (f == "milliseconds" || f == "millisecond") return micros.DivScale(Numeric::FromInt(1000), 3);
  if (f == "microseconds" || f == "microsecond") return micros;
  int64_t days = (local - (local % kUsecPerDay + kUsecPerDay) % kUsecPerDay) / kUsecPerDay;
  int64_t dow = ((days % 7) + 7 + 6) % 7;  // Sunday = 0; 2000-01-01 Saturday
  if (f == "dow") return I(dow);
  if (f == "isodow") return I(dow == 0 ? 7 : dow);
  if (f == "doy") {
    CivilTime jan1 = c;
    jan1.month = 1; jan1.day = 1; jan1.hour = jan1.minute = jan1.second = 0; jan1.usec = 0;
    return I((TimestampFromCivil(jan1) / kUsecPerDay == days ? 0 : days - TimestampFromCivil(jan1) / kUsecPerDay) + 1);
  }
  if (f == "quarter") return I((c.month - 1) / 3 + 1);
  if (f == "week" || f == "isoyear") {
    // ISO 8601 week: the week with the year's first Thursday is week 1.
    int64_t isodow = dow == 0 ? 7 : dow;
    int64_t thursday = days - isodow + 4;
    int64_t y; int m, d;
    CivilFromDays(thursday + 10957, &y, &m, &d);
    int64_t jan1 = DaysFromCivil(y, 1, 1) - 10957;
    if (f == "isoyear") return I(y);
    return I((thursday - jan1) / 7 + 1);
  }
  if (f == "decade") return I(c.year >= 0 ? c.year / 10 : -((-c.year + 9) / 10));
  if (f == "century") return I(c.year > 0 ? (c.year + 99) / 100 : -((-c.year + 100) / 100));
  if (f == "millennium") return I(c.year > 0 ? (c.year + 999) / 1000 : -((-c.year + 1000) / 1000));
  if (f == "julian") return I(days + 2451545);
  if (has_tz && f == "timezone") return I(tz_offset);
  if (has_tz && f == "timezone_hour") return I(tz_offset / 3600);
  if (has_tz && f == "timezone_minute") return I((tz_offset / 60) % 60);
  (void)is_date;
  ThrowUnit(field_in, has_tz ? "timestamp with time zone" : "timestamp without time zone");
}

Numeric ExtractInterval(const std::string& field_in, const Interval& iv) {
  std::string f = CanonicalUnit(field_in);
  auto I = [](int64_t v) { return Numeric::FromInt(v); };
  int64_t t = iv.time;
  if (f == "epoch") {
    Numeric secs = Numeric::FromInt(t).DivScale(Numeric::FromInt(1000000), 6);
    int64_t days_secs = (static_cast<int64_t>(iv.month / 12) * 365 * 86400 + static_cast<int64_t>(iv.month % 12) * 30 * 86400) ;
    Numeric extra = Numeric::FromInt(days_secs).Add(Numeric::FromInt(static_cast<int64_t>(iv.day) * 86400));
    // PostgreSQL: years count 365.25 days
    Numeric years = Numeric::FromInt(iv.month / 12).Mul(Numeric::FromInt(21600));
    return secs.Add(extra).Add(years);
  }
  if (f == "year" || f == "years") return I(iv.month / 12);
  if (f == "month" || f == "months" || f == "mon") return I(iv.month % 12);
  if (f == "day" || f == "days") return I(iv.day);
  if (f == "hour" || f == "hours") return I(t / (3600 * kUsecPerSec));
  if (f == "minute" || f == "minutes") return I((t / (60 * kUsecPerSec)) % 60);
  if (f == "second" || f == "seconds") return Numeric::FromInt(t % (60 * kUsecPerSec)).DivScale(Numeric::FromInt(1000000), 6);
  if (f == "milliseconds") return Numeric::FromInt(t % (60 * kUsecPerSec)).DivScale(Numeric::FromInt(1000), 3);
  if (f == "microseconds") return I(t % (60 * kUsecPerSec));
  ThrowUnit(field_in, "interval");
}

ExprP BindExtract(Binder& b, std::vector<ExprP>& args, int loc, bool as_numeric) {
  if (args.size() != 2) return nullptr;
  args[0] = b.Coerce(args[0], kText, CastContext::kImplicit, loc);
  uint32_t t = args[1]->type.id;
  if (t == oid::kUnknown) { args[1] = b.Coerce(args[1], kTstz, CastContext::kImplicit, loc); t = oid::kTimestamptz; }
  Type ret = as_numeric ? Type(oid::kNumeric) : kF8;
  auto finish = [as_numeric](const Numeric& n) {
    if (as_numeric) return Value::Str(n.ToString());
    return Value::Float(n.ToDouble());
  };
  if (t == oid::kInterval)
    return Fn(ret, as_numeric ? "EXTRACT" : "date_part", args, [finish](const std::vector<Value>& a, EvalContext&) { return finish(ExtractInterval(a[0].s(), a[1].iv())); });
  if (t == oid::kDate || t == oid::kTimestamp || t == oid::kTimestamptz) {
    bool tz = t == oid::kTimestamptz, is_date = t == oid::kDate;
    return Fn(ret, as_numeric ? "EXTRACT" : "date_part", args, [finish, tz, is_date](const std::vector<Value>& a, EvalContext& ctx) {
      int64_t v = a[1].i();
      if (is_date && v != kDateInfinity && v != kDateMinusInfinity && __builtin_mul_overflow(v, kUsecPerDay, &v))
        throw Error(sqlstate::kFeatureNotSupported, "date_part and EXTRACT of dates past the timestamp range are not supported yet");
      if (is_date && (a[1].i() == kDateInfinity || a[1].i() == kDateMinusInfinity)) v = a[1].i() == kDateInfinity ? kTimestampInfinity : kTimestampMinusInfinity;
      if (v == kTimestampInfinity || v == kTimestampMinusInfinity) return Value::Null();
      int64_t local = tz ? UtcToLocal(v, *ctx.state->dt.tz) : v;
      int64_t utc = tz ? v : v;
      int32_t off = static_cast<int32_t>((local - v) / kUsecPerSec);
      std::string field = CanonicalUnit(a[0].s());
      if (is_date && field.empty()) ThrowUnit(a[0].s(), "date");
      if (is_date && (field == "hour" || field == "minute" || field == "second" || field == "milliseconds" || field == "microseconds"))
        throw Error(sqlstate::kFeatureNotSupported, "unit \"" + a[0].s() + "\" not supported for type date");
      Numeric n = ExtractField(a[0].s(), local, utc, is_date, tz, off);
      if (is_date && field == "epoch") n = n.Trunc(0);
      return finish(n);
    });
  }
  if (t == oid::kTime)
    return Fn(ret, "EXTRACT", args, [finish](const std::vector<Value>& a, EvalContext&) {
      return finish(ExtractField(a[0].s(), a[1].i(), a[1].i() + kPgEpochUnixSeconds * kUsecPerSec, false, false, 0));
    });
  return nullptr;
}
}  // namespace

void RegisterDateTimeFunctions() {
  for (const char* n : {"now", "transaction_timestamp"})
    Register(n, {}, kTstz, [](const std::vector<Value>&, EvalContext& ctx) { return Value::Int(ctx.state->dt.now); }, false);
  Register("statement_timestamp", {}, kTstz, [](const std::vector<Value>&, EvalContext& ctx) { return Value::Int(ctx.state->statement_start); }, false);
  Register("clock_timestamp", {}, kTstz, [](const std::vector<Value>&, EvalContext&) { return Value::Int(WallClockNow()); }, false);
  auto& reg = FunctionRegistry();
  reg["date_part"] = [](Binder& b, std::vector<ExprP>& args, int loc) { return BindExtract(b, args, loc, false); };
  reg["extract"] = [](Binder& b, std::vector<ExprP>& args, int loc) { return BindExtract(b, args, loc, true); };
  reg["date_trunc"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 2 && args.size() != 3) return nullptr;
    args[0] = b.Coerce(args[0], kText, CastContext::kImplicit, loc);
    uint32_t t = args[1]->type.id;
    if (t == oid::kUnknown || t == oid::kDate) { args[1] = b.Coerce(args[1], t == oid::kDate ? kTstz : kTstz, CastContext::kImplicit, loc); t = oid::kTimestamptz; }
    if (t == oid::kTimestamp && args.size() == 2)
      return Fn(kTs, "date_trunc", args, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(TruncLocal(a[0].s(), a[1].i())); });
    if (t == oid::kTimestamptz) {
      if (args.size() == 3) args[2] = b.Coerce(args[2], kText, CastContext::kImplicit, loc);
      return Fn(kTstz, "date_trunc", args, [](const std::vector<Value>& a, EvalContext& ctx) {
        std::shared_ptr<const TimeZone> tz = ctx.state->dt.tz;
        if (a.size() == 3) {
          tz = TimeZone::Find(a[2].s());
          if (!tz) throw Error(sqlstate::kInvalidParameterValue, "time zone \"" + a[2].s() + "\" not recognized");
        }
        int64_t local = UtcToLocal(a[1].i(), *tz);
        return Value::Int(LocalToUtc(TruncLocal(a[0].s(), local), *tz));
      });
    }
    if (t == oid::kInterval && args.size() == 2)
      return Fn(kIv, "date_trunc", args, [](const std::vector<Value>& a, EvalContext&) {
        Interval iv = a[1].iv();
        std::string u = CanonicalUnit(a[0].s());
        int64_t unit = u == "hour" ? 3600 * kUsecPerSec : u == "minute" ? 60 * kUsecPerSec : u == "second" ? kUsecPerSec : 0;
        if (u == "day") iv.time = 0;
        else if (u == "month") { iv.day = 0; iv.time = 0; }
        else if (u == "year") { iv.month = iv.month / 12 * 12; iv.day = 0; iv.time = 0; }
        else if (unit) iv.time = iv.time / unit * unit;
        else ThrowUnit(a[0].s(), "interval");
        return Value::Iv(iv);
      });
    return nullptr;
  };
  reg["age"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.empty() || args.size() > 2) return nullptr;
    Type t = args[0]->type.id == oid::kTimestamptz ? kTstz : kTs;
    for (auto& a : args) a = b.Coerce(a, t, CastContext::kImplicit, loc);
    bool tz = t.id == oid::kTimestamptz;
    return Fn(kIv, "age", args, [tz](const std::vector<Value>& a, EvalContext& ctx) {
      int64_t x = a[0].i();
      int64_t y = a.size() == 2 ? a[1].i() : 0;
      const TimeZone& zone = *ctx.state->dt.tz;
      if (a.size() == 1) {  // age from midnight today
        int64_t today = DateFromTimestamp(UtcToLocal(ctx.state->dt.now, zone)) * kUsecPerDay;
        y = x;
        x = tz ? LocalToUtc(today, zone) : today;
      }
      CivilTime cx = CivilFromTimestamp(tz ? UtcToLocal(x, zone) : x);
      CivilTime cy = CivilFromTimestamp(tz ? UtcToLocal(y, zone) : y);
      bool neg = x < y;
      if (neg) std::swap(cx, cy);
      int64_t usec = (cx.hour * 3600LL + cx.minute * 60 + cx.second) * kUsecPerSec + cx.usec -
                     ((cy.hour * 3600LL + cy.minute * 60 + cy.second) * kUsecPerSec + cy.usec);
      int64_t day = cx.day - cy.day;
      int64_t month = cx.month - cy.month;
      int64_t year = cx.year - cy.year;
      if (usec < 0) { usec += kUsecPerDay; day--; }
      // Borrowed days come from the month of the earlier timestamp, as PostgreSQL does.
      while (day < 0) {
        day += DaysInMonth(cy.year, cy.month);
        month--;
      }
      if (month < 0) { month += 12; year--; }
      Interval iv{usec, static_cast<int32_t>(day), static_cast<int32_t>(year * 12 + month)};
      if (neg) { iv.time = -iv.time; iv.day = -iv.day; iv.month = -iv.month; }
      return Value::Iv(iv);
    });
  };
  reg["make_date"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (!CoerceArgs(b, args, {Type(oid::kInt4), Type(oid::kInt4), Type(oid::kInt4)}, loc)) return nullptr;
    return Fn(Type(oid::kDate), "make_date", args, [](const std::vector<Value>& a, EvalContext&) {
      int64_t y = a[0].i();
      if (y == 0 || a[1].i() < 1 || a[1].i() > 12 || a[2].i() < 1 || a[2].i() > DaysInMonth(y < 0 ? y + 1 : y, static_cast<int>(a[1].i())))
        throw Error(sqlstate::kDatetimeFieldOverflow, "date field value out of range: " + std::to_string(y) + "-" + (a[1].i() < 10 ? "0" : "") + std::to_string(a[1].i()) + "-" + (a[2].i() < 10 ? "0" : "") + std::to_string(a[2].i()));
      return Value::Int(DaysFromCivil(y < 0 ? y + 1 : y, static_cast<unsigned>(a[1].i()), static_cast<unsigned>(a[2].i())) - 10957);
    });
  };
}

}  // namespace tusk
