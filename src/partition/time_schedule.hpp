// Automatic time partitions: a table partitioned by RANGE on one date / timestamp / timestamptz
// column can keep partitions of a fixed interval made ahead of time and retire those older than
// a retention period. The schedule is a set of storage parameters only a partitioned table
// takes (PostgreSQL's own partitioned tables take none):
//
//   ALTER TABLE events SET (partition_interval = '1 month', partition_premake = 3,
//                           partition_retention = '12 months');
//
// This file holds the schedule, how it is stored, and the pure part of maintenance: which
// partitions a table should have at a given instant (maintenance.hpp carries them out).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "types/datetime.hpp"

struct PgQuery__Node;

namespace tusk {

class Catalog;
class Value;
struct TableDef;
struct CatalogWriter;
struct CatalogReader;

struct PartitionSchedule {
  Interval every;                    // partition_interval: whole months, or days and time
  int32_t premake = 3;               // partition_premake: partitions made after the current one
  std::optional<Interval> retention; // partition_retention: older partitions are retired
  bool keep_retired = false;         // partition_retention_keep_table: detach instead of drop
  // For a timestamptz key, the zone whose calendar the bounds follow (the session's TimeZone
  // when the interval was set): monthly partitions start at local midnight of the 1st.
  std::string time_zone = "UTC";
};

// ALTER TABLE ... SET (...) / RESET (...) and CREATE TABLE ... WITH (...) on a partitioned
// table. Checks the names and values (22023 as PostgreSQL's unrecognized or invalid
// parameters) and the table's key (a single date / timestamp / timestamptz RANGE column).
// RESET (partition_interval) removes the schedule; resetting the others restores defaults.
void ApplyScheduleOptions(TableDef* t, PgQuery__Node** options, size_t n, bool reset, const std::string& time_zone);

// Catalog format 20: every table's schedule.
void WritePartitionSchedules(CatalogWriter& w, const std::vector<const TableDef*>& tables);
void ReadPartitionSchedules(CatalogReader& r, const std::function<TableDef*(uint32_t)>& table);

// One thing maintenance does to a table.
struct MaintenanceStep {
  enum Action { kCreate, kDrop, kDetach, kSkip };
  Action action = kCreate;
  std::string partition;       // the partition's name (in the parent's schema)
  std::string from, to;        // kCreate / kSkip: the bound's values as SQL literals
  std::string detail;          // kSkip: why
  uint32_t default_partition = 0;  // kCreate: a DEFAULT partition whose rows must be checked
};
const char* MaintenanceActionName(MaintenanceStep::Action a);

// The steps that bring `parent` to its schedule at instant `now` (µs since 2000, UTC): the
// partition holding `now` and `premake` after it, made where no partition covers any of
// their range yet; partitions whose whole range ends at or before now - retention retired.
std::vector<MaintenanceStep> PlanMaintenance(const Catalog& cat, const TableDef& parent, int64_t now);

// The partition of `parent`'s schedule whose period holds key value `key` (a row that found no
// partition): to make, or skipped as PlanMaintenance skips; nullopt when there is none to make
// (it exists, the key is NULL or infinite, or retention at `now` would retire the period).
std::optional<MaintenanceStep> PlanPartitionFor(const Catalog& cat, const TableDef& parent, const Value& key, int64_t now);

}  // namespace tusk
