// Text search dictionaries: what becomes of one token. The built-in ones are PostgreSQL's
// `simple` (the token in lower case, kept) and the Snowball stemmers (`english_stem`, ...:
// the token in lower case, dropped when a stop word, else stemmed by Debian's libstemmer).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

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

// The built-in dictionaries, by name (simple, english_stem, ...) or OID; null when none.
const TsDictionary* FindTsDictionary(std::string_view name);
const TsDictionary* FindTsDictionary(uint32_t oid);

}  // namespace tusk
