// Interval input, following PostgreSQL's DecodeInterval (postgres style) and
// DecodeISO8601Interval (format with designators).
//
// The text is split into fields — numbers, clock times (H:M, H:M:S[.f], M:S.f), "Y-M" year-month
// pairs, unit words and "ago" — which are read right to left, so that a unit word gives the
// number before it its meaning. A number without a unit is seconds when it comes last, and days
// before a clock time or after an hours field ("1 2:00", "1 2 hours"). Each unit may be given
// once. Hours of a clock time are not limited to a day ('123:04:05').
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/datetime.hpp"

namespace tusk {

namespace {

constexpr int64_t kUsecPerMinute = 60 * kUsecPerSec;  // kUsecPerSec, kUsecPerDay: datetime.hpp
constexpr int64_t kUsecPerHour = 60 * kUsecPerMinute;

enum Unit { kMicrosecond, kMillisecond, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear, kDecade, kCentury, kMillennium };
constexpr int kNoUnit = -1;
constexpr int kAfterAgo = -2;  // a bare number right before "ago" has no meaning

int UnitBit(int u) { return 1 << u; }
const int kAllSeconds = UnitBit(kSecond) | UnitBit(kMillisecond) | UnitBit(kMicrosecond);
const int kClockFields = UnitBit(kHour) | UnitBit(kMinute) | kAllSeconds;

// Unit words as PostgreSQL spells them; like PostgreSQL, only a word's first 10 characters count.
int LookupUnit(std::string word) {
  if (word.size() > 10) word.resize(10);
  static const struct { const char* name; Unit unit; } kUnits[] = {
      {"microsecon", kMicrosecond}, {"us", kMicrosecond}, {"usec", kMicrosecond}, {"usecond", kMicrosecond},
      {"useconds", kMicrosecond}, {"usecs", kMicrosecond},
      {"millisecon", kMillisecond}, {"ms", kMillisecond}, {"msec", kMillisecond}, {"msecond", kMillisecond},
      {"mseconds", kMillisecond}, {"msecs", kMillisecond},
      {"s", kSecond}, {"sec", kSecond}, {"second", kSecond}, {"seconds", kSecond}, {"secs", kSecond},
      {"m", kMinute}, {"min", kMinute}, {"mins", kMinute}, {"minute", kMinute}, {"minutes", kMinute},
      {"h", kHour}, {"hour", kHour}, {"hours", kHour}, {"hr", kHour}, {"hrs", kHour},
      {"d", kDay}, {"day", kDay}, {"days", kDay},
      {"w", kWeek}, {"week", kWeek}, {"weeks", kWeek},
      {"mon", kMonth}, {"mons", kMonth}, {"month", kMonth}, {"months", kMonth},
      {"y", kYear}, {"year", kYear}, {"years", kYear}, {"yr", kYear}, {"yrs", kYear},
      {"dec", kDecade}, {"decade", kDecade}, {"decades", kDecade}, {"decs", kDecade},
      {"c", kCentury}, {"cent", kCentury}, {"centuries", kCentury}, {"century", kCentury},
      {"mil", kMillennium}, {"millennia", kMillennium}, {"millennium", kMillennium}, {"mils", kMillennium},
  };
  for (const auto& u : kUnits)
    if (word == u.name) return u.unit;
  return kNoUnit;
}

struct BadFormat {};
struct FieldOverflow {};

// The parts of an interval being read, each checked against overflow (PostgreSQL's pg_itm_in).
struct IntervalParts {
  int64_t usec = 0;
  int32_t days = 0, months = 0, years = 0;

