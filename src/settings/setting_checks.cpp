#include "settings/setting_checks.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/timezone.hpp"
#include "types/tsearch/ts_lookup.hpp"

namespace tusk {

namespace {

Error InvalidValue(const std::string& name, const std::string& value) {
  return Error(sqlstate::kInvalidParameterValue, "invalid value for parameter \"" + name + "\": \"" + value + "\"");
}

// A number is an offset in hours east of UTC (SET TIME ZONE 10, '-3.5'), named as PostgreSQL's
// pg_tzset_offset names it: "<+10>-10".
std::string NumericZoneName(const std::string& value) {
  char* end = nullptr;
  double hours = std::strtod(value.c_str(), &end);
  if (value.empty() || *end || end == value.c_str() || !(hours > -168 && hours < 168)) return "";
  long east = static_cast<long>(hours * 3600);
  long a = east < 0 ? -east : east;
  char offset[32];
  if (a % 60) std::snprintf(offset, sizeof offset, "%02ld:%02ld:%02ld", a / 3600, a / 60 % 60, a % 60);
  else if (a % 3600) std::snprintf(offset, sizeof offset, "%02ld:%02ld", a / 3600, a / 60 % 60);
  else std::snprintf(offset, sizeof offset, "%02ld", a / 3600);
  return std::string("<") + (east >= 0 ? "+" : "-") + offset + ">" + (east >= 0 ? "-" : "+") + offset;
}

std::string CheckTimeZone(const std::string& value, const std::string& name) {
  std::string numeric = NumericZoneName(value);
  auto tz = TimeZone::Find(numeric.empty() ? value : numeric);
  if (!tz) throw InvalidValue(name, value);
  return tz->name();
}

// DateStyle is an output style and a field order, given as key words (PostgreSQL's
// check_datestyle). Tusk prints dates only in ISO style with the MDY order for ambiguous input
// (docs/compatibility.md): other valid choices are 0A000, unknown words 22023.
std::string CheckDateStyle(const std::string& value, const std::string& name) {
  static const char* const kStyles[] = {"ISO", "SQL", "POSTGRES", "GERMAN"};
  static const char* const kOrders[] = {"YMD", "DMY", "EURO", "EUROPEAN", "MDY", "US", "NONEURO", "NONEUROPEAN"};
  std::string style, order;
  std::string word;
  auto take = [&](const std::string& w) {
    if (w.empty()) return;
    std::string u = ToUpper(w);
    bool is_style = std::find_if(std::begin(kStyles), std::end(kStyles), [&](const char* s) { return u == s; }) != std::end(kStyles);
    bool is_order = std::find_if(std::begin(kOrders), std::end(kOrders), [&](const char* s) { return u == s; }) != std::end(kOrders);
    if (u == "DEFAULT") return;
    if (!is_style && !is_order) throw InvalidValue(name, value).WithDetail("Unrecognized key word: \"" + w + "\".");
    std::string& slot = is_style ? style : order;
    std::string canon = u == "EURO" || u == "EUROPEAN" ? "DMY" : u == "US" || u == "NONEURO" || u == "NONEUROPEAN" ? "MDY" : u;
    if (!slot.empty() && slot != canon) throw InvalidValue(name, value).WithDetail("Conflicting \"datestyle\" specifications.");
    slot = canon;
  };
  for (char c : value) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c))) { take(word); word.clear(); }
    else word += c;
  }
  take(word);
  if ((!style.empty() && style != "ISO") || (!order.empty() && order != "MDY"))
    throw Error(sqlstate::kFeatureNotSupported, "only DateStyle ISO, MDY is supported");
  return "ISO, MDY";
}

std::string CheckIntervalStyle(const std::string& value, const std::string&) {
  if (value != "postgres") throw Error(sqlstate::kFeatureNotSupported, "only IntervalStyle postgres is supported");
  return value;
}

// PostgreSQL's encoding names; Tusk speaks UTF8 only (0A000 for the others).
std::string CheckClientEncoding(const std::string& value, const std::string& name) {
  static const char* const kEncodings[] = {
      "SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "MULE_INTERNAL", "LATIN1", "LATIN2",
      "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866",
      "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250",
      "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB",
      "SHIFT_JIS_2004"};
  std::string v = ToUpper(value);
  if (v == "UTF8" || v == "UTF-8" || v == "UNICODE") return "UTF8";
  for (const char* e : kEncodings)
    if (v == e) throw Error(sqlstate::kFeatureNotSupported, "only client_encoding UTF8 is supported");
  throw InvalidValue(name, value);
}

// application_name and cluster_name go into logs and other sessions' views: any byte that is
// not printable ASCII becomes '?' (PostgreSQL's pg_clean_ascii).
std::string CheckPrintableAscii(const std::string& value, const std::string&) {
  std::string out = value;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) c = '?';
  return out;
}

thread_local const TsNameScope* g_names = nullptr;

// A text search configuration that exists, kept schema-qualified (so that a later search_path
// does not change which one it is), as PostgreSQL's check_TSCurrentConfig keeps it.
std::string CheckTextSearchConfig(const std::string& value, const std::string& name) {
  const TsNameScope builtin;
  const TsNameScope& scope = g_names ? *g_names : builtin;
  std::string schema, config;
  try {
    uint32_t oid = LookupTsObject(TsObjectKind::kConfig, SplitTsObjectName(value), scope);
    if (!TsObjectById(TsObjectKind::kConfig, scope.catalog, oid, &schema, &config)) throw InvalidValue(name, value);
  } catch (const Error&) {
    throw InvalidValue(name, value);
  }
  return QuoteIdent(schema) + "." + QuoteIdent(config);
}

const std::map<std::string, SettingCheck, std::less<>>& Checks() {
  static const std::map<std::string, SettingCheck, std::less<>> checks = {
      {"TimeZone", CheckTimeZone},
      {"DateStyle", CheckDateStyle},
      {"IntervalStyle", CheckIntervalStyle},
      {"client_encoding", CheckClientEncoding},
      {"application_name", CheckPrintableAscii},
      {"default_text_search_config", CheckTextSearchConfig},
      {"cluster_name", CheckPrintableAscii},
  };
  return checks;
}

}  // namespace

SettingCheck FindSettingCheck(std::string_view name) {
  auto it = Checks().find(name);
  return it == Checks().end() ? nullptr : it->second;
}

ScopedSettingNames::ScopedSettingNames(const TsNameScope* scope) : saved_(g_names) { g_names = scope; }
ScopedSettingNames::~ScopedSettingNames() { g_names = saved_; }

}  // namespace tusk
