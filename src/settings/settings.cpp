#include "settings/settings.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "settings/setting_checks.hpp"

namespace tusk {

namespace {

const SettingDef kBuiltinSettings[] = {
#include "settings/builtin_settings.inc"
};

// Tusk's own settings and those of the extensions it has built in.
const SettingDef kTuskSettings[] = {
    {"tusk.statement_memory_limit", SettingType::kInteger, "kB", SettingContext::kUser, "Resource Usage / Memory",
     "Sets the most memory the buffers of one statement may hold.",
     "Sorts, hash tables and materialized results count against it; 0 means no limit.", "0", "2147483647", "",
     "1048576", "1048576", false},
    {"tusk.partition_maintenance_naptime", SettingType::kInteger, "s", SettingContext::kSighup, "Autovacuum",
     "Time to sleep between runs of automatic partition maintenance.",
     "Tables with a partition_interval get their partitions made and retired this often.", "1", "86400", "", "60", "60", false},
    // pg_trgm's, as its library defines them when loaded (always, on Tusk).
    {"pg_trgm.similarity_threshold", SettingType::kReal, "", SettingContext::kUser, "Customized Options",
     "Sets the threshold used by the % operator.", "Valid range is 0.0 .. 1.0.", "0", "1", "", "0.3", "0.3", false},
    {"pg_trgm.word_similarity_threshold", SettingType::kReal, "", SettingContext::kUser, "Customized Options",
     "Sets the threshold used by the <% operator.", "Valid range is 0.0 .. 1.0.", "0", "1", "", "0.6", "0.6", false},
    {"pg_trgm.strict_word_similarity_threshold", SettingType::kReal, "", SettingContext::kUser, "Customized Options",
     "Sets the threshold used by the <<% operator.", "Valid range is 0.0 .. 1.0.", "0", "1", "", "0.5", "0.5", false},
};
// The PostgreSQL settings whose default differs on Tusk.
const std::map<std::string, std::string, std::less<>>& TuskDefaults() {
  static const std::map<std::string, std::string, std::less<>> d = {
      {"server_version", "15.0"}, {"server_version_num", "150000"}, {"max_connections", "1000"},
      {"log_timezone", "UTC"}};
  return d;
}

struct Registry {
  std::vector<SettingDef> defs;  // stable storage; the vectors below point into it
  std::map<std::string, const SettingDef*, std::less<>> by_lower_name;
  std::vector<const SettingDef*> ordered;
};

const Registry& Settings() {
  static const Registry* r = [] {
    auto* owned = new Registry;  // lives as long as the process; pointers into defs stay valid
    Registry& reg = *owned;
    for (const auto& d : kBuiltinSettings) reg.defs.push_back(d);
    for (const auto& d : kTuskSettings) reg.defs.push_back(d);
    for (auto& d : reg.defs) {
      auto o = TuskDefaults().find(d.name);
      if (o != TuskDefaults().end()) d.default_val = o->second.c_str();
    }
    for (const auto& d : reg.defs) {
      reg.by_lower_name[ToLower(d.name)] = &d;
      reg.ordered.push_back(&d);
    }
    std::sort(reg.ordered.begin(), reg.ordered.end(),
              [](const SettingDef* a, const SettingDef* b) { return ToLower(a->name) < ToLower(b->name); });
    return owned;
  }();
  return *r;
}

// Unit conversions, largest unit first within each base unit, as PostgreSQL's tables.
struct UnitConversion {
  const char* unit;
  const char* base;
  double multiplier;
};
const UnitConversion kUnitConversions[] = {
    {"TB", "B", 1024.0 * 1024 * 1024 * 1024}, {"GB", "B", 1024.0 * 1024 * 1024}, {"MB", "B", 1024.0 * 1024},
    {"kB", "B", 1024.0}, {"B", "B", 1.0},
    {"TB", "kB", 1024.0 * 1024 * 1024}, {"GB", "kB", 1024.0 * 1024}, {"MB", "kB", 1024.0}, {"kB", "kB", 1.0},
    {"B", "kB", 1.0 / 1024},
    {"TB", "MB", 1024.0 * 1024}, {"GB", "MB", 1024.0}, {"MB", "MB", 1.0}, {"kB", "MB", 1.0 / 1024},
    {"B", "MB", 1.0 / (1024.0 * 1024)},
    {"TB", "8kB", 1024.0 * 1024 * 1024 / 8}, {"GB", "8kB", 1024.0 * 1024 / 8}, {"MB", "8kB", 1024.0 / 8},
    {"kB", "8kB", 1.0 / 8}, {"B", "8kB", 1.0 / 8192},
    {"d", "ms", 1000.0 * 60 * 60 * 24}, {"h", "ms", 1000.0 * 60 * 60}, {"min", "ms", 1000.0 * 60}, {"s", "ms", 1000.0},
    {"ms", "ms", 1.0}, {"us", "ms", 1.0 / 1000},
    {"d", "s", 60.0 * 60 * 24}, {"h", "s", 60.0 * 60}, {"min", "s", 60.0}, {"s", "s", 1.0}, {"ms", "s", 1.0 / 1000},
    {"us", "s", 1.0 / (1000 * 1000)},
    {"d", "min", 60.0 * 24}, {"h", "min", 60.0}, {"min", "min", 1.0}, {"s", "min", 1.0 / 60},
    {"ms", "min", 1.0 / (1000 * 60)}, {"us", "min", 1.0 / (1000.0 * 1000 * 60)},
};

bool IsMemoryUnit(std::string_view base) { return base == "B" || base == "kB" || base == "MB" || base == "8kB"; }

// The name messages use: as the statement spelled it, as PostgreSQL's do.
thread_local std::string_view g_given_name;
std::string MessageName(const SettingDef& def) { return g_given_name.empty() ? def.name : std::string(g_given_name); }

Error InvalidValue(const SettingDef& def, std::string_view value, const char* hint) {
  Error e(sqlstate::kInvalidParameterValue, "invalid value for parameter \"" + MessageName(def) + "\": \"" + std::string(value) + "\"");
  if (hint) e.WithHint(hint);
  return e;
}

const char* UnitsHint(const SettingDef& def) {
  return IsMemoryUnit(def.unit) ? "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."
                                : "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
}

// A number with an optional unit, in the setting's base unit (PostgreSQL's parse_int/parse_real
// without the final rounding). Throws 22023 when unreadable.
double ParseNumberWithUnit(const SettingDef& def, const std::string& text, bool integer) {
  const char* s = text.c_str();
  char* end = nullptr;
  errno = 0;
  double v = 0;
  if (integer) {
    v = static_cast<double>(std::strtol(s, &end, 0));
    if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
      errno = 0;
      v = std::strtod(s, &end);
    }
  } else {
    v = std::strtod(s, &end);
  }
  if (end == s || errno == ERANGE || std::isnan(v)) throw InvalidValue(def, text, nullptr);
  while (*end && std::isspace(static_cast<unsigned char>(*end))) end++;
  if (*end) {
    if (!*def.unit) throw InvalidValue(def, text, nullptr);
    std::string unit;
    while (*end && !std::isspace(static_cast<unsigned char>(*end)) && unit.size() < 3) unit += *end++;
    while (*end && std::isspace(static_cast<unsigned char>(*end))) end++;
    size_t n = std::size(kUnitConversions);
    size_t i = 0;
    for (; i < n; i++)
      if (def.unit == std::string_view(kUnitConversions[i].base) && unit == kUnitConversions[i].unit) break;
    if (*end || i == n) throw InvalidValue(def, text, UnitsHint(def));
    v *= kUnitConversions[i].multiplier;
    // A fractional value ("1.5GB") rounds to a whole number of the next smaller unit.
    if (i + 1 < n && def.unit == std::string_view(kUnitConversions[i + 1].base))
      v = std::rint(v / kUnitConversions[i + 1].multiplier) * kUnitConversions[i + 1].multiplier;
  }
  return v;
}

// Formats a value in base units with the largest unit that divides it evenly (PostgreSQL's
// convert_int_from_base_unit / convert_real_from_base_unit).
std::string WithUnit(const SettingDef& def, double base, bool integer) {
  if (!*def.unit || base <= 0) {
    char buf[64];
    if (integer) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(base));
    else std::snprintf(buf, sizeof buf, "%g", base);
    return buf;
  }
  std::string unit_name = def.unit;
  for (const auto& c : kUnitConversions) {
    if (unit_name != c.base) continue;
    double v = base / c.multiplier;
    bool last = &c == &kUnitConversions[std::size(kUnitConversions) - 1] ||
                std::string_view((&c + 1)->base) != c.base;
    bool even = integer ? (c.multiplier <= 1.0 || std::fmod(base, c.multiplier) == 0)
                        : std::fabs(std::rint(v) / v - 1.0) <= 1e-8;
    if (even || last) {
      char buf[64];
      if (integer) std::snprintf(buf, sizeof buf, "%lld%s", static_cast<long long>(std::rint(v)), c.unit);
      else std::snprintf(buf, sizeof buf, "%g%s", v, c.unit);
      return buf;
    }
  }
  return std::to_string(base);
}

