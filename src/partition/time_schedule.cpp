#include "partition/time_schedule.hpp"

#include <algorithm>
#include <cstdio>

#include "catalog/catalog.hpp"
#include "catalog/serial.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "partition/bounds.hpp"
#include "partition/partition_ddl.hpp"
#include "settings/settings.hpp"

namespace tusk {

namespace {

constexpr const char* kInterval = "partition_interval";
constexpr const char* kPremake = "partition_premake";
constexpr const char* kRetention = "partition_retention";
constexpr const char* kKeepRetired = "partition_retention_keep_table";
constexpr int32_t kMaxPremake = 1000;
constexpr size_t kMaxNameBytes = 63;  // PostgreSQL's NAMEDATALEN - 1

Error InvalidValue(const std::string& name, const std::string& value, const std::string& detail) {
  return Error(sqlstate::kInvalidParameterValue, "invalid value for parameter \"" + name + "\": \"" + value + "\"").WithDetail(detail);
}

bool Positive(const Interval& iv) { return iv.month >= 0 && iv.day >= 0 && iv.time >= 0 && (iv.month || iv.day || iv.time); }

// The one key column's type, when the table can have automatic partitions.
Type ScheduledKeyType(const TableDef& t) {
  const PartitionKeyDef& key = *t.partition_key;
  if (key.strategy == 'r' && key.columns.size() == 1 && key.columns[0] >= 0) {
    const Type& type = t.columns[static_cast<size_t>(key.columns[0])].type;
    if (!type.array && !type.domain && (type.id == oid::kDate || type.id == oid::kTimestamp || type.id == oid::kTimestamptz))
      return type;
  }
  throw Error(sqlstate::kFeatureNotSupported, "automatic partitions need a table partitioned by RANGE on one date, timestamp or timestamptz column")
      .WithDetail("\"" + t.name + "\" is partitioned by " + PartitionKeyText(t) + ".");
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Partition k's start, as a local wall-clock timestamp: months count from year 0, fixed
// intervals from Monday 2000-01-03 00:00, so that daily partitions start at midnight and weekly
// ones on Mondays.
constexpr int64_t kFixedAnchor = 2 * kUsecPerDay;

int64_t PeriodStart(const Interval& every, int64_t k) {
  if (every.month) {
    int64_t months = k * every.month;
    CivilTime c;
    c.year = FloorDiv(months, 12);
    c.month = static_cast<int>(months - c.year * 12) + 1;
    return TimestampFromCivil(c);
  }
  return kFixedAnchor + k * (every.day * kUsecPerDay + every.time);
}

int64_t PeriodOf(const Interval& every, int64_t local) {
  if (every.month) {
    CivilTime c = CivilFromTimestamp(local);
    return FloorDiv(c.year * 12 + (c.month - 1), every.month);
  }
  return FloorDiv(local - kFixedAnchor, every.day * kUsecPerDay + every.time);
}

// A local wall-clock time as a value of the key's type.
Value KeyValue(const Type& type, int64_t local, const TimeZone& tz) {
  if (type.id == oid::kDate) return Value::Int(FloorDiv(local, kUsecPerDay));
  if (type.id == oid::kTimestamptz) return Value::Int(LocalToUtc(local, tz));
  return Value::Int(local);
}

std::vector<RangeDatum> Datum(const Value& v) { return {RangeDatum{RangeDatum::kValue, v}}; }

// "events_p2024_03": the parent's name (cut to fit NAMEDATALEN) and the period's start.
std::string PartitionName(const std::string& parent, const Interval& every, int64_t start) {
  CivilTime c = CivilFromTimestamp(start);
  char suffix[48];
  if (every.month % 12 == 0 && every.month)
    std::snprintf(suffix, sizeof suffix, "_p%04lld", static_cast<long long>(c.year));
  else if (every.month)
    std::snprintf(suffix, sizeof suffix, "_p%04lld_%02d", static_cast<long long>(c.year), c.month);
  else if (every.time % kUsecPerDay == 0)
    std::snprintf(suffix, sizeof suffix, "_p%04lld_%02d_%02d", static_cast<long long>(c.year), c.month, c.day);
  else if (every.time % (60 * kUsecPerSec) == 0)
    std::snprintf(suffix, sizeof suffix, "_p%04lld_%02d_%02d_%02d%02d", static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute);
  else
    std::snprintf(suffix, sizeof suffix, "_p%04lld_%02d_%02d_%02d%02d%02d", static_cast<long long>(c.year), c.month, c.day, c.hour,
                  c.minute, c.second);
  std::string s = suffix;
  std::string base = parent.substr(0, kMaxNameBytes - s.size());
  // Never cut a multibyte character in two.
  while (!base.empty() && base.size() < parent.size() && (static_cast<unsigned char>(parent[base.size()]) & 0xC0) == 0x80) base.pop_back();
  return base + s;
}

struct ExistingPartition {
  const TableDef* table;
  std::vector<RangeDatum> lower, upper;
};

}  // namespace

const char* MaintenanceActionName(MaintenanceStep::Action a) {
  switch (a) {
    case MaintenanceStep::kCreate: return "created";
    case MaintenanceStep::kDrop: return "dropped";
    case MaintenanceStep::kDetach: return "detached";
    case MaintenanceStep::kSkip: return "skipped";
  }
  return "";
}

void ApplyScheduleOptions(TableDef* t, PgQuery__Node** options, size_t n, bool reset, const std::string& time_zone) {
  PartitionSchedule s = t->partition_schedule ? *t->partition_schedule : PartitionSchedule{};
  bool had = t->partition_schedule != nullptr, has = had, interval_set = false;
  for (size_t i = 0; i < n; i++) {
    auto* d = options[i]->def_elem;
    const std::string name = d->defname;
    if (name != kInterval && name != kPremake && name != kRetention && name != kKeepRetired)
      throw Error(sqlstate::kInvalidParameterValue, "unrecognized parameter \"" + name + "\"");
    if (reset) {
      if (name == kInterval) has = false;
      if (name == kPremake) s.premake = PartitionSchedule{}.premake;
      if (name == kRetention) s.retention.reset();
      if (name == kKeepRetired) s.keep_retired = false;
      continue;
    }
    const std::string value = OptionValueText(d);
    if (name == kInterval || name == kRetention) {
      Interval iv;
      try {
        iv = ParseInterval(value);
      } catch (const Error&) {
        throw InvalidValue(name, value, "The value must be an interval, such as '1 month' or '7 days'.");
      }
      if (!Positive(iv)) throw InvalidValue(name, value, "The interval must be greater than zero.");
      if (name == kRetention) {
        s.retention = iv;
        continue;
      }
      if (iv.month && (iv.day || iv.time)) throw InvalidValue(name, value, "The interval must be whole months, or days and time, not both.");
      if (!iv.month && iv.day * kUsecPerDay + iv.time < 60 * kUsecPerSec) throw InvalidValue(name, value, "The interval must be at least one minute.");
      s.every = iv;
      s.time_zone = time_zone;
      has = interval_set = true;
    } else if (name == kPremake) {
      char* end = nullptr;
      long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end || v < 0 || v > kMaxPremake)
        throw InvalidValue(name, value, "The value must be an integer from 0 to " + std::to_string(kMaxPremake) + ".");
      s.premake = static_cast<int32_t>(v);
    } else {
      std::optional<bool> b = ParseBool(value);
      if (!b) throw Error(sqlstate::kInvalidParameterValue, "invalid value for boolean option \"" + name + "\": " + value);
      s.keep_retired = *b;
    }
  }
  if (!has) {
    bool others = !reset && n > 0;
    if (others && !had)
      throw Error(sqlstate::kInvalidParameterValue, "parameter \"partition_interval\" must be set for the other partition parameters")
          .WithHint("ALTER TABLE " + t->name + " SET (partition_interval = '1 month', ...)");
    t->partition_schedule.reset();
    return;
  }
  Type key = ScheduledKeyType(*t);
  if (interval_set && key.id == oid::kDate && s.every.time)
    throw InvalidValue(kInterval, FormatInterval(s.every), "A date key needs an interval of whole days or months.");
  t->partition_schedule = std::make_shared<const PartitionSchedule>(s);
}

void WritePartitionSchedules(CatalogWriter& w, const std::vector<const TableDef*>& tables) {
  size_t n = 0;
  for (const TableDef* t : tables) n += t->partition_schedule != nullptr;
  w.U(n);
  for (const TableDef* t : tables) {
    const PartitionSchedule* s = t->partition_schedule.get();
    if (!s) continue;
    w.U(t->oid);
    w.I(s->every.month);
    w.I(s->every.day);
    w.I(s->every.time);
    w.I(s->premake);
    w.U(s->retention.has_value());
    if (s->retention) {
      w.I(s->retention->month);
      w.I(s->retention->day);
      w.I(s->retention->time);
    }
    w.U(s->keep_retired);
    w.S(s->time_zone);
  }
}

void ReadPartitionSchedules(CatalogReader& r, const std::function<TableDef*(uint32_t)>& table) {
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef* t = table(r.U32());
    if (!t || !t->partition_key) CatalogReader::Bad();
    PartitionSchedule s;
    s.every.month = static_cast<int32_t>(r.I());
    s.every.day = static_cast<int32_t>(r.I());
    s.every.time = r.I();
    s.premake = static_cast<int32_t>(r.I());
    if (r.U()) {
      Interval iv;
      iv.month = static_cast<int32_t>(r.I());
      iv.day = static_cast<int32_t>(r.I());
      iv.time = r.I();
      s.retention = iv;
    }
    s.keep_retired = r.U() != 0;
    s.time_zone = r.S();
    if (!Positive(s.every) || s.premake < 0) CatalogReader::Bad();
    t->partition_schedule = std::make_shared<const PartitionSchedule>(s);
  }
}