  static void Check(bool overflowed) {
    if (overflowed) throw FieldOverflow{};
  }
  static int32_t ToInt32(int64_t v) {
    Check(v < INT32_MIN || v > INT32_MAX);
    return static_cast<int32_t>(v);
  }
  void AddFractionMicros(double frac, int64_t scale) {
    if (frac == 0) return;
    frac *= static_cast<double>(scale);
    Check(!(std::fabs(frac) < 9.2e18));
    int64_t us = static_cast<int64_t>(frac);
    frac -= static_cast<double>(us);  // round off a fraction of a microsecond
    if (frac > 0.5) us++;
    else if (frac < -0.5) us--;
    Check(__builtin_add_overflow(usec, us, &usec));
  }
  void AddMicros(int64_t val, double frac, int64_t scale) {
    Check(__builtin_mul_overflow(val, scale, &val) || __builtin_add_overflow(usec, val, &usec));
    AddFractionMicros(frac, scale);
  }
  void AddDays(int64_t val, int32_t scale) {
    int32_t d;
    Check(__builtin_mul_overflow(ToInt32(val), scale, &d) || __builtin_add_overflow(days, d, &days));
  }
  void AddFractionDays(double frac, int32_t scale) {
    if (frac == 0) return;
    frac *= scale;
    int32_t extra = static_cast<int32_t>(frac);
    Check(__builtin_add_overflow(days, extra, &days));
    AddFractionMicros(frac - extra, kUsecPerDay);
  }
  void AddMonths(int64_t val) { Check(__builtin_add_overflow(months, ToInt32(val), &months)); }
  void AddYears(int64_t val, int32_t scale) {
    int32_t y;
    Check(__builtin_mul_overflow(ToInt32(val), scale, &y) || __builtin_add_overflow(years, y, &years));
  }
  // A fraction of a year is whole months.
  void AddFractionYears(double frac, int32_t scale) {
    Check(__builtin_add_overflow(months, static_cast<int32_t>(std::rint(frac * scale * 12)), &months));
  }
  // `val` units and the fraction `frac` (of the same sign) of one more.
  void Add(int unit, int64_t val, double frac) {
    switch (unit) {
      case kMicrosecond: AddMicros(val, frac, 1); break;
      case kMillisecond: AddMicros(val, frac, 1000); break;
      case kSecond: AddMicros(val, frac, kUsecPerSec); break;
      case kMinute: AddMicros(val, frac, kUsecPerMinute); break;
      case kHour: AddMicros(val, frac, kUsecPerHour); break;
      case kDay: AddDays(val, 1); AddFractionMicros(frac, kUsecPerDay); break;
      case kWeek: AddDays(val, 7); AddFractionDays(frac, 7); break;
      case kMonth: AddMonths(val); AddFractionDays(frac, 30); break;
      case kYear: AddYears(val, 1); AddFractionYears(frac, 1); break;
      case kDecade: AddYears(val, 10); AddFractionYears(frac, 10); break;
      case kCentury: AddYears(val, 100); AddFractionYears(frac, 100); break;
      case kMillennium: AddYears(val, 1000); AddFractionYears(frac, 1000); break;
      default: throw BadFormat{};
    }
  }
  void Negate() {
    Check(usec == INT64_MIN || days == INT32_MIN || months == INT32_MIN || years == INT32_MIN);
    usec = -usec;
    days = -days;
    months = -months;
    years = -years;
  }
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A fraction ".ddd" running to the end of `s` (PostgreSQL's ParseFraction; "." alone is 0).
double ParseFraction(const std::string& s, size_t pos) {
  if (pos >= s.size() || s[pos] != '.') throw BadFormat{};
  for (size_t i = pos + 1; i < s.size(); i++)
    if (!IsDigit(s[i])) throw BadFormat{};
  return pos + 1 == s.size() ? 0 : std::strtod(s.c_str() + pos, nullptr);
}

// A leading run of digits as int64 (overflow is an out-of-range field); advances *pos.
int64_t ParseInt(const std::string& s, size_t* pos) {
  size_t b = *pos;
  int64_t v = 0;
  while (*pos < s.size() && IsDigit(s[*pos])) {
    IntervalParts::Check(__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[*pos] - '0', &v));
    ++*pos;
  }
  if (*pos == b) throw BadFormat{};
  return v;
}

// An int32 as strtoint reads it: no digits read as 0, overflow is an out-of-range field.
int64_t ParseInt32OrZero(const std::string& s, size_t* pos) {
  int64_t v = *pos < s.size() && IsDigit(s[*pos]) ? ParseInt(s, pos) : 0;
  IntervalParts::Check(v > INT32_MAX);
  return v;
}

// "H:M", "H:M:S[.f]" or "M:S.f" (PostgreSQL's DecodeTime): microseconds. Missing minutes or
// seconds ("5:", "1:2:") are 0.
int64_t ParseClock(const std::string& s) {
  size_t i = 0;
  int64_t hour = ParseInt(s, &i), minute, second = 0, usec = 0;
  if (i >= s.size() || s[i] != ':') throw BadFormat{};
  i++;
  minute = ParseInt32OrZero(s, &i);
  if (i < s.size() && s[i] == '.') {  // minutes:seconds.fraction
    usec = static_cast<int64_t>(std::rint(ParseFraction(s, i) * kUsecPerSec));
    second = minute;
    minute = hour;
    hour = 0;
  } else if (i < s.size() && s[i] == ':') {
    i++;
    second = ParseInt32OrZero(s, &i);
    if (i < s.size()) usec = static_cast<int64_t>(std::rint(ParseFraction(s, i) * kUsecPerSec));
  } else if (i < s.size()) {
    throw BadFormat{};
  }
  IntervalParts::Check(minute > 59 || second > 60 || usec > kUsecPerSec);
  int64_t total;
  IntervalParts::Check(__builtin_mul_overflow(hour, kUsecPerHour, &total) ||
                       __builtin_add_overflow(total, minute * kUsecPerMinute + second * kUsecPerSec + usec, &total));
  return total;
}

// Field kinds of PostgreSQL's ParseDateTime.
enum class FieldKind {
  kTime,     // digits then ':' (digits, ':' and '.')
  kNumber,   // digits with at most one '.', or '.' and digits
  kDate,     // digits with '-' or '/' separators, or text glued to them: a number at best here
  kSigned,   // '+' or '-', then digits, ':', '.' and '-' (a signed number or clock time)
  kSpecial,  // '+' or '-' then text
  kWord,     // text
};
struct Field {
  FieldKind kind;
  std::string text;
};

bool IsAlpha(char c) { return isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsAlnum(char c) { return isalnum(static_cast<unsigned char>(c)) != 0; }

// Date/time keywords (PostgreSQL's datetktbl): text glued to digits stays a word only if it is
// one of these.
bool IsDateKeyword(const std::string& w) {
  static const char* const kWords[] = {
      "ad", "allballs", "am", "apr", "april", "at", "aug", "august", "bc", "d", "dec", "december", "dow", "doy",
      "dst", "epoch", "feb", "february", "fri", "friday", "h", "infinity", "isodow", "isoyear", "j", "jan",
      "january", "jd", "jul", "julian", "july", "jun", "june", "m", "mar", "march", "may", "mm", "mon", "monday",
      "nov", "november", "now", "oct", "october", "on", "pm", "s", "sat", "saturday", "sep", "sept", "september",
      "sun", "sunday", "t", "thu", "thur", "thurs", "thursday", "today", "tomorrow", "tue", "tues", "tuesday",
      "wed", "wednesday", "weds", "y", "yesterday"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// Splits the lowercased text into fields as PostgreSQL's ParseDateTime does; other punctuation
// only separates fields.
std::vector<Field> SplitFields(const std::string& s) {
  std::vector<Field> fields;
  size_t i = 0;
  auto take = [&](auto pred) {
    while (i < s.size() && pred(s[i])) i++;
  };
  while (i < s.size()) {
    char c = s[i];
    size_t b = i;
    FieldKind kind;
    if (isspace(static_cast<unsigned char>(c))) {
      i++;
      continue;
    } else if (IsDigit(c)) {
      take(IsDigit);
      kind = FieldKind::kNumber;
      char d = i < s.size() ? s[i] : '\0';
      if (d == ':') {
        kind = FieldKind::kTime;
        i++;
        take([](char ch) { return IsDigit(ch) || ch == ':' || ch == '.'; });
      } else if (d == '-' || d == '/' || d == '.') {
        i++;
        if (i < s.size() && IsDigit(s[i])) {
          kind = d == '.' ? FieldKind::kNumber : FieldKind::kDate;
          take(IsDigit);
          if (i < s.size() && s[i] == d) {
            kind = FieldKind::kDate;
            take([d](char ch) { return IsDigit(ch) || ch == d; });
          }
        } else {
          kind = FieldKind::kDate;
          take([d](char ch) { return IsAlnum(ch) || ch == d; });
        }
      }
    } else if (c == '.') {
      i++;
      take(IsDigit);
      kind = FieldKind::kNumber;
    } else if (IsAlpha(c)) {
      take(IsAlpha);
      kind = FieldKind::kWord;
      char d = i < s.size() ? s[i] : '\0';
      if (d == '-' || d == '/' || d == '.' || ((d == '+' || IsDigit(d)) && !IsDateKeyword(s.substr(b, i - b)))) {
        kind = FieldKind::kDate;
        i++;
        take([](char ch) { return ch == '+' || ch == '-' || ch == '/' || ch == '_' || ch == '.' || ch == ':' || IsAlnum(ch); });
      }
    } else if (c == '+' || c == '-') {
      i++;
      while (i < s.size() && isspace(static_cast<unsigned char>(s[i]))) i++;  // "- 5 days"
      size_t body = i;
      if (i < s.size() && IsDigit(s[i])) {
        kind = FieldKind::kSigned;
        take([](char ch) { return IsDigit(ch) || ch == ':' || ch == '.' || ch == '-'; });
      } else if (i < s.size() && IsAlpha(s[i])) {
        kind = FieldKind::kSpecial;
        take(IsAlpha);
      } else {
        throw BadFormat{};
      }
      fields.push_back({kind, std::string(1, c) + s.substr(body, i - body)});
      continue;
    } else if (ispunct(static_cast<unsigned char>(c))) {
      i++;
      continue;
    } else {
      throw BadFormat{};
    }
    fields.push_back({kind, s.substr(b, i - b)});
  }
  return fields;
}

// A number field (PostgreSQL reads any field but a time or a word this way): an integer,
// optionally signed, then nothing, a fraction ".ddd", or "-M" for SQL's "years-months".
// Returns its fraction.
double AddNumber(const std::string& t, int* unit, IntervalParts* parts) {
  bool neg = t[0] == '-';
  size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  int64_t val = 0;
  if (i < t.size() && IsDigit(t[i])) val = ParseInt(t, &i);
  else if (i >= t.size() || t[i] != '.') throw BadFormat{};  // not a number at all
  if (neg) val = -val;
  double frac = 0;
  if (i < t.size() && t[i] == '-') {  // SQL "years-months"
    i++;
    // Read as strtol does: a sign is allowed (and a negative month is out of range).
    size_t digits = i + (i < t.size() && (t[i] == '-' || t[i] == '+') ? 1 : 0);
    int64_t m = 0;
    if (digits < t.size() && IsDigit(t[digits])) {
      bool m_neg = t[i] == '-';
      i = digits;
      m = ParseInt(t, &i);
      if (m_neg) m = -m;
    }
    IntervalParts::Check(m < 0 || m >= 12);
    if (i != t.size()) throw BadFormat{};
    IntervalParts::Check(__builtin_mul_overflow(val, 12, &val) || __builtin_add_overflow(val, neg ? -m : m, &val));
    *unit = kMonth;
  } else if (i < t.size()) {
    frac = ParseFraction(t, i);
    if (neg) frac = -frac;
  }
  if (*unit < 0) throw BadFormat{};
  parts->Add(*unit, val, frac);
  return frac;
}

// Seconds with a fraction also stand for milliseconds and microseconds.
int FieldMask(int unit, double frac) { return unit == kSecond && frac != 0 ? kAllSeconds : UnitBit(unit); }

IntervalParts DecodePostgresInterval(const std::string& s) {
  std::vector<Field> fields = SplitFields(s);
  IntervalParts parts;
  int fmask = 0, unit = kSecond;
  bool ago = false;
  for (size_t k = fields.size(); k-- > 0;) {
    const Field& f = fields[k];
    int tmask = 0;
    if (f.kind == FieldKind::kWord) {
      // PostgreSQL 15 takes "ago" anywhere, and a unit word no number follows is ignored.
      if (f.text == "ago") {
        ago = true;
        unit = kAfterAgo;
        continue;
      }
      unit = LookupUnit(f.text);
      if (unit == kNoUnit) throw BadFormat{};
      continue;
    }
    if (f.kind == FieldKind::kSpecial) throw BadFormat{};
    bool clock = false;
    // A clock time replaces the time part read so far (only fractions of days, weeks or
    // months to its right can have set it): PostgreSQL 15 assigns rather than adds here.
    if (f.kind == FieldKind::kTime) {
      parts.usec = ParseClock(f.text);
      clock = true;
    } else if (f.kind == FieldKind::kSigned && f.text.find(':') != std::string::npos) {
      // A signed clock time; one that does not parse is read as a number, as PostgreSQL does.
      try {
        int64_t usec = ParseClock(f.text.substr(1));
        parts.usec = f.text[0] == '-' ? -usec : usec;
        clock = true;
      } catch (const BadFormat&) {
      } catch (const FieldOverflow&) {
      }
    }
    if (clock) {
      tmask = kClockFields;
      unit = kDay;
    } else {
      int u = unit;
      double frac = AddNumber(f.text, &u, &parts);
      tmask = FieldMask(u, frac);
      unit = u == kHour ? kDay : u;  // "Y-M" makes the unit months for the next field
    }
    if (tmask & fmask) throw BadFormat{};
    fmask |= tmask;
  }
  if (fmask == 0) throw BadFormat{};
  if (ago) parts.Negate();
  return parts;
}

// A number of an ISO 8601 interval (PostgreSQL's ParseISO8601Number): anything strtod reads,
// within +-1e15, split into whole and fraction; advances *pos.
void ParseIso8601Number(const std::string& s, size_t* pos, int64_t* whole, double* frac) {
  const char* start = s.c_str() + *pos;
  if (!(IsDigit(*start) || *start == '-' || *start == '.')) throw BadFormat{};
  char* end;
  errno = 0;
  double v = std::strtod(start, &end);
  if (end == start || errno != 0) throw BadFormat{};
  if (std::isnan(v) || v < -1.0e15 || v > 1.0e15) throw FieldOverflow{};
  *whole = static_cast<int64_t>(v >= 0 ? std::floor(v) : -std::floor(-v));
  *frac = v - static_cast<double>(*whole);
  *pos = static_cast<size_t>(end - s.c_str());
}

// Digits before any fraction of the number at `pos` (a leading '-' skipped).
size_t IntegerWidth(const std::string& s, size_t pos) {
  if (pos < s.size() && s[pos] == '-') pos++;
  size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) n++;
  return n;
}

// The rest of an alternative-format group after its first number: the next two numbers
// (months and days, or minutes and seconds), each after `sep`. Returns true at the end of the
// text, false at a 'T' that starts the time part (consumed; only the date part has one).
bool AlternativeGroup(const std::string& s, size_t* i, int second_unit, int third_unit, char sep, IntervalParts* parts) {
  for (int unit : {second_unit, third_unit}) {
    int64_t val;
    double frac;
    ParseIso8601Number(s, i, &val, &frac);
    parts->Add(unit, val, frac);
    char next = *i < s.size() ? s[*i] : '\0';
    if (next == '\0') return true;
    if (next == 'T' && sep == '-') {
      ++*i;
      return false;
    }
    if (unit == third_unit || next != sep) throw BadFormat{};
    ++*i;
  }
  return true;
}

// ISO 8601 intervals as PostgreSQL's DecodeISO8601Interval reads them, case-sensitive: the
// format with designators (P1Y2M3W4DT5H6M7S, fractions allowed in any field) and the
// alternative formats (P00020607T013000, P0002-06-07T01:30:00).
IntervalParts DecodeIso8601Interval(const std::string& s) {
  IntervalParts parts;
  if (s.size() < 2 || s[0] != 'P') throw BadFormat{};
  size_t i = 1;
  bool date_part = true, have_field = false;
  auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
  while (i < s.size()) {
    if (s[i] == 'T') {
      date_part = false;
      have_field = false;
      i++;
      continue;
    }
    size_t field_start = i;
    int64_t val;
    double frac;
    ParseIso8601Number(s, &i, &val, &frac);
    char unit = at(i);
    if (i < s.size()) i++;
    if (date_part) {
      switch (unit) {
        case 'Y': parts.Add(kYear, val, frac); break;
        case 'M': parts.Add(kMonth, val, frac); break;
        case 'W': parts.Add(kWeek, val, frac); break;
        case 'D': parts.Add(kDay, val, frac); break;
        case 'T':
        case '\0':
          if (IntegerWidth(s, field_start) == 8 && !have_field) {  // YYYYMMDD
            parts.AddYears(val / 10000, 1);
            parts.AddMonths((val / 100) % 100);
            parts.AddDays(val % 100, 1);
            parts.AddFractionMicros(frac, kUsecPerDay);
            if (unit == '\0') return parts;
            date_part = false;
            have_field = false;
            continue;
          }
          [[fallthrough]];
        case '-':  // Y-M-D
          if (have_field) throw BadFormat{};
          parts.Add(kYear, val, frac);
          if (unit == '\0') return parts;
          if (unit == 'T') {
            date_part = false;
            have_field = false;
            continue;
          }
          if (AlternativeGroup(s, &i, kMonth, kDay, '-', &parts)) return parts;
          date_part = false;
          have_field = false;
          continue;
        default: throw BadFormat{};
      }
    } else {
      switch (unit) {
        case 'H': parts.Add(kHour, val, frac); break;
        case 'M': parts.Add(kMinute, val, frac); break;
        case 'S': parts.Add(kSecond, val, frac); break;
        case '\0':
          if (IntegerWidth(s, field_start) == 6 && !have_field) {  // HHMMSS
            parts.AddMicros(val / 10000, 0, kUsecPerHour);
            parts.AddMicros((val / 100) % 100, 0, kUsecPerMinute);
            parts.AddMicros(val % 100, 0, kUsecPerSec);
            parts.AddFractionMicros(frac, 1);
            return parts;
          }
          [[fallthrough]];
        case ':':  // H:M:S
          if (have_field) throw BadFormat{};
          parts.Add(kHour, val, frac);
          if (unit == '\0') return parts;
          AlternativeGroup(s, &i, kMinute, kSecond, ':', &parts);  // ends the text or throws
          return parts;
        default: throw BadFormat{};
      }
    }
    have_field = true;
  }
  return parts;
}

}  // namespace

Interval ParseInterval(std::string_view text) {
  std::string s = ToLower(Trim(text));
  IntervalParts parts;
  try {
    // Like PostgreSQL, text the postgres-style reading finds malformed is read as ISO 8601.
    try {
      parts = DecodePostgresInterval(s);
    } catch (const BadFormat&) {
      parts = DecodeIso8601Interval(std::string(text));
    }
  } catch (const BadFormat&) {
    throw Error(sqlstate::kInvalidDatetimeFormat, "invalid input syntax for type interval: \"" + std::string(text) + "\"");
  } catch (const FieldOverflow&) {
    throw Error(sqlstate::kIntervalFieldOverflow, "interval field value out of range: \"" + std::string(text) + "\"");
  }
  int64_t months = static_cast<int64_t>(parts.years) * 12 + parts.months;
  if (months < INT32_MIN || months > INT32_MAX) throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  Interval iv;
  iv.month = static_cast<int32_t>(months);
  iv.day = parts.days;
  iv.time = parts.usec;
  return iv;
}

}  // namespace tusk
