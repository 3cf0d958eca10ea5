// Routing rows to partitions: the leaf of a partitioned table that takes a row, and whether a row
// belongs in a given partition (its bound, and those of the partitioned tables above it).
// Rows are in the root's column layout, which every partition shares (partition_ddl.hpp).
#pragma once
#include <cstdint>
#include <map>
#include <vector>

#include "catalog/catalog.hpp"
#include "partition/key_parts.hpp"
#include "partition/partition_def.hpp"
#include "types/datetime.hpp"

namespace tusk {

using Row = std::vector<Value>;

class PartitionRouter {
 public:
  // `keys` computes each level's key values of a row (and outlives the router).
  PartitionRouter(const Catalog& cat, const TableDef& root, PartitionKeyParts* keys);
  // The OID of the leaf partition that takes `row`; 23514 "no partition of relation ... found
  // for row", with the key values in its DETAIL, when there is none.
  uint32_t LeafFor(const Row& row, const DateTimeContext& ctx) const;
  // The same leaf, or 0 when no partition takes the row (a foreign key's lookup).
  uint32_t FindLeaf(const Row& row) const;
  // The partitioned table below which no partition's bound holds `row` (it goes to that
  // table's DEFAULT partition, or nowhere), or null when a bound holds it at every level.
  const TableDef* Unplaced(const Row& row) const;

 private:
  struct Level {
    const TableDef* table = nullptr;
    std::vector<Type> types;
    std::vector<const TableDef*> partitions;  // the DEFAULT partition not among them
    const TableDef* default_partition = nullptr;
  };
  const Level& LevelOf(const TableDef& t) const;
  // The leaf taking `row`, or null when none does. *unplaced: the last partitioned table on the
  // way whose partitions' bounds all refuse the row (null when none refuses it).
  const TableDef* Descend(const Row& row, const TableDef** unplaced) const;
  const Catalog& cat_;
  const TableDef& root_;
  PartitionKeyParts* keys_;
  mutable std::map<uint32_t, Level> levels_;
};

// Does `row` belong in partition `t`: inside its bound and its ancestors' (a DEFAULT partition
// takes what no sibling's bound holds)? Plain tables take every row.
bool RowFitsPartition(const Catalog& cat, const TableDef& t, const Row& row, PartitionKeyParts& keys);

}  // namespace tusk
