// One column's statistics from a sample of its values, computed as PostgreSQL 15's ANALYZE
// computes them (commands/analyze.c: compute_scalar_stats for types with an ordering,
// compute_trivial_stats for the others), so that a table small enough to be read whole gets
// the same pg_stats as in PostgreSQL.
#pragma once
#include <vector>

#include "catalog/statistics.hpp"

namespace tusk {

// `sample`: the column's values in storage order, NULLs included. `total_rows`: the table's
// row count the sample was drawn from. `target`: default_statistics_target (the most MCVs
// and histogram buckets).
ColumnStatistics ComputeColumnStatistics(const Type& type, const std::vector<Value>& sample, double total_rows,
                                         int target);

// The bytes a value takes in PostgreSQL's storage (VARSIZE_ANY of the stored datum), for
// avg_width: exact for fixed-width types, text, varchar, char(n), bytea and numeric; an
// estimate for arrays and JSON.
int StoredWidth(const Type& type, const Value& v);

}  // namespace tusk
