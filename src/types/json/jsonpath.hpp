// The SQL/JSON path language of PostgreSQL 15 (the jsonpath type): its syntax tree, its parser
// (jsonpath_parse.cpp) and its canonical text (jsonpath_write.cpp). A stored jsonpath value is
// that canonical text; the executor (jsonpath_exec.hpp) reads it back into a tree.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

// The kinds of path items, as PostgreSQL's JsonPathItemType.
enum class Jpi : uint8_t {
  kNull, kString, kNumeric, kBool, kAnd, kOr, kNot, kIsUnknown, kEqual, kNotEqual, kLess, kGreater,
  kLessOrEqual, kGreaterOrEqual, kAdd, kSub, kMul, kDiv, kMod, kPlus, kMinus, kAnyArray, kAnyKey,
  kIndexArray, kAny, kKey, kCurrent, kRoot, kVariable, kFilter, kExists, kType, kSize, kAbs, kFloor,
  kCeiling, kDouble, kDatetime, kKeyValue, kLast, kStartsWith, kLikeRegex,
};

struct JsonPathItem;
using JsonPathItemP = std::shared_ptr<JsonPathItem>;

// like_regex flags.
inline constexpr int kRegexIcase = 1, kRegexDotall = 2, kRegexMline = 4, kRegexWspace = 8, kRegexQuote = 16;
// `.**{... to last}`: the level `last`.
inline constexpr uint32_t kAnyLast = UINT32_MAX;

struct JsonPathItem {
  Jpi type = Jpi::kNull;
  // A key, string or variable name; a number's numeric text; like_regex's pattern.
  std::string text;
  bool boolean = false;
  // Binary operators: left and right. Unary items (filter, !, is unknown, exists, unary +/-,
  // like_regex's operand, datetime's template): left.
  JsonPathItemP left, right;
  // [a, b to c]: each subscript's start, and its end (null when not a range).
  std::vector<JsonPathItemP> from, to;
  uint32_t first = 0, last = kAnyLast;  // .** levels
  int flags = 0;                        // like_regex
  JsonPathItemP next;                   // the accessor that follows
};

struct JsonPath {
  bool lax = true;
  JsonPathItemP root;
};

// Reads jsonpath text: 42601 "syntax error at or near ... of jsonpath input" and PostgreSQL's
// other messages for bad input; 22P02 for an empty path.
JsonPath ParseJsonPath(std::string_view text);
// The canonical text (jsonpath's output function).
std::string WriteJsonPath(const JsonPath& path);
// The regular expression a like_regex item runs: its pattern, quoted whole under flag "q".
std::string JsonPathRegexPattern(const JsonPathItem& like_regex);
// The name of an operator or item method as the canonical text and error messages spell it.
const char* JsonPathOperationName(Jpi type);

}  // namespace tusk