std::string NormalizeInteger(const SettingDef& def, const std::string& text) {
  double v = std::rint(ParseNumberWithUnit(def, text, true));
  if (v > INT_MAX || v < INT_MIN) throw InvalidValue(def, text, "Value exceeds integer range.");
  long long lo = std::atoll(def.min_val), hi = std::atoll(def.max_val);
  auto n = static_cast<long long>(v);
  if (*def.min_val && (n < lo || n > hi)) {
    std::string unit = *def.unit ? std::string(" ") + def.unit : "";
    throw Error(sqlstate::kInvalidParameterValue, std::to_string(n) + unit + " is outside the valid range for parameter \"" +
                                                      MessageName(def) + "\" (" + def.min_val + " .. " + def.max_val + ")");
  }
  return WithUnit(def, v, true);
}

std::string NormalizeReal(const SettingDef& def, const std::string& text) {
  double v = ParseNumberWithUnit(def, text, false);
  if (*def.min_val && (v < std::atof(def.min_val) || v > std::atof(def.max_val))) {
    char buf[320];
    std::snprintf(buf, sizeof buf, "%g%s%s is outside the valid range for parameter \"%s\" (%g .. %g)", v,
                  *def.unit ? " " : "", def.unit, MessageName(def).c_str(), std::atof(def.min_val), std::atof(def.max_val));
    throw Error(sqlstate::kInvalidParameterValue, buf);
  }
  return WithUnit(def, v, false);
}

