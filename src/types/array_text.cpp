// Reading an array literal: '{1,2}', '{{"a b",NULL},{c,d}}', '[0:1][1:2]={{1,2},{3,4}}'.
// The grammar and every error detail follow PostgreSQL 15's array_in.
#include <cstdlib>

#include "common/error.hpp"
#include "types/arrays.hpp"

namespace tusk {

namespace {
bool ArraySpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool IsNullWord(const std::string& s) {
  if (s.size() != 4) return false;
  for (size_t i = 0; i < 4; i++)
    if ((s[i] | 0x20) != "null"[i]) return false;
  return true;
}

class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : t_(text) {}

  ArrayLiteral Read() {
    ArrayLiteral out;
    ArrayShape given = ReadDimensions();
    if (!given.dims.empty()) {
      if (t_.substr(i_, 1) != "=") Bad("Missing \"=\" after array dimensions.");
      i_++;
      SkipSpace();
      if (At() != '{') Bad("Array contents must start with \"{\".");
    } else if (At() != '{') {
      Bad("Array value must start with \"{\" or dimension information.");
    }
    ReadLevel(0, &out);
    SkipSpace();
    if (i_ < t_.size()) Bad("Junk after closing right brace.");
    if (out.items.empty()) {
      if (!given.dims.empty()) Bad("Specified array dimensions do not match array contents.");
      return out;
    }
    out.shape.dims.assign(dims_.begin(), dims_.end());
    if (!given.dims.empty()) {
      if (given.dims != out.shape.dims) Bad("Specified array dimensions do not match array contents.");
      out.shape = given;
    } else {
      out.shape.lower.assign(out.shape.dims.size(), 1);
    }
    return out;
  }

 private:
  [[noreturn]] void Bad(const std::string& detail) const {
    throw Error(sqlstate::kInvalidTextRepresentation, "malformed array literal: \"" + std::string(t_) + "\"")
        .WithDetail(detail);
  }
  [[noreturn]] void Unexpected(char c) const { Bad(std::string("Unexpected \"") + c + "\" character."); }
  char At() const { return i_ < t_.size() ? t_[i_] : '\0'; }
  void SkipSpace() {
    while (i_ < t_.size() && ArraySpace(t_[i_])) i_++;
  }
  void NeedMore() const {
    if (i_ >= t_.size()) Bad("Unexpected end of input.");
  }

  // "[1:2][3]" before "=": each dimension's bounds ([n] is [1:n]).
  ArrayShape ReadDimensions() {
    ArrayShape s;
    for (;;) {
      SkipSpace();
      if (At() != '[') return s;
      i_++;
      if (s.dims.size() >= static_cast<size_t>(kMaxArrayDims))
        throw Error(sqlstate::kProgramLimitExceeded, "number of array dimensions (" + std::to_string(s.dims.size() + 1) +
                                                         ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDims) + ")");
      std::string first = Number();
      if (first.empty()) Bad("\"[\" must introduce explicitly-specified array dimensions.");
      std::string upper = first;
      int lower = 1;
      if (At() == ':') {
        i_++;
        lower = std::atoi(first.c_str());
        upper = Number();
        if (upper.empty()) Bad("Missing array dimension value.");
      }
      if (At() != ']') Bad("Missing \"]\" after array dimensions.");
      i_++;
      int ub = std::atoi(upper.c_str());
      if (ub < lower) throw Error(sqlstate::kArraySubscriptError, "upper bound cannot be less than lower bound");
      if (static_cast<int64_t>(ub) - lower + 1 > 134217727)
        throw Error(sqlstate::kProgramLimitExceeded, "array size exceeds the maximum allowed (134217727)");
      CheckArrayBounds(ub - lower + 1, lower);
      s.dims.push_back(ub - lower + 1);
      s.lower.push_back(lower);
    }
  }
  std::string Number() {
    size_t b = i_;
    while (i_ < t_.size() && (isdigit(static_cast<unsigned char>(t_[i_])) || t_[i_] == '-' || t_[i_] == '+')) i_++;
    return std::string(t_.substr(b, i_ - b));
  }

  // One brace level at nesting depth `depth` (t_[i_] is its '{'). Its members are either all
  // sub-arrays or all elements; every level at one depth has the same length.
  void ReadLevel(size_t depth, ArrayLiteral* out) {
    if (depth >= static_cast<size_t>(kMaxArrayDims))
      throw Error(sqlstate::kProgramLimitExceeded, "number of array dimensions (" + std::to_string(depth + 1) +
                                                       ") exceeds the maximum allowed (" + std::to_string(kMaxArrayDims) + ")");
    i_++;
    SkipSpace();
    NeedMore();
    if (At() == '}') {
      if (depth > 0) Unexpected('}');  // only the whole array may be empty
      i_++;
      return;
    }
    int32_t count = 0;
    bool subarrays = At() == '{';
    for (;;) {
      SkipSpace();
      NeedMore();
      if (subarrays) {
        if (At() == '}' || At() == ',') Unexpected(At());
        if (At() != '{') Bad("Unexpected array element.");
        ReadLevel(depth + 1, out);
      } else {
        if (At() == '{') Unexpected('{');
        ReadElement(out);
      }
      count++;
      SkipSpace();
      NeedMore();
      char c = At();
      if (c == ',') { i_++; continue; }
      if (c == '}') { i_++; break; }
      if (c == '{') Unexpected('{');
      Bad("Unexpected array element.");
    }
    // every level at this depth matches the first one, and elements all sit at one depth
    if (dims_.size() <= depth) dims_.resize(depth + 1, -1);
    if (dims_[depth] < 0) dims_[depth] = count;
    else if (dims_[depth] != count) Bad("Multidimensional arrays must have sub-arrays with matching dimensions.");
    int d = static_cast<int>(depth);
    if (subarrays ? leaf_depth_ >= 0 && leaf_depth_ <= d : leaf_depth_ >= 0 && leaf_depth_ != d)
      Bad("Multidimensional arrays must have sub-arrays with matching dimensions.");
    if (!subarrays) leaf_depth_ = d;
  }

  // A quoted element, or an unquoted one up to an unescaped ',' or '}' (surrounding whitespace
  // dropped; only an unquoted, unescaped NULL is a null).
  void ReadElement(ArrayLiteral* out) {
    std::string item;
    bool quoted = false, escaped = false;
    if (At() == '"') {
      quoted = true;
      i_++;
      for (;;) {
        NeedMore();
        char c = t_[i_++];
        if (c == '"') break;
        if (c == '\\') {
          NeedMore();
          c = t_[i_++];
        }
        item += c;
      }
    } else {
      size_t keep = 0;  // length without trailing unescaped whitespace
      for (;;) {
        NeedMore();
        char c = At();
        if (c == ',' || c == '}') break;
        if (c == '"') Bad("Unexpected array element.");
        if (c == '{') Unexpected('{');
        i_++;
        if (c == '\\') {
          NeedMore();
          item += t_[i_++];
          escaped = true;
          keep = item.size();
          continue;
        }
        item += c;
        if (!ArraySpace(c)) keep = item.size();
      }
      item.resize(keep);
      if (item.empty() && !escaped) Unexpected(At());
    }
    out->nulls.push_back(!quoted && !escaped && IsNullWord(item));
    out->items.push_back(std::move(item));
  }

  std::string_view t_;
  size_t i_ = 0;
  std::vector<int32_t> dims_;  // each depth's length, as first seen
  int leaf_depth_ = -1;        // the depth elements sit at, once one is seen
};
}  // namespace

ArrayLiteral ParseArrayText(std::string_view text) { return LiteralReader(text).Read(); }

}  // namespace tusk
