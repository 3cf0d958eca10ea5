// Regular-expression helpers shared by the ~ operators, SIMILAR TO and the regexp functions.
#pragma once
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "types/value.hpp"

namespace tusk {

// Compiles (and caches) a pattern; throws 2201B for invalid patterns.
std::shared_ptr<const std::regex> CompileRegex(const std::string& pattern, bool icase);
// SQL SIMILAR TO pattern into an anchored regular expression.
std::string SimilarToRegex(const std::string& pattern, char escape);
// The escape character of SIMILAR TO: empty means none; longer than one character is 22025.
char SimilarEscapeChar(const std::string& escape);
std::vector<Value> RegexSplit(const std::string& s, const std::string& pattern, bool icase);
Value RegexMatchArray(const std::smatch& m);
void RegisterRegexFunctions();

}  // namespace tusk
