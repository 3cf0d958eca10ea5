#include "types/datetime.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace tusk {

namespace {
constexpr int64_t kPgEpochDays = 10957;  // 2000-01-01 in days since 1970-01-01

[[noreturn]] void BadSyntax(const char* type, std::string_view text) {
  throw Error(sqlstate::kInvalidDatetimeFormat,
              std::string("invalid input syntax for type ") + type + ": \"" + std::string(text) + "\"");
}
[[noreturn]] void OutOfRange(std::string_view text) {
  throw Error(sqlstate::kDatetimeFieldOverflow,
              "date/time field value out of range: \"" + std::string(text) + "\"");
}

const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                             "jul", "aug", "sep", "oct", "nov", "dec"};

// A cursor over the input used by the date/time parsers.
struct Scanner {
  std::string s;
  size_t i = 0;
  explicit Scanner(std::string_view t) : s(ToLower(t)) {}
  void SkipSpace() { while (i < s.size() && isspace(static_cast<unsigned char>(s[i]))) i++; }
  bool End() { return i >= s.size(); }
  bool Digit() const { return i < s.size() && isdigit(static_cast<unsigned char>(s[i])); }
  bool Alpha() const { return i < s.size() && isalpha(static_cast<unsigned char>(s[i])); }
  char Peek() const { return i < s.size() ? s[i] : '\0'; }
  int64_t Number(int* ndigits = nullptr) {
    int64_t v = 0;
    int n = 0;
    while (Digit()) {
      if (n < 18) v = v * 10 + (s[i] - '0');
      i++;
      n++;
    }
    if (ndigits) *ndigits = n;
    return v;
  }
  std::string Word() {
    size_t b = i;
    while (i < s.size() && (isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '/' ||
                            (i > b && (isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '+'))))
      i++;
    return s.substr(b, i - b);
  }
  // Fraction after '.', as microseconds (rounded to 6 digits).
  int64_t Fraction() {
    int64_t v = 0;
    int n = 0;
    int next = 0;
    while (Digit()) {
      if (n < 6) v = v * 10 + (s[i] - '0');
      else if (n == 6) next = s[i] - '0';
      n++;
      i++;
    }
    for (int k = n; k < 6; k++) v *= 10;
    if (next >= 5) v++;
    return v;
  }
};

int MonthFromName(const std::string& w) {
  for (int m = 0; m < 12; m++)
    if (w.size() >= 3 && w.compare(0, 3, kMonthNames[m]) == 0) return m + 1;
  return 0;
}

// Parses [+-]HH[:MM[:SS]] or [+-]HHMM after a sign; returns offset east of UTC in seconds.
bool ParseOffset(Scanner& sc, int32_t* out) {
  char sign = sc.Peek();
  if (sign != '+' && sign != '-') return false;
  sc.i++;
  int nd;
  int64_t h = sc.Number(&nd), m = 0, s = 0;
  if (nd == 0) return false;
  if (nd == 4) { m = h % 100; h /= 100; }
  else if (nd == 6) { s = h % 100; m = (h / 100) % 100; h /= 10000; }
  else if (nd > 2) return false;
  if (sc.Peek() == ':') {
    sc.i++;
    m = sc.Number(&nd);
    if (nd == 0) return false;
    if (sc.Peek() == ':') { sc.i++; s = sc.Number(); }
  }
  if (h > 15 || m > 59 || s > 59) throw Error(sqlstate::kInvalidTimeZoneDisplacement, "time zone displacement out of range");
  int32_t v = static_cast<int32_t>(h * 3600 + m * 60 + s);
  *out = sign == '-' ? -v : v;
  return true;
}

// Parses a time "HH:MM[:SS[.frac]]" (hour already scanned); returns µs since midnight.
bool ParseClock(Scanner& sc, int64_t hour, int64_t* usec, std::string_view text) {
  if (sc.Peek() != ':') return false;
  sc.i++;
  int nd;
  int64_t minute = sc.Number(&nd), second = 0, frac = 0;
  if (nd == 0) return false;
  if (sc.Peek() == ':') {
    sc.i++;
    second = sc.Number(&nd);
    if (nd == 0) return false;
    if (sc.Peek() == '.') { sc.i++; frac = sc.Fraction(); }
  } else if (sc.Peek() == '.') {
    // MM:SS.frac is not valid here; PostgreSQL treats "HH:MM.frac" as minutes and seconds
    return false;
  }
  if (hour > 24 || minute > 59 || second > 60 ||
      (hour == 24 && (minute > 0 || second > 0 || frac > 0)))
    OutOfRange(text);
  *usec = ((hour * 60 + minute) * 60 + second) * kUsecPerSec + frac;
  // A leap second reads as the next minute, but the day ends at 24:00:00 (time_overflows).
  if (*usec > kUsecPerDay) OutOfRange(text);
  return true;
}

