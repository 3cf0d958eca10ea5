// Automatic time partitions' plan at a fixed instant (partition/time_schedule.hpp): which
// partitions a schedule makes (calendar bounds in the table's zone, names), which ranges it leaves
// alone, and which partitions its retention retires. test/concurrency/auto_partitions.py checks
// the same through SQL at the moment it runs; here the instant is chosen.
#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "partition/partition_def.hpp"
#include "partition/time_schedule.hpp"

namespace tusk {
namespace {

int64_t At(const char* text, const char* zone = "UTC") {
  DateTimeContext ctx;
  ctx.tz = TimeZone::Find(zone);
  return ParseTimestamp(text, true, ctx);
}

struct Fixture {
  std::shared_ptr<Catalog> cat = Catalog::Bootstrap();
  uint32_t parent = 0;

  explicit Fixture(uint32_t key_type, PartitionSchedule schedule) {
    TableDef t;
    t.oid = cat->AllocateOid();
    t.schema = "public";
    t.name = "events";
    ColumnDef at;
    at.name = "at";
    at.type = Type(key_type);
    t.columns = {at};
    auto key = std::make_shared<PartitionKeyDef>();
    key->strategy = 'r';
    key->columns = {0};
    t.partition_key = key;
    t.partition_schedule = std::make_shared<PartitionSchedule>(schedule);
    parent = t.oid;
    cat->AddTable(t);
  }
  // A partition [lo, hi) of the key's values.
  void AddPartition(const std::string& name, int64_t lo, int64_t hi) {
    TableDef p = *cat->FindTable(parent);
    p.oid = cat->AllocateOid();
    p.name = name;
    p.partition_key.reset();
    p.partition_schedule.reset();
    p.partition_parent = parent;
    auto bound = std::make_shared<PartitionBoundDef>();
    bound->lower = {{RangeDatum::kValue, Value::Int(lo)}};
    bound->upper = {{RangeDatum::kValue, Value::Int(hi)}};
    p.partition_bound = bound;
    cat->AddTable(p);
  }
  std::vector<std::string> Plan(int64_t now) {
    std::vector<std::string> out;
    for (const MaintenanceStep& s : PlanMaintenance(*cat, *cat->FindTable(parent), now))
      out.push_back(std::string(MaintenanceActionName(s.action)) + " " + s.partition + " " + s.from + " " + s.to +
                    (s.detail.empty() ? "" : " (" + s.detail + ")"));
    return out;
  }
};

PartitionSchedule Every(int32_t months, int32_t days, int64_t usec, int32_t premake, const char* zone = "UTC") {
  PartitionSchedule s;
  s.every = Interval{usec, days, months};
  s.premake = premake;
  s.time_zone = zone;
  return s;
}

TEST(PartitionSchedule, MonthsFollowTheCalendarAcrossAYear) {
  Fixture f(oid::kTimestamptz, Every(1, 0, 0, 2));
  EXPECT_EQ(f.Plan(At("2026-12-07 11:00:00")),
            (std::vector<std::string>{
                "created events_p2026_12 '2026-12-01 00:00:00+00' '2027-01-01 00:00:00+00'",
                "created events_p2027_01 '2027-01-01 00:00:00+00' '2027-02-01 00:00:00+00'",
                "created events_p2027_02 '2027-02-01 00:00:00+00' '2027-03-01 00:00:00+00'"}));
}

TEST(PartitionSchedule, QuartersAndYearsAlignToTheirStarts) {
  Fixture quarters(oid::kDate, Every(3, 0, 0, 1));
  EXPECT_EQ(quarters.Plan(At("2026-05-20 00:00:00")),
            (std::vector<std::string>{"created events_p2026_04 '2026-04-01' '2026-07-01'",
                                      "created events_p2026_07 '2026-07-01' '2026-10-01'"}));
  Fixture years(oid::kDate, Every(12, 0, 0, 0));
  EXPECT_EQ(years.Plan(At("2026-05-20 00:00:00")), (std::vector<std::string>{"created events_p2026 '2026-01-01' '2027-01-01'"}));
}

TEST(PartitionSchedule, DaysWeeksAndHoursInTheTablesZone) {
  // 2026-12-07 is a Monday; 03:00 UTC is still Sunday evening in New York.
  Fixture weeks(oid::kTimestamptz, Every(0, 7, 0, 0, "America/New_York"));
  EXPECT_EQ(weeks.Plan(At("2026-12-07 03:00:00")),
            (std::vector<std::string>{"created events_p2026_11_30 '2026-11-30 05:00:00+00' '2026-12-07 05:00:00+00'"}));
  Fixture hours(oid::kTimestamp, Every(0, 0, 3600LL * 1000000, 1));
  EXPECT_EQ(hours.Plan(At("2026-12-07 11:59:59")),
            (std::vector<std::string>{"created events_p2026_12_07_1100 '2026-12-07 11:00:00' '2026-12-07 12:00:00'",
                                      "created events_p2026_12_07_1200 '2026-12-07 12:00:00' '2026-12-07 13:00:00'"}));
}

TEST(PartitionSchedule, ExistingRangesAreLeftAloneAndOldOnesRetired) {
  PartitionSchedule s = Every(1, 0, 0, 1);
  s.retention = Interval{0, 0, 2};
  Fixture f(oid::kDate, s);
  auto date = [](const char* text) { return At(text) / (86400LL * 1000000); };  // days since 2000
  f.AddPartition("events_p2026_12", date("2026-12-01"), date("2027-01-01"));  // made already
  f.AddPartition("by_hand", date("2027-01-15"), date("2027-01-20"));          // part of next month
  f.AddPartition("old_sep", date("2026-09-01"), date("2026-10-01"));
  f.AddPartition("old_oct", date("2026-10-01"), date("2026-10-07"));  // ends at the cutoff
  f.AddPartition("recent", date("2026-10-07"), date("2026-11-01"));  // ends after it: kept
  EXPECT_EQ(f.Plan(At("2026-12-07 11:00:00")),
            (std::vector<std::string>{
                "skipped events_p2027_01 '2027-01-01' '2027-02-01' (partition \"by_hand\" holds part of its range)",
                "dropped old_sep '2026-09-01' '2026-10-01'",
                "dropped old_oct '2026-10-01' '2026-10-07'"}));
}

TEST(PartitionSchedule, LongParentNamesAreCutToFit) {
  Fixture f(oid::kDate, Every(1, 0, 0, 0));
  f.cat->MutableTable(f.parent)->name = std::string(70, 'x');
  std::vector<std::string> plan = f.Plan(At("2026-12-07 00:00:00"));
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0], "created " + std::string(63 - 9, 'x') + "_p2026_12 '2026-12-01' '2027-01-01'");
}

}  // namespace
}  // namespace tusk
