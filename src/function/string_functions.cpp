#include <locale.h>
#include <climits>
#include <cwctype>
#include <cwchar>
#include <clocale>
#include <openssl/evp.h>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "common/utf8.hpp"
#include "function/registry.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
const Type kText(oid::kText);
const Type kInt(oid::kInt4);

// Characters of a UTF-8 string.
std::vector<std::string> Chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}
int64_t CharLen(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
std::string JoinChars(const std::vector<std::string>& c, size_t from, size_t to) {
  std::string r;
  for (size_t i = from; i < to && i < c.size(); i++) r += c[i];
  return r;
}
std::string TrimChars(const std::string& s, const std::string& set, bool left, bool right) {
  auto cs = Chars(s);
  auto ss = Chars(set);
  size_t b = 0, e = cs.size();
  auto in = [&](const std::string& ch) { return std::find(ss.begin(), ss.end(), ch) != ss.end(); };
  if (left) while (b < e && in(cs[b])) b++;
  if (right) while (e > b && in(cs[e - 1])) e--;
  return JoinChars(cs, b, e);
}
Value Substr(const std::string& s, int64_t start, std::optional<int64_t> len) {
  auto cs = Chars(s);
  int64_t from = start, to;
  if (len) {
    if (*len < 0) throw Error(sqlstate::kSubstringError, "negative substring length not allowed");
    to = start + *len;
  } else {
    to = static_cast<int64_t>(cs.size()) + 1;
  }
  from = std::max<int64_t>(from, 1);
  to = std::min<int64_t>(to, static_cast<int64_t>(cs.size()) + 1);
  if (to <= from) return Value::Str("");
  return Value::Str(JoinChars(cs, static_cast<size_t>(from - 1), static_cast<size_t>(to - 1)));
}
}  // namespace

// lower/upper of UTF-8 text with the C.UTF-8 locale's case mapping (PostgreSQL's behaviour
// under that locale); ASCII-only if the locale is missing.

// like_escape(pattern, escape): rewrites a LIKE pattern written with a custom ESCAPE character
// into one that uses backslash, the form the LIKE matcher reads (PostgreSQL's do_like_escape).
static std::string LikeEscape(const std::string& pattern, const std::string& escape) {
  std::string out;
  if (escape.empty()) {  // no escape character at all: backslashes are literal
    for (char c : pattern) out += c == '\\' ? std::string("\\\\") : std::string(1, c);
    return out;
  }
  if (CharLen(escape) != 1)
    throw Error(sqlstate::kInvalidEscapeSequence, "invalid escape string").WithHint("Escape string must be empty or one character.");
  if (escape == "\\") return pattern;
  bool after_escape = false;
  for (size_t i = 0; i < pattern.size();) {
    unsigned char lead = static_cast<unsigned char>(pattern[i]);
    size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    n = std::min(n, pattern.size() - i);
    if (!after_escape && pattern.compare(i, n, escape) == 0) {
      out += '\\';
      after_escape = true;
    } else if (pattern[i] == '\\') {
      out += after_escape ? "\\" : "\\\\";
      after_escape = false;
    } else {
      out.append(pattern, i, n);
      after_escape = false;
    }
    i += n;
  }
  return out;
}

