#include "types/binary_io.hpp"

#include <cstring>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/arrays.hpp"
#include "types/datetime.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"
#include "types/type_hooks.hpp"

namespace tusk {

namespace {
void Put(std::string* out, uint64_t v, int bytes) {
  for (int s = (bytes - 1) * 8; s >= 0; s -= 8) out->push_back(static_cast<char>((v >> s) & 0xff));
}
uint64_t Get(std::string_view b, size_t off, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++) v = (v << 8) | static_cast<unsigned char>(b[off + static_cast<size_t>(i)]);
  return v;
}
[[noreturn]] void Bad(const Type& t) {
  throw Error(sqlstate::kInvalidBinaryRepresentation, "incorrect binary data format in bind parameter of type " + TypeName(t));
}
void Need(const Type& t, std::string_view b, size_t n) { if (b.size() != n) Bad(t); }

// numeric: ndigits, weight, sign, dscale, then base-10000 digits.
std::string EncodeNumeric(const std::string& text) {
  Numeric n;
  Numeric::Parse(text, &n);
  std::string out;
  if (n.is_nan()) { Put(&out, 0, 2); Put(&out, 0, 2); Put(&out, 0xC000, 2); Put(&out, 0, 2); return out; }
  std::string s = n.Abs().ToString();
  size_t dot = s.find('.');
  std::string ip = dot == std::string::npos ? s : s.substr(0, dot);
  std::string fp = dot == std::string::npos ? "" : s.substr(dot + 1);
  int dscale = static_cast<int>(fp.size());
  if (ip == "0") ip = "";
  // pad to groups of 4
  while (ip.size() % 4) ip.insert(0, "0");
  while (fp.size() % 4) fp.push_back('0');
  std::vector<int> digits;
  for (size_t i = 0; i < ip.size(); i += 4) digits.push_back(std::stoi(ip.substr(i, 4)));
  int weight = static_cast<int>(digits.size()) - 1;
  for (size_t i = 0; i < fp.size(); i += 4) digits.push_back(std::stoi(fp.substr(i, 4)));
  // strip leading and trailing zero groups
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == 0) { lead++; weight--; }
  digits.erase(digits.begin(), digits.begin() + static_cast<long>(lead));
  while (!digits.empty() && digits.back() == 0) digits.pop_back();
  if (digits.empty()) weight = 0;
  Put(&out, digits.size(), 2);
  Put(&out, static_cast<uint16_t>(static_cast<int16_t>(weight)), 2);
  Put(&out, n.is_negative() ? 0x4000 : 0, 2);
  Put(&out, static_cast<uint64_t>(dscale), 2);
  for (int d : digits) Put(&out, static_cast<uint64_t>(d), 2);
  return out;
}

