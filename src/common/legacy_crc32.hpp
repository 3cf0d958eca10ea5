// PostgreSQL's "legacy" CRC-32 (pg_crc.h's LEGACY_CRC32: the table of the reflected polynomial
// 0xEDB88320, fed from the high byte), which PostgreSQL still uses where a value's CRC decides an
// order or a hash others can see: tsquery operands' btree order, pg_trgm's trigrams of
// multibyte characters.
#pragma once
#include <cstdint>
#include <string_view>

namespace tusk {

uint32_t LegacyCrc32(std::string_view bytes);

}  // namespace tusk
