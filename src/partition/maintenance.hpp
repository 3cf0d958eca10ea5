// Carrying out automatic time partitions (time_schedule.hpp): the SQL function
//
//   SELECT * FROM tusk_partition_maintain();            -- every table with a schedule
//   SELECT * FROM tusk_partition_maintain('events');    -- one
//
// makes and retires partitions in the caller's transaction, with the same statements a user
// would run (CREATE TABLE ... PARTITION OF, DROP TABLE, ALTER TABLE ... DETACH PARTITION), so
// a partition gets its parent's columns, indexes, constraints and triggers as any other. It
// returns one row per action: (table_name regclass, action text, partition_name text, detail).
//
// The maintainer thread runs it for every database with scheduled tables each
// tusk.partition_maintenance_naptime, one transaction per table, and writes each action to
// the server log. The last result per table is kept in memory for tusk_partition_schedules.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace tusk {

class Database;
class Value;
struct ExecState;

// When each table's maintenance last ran, and what it did ("created 2, dropped 1",
// "nothing to do", or the error that stopped it).
class PartitionMaintenanceLog {
 public:
  struct Entry {
    int64_t at = 0;  // µs since 2000, UTC
    std::string result;
  };
  void Record(uint32_t database, uint32_t table, Entry e);
  std::optional<Entry> Last(uint32_t database, uint32_t table) const;

 private:
  mutable std::mutex mu_;
  std::map<std::pair<uint32_t, uint32_t>, Entry> last_;
};

class PartitionMaintainer {
 public:
  explicit PartitionMaintainer(Database* db);
  ~PartitionMaintainer();  // waits for the pass under way

 private:
  void Run();
  void MaintainDatabase(uint32_t database, const std::string& name);
  Database* db_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::set<std::string> skips_logged_;  // a skipped partition is logged once per server run
  std::thread worker_;
};

// A row for `table` (scheduled) found no partition, or only its DEFAULT one: makes the
// partition of the schedule's period holding key value `key` in the caller's transaction, as
// maintenance would make it, unless PlanPartitionFor says there is none to make or the DEFAULT
// partition holds rows of its range. Returns whether it made one; the new partition is in the
// session's current catalog. Writes what it did to the server log. `declined` (one per
// statement) remembers the partitions not made, so that the next rows of their range do not
// look again.
bool MakePartitionOnDemand(ExecState* st, uint32_t table, const Value& key, std::set<std::string>* declined);

// Registers tusk_partition_maintain (with the set-returning functions) and the
// tusk_partition_schedules view (with the system relations).
void RegisterPartitionSetFunctions();
void RegisterPartitionSchedulesView();

}  // namespace tusk