std::string DecodeNumeric(const Type& t, std::string_view b) {
  if (b.size() < 8) Bad(t);
  int nd = static_cast<int>(Get(b, 0, 2));
  int weight = static_cast<int16_t>(Get(b, 2, 2));
  int sign = static_cast<int>(Get(b, 4, 2));
  int dscale = static_cast<int>(Get(b, 6, 2));
  if (b.size() != 8 + 2 * static_cast<size_t>(nd)) Bad(t);
  if (sign == 0xC000) return "NaN";
  std::string digits;
  for (int i = 0; i < nd; i++) {
    int d = static_cast<int>(Get(b, 8 + 2 * static_cast<size_t>(i), 2));
    if (d > 9999) Bad(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", d);
    digits += buf;
  }
  // value = digits * 10000^(weight - nd + 1)
  int exp10 = (weight - nd + 1) * 4;
  std::string text = (sign == 0x4000 ? "-" : "") + (digits.empty() ? "0" : digits) + "e" + std::to_string(exp10);
  Numeric n;
  if (!Numeric::Parse(text, &n)) Bad(t);
  return n.Round(dscale).ToString();
}
// Arrays (PostgreSQL's array_send): dimensions, a has-nulls flag, the element type, then for
// each dimension its length and lower bound, then each element as a length-prefixed value
// (-1: NULL). The empty array has no dimension.
std::string EncodeArray(const Type& t, const Value& v) {
  const Type elem = t.Element();
  const auto& items = v.arr();
  bool nulls = false;
  for (const Value& e : items) nulls |= e.is_null();
  std::string out;
  Put(&out, static_cast<uint32_t>(v.array_ndim()), 4);
  Put(&out, nulls ? 1 : 0, 4);
  Put(&out, elem.WireOid(), 4);
  for (int d = 0; d < v.array_ndim(); d++) {
    Put(&out, static_cast<uint32_t>(v.array_length(d)), 4);
    Put(&out, static_cast<uint32_t>(v.array_lower(d)), 4);
  }
  for (const Value& e : items) {
    if (e.is_null()) {
      Put(&out, 0xFFFFFFFFu, 4);
      continue;
    }
    std::string bytes = EncodeBinary(elem, e);
    Put(&out, bytes.size(), 4);
    out += bytes;
  }
  return out;
}

Value DecodeArray(const Type& t, std::string_view b) {
  const Type elem = t.Element();
  auto insufficient = [] { throw Error(sqlstate::kInvalidBinaryRepresentation, "insufficient data left in message"); };
  if (b.size() < 12) insufficient();
  int32_t ndim = static_cast<int32_t>(Get(b, 0, 4));
  uint32_t flags = static_cast<uint32_t>(Get(b, 4, 4));
  uint32_t element_type = static_cast<uint32_t>(Get(b, 8, 4));
  if (ndim < 0) throw Error(sqlstate::kInvalidBinaryRepresentation, "invalid number of dimensions: " + std::to_string(ndim));
  if (ndim > 6) throw Error("54000", "number of array dimensions (" + std::to_string(ndim) + ") exceeds the maximum allowed (6)");
  if (flags != 0 && flags != 1) throw Error(sqlstate::kInvalidBinaryRepresentation, "invalid array flags");
  if (element_type != elem.WireOid())
    throw Error(sqlstate::kDatatypeMismatch, "binary data has array element type " + std::to_string(element_type) +
                                                 " instead of expected " + std::to_string(elem.WireOid()) + " (" + TypeName(elem) + ")");
  size_t pos = 12;
  ArrayShape shape;
  int64_t count = ndim == 0 ? 0 : 1;
  for (int32_t d = 0; d < ndim; d++) {
    if (b.size() < pos + 8) insufficient();
    int32_t len = static_cast<int32_t>(Get(b, pos, 4));
    int32_t lower = static_cast<int32_t>(Get(b, pos + 4, 4));
    pos += 8;
    if (len < 0 || (count *= len) > 134217727) throw Error("54000", "array size exceeds the maximum allowed (134217727)");
    CheckArrayBounds(len, lower);
    shape.dims.push_back(len);
    shape.lower.push_back(lower);
  }
  // every element takes at least its 4-byte length: a count the message cannot hold is refused
  // before anything is allocated for it
  if (static_cast<uint64_t>(count) > (b.size() - pos) / 4) insufficient();
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; i++) {
    if (b.size() < pos + 4) insufficient();
    int32_t len = static_cast<int32_t>(Get(b, pos, 4));
    pos += 4;
    if (len == -1) {
      items.push_back(Value::Null());
      continue;
    }
    if (len < 0 || b.size() - pos < static_cast<size_t>(len)) insufficient();
    items.push_back(DecodeBinary(elem, b.substr(pos, static_cast<size_t>(len))));
    pos += static_cast<size_t>(len);
  }
  if (pos != b.size()) Bad(t);
  return ArrayWithShape(std::move(items), shape);
}
}  // namespace

std::string EncodeBinary(const Type& t, const Value& v) {
  std::string out;
  if (t.array) return EncodeArray(t, v);
  if (t.enumdef) return t.enumdef->labels.at(static_cast<size_t>(v.i()));
  if (t.record) {
    // record_send: the field count, then each field's type OID, length (-1: NULL) and value
    const auto& fields = v.arr();
    Put(&out, fields.size(), 4);
    for (size_t i = 0; i < fields.size(); i++) {
      const Type& ft = t.record->types[i];
      Put(&out, ft.WireOid(), 4);
      if (fields[i].is_null()) {
        Put(&out, 0xFFFFFFFFu, 4);
        continue;
      }
      std::string data = EncodeBinary(ft, fields[i]);
      Put(&out, data.size(), 4);
      out += data;
    }
    return out;
  }
  switch (t.id) {
    case oid::kBool: out.push_back(v.b() ? 1 : 0); return out;
    case oid::kInt2: Put(&out, static_cast<uint64_t>(v.i()), 2); return out;
    case oid::kInt4: case oid::kOid: case oid::kRegclass: case oid::kRegproc: case oid::kRegtype: case oid::kRegnamespace: case oid::kRegconfig: case oid::kRegdictionary:
    case oid::kRegrole: case oid::kRegprocedure: case oid::kXid: case oid::kDate: Put(&out, static_cast<uint64_t>(v.i()), 4); return out;
    case oid::kInt8: case oid::kTime: case oid::kTimestamp: case oid::kTimestamptz: Put(&out, static_cast<uint64_t>(v.i()), 8); return out;
    case oid::kFloat4: { float f = static_cast<float>(v.f()); uint32_t u; std::memcpy(&u, &f, 4); Put(&out, u, 4); return out; }
    case oid::kFloat8: { double d = v.f(); uint64_t u; std::memcpy(&u, &d, 8); Put(&out, u, 8); return out; }
    case oid::kInterval: { Interval iv = v.iv(); Put(&out, static_cast<uint64_t>(iv.time), 8); Put(&out, static_cast<uint32_t>(iv.day), 4); Put(&out, static_cast<uint32_t>(iv.month), 4); return out; }
    case oid::kNumeric: return EncodeNumeric(v.s());
    case oid::kJsonb: case oid::kJsonpath: return "\x01" + v.s();
    default:
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) return hooks->send(v.s());
      return v.s();  // text-like, bytea, uuid (16 raw bytes), json
  }
}

