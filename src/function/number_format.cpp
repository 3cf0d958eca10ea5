// to_char for numbers, following PostgreSQL's formatting.c: the template is split into
// keywords and literals, checked as NUMDesc_prepare checks it, then the digits are laid into
// the digit slots. EEEE and RN produce their own text.
#include "function/number_format.hpp"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "common/error.hpp"

namespace tusk {

namespace {
enum class Tok { kNine, kZero, kPoint, kGroup, kS, kMI, kPL, kSG, kPR, kFM, kRN, kTH, kEEEE, kV, kL, kSilent, kLiteral };

struct Token {
  Tok kind;
  bool lower = false;  // rn, th: the output's case follows the keyword's
  std::string text;    // a literal's characters
};

struct Keyword {
  const char* upper;
  Tok kind;
};
// A keyword is written all upper or all lower case ("Th" is literal text). Longer keywords
// come before the ones they start with (SG and SP before S).
const Keyword kKeywords[] = {{"EEEE", Tok::kEEEE}, {"FM", Tok::kFM}, {"MI", Tok::kMI}, {"PL", Tok::kPL},
                             {"PR", Tok::kPR},     {"RN", Tok::kRN}, {"SG", Tok::kSG}, {"SP", Tok::kSilent},
                             {"TH", Tok::kTH},     {"S", Tok::kS},   {"9", Tok::kNine}, {"0", Tok::kZero},
                             {".", Tok::kPoint},   {"D", Tok::kPoint}, {",", Tok::kGroup}, {"G", Tok::kGroup},
                             {"V", Tok::kV},       {"L", Tok::kL},   {"B", Tok::kSilent}, {"C", Tok::kSilent}};

// Whether `upper` (or its all-lower-case spelling, reported in *lower) is written at s[i].
bool MatchesKeyword(const std::string& s, size_t i, const char* upper, bool* lower) {
  bool as_upper = true, as_lower = true;
  size_t n = 0;
  for (; upper[n]; n++) {
    if (i + n >= s.size()) return false;
    as_upper = as_upper && s[i + n] == upper[n];
    as_lower = as_lower && s[i + n] == static_cast<char>(tolower(static_cast<unsigned char>(upper[n])));
  }
  *lower = !as_upper && as_lower;
  return as_upper || as_lower;
}

std::vector<Token> Tokenize(const std::string& fmt) {
  std::vector<Token> out;
  auto literal = [&](char c) {
    if (out.empty() || out.back().kind != Tok::kLiteral) out.push_back({Tok::kLiteral, false, ""});
    out.back().text += c;
  };
  for (size_t i = 0; i < fmt.size();) {
    bool matched = false;
    for (const auto& k : kKeywords) {
      bool is_lower = false;
      if (MatchesKeyword(fmt, i, k.upper, &is_lower)) {
        out.push_back({k.kind, is_lower, ""});
        i += strlen(k.upper);
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (fmt[i] == '"') {  // quoted literal; a backslash keeps the next character
      for (i++; i < fmt.size() && fmt[i] != '"'; i++) {
        if (fmt[i] == '\\' && i + 1 < fmt.size()) i++;
        literal(fmt[i]);
      }
      i++;
      continue;
    }
    if (fmt[i] == '\\' && i + 1 < fmt.size() && fmt[i + 1] == '"') i++;
    literal(fmt[i++]);
  }
  return out;
}

// What the template asks for, validated as PostgreSQL's NUMDesc_prepare does.
struct Spec {
  int pre = 0, post = 0, multi = 0;  // digits before / after the point; 9s after V
  bool decimal = false, fm = false, roman = false, eeee = false, multiply = false;
  bool lsign = false, minus = false, plus = false, bracket = false;
};

[[noreturn]] void Syntax(const std::string& msg) { throw Error(sqlstate::kSyntaxError, msg); }

Spec Prepare(const std::vector<Token>& tokens) {
  Spec s;
  for (const auto& t : tokens) {
    if (t.kind == Tok::kLiteral) continue;
    if (s.eeee && t.kind != Tok::kEEEE) Syntax("\"EEEE\" must be the last pattern used");
    switch (t.kind) {
      case Tok::kNine:
      case Tok::kZero:
        if (s.bracket) Syntax(std::string("\"") + (t.kind == Tok::kNine ? "9" : "0") + "\" must be ahead of \"PR\"");
        if (t.kind == Tok::kNine && s.multiply) s.multi++;
        else if (s.decimal) s.post++;
        else s.pre++;
        break;
      case Tok::kPoint:
        if (s.decimal) Syntax("multiple decimal points");
        if (s.multiply) Syntax("cannot use \"V\" and decimal point together");
        s.decimal = true;
        break;
      case Tok::kFM: s.fm = true; break;
      case Tok::kS:
        if (s.lsign) Syntax("cannot use \"S\" twice");
        if (s.plus || s.minus || s.bracket) Syntax("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
        s.lsign = true;
        break;
      case Tok::kMI:
        if (s.lsign) Syntax("cannot use \"S\" and \"MI\" together");
        s.minus = true;
        break;
      case Tok::kPL:
        if (s.lsign) Syntax("cannot use \"S\" and \"PL\" together");
        s.plus = true;
        break;
      case Tok::kSG:
        if (s.lsign) Syntax("cannot use \"S\" and \"SG\" together");
        s.plus = s.minus = true;
        break;
      case Tok::kPR:
        if (s.lsign || s.plus || s.minus) Syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
        s.bracket = true;
        break;
      case Tok::kRN: s.roman = true; break;
      case Tok::kV:
        if (s.decimal) Syntax("cannot use \"V\" and decimal point together");
        s.multiply = true;
        break;
      case Tok::kEEEE:
        if (s.eeee) Syntax("cannot use \"EEEE\" twice");
        if (s.fm || s.lsign || s.bracket || s.minus || s.plus || s.roman || s.multiply)
          throw Error(sqlstate::kSyntaxError, "\"EEEE\" is incompatible with other formats")
              .WithDetail("\"EEEE\" may only be used together with digit and decimal point patterns.");
        s.eeee = true;
        break;
      default: break;
    }
  }
  return s;
}

Numeric PowerOfTen(int k) {
  Numeric n;
  Numeric::Parse("1" + std::string(static_cast<size_t>(k), '0'), &n);
  return n;
}

bool IsBinary(ToCharSource s) { return s == ToCharSource::kFloat8 || s == ToCharSource::kFloat4; }

// EEEE: " d.ddde+XX", the sign's place blank for positive numbers.
std::string Scientific(const Spec& s, const ToCharNumber& x) {
  bool decimal = x.source == ToCharSource::kNumeric || x.source == ToCharSource::kInt8;
  double real = x.source == ToCharSource::kInt4 ? x.numeric.ToDouble() : x.real;
  if (decimal ? x.numeric.is_nan() : !std::isfinite(real)) {
    std::string out(static_cast<size_t>(s.pre + s.post + 6), '#');
    out[0] = ' ';
    out[static_cast<size_t>(s.pre) + 1] = '.';
    return out;
  }
  if (!decimal) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%+.*e", s.post, real);
    if (buf[0] == '+') buf[0] = ' ';
    return buf;
  }
  // The exponent comes from the unrounded value, as in PostgreSQL: 9.99 with one decimal is
  // "10.0e+00".
  Numeric a = x.numeric.Abs();
  int exponent = 0;
  if (!a.is_zero()) {
    std::string digits = a.ToString();
    size_t point = digits.find('.');
    if (point == std::string::npos) point = digits.size();
    size_t first = digits.find_first_not_of("0.");
    exponent = first < point ? static_cast<int>(point - first) - 1 : -static_cast<int>(first - point);
  }
  Numeric significand = exponent >= 0 ? a.DivScale(PowerOfTen(exponent), s.post) : a.Mul(PowerOfTen(-exponent)).Round(s.post);
  char exp[16];
  std::snprintf(exp, sizeof exp, "e%+03d", exponent);
  return (x.numeric.is_negative() ? "-" : " ") + significand.ToString() + exp;
}

std::string Roman(const std::vector<Token>& tokens, const Spec& s, const ToCharNumber& x) {
  // Floats round half to even (rint), numerics half away from zero.
  double v = IsBinary(x.source) ? std::nearbyint(x.real) : x.numeric.is_nan() ? NAN : x.numeric.Round(0).ToDouble();
  bool in_range = v >= 1 && v <= 3999;
  static const std::pair<int, const char*> kNumerals[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                                                          {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                                                          {5, "V"},    {4, "IV"},   {1, "I"}};
  std::string roman;
  int64_t n = in_range ? static_cast<int64_t>(v) : 0;
  for (const auto& [value, numeral] : kNumerals)
    while (n >= value) { roman += numeral; n -= value; }
  if (!in_range) roman = std::string(15, '#');
  std::string out;
  for (const auto& t : tokens) {
    if (t.kind == Tok::kLiteral) out += t.text;
    if (t.kind != Tok::kRN) continue;
    std::string r = roman;
    if (t.lower)
      for (char& c : r) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    out += s.fm ? r : std::string(15 - r.size(), ' ') + r;
  }
  return out;
}

// Lays a rounded number into the template's slots; `neg` is its sign (floats keep the sign of a
// negative number that rounds to zero, as printf does). `frac_available` is how many fraction
// digits the number has (floats keep only DBL_DIG significant digits; slots past them print
// nothing). `word` is "NaN" or "Infinity" for those values.
std::string LayDigits(const std::vector<Token>& tokens, const Spec& s, const Numeric& rounded, bool neg,
                      int frac_available, const std::string& word) {
  int int_digits = 0, first_zero = -1;
  bool zero_after_point = false, has_point = false, pr = false, has_sign_pattern = false;
  size_t first_digit = tokens.size(), s_index = tokens.size();
  for (size_t i = 0; i < tokens.size(); i++) {
    Tok k = tokens[i].kind;
    if ((k == Tok::kNine || k == Tok::kZero || k == Tok::kPoint) && first_digit == tokens.size()) first_digit = i;
    if (k == Tok::kPoint) has_point = true;
    if ((k == Tok::kNine || k == Tok::kZero) && !has_point) {
      if (k == Tok::kZero && first_zero < 0) first_zero = int_digits;
      int_digits++;
    }
    if (k == Tok::kZero && has_point) zero_after_point = true;
    if (k == Tok::kPR) pr = true;
    if (k == Tok::kS && s_index == tokens.size()) s_index = i;
    if (k == Tok::kS || k == Tok::kMI || k == Tok::kPR || k == Tok::kSG) has_sign_pattern = true;
  }
  if (!word.empty() && static_cast<int>(word.size()) <= int_digits) {
    // PostgreSQL prints the word itself in the digit slots; only plain templates are handled.
    for (const auto& t : tokens)
      if (t.kind != Tok::kNine && t.kind != Tok::kZero && t.kind != Tok::kPoint && t.kind != Tok::kFM)
        throw Error(sqlstate::kFeatureNotSupported, "to_char of " + word + " with this template is not supported");
    return (s.fm ? "" : std::string(static_cast<size_t>(int_digits) - word.size(), ' ')) + (neg ? "-" : s.fm ? "" : " ") + word;
  }
  std::string digits = rounded.Abs().ToString();
  size_t dot = digits.find('.');
  std::string ip = dot == std::string::npos ? digits : digits.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  const std::string whole_number = ip;  // what TH reads
  if (ip == "0" && int_digits > 0) ip = "";
  bool overflow = !word.empty() || static_cast<int>(ip.size()) > int_digits;
  int pad_to = first_zero >= 0 ? int_digits - first_zero : 0;
  std::string ipad = ip;
  while (static_cast<int>(ipad.size()) < pad_to) ipad.insert(0, "0");
  // Like PostgreSQL, the sign of the default format, of a leading S and of PR's "<" sits right
  // before the first digit printed; MI, SG, PL and a trailing S print where they stand.
  bool leading_s = s_index < first_digit;
  bool anchored = !has_sign_pattern || leading_s || pr;
  std::string anchor = leading_s ? (neg ? "-" : "+") : pr ? (neg ? "<" : (s.fm ? "" : " ")) : (neg ? "-" : (s.fm ? "" : " "));
  bool sign_done = false;
  std::string out;
  auto emit_anchor = [&]() {
    if (anchored && !sign_done) { out += anchor; sign_done = true; }
  };
  int int_pos = 0;
  int fi = 0;
  bool seen_point = false;
  for (const auto& t : tokens) {
    switch (t.kind) {
      case Tok::kNine:
      case Tok::kZero:
        if (!seen_point) {
          int slot_from_right = int_digits - int_pos;
          int_pos++;
          if (overflow) {
            emit_anchor();
            out += '#';
            break;
          }
          if (slot_from_right <= static_cast<int>(ipad.size())) {
            emit_anchor();
            out += ipad[ipad.size() - static_cast<size_t>(slot_from_right)];
          } else if (int_pos == int_digits && ipad.empty() && t.kind != Tok::kZero && first_zero < 0 && !has_point) {
            emit_anchor();
            out += '0';
          } else if (!s.fm) {
            out += ' ';
          }
        } else {
          if (fi < frac_available) out += overflow ? '#' : fi < static_cast<int>(frac.size()) ? frac[static_cast<size_t>(fi)] : '0';
          fi++;
        }
        break;
      case Tok::kPoint:
        // The point comes from the number's text: none when it has no fraction digits.
        seen_point = true;
        if (!overflow && frac_available == 0) break;
        emit_anchor();
        out += '.';
        break;
      case Tok::kGroup:
        if (int_pos > 0 && int_digits - int_pos < static_cast<int>(ipad.size())) out += ',';
        else if (!s.fm) out += ' ';
        break;
      case Tok::kSG:
        out += neg ? '-' : '+';
        sign_done = true;
        break;
      case Tok::kS:
        if (leading_s) break;
        out += neg ? '-' : '+';
        sign_done = true;
        break;
      case Tok::kMI:
        out += neg ? "-" : (s.fm ? "" : " ");
        sign_done = true;
        break;
      case Tok::kPL:
        out += neg ? (s.fm ? "" : " ") : "+";
        break;
      case Tok::kPR:  // closes the "<" printed before the first digit
        if (!sign_done) break;
        if (neg) out += '>';
        else if (!s.fm) out += ' ';
        break;
      case Tok::kTH:
        if (!overflow && !neg && !has_point) {
          std::string last2 = whole_number.substr(whole_number.size() > 2 ? whole_number.size() - 2 : 0);
          out += OrdinalSuffix(std::stoll(last2), !t.lower);
        }
        break;
      case Tok::kL: out += ' '; break;  // the C locale's currency symbol
      case Tok::kLiteral: out += t.text; break;
      default: break;  // FM, V, B, C, SP print nothing
    }
  }
  if (s.fm && has_point && !zero_after_point) {
    // FM drops the fraction's trailing zeros that came from 9 slots.
    while (!out.empty() && out.back() == '0') out.pop_back();
  }
  return out;
}
}  // namespace

std::string OrdinalSuffix(int64_t v, bool upper) {
  int64_t last2 = v % 100, last = v % 10;
  const char* s = (last2 >= 11 && last2 <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  std::string r = s;
  if (upper)
    for (char& c : r) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return r;
}

std::string NumberToChar(const std::string& format, const ToCharNumber& number) {
  std::vector<Token> tokens = Tokenize(format);
  Spec s = Prepare(tokens);
  if (s.roman) return Roman(tokens, s, number);
  if (s.eeee) return Scientific(s, number);
  if (!IsBinary(number.source)) {
    Numeric value = s.multi ? number.numeric.Mul(PowerOfTen(s.multi)) : number.numeric;
    if (value.is_nan()) return LayDigits(tokens, s, value, false, s.post, "NaN");
    Numeric rounded = value.Round(s.post);
    return LayDigits(tokens, s, rounded, rounded.is_negative(), s.post, "");
  }
  // As float8_to_char/float4_to_char: printf rounding, and no more than DBL_DIG (FLT_DIG)
  // significant digits before the fraction is cut.
  double v = number.real * std::pow(10.0, s.multi);
  if (number.source == ToCharSource::kFloat4) v = static_cast<float>(v);
  const char* word = std::isnan(v) ? "NaN" : std::isinf(v) ? "Infinity" : "";
  int digits = number.source == ToCharSource::kFloat4 ? FLT_DIG : DBL_DIG;
  char buf[512];
  int pre_len = *word ? static_cast<int>(strlen(word)) : std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
  int post = pre_len >= digits ? 0 : std::min(s.post, digits - pre_len);
  if (*word) return LayDigits(tokens, s, Numeric(), v < 0, post, word);
  std::snprintf(buf, sizeof buf, "%.*f", post, v);
  Numeric n;
  Numeric::Parse(buf, &n);
  return LayDigits(tokens, s, n, buf[0] == '-', post, "");
}

}  // namespace tusk
