// Selectivity estimates from ANALYZE's statistics (catalog/statistics.hpp): the fraction of a
// table's rows a comparison of one column with a constant keeps, worked out as PostgreSQL's
// eqsel / scalarineqsel do: the most common values count exactly, the rest is spread evenly
// over the other distinct values (equality) or read off the histogram (ranges).
#pragma once
#include <optional>
#include <string>

#include "catalog/statistics.hpp"

namespace tusk {

// `op` is one of = < <= > >=; `v` has the column's type. nullopt when the statistics cannot
// tell (no histogram for a range on values outside the most common ones).
std::optional<double> ComparisonSelectivity(const ColumnStatistics& c, double reltuples, const std::string& op,
                                            const Value& v);

}  // namespace tusk
