#include "types/json/jsonpath_datetime.hpp"

#include <cctype>
#include <chrono>
#include <cstring>
#include <vector>

#include "common/error.hpp"
#include "types/text_io.hpp"
#include "types/type.hpp"

namespace tusk {

namespace {

// PostgreSQL's formats for .datetime() without a template, in the order it tries them.
const char* const kIsoFormats[] = {
    "yyyy-mm-dd",
    "HH24:MI:SS.USTZH:TZM", "HH24:MI:SS.USTZH", "HH24:MI:SSTZH:TZM", "HH24:MI:SSTZH", "HH24:MI:SS.US", "HH24:MI:SS",
    "yyyy-mm-dd HH24:MI:SS.USTZH:TZM", "yyyy-mm-dd HH24:MI:SS.USTZH", "yyyy-mm-dd HH24:MI:SSTZH:TZM",
    "yyyy-mm-dd HH24:MI:SSTZH", "yyyy-mm-dd\"T\"HH24:MI:SS.USTZH:TZM", "yyyy-mm-dd\"T\"HH24:MI:SS.USTZH",
    "yyyy-mm-dd\"T\"HH24:MI:SSTZH:TZM", "yyyy-mm-dd\"T\"HH24:MI:SSTZH", "yyyy-mm-dd HH24:MI:SS.US",
    "yyyy-mm-dd HH24:MI:SS", "yyyy-mm-dd\"T\"HH24:MI:SS.US", "yyyy-mm-dd\"T\"HH24:MI:SS",
};

enum class Field { kYear, kYear2, kMonth, kDay, kHour24, kHour12, kMinute, kSecond, kMs, kUs, kFf, kTzh, kTzm, kMeridiem };

struct FormatNode {
  enum Kind { kField, kSeparator, kLiteral } kind = kField;
  Field field = Field::kYear;
  std::string written;  // the pattern as the template spells it
  int digits = 0;       // nominal width
  char ch = 0;          // separator or literal character
};

struct Pattern {
  const char* name;
  Field field;
  int digits;
};

const Pattern kPatterns[] = {
    {"HH24", Field::kHour24, 2}, {"HH12", Field::kHour12, 2}, {"HH", Field::kHour12, 2}, {"YYYY", Field::kYear, 4},
    {"YY", Field::kYear2, 2}, {"MM", Field::kMonth, 2}, {"MI", Field::kMinute, 2}, {"MS", Field::kMs, 3},
    {"DD", Field::kDay, 2}, {"SS", Field::kSecond, 2}, {"US", Field::kUs, 6}, {"FF1", Field::kFf, 1},
    {"FF2", Field::kFf, 2}, {"FF3", Field::kFf, 3}, {"FF4", Field::kFf, 4}, {"FF5", Field::kFf, 5},
    {"FF6", Field::kFf, 6}, {"TZH", Field::kTzh, 2}, {"TZM", Field::kTzm, 2}, {"A.M.", Field::kMeridiem, 0},
    {"P.M.", Field::kMeridiem, 0}, {"AM", Field::kMeridiem, 0}, {"PM", Field::kMeridiem, 0},
};

bool StartsCI(const std::string& s, size_t i, const char* p) {
  size_t n = std::strlen(p);
  if (i + n > s.size()) return false;
  for (size_t k = 0; k < n; k++)
    if (std::toupper(static_cast<unsigned char>(s[i + k])) != p[k]) return false;
  return true;
}

std::vector<FormatNode> ReadFormat(const std::string& f) {
  std::vector<FormatNode> nodes;
  for (size_t i = 0; i < f.size();) {
    FormatNode n;
    if (f[i] == '"') {
      for (i++; i < f.size() && f[i] != '"'; i++) {
        if (f[i] == '\\' && i + 1 < f.size()) i++;
        n.kind = FormatNode::kLiteral;
        n.ch = f[i];
        nodes.push_back(n);
      }
      i++;
      continue;
    }
    bool matched = false;
    for (const Pattern& p : kPatterns) {
      if (!StartsCI(f, i, p.name)) continue;
      n.field = p.field;
      n.digits = p.digits;
      n.written = f.substr(i, std::strlen(p.name));
      i += std::strlen(p.name);
      matched = true;
      break;
    }
    if (!matched) {
      if (std::isalnum(static_cast<unsigned char>(f[i])))
        throw Error(sqlstate::kInvalidDatetimeFormat, std::string("invalid datetime format separator: \"") + f[i] + "\"");
      n.kind = FormatNode::kSeparator;
      n.ch = f[i++];
    }
    nodes.push_back(n);
  }
  return nodes;
}

struct Parsed {
  CivilTime c;
  bool dated = false, timed = false, zoned = false, pm = false, am = false, hour12 = false;
  int32_t offset = 0;
};

// Reads the text with the template, strictly: separators must match, nothing may be left over.
void ReadText(const std::string& s, const std::vector<FormatNode>& nodes, Parsed* p) {
  size_t i = 0;
  p->c.year = 1;
  int tz_sign = 1;
  for (size_t k = 0; k < nodes.size(); k++) {
    const FormatNode& n = nodes[k];
    if (i >= s.size()) throw Error(sqlstate::kInvalidDatetimeFormat, "input string is too short for datetime format");
    if (n.kind == FormatNode::kLiteral) {
      i++;
      continue;
    }
    if (n.kind == FormatNode::kSeparator) {
      if (s[i] != n.ch) throw Error(sqlstate::kInvalidDatetimeFormat, std::string("unmatched format separator \"") + n.ch + "\"");
      i++;
      continue;
    }
    if (n.field == Field::kMeridiem) {
      bool dots = n.written.size() == 4;
      const char* am = dots ? "A.M." : "AM";
      const char* pm = dots ? "P.M." : "PM";
      if (StartsCI(s, i, am)) p->am = true;
      else if (StartsCI(s, i, pm)) p->pm = true;
      else
        throw Error(sqlstate::kInvalidDatetimeFormat, "invalid value \"" + s.substr(i, n.written.size()) + "\" for \"" + n.written + "\"")
            .WithDetail("The given value did not match any of the allowed values for this field.");
      i += n.written.size();
      p->timed = true;
      continue;
    }
    int sign = 1;
    if (n.field == Field::kTzh && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
      sign = s[i] == '-' ? -1 : 1;
      i++;
    }
    // A field runs to the next non-digit, unless another field follows it directly.
    bool bounded = k + 1 < nodes.size() && nodes[k + 1].kind == FormatNode::kField;
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && (!bounded || static_cast<int>(i - start) < n.digits)) i++;
    if (i == start)
      throw Error(sqlstate::kInvalidDatetimeFormat, "invalid value \"" + s.substr(start, static_cast<size_t>(n.digits)) + "\" for \"" + n.written + "\"")
          .WithDetail("Value must be an integer.");
    if (i - start > 9) throw Error(sqlstate::kDatetimeFieldOverflow, "value for \"" + n.written + "\" in source string is out of range");
    int64_t v = std::stoll(s.substr(start, i - start));
    int len = static_cast<int>(i - start);
    switch (n.field) {
      case Field::kYear: p->c.year = v; p->dated = true; break;
      case Field::kYear2: p->c.year = v < 70 ? 2000 + v : 1900 + v; p->dated = true; break;
      case Field::kMonth: p->c.month = static_cast<int>(v); p->dated = true; break;
      case Field::kDay: p->c.day = static_cast<int>(v); p->dated = true; break;
      case Field::kHour24: p->c.hour = static_cast<int>(v); p->timed = true; break;
      case Field::kHour12: p->c.hour = static_cast<int>(v); p->hour12 = true; p->timed = true; break;
      case Field::kMinute: p->c.minute = static_cast<int>(v); p->timed = true; break;
      case Field::kSecond: p->c.second = static_cast<int>(v); p->timed = true; break;
      case Field::kMs: case Field::kUs: case Field::kFf: {
        // Fractions count from the left: "5" is half a second.
        int64_t usec = v;
        for (int d = len; d < 6; d++) usec *= 10;
        for (int d = 6; d < len; d++) usec /= 10;
        p->c.usec = usec;
        p->timed = true;
        break;
      }
      case Field::kTzh:
        tz_sign = sign;
        p->offset = static_cast<int32_t>(sign * v * 3600);
        p->zoned = true;
        break;
      case Field::kTzm:
        p->offset += static_cast<int32_t>(tz_sign * v * 60);
        p->zoned = true;
        break;
      default: break;
    }
  }
  if (i < s.size()) throw Error(sqlstate::kInvalidDatetimeFormat, "trailing characters remain in input string after datetime format");
}

JsonPathDatetime Build(const std::string& text, Parsed& p) {
  CivilTime& c = p.c;
  if (p.hour12) {
    if (c.hour < 1 || c.hour > 12)
      throw Error(sqlstate::kInvalidDatetimeFormat, "hour \"" + std::to_string(c.hour) + "\" is invalid for the 12-hour clock")
          .WithHint("Use the 24-hour clock, or give an hour between 1 and 12.");
  }
  if (p.pm && c.hour < 12) c.hour += 12;
  if (p.am && c.hour == 12) c.hour = 0;
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > DaysInMonth(c.year, c.month) || c.hour > 24 || c.minute > 59 ||
      c.second > 60 || (c.hour == 24 && (c.minute || c.second || c.usec)))
    throw Error(sqlstate::kDatetimeFieldOverflow, "date/time field value out of range: \"" + text + "\"");
  JsonPathDatetime v;
  v.offset = p.offset;
  int64_t time = ((c.hour * 60LL + c.minute) * 60 + c.second) * kUsecPerSec + c.usec;
  if (p.dated && p.timed) {
    v.type = p.zoned ? oid::kTimestamptz : oid::kTimestamp;
    v.value = TimestampFromCivil(c) - (p.zoned ? p.offset * kUsecPerSec : 0);
  } else if (p.dated) {
    if (p.zoned) throw Error(sqlstate::kInvalidDatetimeFormat, "datetime format is zoned but not timed");
    v.type = oid::kDate;
    v.value = DateFromTimestamp(TimestampFromCivil(c));
  } else {
    v.type = p.zoned ? kTimetzOid : oid::kTime;
    v.value = time;
  }
  return v;
}

