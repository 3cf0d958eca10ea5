// The settings registry: every PostgreSQL 15 setting (generated from PostgreSQL's pg_settings
// into builtin_settings.inc) and Tusk's own, with PostgreSQL's rules for reading a value (type,
// unit, range, allowed values, check hooks) and for showing it. Sessions keep values in the
// form SHOW prints ("64MB", "1min", "on"); pg_settings converts them back to base units.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

enum class SettingType { kBool, kInteger, kReal, kString, kEnum };
// Who may change a setting, and when (PostgreSQL's GucContext), weakest last.
enum class SettingContext { kInternal, kPostmaster, kSighup, kSuperuserBackend, kBackend, kSuperuser, kUser };
// Where a value came from (pg_settings.source).
// kGlobal .. kDatabaseUser: ALTER ROLE ALL / DATABASE / ROLE / ROLE IN DATABASE ... SET, applied
// when a session starts (weakest first, as PostgreSQL's GucSource).
enum class SettingSource { kDefault, kConfigFile, kGlobal, kDatabase, kUser, kDatabaseUser, kClient, kSession };

struct SettingDef {
  const char* name;  // as PostgreSQL spells it ("TimeZone"); lookups ignore case
  SettingType type;
  const char* unit;  // "kB", "8kB", "ms", "s", "min", ... or ""
  SettingContext context;
  const char* category;
  const char* short_desc;
  const char* extra_desc;
  const char* min_val;
  const char* max_val;
  const char* enumvals;  // allowed values separated by '\x1f'
  const char* boot_val;
  const char* default_val;  // in base units, as pg_settings.reset_val of a new cluster
  bool hidden;              // left out of SHOW ALL and pg_settings, as PostgreSQL's GUC_NO_SHOW_ALL
};

// nullptr when no setting has that name (ignoring case).
const SettingDef* FindSetting(std::string_view name);
// Every setting in pg_settings' order (by name, ignoring case), hidden ones included.
const std::vector<const SettingDef*>& AllSettings();

const char* SettingContextName(SettingContext c);
const char* SettingTypeName(SettingType t);
const char* SettingSourceName(SettingSource s);
std::vector<std::string> SettingEnumValues(const SettingDef& def);
// PostgreSQL's parse_bool: any prefix of true/false/yes/no, on/off (two letters at least), 1/0.
std::optional<bool> ParseBool(std::string_view text);

// Reads `value` as the setting's type and check hook, as SET does: the SHOW form of it, or
// 22023 with PostgreSQL's message (and hint) when it is not a valid value. Messages name the
// setting as the statement spelled it (`given_name`; empty: PostgreSQL's spelling).
// A value too long for a name-typed setting (application_name) is cut to 63 bytes, and the
// NOTICE PostgreSQL sends about it is appended to `notices`.
std::string NormalizeSetting(const SettingDef& def, std::string_view value, std::string_view given_name = {},
                             std::vector<std::string>* notices = nullptr);
// Checks the name of a custom setting ("app.tenant"): two or more identifiers separated by
// dots, and not under a prefix an extension reserved (42602).
void CheckCustomSettingName(std::string_view name);
// The default in its SHOW form.
std::string DefaultSetting(const SettingDef& def);
// A SHOW-form value as pg_settings.setting prints it: numbers in the setting's base unit.
std::string SettingInBaseUnit(const SettingDef& def, const std::string& shown);
// Refuses, as PostgreSQL does, a change from `source` that the setting's context forbids:
// 55P02 (cannot be changed / needs a restart / not now / only at connection start) or 42501.
void CheckSettingChangeable(const SettingDef& def, SettingSource source, bool superuser);
// True for names of the form "prefix.name" (extensions' and applications' own settings).
bool IsCustomSettingName(std::string_view name);

}  // namespace tusk
