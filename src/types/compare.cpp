#include "types/compare.hpp"

#include <cmath>
#include <functional>

#include "types/arrays.hpp"
#include "types/datetime.hpp"
#include "types/json/jsonb.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"
#include "types/type_hooks.hpp"

namespace tusk {

int CompareValues(const Type& t, const Value& a, const Value& b) {
  if (t.array) {
    const auto& x = a.arr();
    const auto& y = b.arr();
    Type et = t.Element();
    for (size_t i = 0; i < x.size() && i < y.size(); i++) {
      int c = CompareNullable(et, x[i], y[i], false);
      if (c) return c;
    }
    return CompareArrayShapes(a, b);
  }
  if (t.record) {
    // field by field, a NULL field after the others (PostgreSQL's record comparison)
    const auto& x = a.arr();
    const auto& y = b.arr();
    for (size_t i = 0; i < x.size() && i < y.size() && i < t.record->types.size(); i++) {
      int c = CompareNullable(t.record->types[i], x[i], y[i], false);
      if (c) return c;
    }
    return 0;
  }
  switch (a.kind()) {
    case Value::Kind::kBool: return static_cast<int>(a.b()) - static_cast<int>(b.b());
    case Value::Kind::kInt: return a.i() < b.i() ? -1 : (a.i() > b.i() ? 1 : 0);
    case Value::Kind::kFloat: {
      double x = a.f(), y = b.f();
      bool xn = std::isnan(x), yn = std::isnan(y);
      if (xn || yn) return xn == yn ? 0 : (xn ? 1 : -1);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case Value::Kind::kInterval: return CompareIntervals(a.iv(), b.iv());
    case Value::Kind::kStr: {
      if (t.id == oid::kNumeric) {
        Numeric x, y;
        Numeric::Parse(a.s(), &x);
        Numeric::Parse(b.s(), &y);
        return x.Compare(y);
      }
      if (t.id == oid::kJsonb) return CompareJsonb(ReadStoredJsonb(a.s()), ReadStoredJsonb(b.s()));
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) {
        int c = hooks->compare(a.s(), b.s());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
      }
      if (t.id == oid::kBpchar) {
        int c = BpcharStripped(a.s()).compare(BpcharStripped(b.s()));
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
      }
      int c = a.s().compare(b.s());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    default: return 0;
  }
}

int CompareNullable(const Type& t, const Value& a, const Value& b, bool nulls_first) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() && b.is_null()) return 0;
    return (a.is_null() ? 1 : -1) * (nulls_first ? -1 : 1);
  }
  return CompareValues(t, a, b);
}

size_t HashValue(const Type& t, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return 0x9e3779b9;
    case Value::Kind::kBool: return v.b() ? 1 : 2;
    case Value::Kind::kInt: return std::hash<int64_t>()(v.i());
    case Value::Kind::kFloat: {
      double d = v.f();
      if (d == 0) d = 0;
      if (std::isnan(d)) return 7;
      return std::hash<double>()(d);
    }
    case Value::Kind::kInterval: {
      Interval iv = v.iv();
      __int128 span = (static_cast<__int128>(iv.month) * 30 + iv.day) * kUsecPerDay + iv.time;
      return std::hash<int64_t>()(static_cast<int64_t>(span)) ^ std::hash<int64_t>()(static_cast<int64_t>(span >> 64));
    }
    case Value::Kind::kStr: {
      if (t.id == oid::kNumeric) {
        std::string s = v.s();  // 1.50 and 1.5 are equal: hash without trailing zeros
        if (s.find('.') != std::string::npos) {
          while (s.back() == '0') s.pop_back();
          if (s.back() == '.') s.pop_back();
        }
        if (s == "-0") s = "0";
        return std::hash<std::string>()(s);
      }
      if (t.id == oid::kBpchar) return std::hash<std::string>()(BpcharStripped(v.s()));
      if (t.id == oid::kJsonb) return HashJsonb(ReadStoredJsonb(v.s()));
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) return hooks->hash(v.s());
      return std::hash<std::string>()(v.s());
    }
    case Value::Kind::kArray: {
      size_t h = 17;
      const auto& items = v.arr();
      for (size_t i = 0; i < items.size(); i++) {
        // a record's fields hash by their own types
        const Type& et = t.record && i < t.record->types.size() ? t.record->types[i] : t.Element();
        h = h * 31 + HashValue(t.record ? et : t.Element(), items[i]);
      }
      return h;
    }
  }
  return 0;
}

}  // namespace tusk
