// The pieces of PostgreSQL's binary send/receive format that tsvector and tsquery share:
// big-endian integers and NUL-ended UTF-8 strings.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace tusk {

inline void PutBigEndian(uint64_t x, int bytes, std::string* out) {
  for (int i = bytes - 1; i >= 0; i--) out->push_back(static_cast<char>((x >> (8 * i)) & 0xff));
}

class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : b_(bytes) {}
  uint64_t Int(int bytes) {
    if (b_.size() < static_cast<size_t>(bytes)) throw Error(sqlstate::kInvalidBinaryRepresentation, "insufficient data left in message");
    uint64_t x = 0;
    for (int i = 0; i < bytes; i++) x = (x << 8) | static_cast<unsigned char>(b_[i]);
    b_.remove_prefix(bytes);
    return x;
  }
  std::string CString() {
    size_t nul = b_.find('\0');
    if (nul == std::string_view::npos) throw Error(sqlstate::kInvalidBinaryRepresentation, "invalid string in message");
    std::string s(b_.substr(0, nul));
    b_.remove_prefix(nul + 1);
    VerifyUtf8(s);
    return s;
  }
  size_t left() const { return b_.size(); }
  void ExpectEnd() const {
    if (!b_.empty()) throw Error(sqlstate::kInvalidBinaryRepresentation, "incorrect binary data format");
  }

 private:
  std::string_view b_;
};

}  // namespace tusk
