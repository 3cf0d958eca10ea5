#include "types/timezone.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>

namespace tusk {

namespace {
int64_t ReadBE(const unsigned char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; i++) v = (v << 8) | p[i];
  if (n == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
  return static_cast<int64_t>(v);
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Seconds since 1970 (local) at which a POSIX rule fires in a given year.
int64_t RuleLocalTime(char kind, int month, int week, int day, int32_t time, int64_t year) {
  int64_t days;
  if (kind == 'M') {
    int64_t first = DaysFromCivil(year, static_cast<unsigned>(month), 1);
    int64_t wday_first = ((first % 7) + 11) % 7;  // 1970-01-01 was a Thursday (4)
    int64_t d = (day - wday_first + 7) % 7 + 1 + (week - 1) * 7;
    static const int kMdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int mdays = kMdays[month - 1] + (month == 2 && IsLeap(year));
    while (d > mdays) d -= 7;
    days = first + d - 1;
  } else if (kind == 'J') {  // Jn: 1..365, Feb 29 never counted
    days = DaysFromCivil(year, 1, 1) + day - 1 + (IsLeap(year) && day >= 60);
  } else {  // n: 0..365 zero-based
    days = DaysFromCivil(year, 1, 1) + day;
  }
  return days * 86400 + time;
}
}  // namespace

std::shared_ptr<const TimeZone> TimeZone::Utc() {
  static auto utc = Fixed(0, "UTC");
  return utc;
}

std::shared_ptr<const TimeZone> TimeZone::Fixed(int32_t offset, std::string name) {
  auto tz = std::make_shared<TimeZone>();
  tz->name_ = std::move(name);
  tz->has_posix_ = true;
  tz->std_offset_ = offset;
  tz->std_abbrev_ = tz->name_;
  return tz;
}

namespace {
// A POSIX TZ string without daylight-saving rules ("<+10>-10", "UTC+3", "EST5", "+05:30"): a name, then
// the offset west of UTC as [+-]hh[:mm[:ss]]. False for anything else.
bool ParsePosixFixed(const std::string& s, std::string* abbrev, int32_t* east) {
  size_t i = 0;
  if (!s.empty() && s[0] == '<') {
    size_t close = s.find('>');
    if (close == std::string::npos || close < 2) return false;
    *abbrev = s.substr(1, close - 1);
    i = close + 1;
  } else {
    while (i < s.size() && isalpha(static_cast<unsigned char>(s[i]))) i++;
    if (i > 0 && i < 3) return false;  // no name at all ("+05:30") is an offset alone
    *abbrev = s.substr(0, i);
  }
  int sign = 1;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
  int32_t parts[3] = {0, 0, 0};
  for (int k = 0; k < 3; k++) {
    if (k > 0) {
      if (i >= s.size()) break;
      if (s[i++] != ':') return false;
    }
    size_t start = i;
    while (i < s.size() && i - start < 2 && isdigit(static_cast<unsigned char>(s[i]))) parts[k] = parts[k] * 10 + (s[i++] - '0');
    if (i == start) return false;
  }
  if (i != s.size() || parts[0] > 24 || parts[1] > 59 || parts[2] > 59) return false;
  *east = -sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  return true;
}
}  // namespace

std::shared_ptr<const TimeZone> TimeZone::Find(const std::string& name) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const TimeZone>> cache;
  std::lock_guard<std::mutex> lock(mu);
  std::string key;
  for (char c : name) key += static_cast<char>(tolower(static_cast<unsigned char>(c)));
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (key == "utc" || key == "gmt" || key == "z" || key == "zulu" || key == "etc/utc") {
    auto tz = std::make_shared<TimeZone>(*Utc());
    tz->name_ = name;
    return cache[key] = tz;
  }
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') return nullptr;
  std::string abbrev;
  int32_t east;
  if (ParsePosixFixed(name, &abbrev, &east)) {
    auto fixed = std::make_shared<TimeZone>(*Fixed(east, name));
    fixed->std_abbrev_ = abbrev;
    return cache[key] = fixed;
  }
  auto tz = std::make_shared<TimeZone>();
  tz->name_ = name;
  // The tz database is case-sensitive on disk; PostgreSQL matches names case-insensitively.
  if (!tz->LoadTzif("/usr/share/zoneinfo/" + name)) {
    // Try canonical capitalisation per path component (america/new_york -> America/New_York).
    std::string canon;
    bool up = true;
    for (char c : key) {
      canon += up ? static_cast<char>(toupper(static_cast<unsigned char>(c))) : c;
      up = (c == '/' || c == '_' || c == '-');
    }
    if (!tz->LoadTzif("/usr/share/zoneinfo/" + canon)) {
      std::string upper;
      for (char c : key) upper += static_cast<char>(toupper(static_cast<unsigned char>(c)));
      if (!tz->LoadTzif("/usr/share/zoneinfo/" + upper)) return nullptr;
    }
  }
  return cache[key] = tz;
}

bool TimeZone::LoadTzif(const std::string& path) {
  // Only a regular file can be a zone: "America/" names a directory, which an ifstream opens
  // and then fails (throws) to read.
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 20)) return false;
  std::string data;
  try {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    data.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure&) {
    return false;
  }
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if (n < 44 || data.compare(0, 4, "TZif") != 0) return false;
  auto counts = [&](size_t off, int64_t c[6]) {
    for (int i = 0; i < 6; i++) c[i] = ReadBE(p + off + 20 + i * 4, 4);
  };
  int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  counts(0, c);
  char version = data[4];
  size_t off = 44;
  int tsize = 4;
  if (version >= '2') {
    off += static_cast<size_t>(c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
    if (off + 44 > n) return false;
    counts(off, c);
    off += 44;
    tsize = 8;
  }
  size_t need = static_cast<size_t>(c[3] * tsize + c[3] + c[4] * 6 + c[5] + c[2] * (tsize + 4) + c[1] + c[0]);
  if (off + need > n) return false;
  for (int64_t i = 0; i < c[3]; i++) transitions_.push_back(ReadBE(p + off + i * tsize, tsize));
  off += static_cast<size_t>(c[3] * tsize);
  for (int64_t i = 0; i < c[3]; i++) transition_types_.push_back(p[off + static_cast<size_t>(i)]);
  off += static_cast<size_t>(c[3]);
  size_t types_off = off;
  size_t chars_off = off + static_cast<size_t>(c[4] * 6);
  for (int64_t i = 0; i < c[4]; i++) {
    const unsigned char* t = p + types_off + i * 6;
    TypeInfo ti;
    ti.offset = static_cast<int32_t>(ReadBE(t, 4));
    ti.dst = t[4] != 0;
    size_t ai = chars_off + t[5];
    while (ai < n && data[ai] != '\0') ti.abbrev += data[ai++];
    types_.push_back(ti);
  }
  off += need;
  if (version >= '2' && off < n && data[off] == '\n') {
    size_t end = data.find('\n', off + 1);
    if (end != std::string::npos) ParsePosix(data.substr(off + 1, end - off - 1));
  }
  return !types_.empty();
}

