// Small string helpers shared by every layer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);
// A duration setting as PostgreSQL writes it ("250ms", "1s", "2min", "1h", "1d", "30" = ms)
// in milliseconds; 0 when empty or unreadable.
int64_t ParseDurationMs(std::string_view text);
// A memory size as PostgreSQL writes it ("128MB", "2GB", "512kB", "8192" = bytes) in bytes;
// -1 when unreadable.
int64_t ParseMemoryBytes(std::string_view text);
bool IEquals(std::string_view a, std::string_view b);
std::string Trim(std::string_view s);
// Quotes an identifier the way PostgreSQL's quote_ident does: only when needed.
std::string QuoteIdent(std::string_view s);
std::string QuoteLiteral(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// Throws 22021 ("invalid byte sequence for encoding "UTF8": 0x..") unless `s` is valid UTF-8
// without NUL bytes, as PostgreSQL checks text that comes in as bytes.
void VerifyUtf8(std::string_view s);

}  // namespace tusk
