// Character classes as PostgreSQL's text search sees them (ts_locale.c): a one-byte
// character by the C library's isspace/isalpha/isdigit, a longer one by iswspace/... in the
// database's LC_CTYPE. Tusk's is C.UTF-8, as the oracle's (DESIGN.md, Collation).
#pragma once
#include <locale.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

// C.UTF-8's LC_CTYPE, for the *_l classification functions.
locale_t TsUtf8Locale();
// The code point of one UTF-8 character (a stray byte: its value).
uint32_t TsCodePoint(std::string_view ch);

// The length in bytes of the UTF-8 character starting at s[0] (1 for a stray byte), capped
// at what is left of s.
size_t TsCharLength(std::string_view s);
bool TsIsSpace(std::string_view ch);  // ch: one character, as TsCharLength cut it
bool TsIsAlpha(std::string_view ch);
bool TsIsDigit(std::string_view ch);
// Lower case as PostgreSQL's str_tolower does in a C.UTF-8 database (towlower per character).
std::string TsLower(std::string_view s);

}  // namespace tusk
