// Row encoding for stored values: self-describing, so a row decodes without its schema.
//   row     varint column count, then per column one value
//   value   tag byte (Value::Kind) then: bool 1 byte; int zigzag varint; float 8 bytes LE;
//           str varint length + bytes; interval 8+4+4 bytes LE; array varint lower bound,
//           varint count, values
// Columns added later by ALTER TABLE are absent from old rows and read as NULL/default.
#pragma once
#include <string>
#include <string_view>

#include "types/value.hpp"

namespace tusk {

void EncodeRow(const Row& row, std::string* out);
// Decodes a row; throws XX001 (data corrupted) on malformed bytes.
Row DecodeRow(std::string_view bytes);
// The same into `out`, whose storage is reused (a scan decodes each row into the last one's).
void DecodeRowInto(std::string_view bytes, Row* out);
void AppendVarint(uint64_t v, std::string* out);
bool ReadVarint(std::string_view* in, uint64_t* v);

}  // namespace tusk
