// Planner statistics of a table, as ANALYZE gathers them (PostgreSQL's pg_statistic and
// pg_class.reltuples / relpages): per column the NULL fraction, average width, number of
// distinct values, most common values with their frequencies, histogram bounds and the
// correlation of value order with storage order.
//
// They are kept apart from the catalog (which is one serialized value rewritten by every DDL):
// storage keys per table (access/statistics_store.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

struct ColumnStatistics {
  int attnum = 0;           // 1-based column position (pg_attribute.attnum)
  Type type;                // the column's type when analyzed: stale statistics are ignored
  double null_frac = 0;
  int width = 0;            // average stored width in bytes
  double n_distinct = 0;    // > 0 a count, < 0 minus a fraction of the rows, 0 unknown
  std::vector<Value> mcv;   // most common values, most common first
  std::vector<double> mcv_freqs;
  std::vector<Value> histogram;  // bounds of equally populated buckets of the other values
  std::optional<double> correlation;
};

struct TableStatistics {
  std::vector<ColumnStatistics> columns;

  // The column's statistics when they were gathered for its current type; null otherwise.
  const ColumnStatistics* Column(int attnum, const Type& current) const;
};

// pg_class.relpages / reltuples of a table and its indexes as ANALYZE last counted them.
struct IndexSize {
  uint32_t oid = 0;
  int64_t pages = 0;
  double tuples = 0;  // a partial index: the rows its predicate admits
};
struct RelationSizes {
  double reltuples = -1;    // -1: never analyzed (PostgreSQL 15's convention)
  int64_t relpages = 0;
  std::vector<IndexSize> indexes;
};

// Both throw XX001 on malformed bytes.
std::string EncodeTableStatistics(const TableStatistics& s);
TableStatistics DecodeTableStatistics(std::string_view bytes);
std::string EncodeRelationSizes(const RelationSizes& s);
RelationSizes DecodeRelationSizes(std::string_view bytes);

}  // namespace tusk
