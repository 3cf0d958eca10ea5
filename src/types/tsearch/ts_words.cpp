#include "types/tsearch/ts_words.hpp"

#include <algorithm>
#include <numeric>

#include "common/rowcodec.hpp"
#include "common/notices.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

void AppendTsWords(const TsConfig& config, std::string_view text, int* next, TsWords* out) {
  int& position = *next;
  TsDictionary::Answer answer;
  auto add = [&](std::string_view lexeme) {
    out->words.push_back({static_cast<uint32_t>(out->bytes.size()), static_cast<uint32_t>(lexeme.size()),
                          std::min(position, kTsMaxPosition)});
    out->bytes += lexeme;
  };
  ForEachDefaultToken(text, [&](int type, std::string_view token) {
    if (type <= 0 || static_cast<size_t>(type) >= config.map.size() || config.map[type].empty()) return;
    if (token.size() >= static_cast<size_t>(kTsMaxLexemeBytes)) {
      RaiseNotice({"NOTICE", "42601", "word is too long to be indexed", "Words longer than 2047 characters are ignored."});
      return;
    }
    for (const TsDictionary* dict : config.map[type]) {
      dict->LexizeRemembered(token, &answer);
      if (answer.outcome == TsDictionary::Answer::kUnknown) continue;
      position++;  // a stop word takes its position
      if (answer.outcome == TsDictionary::Answer::kStop) break;
      if (answer.more.empty()) add(answer.one);
      for (const std::string& l : answer.more) add(l);
      break;
    }
  });
}

std::vector<TsWord> ParseTsWords(const TsConfig& config, std::string_view text) {
  int position = 0;
  TsWords words;
  AppendTsWords(config, text, &position, &words);
  std::vector<TsWord> out;
  for (const TsWords::Word& w : words.words) out.push_back({std::string(words.Lexeme(w)), w.position});
  return out;
}

std::string EncodeTsWords(const TsWords& in) {
  // The words in lexeme order; a lexeme's positions then come in the order the text gave them,
  // which never decreases.
  std::vector<uint32_t> order(in.words.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = CompareLexemes(in.Lexeme(in.words[a]), in.Lexeme(in.words[b]));
    return c != 0 ? c < 0 : a < b;
  });
  std::string body;
  size_t lexemes = 0, pg_data_bytes = 0;
  std::vector<uint16_t> positions;
  for (size_t i = 0; i < order.size();) {
    std::string_view lexeme = in.Lexeme(in.words[order[i]]);
    positions.clear();
    for (; i < order.size() && in.Lexeme(in.words[order[i]]) == lexeme; i++) {
      const int p = in.words[order[i]].position;
      // As uniquePos, then make_tsvector: each position once, at most 255 of them.
      if (positions.size() < kTsMaxPositions - 1 && (positions.empty() || TsPosition(positions.back()) != p))
        positions.push_back(TsMakePosition(p, 0));
    }
    lexemes++;
    AppendStoredLexeme(lexeme, positions, &body);
    pg_data_bytes = AddPgLexemeSize(pg_data_bytes, lexeme.size(), positions.size());
  }
  if (pg_data_bytes > static_cast<size_t>(kTsMaxStringBytes)) ThrowTsVectorTooLong(pg_data_bytes);
  std::string out;
  AppendVarint(lexemes, &out);
  out += body;
  return out;
}

}  // namespace tusk
