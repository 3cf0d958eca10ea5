// Text search configurations: a parser (Tusk has PostgreSQL's default one) and, per token
// type, the dictionaries a token goes through. The built-in ones are PostgreSQL 15's: simple
// (every word type through the simple dictionary) and one per Snowball language (word types
// through the language's stemmer, numbers, hosts, URLs ... through simple). regconfig names
// them. Parsing text through one gives its words and their positions (to_tsvector,
// to_tsquery's operands).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/tsearch/ts_dictionary.hpp"

namespace tusk {

struct TsConfig {
  uint32_t oid = 0;
  std::string name;
  std::vector<std::vector<const TsDictionary*>> map;  // by token type id (0 unused)
};

const TsConfig* FindTsConfig(uint32_t oid);
// A name as regconfig reads it: "english" or "pg_catalog.english" (any case of letters is the
// identifier's); 42704 when there is none.
const TsConfig& TsConfigByName(std::string_view name);
const std::vector<TsConfig>& TsConfigs();

// regconfig's text input and output.
uint32_t ParseRegconfig(std::string_view text);
std::string FormatRegconfig(uint32_t oid);

struct TsWord {
  std::string lexeme;
  int position;  // 1-based; stop words take positions too
};
// The text's lexemes through `config` (PostgreSQL's parsetext; ts_words.hpp has the whole
// of it, for texts to tsvectors).
std::vector<TsWord> ParseTsWords(const TsConfig& config, std::string_view text);

}  // namespace tusk
