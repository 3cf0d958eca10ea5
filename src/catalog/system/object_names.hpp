// Names of catalog objects for the OID alias types (types/object_names.hpp) and for the
// visibility functions psql calls (pg_table_is_visible, pg_type_is_visible).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "types/object_names.hpp"

namespace tusk {

// `database`: the session's, which a three-part name must start with.
std::shared_ptr<const ObjectNames> MakeObjectNames(std::shared_ptr<const Catalog> cat, std::shared_ptr<const ClusterCatalog> cluster,
                                                   std::vector<std::string> search_path, std::string database);

// The relation (user or system) an unqualified or qualified name finds.
std::optional<uint32_t> FindRelationOid(const Catalog& cat, const std::string& schema, const std::string& name,
                                        const std::vector<std::string>& search_path);
// Whether the relation or type is found by its unqualified name: what psql's \d lists.
bool RelationIsVisible(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path);
bool TypeIsVisible(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path);

}  // namespace tusk
