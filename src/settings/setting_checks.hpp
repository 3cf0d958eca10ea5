// Check hooks: what a setting's value must satisfy beyond its type (a time zone that exists, a
// DateStyle Tusk can print), and the value's canonical spelling. One table, keyed by name.
#pragma once
#include <string>
#include <string_view>

namespace tusk {

// Returns the value as the setting keeps it, or throws PostgreSQL's error for it (`name`: the
// setting as the statement spelled it, for messages).
using SettingCheck = std::string (*)(const std::string& value, const std::string& name);
// nullptr when the setting has no check beyond its type.
SettingCheck FindSettingCheck(std::string_view name);

// The catalog and search_path the checks on this thread find objects with
// (default_text_search_config names a text search configuration): a session sets them around
// its setting changes. Without them, only the built-in objects exist.
struct TsNameScope;
class ScopedSettingNames {
 public:
  explicit ScopedSettingNames(const TsNameScope* scope);
  ~ScopedSettingNames();
  ScopedSettingNames(const ScopedSettingNames&) = delete;
  ScopedSettingNames& operator=(const ScopedSettingNames&) = delete;

 private:
  const TsNameScope* saved_;
};

}  // namespace tusk