struct ParsedDateTime {
  bool has_date = false, has_time = false, has_tz = false, bc = false;
  // "2024-01-01 120000": PostgreSQL's timestamp input takes the six digits as HHMMSS (unchecked,
  // so 290506 runs into the next day), its time input refuses them after a date.
  bool clock_digits_after_date = false;
  int64_t year = 0;
  int month = 0, day = 0;
  int64_t time = 0;
  int32_t tz_offset = 0;
  std::shared_ptr<const TimeZone> tz_zone;  // named zone (offset depends on the date)
  enum Special { kNone, kEpoch, kInfinity, kMinusInfinity, kNow, kToday, kTomorrow, kYesterday } special = kNone;
};

void ParseDateTimeText(std::string_view text, const char* type, ParsedDateTime* p) {
  Scanner sc(text);
  sc.SkipSpace();
  bool pm = false, am = false;
  while (!sc.End()) {
    if (sc.Digit()) {
      int nd;
      size_t start = sc.i;
      int64_t a = sc.Number(&nd);
      char c = sc.Peek();
      // A first field of more than 4 digits is a year (PostgreSQL takes years up to 5874897).
      if (!p->has_date && (c == '-' || c == '/' || c == '.') && (nd <= 4 || c != '.')) {
        // date: Y-M-D, M/D/Y or D.M.Y-ish
        sc.i++;
        int64_t b;
        int ndb;
        if (sc.Alpha()) {  // 15-jan-2024 or 2024-jan-15
          std::string w = sc.Word();
          b = MonthFromName(w);
          if (!b) BadSyntax(type, text);
          ndb = 2;
        } else {
          b = sc.Number(&ndb);
          if (ndb == 0) BadSyntax(type, text);
        }
        if (sc.Peek() != c) BadSyntax(type, text);
        sc.i++;
        int ndc;
        int64_t d = sc.Number(&ndc);
        if (ndc == 0) BadSyntax(type, text);
        if (nd >= 3 || c == '-') {
          if (nd >= 3) { p->year = a; p->month = static_cast<int>(b); p->day = static_cast<int>(d); }
          else { p->year = d; p->month = static_cast<int>(a); p->day = static_cast<int>(b); }
        } else {  // MDY
          p->month = static_cast<int>(a);
          p->day = static_cast<int>(b);
          p->year = d;
          if (ndc <= 2) p->year += p->year < 70 ? 2000 : 1900;
        }
        p->has_date = true;
      } else if (c == ':') {
        if (p->has_time) BadSyntax(type, text);
        if (!ParseClock(sc, a, &p->time, text)) BadSyntax(type, text);
        p->has_time = true;
      } else if (!p->has_date && nd == 8) {  // YYYYMMDD
        p->year = a / 10000;
        p->month = static_cast<int>((a / 100) % 100);
        p->day = static_cast<int>(a % 100);
        p->has_date = true;
      } else if (p->has_date && !p->has_time && nd == 6 && c != '.') {  // HHMMSS
        p->time = ((a / 10000) * 3600 + ((a / 100) % 100) * 60 + a % 100) * kUsecPerSec;
        p->has_time = true;
        p->clock_digits_after_date = true;
      } else if (p->month && !p->has_date) {  // "Jan 15 2024" / "15 Jan 2024"
        if (p->day == 0) p->day = static_cast<int>(a);
        else { p->year = a; p->has_date = true; }
        if (sc.Peek() == ',') sc.i++;
      } else if (!p->has_date && p->day == 0 && !p->month) {
        p->day = static_cast<int>(a);  // "15 Jan 2024"
      } else if (p->month && p->day && !p->has_date) {
        p->year = a;
        p->has_date = true;
      } else {
        (void)start;
        BadSyntax(type, text);
      }
    } else if (sc.Peek() == 't' && p->has_date && !p->has_time && sc.i + 1 < sc.s.size() &&
               isdigit(static_cast<unsigned char>(sc.s[sc.i + 1]))) {
      sc.i++;  // ISO 8601 "T" separator
    } else if ((sc.Peek() == '+' || sc.Peek() == '-') && (p->has_time || p->has_date)) {
      int32_t off;
      bool ok;
      try {
        ok = ParseOffset(sc, &off);
      } catch (const Error&) {
        throw Error(sqlstate::kInvalidTimeZoneDisplacement, "time zone displacement out of range: \"" + std::string(text) + "\"");
      }
      if (!ok) BadSyntax(type, text);
      p->has_tz = true;
      p->tz_offset = off;
    } else if (sc.Alpha()) {
      std::string w = sc.Word();
      if (w == "bc") p->bc = true;
      else if (w == "ad") {}
      else if (w == "am") am = true;
      else if (w == "pm") pm = true;
      else if (w == "epoch") p->special = ParsedDateTime::kEpoch;
      else if (w == "infinity") p->special = ParsedDateTime::kInfinity;
      else if (w == "now") p->special = ParsedDateTime::kNow;
      else if (w == "today") p->special = ParsedDateTime::kToday;
      else if (w == "tomorrow") p->special = ParsedDateTime::kTomorrow;
      else if (w == "yesterday") p->special = ParsedDateTime::kYesterday;
      else if (w == "allballs") { p->has_time = true; p->time = 0; }
      else if (w == "z" || w == "utc" || w == "gmt" || w == "zulu") { p->has_tz = true; p->tz_offset = 0; }
      else if (!p->has_date && MonthFromName(w) && w.size() <= 9 && w.find('/') == std::string::npos) {
        int m = MonthFromName(w);
        if (p->day && !p->month) { p->month = m; }
        else p->month = m;
        if (sc.Peek() == ',') sc.i++;
      } else if (w == "mon" || w == "tue" || w == "wed" || w == "thu" || w == "fri" || w == "sat" ||
                 w == "sun" || w == "monday" || w == "tuesday" || w == "wednesday" ||
                 w == "thursday" || w == "friday" || w == "saturday" || w == "sunday") {
        if (sc.Peek() == ',') sc.i++;
      } else {
        // a time zone name, e.g. "America/New_York"; recover original case from the input
        std::string orig(text.substr(sc.i - w.size(), w.size()));
        auto zone = TimeZone::Find(orig);
        if (!zone) {
          if (p->has_date || p->has_time)
            throw Error(sqlstate::kInvalidParameterValue, "time zone \"" + w + "\" not recognized");
          BadSyntax(type, text);
        }
        p->has_tz = true;
        p->tz_zone = zone;
      }
    } else if (sc.Peek() == '-' && !p->has_date && !p->has_time) {
      sc.i++;
      std::string w = sc.Word();
      if (w == "infinity") p->special = ParsedDateTime::kMinusInfinity;
      else BadSyntax(type, text);
    } else if (sc.Peek() == ',' ) {
      sc.i++;
    } else {
      BadSyntax(type, text);
    }
    sc.SkipSpace();
  }
  if (am || pm) {
    if (!p->has_time) BadSyntax(type, text);
    int64_t hour = p->time / (3600 * kUsecPerSec);
    if (hour < 1 || hour > 12) OutOfRange(text);
    if (pm && hour != 12) p->time += 12 * 3600 * kUsecPerSec;
    if (am && hour == 12) p->time -= 12 * 3600 * kUsecPerSec;
  }
  if (!p->has_date && p->month && p->day && p->year == 0 && p->special == ParsedDateTime::kNone)
    BadSyntax(type, text);
}

