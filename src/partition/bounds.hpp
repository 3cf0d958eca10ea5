// Which key values a partition bound holds: range bounds compared datum by datum (MINVALUE
// below and MAXVALUE above every value), list membership, and hash partitioning's row hash as
// PostgreSQL 15 computes it (each key column's extended hash with the partition seed, folded
// with hash_combine64), so that rows land in the partitions PostgreSQL would put them in.
#pragma once
#include <cstdint>
#include <vector>

#include "partition/partition_def.hpp"

namespace tusk {

// Orders two range bounds (`lower`: is it a lower bound; an upper bound is exclusive, so it
// sorts before a lower bound of the same values). <0, 0, >0; *column (if given) receives the key
// column that decided.
int CompareRangeBounds(const std::vector<Type>& types, const std::vector<RangeDatum>& a, bool a_lower,
                       const std::vector<RangeDatum>& b, bool b_lower, size_t* column = nullptr);
// Orders a range bound against key values (none NULL): <0 when the bound is below them.
int CompareBoundToKey(const std::vector<Type>& types, const std::vector<RangeDatum>& bound, const std::vector<Value>& key);
// One key column's hash as PostgreSQL's hash opclass support function gives it with the
// partition seed; 0A000 for types whose hash is not PostgreSQL's here yet.
uint64_t PartitionColumnHash(const Type& t, const Value& v);
// Throws 0A000 when hash partitioning cannot hash type t.
void CheckHashableKeyType(const Type& t);
// The default hash operator class of a type hash partitioning can hash; 0 for the others.
uint32_t HashOpclassOid(const Type& t);
uint64_t PartitionRowHash(const std::vector<Type>& types, const std::vector<Value>& key);
// Does the (non-default) bound hold a row with these key values?
bool BoundHolds(char strategy, const std::vector<Type>& types, const PartitionBoundDef& bound, const std::vector<Value>& key);

}  // namespace tusk