void RegisterStringFunctions() {
  auto text1 = [](const char* name, std::function<std::string(const std::string&)> f) {
    Register(name, {kText}, kText, [f](const std::vector<Value>& a, EvalContext&) { return Value::Str(f(a[0].s())); });
  };
  text1("lower", [](const std::string& s) { return Utf8Lower(s); });
  text1("upper", [](const std::string& s) { return Utf8Upper(s); });
  text1("initcap", [](const std::string& s) {
    std::string r = s;
    bool start = true;
    for (auto& c : r) {
      unsigned char u = static_cast<unsigned char>(c);
      if (isalnum(u)) { c = static_cast<char>(start ? toupper(u) : tolower(u)); start = false; }
      else start = true;
    }
    return r;
  });
  text1("reverse", [](const std::string& s) { auto c = Chars(s); std::reverse(c.begin(), c.end()); return JoinChars(c, 0, c.size()); });
  text1("md5", [](const std::string& s) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(s.data(), s.size(), md, &len, EVP_md5(), nullptr);
    static const char* h = "0123456789abcdef";
    std::string r;
    for (unsigned i = 0; i < len; i++) { r += h[md[i] >> 4]; r += h[md[i] & 15]; }
    return r;
  });
  for (const char* n : {"length", "char_length", "character_length"})
    Register(n, {kText}, kInt, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(CharLen(a[0].s())); });
  Register("length", {Type(oid::kBytea)}, kInt, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(static_cast<int64_t>(a[0].s().size())); });
  Register("octet_length", {kText}, kInt, [](const std::vector<Value>& a, EvalContext&) { return Value::Int(static_cast<int64_t>(a[0].s().size())); });
  for (const char* n : {"substr", "substring"}) {
    Register(n, {kText, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) { return Substr(a[0].s(), a[1].i(), std::nullopt); });
    Register(n, {kText, kInt, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) { return Substr(a[0].s(), a[1].i(), a[2].i()); });
  }
  Register("btrim", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), " ", true, true)); });
  Register("btrim", {kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), a[1].s(), true, true)); });
  Register("ltrim", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), " ", true, false)); });
  Register("ltrim", {kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), a[1].s(), true, false)); });
  Register("rtrim", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), " ", false, true)); });
  Register("rtrim", {kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(TrimChars(a[0].s(), a[1].s(), false, true)); });
  Register("replace", {kText, kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    const std::string& s = a[0].s(); const std::string& from = a[1].s(); const std::string& to = a[2].s();
    if (from.empty()) return a[0];
    std::string r;
    size_t pos = 0, hit;
    while ((hit = s.find(from, pos)) != std::string::npos) { r += s.substr(pos, hit - pos) + to; pos = hit + from.size(); }
    return Value::Str(r + s.substr(pos));
  });
  Register("strpos", {kText, kText}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    size_t p = a[0].s().find(a[1].s());
    if (p == std::string::npos) return Value::Int(0);
    return Value::Int(CharLen(a[0].s().substr(0, p)) + 1);
  });
  // POSITION(sub IN str) arrives as position(str, sub).
  Register("position", {kText, kText}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    size_t p = a[0].s().find(a[1].s());
    if (p == std::string::npos) return Value::Int(0);
    return Value::Int(CharLen(a[0].s().substr(0, p)) + 1);
  });
  Register("left", {kText, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) {
    auto c = Chars(a[0].s());
    int64_t n = a[1].i();
    size_t k = n >= 0 ? std::min<size_t>(static_cast<size_t>(n), c.size()) : (static_cast<size_t>(-n) >= c.size() ? 0 : c.size() - static_cast<size_t>(-n));
    return Value::Str(JoinChars(c, 0, k));
  });
  Register("right", {kText, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) {
    auto c = Chars(a[0].s());
    int64_t n = a[1].i();
    size_t k = n >= 0 ? std::min<size_t>(static_cast<size_t>(n), c.size()) : (static_cast<size_t>(-n) >= c.size() ? 0 : c.size() - static_cast<size_t>(-n));
    return Value::Str(JoinChars(c, c.size() - k, c.size()));
  });
  Register("repeat", {kText, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) {
    std::string r;
    for (int64_t i = 0; i < a[1].i(); i++) r += a[0].s();
    return Value::Str(r);
  });
  Register("split_part", {kText, kText, kInt}, kText, [](const std::vector<Value>& a, EvalContext&) {
    const std::string& s = a[0].s(); const std::string& d = a[1].s();
    int64_t n = a[2].i();
    if (n == 0) throw Error(sqlstate::kInvalidParameterValue, "field position must not be zero");
    std::vector<std::string> parts;
    if (d.empty()) parts.push_back(s);
    else { size_t pos = 0, hit; while ((hit = s.find(d, pos)) != std::string::npos) { parts.push_back(s.substr(pos, hit - pos)); pos = hit + d.size(); } parts.push_back(s.substr(pos)); }
    int64_t idx = n > 0 ? n - 1 : static_cast<int64_t>(parts.size()) + n;
    if (idx < 0 || idx >= static_cast<int64_t>(parts.size())) return Value::Str("");
    return Value::Str(parts[static_cast<size_t>(idx)]);
  });
  auto pad = [](bool left) {
    return [left](const std::vector<Value>& a, EvalContext&) {
      auto c = Chars(a[0].s());
      auto f = Chars(a.size() > 2 ? a[2].s() : " ");
      int64_t n = a[1].i();
      if (n <= 0) return Value::Str("");
      if (static_cast<size_t>(n) <= c.size()) return Value::Str(JoinChars(c, 0, static_cast<size_t>(n)));
      if (f.empty()) return a[0];
      std::string fill;
      for (size_t i = 0; i < static_cast<size_t>(n) - c.size(); i++) fill += f[i % f.size()];
      return Value::Str(left ? fill + a[0].s() : a[0].s() + fill);
    };
  };
  Register("lpad", {kText, kInt}, kText, pad(true));
  Register("lpad", {kText, kInt, kText}, kText, pad(true));
  Register("rpad", {kText, kInt}, kText, pad(false));
  Register("rpad", {kText, kInt, kText}, kText, pad(false));
  Register("starts_with", {kText, kText}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(a[0].s().rfind(a[1].s(), 0) == 0);
  });
  Register("ascii", {kText}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    if (a[0].s().empty()) return Value::Int(0);
    return Value::Int(static_cast<unsigned char>(a[0].s()[0]));
  });
  Register("chr", {kInt}, kText, [](const std::vector<Value>& a, EvalContext&) {
    int64_t c = a[0].i();
    if (c == 0) throw Error(sqlstate::kProgramLimitExceeded, "null character not permitted");
    std::string r;
    if (c < 0x80) r += static_cast<char>(c);
    else if (c < 0x800) { r += static_cast<char>(0xC0 | (c >> 6)); r += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) { r += static_cast<char>(0xE0 | (c >> 12)); r += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); r += static_cast<char>(0x80 | (c & 0x3F)); }
    else { r += static_cast<char>(0xF0 | (c >> 18)); r += static_cast<char>(0x80 | ((c >> 12) & 0x3F)); r += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); r += static_cast<char>(0x80 | (c & 0x3F)); }
    return Value::Str(r);
  });
  Register("like_escape", {kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(LikeEscape(a[0].s(), a[1].s()));
  });
  Register("quote_ident", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(QuoteIdent(a[0].s())); });
  Register("quote_literal", {kText}, kText, [](const std::vector<Value>& a, EvalContext&) { return Value::Str(QuoteLiteral(a[0].s())); });
  AcceptAnyAsText("quote_literal");
  Register("to_hex", {Type(oid::kInt8)}, kText, [](const std::vector<Value>& a, EvalContext&) {
    char b[32];
    std::snprintf(b, sizeof b, "%llx", static_cast<unsigned long long>(a[0].i()));
    return Value::Str(b);
  });
  Register("to_hex", {Type(oid::kInt4)}, kText, [](const std::vector<Value>& a, EvalContext&) {
    char b[32];
    std::snprintf(b, sizeof b, "%x", static_cast<uint32_t>(a[0].i()));
    return Value::Str(b);
  });
  // concat / concat_ws take any arguments, print each with its type's output function and
  // skip NULLs.
  auto text_of = [](const std::vector<Type>& types) {
    return [types](const Value& v, size_t i, EvalContext& ctx) { return FormatText(types[i], v, ctx.state->dt); };
  };
  FunctionRegistry()["concat"] = [text_of](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.empty()) return nullptr;
    std::vector<Type> types;
    for (auto& a : args) {
      if (a->type.id == oid::kUnknown && !a->type.array) a = b.Coerce(a, kText, CastContext::kImplicit, loc);
      types.push_back(a->type);
    }
    auto fmt = text_of(types);
    return Fn(kText, "concat", args, [fmt](const std::vector<Value>& a, EvalContext& ctx) {
      std::string r;
      for (size_t i = 0; i < a.size(); i++) if (!a[i].is_null()) r += fmt(a[i], i, ctx);
      return Value::Str(r);
    }, false);
  };
  FunctionRegistry()["concat_ws"] = [text_of](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() < 2) return nullptr;
    std::vector<Type> types;
    args[0] = b.Coerce(args[0], kText, CastContext::kImplicit, loc);
    for (auto& a : args) {
      if (a->type.id == oid::kUnknown && !a->type.array) a = b.Coerce(a, kText, CastContext::kImplicit, loc);
      types.push_back(a->type);
    }
    auto fmt = text_of(types);
    return Fn(kText, "concat_ws", args, [fmt](const std::vector<Value>& a, EvalContext& ctx) {
      if (a[0].is_null()) return Value::Null();
      std::string r;
      bool first = true;
      for (size_t i = 1; i < a.size(); i++) {
        if (a[i].is_null()) continue;
        if (!first) r += a[0].s();
        first = false;
        r += fmt(a[i], i, ctx);
      }
      return Value::Str(r);
    }, false);
  };
}

}  // namespace tusk