std::string NormalizeEnum(const SettingDef& def, const std::string& text) {
  auto values = SettingEnumValues(def);
  for (const auto& v : values)
    if (IEquals(v, text)) return v;
  // Enums that have "on" and "off" also take the other spellings of a boolean, unlisted.
  bool has_on_off = std::count(values.begin(), values.end(), "on") && std::count(values.begin(), values.end(), "off");
  std::string t = ToLower(text);
  if (has_on_off && (t == "true" || t == "yes" || t == "1")) return "on";
  if (has_on_off && (t == "false" || t == "no" || t == "0")) return "off";
  std::string hint = "Available values: " + Join(values, ", ") + ".";
  throw InvalidValue(def, text, hint.c_str());
}

}  // namespace

std::optional<bool> ParseBool(std::string_view text) {
  std::string t = ToLower(text);
  if (t.empty()) return std::nullopt;
  auto prefix_of = [&](std::string_view word, size_t min) { return t.size() >= min && word.substr(0, t.size()) == t; };
  if (prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2) || t == "1") return true;
  if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || t == "0") return false;
  return std::nullopt;
}

const SettingDef* FindSetting(std::string_view name) {
  const auto& reg = Settings();
  auto it = reg.by_lower_name.find(ToLower(name));
  return it == reg.by_lower_name.end() ? nullptr : it->second;
}

const std::vector<const SettingDef*>& AllSettings() { return Settings().ordered; }

const char* SettingContextName(SettingContext c) {
  switch (c) {
    case SettingContext::kInternal: return "internal";
    case SettingContext::kPostmaster: return "postmaster";
    case SettingContext::kSighup: return "sighup";
    case SettingContext::kSuperuserBackend: return "superuser-backend";
    case SettingContext::kBackend: return "backend";
    case SettingContext::kSuperuser: return "superuser";
    case SettingContext::kUser: return "user";
  }
  return "";
}

const char* SettingTypeName(SettingType t) {
  switch (t) {
    case SettingType::kBool: return "bool";
    case SettingType::kInteger: return "integer";
    case SettingType::kReal: return "real";
    case SettingType::kString: return "string";
    case SettingType::kEnum: return "enum";
  }
  return "";
}

const char* SettingSourceName(SettingSource s) {
  switch (s) {
    case SettingSource::kDefault: return "default";
    case SettingSource::kConfigFile: return "configuration file";
    case SettingSource::kGlobal: return "global";
    case SettingSource::kDatabase: return "database";
    case SettingSource::kUser: return "user";
    case SettingSource::kDatabaseUser: return "database user";
    case SettingSource::kClient: return "client";
    case SettingSource::kSession: return "session";
  }
  return "";
}

std::vector<std::string> SettingEnumValues(const SettingDef& def) {
  std::vector<std::string> out;
  std::string_view all = def.enumvals;
  while (!all.empty()) {
    size_t sep = all.find('\x1f');
    out.emplace_back(all.substr(0, sep));
    if (sep == std::string_view::npos) break;
    all.remove_prefix(sep + 1);
  }
  return out;
}

bool IsCustomSettingName(std::string_view name) { return name.find('.') != std::string_view::npos; }

