// pg_namespace: the schemas.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

uint32_t NamespaceOid(const Catalog& cat, const std::string& name) {
  const SchemaDef* s = cat.FindSchema(name);
  return s ? s->oid : 0;
}

std::string OwnerName(const Catalog& cat) {
  for (const auto& [oid, role] : cat.roles())
    if (oid == catalog_oid::kBootstrapSuperuser) return role.name;
  return "postgres";
}

void RegisterNamespaceCatalogs() {
  SystemRelation r;
  r.oid = 2615;
  r.schema = "pg_catalog";
  r.name = "pg_namespace";
  r.columns = {{"oid", Type(oid::kOid)}, {"nspname", Type(oid::kName)}, {"nspowner", Type(oid::kOid)},
               {"nspacl", Type(oid::kAclitem, -1, true)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, s] : st.catalog->schemas()) {
      // PostgreSQL 15 gives public (OID 2200) to pg_database_owner
      uint32_t owner = oid == 2200 ? catalog_oid::kDatabaseOwnerRole : catalog_oid::kBootstrapSuperuser;
      rows->push_back({OidValue(oid), NameValue(s.name), OidValue(owner), Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace tusk
