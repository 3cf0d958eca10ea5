// to_char / to_date / to_timestamp / to_number with PostgreSQL's template patterns (the
// commonly used subset; unsupported patterns raise 0A000 rather than print something else).
#include <cmath>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "function/number_format.hpp"
#include "function/registry.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string Pad(int64_t v, int width, bool fm) {
  std::string s = std::to_string(v < 0 ? -v : v);
  if (!fm && static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return (v < 0 ? "-" : "") + s;
}

std::string Cased(const std::string& word, const std::string& pattern_head) {
  // "MONTH" -> upper, "Month" -> capitalized, "month" -> lower
  if (pattern_head.size() >= 2 && isupper(static_cast<unsigned char>(pattern_head[0])) && isupper(static_cast<unsigned char>(pattern_head[1])))
    return ToUpper(word);
  if (isupper(static_cast<unsigned char>(pattern_head[0]))) return word;
  return ToLower(word);
}

bool StartsWithCI(const std::string& s, size_t i, const char* p) {
  size_t n = strlen(p);
  if (i + n > s.size()) return false;
  for (size_t k = 0; k < n; k++)
    if (tolower(static_cast<unsigned char>(s[i + k])) != tolower(static_cast<unsigned char>(p[k]))) return false;
  return true;
}

// to_char for timestamps (local wall-clock, with the zone for TZ).
std::string FormatDateTime(const std::string& fmt, int64_t local, bool has_tz, int32_t offset, const std::string& abbrev) {
  CivilTime c = CivilFromTimestamp(local);
  int64_t days = DateFromTimestamp(local);
  int dow = static_cast<int>(((days % 7) + 7 + 6) % 7);  // 0 = Sunday
  std::string out;
  for (size_t i = 0; i < fmt.size();) {
    bool fm = false;
    if (StartsWithCI(fmt, i, "FM")) { fm = true; i += 2; }
    auto suffix = [&](int64_t v, std::string s) {
      if (i + 2 <= fmt.size() && (fmt.compare(i, 2, "th") == 0 || fmt.compare(i, 2, "TH") == 0)) {
        s += OrdinalSuffix(v, fmt[i] == 'T');
        i += 2;
      }
      return s;
    };
    std::string head = fmt.substr(i, 2);
    int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    if (fmt[i] == '"') {
      size_t e = fmt.find('"', i + 1);
      out += fmt.substr(i + 1, (e == std::string::npos ? fmt.size() : e) - i - 1);
      i = e == std::string::npos ? fmt.size() : e + 1;
    } else if (StartsWithCI(fmt, i, "YYYY")) { i += 4; out += suffix(c.year, Pad(c.year > 0 ? c.year : 1 - c.year, 4, fm)); }
    else if (StartsWithCI(fmt, i, "YYY")) { i += 3; out += Pad((c.year > 0 ? c.year : 1 - c.year) % 1000, 3, fm); }
    else if (StartsWithCI(fmt, i, "YY")) { i += 2; out += Pad((c.year > 0 ? c.year : 1 - c.year) % 100, 2, fm); }
    else if (StartsWithCI(fmt, i, "HH24")) { i += 4; out += suffix(c.hour, Pad(c.hour, 2, fm)); }
    else if (StartsWithCI(fmt, i, "HH12")) { i += 4; out += suffix(hour12, Pad(hour12, 2, fm)); }
    else if (StartsWithCI(fmt, i, "HH")) { i += 2; out += suffix(hour12, Pad(hour12, 2, fm)); }
    else if (StartsWithCI(fmt, i, "MI")) { i += 2; out += suffix(c.minute, Pad(c.minute, 2, fm)); }
    else if (StartsWithCI(fmt, i, "SSSS")) { i += 4; out += Pad(c.hour * 3600 + c.minute * 60 + c.second, 0, true); }
    else if (StartsWithCI(fmt, i, "SS")) { i += 2; out += suffix(c.second, Pad(c.second, 2, fm)); }
    else if (StartsWithCI(fmt, i, "MS")) { i += 2; out += Pad(c.usec / 1000, 3, fm); }
    else if (StartsWithCI(fmt, i, "US")) { i += 2; out += Pad(c.usec, 6, fm); }
    else if (StartsWithCI(fmt, i, "AM") || StartsWithCI(fmt, i, "PM")) {
      std::string v = c.hour < 12 ? "AM" : "PM";
      out += islower(static_cast<unsigned char>(fmt[i])) ? ToLower(v) : v;
      i += 2;
    } else if (StartsWithCI(fmt, i, "A.M.") || StartsWithCI(fmt, i, "P.M.")) {
      std::string v = c.hour < 12 ? "A.M." : "P.M.";
      out += islower(static_cast<unsigned char>(fmt[i])) ? ToLower(v) : v;
      i += 4;
    } else if (StartsWithCI(fmt, i, "MONTH")) {
      std::string m = Cased(kMonths[c.month - 1], fmt.substr(i, 2));
      if (!fm) m += std::string(9 - m.size(), ' ');
      out += m;
      i += 5;
    } else if (StartsWithCI(fmt, i, "MON")) { out += Cased(std::string(kMonths[c.month - 1]).substr(0, 3), fmt.substr(i, 2)); i += 3; }
    else if (StartsWithCI(fmt, i, "MM")) { i += 2; out += suffix(c.month, Pad(c.month, 2, fm)); }
    else if (StartsWithCI(fmt, i, "DAY")) {
      std::string d = Cased(kDays[dow], fmt.substr(i, 2));
      if (!fm) d += std::string(9 - d.size(), ' ');
      out += d;
      i += 3;
    } else if (StartsWithCI(fmt, i, "DY")) { out += Cased(std::string(kDays[dow]).substr(0, 3), fmt.substr(i, 2)); i += 2; }
    else if (StartsWithCI(fmt, i, "DDD")) {
      CivilTime jan1 = c;
      jan1.month = 1; jan1.day = 1; jan1.hour = jan1.minute = jan1.second = 0; jan1.usec = 0;
      int64_t doy = days - DateFromTimestamp(TimestampFromCivil(jan1)) + 1;
      i += 3;
      out += suffix(doy, Pad(doy, 3, fm));
    } else if (StartsWithCI(fmt, i, "DD")) { i += 2; out += suffix(c.day, Pad(c.day, 2, fm)); }
    else if (StartsWithCI(fmt, i, "D")) { i += 1; out += suffix(dow + 1, std::to_string(dow + 1)); }
    else if (StartsWithCI(fmt, i, "Q")) { i += 1; out += std::to_string((c.month - 1) / 3 + 1); }
    else if (StartsWithCI(fmt, i, "WW")) {
      CivilTime jan1 = c;
      jan1.month = 1; jan1.day = 1; jan1.hour = jan1.minute = jan1.second = 0; jan1.usec = 0;
      int64_t doy = days - DateFromTimestamp(TimestampFromCivil(jan1)) + 1;
      i += 2;
      out += Pad((doy - 1) / 7 + 1, 2, fm);
    }
    else if (StartsWithCI(fmt, i, "IW")) {
      int64_t isodow = dow == 0 ? 7 : dow, thursday = days - isodow + 4;
      int64_t y; int m, d;
      CivilFromDays(thursday + 10957, &y, &m, &d);
      int64_t week = (thursday - (DaysFromCivil(y, 1, 1) - 10957)) / 7 + 1;
      i += 2;
      out += Pad(week, 2, fm);
    } else if (StartsWithCI(fmt, i, "TZ")) {
      if (has_tz) out += fmt[i] == 't' ? ToLower(abbrev) : abbrev;  // empty without a time zone, as in PostgreSQL
      i += 2;
    } else if (StartsWithCI(fmt, i, "OF")) {
      int32_t a = offset < 0 ? -offset : offset;
      out += (offset < 0 ? "-" : "+") + Pad(a / 3600, 2, false);
      if (a % 3600) out += ":" + Pad((a % 3600) / 60, 2, false);
      i += 2;
    } else if (fmt[i] == '\\' && i + 1 < fmt.size()) {
      out += fmt[i + 1];
      i += 2;
    } else {
      out += fmt[i++];
    }
    (void)head;
  }
  return out;
}

