// Text search configurations: a parser (Tusk has PostgreSQL's default one) and, per token
// type, the dictionaries a token goes through. The built-in ones are PostgreSQL 15's: simple
// (every word type through the simple dictionary) and one per Snowball language (word types
// through the language's stemmer, numbers, hosts, URLs ... through simple). regconfig names
// them; users make their own (CREATE TEXT SEARCH CONFIGURATION, catalog/text_search_def.hpp),
// and ts_lookup.hpp finds both. Parsing text through one gives its words and their positions
// (to_tsvector, to_tsquery's operands).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
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
  std::vector<std::shared_ptr<const TsDictionary>> owned;  // the users' dictionaries `map` points at
};

// The built-in configurations (all in pg_catalog); null for an OID none has.
const TsConfig* FindBuiltinTsConfig(uint32_t oid);
const TsConfig* FindBuiltinTsConfig(std::string_view name);
const std::vector<TsConfig>& BuiltinTsConfigs();

// A configuration with `map` (token type -> dictionary OIDs in order), each dictionary found
// by `dictionary` (null: none has the OID, an internal error).
using TsDictionaryResolver = std::function<std::shared_ptr<const TsDictionary>(uint32_t oid)>;
std::shared_ptr<const TsConfig> MakeTsConfig(uint32_t oid, const std::string& name, const std::map<int, std::vector<uint32_t>>& map,
                                             const TsDictionaryResolver& dictionary);
// A configuration's mapping as dictionary OIDs (what COPY = config copies, pg_ts_config_map).
std::map<int, std::vector<uint32_t>> TsConfigMapping(const TsConfig& config);

struct TsWord {
  std::string lexeme;
  int position;  // 1-based; stop words take positions too
};
// The text's lexemes through `config` (PostgreSQL's parsetext; ts_words.hpp has the whole
// of it, for texts to tsvectors).
std::vector<TsWord> ParseTsWords(const TsConfig& config, std::string_view text);

}  // namespace tusk
