// jsonpath's .datetime() items: a string read with a template (PostgreSQL's strict SQL/JSON
// template mode) or, without one, with the first of PostgreSQL's ISO formats that fits; their
// JSON text; and their comparison, which needs the session time zone (the *_tz functions) only
// when a value with a zone meets one without.
#pragma once
#include <cstdint>
#include <string>

#include "common/error.hpp"
#include "types/datetime.hpp"

namespace tusk {

inline constexpr uint32_t kTimetzOid = 1266;

struct JsonPathDatetime {
  uint32_t type = 0;  // oid::kDate, kTime, kTimetzOid, kTimestamp, kTimestamptz
  int64_t value = 0;  // days (date); microseconds since midnight (time, timetz: local); timestamp: local; timestamptz: UTC
  int32_t offset = 0; // the zone the text gave (seconds east), for timetz and timestamptz
};

// Reads `text` with `format` (null: the ISO formats). False with *error set (the message, its
// SQLSTATE and HINT / DETAIL) when the text does not fit.
bool ParseJsonPathDatetime(const std::string& text, const std::string* format, JsonPathDatetime* out, Error* error);
// The item's JSON string: ISO 8601 with "T" and a +HH:MM zone.
std::string JsonPathDatetimeText(const JsonPathDatetime& v);
// .type()'s name: "date", "time with time zone", ...
const char* JsonPathDatetimeTypeName(const JsonPathDatetime& v);
// Orders two items: false when their types cannot be compared (date and time). A comparison
// that needs the session zone throws 22031 unless `use_tz`.
bool CompareJsonPathDatetime(const JsonPathDatetime& a, const JsonPathDatetime& b, bool use_tz, const DateTimeContext& dt,
                             int* cmp);

}  // namespace tusk
