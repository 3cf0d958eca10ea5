// pg_namespace (the schemas) and pg_init_privs (initdb's grants).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

uint32_t NamespaceOid(const Catalog& cat, const std::string& name) {
  const SchemaDef* s = cat.FindSchema(name);
  return s ? s->oid : 0;
}

std::string OwnerName(ExecState& st) {
  return st.session ? st.session->CurrentCluster()->SuperuserName() : st.db->cluster()->SuperuserName();
}

std::string RoleNameOf(ExecState& st, uint32_t role) {
  auto cluster = st.session ? st.session->CurrentCluster() : st.db->cluster();
  if (const RoleDef* r = cluster->FindRole(role)) return r->name;
  for (const auto& p : PredefinedRoles())
    if (p.oid == role) return p.name;
  return "";
}

Value AclArray(ExecState& st, const std::optional<Acl>& acl) {
  if (!acl) return Value::Null();
  std::vector<Value> items;
  for (const AclItem& i : *acl) items.push_back(Value::Str(AclItemText(i, [&](uint32_t r) { return RoleNameOf(st, r); })));
  return Value::Array(std::move(items));
}

namespace {
// The ACL initdb gives a built-in schema (its owner may use and create, everyone may use it);
// NULL (the default) for the schemas users create.
Value SchemaAcl(ExecState& st, uint32_t oid) {
  if (oid >= oid::kFirstUserOid) {
    const ObjectSecurity* sec = st.catalog->FindSecurity(oid);
    return sec ? AclArray(st, sec->acl) : Value::Null();
  }
  std::string o = oid == 2200 ? "pg_database_owner" : OwnerName(st);
  return Value::Array({Value::Str(o + "=UC/" + o), Value::Str("=U/" + o)});
}
}  // namespace

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
      uint32_t owner = oid == 2200 ? catalog_oid::kDatabaseOwnerRole : s.security.owner;
      rows->push_back({OidValue(oid), NameValue(s.name), OidValue(owner), SchemaAcl(st, oid)});
    }
  };
  RegisterSystemRelation(std::move(r));

  // pg_init_privs: the grants initdb made, which pg_dump leaves out of a dump.
  SystemRelation init;
  init.oid = 3394;
  init.schema = "pg_catalog";
  init.name = "pg_init_privs";
  init.columns = {{"objoid", Type(oid::kOid)}, {"classoid", Type(oid::kOid)}, {"objsubid", Type(oid::kInt4)},
                  {"privtype", Type(oid::kChar)}, {"initprivs", Type(oid::kAclitem, -1, true)}};
  init.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (uint32_t schema : {11u, 2200u})
      if (st.catalog->schemas().count(schema))
        rows->push_back({OidValue(schema), OidValue(2615), Value::Int(0), CharValue('i'), SchemaAcl(st, schema)});
  };
  RegisterSystemRelation(std::move(init));
}

}  // namespace tusk
