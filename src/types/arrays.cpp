#include "types/arrays.hpp"

#include <memory>

#include "common/error.hpp"

namespace tusk {

Value Value::MultiArray(std::vector<Value> elems, std::vector<int32_t> dims, std::vector<int32_t> lower) {
  bool empty = dims.empty();
  for (int32_t d : dims) empty = empty || d == 0;
  if (empty) return Array({});
  if (dims.size() == 1) return Array(std::move(elems), lower[0]);
  int first_lower = lower[0];
  return OfArray(std::make_shared<ArrayData>(ArrayData{std::move(elems), std::move(dims), std::move(lower)}), first_lower);
}

ArrayShape ShapeOf(const Value& a) {
  ArrayShape s;
  for (int d = 0; d < a.array_ndim(); d++) {
    s.dims.push_back(a.array_length(d));
    s.lower.push_back(a.array_lower(d));
  }
  return s;
}

void CheckArrayBounds(int32_t length, int32_t lower) {
  if (static_cast<int64_t>(length) + lower > INT32_MAX || static_cast<int64_t>(length) + lower < INT32_MIN)
    throw Error(sqlstate::kProgramLimitExceeded, "array lower bound is too large: " + std::to_string(lower));
}

Value ArrayWithShape(std::vector<Value> elems, const ArrayShape& shape) {
  return Value::MultiArray(std::move(elems), shape.dims, shape.lower);
}

Value ArrayLike(const Value& like, std::vector<Value> elems) {
  return ArrayWithShape(std::move(elems), ShapeOf(like));
}

namespace {
[[noreturn]] void TooManyDims(size_t n) {
  throw Error(sqlstate::kProgramLimitExceeded, "number of array dimensions (" + std::to_string(n) +
                                                   ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDims) + ")");
}

Value Stack(const std::vector<Value>& subs, bool accumulate) {
  std::optional<ArrayShape> inner;
  bool have_empty = false;
  std::vector<Value> elems;
  for (const Value& s : subs) {
    if (s.is_null() || s.array_ndim() == 0) {
      if (accumulate && s.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "cannot accumulate null arrays");
      if (accumulate)
        throw Error(sqlstate::kArraySubscriptError,
                    inner ? "cannot accumulate arrays of different dimensionality" : "cannot accumulate empty arrays");
      have_empty = true;
      continue;
    }
    ArrayShape shape = ShapeOf(s);
    if (!inner) {
      if (shape.dims.size() + 1 > static_cast<size_t>(kMaxArrayDims)) TooManyDims(shape.dims.size() + 1);
      inner = shape;
    } else if (!(shape == *inner)) {
      throw Error(sqlstate::kArraySubscriptError,
                  accumulate ? "cannot accumulate arrays of different dimensionality"
                             : "multidimensional arrays must have array expressions with matching dimensions");
    }
    elems.insert(elems.end(), s.arr().begin(), s.arr().end());
  }
  if (!inner) return Value::Array({});
  if (have_empty)
    throw Error(sqlstate::kArraySubscriptError, "multidimensional arrays must have array expressions with matching dimensions");
  ArrayShape out;
  out.dims.push_back(static_cast<int32_t>(subs.size()));
  out.lower.push_back(1);
  out.dims.insert(out.dims.end(), inner->dims.begin(), inner->dims.end());
  out.lower.insert(out.lower.end(), inner->lower.begin(), inner->lower.end());
  return ArrayWithShape(std::move(elems), out);
}

// Row-major offset of each dimension's step: strides[d] = product of dims after d.
std::vector<size_t> Strides(const ArrayShape& s) {
  std::vector<size_t> st(s.dims.size(), 1);
  for (size_t d = s.dims.size(); d-- > 1;) st[d - 1] = st[d] * static_cast<size_t>(s.dims[d]);
  return st;
}
}  // namespace

Value StackArrays(const std::vector<Value>& subs) { return Stack(subs, false); }
Value AccumulateArrays(const std::vector<Value>& subs) { return Stack(subs, true); }

