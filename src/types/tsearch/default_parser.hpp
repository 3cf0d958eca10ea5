// PostgreSQL 15's default text-search parser (the one ts_parse('default', ...) and the
// built-in configurations use), reimplemented: the same token boundaries and the same 23
// token types, byte for byte, for UTF-8 text in a C.UTF-8 database.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

// One token: its type id (1..23, as ts_token_type('default') numbers them) and its text.
struct TsParsedToken {
  int type;
  std::string text;
};

// The default parser's token type ids.
enum TsDefaultTokenType : int {
  kTsAsciiWord = 1,
  kTsWord = 2,
  kTsNumWord = 3,
  kTsEmail = 4,
  kTsUrl = 5,
  kTsHost = 6,
  kTsSciFloat = 7,
  kTsVersion = 8,
  kTsHwordNumPart = 9,
  kTsHwordPart = 10,
  kTsHwordAsciiPart = 11,
  kTsBlank = 12,
  kTsTag = 13,
  kTsProtocol = 14,
  kTsNumHword = 15,
  kTsAsciiHword = 16,
  kTsHword = 17,
  kTsUrlPath = 18,
  kTsFile = 19,
  kTsFloat = 20,
  kTsInt = 21,
  kTsUint = 22,
  kTsEntity = 23,
};

// Splits text into tokens as ts_parse('default', text) does, in order: blanks (type 12)
// included, and a hyphenated word followed by its parts. text should be valid UTF-8 (a stray
// byte is taken as a one-byte character that belongs to no class).
std::vector<TsParsedToken> ParseDefaultTokens(std::string_view text);
// The same tokens handed over one by one, without copying their text.
void ForEachDefaultToken(std::string_view text, const std::function<void(int type, std::string_view token)>& each);

// The 23 token types in id order, with ts_token_type('default')'s alias and description.
struct TsTokenTypeInfo {
  int id;
  const char* alias;
  const char* description;
};
const std::vector<TsTokenTypeInfo>& DefaultTokenTypes();

}  // namespace tusk
