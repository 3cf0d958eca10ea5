#include "triggers/builtin_trigger_functions.hpp"

#include <mutex>
#include <string>
#include <vector>

namespace tusk {

namespace {
std::vector<BuiltinTriggerFunction>& Entries() {
  static std::vector<BuiltinTriggerFunction> entries;
  return entries;
}

const std::vector<BuiltinTriggerFunction>& All() {
  static std::once_flag once;
  std::call_once(once, [] { RegisterTextSearchTriggerFunctions(); });
  return Entries();
}
}  // namespace

void RegisterBuiltinTriggerFunction(BuiltinTriggerFunction f) { Entries().push_back(std::move(f)); }

const BuiltinTriggerFunction* FindBuiltinTriggerFunction(uint32_t oid) {
  for (const auto& f : All())
    if (f.oid == oid) return &f;
  return nullptr;
}

const BuiltinTriggerFunction* FindBuiltinTriggerFunction(std::string_view name) {
  for (const auto& f : All())
    if (name == f.name) return &f;
  return nullptr;
}

}  // namespace tusk
