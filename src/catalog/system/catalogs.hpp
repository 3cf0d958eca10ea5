// What the catalog families share: their registration entry points (registry.cpp calls them)
// and the facts every family needs (the bootstrap superuser, namespace OIDs).
#pragma once
#include <functional>
#include <cstdint>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/system/system_relation.hpp"
#include "types/value.hpp"

namespace tusk {

void RegisterNamespaceCatalogs();  // pg_namespace
void RegisterRelationCatalogs();   // pg_class, pg_attribute, pg_index, pg_am, pg_sequence, ...
void RegisterConstraintCatalogs(); // pg_constraint, pg_attrdef
void RegisterTriggerCatalog();     // pg_trigger
void RegisterPolicyCatalogs();     // pg_policy, pg_policies
void RegisterDependCatalog();      // pg_depend
void RegisterTypeCatalogs();       // pg_type, pg_enum
void RegisterRoleCatalogs();       // pg_authid, pg_roles, pg_user, pg_auth_members, pg_database,
                                   // pg_tablespace
void RegisterSettingsCatalogs();   // pg_settings
void RegisterExtensionCatalogs();  // pg_extension, pg_available_extensions
void RegisterDescriptionCatalog(); // pg_description
void RegisterFunctionCatalogs();   // pg_proc, pg_operator, pg_cast, pg_language
void RegisterSessionViews();       // pg_cursors
void RegisterStatisticsCatalogs(); // pg_statistic, pg_stats
void RegisterViewCatalogs();       // pg_views, pg_matviews, pg_rewrite
void RegisterTextSearchCatalogs(); // pg_ts_parser, pg_ts_template, pg_ts_dict, pg_ts_config,
                                   // pg_ts_config_map
void RegisterInformationSchema();  // information_schema's views
void RegisterPartitionCatalogs();  // pg_partitioned_table, pg_inherits (partition/)
// The other PostgreSQL catalogs, empty; `registered` tells which OIDs already have rows.
void RegisterEmptyCatalogs(const std::function<bool(uint32_t)>& registered);
// A pg_catalog relation with PostgreSQL 15's OID, name and columns (catalog_shapes.inc); the
// caller adds its rows.
SystemRelation ShapedCatalog(uint32_t catalog_oid);

namespace catalog_oid {
inline constexpr uint32_t kBootstrapSuperuser = 10;  // the role initdb creates ("postgres")
inline constexpr uint32_t kPgCatalog = 11;
inline constexpr uint32_t kDatabaseOwnerRole = 6171;  // pg_database_owner, owner of public
inline constexpr uint32_t kHeapAm = 2, kBtreeAm = 403, kGinAm = 2742;
inline constexpr uint32_t kDefaultCollation = 100, kCCollation = 950;
}  // namespace catalog_oid

// PostgreSQL 15's predefined roles (pg_monitor, pg_read_all_data, ...): OID and name.
struct PredefinedRole {
  uint32_t oid;
  const char* name;
};
const std::vector<PredefinedRole>& PredefinedRoles();

// The name of the role that owns every object (the bootstrap superuser).
std::string OwnerName(ExecState& st);
// A role's name, predefined roles included ("" when there is none).
std::string RoleNameOf(ExecState& st, uint32_t role);
// An access list as aclitem[] (NULL when the object has the default).
Value AclArray(ExecState& st, const std::optional<Acl>& acl);

// The collation of a column of this type (pg_attribute.attcollation): "default" for text
// types, "C" for name, none (0) for the others.
uint32_t CollationOf(const Type& t);
// A collation of pg_collation by name; 0 when Tusk has none of that name.
uint32_t CollationOidByName(const std::string& name);

// The OID of the schema called `name` (0 when there is none).
uint32_t NamespaceOid(const Catalog& cat, const std::string& name);

// Column values in the catalogs' types.
inline Value OidValue(uint32_t oid) { return Value::Int(oid); }
inline Value CharValue(char c) { return Value::Str(c ? std::string(1, c) : std::string()); }
inline Value NameValue(const std::string& s) { return Value::Str(s); }

}  // namespace tusk