std::string Two(int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A value as its type's output function prints it (ISO style), "T" between date and time.
std::string Iso(uint32_t type, int64_t value) {
  std::string text = FormatText(Type(type), Value::Int(value), DateTimeContext());
  if (type == oid::kTimestamp) text[text.find(' ')] = 'T';
  return text;
}

std::string OffsetText(int32_t offset) {
  int32_t a = offset < 0 ? -offset : offset;
  std::string out = std::string(offset < 0 ? "-" : "+") + Two(a / 3600) + ":" + Two(a / 60 % 60);
  if (a % 60) out += ":" + Two(a % 60);
  return out;
}

[[noreturn]] void NeedsZone(const char* from, const char* to) {
  throw Error("22031", std::string("cannot convert value from ") + from + " to " + to + " without time zone usage")
      .WithHint("Use *_tz() function for time zone support.");
}

// A local timestamp read in the session's zone, as UTC.
int64_t LocalToUtc(int64_t local, const DateTimeContext& dt) {
  int64_t secs = local / kUsecPerSec - (local % kUsecPerSec < 0) + kPgEpochUnixSeconds;
  return local - static_cast<int64_t>(dt.tz->OffsetForLocal(secs)) * kUsecPerSec;
}

// What a value is as a timestamp with time zone (UTC), converting with the session zone.
int64_t AsTimestamptz(const JsonPathDatetime& v, bool use_tz, const DateTimeContext& dt) {
  if (v.type == oid::kTimestamptz) return v.value;
  if (!use_tz) NeedsZone(v.type == oid::kDate ? "date" : "timestamp", "timestamptz");
  return LocalToUtc(v.type == oid::kDate ? v.value * kUsecPerDay : v.value, dt);
}

// A time or timetz as (UTC time, zone) for timetz_cmp.
void AsTimetz(const JsonPathDatetime& v, bool use_tz, const DateTimeContext& dt, int64_t* utc, int32_t* offset) {
  *offset = v.offset;
  if (v.type == oid::kTime) {
    if (!use_tz) NeedsZone("time", "timetz");
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    *offset = dt.tz->OffsetAt(now);
  }
  *utc = v.value - static_cast<int64_t>(*offset) * kUsecPerSec;
}

int Sign(int64_t d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

}  // namespace

bool ParseJsonPathDatetime(const std::string& text, const std::string* format, JsonPathDatetime* out, Error* error) {
  if (format) {
    std::vector<FormatNode> nodes = ReadFormat(*format);
    try {
      Parsed p;
      ReadText(text, nodes, &p);
      *out = Build(text, p);
      return true;
    } catch (const Error& e) {
      *error = e;
      return false;
    }
  }
  for (const char* f : kIsoFormats) {
    try {
      Parsed p;
      ReadText(text, ReadFormat(f), &p);
      *out = Build(text, p);
      return true;
    } catch (const Error&) {
    }
  }
  *error = Error("22031", "datetime format is not recognized: \"" + text + "\"");
  error->WithHint("Use a datetime template argument to specify the input data format.");
  return false;
}

std::string JsonPathDatetimeText(const JsonPathDatetime& v) {
  switch (v.type) {
    case oid::kDate: case oid::kTime: case oid::kTimestamp: return Iso(v.type, v.value);
    case kTimetzOid: return Iso(oid::kTime, v.value) + OffsetText(v.offset);
    default: return Iso(oid::kTimestamp, v.value + static_cast<int64_t>(v.offset) * kUsecPerSec) + OffsetText(v.offset);
  }
}

const char* JsonPathDatetimeTypeName(const JsonPathDatetime& v) {
  switch (v.type) {
    case oid::kDate: return "date";
    case oid::kTime: return "time without time zone";
    case kTimetzOid: return "time with time zone";
    case oid::kTimestamp: return "timestamp without time zone";
    default: return "timestamp with time zone";
  }
}

bool CompareJsonPathDatetime(const JsonPathDatetime& a, const JsonPathDatetime& b, bool use_tz, const DateTimeContext& dt,
                             int* cmp) {
  auto is_time = [](uint32_t t) { return t == oid::kTime || t == kTimetzOid; };
  if (is_time(a.type) != is_time(b.type)) return false;
  if (is_time(a.type)) {
    if (a.type == oid::kTime && b.type == oid::kTime) {
      *cmp = Sign(a.value - b.value);
      return true;
    }
    int64_t ua, ub;
    int32_t oa, ob;
    AsTimetz(a, use_tz, dt, &ua, &oa);
    AsTimetz(b, use_tz, dt, &ub, &ob);
    *cmp = ua != ub ? Sign(ua - ub) : Sign(static_cast<int64_t>(ob) - oa);
    return true;
  }
  if (a.type == oid::kDate && b.type == oid::kDate) {
    *cmp = Sign(a.value - b.value);
    return true;
  }
  if (a.type != oid::kTimestamptz && b.type != oid::kTimestamptz) {
    int64_t ta = a.type == oid::kDate ? a.value * kUsecPerDay : a.value;
    int64_t tb = b.type == oid::kDate ? b.value * kUsecPerDay : b.value;
    *cmp = Sign(ta - tb);
    return true;
  }
  int64_t ta = AsTimestamptz(a, use_tz, dt), tb = AsTimestamptz(b, use_tz, dt);
  *cmp = Sign(ta - tb);
  return true;
}

}  // namespace tusk
