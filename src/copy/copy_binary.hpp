// COPY's binary format (PostgreSQL's "PGCOPY" files): an 11-byte signature, a flags word and a
// header extension, then per row a field count and each field as a length (-1: NULL) and the
// type's binary send format, and a -1 field count at the end.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

std::string CopyBinaryHeader();
std::string CopyBinaryTrailer();
void AppendCopyBinaryRow(const std::vector<Type>& types, const Row& row, std::string* out);

// Reads binary COPY data from a chunked source. Errors are PostgreSQL's (22P04).
class CopyBinaryReader {
 public:
  explicit CopyBinaryReader(std::function<bool(std::string*)> next) : next_(std::move(next)) {}
  void ReadHeader();
  // The next row's fields as raw bytes (nullopt: NULL); false after the end marker.
  bool ReadRow(size_t expected, std::vector<std::optional<std::string>>* fields);

 private:
  // Makes n bytes available at pos_; false if the data ends first.
  bool Need(size_t n);
  uint32_t Take32();
  uint16_t Take16();
  std::function<bool(std::string*)> next_;
  std::string buf_;
  size_t pos_ = 0;
};

}  // namespace tusk
