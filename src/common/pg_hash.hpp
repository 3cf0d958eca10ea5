// PostgreSQL's hash functions (Bob Jenkins' lookup3 as src/common/hashfn.c adapts it), bit for
// bit: the SQL functions hashint4, hashtext, hashint8extended, ... return what PostgreSQL's do,
// and hash partitioning must send every row to the partition PostgreSQL would.
#pragma once
#include <cstdint>
#include <string_view>

namespace tusk {

// hash_bytes / hash_bytes_extended (seed 0: no seed).
uint32_t PgHashBytes(std::string_view bytes);
uint64_t PgHashBytesExtended(std::string_view bytes, uint64_t seed);
// hash_bytes_uint32 / hash_bytes_uint32_extended: as the four bytes of k, little-endian.
uint32_t PgHashUint32(uint32_t k);
uint64_t PgHashUint32Extended(uint32_t k, uint64_t seed);
// hashint8's fold of a bigint to 32 bits, so that equal values of int2, int4 and int8 hash alike.
uint32_t PgInt8HashKey(int64_t v);
// hash_combine64: how hash partitioning folds each key column's hash into the row's.
inline uint64_t PgHashCombine64(uint64_t a, uint64_t b) {
  a ^= b + 0x49a0f4dd15e5a8e3ULL + (a << 54) + (a >> 7);
  return a;
}
// The seed hash partitioning passes to each column's extended hash function.
constexpr uint64_t kPgHashPartitionSeed = 0x7A5B22367996DCFDULL;

}  // namespace tusk
