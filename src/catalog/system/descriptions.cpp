#include "catalog/system/descriptions.hpp"

#include <algorithm>

#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/callable.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
using namespace class_oid;

// Whether a COMMENT ON target still exists (objects are dropped without touching comments;
// OIDs are never reused, so a stale comment simply stops showing).
bool Exists(const Catalog& cat, uint32_t classoid, uint32_t objoid, int32_t sub) {
  switch (classoid) {
    case kPgClass: {
      if (const TableDef* t = cat.FindTable(objoid))
        return sub == 0 || (sub > 0 && static_cast<size_t>(sub) <= t->columns.size() && !t->columns[static_cast<size_t>(sub - 1)].dropped);
      if (const ViewDef* v = cat.FindView(objoid)) return sub >= 0 && static_cast<size_t>(sub) <= v->columns.size();
      return sub == 0 && (cat.FindIndex(objoid) || cat.FindSequence(objoid));
    }
    case kPgNamespace: return cat.schemas().count(objoid) > 0;
    case kPgType: {
      if (cat.FindEnumByOid(objoid)) return true;
      std::optional<Type> t = cat.FindUserType(objoid);  // a composite type's row type
      return t && t->record && !t->array;
    }
    case kPgConstraint:
      for (const auto& [oid, t] : cat.tables())
        for (const auto& c : t.constraints)
          if (c.oid == objoid) return true;
      return false;
    case kPgExtension:
      for (const auto& [name, e] : cat.extensions())
        if (e.oid == objoid) return true;
      return false;
    case kPgTsConfig: return sub == 0 && cat.ts_configs().count(objoid) > 0;
    case kPgTsDict: return sub == 0 && cat.ts_dictionaries().count(objoid) > 0;
    default: return false;
  }
}
}  // namespace

std::vector<Description> AllDescriptions(const Catalog& cat) {
  std::vector<Description> out;
  for (const auto& [key, text] : cat.comments()) {
    auto [classoid, objoid, sub] = key;
    if (Exists(cat, classoid, objoid, sub)) out.push_back({objoid, classoid, sub, text});
  }
  // PostgreSQL's own words on its functions and operators, for those Tusk lists
  for (const ListedProc& p : ListedProcs(cat))
    if (*p.proc->description) out.push_back({p.oid, kPgProc, 0, p.proc->description});
  const std::vector<bool>& callable = Callable().operators;
  for (size_t i = 0; i < BuiltinOperators().size(); i++)
    if (callable[i] && *BuiltinOperators()[i].description)
      out.push_back({BuiltinOperators()[i].oid, kPgOperator, 0, BuiltinOperators()[i].description});
  for (auto& d : BuiltinTextSearchDescriptions()) out.push_back(std::move(d));
  std::sort(out.begin(), out.end(), [](const Description& a, const Description& b) {
    return std::tie(a.objoid, a.classoid, a.objsubid) < std::tie(b.objoid, b.classoid, b.objsubid);
  });
  return out;
}

std::optional<std::string> FindDescription(const Catalog& cat, uint32_t classoid, uint32_t objoid, int32_t objsubid) {
  for (const auto& [key, text] : cat.comments()) {
    auto [c, o, sub] = key;
    if (o == objoid && sub == objsubid && (classoid == 0 || c == classoid) && Exists(cat, c, o, sub)) return text;
  }
  if (objsubid != 0) return std::nullopt;
  if (classoid == 0 || classoid == kPgProc)
    if (auto p = FindListedProc(cat, objoid); p && *p->proc->description) return std::string(p->proc->description);
  if (classoid == 0 || classoid == kPgOperator) {
    const std::vector<bool>& callable = Callable().operators;
    for (size_t i = 0; i < BuiltinOperators().size(); i++)
      if (callable[i] && BuiltinOperators()[i].oid == objoid && *BuiltinOperators()[i].description)
        return std::string(BuiltinOperators()[i].description);
  }
  if (objoid < oid::kFirstUserOid)
    for (const Description& d : BuiltinTextSearchDescriptions())
      if (d.objoid == objoid && (classoid == 0 || d.classoid == classoid)) return d.text;
  return std::nullopt;
}

void RegisterDescriptionCatalog() {
  SystemRelation d;
  d.oid = 2609;
  d.schema = "pg_catalog";
  d.name = "pg_description";
  d.columns = {{"objoid", Type(oid::kOid)}, {"classoid", Type(oid::kOid)}, {"objsubid", Type(oid::kInt4)},
               {"description", Type(oid::kText)}};
  d.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& x : AllDescriptions(*st.catalog))
      rows->push_back({OidValue(x.objoid), OidValue(x.classoid), Value::Int(x.objsubid), Value::Str(x.text)});
  };
  RegisterSystemRelation(std::move(d));
}

}  // namespace tusk
