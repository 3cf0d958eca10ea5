// The system catalogs and views (pg_catalog, information_schema) as relations computed from
// Tusk's catalog when a statement reads them: never a second copy that could drift. Each one
// registers itself (RegisterSystemRelation) with PostgreSQL's OID, its columns and a function
// that lists its rows from the statement's catalog snapshot; the planner scans it like a table.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "types/value.hpp"

namespace tusk {

struct ExecState;

struct SystemColumn {
  std::string name;
  Type type;
};

struct SystemRelation {
  uint32_t oid = 0;       // PostgreSQL 15's OID for it
  std::string schema;     // "pg_catalog" or "information_schema"
  std::string name;
  char kind = 'r';        // pg_class.relkind: 'r' a catalog table, 'v' a view
  std::vector<SystemColumn> columns;
  // Appends the relation's rows, one Value per column, as of the statement's catalog.
  std::function<void(ExecState& st, std::vector<Row>* rows)> rows;
  // A view defined in SQL (information_schema's, over pg_catalog): a SELECT whose result has
  // `columns`, planned in place of the view like a subquery in FROM. Then `rows` is unused.
  std::string definition;
};

void RegisterSystemRelation(SystemRelation rel);
// Every system relation, in OID order.
const std::vector<const SystemRelation*>& SystemRelations();
const SystemRelation* FindSystemRelation(uint32_t oid);
const SystemRelation* FindSystemRelation(const std::string& schema, const std::string& name);
// The system relation a name in a query means, or null when it means a user relation or
// nothing: a qualified name in its schema; an unqualified one along the effective search path.
const SystemRelation* ResolveSystemRelation(const Catalog& cat, const std::string& schema, const std::string& name,
                                            const std::vector<std::string>& search_path);

// The schemas an unqualified name is looked up in: pg_catalog first unless search_path lists it
// (as PostgreSQL does), then search_path's schemas that exist.
std::vector<std::string> EffectiveSearchPath(const Catalog& cat, const std::vector<std::string>& search_path);

}  // namespace tusk
