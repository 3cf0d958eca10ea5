// Partition-wise aggregation, as PostgreSQL's with enable_partitionwise_aggregate = on: a
// grouped query over one partitioned table whose GROUP BY holds the table's partition key
// (columns or expressions; and those of partitioned partitions) has each group in one leaf, so each partition is aggregated
// (and HAVING filtered) apart and the results appended: smaller hash tables, one at a time.
// A GROUP BY without the key (PostgreSQL's partial aggregation) is aggregated whole.
#pragma once
#include <string>

#include "execution/operators.hpp"

namespace tusk {

class Planner;

// The Append of per-partition aggregates replacing AggregateOp(input, groups, aggs) [+ HAVING],
// or null when it does not apply: `input` is the scan of partitioned `table`, named `alias` in
// the query (whose names are `qualified` or not), its rows `table_width` columns wide, then its
// tableoid, which the query must not read here.
OpP PartitionwiseAggregate(Planner& planner, const OpP& input, const TableDef& table, const std::string& alias, bool qualified,
                           int table_width, const std::vector<ExprP>& groups, const std::vector<AggSpec>& aggs, const ExprP& having);

}  // namespace tusk
