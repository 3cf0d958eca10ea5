// Memcomparable key encoding: byte order of encoded keys equals SQL order of the values.
//
// Each column of a key is   [marker][payload]
//   marker   0x01 NULL when NULLs sort first, 0x02 a value, 0x03 NULL when NULLs sort last
//   payload  (omitted for NULL; every byte inverted for DESC columns)
//     bool                      1 byte 0/1
//     int2/4/8, date, time,
//     timestamp[tz], enum, oid  8 bytes big-endian, sign bit flipped
//     float4/8                  IEEE bits, big-endian: sign bit flipped for >= 0, all bits
//                               inverted for < 0; -0 is encoded as 0; NaN sorts last
//     numeric                   class byte (1 neg, 2 zero, 3 pos, 4 NaN), then for non-zero:
//                               2-byte exponent of the leading digit (sign-flipped) and the
//                               significant digits as ASCII, ending 0x00; all inverted for
//                               negatives (terminator 0xFF)
//     text, bytea, uuid, json   bytes with 0x00 escaped as 0x00 0xFF, ending 0x00 0x01
//                               (char(n): trailing spaces removed first)
//     interval                  16-byte span (30-day months, 24-hour days) in µs, sign-flipped
//     arrays                    0x01 + element (marker+payload) per element, ending 0x00
// The encoding is prefix-free per column, so composite keys compare column by column.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

struct KeyColumnOrder {
  bool desc = false;
  bool nulls_first = false;  // PostgreSQL default: NULLS LAST for ASC, NULLS FIRST for DESC
};

void EncodeKeyValue(const Type& t, const Value& v, KeyColumnOrder order, std::string* out);
// Relation prefixes: every row of relation `rel` (table or index) lives under 'r' + rel (4 bytes
// big-endian).
std::string RelationPrefix(uint32_t rel);
// The relation a key belongs to (0 for a key shorter than a prefix).
uint32_t RelationOfKey(std::string_view key);
void AppendUint32BE(uint32_t v, std::string* out);
void AppendUint64BE(uint64_t v, std::string* out);
uint64_t ReadUint64BE(const char* p);
// The smallest key greater than every key that starts with `prefix`.
std::string PrefixSuccessor(std::string prefix);

}  // namespace tusk
