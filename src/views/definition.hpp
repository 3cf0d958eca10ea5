// A view's query as Tusk keeps it, and as pg_get_viewdef shows it.
//
// CREATE VIEW plans the query once (recording what each * and each relation name meant, see
// DefinitionCapture) and keeps a rewritten copy of its text: relations named with their schema
// and an alias, user types with their schema, each * written out as the columns it stood for.
// That text means the same thing under any later search_path and whatever columns its tables
// gain, as PostgreSQL's stored parse tree does.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "planner/planner.hpp"

namespace tusk {

// The text to keep for `select` (a SELECT parse tree, changed in place), planned with `capture`
// under `search_path`.
std::string CanonicalViewQuery(const Catalog& cat, Node* select, const DefinitionCapture& capture,
                               const std::vector<std::string>& search_path);
// pg_get_viewdef's text: the kept query with the schemas and aliases that `search_path` makes
// unnecessary left out, a leading space and a closing semicolon as PostgreSQL's has.
std::string ViewDefinitionText(const Catalog& cat, const ViewDef& v, const std::vector<std::string>& search_path);
// The same for a query kept with `columns` (a view's or a materialized view's).
std::string DefinitionText(const Catalog& cat, const std::string& query_sql, const std::vector<std::string>& created_path,
                           const std::vector<ColumnDef>& columns, const std::vector<std::string>& search_path);
// pg_get_viewdef's text of a view or materialized view; nullopt for any other OID.
std::optional<std::string> RelationDefinitionText(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path);
// The kept query with the relation `schema.name` renamed (ALTER ... RENAME, SET SCHEMA).
std::string RenameRelationInQuery(const std::string& query_sql, const std::string& schema, const std::string& name,
                                  const std::string& new_schema, const std::string& new_name);

// The kept query reading column `column` of relation `schema.name` as `new_column`; nullopt
// when the text cannot say which references mean that column (an alias of the relation also
// names something else, an unqualified reference or a JOIN USING of that name).
std::optional<std::string> RenameColumnInQuery(const std::string& query_sql, const std::string& schema, const std::string& name,
                                               const std::string& column, const std::string& new_column);
// The kept query with schema `schema` renamed, in relation and type names.
std::string RenameSchemaInQuery(const std::string& query_sql, const std::string& schema, const std::string& new_name);

}  // namespace tusk
