#include "types/text_io.hpp"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/record_text.hpp"
#include "types/arrays.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonpath.hpp"
#include "types/numeric.hpp"
#include "types/object_names.hpp"
#include "types/tsearch/ts_lookup.hpp"
#include "types/type_hooks.hpp"

namespace tusk {

namespace {
[[noreturn]] void BadInput(const char* type, std::string_view text) {
  throw Error(sqlstate::kInvalidTextRepresentation,
              std::string("invalid input syntax for type ") + type + ": \"" + std::string(text) + "\"");
}

const char* IntTypeName(uint32_t id) {
  return id == oid::kInt2 ? "smallint" : id == oid::kInt8 ? "bigint" : id == oid::kOid ? "oid" : "integer";
}

bool ParseBool(std::string_view t, bool* out) {
  std::string s = ToLower(Trim(t));
  if (s.empty()) return false;
  auto prefix = [&](const char* word) { return std::strncmp(word, s.c_str(), s.size()) == 0; };
  if (s == "1") { *out = true; return true; }
  if (s == "0") { *out = false; return true; }
  if (prefix("true") || prefix("yes")) { *out = true; return true; }
  if (prefix("false") || prefix("no")) { *out = false; return true; }
  if (s.size() >= 2 && prefix("on")) { *out = true; return true; }
  if (s.size() >= 2 && prefix("off")) { *out = false; return true; }
  return false;
}

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ParseBytea(std::string_view t) {
  std::string r;
  if (t.size() >= 2 && t[0] == '\\' && t[1] == 'x') {
    for (size_t i = 2; i < t.size();) {
      if (isspace(static_cast<unsigned char>(t[i]))) { i++; continue; }
      int hi = HexVal(t[i]);
      if (hi < 0)
        throw Error(sqlstate::kInvalidTextRepresentation,
                    "invalid hexadecimal digit: \"" + std::string(1, t[i]) + "\"");
      if (i + 1 >= t.size())
        throw Error(sqlstate::kInvalidTextRepresentation, "invalid hexadecimal data: odd number of digits");
      int lo = HexVal(t[i + 1]);
      if (lo < 0)
        throw Error(sqlstate::kInvalidTextRepresentation,
                    "invalid hexadecimal digit: \"" + std::string(1, t[i + 1]) + "\"");
      r += static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    return r;
  }
  for (size_t i = 0; i < t.size(); i++) {
    if (t[i] != '\\') { r += t[i]; continue; }
    if (i + 1 < t.size() && t[i + 1] == '\\') { r += '\\'; i++; continue; }
    if (i + 3 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '3' && t[i + 2] >= '0' && t[i + 2] <= '7' &&
        t[i + 3] >= '0' && t[i + 3] <= '7') {
      r += static_cast<char>((t[i + 1] - '0') * 64 + (t[i + 2] - '0') * 8 + (t[i + 3] - '0'));
      i += 3;
      continue;
    }
    BadInput("bytea", t);
  }
  return r;
}

std::string ParseUuid(std::string_view t) {
  std::string s = Trim(t);
  std::string_view v = s;
  bool braces = !v.empty() && v.front() == '{';
  if (braces) {
    if (v.back() != '}') BadInput("uuid", t);
    v = v.substr(1, v.size() - 2);
  }
  std::string raw;
  size_t digits = 0;
  for (size_t i = 0; i < v.size(); i++) {
    char c = v[i];
    if (c == '-') {
      // hyphens allowed after any group of four hex digits
      if (digits % 4 != 0 || digits == 0 || i + 1 == v.size() || v[i + 1] == '-') BadInput("uuid", t);
      continue;
    }
    int h = HexVal(c);
    if (h < 0) BadInput("uuid", t);
    if (digits % 2 == 0) raw += static_cast<char>(h << 4);
    else raw.back() = static_cast<char>(raw.back() | h);
    digits++;
  }
  if (digits != 32) BadInput("uuid", t);
  return raw;
}

// Shortest-exact output in PostgreSQL 15's format: scientific when the decimal exponent is
// below -4 or at least `precision` (15 for float8, 6 for float4).
std::string FormatShortest(const char* digits_begin, const char* digits_end, int precision) {
  // digits_begin..end hold std::to_chars scientific output: [-]d[.ddd]e[+-]XX
  std::string sci(digits_begin, digits_end);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mant) if (c != '.') digits += c;
  std::string r = neg ? "-" : "";
  if (exp < -4 || exp >= precision) {
    r += digits.substr(0, 1);
    if (digits.size() > 1) r += "." + digits.substr(1);
    char b[16];
    std::snprintf(b, sizeof b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return r + b;
  }
  if (exp < 0) {
    r += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else if (static_cast<int>(digits.size()) <= exp + 1) {
    r += digits + std::string(static_cast<size_t>(exp + 1) - digits.size(), '0');
  } else {
    r += digits.substr(0, static_cast<size_t>(exp + 1)) + "." + digits.substr(static_cast<size_t>(exp + 1));
  }
  return r;
}
}  // namespace

std::string QuoteArrayElement(const std::string& s) {
  bool need = s.empty() || IEquals(s, "null");
  for (char c : s)
    if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || isspace(static_cast<unsigned char>(c)))
      need = true;
  if (!need) return s;
  std::string r = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') r += '\\';
    r += c;
  }
  return r + "\"";
}

std::string FormatFloat8(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  return FormatShortest(buf, res.ptr, 15);
}

std::string FormatFloat4(float f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "Infinity" : "-Infinity";
  if (f == 0) return std::signbit(f) ? "-0" : "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  return FormatShortest(buf, res.ptr, 6);
}

double ParseFloat8(std::string_view text, const char* type_name) {
  std::string s = Trim(text);
  std::string l = ToLower(s);
  if (l == "nan") return NAN;
  if (l == "infinity" || l == "+infinity" || l == "inf" || l == "+inf") return INFINITY;
  if (l == "-infinity" || l == "-inf") return -INFINITY;
  if (s.empty()) BadInput(type_name, text);
  char* end;
  errno = 0;
  double d = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || l.find("inf") != std::string::npos ||
      l.find("nan") != std::string::npos || l.find('x') != std::string::npos)
    BadInput(type_name, text);
  if (errno == ERANGE && (d != 0 || true)) {
    if (std::isinf(d) || d == 0 ? true : false) {
      if (std::isinf(d) || (d == 0 && l.find_first_of("123456789") != std::string::npos))
        throw Error(sqlstate::kNumericValueOutOfRange,
                    "\"" + s + "\" is out of range for type " + type_name);
    }
  }
  return d;
}