namespace {

// What maintenance knows of a scheduled table: its key, zone and partitions.
struct ScheduleView {
  const Catalog& cat;
  const TableDef& parent;
  const PartitionSchedule& s;
  Type key;
  std::vector<Type> types;
  std::shared_ptr<const TimeZone> tz;
  std::vector<ExistingPartition> existing;
  uint32_t default_partition = 0;

  ScheduleView(const Catalog& c, const TableDef& p) : cat(c), parent(p), s(*p.partition_schedule), key(ScheduledKeyType(p)), types{key} {
    tz = TimeZone::Find(s.time_zone);
    if (!tz) tz = TimeZone::Utc();
    for (uint32_t oid : PartitionsOf(cat, parent.oid)) {
      const TableDef* t = cat.FindTable(oid);
      if (t->partition_bound->is_default) default_partition = oid;
      else existing.push_back({t, t->partition_bound->lower, t->partition_bound->upper});
    }
  }
  // Literals that read the same in any session.
  std::string Literal(const Value& v) const { return BoundValueText(key, v, DateTimeContext()); }
  // Period k's partition: to make, or skipped (with why), or nullopt when made already.
  std::optional<MaintenanceStep> PeriodStep(int64_t k) const {
    const int64_t start = PeriodStart(s.every, k), end = PeriodStart(s.every, k + 1);
    MaintenanceStep step;
    step.partition = PartitionName(parent.name, s.every, start);
    const Value lo = KeyValue(key, start, *tz), hi = KeyValue(key, end, *tz);
    step.from = Literal(lo);
    step.to = Literal(hi);
    const std::vector<RangeDatum> lower = Datum(lo), upper = Datum(hi);
    const ExistingPartition* overlap = nullptr;
    for (const ExistingPartition& e : existing)
      if (CompareRangeBounds(types, lower, true, e.upper, false) < 0 && CompareRangeBounds(types, e.lower, true, upper, false) < 0) {
        overlap = &e;
        break;
      }
    if (overlap) {
      bool same = CompareRangeBounds(types, lower, true, overlap->lower, true) == 0 &&
                  CompareRangeBounds(types, upper, false, overlap->upper, false) == 0;
      if (same) return std::nullopt;  // made already, by maintenance or by hand
      step.action = MaintenanceStep::kSkip;
      step.detail = "partition \"" + overlap->table->name + "\" holds part of its range";
    } else if (cat.FindRelation(parent.schema, step.partition, {})) {
      step.action = MaintenanceStep::kSkip;
      step.detail = "relation \"" + step.partition + "\" already exists";
    } else {
      step.default_partition = default_partition;
    }
    return step;
  }
  // now - retention as a key value, or nullopt without a retention.
  std::optional<std::vector<RangeDatum>> RetentionCutoff(int64_t local_now) const {
    if (!s.retention) return std::nullopt;
    Interval back{-s.retention->time, -s.retention->day, -s.retention->month};
    return Datum(KeyValue(key, TimestampPlusInterval(local_now, back, nullptr), *tz));
  }
};

// A key value as a local wall-clock time; nullopt for infinity.
std::optional<int64_t> LocalOfKey(const Type& type, const Value& v, const TimeZone& tz) {
  const int64_t x = v.i();
  if (type.id == oid::kDate) {
    if (x == kDateInfinity || x == kDateMinusInfinity) return std::nullopt;
    return x * kUsecPerDay;
  }
  if (x == kTimestampInfinity || x == kTimestampMinusInfinity) return std::nullopt;
  return type.id == oid::kTimestamptz ? UtcToLocal(x, tz) : x;
}

}  // namespace

