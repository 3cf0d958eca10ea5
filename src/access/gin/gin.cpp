#include "access/gin/gin.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "access/table_access.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/rowcodec.hpp"

namespace tusk {

namespace {
std::vector<GinOperatorClass>& Entries() {
  static std::vector<GinOperatorClass> classes;
  return classes;
}

}  // namespace

const std::vector<GinOperatorClass>& GinOperatorClasses() {
  static bool families = [] {
    RegisterJsonbGinOperatorClasses();
    RegisterArrayGinOperatorClass();
    RegisterTsVectorGinOperatorClass();
    RegisterTrigramGinOperatorClass();
    return true;
  }();
  (void)families;
  return Entries();
}

void RegisterGinOperatorClass(GinOperatorClass c) { Entries().push_back(std::move(c)); }

const GinOperatorClass* FindGinOperatorClass(const std::string& name) {
  for (const auto& c : GinOperatorClasses())
    if (c.name == name) return &c;
  return nullptr;
}

const GinOperatorClass* DefaultGinOperatorClass(const Type& t) {
  for (const auto& c : GinOperatorClasses())
    if (c.is_default && c.accepts(t)) return &c;
  return nullptr;
}

const GinOperatorClass& GinClassOf(const BoundIndex& idx, size_t column) {
  const std::string& named = idx.def->columns[column].opclass;
  const GinOperatorClass* c = named.empty() ? DefaultGinOperatorClass(idx.keys[column]->type) : FindGinOperatorClass(named);
  if (!c) throw Error(sqlstate::kInternalError, "index \"" + idx.def->name + "\" has no GIN operator class");
  return *c;
}

std::string GinEntryPrefix(uint32_t index, size_t column, const std::string& entry) {
  std::string key = RelationPrefix(index);
  AppendVarint(column, &key);
  AppendVarint(entry.size(), &key);
  key += entry;
  return key;
}

std::vector<std::string> GinRowKeys(const BoundIndex& idx, EvalContext& ctx) {
  std::vector<std::string> keys;
  for (size_t c = 0; c < idx.keys.size(); c++) {
    Value v = idx.keys[c]->Eval(ctx);
    if (v.is_null()) continue;
    std::vector<std::string> entries;
    GinClassOf(idx, c).extract(idx.keys[c]->type, v, &entries);
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    for (const std::string& e : entries) keys.push_back(GinEntryPrefix(idx.def->oid, c, e));
  }
  return keys;
}

}  // namespace tusk
