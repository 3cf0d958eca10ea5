// What every match of a regular expression (PostgreSQL's ARE syntax) must contain, as a tree of
// literal strings: all of them, any of them. It is read conservatively, after "Regular
// Expression Matching with a Trigram Index" (Cox, 2012): a node knows the exact strings it can
// match while they are few, else only what any match must hold; what this reader does not
// understand (classes, back-references, expanded syntax) requires nothing, so the answer may
// say less than the pattern does but never more.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

struct RegexLiterals {
  enum class Kind { kNothing, kLiteral, kAll, kAny } kind = Kind::kNothing;  // kNothing: no requirement
  std::string literal;                  // kLiteral: a substring of every match
  std::vector<RegexLiterals> children;  // kAll, kAny
};

RegexLiterals RegexRequiredLiterals(std::string_view pattern);

}  // namespace tusk
