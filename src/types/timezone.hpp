// Time zones for timestamptz: reads the system's compiled tz database (/usr/share/zoneinfo,
// TZif format v2+) including the POSIX TZ footer that covers instants past the last
// transition, or a fixed UTC offset.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tusk {

class TimeZone {
 public:
  // Loads a zone by name ("UTC", "America/New_York", "Europe/Berlin", "EST5EDT"). Returns
  // nullptr when no such zone exists. Zones are cached process-wide.
  static std::shared_ptr<const TimeZone> Find(const std::string& name);
  // A zone at a fixed offset east of UTC, in seconds, shown under the given name.
  static std::shared_ptr<const TimeZone> Fixed(int32_t offset_seconds, std::string name);
  static std::shared_ptr<const TimeZone> Utc();

  const std::string& name() const { return name_; }
  // Offset east of UTC (seconds) in effect at a UTC instant (seconds since 1970), and the zone
  // abbreviation there.
  int32_t OffsetAt(int64_t utc_seconds, std::string* abbrev = nullptr) const;
  // Offset for a local wall-clock time (seconds since 1970 as if UTC), resolving gaps with the
  // offset before the transition and overlaps with the one after, as PostgreSQL does.
  int32_t OffsetForLocal(int64_t local_seconds) const;

 private:
  struct Rule;  // POSIX TZ footer rule
  bool LoadTzif(const std::string& path);
  bool ParsePosix(const std::string& spec);
  int32_t PosixOffsetAt(int64_t utc, std::string* abbrev) const;

  std::string name_;
  std::vector<int64_t> transitions_;      // UTC seconds
  std::vector<uint8_t> transition_types_;
  struct TypeInfo { int32_t offset; bool dst; std::string abbrev; };
  std::vector<TypeInfo> types_;
  // Footer: standard and daylight offsets/abbreviations and the DST start/end rules.
  bool has_posix_ = false;
  int32_t std_offset_ = 0, dst_offset_ = 0;
  std::string std_abbrev_, dst_abbrev_;
  bool has_dst_ = false;
  struct RuleSpec { char kind; int month, week, day; int32_t time; } dst_start_{}, dst_end_{};
};

}  // namespace tusk
