// The document of a headline as words (PostgreSQL's hlparsetext): every token the parser
// gives, blanks and tags included, in order; those the configuration turns into a lexeme
// numbered as to_tsvector numbers them and tied to the query operands the lexeme matches (an
// operand with :* matches the lexemes it begins).
#include <algorithm>

#include "common/notices.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_headline.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

std::vector<HlWord> HeadlineWords(const TsConfig& config, std::string_view text, const TsQuery& q, int* last_position) {
  std::vector<HlWord> words;
  int position = last_position ? *last_position : 0;
  for (TsParsedToken& token : ParseDefaultTokens(text)) {
    if (token.text.size() >= static_cast<size_t>(kTsMaxLexemeBytes)) {  // left out of the headline too
      RaiseNotice({"NOTICE", "54000", "word is too long to be indexed", "Words longer than 2047 characters are ignored."});
      continue;
    }
    const size_t type = static_cast<size_t>(token.type);
    HlWord word;
    word.type = token.type;
    word.text = std::move(token.text);
    words.push_back(std::move(word));
    if (type >= config.map.size()) continue;
    for (const TsDictionary* dict : config.map[type]) {
      std::optional<std::vector<std::string>> lexemes = dict->Lexize(words.back().text);
      if (!lexemes) continue;
      position++;
      const size_t at = words.size() - 1;
      for (const std::string& lexeme : *lexemes) {
        words[at].pos = std::min(position, kTsMaxPosition);
        for (size_t i = 0; i < q.items.size(); i++) {
          const TsQueryItem& it = q.items[i];
          if (it.op != TsOp::kOperand) continue;
          bool match = it.prefix ? lexeme.compare(0, it.word.size(), it.word) == 0 && lexeme.size() >= it.word.size()
                                 : lexeme == it.word;
          if (!match) continue;
          if (words[at].item < 0) {
            words[at].item = static_cast<int>(i);
          } else {
            HlWord copy = words[at];
            copy.item = static_cast<int>(i);
            copy.repeated = true;
            words.push_back(std::move(copy));
          }
        }
      }
      break;
    }
  }
  if (last_position) *last_position = position;
  return words;
}

}  // namespace tusk