int64_t ParseWithPattern(const std::string& text, const std::string& fmt, bool want_time, const char* fn, int32_t* tz_seconds, bool* has_tz) {
  CivilTime c;
  c.year = 1; c.month = 1; c.day = 1;
  bool pm = false, am = false;
  size_t ti = 0;
  auto skip_spaces = [&]() { while (ti < text.size() && text[ti] == ' ') ti++; };
  auto number = [&](int max_digits, const char* field) -> int64_t {
    skip_spaces();
    bool neg = false;
    if (ti < text.size() && text[ti] == '-') { neg = true; ti++; }
    size_t start = ti;
    while (ti < text.size() && isdigit(static_cast<unsigned char>(text[ti])) && static_cast<int>(ti - start) < max_digits) ti++;
    if (ti == start)
      throw Error(sqlstate::kInvalidDatetimeFormat, std::string("invalid value \"") + text.substr(start, 2) + "\" for \"" + field + "\"")
          .WithDetail("Value must be an integer.");
    int64_t v = std::stoll(text.substr(start, ti - start));
    return neg ? -v : v;
  };
  auto fraction = [&](int width, const char* field) -> int64_t {
    skip_spaces();
    size_t start = ti;
    int64_t v = number(width, field);
    for (size_t d = ti - start; d < static_cast<size_t>(width); d++) v *= 10;
    return v;
  };
  *has_tz = false;
  for (size_t i = 0; i < fmt.size();) {
    if (StartsWithCI(fmt, i, "FM")) { i += 2; continue; }
    if (StartsWithCI(fmt, i, "YYYY")) { c.year = number(4, "YYYY"); i += 4; }
    else if (StartsWithCI(fmt, i, "YY")) { int64_t y = number(2, "YY"); c.year = y < 70 ? 2000 + y : 1900 + y; i += 2; }
    else if (StartsWithCI(fmt, i, "HH24")) { c.hour = static_cast<int>(number(2, "HH24")); i += 4; }
    else if (StartsWithCI(fmt, i, "HH12") || StartsWithCI(fmt, i, "HH")) { c.hour = static_cast<int>(number(2, "HH")); i += StartsWithCI(fmt, i, "HH12") ? 4 : 2; }
    else if (StartsWithCI(fmt, i, "MI")) { c.minute = static_cast<int>(number(2, "MI")); i += 2; }
    else if (StartsWithCI(fmt, i, "SS")) { c.second = static_cast<int>(number(2, "SS")); i += 2; }
    // Fractions count from the left: MS ".5" is 500 milliseconds.
    else if (StartsWithCI(fmt, i, "MS")) { c.usec = fraction(3, "MS") * 1000; i += 2; }
    else if (StartsWithCI(fmt, i, "US")) { c.usec = fraction(6, "US"); i += 2; }
    else if (StartsWithCI(fmt, i, "AM") || StartsWithCI(fmt, i, "PM")) {
      skip_spaces();
      if (StartsWithCI(text, ti, "PM")) pm = true; else if (StartsWithCI(text, ti, "AM")) am = true;
      else throw Error(sqlstate::kInvalidDatetimeFormat, "invalid value \"" + text.substr(ti, 2) + "\" for \"" + fmt.substr(i, 2) + "\"");
      ti += 2;
      i += 2;
    } else if (StartsWithCI(fmt, i, "MONTH") || StartsWithCI(fmt, i, "MON")) {
      bool full = StartsWithCI(fmt, i, "MONTH");
      skip_spaces();
      int found = 0;
      for (int m = 0; m < 12 && !found; m++) {
        std::string name = full ? kMonths[m] : std::string(kMonths[m]).substr(0, 3);
        if (StartsWithCI(text, ti, name.c_str())) { found = m + 1; ti += name.size(); }
      }
      if (!found) throw Error(sqlstate::kInvalidDatetimeFormat, "invalid value \"" + text.substr(ti, 3) + "\" for \"" + fmt.substr(i, full ? 5 : 3) + "\"")
                      .WithDetail("The given value did not match any of the allowed values for this field.");
      c.month = found;
      i += full ? 5 : 3;
    } else if (StartsWithCI(fmt, i, "MM")) { c.month = static_cast<int>(number(2, "MM")); i += 2; }
    else if (StartsWithCI(fmt, i, "DD")) { c.day = static_cast<int>(number(2, "DD")); i += 2; }
    else if (StartsWithCI(fmt, i, "TZH")) { int64_t h = number(2, "TZH"); *tz_seconds = static_cast<int32_t>(h * 3600); *has_tz = true; i += 3; }
    else if (StartsWithCI(fmt, i, "TZM")) { int64_t m = number(2, "TZM"); *tz_seconds += static_cast<int32_t>((*tz_seconds < 0 ? -m : m) * 60); i += 3; }
    else {
      // literal characters in the template skip one input character
      if (ti < text.size() && (fmt[i] == text[ti] || fmt[i] == ' ' || !isalnum(static_cast<unsigned char>(fmt[i])))) {
        if (fmt[i] != ' ' || text[ti] == ' ') ti++;
      }
      i++;
    }
  }
  if (pm && c.hour < 12) c.hour += 12;
  if (am && c.hour == 12) c.hour = 0;
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > DaysInMonth(c.year, c.month) || c.hour > 24 || c.minute > 59 || c.second > 60)
    throw Error(sqlstate::kDatetimeFieldOverflow, "date/time field value out of range: \"" + text + "\"");
  (void)want_time;
  (void)fn;
  return TimestampFromCivil(c);
}
}  // namespace