bool TimeZone::ParsePosix(const std::string& s) {
  size_t i = 0;
  auto name = [&](std::string* out) {
    if (i < s.size() && s[i] == '<') {
      size_t e = s.find('>', i);
      if (e == std::string::npos) return false;
      *out = s.substr(i + 1, e - i - 1);
      i = e + 1;
      return true;
    }
    size_t b = i;
    while (i < s.size() && isalpha(static_cast<unsigned char>(s[i]))) i++;
    *out = s.substr(b, i - b);
    return i - b >= 3;
  };
  auto hms = [&](int32_t* out) {
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int32_t parts[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++) {
      if (i >= s.size() || !isdigit(static_cast<unsigned char>(s[i]))) {
        if (k == 0) return false;
        break;
      }
      while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) parts[k] = parts[k] * 10 + (s[i++] - '0');
      if (k < 2 && i < s.size() && s[i] == ':') i++;
      else break;
    }
    *out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    return true;
  };
  auto rule = [&](RuleSpec* r) {
    r->time = 7200;
    if (i < s.size() && s[i] == 'M') {
      r->kind = 'M';
      i++;
      int v[3] = {0, 0, 0};
      for (int k = 0; k < 3; k++) {
        while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) v[k] = v[k] * 10 + (s[i++] - '0');
        if (k < 2) { if (i >= s.size() || s[i] != '.') return false; i++; }
      }
      r->month = v[0]; r->week = v[1]; r->day = v[2];
    } else {
      r->kind = 'n';
      if (i < s.size() && s[i] == 'J') { r->kind = 'J'; i++; }
      r->day = 0;
      while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) r->day = r->day * 10 + (s[i++] - '0');
    }
    if (i < s.size() && s[i] == '/') { i++; if (!hms(&r->time)) return false; }
    return true;
  };
  int32_t off;
  if (!name(&std_abbrev_) || !hms(&off)) return false;
  std_offset_ = -off;
  has_posix_ = true;
  if (i >= s.size()) return true;
  if (!name(&dst_abbrev_)) return false;
  dst_offset_ = std_offset_ + 3600;
  if (i < s.size() && s[i] != ',') { if (!hms(&off)) return false; dst_offset_ = -off; }
  if (i < s.size() && s[i] == ',') {
    i++;
    if (!rule(&dst_start_)) return false;
    if (i >= s.size() || s[i] != ',') return false;
    i++;
    if (!rule(&dst_end_)) return false;
    has_dst_ = true;
  }
  return true;
}

