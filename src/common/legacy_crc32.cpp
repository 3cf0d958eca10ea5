#include "common/legacy_crc32.hpp"

#include <array>

namespace tusk {

uint32_t LegacyCrc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t crc = 0xffffffffu;
  for (unsigned char b : bytes) crc = table[((crc >> 24) ^ b) & 0xff] ^ (crc << 8);
  return crc ^ 0xffffffffu;
}

}  // namespace tusk
