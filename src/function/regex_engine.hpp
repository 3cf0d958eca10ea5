// The one place that runs std::regex: compiling a pattern with PostgreSQL's checks, and matching
// it so that a statement can stop meanwhile. A match steps over the text through an iterator
// that checks the statement's interrupts (cancel, statement_timeout, a lost client) every few
// thousand steps, so even a pattern that takes exponential time (back-references) or a quadratic
// unanchored search over a long text ends within milliseconds of a cancel. Matches over long
// texts run on a stack sized for them (regex_stack.hpp). Callers see byte offsets, not
// std::regex's types, so that <regex> stays out of the files that use it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tusk {

struct ExecState;
struct RegexPattern;  // a compiled std::regex (regex_engine.cpp)

// Compiles (and caches) a pattern; throws 2201B for invalid patterns.
std::shared_ptr<const RegexPattern> CompileRegex(const std::string& pattern, bool icase);

// Where a match and its parenthesized groups lie in the text searched: byte offsets.
struct RegexMatch {
  static constexpr size_t kNone = SIZE_MAX;
  std::vector<std::pair<size_t, size_t>> spans;  // [0] the whole match; {kNone, kNone}: a group that took no part

  size_t groups() const { return spans.size() - 1; }
  bool matched(size_t i) const { return spans[i].first != kNone; }
  std::string str(const std::string& text, size_t i) const {
    return matched(i) ? text.substr(spans[i].first, spans[i].second - spans[i].first) : std::string();
  }
};

// The first match in text, if any. `st`: the running statement (null: nothing to check).
bool RegexSearch(const RegexPattern& re, const std::string& text, const ExecState* st, RegexMatch* m = nullptr);
// Every match from left to right as std::regex_iterator finds them (after an empty match, the
// next one may not be empty at the same place); `each` returns false to stop.
void RegexForEach(const RegexPattern& re, const std::string& text, const ExecState* st,
                  const std::function<bool(const RegexMatch&)>& each);
// The text with its first match (global: every match) replaced by `format`, in std::regex's
// ECMAScript format syntax ($1, $&, $$).
std::string RegexReplace(const RegexPattern& re, const std::string& text, const std::string& format, bool global,
                         const ExecState* st);

}  // namespace tusk
