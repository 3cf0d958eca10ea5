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

}  // namespace tusk