int64_t CheckIntRange(int64_t v, uint32_t id) {
  if ((id == oid::kInt2 && (v < -32768 || v > 32767)) ||
      (id == oid::kInt4 && (v < INT32_MIN || v > INT32_MAX)))
    throw Error(sqlstate::kNumericValueOutOfRange, std::string(IntTypeName(id)) + " out of range");
  return v;
}

int64_t ParseInteger(std::string_view text, uint32_t id) {
  std::string s = Trim(text);
  const char* name = IntTypeName(id);
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i >= s.size()) BadInput(name, text);
  unsigned __int128 v = 0;
  for (; i < s.size(); i++) {
    if (s[i] == '_' ) BadInput(name, text);
    if (!isdigit(static_cast<unsigned char>(s[i]))) BadInput(name, text);
    v = v * 10 + static_cast<unsigned>(s[i] - '0');
    if (v > (static_cast<unsigned __int128>(1) << 64))
      throw Error(sqlstate::kNumericValueOutOfRange,
                  "value \"" + std::string(text) + "\" is out of range for type " + name);
  }
  __int128 sv = neg ? -static_cast<__int128>(v) : static_cast<__int128>(v);
  __int128 lo = id == oid::kInt2 ? -32768 : id == oid::kInt4 ? INT32_MIN : INT64_MIN;
  __int128 hi = id == oid::kInt2 ? 32767 : id == oid::kInt4 ? INT32_MAX : INT64_MAX;
  if (id == oid::kOid) { lo = INT32_MIN; hi = UINT32_MAX; }
  if (sv < lo || sv > hi)
    throw Error(sqlstate::kNumericValueOutOfRange,
                "value \"" + std::string(text) + "\" is out of range for type " + name);
  if (id == oid::kOid && sv < 0) sv += static_cast<__int128>(UINT32_MAX) + 1;
  return static_cast<int64_t>(sv);
}

