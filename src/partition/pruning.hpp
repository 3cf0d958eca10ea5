// Partition pruning at plan time: which partitions of a partitioned table can hold rows that
// satisfy a scan's conditions. Only comparisons of a key column with constants count
// (=, <, <=, >, >=, IN (...), IS NULL); a partition is dropped only when its bound proves
// that none of its rows can qualify, so pruning never changes a result.
#pragma once
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"

namespace tusk {

// The direct partitions of `parent` (in PostgreSQL's order: by bound, DEFAULT last) that `conds` (bound over the parent's
// columns) leave.
std::vector<const TableDef*> PrunePartitions(const Catalog& cat, const TableDef& parent, const std::vector<ExprP>& conds);

}  // namespace tusk