[[noreturn]] void RangeError(const char* type, std::string_view text) {
  throw Error(sqlstate::kDatetimeFieldOverflow, std::string(std::strcmp(type, "date") == 0 ? "date" : "timestamp") +
                                                    " out of range: \"" + std::string(text) + "\"");
}

int64_t ResolveDate(const ParsedDateTime& p, std::string_view text, const char* type) {
  if (!p.has_date) BadSyntax(type, text);
  int64_t y = p.year;
  if (y > INT32_MAX) OutOfRange(text);  // PostgreSQL reads the year as an int
  if (p.bc) {
    if (y <= 0) OutOfRange(text);
    y = 1 - y;
  } else if (y == 0) {
    OutOfRange(text);
  }
  if (p.month < 1 || p.month > 12) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "date/time field value out of range: \"" + std::string(text) + "\"")
        .WithHint("Perhaps you need a different \"datestyle\" setting.");
  }
  if (p.day < 1 || p.day > DaysInMonth(y, p.month)) OutOfRange(text);
  // PostgreSQL's IS_VALID_JULIAN: the Julian day count starts in November 4714 BC.
  if (!((y > -4713 || (y == -4713 && p.month >= 11)) && (y < 5874898 || (y == 5874898 && p.month < 6))))
    RangeError(type, text);
  return DaysFromCivil(y, static_cast<unsigned>(p.month), static_cast<unsigned>(p.day)) - kPgEpochDays;
}