std::string FormatUuid(const std::string& raw) {
  static const char* kHex = "0123456789abcdef";
  std::string r;
  for (size_t i = 0; i < raw.size(); i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10) r += '-';
    unsigned char c = static_cast<unsigned char>(raw[i]);
    r += kHex[c >> 4];
    r += kHex[c & 15];
  }
  return r;
}

std::string BpcharStripped(const std::string& s) {
  size_t e = s.size();
  while (e > 0 && s[e - 1] == ' ') e--;
  return s.substr(0, e);
}

Value ParseText(const Type& t, std::string_view text, const DateTimeContext& ctx) {
  if (t.array) {
    ArrayLiteral lit = ParseArrayText(text);
    std::vector<Value> elems;
    Type et = t.Element();
    for (size_t i = 0; i < lit.items.size(); i++)
      elems.push_back(lit.nulls[i] ? Value::Null() : ParseText(et, lit.items[i], ctx));
    return ArrayWithShape(std::move(elems), lit.shape);
  }
  if (t.IsRow()) return ParseRecordText(t, text, ctx);
  if (t.enumdef) {
    int idx = t.enumdef->LabelIndex(std::string(text));
    if (idx < 0)
      throw Error(sqlstate::kInvalidTextRepresentation,
                  "invalid input value for enum " + t.enumdef->name + ": \"" + std::string(text) + "\"");
    t.enumdef->CheckSafe(idx);
    return Value::Int(idx);
  }
  switch (t.id) {
    case oid::kBool: {
      bool b;
      if (!ParseBool(text, &b)) BadInput("boolean", text);
      return Value::Bool(b);
    }
    case oid::kInt2: case oid::kInt4: case oid::kInt8: case oid::kOid:
      return Value::Int(ParseInteger(text, t.id));
    case oid::kXid:
      return Value::Int(ParseInteger(text, oid::kOid));
    case oid::kRegconfig: case oid::kRegdictionary:  // a session's catalog has more than pg_catalog's
      if (ctx.names) return Value::Int(ctx.names->Lookup(t.id, std::string(text)));
      return Value::Int(ParseTsObjectName(t.id == oid::kRegconfig ? TsObjectKind::kConfig : TsObjectKind::kDictionary, text, {}));
    case oid::kRegproc: case oid::kRegclass: case oid::kRegtype: case oid::kRegnamespace: case oid::kRegrole:
    case oid::kRegprocedure: {
      // A number is an OID as it is; anything else a name.
      std::string trimmed = Trim(text);
      if (trimmed == "-") return Value::Int(0);  // how OID 0 prints, read back as PostgreSQL's reg*in do
      bool number = !trimmed.empty() && trimmed.find_first_not_of("0123456789") == std::string::npos;
      if (number || !ctx.names) return Value::Int(ParseInteger(text, oid::kOid));
      return Value::Int(ctx.names->Lookup(t.id, std::string(text)));
    }
    case oid::kInt2Vector: case oid::kOidVector: {
      // space-separated numbers, subscripted from 0
      std::vector<Value> elems;
      size_t i = 0;
      while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) elems.push_back(Value::Int(ParseInteger(text.substr(i, j - i), t.id == oid::kInt2Vector ? oid::kInt2 : oid::kOid)));
        i = j + 1;
      }
      return Value::Array(std::move(elems), 0);
    }
    case oid::kAclitem: case oid::kPgNodeTree:
      return Value::Str(std::string(text));
    case oid::kFloat4: {
      double d = ParseFloat8(text, "real");
      // As PostgreSQL's strtof test: out of range only when the value rounds to infinity or to
      // zero; denormals down to 1.4e-45 are kept.
      float f = static_cast<float>(d);
      if (std::isfinite(d) && (std::isinf(f) || (d != 0 && f == 0)))
        throw Error(sqlstate::kNumericValueOutOfRange,
                    "\"" + Trim(text) + "\" is out of range for type real");
      return Value::Float(f);
    }
    case oid::kFloat8:
      return Value::Float(ParseFloat8(text, "double precision"));
    case oid::kNumeric: {
      Numeric n;
      if (!Numeric::Parse(text, &n)) {
        std::string word = ToLower(std::string(text));
        word.erase(0, word.find_first_not_of(" \t\n+-"));
        word.erase(word.find_last_not_of(" \t\n") + 1);
        if (word == "infinity" || word == "inf")
          throw Error(sqlstate::kFeatureNotSupported, "numeric infinity is not supported yet");
        BadInput("numeric", text);
      }
      return Value::Str(n.ToString());
    }
    case oid::kText: case oid::kVarchar: case oid::kName: case oid::kUnknown: case oid::kRefcursor:
      return Value::Str(std::string(text));
    case oid::kBpchar:
      return Value::Str(std::string(text));
    case oid::kChar:
      return Value::Str(std::string(text.substr(0, 1)));
    case oid::kBytea:
      return Value::Str(ParseBytea(text));
    case oid::kUuid:
      return Value::Str(ParseUuid(text));
    case oid::kDate:
      return Value::Int(ParseDate(text, ctx));
    case oid::kTime:
      return Value::Int(ParseTime(text));
    case oid::kTimestamp:
      return Value::Int(ParseTimestamp(text, false, ctx));
    case oid::kTimestamptz:
      return Value::Int(ParseTimestamp(text, true, ctx));
    case oid::kInterval:
      return Value::Iv(ParseInterval(text));
    case oid::kJson:
      JsonValidate(text, "json");
      return Value::Str(std::string(text));
    case oid::kJsonb:
      return Value::Str(JsonbNormalize(text));
    case oid::kJsonpath:
      return Value::Str(WriteJsonPath(ParseJsonPath(text)));
    default:
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) return Value::Str(hooks->parse_text(text));
      throw Error(sqlstate::kFeatureNotSupported, "input of type " + TypeName(t) + " is not supported");
  }
}


