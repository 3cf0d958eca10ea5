// Partition pruning at plan time: which partitions of a partitioned table can hold rows that
// satisfy a scan's conditions. Only comparisons of a key column (or key expression, matched
// as bound: `lower(name) = 'x'` for a key on lower(name)) with constants count
// (=, <, <=, >, >=, IN (...), IS NULL); a partition is dropped only when its bound proves
// that none of its rows can qualify, so pruning never changes a result.
#pragma once
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"
#include "partition/key_parts.hpp"

namespace tusk {

// The direct partitions of `parent` (in PostgreSQL's order: by bound, DEFAULT last) that `conds` (bound over the parent's
// columns) leave.
std::vector<const TableDef*> PrunePartitions(const Catalog& cat, const TableDef& parent, const std::vector<ExprP>& conds,
                                             PartitionKeyParts& keys);
// The leaf partitions below `table` the conditions leave, in PostgreSQL's order (a partition
// partitioned again gives its leaves in its place).
std::vector<const TableDef*> PrunedLeaves(const Catalog& cat, const TableDef& table, const std::vector<ExprP>& conds,
                                          PartitionKeyParts& keys);

// Run-time pruning: the conditions with each comparison's side that reads no row and calls
// nothing volatile (a parameter, now(), a cast of either) evaluated now, as constants; null when
// no condition has such a side, so there is nothing to prune at run time.
std::vector<ExprP> ConditionsAtRunTime(const std::vector<ExprP>& conds, EvalContext& ctx);
bool PrunableAtRunTime(const std::vector<ExprP>& conds);

}  // namespace tusk
