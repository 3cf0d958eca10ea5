#include "common/pg_hash.hpp"

namespace tusk {

namespace {

inline uint32_t Rotate(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

inline void Mix(uint32_t& a, uint32_t& b, uint32_t& c) {
  a -= c; a ^= Rotate(c, 4);  c += b;
  b -= a; b ^= Rotate(a, 6);  a += c;
  c -= b; c ^= Rotate(b, 8);  b += a;
  a -= c; a ^= Rotate(c, 16); c += b;
  b -= a; b ^= Rotate(a, 19); a += c;
  c -= b; c ^= Rotate(b, 4);  b += a;
}

inline void Final(uint32_t& a, uint32_t& b, uint32_t& c) {
  c ^= b; c -= Rotate(b, 14);
  a ^= c; a -= Rotate(c, 11);
  b ^= a; b -= Rotate(a, 25);
  c ^= b; c -= Rotate(b, 16);
  a ^= c; a -= Rotate(c, 4);
  b ^= a; b -= Rotate(a, 14);
  c ^= b; c -= Rotate(b, 24);
}

// Bytes [0, n) of p (n <= 4) as a little-endian word, the rest zero: PostgreSQL's byte-wise
// tail, which on a little-endian machine is also what its word-wide path reads.
inline uint32_t Word(const unsigned char* p, size_t n) {
  uint32_t w = 0;
  for (size_t i = 0; i < n; i++) w |= uint32_t(p[i]) << (8 * i);
  return w;
}

// The state after the key's bytes and the final mix: c is hash_bytes' result, (b, c) the
// extended one's. A zero seed is no seed, as in PostgreSQL.
void Hash(std::string_view bytes, uint64_t seed, uint32_t* b_out, uint32_t* c_out) {
  const auto* k = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t len = bytes.size();
  uint32_t a, b, c;
  a = b = c = 0x9e3779b9u + static_cast<uint32_t>(len) + 3923095u;
  if (seed != 0) {  // the seed as a 12-byte chunk padded with zeros
    a += static_cast<uint32_t>(seed >> 32);
    b += static_cast<uint32_t>(seed);
    Mix(a, b, c);
  }
  while (len >= 12) {
    a += Word(k, 4);
    b += Word(k + 4, 4);
    c += Word(k + 8, 4);
    Mix(a, b, c);
    k += 12;
    len -= 12;
  }
  // The last 11 bytes: the lowest byte of c is left to the length.
  if (len > 8) c += Word(k + 8, len - 8) << 8;
  if (len > 4) b += Word(k + 4, len > 8 ? 4 : len - 4);
  if (len > 0) a += Word(k, len > 4 ? 4 : len);
  Final(a, b, c);
  *b_out = b;
  *c_out = c;
}

// k's four bytes, little-endian: hash_bytes_uint32 is hash_bytes of them.
std::string_view Bytes(uint32_t k, char (&buf)[4]) {
  for (int i = 0; i < 4; i++) buf[i] = static_cast<char>(k >> (8 * i));
  return {buf, 4};
}

}  // namespace

uint32_t PgHashBytes(std::string_view bytes) {
  uint32_t b, c;
  Hash(bytes, 0, &b, &c);
  return c;
}

uint64_t PgHashBytesExtended(std::string_view bytes, uint64_t seed) {
  uint32_t b, c;
  Hash(bytes, seed, &b, &c);
  return (uint64_t(b) << 32) | c;
}

uint32_t PgHashUint32(uint32_t k) {
  char buf[4];
  return PgHashBytes(Bytes(k, buf));
}

uint64_t PgHashUint32Extended(uint32_t k, uint64_t seed) {
  char buf[4];
  return PgHashBytesExtended(Bytes(k, buf), seed);
}

uint32_t PgInt8HashKey(int64_t v) {
  const uint32_t low = static_cast<uint32_t>(v), high = static_cast<uint32_t>(static_cast<uint64_t>(v) >> 32);
  return low ^ (v >= 0 ? high : ~high);
}

}  // namespace tusk
