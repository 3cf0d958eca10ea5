#include "execution/aggregate.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "types/arrays.hpp"
#include "types/compare.hpp"
#include "types/text_io.hpp"

namespace tusk {

bool IsOrderedSetAggregate(const std::string& name) {
  return name == "percentile_cont" || name == "percentile_disc" || name == "mode";
}

void FeedOrdered(const AggSpec& a, AggState& s) {
  if (a.order.empty()) return;
  std::stable_sort(s.ordered.begin(), s.ordered.end(), [&](const AggState::Pending& x, const AggState::Pending& y) {
    for (size_t i = 0; i < a.order.size(); i++) {
      const SortKey& k = *a.order[i];
      int c = CompareNullable(k.expr->type, x.keys[i], y.keys[i], k.nulls_first);
      if (!x.keys[i].is_null() && !y.keys[i].is_null() && k.desc) c = -c;
      if (c) return c < 0;
    }
    return false;
  });
  std::vector<AggState::Pending> pending = std::move(s.ordered);
  s.ordered.clear();
  for (auto& p : pending) Accumulate(a, s, p.value, p.extra);
}

namespace {
bool IsIntId(uint32_t id) { return id == oid::kInt2 || id == oid::kInt4 || id == oid::kInt8; }
}  // namespace
void Accumulate(const AggSpec& a, AggState& s, const Value& v, const Value& extra) {
  const std::string& n = a.name;
  if (n == "count") { s.count++; return; }
  if (v.is_null() && n != "array_agg" && !a.finish) return;
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
  } else if (n == "stddev" || n == "stddev_samp" || n == "stddev_pop" || n == "variance" || n == "var_samp" || n == "var_pop") {
    if (at.id == oid::kFloat4 || at.id == oid::kFloat8) {
      s.fsum += v.f();
      s.fsumsq += v.f() * v.f();
    } else {
      Numeric x = IsIntId(at.id) ? Numeric::FromInt(v.i()) : Numeric();
      if (!IsIntId(at.id)) Numeric::Parse(v.s(), &x);
      s.num = s.has ? s.num.Add(x) : x;
      s.sumsq = s.has ? s.sumsq.Add(x.Mul(x)) : x.Mul(x);
    }
    s.has = true;
  } else if (n == "string_agg" || n == "array_agg" || IsOrderedSetAggregate(n) || a.finish) {
    s.items.push_back(v);
    s.delims.push_back(extra);
    s.has = true;
  }
}

Value Finish(const AggSpec& a, AggState& s) {
  const std::string& n = a.name;
  if (n == "count") return Value::Int(s.count);
  if (!s.has) return Value::Null();
  if (a.finish) return a.finish(s.items, s.delims);
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
  if (n == "array_agg") return a.arg->type.array ? AccumulateArrays(s.items) : Value::Array(s.items);
  if (n == "stddev" || n == "stddev_samp" || n == "stddev_pop" || n == "variance" || n == "var_samp" || n == "var_pop") {
    bool pop = n == "stddev_pop" || n == "var_pop";
    bool root = n.rfind("stddev", 0) == 0;
    if (s.count == 0 || (!pop && s.count == 1)) return Value::Null();
    const Type& at = a.arg->type;
    if (at.id == oid::kFloat4 || at.id == oid::kFloat8) {
      double nn = static_cast<double>(s.count);
      double num = nn * s.fsumsq - s.fsum * s.fsum;
      if (num <= 0) num = 0;
      double var = num / (nn * (pop ? nn : nn - 1));
      return Value::Float(root ? std::sqrt(var) : var);
    }
    Numeric N = Numeric::FromInt(s.count);
    Numeric num = N.Mul(s.sumsq).Sub(s.num.Mul(s.num));
    if (num.is_negative()) num = Numeric::FromInt(0);
    Numeric den = N.Mul(pop ? N : N.Sub(Numeric::FromInt(1)));
    int rscale = num.DivScaleFor(den);
    Numeric var = num.DivScale(den, rscale);
    if (!root) return Value::Str(var.ToString());
    return Value::Str(var.Sqrt(rscale).ToString());
  }
  if (n == "percentile_cont" || n == "percentile_disc") {
    std::vector<Value> vals;
    for (const auto& v : s.items) if (!v.is_null()) vals.push_back(v);
    if (vals.empty() || s.delims.empty() || s.delims[0].is_null()) return Value::Null();
    double f = s.delims[0].f();
    if (f < 0 || f > 1 || std::isnan(f)) throw Error(sqlstate::kNumericValueOutOfRange, "percentile value " + FormatFloat8(f) + " is not between 0 and 1");
    size_t cnt = vals.size();
    if (n == "percentile_disc") {
      size_t idx = f == 0 ? 0 : static_cast<size_t>(std::ceil(f * static_cast<double>(cnt))) - 1;
      return vals[std::min(idx, cnt - 1)];
    }
    double pos = f * static_cast<double>(cnt - 1);
    size_t lo = static_cast<size_t>(std::floor(pos)), hi = static_cast<size_t>(std::ceil(pos));
    if (a.result.id == oid::kInterval) {
      Interval x = vals[lo].iv(), y = vals[hi].iv();
      double frac = pos - static_cast<double>(lo);
      auto lerp = [&](double p, double q) { return p + (q - p) * frac; };
      return Value::Iv(Interval{static_cast<int64_t>(std::llround(lerp(static_cast<double>(x.time), static_cast<double>(y.time)))),
                                static_cast<int32_t>(lerp(x.day, y.day)), static_cast<int32_t>(lerp(x.month, y.month))});
    }
    double x = vals[lo].f(), y = vals[hi].f();
    return Value::Float(x + (y - x) * (pos - static_cast<double>(lo)));
  }
  if (n == "mode") {
    Value best;
    size_t best_n = 0;
    for (size_t i = 0; i < s.items.size();) {
      if (s.items[i].is_null()) { i++; continue; }
      size_t j = i;
      while (j < s.items.size() && !s.items[j].is_null() && CompareValues(a.arg->type, s.items[i], s.items[j]) == 0) j++;
      if (j - i > best_n) { best_n = j - i; best = s.items[i]; }
      i = j;
    }
    return best;
  }
  return s.acc;
}

}  // namespace tusk
