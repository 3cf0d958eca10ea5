// Foreign keys that reference a partitioned table. The referenced key holds the partition key,
// so a lookup goes to the one partition the key routes to (engine/table_writer.cpp), and a row
// of any partition below the referenced table is a referenced row.
#pragma once
#include <cstdint>
#include <string>

#include "catalog/catalog.hpp"

namespace tusk {

// Is `table` the table `ref` or one of its partitions, at any depth?
bool IsTableOrPartitionOf(const Catalog& cat, const TableDef& table, uint32_t ref);

// The name of the copy of foreign key `fk` (of table `referencing`) that PostgreSQL keeps on
// `partition`, a partition below the referenced table; errors about that partition's rows name
// it. PostgreSQL stores a copy per partition; Tusk derives the name as PostgreSQL chose it: the
// partitions that existed when the key was made, depth first in bound order, then those made
// later in the order they were made, each taking the first of <table>_<columns>_fkey, ..._fkey1,
// ... that no constraint of the referencing table and no earlier copy holds.
std::string ReferencedPartitionConstraintName(const Catalog& cat, const TableDef& referencing, const ConstraintDef& fk,
                                              uint32_t partition);

struct ExecState;
// ALTER TABLE ... DETACH PARTITION: 23503 "removing partition ... violates foreign key
// constraint" when a row of a referencing table holds a key of `partition`'s rows.
void CheckDetachKeepsReferences(ExecState* st, const Catalog& cat, const TableDef& partition);

}  // namespace tusk
