// Value: one SQL datum. Its type is known from context (the column or expression that produced
// it), so a Value only stores the representation:
//   kBool       booleans
//   kInt        int2/int4/int8/oid, date (days since 2000-01-01), time (µs since midnight),
//               timestamp/timestamptz (µs since 2000-01-01 00:00 UTC), enum (label index)
//   kFloat      float4/float8
//   kStr        text/varchar/bpchar/name, bytea (raw bytes), numeric (canonical decimal text),
//               uuid (16 raw bytes), json/jsonb (text)
//   kInterval   interval (months, days, µs)
//   kArray      arrays (elements are Values of the element type, in row-major order; an array
//               of two or more dimensions carries its shape, see ArrayData), and records (their
//               fields)
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tusk {

struct Interval {
  int64_t time = 0;  // microseconds
  int32_t day = 0;
  int32_t month = 0;
};

class Value;
using Row = std::vector<Value>;
struct ArrayData;

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kStr, kInterval, kArray };

  Value() = default;
  static Value Null() { return Value(); }
  static Value Bool(bool b) { Value v; v.kind_ = Kind::kBool; v.i_ = b; return v; }
  static Value Int(int64_t i) { Value v; v.kind_ = Kind::kInt; v.i_ = i; return v; }
  static Value Float(double f) { Value v; v.kind_ = Kind::kFloat; v.f_ = f; return v; }
  static Value Str(std::string s) { Value v; v.kind_ = Kind::kStr; v.s_ = std::move(s); return v; }
  static Value Iv(Interval iv) {
    Value v;
    v.kind_ = Kind::kInterval;
    v.i_ = iv.time;
    v.day_ = iv.day;
    v.month_ = iv.month;
    return v;
  }
  // A one-dimensional array (or a record's fields).
  static Value Array(std::vector<Value> elems, int lower = 1);
  // An array of any number of dimensions: dims and lower (outermost first) have one entry per
  // dimension and the product of dims elements. No dimension, or one of length 0, is the empty
  // array; one dimension is the same as Array().
  static Value MultiArray(std::vector<Value> elems, std::vector<int32_t> dims, std::vector<int32_t> lower);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool b() const { return i_ != 0; }
  int64_t i() const { return i_; }
  double f() const { return f_; }
  const std::string& s() const { return s_; }
  Interval iv() const { return Interval{i_, day_, month_}; }
  const std::vector<Value>& arr() const;  // every element, row-major
  // 0 for the empty array, else the number of dimensions
  int array_ndim() const;
  // dimension d's length and lower bound (d from 0, outermost first; d < array_ndim())
  int array_length(int d) const;
  int array_lower(int d = 0) const;

 private:
  Kind kind_ = Kind::kNull;
  int32_t day_ = 0, month_ = 0;  // interval days and months (time in i_)
  int64_t i_ = 0;
  double f_ = 0;
  std::string s_;
  std::shared_ptr<const ArrayData> arr_;
};

// The elements of an array value; dims and lower are set only for two or more dimensions (a
// one-dimensional array's length is elems.size() and its lower bound is kept in the Value).
struct ArrayData {
  std::vector<Value> elems;
  std::vector<int32_t> dims, lower;
};

inline Value Value::Array(std::vector<Value> elems, int lower) {
  Value v;
  v.kind_ = Kind::kArray;
  v.arr_ = std::make_shared<ArrayData>(ArrayData{std::move(elems), {}, {}});
  v.i_ = lower;
  return v;
}
inline const std::vector<Value>& Value::arr() const { return arr_->elems; }
inline int Value::array_ndim() const {
  if (!arr_->dims.empty()) return static_cast<int>(arr_->dims.size());
  return arr_->elems.empty() ? 0 : 1;
}
inline int Value::array_length(int d) const {
  return arr_->dims.empty() ? static_cast<int>(arr_->elems.size()) : arr_->dims[static_cast<size_t>(d)];
}
inline int Value::array_lower(int d) const {
  return arr_->dims.empty() ? static_cast<int>(i_) : arr_->lower[static_cast<size_t>(d)];
}

}  // namespace tusk
