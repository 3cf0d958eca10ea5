// Character classes as PostgreSQL's text search sees them (ts_locale.c): a one-byte
// character by the C library's isspace/isalpha/isdigit, a longer one by iswspace/... in the
// database's LC_CTYPE. Tusk's is C.UTF-8, as the oracle's (DESIGN.md, Collation).
#pragma once
#include <cstddef>
#include <string_view>

namespace tusk {

// The length in bytes of the UTF-8 character starting at s[0] (1 for a stray byte), capped
// at what is left of s.
size_t TsCharLength(std::string_view s);
bool TsIsSpace(std::string_view ch);  // ch: one character, as TsCharLength cut it
bool TsIsAlpha(std::string_view ch);
bool TsIsDigit(std::string_view ch);

}  // namespace tusk
