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
#include <new>
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

  // A string or an array lives in a union that only those kinds construct: every other kind
  // (most of what expressions pass around) copies, moves and dies as plain fields, with no call
  // into std::string or std::shared_ptr.
  Value() {}
  Value(const Value& o) { CopyHeld(o); CopyScalars(o); }
  Value(Value&& o) noexcept { MoveHeld(o); CopyScalars(o); }
  Value& operator=(const Value& o) {
    if (this == &o) return *this;
    if (!HoldsHeap() && !o.HoldsHeap()) {
      CopyScalars(o);
      return *this;
    }
    Value copy(o);  // first: o may live inside this value's array
    return *this = std::move(copy);
  }
  Value& operator=(Value&& o) noexcept {
    if (this == &o) return *this;
    if (!HoldsHeap() && !o.HoldsHeap()) {
      CopyScalars(o);
      return *this;
    }
    Value taken(std::move(o));  // first: o may live inside this value's array
    Destroy();
    kind_ = Kind::kNull;
    MoveHeld(taken);
    CopyScalars(taken);
    return *this;
  }
  ~Value() { Destroy(); }

  static Value Null() { return Value(); }
  static Value Bool(bool b) { Value v; v.kind_ = Kind::kBool; v.i_ = b; return v; }
  static Value Int(int64_t i) { Value v; v.kind_ = Kind::kInt; v.i_ = i; return v; }
  static Value Float(double f) { Value v; v.kind_ = Kind::kFloat; v.f_ = f; return v; }
  static Value Str(std::string s) {
    Value v;
    new (&v.held_.s) std::string(std::move(s));
    v.kind_ = Kind::kStr;
    return v;
  }
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
  // The empty string for every kind but kStr.
  const std::string& s() const { return kind_ == Kind::kStr ? held_.s : EmptyString(); }
  Interval iv() const { return Interval{i_, day_, month_}; }
  const std::vector<Value>& arr() const;  // every element, row-major
  // 0 for the empty array, else the number of dimensions
  int array_ndim() const;
  // dimension d's length and lower bound (d from 0, outermost first; d < array_ndim())
  int array_length(int d) const;
  int array_lower(int d = 0) const;

 private:
  using ArrayRef = std::shared_ptr<const ArrayData>;
  union Held {
    Held() {}
    ~Held() {}
    std::string s;  // kStr
    ArrayRef arr;   // kArray
  };

  static const std::string& EmptyString();
  static Value OfArray(ArrayRef data, int lower) {
    Value v;
    new (&v.held_.arr) ArrayRef(std::move(data));
    v.kind_ = Kind::kArray;
    v.i_ = lower;
    return v;
  }
  bool HoldsHeap() const { return kind_ == Kind::kStr || kind_ == Kind::kArray; }
  // The held member of o's kind, constructed here (this holds none yet).
  void CopyHeld(const Value& o) {
    if (o.kind_ == Kind::kStr) new (&held_.s) std::string(o.held_.s);
    else if (o.kind_ == Kind::kArray) new (&held_.arr) ArrayRef(o.held_.arr);
  }
  void MoveHeld(Value& o) noexcept {
    if (o.kind_ == Kind::kStr) new (&held_.s) std::string(std::move(o.held_.s));
    else if (o.kind_ == Kind::kArray) new (&held_.arr) ArrayRef(std::move(o.held_.arr));
  }
  void Destroy() noexcept {
    if (kind_ == Kind::kStr) held_.s.~basic_string();
    else if (kind_ == Kind::kArray) held_.arr.~ArrayRef();
  }
  void CopyScalars(const Value& o) {
    kind_ = o.kind_;
    day_ = o.day_;
    month_ = o.month_;
    i_ = o.i_;
    f_ = o.f_;
  }

  Kind kind_ = Kind::kNull;
  int32_t day_ = 0, month_ = 0;  // interval days and months (time in i_)
  int64_t i_ = 0;
  double f_ = 0;
  Held held_;
};

// The elements of an array value; dims and lower are set only for two or more dimensions (a
// one-dimensional array's length is elems.size() and its lower bound is kept in the Value).
struct ArrayData {
  std::vector<Value> elems;
  std::vector<int32_t> dims, lower;
};

inline Value Value::Array(std::vector<Value> elems, int lower) {
  return OfArray(std::make_shared<ArrayData>(ArrayData{std::move(elems), {}, {}}), lower);
}
inline const std::string& Value::EmptyString() {
  static const std::string empty;
  return empty;
}
inline const std::vector<Value>& Value::arr() const { return held_.arr->elems; }
inline int Value::array_ndim() const {
  if (!held_.arr->dims.empty()) return static_cast<int>(held_.arr->dims.size());
  return held_.arr->elems.empty() ? 0 : 1;
}
inline int Value::array_length(int d) const {
  return held_.arr->dims.empty() ? static_cast<int>(held_.arr->elems.size()) : held_.arr->dims[static_cast<size_t>(d)];
}
inline int Value::array_lower(int d) const {
  return held_.arr->dims.empty() ? static_cast<int>(i_) : held_.arr->lower[static_cast<size_t>(d)];
}

}  // namespace tusk
