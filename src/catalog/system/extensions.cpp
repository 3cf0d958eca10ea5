// pg_extension (what CREATE EXTENSION installed) and pg_available_extensions (what it can).
#include "catalog/extensions.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

void RegisterExtensionCatalogs() {
  SystemRelation ext;
  ext.oid = 3079;
  ext.schema = "pg_catalog";
  ext.name = "pg_extension";
  ext.columns = {{"oid", Type(oid::kOid)},           {"extname", Type(oid::kName)},
                 {"extowner", Type(oid::kOid)},      {"extnamespace", Type(oid::kOid)},
                 {"extrelocatable", Type(oid::kBool)}, {"extversion", Type(oid::kText)},
                 {"extconfig", Type(oid::kOid, -1, true)}, {"extcondition", Type(oid::kText, -1, true)}};
  ext.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [name, e] : st.catalog->extensions()) {
      const AvailableExtension* a = FindAvailableExtension(name);
      rows->push_back({OidValue(e.oid), NameValue(e.name), OidValue(catalog_oid::kBootstrapSuperuser),
                       OidValue(NamespaceOid(*st.catalog, e.schema)), Value::Bool(a && a->relocatable), Value::Str(e.version),
                       Value::Null(), Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(ext));

  SystemRelation avail;
  avail.oid = 12081;
  avail.schema = "pg_catalog";
  avail.name = "pg_available_extensions";
  avail.kind = 'v';
  avail.columns = {{"name", Type(oid::kName)}, {"default_version", Type(oid::kText)},
                   {"installed_version", Type(oid::kText)}, {"comment", Type(oid::kText)}};
  avail.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& a : AvailableExtensions()) {
      auto installed = st.catalog->extensions().find(a.name);
      rows->push_back({NameValue(a.name), Value::Str(a.version),
                       installed == st.catalog->extensions().end() ? Value::Null() : Value::Str(installed->second.version),
                       Value::Str(a.comment)});
    }
  };
  RegisterSystemRelation(std::move(avail));
}

}  // namespace tusk
