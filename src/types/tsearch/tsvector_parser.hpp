// The word reader shared by tsvector input and tsquery operands (PostgreSQL's
// gettoken_tsvector): words end at white space (and, in a tsquery, at an operator character or
// ':'); 'quoted words' may hold anything, with '' for a quote; a backslash takes the next
// character as it is. In a tsvector a word may be followed by :positions with weights.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

struct TsToken {
  std::string word;
  std::vector<uint16_t> positions;  // WordEntryPos values as written (tsvector only)
};

class TsWordReader {
 public:
  // `in_tsquery`: words end at tsquery operators and at ':' (the caller reads weights).
  // `web` (websearch_to_tsquery): quotes and backslashes are plain characters, '"' ends a word.
  TsWordReader(std::string_view text, bool in_tsquery, bool web = false) : text_(text), in_tsquery_(in_tsquery), web_(web) {}

  // The next word from `offset()` on; false at the end of the text.
  bool Next(TsToken* token);
  size_t offset() const { return at_; }
  void set_offset(size_t at) { at_ = at; }

 private:
  [[noreturn]] void SyntaxError() const;
  std::string_view Char() const;  // the character at at_ (empty at the end)
  bool Is(char c) const { return at_ < text_.size() && text_[at_] == c; }

  std::string_view text_;
  bool in_tsquery_;
  bool web_;
  size_t at_ = 0;
};

// True for the characters that are tsquery operators (ISOPERATOR).
inline bool IsTsOperatorChar(char c) { return c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<'; }

}  // namespace tusk
