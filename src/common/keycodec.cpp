#include "common/keycodec.hpp"

#include <cmath>
#include <cstring>

#include "common/error.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"
#include "types/type_hooks.hpp"

namespace tusk {

void AppendUint32BE(uint32_t v, std::string* out) {
  for (int s = 24; s >= 0; s -= 8) out->push_back(static_cast<char>((v >> s) & 0xff));
}

void AppendUint64BE(uint64_t v, std::string* out) {
  for (int s = 56; s >= 0; s -= 8) out->push_back(static_cast<char>((v >> s) & 0xff));
}

uint64_t ReadUint64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string RelationPrefix(uint32_t rel) {
  std::string p = "r";
  AppendUint32BE(rel, &p);
  return p;
}

uint32_t RelationOfKey(std::string_view key) {
  if (key.size() < 5) return 0;
  uint32_t rel = 0;
  for (size_t i = 1; i < 5; i++) rel = rel << 8 | static_cast<unsigned char>(key[i]);
  return rel;
}

std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char c = static_cast<unsigned char>(prefix.back());
    if (c != 0xff) {
      prefix.back() = static_cast<char>(c + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

namespace {
void EncodeBytes(const std::string& s, std::string* out) {
  for (char c : s) {
    out->push_back(c);
    if (c == '\0') out->push_back(static_cast<char>(0xff));
  }
  out->push_back('\0');
  out->push_back('\1');
}

void EncodeNumeric(const std::string& text, std::string* out) {
  Numeric n;
  Numeric::Parse(text, &n);
  if (n.is_nan()) { out->push_back(4); return; }
  if (n.is_zero()) { out->push_back(2); return; }
  bool neg = n.is_negative();
  std::string digits = n.Abs().ToString();  // e.g. "0.00125" or "123.40"
  // significant digits and the exponent of the leading one
  size_t dot = digits.find('.');
  std::string intpart = dot == std::string::npos ? digits : digits.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  std::string all = intpart + frac;
  size_t first = all.find_first_not_of('0');
  int exp = static_cast<int>(intpart.size()) - 1 - static_cast<int>(first);
  std::string sig = all.substr(first);
  while (!sig.empty() && sig.back() == '0') sig.pop_back();
  std::string body;
  uint16_t e = static_cast<uint16_t>(exp) ^ 0x8000;
  body.push_back(static_cast<char>(e >> 8));
  body.push_back(static_cast<char>(e & 0xff));
  body += sig;
  body.push_back('\0');
  if (neg) {
    out->push_back(1);
    for (char c : body) out->push_back(static_cast<char>(~static_cast<unsigned char>(c)));
  } else {
    out->push_back(3);
    *out += body;
  }
}

void EncodePayload(const Type& t, const Value& v, std::string* out) {
  if (t.array) {
    // A key holds the elements alone, which is a one-dimensional array's order; a shape would
    // have to sort after them (PostgreSQL's array_cmp) and fit the layout of stored keys.
    if (v.array_ndim() > 1)
      throw Error(sqlstate::kFeatureNotSupported, "index keys of multidimensional arrays are not supported yet");
    for (const Value& e : v.arr()) {
      out->push_back(1);
      EncodeKeyValue(t.Element(), e, {}, out);
    }
    out->push_back(0);
    return;
  }
  if (t.record && v.kind() == Value::Kind::kArray) {
    // a row sorts field by field, a NULL field after the others (PostgreSQL's btree record_cmp)
    const RecordDef& r = *t.record;
    for (size_t i = 0; i < r.types.size(); i++) EncodeKeyValue(r.types[i], i < v.arr().size() ? v.arr()[i] : Value::Null(), {}, out);
    return;
  }
  switch (v.kind()) {
    case Value::Kind::kBool:
      out->push_back(v.b() ? 1 : 0);
      return;
    case Value::Kind::kInt:
      AppendUint64BE(static_cast<uint64_t>(v.i()) ^ (1ULL << 63), out);
      return;
    case Value::Kind::kFloat: {
      double d = v.f();
      if (d == 0) d = 0;  // -0 == 0
      if (std::isnan(d)) d = NAN;
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      bits = (bits & (1ULL << 63)) ? ~bits : bits | (1ULL << 63);
      AppendUint64BE(bits, out);
      return;
    }
    case Value::Kind::kInterval: {
      const Interval& iv = v.iv();
      __int128 span = (static_cast<__int128>(iv.month) * 30 + iv.day) * 86400000000LL + iv.time;
      unsigned __int128 u = static_cast<unsigned __int128>(span) ^ (static_cast<unsigned __int128>(1) << 127);
      AppendUint64BE(static_cast<uint64_t>(u >> 64), out);
      AppendUint64BE(static_cast<uint64_t>(u), out);
      return;
    }
    case Value::Kind::kStr:
      if (t.id == oid::kNumeric) EncodeNumeric(v.s(), out);
      else if (t.id == oid::kBpchar) EncodeBytes(BpcharStripped(v.s()), out);
      else if (const TypeHooks* hooks = FindTypeHooks(t.id); hooks && hooks->encode_key) hooks->encode_key(v.s(), out);
      else EncodeBytes(v.s(), out);
      return;
    default:
      return;
  }
}
}  // namespace

void EncodeKeyValue(const Type& t, const Value& v, KeyColumnOrder order, std::string* out) {
  if (v.is_null()) {
    out->push_back(order.nulls_first ? 1 : 3);
    return;
  }
  out->push_back(2);
  if (!order.desc) {
    EncodePayload(t, v, out);
    return;
  }
  size_t start = out->size();
  EncodePayload(t, v, out);
  for (size_t i = start; i < out->size(); i++) (*out)[i] = static_cast<char>(~static_cast<unsigned char>((*out)[i]));
}

}  // namespace tusk
