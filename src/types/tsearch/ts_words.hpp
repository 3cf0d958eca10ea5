// Text to the words a configuration makes of it, with their positions (PostgreSQL's
// parsetext), and those words to a stored tsvector (make_tsvector). to_tsvector runs this for
// every row it is given, so the words' bytes live in one buffer: no lexeme is built apart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

struct TsConfig;

struct TsWords {
  struct Word {
    uint32_t offset;  // into bytes
    uint32_t length;
    int position;     // 1-based; stop words take positions too
  };
  std::string bytes;
  std::vector<Word> words;
  std::string_view Lexeme(const Word& w) const { return std::string_view(bytes).substr(w.offset, w.length); }
};

// Appends the text's words through `config`, numbering on from `*position` (the last position
// given so far, 0 to start) and leaving it at this text's last: several texts can make one
// tsvector (tsvector_update_trigger's columns). Tokens of 2047 bytes or more are skipped with
// a NOTICE, as PostgreSQL does.
void AppendTsWords(const TsConfig& config, std::string_view text, int* position, TsWords* out);

// The stored tsvector of the words: lexemes sorted and merged, each with its positions in
// order, one position fewer per lexeme than tsvector input keeps; 54000 when too long.
std::string EncodeTsWords(const TsWords& words);

}  // namespace tusk