// Zero-padded decimal, as printf's "%0*lld" (a negative value is not padded).
std::string PaddedDecimal(int64_t v, size_t width) {
  std::string digits = std::to_string(v);
  if (v < 0 || digits.size() >= width) return digits;
  return std::string(width - digits.size(), '0') + digits;
}

std::string TwoDigits(int64_t v) {
  if (v >= 0 && v < 100) return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  return PaddedDecimal(v, 2);
}

// "HH:MM:SS[.ffffff]" with trailing zeros of the fraction trimmed.
std::string FormatClock(int64_t hour, int64_t minute, int64_t second, int64_t usec) {
  std::string r = TwoDigits(hour);
  r += ':';
  r += TwoDigits(minute);
  r += ':';
  r += TwoDigits(second);
  if (usec) {
    std::string f = PaddedDecimal(usec, 6);  // usec is 0..999999 from every caller
    while (f.back() == '0') f.pop_back();
    r += '.';
    r += f;
  }
  return r;
}

std::string FormatYmd(int64_t y, int m, int d) {
  if (y <= 0) y = 1 - y;
  std::string r = PaddedDecimal(y, 4);
  r += '-';
  r += TwoDigits(m);
  r += '-';
  r += TwoDigits(d);
  return r;
}

std::string FormatOffset(int32_t off) {
  std::string r = off < 0 ? "-" : "+";
  int32_t a = off < 0 ? -off : off;
  r += TwoDigits(a / 3600);
  if (a % 3600) {
    r += ":" + TwoDigits((a % 3600) / 60);
    if (a % 60) r += ":" + TwoDigits(a % 60);
  }
  return r;
}
}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return kDays[m - 1] + (m == 2 && leap);
}

CivilTime CivilFromTimestamp(int64_t ts) {
  int64_t days = ts / kUsecPerDay;
  int64_t rem = ts % kUsecPerDay;
  if (rem < 0) { rem += kUsecPerDay; days--; }
  CivilTime c;
  CivilFromDays(days + kPgEpochDays, &c.year, &c.month, &c.day);
  c.usec = rem % kUsecPerSec;
  int64_t secs = rem / kUsecPerSec;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>((secs / 60) % 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

int64_t TimestampFromCivil(const CivilTime& c) {
  int64_t days = DaysFromCivil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day)) - kPgEpochDays;
  __int128 ts = static_cast<__int128>(days) * kUsecPerDay + ((c.hour * 60LL + c.minute) * 60 + c.second) * kUsecPerSec + c.usec;
  if (ts < INT64_MIN + 1 || ts > INT64_MAX - 1) throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  return static_cast<int64_t>(ts);
}

int32_t DateFromTimestamp(int64_t ts) {
  if (ts == kTimestampInfinity) return kDateInfinity;
  if (ts == kTimestampMinusInfinity) return kDateMinusInfinity;
  int64_t days = ts / kUsecPerDay;
  if (ts % kUsecPerDay < 0) days--;
  return static_cast<int32_t>(days);
}

int64_t LocalToUtc(int64_t local, const TimeZone& tz) {
  if (local == kTimestampInfinity || local == kTimestampMinusInfinity) return local;
  int64_t secs = local / kUsecPerSec - (local % kUsecPerSec < 0) + kPgEpochUnixSeconds;
  return local - static_cast<int64_t>(tz.OffsetForLocal(secs)) * kUsecPerSec;
}

