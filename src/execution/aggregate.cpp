#include "execution/aggregate.hpp"

#include <cmath>

#include "common/error.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {
bool IsIntId(uint32_t id) { return id == oid::kInt2 || id == oid::kInt4 || id == oid::kInt8; }
}  // namespace
void Accumulate(const AggSpec& a, AggState& s, const Value& v, const Value& extra) {
  const std::string& n = a.name;
  if (n == "count") { s.count++; return; }
  if (v.is_null() && n != "array_agg") return;
  const Type& at = a.arg->type;
  if (a.distinct) {
    size_t h = HashValue(at, v);
    auto range = s.seen.equal_range(h);
    for (auto it = range.first; it != range.second; ++it)
      if ((it->second.is_null() && v.is_null()) || (!it->second.is_null() && !v.is_null() && CompareValues(at, it->second, v) == 0)) return;
    s.seen.emplace(h, v);
  }
  s.count++;
  if (n == "sum" || n == "avg") {
    if (at.id == oid::kInterval) {
      Interval iv = v.iv();
      s.isum.month += iv.month; s.isum.day += iv.day; s.isum.time += iv.time;
    } else if (at.id == oid::kFloat4 || at.id == oid::kFloat8) {
      s.fsum += v.f();
    } else if (IsIntId(at.id)) {
      s.num = s.has ? s.num.Add(Numeric::FromInt(v.i())) : Numeric::FromInt(v.i());
    } else {
      Numeric x;
      Numeric::Parse(v.s(), &x);
      s.num = s.has ? s.num.Add(x) : x;
    }
    s.has = true;
  } else if (n == "min" || n == "max") {
    if (!s.has || (CompareValues(at, v, s.acc) < 0) == (n == "min")) {
      if (!s.has || CompareValues(at, v, s.acc) != 0) s.acc = v;
    }
    s.has = true;
  } else if (n == "bool_and" || n == "every") {
    s.acc = Value::Bool((s.has ? s.acc.b() : true) && v.b());
    s.has = true;
  } else if (n == "bool_or") {
    s.acc = Value::Bool((s.has ? s.acc.b() : false) || v.b());
    s.has = true;
  } else if (n == "string_agg" || n == "array_agg") {
    s.items.push_back(v);
    s.delims.push_back(extra);
    s.has = true;
  }
}

Value Finish(const AggSpec& a, AggState& s) {
  const std::string& n = a.name;
  if (n == "count") return Value::Int(s.count);
  if (!s.has) return Value::Null();
  if (n == "sum") {
    const Type& at = a.arg->type;
    if (at.id == oid::kInterval) return Value::Iv(s.isum);
    if (at.id == oid::kFloat4 || at.id == oid::kFloat8) return Value::Float(at.id == oid::kFloat4 ? static_cast<float>(s.fsum) : s.fsum);
    if (a.result.id == oid::kInt8) {
      int64_t i;
      if (!s.num.ToInt64(&i)) throw Error(sqlstate::kNumericValueOutOfRange, "bigint out of range");
      return Value::Int(i);
    }
    return Value::Str(s.num.ToString());
  }
  if (n == "avg") {
    const Type& at = a.arg->type;
    if (at.id == oid::kInterval) {
      Interval iv = s.isum;
      // divide months/days cascading remainders like interval_div
      double months = iv.month / static_cast<double>(s.count);
      double days = iv.day / static_cast<double>(s.count);
      Interval r;
      r.month = static_cast<int32_t>(months);
      double day_rem = (months - r.month) * 30 + days;
      r.day = static_cast<int32_t>(day_rem);
      r.time = static_cast<int64_t>(std::llround((day_rem - r.day) * 86400e6 + iv.time / static_cast<double>(s.count)));
      return Value::Iv(r);
    }
    if (at.id == oid::kFloat4 || at.id == oid::kFloat8) return Value::Float(s.fsum / static_cast<double>(s.count));
    return Value::Str(s.num.Div(Numeric::FromInt(s.count)).ToString());
  }
  if (n == "string_agg") {
    std::string r;
    bool first = true;
    for (size_t i = 0; i < s.items.size(); i++) {
      if (s.items[i].is_null()) continue;
      if (!first && !s.delims[i].is_null()) r += s.delims[i].s();
      first = false;
      r += s.items[i].s();
    }
    return first ? Value::Null() : Value::Str(r);
  }
  if (n == "array_agg") return Value::Array(s.items);
  return s.acc;
}

}  // namespace tusk