std::string NormalizeSetting(const SettingDef& def, std::string_view value_in, std::string_view given_name,
                             std::vector<std::string>* notices) {
  struct Given {
    std::string_view saved = g_given_name;
    ~Given() { g_given_name = saved; }
  } given;
  g_given_name = given_name;
  std::string value(value_in);
  switch (def.type) {
    case SettingType::kBool: {
      auto b = ParseBool(value);
      if (!b) throw Error(sqlstate::kInvalidParameterValue, "parameter \"" + MessageName(def) + "\" requires a Boolean value");
      value = *b ? "on" : "off";
      break;
    }
    case SettingType::kInteger: value = NormalizeInteger(def, value); break;
    case SettingType::kReal: value = NormalizeReal(def, value); break;
    case SettingType::kEnum: value = NormalizeEnum(def, value); break;
    case SettingType::kString: {
      // Settings that hold a name (PostgreSQL's GUC_IS_NAME) keep at most 63 bytes, cut at a
      // character boundary, as identifiers are.
      std::string_view n = def.name;
      if ((n == "application_name" || n == "cluster_name") && value.size() > 63) {
        size_t cut = 63;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) cut--;
        std::string shorter = value.substr(0, cut);
        if (notices) notices->push_back("identifier \"" + value + "\" will be truncated to \"" + shorter + "\"");
        value = shorter;
      }
      break;
    }
  }
  // Check hooks name the setting as PostgreSQL spells it, as PostgreSQL's do.
  if (auto check = FindSettingCheck(def.name)) value = check(value, def.name);
  return value;
}

void CheckCustomSettingName(std::string_view name) {
  auto invalid = [&](const std::string& detail) {
    return Error("42602", "invalid configuration parameter name \"" + std::string(name) + "\"").WithDetail(detail);
  };
  // Each dot-separated part: a letter or '_' first, then letters, digits, '_' or '$'.
  size_t start = 0;
  int parts = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool ok = !part.empty() && (std::isalpha(static_cast<unsigned char>(part[0])) || part[0] == '_' ||
                                static_cast<unsigned char>(part[0]) >= 0x80);
    for (char c : part)
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80);
    if (!ok) throw invalid("Custom parameter names must be two or more simple identifiers separated by dots.");
    parts++;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts < 2) throw invalid("Custom parameter names must be two or more simple identifiers separated by dots.");
  // PL/pgSQL, loaded in every database, reserves its prefix (its own settings are not Tusk's yet).
  static const char* const kPlpgsqlSettings[] = {"plpgsql.variable_conflict", "plpgsql.print_strict_params",
                                                  "plpgsql.check_asserts", "plpgsql.extra_warnings", "plpgsql.extra_errors"};
  std::string lower = ToLower(name);
  if (lower.rfind("plpgsql.", 0) == 0 &&
      std::none_of(std::begin(kPlpgsqlSettings), std::end(kPlpgsqlSettings), [&](const char* s) { return lower == s; }))
    throw invalid("\"plpgsql\" is a reserved prefix.");
}

std::string DefaultSetting(const SettingDef& def) {
  // Defaults are stored in base units and pass the same reading as any value; a check hook may
  // refuse one Tusk does not support (a DateStyle other than ISO), which then stays as it is.
  try {
    return NormalizeSetting(def, def.default_val);
  } catch (const Error&) {
    return def.default_val;
  }
}

std::string SettingInBaseUnit(const SettingDef& def, const std::string& shown) {
  if (def.type != SettingType::kInteger && def.type != SettingType::kReal) return shown;
  double v = 0;
  try {
    v = ParseNumberWithUnit(def, shown, def.type == SettingType::kInteger);
  } catch (const Error&) {
    return shown;
  }
  char buf[64];
  if (def.type == SettingType::kInteger) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::rint(v)));
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void CheckSettingChangeable(const SettingDef& def, SettingSource source, bool superuser) {
  if (source == SettingSource::kDefault || source == SettingSource::kConfigFile) return;
  const std::string name = def.name;
  switch (def.context) {
    case SettingContext::kInternal:
      throw Error("55P02", "parameter \"" + name + "\" cannot be changed");
    case SettingContext::kPostmaster:
      throw Error("55P02", "parameter \"" + name + "\" cannot be changed without restarting the server");
    case SettingContext::kSighup:
      throw Error("55P02", "parameter \"" + name + "\" cannot be changed now");
    case SettingContext::kSuperuserBackend:
    case SettingContext::kBackend:
      if (source != SettingSource::kSession) {  // at connection start
        if (def.context == SettingContext::kSuperuserBackend && !superuser)
          throw Error(sqlstate::kInsufficientPrivilege, "permission denied to set parameter \"" + name + "\"");
        return;
      }
      throw Error("55P02", "parameter \"" + name + "\" cannot be set after connection start");
    case SettingContext::kSuperuser:
      if (!superuser) throw Error(sqlstate::kInsufficientPrivilege, "permission denied to set parameter \"" + name + "\"");
      return;
    case SettingContext::kUser:
      return;
  }
}

}  // namespace tusk