int64_t UtcToLocal(int64_t utc, const TimeZone& tz) {
  if (utc == kTimestampInfinity || utc == kTimestampMinusInfinity) return utc;
  int64_t secs = utc / kUsecPerSec - (utc % kUsecPerSec < 0) + kPgEpochUnixSeconds;
  return utc + static_cast<int64_t>(tz.OffsetAt(secs)) * kUsecPerSec;
}

int64_t RoundToPrecision(int64_t usec, int32_t precision) {
  if (precision < 0 || precision >= 6 || usec == kTimestampInfinity || usec == kTimestampMinusInfinity)
    return usec;
  int64_t scale = 1;
  for (int i = precision; i < 6; i++) scale *= 10;
  int64_t half = scale / 2;
  if (usec >= 0) return (usec + half) / scale * scale;
  return -((-usec + half) / scale * scale);
}

int32_t ParseDate(std::string_view text, const DateTimeContext& ctx) {
  ParsedDateTime p;
  ParseDateTimeText(text, "date", &p);
  switch (p.special) {
    case ParsedDateTime::kInfinity: return kDateInfinity;
    case ParsedDateTime::kMinusInfinity: return kDateMinusInfinity;
    case ParsedDateTime::kEpoch: return -static_cast<int32_t>(kPgEpochDays);
    case ParsedDateTime::kNow: case ParsedDateTime::kToday:
    case ParsedDateTime::kTomorrow: case ParsedDateTime::kYesterday: {
      int32_t today = DateFromTimestamp(UtcToLocal(ctx.now, *ctx.tz));
      return today + (p.special == ParsedDateTime::kTomorrow) - (p.special == ParsedDateTime::kYesterday);
    }
    default: break;
  }
  int64_t days = ResolveDate(p, text, "date");
  if (days < kMinDate || days >= kEndDate) RangeError("date", text);
  return static_cast<int32_t>(days);
}

int64_t ParseTime(std::string_view text) {
  ParsedDateTime p;
  ParseDateTimeText(text, "time", &p);
  if (!p.has_time || p.clock_digits_after_date) BadSyntax("time", text);
  return p.time;
}

int64_t ParseTimestamp(std::string_view text, bool with_tz, const DateTimeContext& ctx) {
  const char* type = with_tz ? "timestamp with time zone" : "timestamp";
  ParsedDateTime p;
  ParseDateTimeText(text, type, &p);
  int64_t local;
  switch (p.special) {
    case ParsedDateTime::kInfinity: return kTimestampInfinity;
    case ParsedDateTime::kMinusInfinity: return kTimestampMinusInfinity;
    case ParsedDateTime::kEpoch: return -kPgEpochUnixSeconds * kUsecPerSec;
    case ParsedDateTime::kNow:
      return with_tz ? ctx.now : UtcToLocal(ctx.now, *ctx.tz);
    case ParsedDateTime::kToday: case ParsedDateTime::kTomorrow: case ParsedDateTime::kYesterday: {
      int64_t day = DateFromTimestamp(UtcToLocal(ctx.now, *ctx.tz)) +
                    (p.special == ParsedDateTime::kTomorrow) - (p.special == ParsedDateTime::kYesterday);
      local = day * kUsecPerDay;
      return with_tz ? LocalToUtc(local, *ctx.tz) : local;
    }
    default: break;
  }
  if (__builtin_mul_overflow(ResolveDate(p, text, type), kUsecPerDay, &local) || __builtin_add_overflow(local, p.time, &local))
    throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range: \"" + std::string(text) + "\"");
  int64_t ts = local;
  if (with_tz) {
    if (p.has_tz && p.tz_zone) ts = LocalToUtc(local, *p.tz_zone);
    else if (p.has_tz) ts = local - static_cast<int64_t>(p.tz_offset) * kUsecPerSec;
    else ts = LocalToUtc(local, *ctx.tz);
  }
  if (ts < kMinTimestamp || ts >= kEndTimestamp) RangeError(type, text);
  return ts;
}

std::string FormatDate(int32_t date) {
  if (date == kDateInfinity) return "infinity";
  if (date == kDateMinusInfinity) return "-infinity";
  int64_t y;
  int m, d;
  CivilFromDays(date + kPgEpochDays, &y, &m, &d);
  return FormatYmd(y, m, d) + (y <= 0 ? " BC" : "");
}

