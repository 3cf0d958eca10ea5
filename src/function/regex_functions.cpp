// Regular expressions: the ~ operator family, SIMILAR TO, regexp_replace / regexp_match /
// regexp_split_to_array (regexp_matches and regexp_split_to_table are set-returning, see
// set_returning.cpp). Patterns use std::regex's ECMAScript grammar, which agrees with
// PostgreSQL's ARE for the common syntax; see docs/compatibility.md.
#include "function/regex_functions.hpp"

#include <algorithm>
#include <cctype>

#include "common/error.hpp"
#include "function/registry.hpp"

namespace tusk {

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

Value RegexMatchArray(const RegexMatch& m, const std::string& text) {
  std::vector<Value> out;
  if (m.groups() == 0) out.push_back(Value::Str(m.str(text, 0)));
  for (size_t i = 1; i <= m.groups(); i++) out.push_back(m.matched(i) ? Value::Str(m.str(text, i)) : Value::Null());
  return Value::Array(std::move(out));
}

void RegisterRegexFunctions() {
  auto replace = [](const std::vector<Value>& a, EvalContext& ctx) {
    bool global = false, icase = false;
    if (a.size() > 3) ParseFlags(a[3].s(), &global, &icase);
    auto re = CompileRegex(a[1].s(), icase);
    return Value::Str(RegexReplace(*re, a[0].s(), ConvertReplacement(a[2].s()), global, ctx.state));
  };
  Register("regexp_replace", {kText, kText, kText}, kText, replace);
  Register("regexp_replace", {kText, kText, kText, kText}, kText, replace);
  auto match = [](bool with_flags) {
    return [with_flags](const std::vector<Value>& a, EvalContext& ctx) {
      bool global = false, icase = false;
      if (with_flags) ParseFlags(a[2].s(), &global, &icase);
      if (global) throw Error(sqlstate::kInvalidParameterValue, "regexp_match() does not support the \"global\" option")
                      .WithHint("Use the regexp_matches function instead.");
      auto re = CompileRegex(a[1].s(), icase);
      RegexMatch m;
      if (!RegexSearch(*re, a[0].s(), ctx.state, &m)) return Value::Null();
      return RegexMatchArray(m, a[0].s());
    };
  };
  // The first parenthesized group's match if the pattern has groups, else the whole match;
  // NULL when nothing matches.
  auto substring_of = [](const RegexPattern& re, const std::string& s, EvalContext& ctx) {
    RegexMatch m;
    if (!RegexSearch(re, s, ctx.state, &m)) return Value::Null();
    size_t group = m.groups() > 0 ? 1 : 0;
    return m.matched(group) ? Value::Str(m.str(s, group)) : Value::Null();
  };
  Register("substring", {kText, kText}, kText, [substring_of](const std::vector<Value>& a, EvalContext& ctx) {
    return substring_of(*CompileRegex(a[1].s(), false), a[0].s(), ctx);
  });
  // substring(text SIMILAR pattern ESCAPE esc) arrives as substring(text, pattern, esc).
  // PostgreSQL defines it in SQL, so its errors carry that function's context line.
  Register("substring", {kText, kText, kText}, kText, [substring_of](const std::vector<Value>& a, EvalContext& ctx) {
    std::shared_ptr<const RegexPattern> re;
    try {
      re = CompileRegex(SimilarToRegex(a[1].s(), SimilarEscapeChar(a[2].s())), false);
    } catch (Error& e) {
      throw e.WithContext("SQL function \"substring\" statement 1");
    }
    return substring_of(*re, a[0].s(), ctx);
  });
  Register("regexp_match", {kText, kText}, Type(oid::kText, -1, true), match(false));
  Register("regexp_match", {kText, kText, kText}, Type(oid::kText, -1, true), match(true));
  auto split = [](const std::vector<Value>& a, EvalContext& ctx) {
    bool global = false, icase = false;
    if (a.size() > 2) ParseFlags(a[2].s(), &global, &icase);
    return Value::Array(RegexSplit(a[0].s(), a[1].s(), icase, ctx.state));
  };
  Register("regexp_split_to_array", {kText, kText}, Type(oid::kText, -1, true), split);
  Register("regexp_split_to_array", {kText, kText, kText}, Type(oid::kText, -1, true), split);
  Register("regexp_count", {kText, kText}, Type(oid::kInt4), [](const std::vector<Value>& a, EvalContext& ctx) {
    auto re = CompileRegex(a[1].s(), false);
    int64_t n = 0;
    RegexForEach(*re, a[0].s(), ctx.state, [&](const RegexMatch&) { return ++n, true; });
    return Value::Int(n);
  });
}

std::vector<Value> RegexSplit(const std::string& s, const std::string& pattern, bool icase, const ExecState* st) {
  auto re = CompileRegex(pattern, icase);
  std::vector<Value> out;
  size_t pos = 0;
  RegexForEach(*re, s, st, [&](const RegexMatch& m) {
    size_t start = m.spans[0].first, len = m.spans[0].second - start;
    if (len == 0) {
      if (start >= s.size()) return false;
      if (start == pos && start == 0) return true;
      out.push_back(Value::Str(s.substr(pos, start - pos)));
      pos = start;
      return true;
    }
    out.push_back(Value::Str(s.substr(pos, start - pos)));
    pos = start + len;
    return true;
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