Value DecodeBinary(const Type& t, std::string_view b) {
  if (t.array) return DecodeArray(t, b);
  if (t.enumdef) {
    int i = t.enumdef->LabelIndex(std::string(b));
    if (i < 0) throw Error(sqlstate::kInvalidTextRepresentation, "invalid input value for enum " + t.enumdef->name + ": \"" + std::string(b) + "\"");
    t.enumdef->CheckSafe(i);
    return Value::Int(i);
  }
  switch (t.id) {
    case oid::kBool: Need(t, b, 1); return Value::Bool(b[0] != 0);
    case oid::kInt2: Need(t, b, 2); return Value::Int(static_cast<int16_t>(Get(b, 0, 2)));
    case oid::kInt4: Need(t, b, 4); return Value::Int(static_cast<int32_t>(Get(b, 0, 4)));
    case oid::kDate: {
      Need(t, b, 4);
      int32_t d = static_cast<int32_t>(Get(b, 0, 4));
      if (!IsValidDate(d)) throw Error(sqlstate::kDatetimeFieldOverflow, "date out of range");
      return Value::Int(d);
    }
    case oid::kTime: {
      Need(t, b, 8);
      int64_t us = static_cast<int64_t>(Get(b, 0, 8));
      if (us < 0 || us > kUsecPerDay) throw Error(sqlstate::kDatetimeFieldOverflow, "time out of range");
      return Value::Int(us);
    }
    case oid::kTimestamp: case oid::kTimestamptz: {
      Need(t, b, 8);
      int64_t ts = static_cast<int64_t>(Get(b, 0, 8));
      if (!IsValidTimestamp(ts)) throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
      return Value::Int(ts);
    }
    case oid::kOid: case oid::kRegclass: case oid::kRegproc: case oid::kRegtype: case oid::kRegnamespace: case oid::kRegrole: case oid::kRegconfig: case oid::kRegdictionary:
    case oid::kRegprocedure:
    case oid::kXid: Need(t, b, 4); return Value::Int(static_cast<uint32_t>(Get(b, 0, 4)));
    case oid::kInt8: Need(t, b, 8); return Value::Int(static_cast<int64_t>(Get(b, 0, 8)));
    case oid::kFloat4: { Need(t, b, 4); uint32_t u = static_cast<uint32_t>(Get(b, 0, 4)); float f; std::memcpy(&f, &u, 4); return Value::Float(f); }
    case oid::kFloat8: { Need(t, b, 8); uint64_t u = Get(b, 0, 8); double d; std::memcpy(&d, &u, 8); return Value::Float(d); }
    case oid::kInterval: { Need(t, b, 16); return Value::Iv(Interval{static_cast<int64_t>(Get(b, 0, 8)), static_cast<int32_t>(Get(b, 8, 4)), static_cast<int32_t>(Get(b, 12, 4))}); }
    case oid::kNumeric: return Value::Str(DecodeNumeric(t, b));
    case oid::kUuid: Need(t, b, 16); return Value::Str(std::string(b));
    case oid::kJsonb: case oid::kJsonpath: {
      if (b.empty() || b[0] != 1)
        throw Error(sqlstate::kInvalidBinaryRepresentation, std::string("unsupported ") + (t.id == oid::kJsonb ? "jsonb" : "jsonpath") + " version number");
      VerifyUtf8(b.substr(1));
      DateTimeContext dt;
      return ParseText(t, b.substr(1), dt);
    }
    default: {
      DateTimeContext dt;
      if (t.id == oid::kBytea) return Value::Str(std::string(b));
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) return Value::Str(hooks->recv(b));
      // text comes as its bytes (textrecv checks the encoding); "char" is one raw byte (charrecv)
      if (t.id != oid::kChar) VerifyUtf8(b);
      return ParseText(t, b, dt);
    }
  }
}

}  // namespace tusk
