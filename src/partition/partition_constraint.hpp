// pg_get_partition_constraintdef: the condition every row of a partition meets, implied by its
// bound and its ancestors', printed as PostgreSQL 15 builds and prints it (psql's \d+ of a
// partition shows it as "Partition constraint:").
#pragma once
#include <optional>
#include <string>

#include "catalog/catalog.hpp"

namespace tusk {

struct ExecState;

// Null for a table that is not a partition (and for a DEFAULT partition with no siblings).
std::optional<std::string> PartitionConstraintText(ExecState* st, const TableDef& partition);

}  // namespace tusk
