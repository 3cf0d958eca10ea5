#include <cerrno>
#include "types/cast.hpp"

#include <cmath>

#include "common/error.hpp"
#include "types/arrays.hpp"
#include "types/json/json.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
// PostgreSQL's date2timestamp: the last days of the date range have no timestamp.
int64_t DateToTimestamp(int64_t days) {
  if (days >= kEndTimestamp / kUsecPerDay) throw Error(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
  return days * kUsecPerDay;
}
}  // namespace

int NumericRank(uint32_t id) {
  switch (id) {
    case oid::kInt2: return 1;
    case oid::kInt4: return 2;
    case oid::kInt8: return 3;
    case oid::kNumeric: return 4;
    case oid::kFloat4: return 5;
    case oid::kFloat8: return 6;
    default: return 0;
  }
}

namespace {
int64_t FloatToInt(double d, uint32_t id) {
  double r = std::nearbyint(d);  // round half to even, as PostgreSQL's rint()
  const char* name = id == oid::kInt2 ? "smallint" : id == oid::kInt4 ? "integer" : "bigint";
  if (std::isnan(r) || r < -9223372036854775808.0 || r >= 9223372036854775808.0)
    throw Error(sqlstate::kNumericValueOutOfRange, std::string(name) + " out of range");
  return CheckIntRange(static_cast<int64_t>(r), id);
}
}  // namespace

bool CanCast(const Type& from, const Type& to, CastContext ctx) {
  if (from == to) return true;
  if (from.id == oid::kUnknown && !from.array) return true;
  // the vector types are arrays subscripted from 0 (int2vector as int2[], oidvector as oid[])
  if (!from.array && to.array && ((from.id == oid::kInt2Vector && to.id == oid::kInt2) || (from.id == oid::kOidVector && to.id == oid::kOid)))
    return true;
  // Any row value is a `record`; a `record` becomes a composite type field by field (the binder
  // converts the fields, Binder::CoerceRow), in any context, as PostgreSQL's
  // coerce_record_to_complex.
  if (from.IsRow() && to.IsRow()) return to.id == oid::kRecord || from.id == oid::kRecord;
  if (from.array || to.array) {
    if (from.array && to.array) return CanCast(from.Element(), to.Element(), ctx);
    // any type converts to text-like types by I/O on assignment
    if (!to.array && IsStringType(to.id)) return ctx >= CastContext::kAssignment;
    if (!from.array && IsStringType(from.id)) return ctx == CastContext::kExplicit;
    return false;
  }
  int rf = NumericRank(from.id), rt = NumericRank(to.id);
  if (rf && rt) {
    if (rt > rf) return !(from.id == oid::kNumeric && false) ;  // widening is implicit
    return ctx >= CastContext::kAssignment;
  }
  // oid and its reg* aliases convert to and from oid and from integers implicitly; the aliases
  // convert to integers on assignment.
  if (IsOidType(from.id) && IsOidType(to.id) && (from.id == oid::kOid || to.id == oid::kOid)) return true;
  if ((from.id == oid::kRegproc && to.id == oid::kRegprocedure) || (from.id == oid::kRegprocedure && to.id == oid::kRegproc))
    return true;
  if (IsIntegerType(from.id) && IsOidType(to.id)) return true;
  if (from.id == oid::kOid && IsIntegerType(to.id)) return true;
  if (IsOidType(from.id) && (to.id == oid::kInt4 || to.id == oid::kInt8)) return ctx >= CastContext::kAssignment;
  bool fs = IsStringType(from.id), ts = IsStringType(to.id);
  if (fs && ts) return true;
  if (ts) {  // anything to a string type: assignment via output function
    return ctx >= CastContext::kAssignment;
  }
  if (fs) {  // strings to anything: explicit via input function (text to regclass: implicit)
    if (to.id == oid::kRegclass) return true;
    return ctx == CastContext::kExplicit;
  }
  auto dt = [](uint32_t id) {
    switch (id) {
      case oid::kDate: return 1;
      case oid::kTimestamp: return 2;
      case oid::kTimestamptz: return 3;
      default: return 0;
    }
  };
  if (dt(from.id) && dt(to.id)) return dt(to.id) > dt(from.id) || ctx >= CastContext::kAssignment;
  if ((from.id == oid::kTimestamp || from.id == oid::kTimestamptz) && to.id == oid::kTime)
    return ctx >= CastContext::kAssignment;
  if (from.id == oid::kTime && to.id == oid::kInterval) return true;
  if (from.id == oid::kInterval && to.id == oid::kTime) return ctx >= CastContext::kAssignment;
  if ((from.id == oid::kBool && to.id == oid::kInt4) || (from.id == oid::kInt4 && to.id == oid::kBool))
    return ctx == CastContext::kExplicit;
  if ((from.id == oid::kJson && to.id == oid::kJsonb) || (from.id == oid::kJsonb && to.id == oid::kJson))
    return ctx >= CastContext::kAssignment;
  if (from.id == oid::kJsonb && (NumericRank(to.id) || to.id == oid::kBool))
    return ctx == CastContext::kExplicit;
  return false;
}