std::string FormatText(const Type& t, const Value& v, const DateTimeContext& ctx) {
  if (t.array) {
    Type et = t.Element();
    std::vector<std::optional<std::string>> items;
    items.reserve(v.arr().size());
    for (const Value& e : v.arr())
      items.push_back(e.is_null() ? std::nullopt : std::optional<std::string>(QuoteArrayElement(FormatText(et, e, ctx))));
    return FormatArrayText(v, items);
  }
  if (t.enumdef) return t.enumdef->labels.at(static_cast<size_t>(v.i()));
  if (t.record) return FormatRecordText(*t.record, v, ctx);
  switch (t.id) {
    case oid::kBool: return v.b() ? "t" : "f";
    case oid::kInt2: case oid::kInt4: case oid::kInt8: case oid::kOid: case oid::kXid:
      return std::to_string(v.i());
    case oid::kRegconfig: case oid::kRegdictionary:
      if (!ctx.names && v.i() != 0) {  // the built-in ones, known without a catalog
        auto name = TsObjectName(t.id == oid::kRegconfig ? TsObjectKind::kConfig : TsObjectKind::kDictionary,
                                 static_cast<uint32_t>(v.i()), {});
        return name ? *name : std::to_string(v.i());
      }
      [[fallthrough]];
    case oid::kRegproc: case oid::kRegclass: case oid::kRegtype: case oid::kRegnamespace: case oid::kRegrole:
    case oid::kRegprocedure: {
      // PostgreSQL prints an OID that names nothing as the number, 0 as "-"
      if (v.i() == 0) return "-";
      auto name = ctx.names ? ctx.names->Name(t.id, static_cast<uint32_t>(v.i())) : std::nullopt;
      return name ? *name : std::to_string(v.i());
    }
    case oid::kInt2Vector: case oid::kOidVector: {
      std::string r;
      for (const Value& e : v.arr()) r += (r.empty() ? "" : " ") + std::to_string(e.i());
      return r;
    }
    case oid::kFloat4: return FormatFloat4(static_cast<float>(v.f()));
    case oid::kFloat8: return FormatFloat8(v.f());
    case oid::kBytea: {
      if (ctx.bytea_escape) {
        // printable ASCII as itself, a backslash doubled, any other byte as \ooo
        std::string r;
        for (unsigned char c : v.s()) {
          if (c == '\\') r += "\\\\";
          else if (c >= 0x20 && c < 0x7f) r += static_cast<char>(c);
          else { r += '\\'; r += static_cast<char>('0' + (c >> 6)); r += static_cast<char>('0' + ((c >> 3) & 7)); r += static_cast<char>('0' + (c & 7)); }
        }
        return r;
      }
      static const char* kHex = "0123456789abcdef";
      std::string r = "\\x";
      for (unsigned char c : v.s()) { r += kHex[c >> 4]; r += kHex[c & 15]; }
      return r;
    }
    case oid::kUuid: return FormatUuid(v.s());
    case oid::kDate: return FormatDate(static_cast<int32_t>(v.i()));
    case oid::kTime: return FormatTime(v.i());
    case oid::kTimestamp: return FormatTimestamp(v.i());
    case oid::kTimestamptz: return FormatTimestamptz(v.i(), *ctx.tz);
    case oid::kInterval: return FormatInterval(v.iv());
    default:
      if (const TypeHooks* hooks = FindTypeHooks(t.id)) return hooks->format_text(v.s());
      return v.s();
  }
}