Value ConcatArrays(const Value& a, const Value& b) {
  int na = a.array_ndim(), nb = b.array_ndim();
  if (na == 0) return b;
  if (nb == 0) return a;
  auto incompatible = [](const std::string& detail) {
    throw Error(sqlstate::kArraySubscriptError, "cannot concatenate incompatible arrays").WithDetail(detail);
  };
  if (na != nb && na != nb - 1 && na != nb + 1)
    incompatible("Arrays of " + std::to_string(na) + " and " + std::to_string(nb) +
                 " dimensions are not compatible for concatenation.");
  ArrayShape sa = ShapeOf(a), sb = ShapeOf(b), out;
  if (na == nb) {
    out = sa;
    out.dims[0] += sb.dims[0];
    for (int d = 1; d < na; d++)
      if (sa.dims[d] != sb.dims[d] || sa.lower[d] != sb.lower[d])
        incompatible("Arrays with differing element dimensions are not compatible for concatenation.");
  } else {
    // the one with fewer dimensions is one more sub-array of the other
    const ArrayShape& big = na > nb ? sa : sb;
    const ArrayShape& small = na > nb ? sb : sa;
    out = big;
    out.dims[0] += 1;
    for (size_t d = 0; d < small.dims.size(); d++)
      if (small.dims[d] != big.dims[d + 1] || small.lower[d] != big.lower[d + 1])
        incompatible("Arrays with differing dimensions are not compatible for concatenation.");
  }
  CheckArrayBounds(out.dims[0], out.lower[0]);
  std::vector<Value> elems = a.arr();
  elems.insert(elems.end(), b.arr().begin(), b.arr().end());
  return ArrayWithShape(std::move(elems), out);
}

namespace {
int32_t OneDimensionalLower(const Value& array) {
  if (array.is_null() || array.array_ndim() == 0) return 1;
  if (array.array_ndim() > 1)
    throw Error(sqlstate::kDataException, "argument must be empty or one-dimensional array");
  return array.array_lower();
}
}  // namespace

Value AppendToArray(const Value& array, const Value& elem) {
  int32_t lower = OneDimensionalLower(array);
  std::vector<Value> v = array.is_null() ? std::vector<Value>{} : array.arr();
  if (static_cast<int64_t>(lower) + static_cast<int64_t>(v.size()) > INT32_MAX)
    throw Error(sqlstate::kNumericValueOutOfRange, "integer out of range");
  v.push_back(elem);
  return Value::Array(std::move(v), lower);
}

Value PrependToArray(const Value& elem, const Value& array) {
  int32_t lower = OneDimensionalLower(array);
  if (lower == INT32_MIN) throw Error(sqlstate::kNumericValueOutOfRange, "integer out of range");
  std::vector<Value> v{elem};
  if (!array.is_null()) v.insert(v.end(), array.arr().begin(), array.arr().end());
  return Value::Array(std::move(v), lower);
}

Value ArrayWithElementSet(const Value& array, int64_t index, const Value& elem) {
  if (index < INT32_MIN || index > INT32_MAX) throw Error(sqlstate::kNumericValueOutOfRange, "integer out of range");
  constexpr int64_t kMaxArraySize = 134217727;  // PostgreSQL's MaxArraySize on 64-bit machines
  auto too_large = [] {
    return Error(sqlstate::kProgramLimitExceeded, "array size exceeds the maximum allowed (" + std::to_string(kMaxArraySize) + ")");
  };
  if (array.is_null() || array.array_ndim() == 0) return Value::Array({elem}, static_cast<int32_t>(index));
  if (array.array_ndim() > 1) throw Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  std::vector<Value> elems = array.arr();
  int64_t lower = array.array_lower();
  int64_t upper = lower + static_cast<int64_t>(elems.size()) - 1;
  int64_t new_lower = std::min(lower, index), new_upper = std::max(upper, index);
  int64_t size = new_upper - new_lower + 1;
  if (size > INT32_MAX || size > kMaxArraySize) throw too_large();
  if (new_lower < lower) elems.insert(elems.begin(), static_cast<size_t>(lower - new_lower), Value::Null());
  elems.resize(static_cast<size_t>(size), Value::Null());
  elems[static_cast<size_t>(index - new_lower)] = elem;
  return Value::Array(std::move(elems), static_cast<int32_t>(new_lower));
}

