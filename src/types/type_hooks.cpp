#include "types/type_hooks.hpp"

#include <mutex>
#include <unordered_map>

namespace tusk {

void RegisterTextSearchTypes();  // types/tsearch

namespace {
std::unordered_map<uint32_t, TypeHooks>& Hooks() {
  static std::unordered_map<uint32_t, TypeHooks> hooks;
  return hooks;
}
}  // namespace

void RegisterTypeHooks(uint32_t type_oid, const TypeHooks& hooks) { Hooks()[type_oid] = hooks; }

const TypeHooks* FindTypeHooks(uint32_t type_oid) {
  // The type families register on first use, so that every program linking the library (the
  // server, the embedded API, the tests, the fuzz targets) has them without a set-up call.
  static std::once_flag once;
  std::call_once(once, [] { RegisterTextSearchTypes(); });
  auto it = Hooks().find(type_oid);
  return it == Hooks().end() ? nullptr : &it->second;
}

}  // namespace tusk