int32_t TimeZone::PosixOffsetAt(int64_t utc, std::string* abbrev) const {
  if (!has_dst_) {
    if (abbrev) *abbrev = std_abbrev_;
    return std_offset_;
  }
  int64_t days = (utc + std_offset_) / 86400 - ((utc + std_offset_) % 86400 < 0);
  // civil year from days
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) y++;
  // DST start is given in standard local time, end in daylight local time.
  int64_t start = RuleLocalTime(dst_start_.kind, dst_start_.month, dst_start_.week, dst_start_.day, dst_start_.time, y) - std_offset_;
  int64_t end = RuleLocalTime(dst_end_.kind, dst_end_.month, dst_end_.week, dst_end_.day, dst_end_.time, y) - dst_offset_;
  bool dst = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
  if (abbrev) *abbrev = dst ? dst_abbrev_ : std_abbrev_;
  return dst ? dst_offset_ : std_offset_;
}

int32_t TimeZone::OffsetAt(int64_t utc, std::string* abbrev) const {
  if (transitions_.empty() || utc >= transitions_.back()) {
    if (has_posix_) return PosixOffsetAt(utc, abbrev);
    if (types_.empty()) { if (abbrev) *abbrev = "UTC"; return 0; }
  }
  size_t idx;
  if (transitions_.empty() || utc < transitions_.front()) {
    idx = 0;  // first non-DST type, per TZif convention type 0
    for (size_t k = 0; k < types_.size(); k++) if (!types_[k].dst) { idx = k; break; }
  } else {
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
    idx = transition_types_[static_cast<size_t>(it - transitions_.begin()) - 1];
  }
  if (abbrev) *abbrev = types_[idx].abbrev;
  return types_[idx].offset;
}

int32_t TimeZone::OffsetForLocal(int64_t local) const {
  int32_t before = OffsetAt(local - 86400);
  int32_t after = OffsetAt(local + 86400);
  if (before == after) {
    int32_t o = OffsetAt(local - before);
    return OffsetAt(local - o) == o ? o : before;
  }
  bool before_ok = OffsetAt(local - before) == before;
  bool after_ok = OffsetAt(local - after) == after;
  if (after_ok) return after;  // unambiguous after, or an overlap: take the later meaning
  if (before_ok) return before;
  return before;  // in a gap: interpret with the offset before the transition
}

}  // namespace tusk