void RegisterFormattingFunctions() {
  const Type kText(oid::kText);
  auto& reg = FunctionRegistry();
  reg["to_char"] = [kText](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 2) return nullptr;
    args[1] = b.Coerce(args[1], kText, CastContext::kImplicit, loc);
    uint32_t t = args[0]->type.array ? 0 : args[0]->type.id;
    if (t == oid::kUnknown) return nullptr;
    if (t == oid::kTimestamp || t == oid::kTimestamptz || t == oid::kDate) {
      if (t == oid::kDate) args[0] = b.Coerce(args[0], Type(oid::kTimestamp), CastContext::kImplicit, loc);
      bool tz = t == oid::kTimestamptz;
      return Fn(kText, "to_char", args, [tz](const std::vector<Value>& a, EvalContext& ctx) {
        int64_t ts = a[0].i();
        if (ts == kTimestampInfinity || ts == kTimestampMinusInfinity) return Value::Null();
        const TimeZone& zone = *ctx.state->dt.tz;
        int64_t secs = ts / kUsecPerSec - (ts % kUsecPerSec < 0) + kPgEpochUnixSeconds;
        std::string abbrev;
        int32_t off = tz ? zone.OffsetAt(secs, &abbrev) : 0;
        int64_t local = tz ? ts + static_cast<int64_t>(off) * kUsecPerSec : ts;
        return Value::Str(FormatDateTime(a[1].s(), local, tz, off, abbrev));
      });
    }
    if (t == oid::kInterval)
      return Fn(kText, "to_char", args, [](const std::vector<Value>& a, EvalContext&) {
        Interval iv = a[0].iv();
        int64_t local = iv.time + static_cast<int64_t>(iv.day) * kUsecPerDay;
        return Value::Str(FormatDateTime(a[1].s(), local, false, 0, ""));
      });
    if (IsNumericCategory(t) && t != oid::kOid) {
      // The variant PostgreSQL's resolution picks: smallint goes to double precision.
      ToCharSource source = t == oid::kNumeric ? ToCharSource::kNumeric : t == oid::kInt8 ? ToCharSource::kInt8
                          : t == oid::kInt4 ? ToCharSource::kInt4 : t == oid::kFloat4 ? ToCharSource::kFloat4
                          : ToCharSource::kFloat8;
      bool binary = source == ToCharSource::kFloat4 || source == ToCharSource::kFloat8;
      args[0] = b.Coerce(args[0], Type(binary ? oid::kFloat8 : oid::kNumeric), CastContext::kImplicit, loc);
      return Fn(kText, "to_char", args, [source, binary](const std::vector<Value>& a, EvalContext&) {
        ToCharNumber x;
        x.source = source;
        if (binary) x.real = a[0].f();
        else Numeric::Parse(a[0].s(), &x.numeric);
        return Value::Str(NumberToChar(a[1].s(), x));
      });
    }
    return nullptr;
  };
  Register("to_date", {kText, kText}, Type(oid::kDate), [](const std::vector<Value>& a, EvalContext&) {
    int32_t tz;
    bool has_tz;
    return Value::Int(DateFromTimestamp(ParseWithPattern(a[0].s(), a[1].s(), false, "to_date", &tz, &has_tz)));
  });
  Register("to_timestamp", {kText, kText}, Type(oid::kTimestamptz), [](const std::vector<Value>& a, EvalContext& ctx) {
    int32_t tz = 0;
    bool has_tz;
    int64_t local = ParseWithPattern(a[0].s(), a[1].s(), true, "to_timestamp", &tz, &has_tz);
    if (has_tz) return Value::Int(local - static_cast<int64_t>(tz) * kUsecPerSec);
    return Value::Int(LocalToUtc(local, *ctx.state->dt.tz));
  });
  Register("to_timestamp", {Type(oid::kFloat8)}, Type(oid::kTimestamptz), [](const std::vector<Value>& a, EvalContext&) {
    double secs = a[0].f();
    if (std::isinf(secs)) return Value::Int(secs > 0 ? kTimestampInfinity : kTimestampMinusInfinity);
    if (std::isnan(secs)) throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
    return Value::Int(static_cast<int64_t>(std::llround(secs * 1e6)) - kPgEpochUnixSeconds * kUsecPerSec);
  });
  Register("to_number", {kText, kText}, Type(oid::kNumeric), [](const std::vector<Value>& a, EvalContext&) {
    std::string digits;
    bool neg = false, point = false;
    int frac = 0, max_frac = 0;
    std::string f = ToUpper(a[1].s());
    size_t dp = f.find_first_of(".D");
    if (dp != std::string::npos)
      for (size_t i = dp + 1; i < f.size(); i++) if (f[i] == '9' || f[i] == '0') max_frac++;
    for (char c : a[0].s()) {
      if (isdigit(static_cast<unsigned char>(c))) {
        if (point) { if (frac >= max_frac) continue; frac++; }
        digits += c;
      } else if (c == '.' && dp != std::string::npos) { point = true; }
      else if (c == '-' || c == '(') neg = true;
    }
    if (digits.empty()) throw Error(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type numeric: \" \"");
    Numeric n;
    std::string text = (neg ? "-" : "") + digits.substr(0, digits.size() - static_cast<size_t>(frac)) + (frac ? "." + digits.substr(digits.size() - static_cast<size_t>(frac)) : "");
    Numeric::Parse(text, &n);
    return Value::Str(n.ToString());
  });
}

}  // namespace tusk
