// Text search dictionaries: what becomes of one token. The built-in ones are PostgreSQL's
// `simple` (the token in lower case, kept) and the Snowball stemmers (`english_stem`, ...:
// the token in lower case, dropped when a stop word, else stemmed by Debian's libstemmer).
// Users make more of the same two templates (CREATE TEXT SEARCH DICTIONARY; ts_template.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

struct TsDictOption;  // catalog/text_search_def.hpp

class TsDictionary {
 public:
  virtual ~TsDictionary() = default;
  // nullopt: the dictionary does not know the token (the next one is asked); an empty list:
  // a stop word (it takes a position, gives no lexeme); else the lexemes.
  virtual std::optional<std::vector<std::string>> Lexize(std::string_view token) const = 0;
  // Lexize, answered from this thread's memory of recent answers when it can be: words in
  // text follow Zipf's law (a few hundred make most of any text) and stemming is most of
  // to_tsvector's cost. A remembered answer of one lexeme costs no allocation: `one` points
  // at it until this thread's next call; other answers of lexemes come in `more` instead.
  struct Answer {
    enum Outcome : uint8_t { kUnknown, kStop, kLexemes } outcome = kUnknown;
    std::string_view one;            // kLexemes, when `more` is empty: the one lexeme
    std::vector<std::string> more;   // kLexemes: the lexemes, when not remembered as `one`
  };
  void LexizeRemembered(std::string_view token, Answer* answer) const;
  uint32_t oid = 0;
  std::string name;

 private:
  // Which dictionary object this is, for the memory (an address can be reused, this cannot).
  const uint64_t instance_ = NextInstance();
  static uint64_t NextInstance();
};

// The built-in dictionaries (all in pg_catalog), by name (simple, english_stem, ...) or OID;
// null when none. types/tsearch/ts_lookup.hpp finds the catalog's own as well.
const TsDictionary* FindBuiltinTsDictionary(std::string_view name);
const TsDictionary* FindBuiltinTsDictionary(uint32_t oid);
// Each built-in dictionary's template (ts_template.hpp) and options, as pg_ts_dict lists them.
struct BuiltinTsDictionaryInfo {
  uint32_t oid;
  const char* name;
  uint32_t template_oid;
  std::string init_options;  // "language = 'english', stopwords = 'english'"; "" none
};
std::vector<BuiltinTsDictionaryInfo> BuiltinTsDictionaries();

// A dictionary of template simple (options stopwords, accept) or snowball (language,
// stopwords), its options checked in order as PostgreSQL's dsimple_init / dsnowball_init check
// them, with their errors (22023, 42601, 42704; F0000 for a stop-word list Tusk does not have).
std::shared_ptr<const TsDictionary> MakeSimpleDictionary(const std::vector<TsDictOption>& options);
std::shared_ptr<const TsDictionary> MakeSnowballDictionary(const std::vector<TsDictOption>& options);

}  // namespace tusk