namespace {
// Bytes of an integer type; 0 for the others.
int IntegerWidth(uint32_t type) {
  switch (type) {
    case oid::kInt2: return 2;
    case oid::kInt4: return 4;
    case oid::kInt8: return 8;
    default: return 0;
  }
}
}  // namespace

Value CastValue(const Value& v, const Type& from, const Type& to, CastContext ctx,
                const DateTimeContext& dt) {
  if (v.is_null()) return v;
  if (!from.array && !to.array && IntegerWidth(from.id) && IntegerWidth(from.id) <= IntegerWidth(to.id))
    return v;  // an integer into one as wide or wider: the same value (the most common cast of all)
  bool explicit_cast = ctx == CastContext::kExplicit;
  if (!from.array && to.array && (from.id == oid::kInt2Vector || from.id == oid::kOidVector)) return v;
  if (from.array && to.array) {
    std::vector<Value> out;
    for (const Value& e : v.arr())
      out.push_back(e.is_null() ? e : CastValue(e, from.Element(), to.Element(), ctx, dt));
    return ApplyTypmod(to, ArrayLike(v, std::move(out)), explicit_cast);
  }
  if (from.id == oid::kUnknown || (IsStringType(from.id) && !from.array && !IsStringType(to.id))) {
    return ApplyTypmod(to, ParseText(to, v.s(), dt), explicit_cast);
  }
  if (to.array || from.array) {
    if (IsStringType(to.id) && !to.array) return ApplyTypmod(to, Value::Str(FormatText(from, v, dt)), explicit_cast);
    return ApplyTypmod(to, ParseText(to, v.s(), dt), explicit_cast);
  }
  if (from.id == to.id && from.enumdef == to.enumdef) return ApplyTypmod(to, v, explicit_cast);
  if (from.IsRow() && to.IsRow()) return v;
  if (IsStringType(to.id)) {
    if (IsStringType(from.id)) {
      std::string s = v.s();
      if (from.id == oid::kBpchar) s = BpcharStripped(s);
      return ApplyTypmod(to, Value::Str(s), explicit_cast);
    }
    std::string s = FormatText(from, v, dt);
    if (from.id == oid::kBool) s = v.b() ? "true" : "false";
    return ApplyTypmod(to, Value::Str(s), explicit_cast);
  }
  int rf = NumericRank(from.id), rt = NumericRank(to.id);
  if (IsOidType(from.id)) rf = 3;
  if (IsOidType(to.id)) rt = 3;
  if (rf && rt) {
    if (rt <= 3) {  // to integer
      int64_t i;
      if (rf <= 3) {
        i = v.i();
      } else if (from.id == oid::kNumeric) {
        Numeric n;
        Numeric::Parse(v.s(), &n);
        if (n.is_nan())
          throw Error(sqlstate::kFeatureNotSupported, std::string("cannot convert NaN to ") +
                      (to.id == oid::kInt2 ? "smallint" : to.id == oid::kInt4 ? "integer" : "bigint"));
        if (!n.ToInt64(&i))
          throw Error(sqlstate::kNumericValueOutOfRange,
                      std::string(to.id == oid::kInt2 ? "smallint" : to.id == oid::kInt4 ? "integer" : "bigint") +
                          " out of range");
      } else {
        i = FloatToInt(v.f(), IsOidType(to.id) ? oid::kInt8 : to.id);
      }
      if (IsOidType(to.id)) return Value::Int(i);
      return Value::Int(CheckIntRange(i, to.id));
    }
    if (to.id == oid::kNumeric) {
      Numeric n;
      if (rf <= 3) n = Numeric::FromInt(v.i());
      else if (from.id == oid::kNumeric) Numeric::Parse(v.s(), &n);
      else n = Numeric::FromDouble(v.f(), from.id == oid::kFloat4 ? 6 : 15);
      return ApplyTypmod(to, Value::Str(n.ToString()), explicit_cast);
    }
    // to float
    double d;
    if (rf <= 3) d = static_cast<double>(v.i());
    else if (from.id == oid::kNumeric) { Numeric n; Numeric::Parse(v.s(), &n); d = n.ToDouble(); }
    else d = v.f();
    if (to.id == oid::kFloat4) {
      if (from.id == oid::kNumeric && std::isfinite(d)) {
        // PostgreSQL converts numeric to real through its text form, so range errors quote it.
        errno = 0;
        float f = std::strtof(v.s().c_str(), nullptr);
        if (errno == ERANGE && (f == 0.0f || std::isinf(f)))
          throw Error(sqlstate::kNumericValueOutOfRange, "\"" + v.s() + "\" is out of range for type real");
      }
      if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38)
        throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
      if (d != 0 && static_cast<float>(d) == 0.0f)
        throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
      d = static_cast<float>(d);
    }
    return Value::Float(d);
  }
  switch (to.id) {
    case oid::kDate:
      if (from.id == oid::kTimestamp) return Value::Int(DateFromTimestamp(v.i()));
      if (from.id == oid::kTimestamptz) return Value::Int(DateFromTimestamp(UtcToLocal(v.i(), *dt.tz)));
      break;
    case oid::kTimestamp:
      if (from.id == oid::kDate) {
        if (v.i() == kDateInfinity) return Value::Int(kTimestampInfinity);
        if (v.i() == kDateMinusInfinity) return Value::Int(kTimestampMinusInfinity);
        return ApplyTypmod(to, Value::Int(DateToTimestamp(v.i())), explicit_cast);
      }
      if (from.id == oid::kTimestamptz) return ApplyTypmod(to, Value::Int(UtcToLocal(v.i(), *dt.tz)), explicit_cast);
      break;
    case oid::kTimestamptz:
      if (from.id == oid::kDate) {
        if (v.i() == kDateInfinity) return Value::Int(kTimestampInfinity);
        if (v.i() == kDateMinusInfinity) return Value::Int(kTimestampMinusInfinity);
        int64_t ts = LocalToUtc(DateToTimestamp(v.i()), *dt.tz);
        if (!IsValidTimestamp(ts)) throw Error(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
        return Value::Int(ts);
      }
      if (from.id == oid::kTimestamp) return ApplyTypmod(to, Value::Int(LocalToUtc(v.i(), *dt.tz)), explicit_cast);
      break;
    case oid::kTime:
      if (from.id == oid::kTimestamp) { int64_t r = v.i() % kUsecPerDay; return Value::Int(r < 0 ? r + kUsecPerDay : r); }
      if (from.id == oid::kTimestamptz) { int64_t r = UtcToLocal(v.i(), *dt.tz) % kUsecPerDay; return Value::Int(r < 0 ? r + kUsecPerDay : r); }
      if (from.id == oid::kInterval) { int64_t r = v.iv().time % kUsecPerDay; return Value::Int(r < 0 ? r + kUsecPerDay : r); }
      break;
    case oid::kInterval:
      if (from.id == oid::kTime) return Value::Iv(Interval{v.i(), 0, 0});
      break;
    case oid::kInt4:
      if (from.id == oid::kBool) return Value::Int(v.b() ? 1 : 0);
      break;
    case oid::kBool:
      if (IsIntegerType(from.id)) return Value::Bool(v.i() != 0);
      break;
    case oid::kJsonb:
    case oid::kJson:
      if (from.id == oid::kJson || from.id == oid::kJsonb) return ParseText(to, v.s(), dt);
      break;
    default:
      break;
  }
  // jsonb to a number or boolean: only from a scalar of that kind (jsonb_int4, jsonb_bool, ...)
  if (from.id == oid::kJsonb && (NumericRank(to.id) || to.id == oid::kBool)) {
    bool number = to.id != oid::kBool;
    std::string scalar = JsonbScalarForCast(v.s(), number, TypeName(to));
    if (!number) return ParseText(to, scalar, dt);
    return CastValue(ParseText(Type(oid::kNumeric), scalar, dt), Type(oid::kNumeric), to, ctx, dt);
  }
  // Remaining pairs convert through text, as PostgreSQL's I/O conversion casts do.
  return ApplyTypmod(to, ParseText(to, FormatText(from, v, dt), dt), explicit_cast);
}

}  // namespace tusk
