// Regular expressions: the ~ operator family, SIMILAR TO, regexp_replace / regexp_match /
// regexp_split_to_array (regexp_matches and regexp_split_to_table are set-returning, see
// set_returning.cpp). Patterns use std::regex's ECMAScript grammar, which agrees with
// PostgreSQL's ARE for the common syntax; see docs/compatibility.md.
#include "function/regex_functions.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

#include "common/error.hpp"
#include "function/registry.hpp"
#include "function/regex_stack.hpp"

namespace tusk {

namespace {
// PostgreSQL's regex engine bounds a {m,n} repetition count at 255 (DUPMAX) and rejects m > n;
// std::regex would instead try to build the repeated automaton (or overflow the count). It also
// rejects a quantifier on a quantifier (a**, a+*, a{2}+; a*? is the non-greedy a*), which
// std::regex takes as a nested repetition.
void CheckQuantifiers(const std::string& p) {
  auto invalid = [](const char* what) {
    throw Error(sqlstate::kInvalidRegularExpression, std::string("invalid regular expression: ") + what);
  };
  bool in_bracket = false;
  int quant = 0;  // 1 just after a quantifier, 2 after a non-greedy one
  auto quantifier = [&](bool lazy_mark) {
    if (lazy_mark && quant == 1) quant = 2;
    else if (quant != 0) invalid("quantifier operand invalid");
    else quant = 1;
  };
  for (size_t i = 0; i < p.size(); i++) {
    char c = p[i];
    if (in_bracket) { if (c == ']') in_bracket = false; continue; }
    if (c == '\\') {
      // \N is a back-reference for std::regex, but for PostgreSQL a number of two or more
      // digits is an octal escape (\111 is I): not the same pattern, and a long one overflows
      // std::regex's count.
      if (i + 2 < p.size() && isdigit(static_cast<unsigned char>(p[i + 1])) && p[i + 1] != '0' && isdigit(static_cast<unsigned char>(p[i + 2])))
        throw Error(sqlstate::kFeatureNotSupported, "multi-digit escapes (octal \\nnn, back-references past \\9) in regular expressions are not supported yet");
      i++;
      quant = 0;
      continue;
    }
    if (c == '[') {
      in_bracket = true;
      quant = 0;
      if (i + 1 < p.size() && p[i + 1] == '^') i++;
      if (i + 1 < p.size() && p[i + 1] == ']') i++;
      continue;
    }
    if (c == '(') {
      quant = 0;
      if (i + 1 < p.size() && p[i + 1] == '?') i++;  // (?: (?= (?! ...
      continue;
    }
    if (c == '*' || c == '+') { quantifier(false); continue; }
    if (c == '?') { quantifier(true); continue; }
    if (c != '{' || i + 1 >= p.size() || !isdigit(static_cast<unsigned char>(p[i + 1]))) { quant = 0; continue; }
    long counts[2] = {0, -1};
    int n = 0;
    size_t j = i + 1;
    for (; j < p.size() && n < 2; j++) {
      if (isdigit(static_cast<unsigned char>(p[j]))) {
        if (counts[n] < 0) counts[n] = 0;
        counts[n] = std::min(counts[n] * 10 + (p[j] - '0'), 100000L);
      } else if (p[j] == ',' && n == 0) {
        n = 1;
      } else {
        break;
      }
    }
    if (counts[0] > 255 || counts[1] > 255) invalid("invalid repetition count(s)");
    if (j >= p.size()) invalid("braces {} not balanced");
    if (p[j] != '}') { quant = 0; continue; }  // not a bound: std::regex reports it
    if (n == 1 && counts[1] >= 0 && counts[0] > counts[1]) invalid("invalid repetition count(s)");
    quantifier(false);
    i = j;
  }
}
}  // namespace

std::shared_ptr<const std::regex> CompileRegex(const std::string& pattern, bool icase) {
  static std::mutex mu;
  static std::map<std::pair<std::string, bool>, std::shared_ptr<const std::regex>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(pattern, icase);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  CheckQuantifiers(pattern);
  try {
    auto flags = std::regex::ECMAScript;
    if (icase) flags |= std::regex::icase;
    // libstdc++'s breadth-first matcher (its __polynomial option) takes time polynomial in the
    // text, where the backtracking one takes exponential time on patterns such as (x+x+)+y and
    // cannot be interrupted meanwhile. It has no back-references: those patterns backtrack.
    std::shared_ptr<const std::regex> re;
    try {
      re = std::make_shared<const std::regex>(pattern, flags | std::regex_constants::__polynomial);
    } catch (const std::regex_error&) {
      re = std::make_shared<const std::regex>(pattern, flags);
    }
    if (cache.size() > 1000) cache.clear();
    cache[key] = re;
    return re;
  } catch (const std::regex_error& e) {
    // PostgreSQL's (Spencer regex) wording for the common mistakes
    const char* msg = e.what();
    switch (e.code()) {
      case std::regex_constants::error_paren: msg = "parentheses () not balanced"; break;
      case std::regex_constants::error_brack: msg = "brackets [] not balanced"; break;
      case std::regex_constants::error_brace: msg = "braces {} not balanced"; break;
      case std::regex_constants::error_badrepeat: msg = "quantifier operand invalid"; break;
      case std::regex_constants::error_escape: msg = "invalid escape \\ sequence"; break;
      case std::regex_constants::error_range: msg = "invalid character range"; break;
      case std::regex_constants::error_ctype: msg = "invalid character class"; break;
      case std::regex_constants::error_badbrace: msg = "invalid repetition count(s)"; break;
      case std::regex_constants::error_complexity:
      case std::regex_constants::error_space: msg = "regular expression is too complex"; break;
      default: break;
    }
    throw Error(sqlstate::kInvalidRegularExpression, std::string("invalid regular expression: ") + msg);
  }
}

// Flags of regexp_* functions: g (global), i (case-insensitive), c (case-sensitive).
static void ParseFlags(const std::string& flags, bool* global, bool* icase) {
  for (char f : flags) {
    if (f == 'g') *global = true;
    else if (f == 'i') *icase = true;
    else if (f == 'c') *icase = false;
    else if (f == 'n' || f == 'p' || f == 'w' || f == 's' || f == 't' || f == 'x' || f == 'q' || f == 'b' || f == 'e') {
      throw Error(sqlstate::kFeatureNotSupported, std::string("regular expression option \"") + f + "\" is not supported yet");
    } else {
      throw Error(sqlstate::kInvalidParameterValue, std::string("invalid regular expression option: \"") + f + "\"");
    }
  }
}

// Translates a SQL-standard (SIMILAR TO) pattern into a regex, as PostgreSQL's
// similar_escape_internal does. Two escape-double-quote separators split the pattern into
// ^(?:part1){1,1}?(part2){1,1}(?:part3)$: substring() returns what part2 matched. SQL wants
// part1 to match as little as possible; std::regex backtracks left to right, so part1's
// quantifiers are made lazy to get the same split.
std::string SimilarToRegex(const std::string& pat, char escape) {
  bool has_separator = false;
  for (size_t i = 0; escape && i + 1 < pat.size(); i++)
    if (pat[i] == escape) {
      if (pat[i + 1] == '"') has_separator = true;
      i++;
    }
  std::string r = "^(?:";
  bool in_bracket = false;
  int separators = 0;
  for (size_t i = 0; i < pat.size(); i++) {
    char c = pat[i];
    const char* lazy = has_separator && separators == 0 ? "?" : "";
    if (c == escape && escape) {
      if (i + 1 < pat.size()) {
        char n = pat[++i];
        if (n == '"') {
          if (separators == 0) r += "){1,1}?(";
          else if (separators == 1) r += "){1,1}(?:";
          else throw Error("2200C", "SQL regular expression may not contain more than two escape-double-quote separators");
          separators++;
          continue;
        }
        if (std::string("\\^$.|?*+()[]{}").find(n) != std::string::npos) r += '\\';
        r += n;
      }
      continue;
    }
    if (in_bracket) {
      if (c == ']') in_bracket = false;
      r += c;
      continue;
    }
    switch (c) {
      case '%': r += ".*"; r += lazy; break;
      case '_': r += "."; break;
      case '[': in_bracket = true; r += c; break;
      case '*': case '+': case '?': case '}': r += c; r += lazy; break;
      case '.': case '^': case '$': case '\\': r += '\\'; r += c; break;
      default: r += c;
    }
  }
  return r + ")$";
}

char SimilarEscapeChar(const std::string& escape) {
  if (escape.size() > 1)
    throw Error(sqlstate::kInvalidEscapeSequence, "invalid escape string").WithHint("Escape string must be empty or one character.");
  return escape.empty() ? 0 : escape[0];
}

namespace {
const Type kText(oid::kText);
const Type kBool(oid::kBool);

// PostgreSQL replacement strings use \1..\9 and \&; std::regex uses $1..$9 and $&.
std::string ConvertReplacement(const std::string& repl) {
  std::string r;
  for (size_t i = 0; i < repl.size(); i++) {
    char c = repl[i];
    if (c == '$') { r += "$$"; continue; }
    if (c == '\\' && i + 1 < repl.size()) {
      char n = repl[i + 1];
      if (n >= '1' && n <= '9') { r += '$'; r += n; i++; continue; }
      if (n == '&') { r += "$&"; i++; continue; }
      if (n == '\\') { r += '\\'; i++; continue; }
    }
    r += c;
  }
  return r;
}
}  // namespace

Value RegexMatchArray(const std::smatch& m) {
  std::vector<Value> out;
  if (m.size() == 1) out.push_back(Value::Str(m[0].str()));
  for (size_t i = 1; i < m.size(); i++) out.push_back(m[i].matched ? Value::Str(m[i].str()) : Value::Null());
  return Value::Array(std::move(out));
}

void RegisterRegexFunctions() {
  Register("regexp_replace", {kText, kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    auto re = CompileRegex(a[1].s(), false);
    return Value::Str(OnRegexStack(a[0].s().size(), [&] {
      return std::regex_replace(a[0].s(), *re, ConvertReplacement(a[2].s()), std::regex_constants::format_first_only);
    }));
  });
  Register("regexp_replace", {kText, kText, kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    bool global = false, icase = false;
    ParseFlags(a[3].s(), &global, &icase);
    auto re = CompileRegex(a[1].s(), icase);
    auto fmt = global ? std::regex_constants::format_default : std::regex_constants::format_first_only;
    return Value::Str(OnRegexStack(a[0].s().size(), [&] { return std::regex_replace(a[0].s(), *re, ConvertReplacement(a[2].s()), fmt); }));
  });
  auto match = [](bool with_flags) {
    return [with_flags](const std::vector<Value>& a, EvalContext&) {
      bool global = false, icase = false;
      if (with_flags) ParseFlags(a[2].s(), &global, &icase);
      if (global) throw Error(sqlstate::kInvalidParameterValue, "regexp_match() does not support the \"global\" option")
                      .WithHint("Use the regexp_matches function instead.");
      auto re = CompileRegex(a[1].s(), icase);
      std::smatch m;
      const std::string& s = a[0].s();
      if (!OnRegexStack(s.size(), [&] { return std::regex_search(s, m, *re); })) return Value::Null();
      return RegexMatchArray(m);
    };
  };
  // substring(text FROM pattern): the first parenthesized group's match if the pattern has
  // groups, else the whole match; NULL when nothing matches.
  Register("substring", {kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    auto re = CompileRegex(a[1].s(), false);
    std::smatch m;
    const std::string& s = a[0].s();
    if (!OnRegexStack(s.size(), [&] { return std::regex_search(s, m, *re); })) return Value::Null();
    size_t group = m.size() > 1 ? 1 : 0;
    return m[group].matched ? Value::Str(m[group].str()) : Value::Null();
  });
  // substring(text SIMILAR pattern ESCAPE esc) arrives as substring(text, pattern, esc).
  // PostgreSQL defines it in SQL, so its errors carry that function's context line.
  Register("substring", {kText, kText, kText}, kText, [](const std::vector<Value>& a, EvalContext&) {
    std::shared_ptr<const std::regex> re;
    try {
      re = CompileRegex(SimilarToRegex(a[1].s(), SimilarEscapeChar(a[2].s())), false);
    } catch (Error& e) {
      throw e.WithContext("SQL function \"substring\" statement 1");
    }
    std::smatch m;
    const std::string& s = a[0].s();
    if (!OnRegexStack(s.size(), [&] { return std::regex_search(s, m, *re); })) return Value::Null();
    size_t group = m.size() > 1 ? 1 : 0;
    return m[group].matched ? Value::Str(m[group].str()) : Value::Null();
  });
  Register("regexp_match", {kText, kText}, Type(oid::kText, -1, true), match(false));
  Register("regexp_match", {kText, kText, kText}, Type(oid::kText, -1, true), match(true));
  auto split = [](const std::vector<Value>& a, EvalContext&) {
    bool global = false, icase = false;
    if (a.size() > 2) ParseFlags(a[2].s(), &global, &icase);
    return Value::Array(RegexSplit(a[0].s(), a[1].s(), icase));
  };
  Register("regexp_split_to_array", {kText, kText}, Type(oid::kText, -1, true), split);
  Register("regexp_split_to_array", {kText, kText, kText}, Type(oid::kText, -1, true), split);
  Register("regexp_count", {kText, kText}, Type(oid::kInt4), [](const std::vector<Value>& a, EvalContext&) {
    auto re = CompileRegex(a[1].s(), false);
    const std::string& s = a[0].s();
    return Value::Int(OnRegexStack(s.size(), [&] {
      return std::distance(std::sregex_iterator(s.begin(), s.end(), *re), std::sregex_iterator());
    }));
  });
}

std::vector<Value> RegexSplit(const std::string& s, const std::string& pattern, bool icase) {
  auto re = CompileRegex(pattern, icase);
  std::vector<Value> out;
  size_t pos = 0;
  RunOnRegexStack(s.size(), [&] {
    for (auto it = std::sregex_iterator(s.begin(), s.end(), *re); it != std::sregex_iterator(); ++it) {
      size_t start = static_cast<size_t>(it->position()), len = static_cast<size_t>(it->length());
      if (len == 0) {
        if (start >= s.size()) break;
        if (start == pos && start == 0) continue;
        out.push_back(Value::Str(s.substr(pos, start - pos)));
        pos = start;
        continue;
      }
      out.push_back(Value::Str(s.substr(pos, start - pos)));
      pos = start + len;
    }
  });
  if (pattern.empty() || (out.empty() && s.empty())) {
    // an empty pattern splits into characters
    if (pattern.empty()) {
      out.clear();
      for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(Value::Str(s.substr(i, n)));
        i += n;
      }
      return out;
    }
  }
  out.push_back(Value::Str(s.substr(pos)));
  return out;
}

}  // namespace tusk
