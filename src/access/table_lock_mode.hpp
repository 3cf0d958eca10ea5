// The eight table lock modes of PostgreSQL, weakest first (access/table_locks.hpp).
#pragma once
#include <cstdint>

namespace tusk {

enum class TableLockMode : uint8_t {
  kAccessShare = 1,
  kRowShare,
  kRowExclusive,
  kShareUpdateExclusive,
  kShare,
  kShareRowExclusive,
  kExclusive,
  kAccessExclusive,
};

}  // namespace tusk
