#include <algorithm>
#include <set>
#include <map>
#include <memory>
#include <mutex>

#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"

namespace tusk {

namespace {
struct Registry {
  std::vector<std::unique_ptr<SystemRelation>> owned;
  std::vector<const SystemRelation*> by_oid;
  std::map<std::pair<std::string, std::string>, const SystemRelation*> by_name;
};

Registry& TheRegistry() {
  static Registry reg;
  return reg;
}

// Each family of catalogs registers its relations on first use.
const Registry& Loaded() {
  static std::once_flag once;
  std::call_once(once, [] {
    RegisterNamespaceCatalogs();
    RegisterRelationCatalogs();
    RegisterConstraintCatalogs();
    RegisterTriggerCatalog();
    RegisterPolicyCatalogs();
    RegisterDependCatalog();
    RegisterTypeCatalogs();
    RegisterRoleCatalogs();
    RegisterSettingsCatalogs();
    RegisterExtensionCatalogs();
    RegisterDescriptionCatalog();
    RegisterFunctionCatalogs();
    RegisterSessionViews();
    RegisterStatisticsCatalogs();
    RegisterViewCatalogs();
    RegisterTextSearchCatalogs();
    RegisterInformationSchema();
    RegisterPartitionCatalogs();
    auto& reg = TheRegistry();
    std::set<uint32_t> have;
    for (const auto* r : reg.by_oid) have.insert(r->oid);
    RegisterEmptyCatalogs([&](uint32_t oid) { return have.count(oid) > 0; });
    std::sort(reg.by_oid.begin(), reg.by_oid.end(), [](const SystemRelation* a, const SystemRelation* b) { return a->oid < b->oid; });
  });
  return TheRegistry();
}
}  // namespace

void RegisterSystemRelation(SystemRelation rel) {
  auto& reg = TheRegistry();
  reg.owned.push_back(std::make_unique<SystemRelation>(std::move(rel)));
  const SystemRelation* r = reg.owned.back().get();
  reg.by_oid.push_back(r);
  reg.by_name[{r->schema, r->name}] = r;
}

const std::vector<const SystemRelation*>& SystemRelations() { return Loaded().by_oid; }

const SystemRelation* FindSystemRelation(uint32_t oid) {
  const auto& all = Loaded().by_oid;
  auto it = std::lower_bound(all.begin(), all.end(), oid, [](const SystemRelation* r, uint32_t o) { return r->oid < o; });
  return it != all.end() && (*it)->oid == oid ? *it : nullptr;
}

const SystemRelation* FindSystemRelation(const std::string& schema, const std::string& name) {
  const auto& by_name = Loaded().by_name;
  auto it = by_name.find({schema, name});
  return it == by_name.end() ? nullptr : it->second;
}

std::vector<std::string> EffectiveSearchPath(const Catalog& cat, const std::vector<std::string>& search_path) {
  std::vector<std::string> path;
  if (std::find(search_path.begin(), search_path.end(), "pg_catalog") == search_path.end()) path.push_back("pg_catalog");
  for (const auto& s : search_path)
    if (cat.FindSchema(s) && std::find(path.begin(), path.end(), s) == path.end()) path.push_back(s);
  return path;
}

const SystemRelation* ResolveSystemRelation(const Catalog& cat, const std::string& schema, const std::string& name,
                                            const std::vector<std::string>& search_path) {
  if (!schema.empty()) return FindSystemRelation(schema, name);
  for (const auto& s : EffectiveSearchPath(cat, search_path)) {
    if (const SystemRelation* r = FindSystemRelation(s, name)) return r;
    if (cat.FindRelation(s, name, {})) return nullptr;
  }
  return nullptr;
}

}  // namespace tusk