Value ArrayElementAt(const Value& a, const std::vector<int64_t>& subscripts) {
  if (static_cast<int>(subscripts.size()) != a.array_ndim()) return Value::Null();
  ArrayShape s = ShapeOf(a);
  std::vector<size_t> st = Strides(s);
  size_t off = 0;
  for (size_t d = 0; d < subscripts.size(); d++) {
    int64_t k = subscripts[d] - s.lower[d];
    if (k < 0 || k >= s.dims[d]) return Value::Null();
    off += static_cast<size_t>(k) * st[d];
  }
  return a.arr()[off];
}

Value ArraySlice(const Value& a, const std::vector<std::optional<int64_t>>& lower,
                 const std::vector<std::optional<int64_t>>& upper) {
  size_t n = lower.size();
  if (a.array_ndim() == 0 || static_cast<size_t>(a.array_ndim()) < n) return Value::Array({});
  ArrayShape s = ShapeOf(a);
  std::vector<int64_t> lo(s.dims.size()), hi(s.dims.size());
  for (size_t d = 0; d < s.dims.size(); d++) {
    int64_t first = s.lower[d], last = static_cast<int64_t>(s.lower[d]) + s.dims[d] - 1;
    lo[d] = d < n && lower[d] && *lower[d] > first ? *lower[d] : first;
    hi[d] = d < n && upper[d] && *upper[d] < last ? *upper[d] : last;
    if (lo[d] > hi[d]) return Value::Array({});
  }
  std::vector<size_t> st = Strides(s);
  ArrayShape out;
  for (size_t d = 0; d < s.dims.size(); d++) {
    out.dims.push_back(static_cast<int32_t>(hi[d] - lo[d] + 1));
    out.lower.push_back(1);
  }
  std::vector<Value> elems;
  // walk every index tuple of the result in row-major order
  std::vector<int64_t> at(lo);
  for (;;) {
    size_t off = 0;
    for (size_t d = 0; d < at.size(); d++) off += static_cast<size_t>(at[d] - s.lower[d]) * st[d];
    elems.push_back(a.arr()[off]);
    size_t d = at.size();
    while (d > 0 && at[d - 1] == hi[d - 1]) { at[d - 1] = lo[d - 1]; d--; }
    if (d == 0) break;
    at[d - 1]++;
  }
  return ArrayWithShape(std::move(elems), out);
}

int CompareArrayShapes(const Value& a, const Value& b) {
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
  if (int c = cmp(a.arr().size(), b.arr().size())) return c;
  if (int c = cmp(a.array_ndim(), b.array_ndim())) return c;
  for (int d = 0; d < a.array_ndim(); d++)
    if (int c = cmp(a.array_length(d), b.array_length(d))) return c;
  // One-dimensional arrays equal but for their lower bound compare equal, as their index keys
  // do (docs/compatibility.md); PostgreSQL orders them by it.
  if (a.array_ndim() <= 1) return 0;
  for (int d = 0; d < a.array_ndim(); d++)
    if (int c = cmp(a.array_lower(d), b.array_lower(d))) return c;
  return 0;
}

std::string ArrayDimsText(const Value& a) {
  std::string r;
  for (int d = 0; d < a.array_ndim(); d++)
    r += "[" + std::to_string(a.array_lower(d)) + ":" +
         std::to_string(static_cast<int64_t>(a.array_lower(d)) + a.array_length(d) - 1) + "]";
  return r;
}

std::string FormatArrayText(const Value& a, const std::vector<std::optional<std::string>>& items) {
  int nd = a.array_ndim();
  if (nd == 0) return "{}";
  std::string r;
  for (int d = 0; d < nd; d++)
    if (a.array_lower(d) != 1) { r = ArrayDimsText(a) + "="; break; }
  ArrayShape s = ShapeOf(a);
  std::vector<size_t> st = Strides(s);
  for (size_t i = 0; i < items.size(); i++) {
    // open a brace for each dimension whose run starts here, close the ones ending here
    for (size_t d = 0; d < st.size(); d++)
      if (i % (st[d] * static_cast<size_t>(s.dims[d])) == 0) r += '{';
    r += items[i] ? *items[i] : "NULL";
    size_t closes = 0;
    for (size_t d = 0; d < st.size(); d++)
      if ((i + 1) % (st[d] * static_cast<size_t>(s.dims[d])) == 0) closes++;
    r.append(closes, '}');
    if (i + 1 < items.size()) r += ',';
  }
  return r;
}

}  // namespace tusk
