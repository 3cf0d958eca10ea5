// libFuzzer target: COPY FROM's binary format (copy/copy_binary.hpp), the bytes a client
// sends after COPY ... FROM STDIN (FORMAT binary). The reader and each field's binary input must
// refuse bad data with a SQLSTATE; rows it accepts, written again (AppendCopyBinaryRow) and read
// back, must give the same bytes.
//
// Input: byte 0 the number of columns (1-4), bytes 1-4 their types, byte 5 the chunk size the
// data arrives in (1-64 bytes, as a client's CopyData messages cut it anywhere); the rest is
// the COPY data.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "copy/copy_binary.hpp"
#include "findings.hpp"
#include "types/binary_io.hpp"
#include "types/type.hpp"

namespace {

using namespace tusk;
using fuzz::CheckState;
using fuzz::Finding;

const Type kTypes[] = {Type(oid::kInt4), Type(oid::kText), Type(oid::kNumeric), Type(oid::kTimestamptz),
                       Type(oid::kBytea), Type(oid::kInt4).ArrayOf(), Type(oid::kUuid), Type(oid::kJsonb)};

// Reads the whole input as COPY data; the rows' values, or nothing when it was refused.
std::optional<std::vector<Row>> ReadAll(const std::string& data, size_t chunk, const std::vector<Type>& types) {
  size_t pos = 0;
  CopyBinaryReader reader([&](std::string* out) {
    if (pos >= data.size()) return false;
    *out = data.substr(pos, chunk);
    pos += out->size();
    return true;
  });
  std::vector<Row> rows;
  try {
    reader.ReadHeader();
    std::vector<std::optional<std::string>> fields;
    while (reader.ReadRow(types.size(), &fields)) {
      Row row;
      for (size_t i = 0; i < types.size(); i++) row.push_back(fields[i] ? DecodeBinary(types[i], *fields[i]) : Value::Null());
      rows.push_back(std::move(row));
    }
  } catch (const Error& e) {
    CheckState(e);
    return std::nullopt;
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped the COPY reader: ") + e.what());
    return std::nullopt;
  }
  return rows;
}

std::string WriteAll(const std::vector<Row>& rows, const std::vector<Type>& types) {
  std::string out = CopyBinaryHeader();
  for (const Row& r : rows) AppendCopyBinaryRow(types, r, &out);
  return out + CopyBinaryTrailer();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  std::vector<Type> types;
  for (size_t i = 0; i < static_cast<size_t>(data[0] % 4 + 1); i++) types.push_back(kTypes[data[1 + i] % 8]);
  size_t chunk = data[5] % 64 + 1;
  std::string copy(reinterpret_cast<const char*>(data + 6), size - 6);
  auto rows = ReadAll(copy, chunk, types);
  if (!rows) return 0;
  std::string again = WriteAll(*rows, types);
  auto reread = ReadAll(again, 64, types);
  if (!reread) {
    Finding("COPY data written from accepted rows was refused");
    return 0;
  }
  if (WriteAll(*reread, types) != again) Finding("COPY binary rows not stable through write and read");
  return 0;
}
