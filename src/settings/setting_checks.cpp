#include "settings/setting_checks.hpp"

#include <map>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/timezone.hpp"

namespace tusk {

namespace {

std::string CheckTimeZone(const std::string& value) {
  auto tz = TimeZone::Find(value);
  if (!tz) throw Error(sqlstate::kInvalidParameterValue, "invalid value for parameter \"TimeZone\": \"" + value + "\"");
  return tz->name();
}

// Tusk prints dates only in ISO style (docs/compatibility.md).
std::string CheckDateStyle(const std::string& value) {
  if (ToUpper(value).find("ISO") == std::string::npos)
    throw Error(sqlstate::kFeatureNotSupported, "only DateStyle ISO is supported");
  return "ISO, MDY";
}

std::string CheckIntervalStyle(const std::string& value) {
  if (value != "postgres") throw Error(sqlstate::kFeatureNotSupported, "only IntervalStyle postgres is supported");
  return value;
}

std::string CheckClientEncoding(const std::string& value) {
  std::string v = ToUpper(value);
  if (v != "UTF8" && v != "UTF-8" && v != "UNICODE")
    throw Error(sqlstate::kFeatureNotSupported, "only client_encoding UTF8 is supported");
  return "UTF8";
}

const std::map<std::string, SettingCheck, std::less<>>& Checks() {
  static const std::map<std::string, SettingCheck, std::less<>> checks = {
      {"TimeZone", CheckTimeZone},
      {"DateStyle", CheckDateStyle},
      {"IntervalStyle", CheckIntervalStyle},
      {"client_encoding", CheckClientEncoding},
  };
  return checks;
}

}  // namespace

SettingCheck FindSettingCheck(std::string_view name) {
  auto it = Checks().find(name);
  return it == Checks().end() ? nullptr : it->second;
}

}  // namespace tusk