std::optional<MaintenanceStep> PlanPartitionFor(const Catalog& cat, const TableDef& parent, const Value& key, int64_t now) {
  if (key.is_null()) return std::nullopt;
  const ScheduleView view(cat, parent);
  std::optional<int64_t> local = LocalOfKey(view.key, key, *view.tz);
  if (!local) return std::nullopt;
  const int64_t k = PeriodOf(view.s.every, *local);
  if (auto cutoff = view.RetentionCutoff(UtcToLocal(now, *view.tz))) {
    const std::vector<RangeDatum> upper = Datum(KeyValue(view.key, PeriodStart(view.s.every, k + 1), *view.tz));
    if (CompareRangeBounds(view.types, upper, false, *cutoff, false) <= 0) return std::nullopt;  // maintenance would retire it
  }
  return view.PeriodStep(k);
}

std::vector<MaintenanceStep> PlanMaintenance(const Catalog& cat, const TableDef& parent, int64_t now) {
  const ScheduleView view(cat, parent);
  const PartitionSchedule& s = view.s;
  const std::vector<Type>& types = view.types;
  std::vector<ExistingPartition> existing = view.existing;

  std::vector<MaintenanceStep> steps;
  const int64_t local_now = UtcToLocal(now, *view.tz);
  const int64_t first = PeriodOf(s.every, local_now);
  for (int64_t k = first; k <= first + s.premake; k++)
    if (std::optional<MaintenanceStep> step = view.PeriodStep(k)) steps.push_back(std::move(*step));

  if (std::optional<std::vector<RangeDatum>> retention_cutoff = view.RetentionCutoff(local_now)) {
    const std::vector<RangeDatum>& cutoff = *retention_cutoff;
    std::sort(existing.begin(), existing.end(),
              [&](const ExistingPartition& a, const ExistingPartition& b) { return CompareRangeBounds(types, a.lower, true, b.lower, true) < 0; });
    for (const ExistingPartition& e : existing) {
      if (e.upper[0].kind != RangeDatum::kValue || CompareRangeBounds(types, e.upper, false, cutoff, false) > 0) continue;
      MaintenanceStep step;
      step.action = s.keep_retired ? MaintenanceStep::kDetach : MaintenanceStep::kDrop;
      step.partition = e.table->name;
      step.from = e.lower[0].kind == RangeDatum::kValue ? view.Literal(e.lower[0].value) : "MINVALUE";
      step.to = view.Literal(e.upper[0].value);
      steps.push_back(std::move(step));
    }
  }
  return steps;
}

}  // namespace tusk