std::string FormatTime(int64_t t) {
  int64_t secs = t / kUsecPerSec;
  return FormatClock(secs / 3600, (secs / 60) % 60, secs % 60, t % kUsecPerSec);
}

std::string FormatTimestamp(int64_t ts) {
  if (ts == kTimestampInfinity) return "infinity";
  if (ts == kTimestampMinusInfinity) return "-infinity";
  CivilTime c = CivilFromTimestamp(ts);
  return FormatYmd(c.year, c.month, c.day) + " " + FormatClock(c.hour, c.minute, c.second, c.usec) +
         (c.year <= 0 ? " BC" : "");
}

std::string FormatTimestamptz(int64_t ts, const TimeZone& tz) {
  if (ts == kTimestampInfinity) return "infinity";
  if (ts == kTimestampMinusInfinity) return "-infinity";
  int64_t secs = ts / kUsecPerSec - (ts % kUsecPerSec < 0) + kPgEpochUnixSeconds;
  int32_t off = tz.OffsetAt(secs);
  CivilTime c = CivilFromTimestamp(ts + static_cast<int64_t>(off) * kUsecPerSec);
  return FormatYmd(c.year, c.month, c.day) + " " + FormatClock(c.hour, c.minute, c.second, c.usec) +
         FormatOffset(off) + (c.year <= 0 ? " BC" : "");
}

std::string FormatInterval(const Interval& iv) {
  std::string r;
  bool is_zero = true, is_before = false;
  auto part = [&](int64_t v, const char* unit) {
    if (v == 0) return;
    r += is_zero ? "" : " ";
    if (is_before && v > 0) r += "+";
    r += std::to_string(v) + " " + unit + (v != 1 ? "s" : "");
    is_before = v < 0;
    is_zero = false;
  };
  part(iv.month / 12, "year");
  part(iv.month % 12, "mon");
  part(iv.day, "day");
  int64_t t = iv.time;
  if (is_zero || t != 0) {
    bool minus = t < 0;
    uint64_t a = minus ? static_cast<uint64_t>(-(t + 1)) + 1 : static_cast<uint64_t>(t);
    uint64_t secs = a / kUsecPerSec;
    r += is_zero ? "" : " ";
    r += minus ? "-" : (is_before ? "+" : "");
    r += FormatClock(static_cast<int64_t>(secs / 3600), static_cast<int64_t>((secs / 60) % 60),
                     static_cast<int64_t>(secs % 60), static_cast<int64_t>(a % kUsecPerSec));
  }
  return r;
}

int64_t TimestampPlusInterval(int64_t ts, const Interval& iv, const TimeZone* tz) {
  if (ts == kTimestampInfinity || ts == kTimestampMinusInfinity) return ts;
  if (iv.month != 0 || iv.day != 0) {
    int64_t local = tz ? UtcToLocal(ts, *tz) : ts;
    CivilTime c = CivilFromTimestamp(local);
    if (iv.month) {
      int64_t m = c.year * 12 + (c.month - 1) + iv.month;
      c.year = m >= 0 ? m / 12 : -((-m + 11) / 12);
      c.month = static_cast<int>(m - c.year * 12) + 1;
      if (c.day > DaysInMonth(c.year, c.month)) c.day = DaysInMonth(c.year, c.month);
    }
    int64_t days;
    if (__builtin_mul_overflow(static_cast<int64_t>(iv.day), kUsecPerDay, &days) || __builtin_add_overflow(TimestampFromCivil(c), days, &local))
      throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
    ts = tz ? LocalToUtc(local, *tz) : local;
  }
  if (__builtin_add_overflow(ts, iv.time, &ts) || !IsValidTimestamp(ts))
    throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  return ts;
}

Interval IntervalBetween(int64_t a, int64_t b) {
  Interval iv;
  int64_t d = a - b;
  iv.day = static_cast<int32_t>(d / kUsecPerDay);
  iv.time = d % kUsecPerDay;
  return iv;
}

int CompareIntervals(const Interval& a, const Interval& b) {
  // PostgreSQL compares intervals by their span with 30-day months and 24-hour days.
  __int128 x = (static_cast<__int128>(a.month) * 30 + a.day) * kUsecPerDay + a.time;
  __int128 y = (static_cast<__int128>(b.month) * 30 + b.day) * kUsecPerDay + b.time;
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace tusk
