#include "function/regex_engine.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstring>
#include <map>
#include <mutex>
// GCC 12 with -fsanitize=address warns that libstdc++'s regex compiler may use an uninitialized
// std::function (a false positive inside its headers: GCC bug 105616). Silenced for this file,
// the only one that instantiates std::regex.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>

#include "common/error.hpp"
#include "execution/exec_state.hpp"
#include "function/regex_stack.hpp"

namespace tusk {

struct RegexPattern {
  std::regex re;
};

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
      // PostgreSQL reads []a] as a class holding ] and a; ECMAScript as an empty class, then a].
      if (i + 1 < p.size() && p[i + 1] == ']')
        throw Error(sqlstate::kFeatureNotSupported, "a bracket expression that begins with ] is not supported yet in regular expressions");
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
// The text std::regex (ECMAScript) reads for a pattern that may open with PostgreSQL's
// directors and embedded options: ***= (the rest is a literal string), ***: (ARE, as without
// it), (?i) / (?c) (case), (?q) (literal). Other options (expanded syntax, newline modes, BRE and
// ERE) are not read yet: 0A000 rather than a different match.
std::string WithoutDirectors(const std::string& pattern, bool* icase) {
  auto literal = [](std::string_view rest) {
    std::string out;
    for (char c : rest) {
      if (std::strchr("\\^$.|?*+()[]{}/", c)) out += '\\';
      out += c;
    }
    return out;
  };
  std::string_view p = pattern;
  if (p.starts_with("***=")) return literal(p.substr(4));
  if (p.starts_with("***:")) p.remove_prefix(4);
  if (p.size() > 2 && p.starts_with("(?") && std::isalpha(static_cast<unsigned char>(p[2]))) {
    size_t close = p.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 2);
    std::string_view flags = p.substr(2, close == std::string_view::npos ? std::string_view::npos : close - 2);
    if (close == std::string_view::npos || p[close] != ')' || flags.find_first_not_of("bceimnpqstwx") != std::string_view::npos)
      throw Error(sqlstate::kInvalidRegularExpression, "invalid regular expression: invalid embedded option");
    bool quoted = false;
    for (char f : flags) {
      if (f == 'i') *icase = true;
      else if (f == 'c') *icase = false;
      else if (f == 'q') quoted = true;
      else throw Error(sqlstate::kFeatureNotSupported, std::string("regular expression option \"") + f + "\" is not supported yet");
    }
    p.remove_prefix(close + 1);
    if (quoted) return literal(p);
  }
  return std::string(p);
}
}  // namespace

std::shared_ptr<const RegexPattern> CompileRegex(const std::string& given, bool given_icase) {
  bool icase = given_icase;
  const std::string pattern = WithoutDirectors(given, &icase);
  static std::mutex mu;
  static std::map<std::pair<std::string, bool>, std::shared_ptr<const RegexPattern>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(given, given_icase);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  CheckQuantifiers(pattern);
  try {
    auto flags = std::regex::ECMAScript;
    if (icase) flags |= std::regex::icase;
    // libstdc++'s breadth-first matcher (its __polynomial option) takes time polynomial in the
    // text, where the backtracking one takes exponential time on patterns such as (x+x+)+y and
    // cannot be interrupted meanwhile. It has no back-references: those patterns backtrack.
    auto re = std::make_shared<RegexPattern>();
    try {
      re->re.assign(pattern, flags | std::regex_constants::__polynomial);
    } catch (const std::regex_error&) {
      re->re.assign(pattern, flags);
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


namespace {
// The match running on this thread: its statement, and the steps it has taken. A thread runs
// one match at a time (on the session's thread, or on a stack of its own: regex_stack.hpp).
struct Steps {
  const ExecState* st = nullptr;
  uint32_t count = 0;
};
thread_local Steps t_steps;

// A pointer into the text that counts the steps std::regex takes and checks the statement's
// interrupts every 4096 of them: a few microseconds of matching at most between checks. The
// count lives in a thread-local, not in the iterator, which std::regex copies into every state
// it keeps: a plain pointer's size keeps matching as fast as over const char*.
class SteppingIter {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  SteppingIter() = default;
  explicit SteppingIter(const char* p) : p_(p) {}

  reference operator*() const { return *p_; }
  SteppingIter& operator++() {
    ++p_;
    Step();
    return *this;
  }
  SteppingIter operator++(int) {
    SteppingIter was = *this;
    ++*this;
    return was;
  }
  SteppingIter& operator--() {
    --p_;
    Step();
    return *this;
  }
  SteppingIter operator--(int) {
    SteppingIter was = *this;
    --*this;
    return was;
  }
  bool operator==(const SteppingIter& o) const { return p_ == o.p_; }
  bool operator!=(const SteppingIter& o) const { return p_ != o.p_; }
  const char* ptr() const { return p_; }

 private:
  static void Step() {
    if ((++t_steps.count & 4095) == 0 && t_steps.st) CheckInterrupts(t_steps.st);
  }
  const char* p_ = nullptr;
};

// Runs fn (a match over text) on a stack big enough for it, counting its steps for st.
void RunMatch(const std::string& text, const ExecState* st, const std::function<void()>& fn) {
  RunOnRegexStack(text.size(), [&] {
    Steps outer = t_steps;
    t_steps = Steps{st, 0};
    try {
      fn();
    } catch (...) {
      t_steps = outer;
      throw;
    }
    t_steps = outer;
  });
}

using SteppingMatch = std::match_results<SteppingIter>;

void ToOffsets(const SteppingMatch& m, const char* base, RegexMatch* out) {
  out->spans.assign(m.size(), {RegexMatch::kNone, RegexMatch::kNone});
  for (size_t i = 0; i < m.size(); i++)
    if (m[i].matched)
      out->spans[i] = {static_cast<size_t>(m[i].first.ptr() - base), static_cast<size_t>(m[i].second.ptr() - base)};
}
}  // namespace

bool RegexSearch(const RegexPattern& re, const std::string& text, const ExecState* st, RegexMatch* m) {
  SteppingIter begin(text.data()), end(text.data() + text.size());
  SteppingMatch found;
  bool any = false;
  RunMatch(text, st, [&] { any = std::regex_search(begin, end, found, re.re); });
  if (any && m) ToOffsets(found, text.data(), m);
  return any;
}

void RegexForEach(const RegexPattern& re, const std::string& text, const ExecState* st,
                  const std::function<bool(const RegexMatch&)>& each) {
  SteppingIter begin(text.data()), end(text.data() + text.size());
  RunMatch(text, st, [&] {
    RegexMatch m;
    for (std::regex_iterator<SteppingIter> it(begin, end, re.re), done; it != done; ++it) {
      ToOffsets(*it, text.data(), &m);
      if (!each(m)) break;
    }
  });
}

std::string RegexReplace(const RegexPattern& re, const std::string& text, const std::string& format, bool global,
                         const ExecState* st) {
  SteppingIter begin(text.data()), end(text.data() + text.size());
  std::string out;
  auto flags = global ? std::regex_constants::format_default : std::regex_constants::format_first_only;
  RunMatch(text, st, [&] { std::regex_replace(std::back_inserter(out), begin, end, re.re, format, flags); });
  return out;
}

}  // namespace tusk
