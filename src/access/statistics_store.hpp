// Where ANALYZE's figures live, in two keys per table:
//   "T" + OID  column statistics, written in ANALYZE's transaction (a rolled-back ANALYZE
//              leaves the earlier ones) and read by a statement through its snapshot (pg_stats);
//   "P" + OID  row and page counts (pg_class.reltuples / relpages), written outside any
//              transaction, as PostgreSQL updates pg_class in place: they stay after a rollback.
// The planner reads both from a cache of the committed values: estimates need no snapshot,
// and planning must not pay a storage read per table.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "catalog/statistics.hpp"

namespace tusk {

class Store;
struct ExecState;

// The key prefixes of a relation's statistics, for removing them with the relation.
std::string StatisticsKey(uint32_t table);
std::string SizesKey(uint32_t table);

// Unreadable bytes count as never analyzed: statistics are advice.
std::optional<TableStatistics> ReadTableStatistics(ExecState* st, uint32_t table);
void WriteTableStatistics(ExecState* st, uint32_t table, const TableStatistics& s);
std::optional<RelationSizes> ReadRelationSizes(Store* store, uint32_t table);
void WriteRelationSizes(Store* store, uint32_t table, const RelationSizes& s);

// What the planner knows of a table.
struct PlannerStatistics {
  RelationSizes sizes;
  TableStatistics table;
};

// The committed statistics of every table, loaded on first use and forgotten when ANALYZE
// writes new ones (again when its transaction commits).
class StatisticsCache {
 public:
  explicit StatisticsCache(Store* store) : store_(store) {}
  // Null when the table was never analyzed.
  std::shared_ptr<const PlannerStatistics> Get(uint32_t table);
  void Forget(uint32_t table);

 private:
  Store* store_;
  std::mutex mu_;
  std::map<uint32_t, std::shared_ptr<const PlannerStatistics>> loaded_;
};

}  // namespace tusk
