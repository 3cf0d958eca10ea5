#include "binder/operators_impl.hpp"

#include <cmath>

#include "common/error.hpp"
#include "common/utf8.hpp"
#include "common/strings.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

Value IntArith(char op, int64_t a, int64_t b, uint32_t t) {
  const char* name = t == oid::kInt2 ? "smallint out of range" : t == oid::kInt4 ? "integer out of range" : "bigint out of range";
  int64_t r = 0;
  bool overflow = false;
  switch (op) {
    case '+': overflow = __builtin_add_overflow(a, b, &r); break;
    case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
    case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
    case '/':
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      if (b == -1 && a == INT64_MIN) overflow = true;
      else r = a / b;
      break;
    case '%':
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      r = b == -1 ? 0 : a % b;
      break;
  }
  if (overflow) throw Error(sqlstate::kNumericValueOutOfRange, name);
  if ((t == oid::kInt2 && (r < -32768 || r > 32767)) || (t == oid::kInt4 && (r < INT32_MIN || r > INT32_MAX)))
    throw Error(sqlstate::kNumericValueOutOfRange, name);
  return Value::Int(r);
}

Value FloatArith(char op, double a, double b, uint32_t t) {
  double r = 0;
  switch (op) {
    case '+': r = a + b; break;
    case '-': r = a - b; break;
    case '*': r = a * b; break;
    case '/':
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      r = a / b;
      break;
    case '%': r = std::fmod(a, b); break;
  }
  if (t == oid::kFloat4) {
    float f = static_cast<float>(r);
    if (std::isinf(f) && !std::isinf(a) && !std::isinf(b))
      throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
    if (f == 0 && r != 0) throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
    return Value::Float(f);
  }
  if (std::isinf(r) && !std::isinf(a) && !std::isinf(b))
    throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
  if (r == 0 && a != 0 && op == '*' && b != 0)
    throw Error(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
  return Value::Float(r);
}

Value NumericArith(char op, const std::string& as, const std::string& bs) {
  Numeric a, b;
  Numeric::Parse(as, &a);
  Numeric::Parse(bs, &b);
  switch (op) {
    case '+': return Value::Str(a.Add(b).ToString());
    case '-': return Value::Str(a.Sub(b).ToString());
    case '*': return Value::Str(a.Mul(b).ToString());
    case '/': return Value::Str(a.Div(b).ToString());
    case '%': return Value::Str(a.Mod(b).ToString());
  }
  return Value::Null();
}

namespace {
// How a match of the pattern's rest at one place in the text ended. kAbort: the text ran out
// first, so no later place can match either (PostgreSQL's LIKE_ABORT): without it, a pattern
// such as '%a%a%a%a%a%a%b' tried every split of a long run of a's, exponential in the number
// of %s (60 characters took over a second).
enum class Like { kFalse, kTrue, kAbort };

size_t LikeCharLength(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  return c < 0x80 ? 1u : c < 0xE0 ? 2u : c < 0xF0 ? 3u : 4u;
}

[[noreturn]] void ThrowTrailingEscape() {
  throw Error(sqlstate::kInvalidEscapeSequence, "LIKE pattern must not end with escape character");
}

// UTF-8 aware matcher: '%' any sequence, '_' one character, '\' escapes (PostgreSQL's
// MatchText, step for step, errors included).
Like LikeAt(const std::string& t, size_t ti, const std::string& p, size_t pi) {
  while (ti < t.size() && pi < p.size()) {
    if (p[pi] == '\\') {
      if (++pi >= p.size()) ThrowTrailingEscape();
      if (t[ti] != p[pi]) return Like::kFalse;
    } else if (p[pi] == '%') {
      // A run of % and _: each _ takes one character, the %s take what the rest leaves.
      for (; pi < p.size() && (p[pi] == '%' || p[pi] == '_'); pi++) {
        if (p[pi] == '%') continue;
        if (ti >= t.size()) return Like::kAbort;
        ti += LikeCharLength(t, ti);
      }
      if (pi == p.size()) return Like::kTrue;
      const bool escaped = p[pi] == '\\';
      if (escaped && pi + 1 >= p.size()) ThrowTrailingEscape();
      const char first = p[escaped ? pi + 1 : pi];
      for (; ti < t.size(); ti += LikeCharLength(t, ti)) {
        if (t[ti] != first) continue;
        Like r = LikeAt(t, ti, p, pi);
        if (r != Like::kFalse) return r;
      }
      return Like::kAbort;
    } else if (p[pi] == '_') {
      ti += LikeCharLength(t, ti);
      pi++;
      continue;
    } else if (t[ti] != p[pi]) {
      return Like::kFalse;
    }
    ti++;
    pi++;
  }
  if (ti < t.size()) return Like::kFalse;
  while (pi < p.size() && p[pi] == '%') pi++;
  return pi == p.size() ? Like::kTrue : Like::kAbort;
}
}  // namespace

// ILIKE lower-cases both sides first, as PostgreSQL does in a multibyte database.
bool LikeMatch(const std::string& text, const std::string& pattern, bool icase) {
  if (icase) return LikeAt(Utf8Lower(text), 0, Utf8Lower(pattern), 0) == Like::kTrue;
  return LikeAt(text, 0, pattern, 0) == Like::kTrue;
}

}  // namespace tusk
