// Regular-expression helpers shared by the ~ operators, SIMILAR TO and the regexp functions.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "function/regex_engine.hpp"
#include "types/value.hpp"

namespace tusk {

// SQL SIMILAR TO pattern into an anchored regular expression.
std::string SimilarToRegex(const std::string& pattern, char escape);
// The escape character of SIMILAR TO: empty means none; longer than one character is 22025.
char SimilarEscapeChar(const std::string& escape);
std::vector<Value> RegexSplit(const std::string& s, const std::string& pattern, bool icase, const ExecState* st);
// regexp_match's result: the groups' texts (NULL for a group that took no part), or the whole
// match when the pattern has no groups.
Value RegexMatchArray(const RegexMatch& m, const std::string& text);
void RegisterRegexFunctions();

}  // namespace tusk
