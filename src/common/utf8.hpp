// UTF-8 characters, and case mapping as PostgreSQL's lower() / upper() / ILIKE do it in a
// C.UTF-8 database: character by character with the C library's towlower / towupper.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

// The length in bytes of the character starting at s[0] (1 for a stray byte), capped at s's size.
size_t Utf8CharLength(std::string_view s);
// The code point of one character (a stray byte: its value).
uint32_t Utf8CodePoint(std::string_view ch);
void AppendUtf8(uint32_t code_point, std::string* out);

std::string Utf8Lower(std::string_view s);
std::string Utf8Upper(std::string_view s);

}  // namespace tusk
