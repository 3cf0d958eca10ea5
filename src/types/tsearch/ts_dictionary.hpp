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
  uint32_t oid = 0;
  std::string name;
};

// The built-in dictionaries, by name (simple, english_stem, ...) or OID; null when none.
const TsDictionary* FindTsDictionary(std::string_view name);
const TsDictionary* FindTsDictionary(uint32_t oid);

}  // namespace tusk
