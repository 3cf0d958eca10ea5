#include "common/rowcodec.hpp"

#include <cstring>

#include "common/error.hpp"

namespace tusk {

void AppendVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool ReadVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    unsigned char c = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    r |= static_cast<uint64_t>(c & 0x7f) << shift;
    if (!(c & 0x80)) {
      *v = r;
      return true;
    }
  }
  return false;
}

namespace {
// Stored after the kinds' own tags: an array of two or more dimensions, its shape before the
// elements (a one-dimensional array keeps kArray's layout: lower bound, count, elements).
constexpr char kShapedArrayTag = 7;

void EncodeValue(const Value& v, std::string* out) {
  if (v.kind() == Value::Kind::kArray && v.array_ndim() > 1) {
    out->push_back(kShapedArrayTag);
    AppendVarint(static_cast<uint64_t>(v.array_ndim()), out);
    for (int d = 0; d < v.array_ndim(); d++) {
      AppendVarint(static_cast<uint64_t>(v.array_length(d)), out);
      AppendVarint(static_cast<uint64_t>(static_cast<int64_t>(v.array_lower(d))), out);
    }
    for (const Value& e : v.arr()) EncodeValue(e, out);
    return;
  }
  out->push_back(static_cast<char>(v.kind()));
  switch (v.kind()) {
    case Value::Kind::kNull: break;
    case Value::Kind::kBool: out->push_back(v.b() ? 1 : 0); break;
    case Value::Kind::kInt: {
      int64_t i = v.i();
      AppendVarint((static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 63), out);
      break;
    }
    case Value::Kind::kFloat: {
      double d = v.f();
      char b[8];
      std::memcpy(b, &d, 8);
      out->append(b, 8);
      break;
    }
    case Value::Kind::kStr:
      AppendVarint(v.s().size(), out);
      *out += v.s();
      break;
    case Value::Kind::kInterval: {
      char b[16];
      Interval iv = v.iv();
      std::memcpy(b, &iv.time, 8);
      std::memcpy(b + 8, &iv.day, 4);
      std::memcpy(b + 12, &iv.month, 4);
      out->append(b, 16);
      break;
    }
    case Value::Kind::kArray:
      AppendVarint(static_cast<uint64_t>(static_cast<int64_t>(v.array_lower())), out);
      AppendVarint(v.arr().size(), out);
      for (const Value& e : v.arr()) EncodeValue(e, out);
      break;
  }
}

[[noreturn]] void Corrupt() { throw Error(sqlstate::kDataCorrupted, "invalid row data in storage"); }

Value DecodeValue(std::string_view* in, int depth) {
  if (in->empty() || depth > 8) Corrupt();
  auto kind = static_cast<Value::Kind>(in->front());
  in->remove_prefix(1);
  if (static_cast<char>(kind) == kShapedArrayTag) {
    uint64_t ndim;
    if (!ReadVarint(in, &ndim) || ndim < 2 || ndim > 6) Corrupt();
    std::vector<int32_t> dims, lower;
    uint64_t count = 1;
    for (uint64_t d = 0; d < ndim; d++) {
      uint64_t len, lb;
      if (!ReadVarint(in, &len) || !ReadVarint(in, &lb) || len > in->size()) Corrupt();
      count *= len;
      if (count > in->size()) Corrupt();
      dims.push_back(static_cast<int32_t>(len));
      lower.push_back(static_cast<int32_t>(static_cast<int64_t>(lb)));
    }
    std::vector<Value> elems;
    elems.reserve(count);
    for (uint64_t i = 0; i < count; i++) elems.push_back(DecodeValue(in, depth + 1));
    return Value::MultiArray(std::move(elems), std::move(dims), std::move(lower));
  }
  switch (kind) {
    case Value::Kind::kNull: return Value::Null();
    case Value::Kind::kBool: {
      if (in->empty()) Corrupt();
      bool b = in->front() != 0;
      in->remove_prefix(1);
      return Value::Bool(b);
    }
    case Value::Kind::kInt: {
      uint64_t u;
      if (!ReadVarint(in, &u)) Corrupt();
      return Value::Int(static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1)));
    }
    case Value::Kind::kFloat: {
      if (in->size() < 8) Corrupt();
      double d;
      std::memcpy(&d, in->data(), 8);
      in->remove_prefix(8);
      return Value::Float(d);
    }
    case Value::Kind::kStr: {
      uint64_t n;
      if (!ReadVarint(in, &n) || n > in->size()) Corrupt();
      Value v = Value::Str(std::string(in->substr(0, n)));
      in->remove_prefix(n);
      return v;
    }
    case Value::Kind::kInterval: {
      if (in->size() < 16) Corrupt();
      Interval iv;
      std::memcpy(&iv.time, in->data(), 8);
      std::memcpy(&iv.day, in->data() + 8, 4);
      std::memcpy(&iv.month, in->data() + 12, 4);
      in->remove_prefix(16);
      return Value::Iv(iv);
    }
    case Value::Kind::kArray: {
      uint64_t lower, n;
      if (!ReadVarint(in, &lower) || !ReadVarint(in, &n) || n > in->size()) Corrupt();
      std::vector<Value> elems;
      elems.reserve(n);
      for (uint64_t i = 0; i < n; i++) elems.push_back(DecodeValue(in, depth + 1));
      return Value::Array(std::move(elems), static_cast<int>(static_cast<int64_t>(lower)));
    }
  }
  Corrupt();
}
}  // namespace

void EncodeRow(const Row& row, std::string* out) {
  AppendVarint(row.size(), out);
  for (const Value& v : row) EncodeValue(v, out);
}

void DecodeRowInto(std::string_view in, Row* out) {
  uint64_t n;
  if (!ReadVarint(&in, &n) || n > in.size()) Corrupt();
  out->clear();
  out->reserve(n);
  for (uint64_t i = 0; i < n; i++) out->push_back(DecodeValue(&in, 0));
}

Row DecodeRow(std::string_view in) {
  Row row;
  DecodeRowInto(in, &row);
  return row;
}

}  // namespace tusk