Value ApplyTypmod(const Type& t, const Value& v, bool explicit_cast) {
  if (v.is_null() || t.typmod < 0) return v;
  if (t.array) {
    std::vector<Value> elems;
    for (const Value& e : v.arr()) elems.push_back(ApplyTypmod(t.Element(), e, explicit_cast));
    return ArrayLike(v, std::move(elems));
  }
  switch (t.id) {
    case oid::kVarchar: case oid::kBpchar: {
      size_t max = static_cast<size_t>(t.typmod - 4);
      const std::string& s = v.s();
      // Length is in characters (UTF-8).
      size_t chars = 0, cut = s.size();
      for (size_t i = 0; i < s.size(); i++) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
          if (chars == max) { cut = i; break; }
          chars++;
        }
      }
      if (cut < s.size()) {
        if (!explicit_cast) {
          for (size_t i = cut; i < s.size(); i++)
            if (s[i] != ' ')
              throw Error(sqlstate::kStringDataRightTruncation,
                          std::string("value too long for type ") +
                              (t.id == oid::kVarchar ? "character varying(" : "character(") +
                              std::to_string(max) + ")");
        }
        return Value::Str(s.substr(0, cut));
      }
      if (t.id == oid::kBpchar && chars < max) return Value::Str(s + std::string(max - chars, ' '));
      return v;
    }
    case oid::kNumeric: {
      Numeric n;
      Numeric::Parse(v.s(), &n);
      return Value::Str(n.ApplyTypmod(t.typmod).ToString());
    }
    case oid::kTimestamp: case oid::kTimestamptz: case oid::kTime:
      return Value::Int(RoundToPrecision(v.i(), t.typmod));
    default:
      return v;
  }
}

}  // namespace tusk
