// Dates, times, timestamps and intervals in PostgreSQL's representation and text formats
// (DateStyle ISO, MDY; IntervalStyle postgres).
//   date        days since 2000-01-01
//   time        microseconds since midnight
//   timestamp   microseconds since 2000-01-01 00:00:00 (timestamptz: in UTC)
//   infinity    INT64_MAX / INT64_MIN (dates: INT32_MAX / INT32_MIN)
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "types/timezone.hpp"
#include "types/value.hpp"

namespace tusk {

inline constexpr int64_t kUsecPerSec = 1000000;
inline constexpr int64_t kUsecPerDay = 86400LL * kUsecPerSec;
inline constexpr int64_t kTimestampInfinity = INT64_MAX;
inline constexpr int64_t kTimestampMinusInfinity = INT64_MIN;
inline constexpr int32_t kDateInfinity = INT32_MAX;
inline constexpr int32_t kDateMinusInfinity = INT32_MIN;
// PostgreSQL's limits: dates from 4714-11-24 BC (Julian day 0) to 5874897-12-31, timestamps
// from 4714-11-24 00:00 BC to before 294277-01-01 00:00 (UTC for timestamptz); the infinities
// are valid too.
inline constexpr int64_t kMinDate = -2451545;              // Julian day 0, in days since 2000-01-01
inline constexpr int64_t kEndDate = 2147483494 - 2451545;  // 5874898-01-01
inline constexpr int64_t kMinTimestamp = -211813488000000000;
inline constexpr int64_t kEndTimestamp = 9223371331200000000;
inline bool IsValidDate(int64_t d) {
  return d == kDateInfinity || d == kDateMinusInfinity || (d >= kMinDate && d < kEndDate);
}
inline bool IsValidTimestamp(int64_t ts) {
  return ts == kTimestampInfinity || ts == kTimestampMinusInfinity || (ts >= kMinTimestamp && ts < kEndTimestamp);
}
// Seconds between 1970-01-01 and 2000-01-01.
inline constexpr int64_t kPgEpochUnixSeconds = 946684800;

struct CivilTime {
  int64_t year = 2000;  // astronomical: 0 is 1 BC
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t usec = 0;
};

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);  // days since 1970-01-01
void CivilFromDays(int64_t days, int64_t* y, int* m, int* d);
int DaysInMonth(int64_t year, int month);
CivilTime CivilFromTimestamp(int64_t ts);
int64_t TimestampFromCivil(const CivilTime& c);
int32_t DateFromTimestamp(int64_t ts);

// Session context for time zone conversions.
class ObjectNames;

// What text input and output depend on besides the value: the session's time zone and
// transaction start, and the catalog objects the OID alias types name (object_names.hpp).
struct DateTimeContext {
  std::shared_ptr<const TimeZone> tz = TimeZone::Utc();
  int64_t now = 0;  // transaction start, µs since 2000 (UTC)
  std::shared_ptr<const ObjectNames> names;  // null: alias types print and read plain OIDs
  bool bytea_escape = false;  // bytea_output = escape: bytea prints in the escape format, not hex
};

int32_t ParseDate(std::string_view text, const DateTimeContext& ctx);
int64_t ParseTime(std::string_view text);
int64_t ParseTimestamp(std::string_view text, bool with_tz, const DateTimeContext& ctx);
Interval ParseInterval(std::string_view text);

std::string FormatDate(int32_t date);
std::string FormatTime(int64_t time);
std::string FormatTimestamp(int64_t ts);
std::string FormatTimestamptz(int64_t ts, const TimeZone& tz);
std::string FormatInterval(const Interval& iv);

// Local wall-clock timestamp <-> UTC instant in a zone.
int64_t LocalToUtc(int64_t local, const TimeZone& tz);
int64_t UtcToLocal(int64_t utc, const TimeZone& tz);
// Rounds a timestamp/time to `precision` fractional digits (typmod), as PostgreSQL.
int64_t RoundToPrecision(int64_t usec, int32_t precision);

// Interval arithmetic as PostgreSQL does it.
int64_t TimestampPlusInterval(int64_t ts, const Interval& iv, const TimeZone* tz);
Interval IntervalBetween(int64_t a, int64_t b);  // a - b, days+time only
int CompareIntervals(const Interval& a, const Interval& b);

}  // namespace tusk
