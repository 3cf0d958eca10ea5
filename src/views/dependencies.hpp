// What depends on what: which views (and triggers) go when a relation, a column or a function
// goes, and the lines PostgreSQL's DETAIL and NOTICE give for them.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "engine/result.hpp"

namespace tusk {

struct ExecState;

// Objects a DROP takes with it (or refuses for): their OIDs and, per object, "view v depends on
// table t" (RESTRICT's DETAIL) and "view v" (CASCADE's NOTICE).
struct Dependents {
  std::vector<uint32_t> views;
  std::vector<uint32_t> matviews;     // materialized views (tables: their storage goes too)
  std::vector<std::pair<uint32_t, std::string>> triggers;  // (table, trigger name)
  std::vector<uint32_t> functions;
  std::vector<std::pair<uint32_t, int>> attributes;  // (composite type's relation, attribute position)
  std::vector<std::string> depends_lines;
  std::vector<std::string> cascade_names;
  std::vector<uint32_t> line_objects;  // the relation each line is about (0: a constraint)
  // The session's search_path: names it does not reach are written with their schema, as
  // PostgreSQL's object descriptions are. Empty: names alone.
  std::vector<std::string> search_path;
  bool empty() const { return depends_lines.empty(); }
  // Orders the lines by the OID of the object each is about (stable): PostgreSQL's pg_depend
  // scan meets dependents in the order they were created.
  void SortByObject();
  void Add(const std::string& depends, const std::string& cascade, uint32_t object = 0) {
    depends_lines.push_back(depends);
    cascade_names.push_back(cascade);
    line_objects.push_back(object);
  }
};

// The views that read relation `oid` (`what`: "table t", "view v"), and the views that read
// those, each once.
void AddDependentViews(const Catalog& cat, uint32_t oid, const std::string& what, Dependents* out);
// The views whose queries read column `column` of table or view `relation` (found by planning
// each view that reads the relation as if the column were gone), and the views that read those.
// `what`: "column a of table t".
void AddViewsReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column, const std::string& what, Dependents* out);
// The views and materialized views whose queries plan against `before` but not against `after`
// (the catalog without some object, `what`: "type mood"): they depend on that object.
void AddViewsBrokenBy(ExecState* st, const Catalog& before, const std::shared_ptr<const Catalog>& after, const std::string& what,
                      Dependents* out);
// The columns of tables, and the attributes of composite types, whose type is row type
// `rowtype_oid` or an array of it: "column c of table t depends on type p" (`type_name`: p).
// With CASCADE they are dropped as columns are (a stored value keeps its slot); a column that
// an index or constraint reads is 0A000 then.
void AddColumnsOfRowType(const Catalog& cat, uint32_t rowtype_oid, const std::string& type_name, Dependents* out);
// Whether values of type `t` hold values of row type `rowtype_oid`: as it, in an array, or in a
// field of a composite type (at any depth).
bool HoldsRowType(const Type& t, uint32_t rowtype_oid);
// The first stored table column whose values hold row type `rowtype_oid` (HoldsRowType), as
// "table.column", PostgreSQL's first (array columns first); "" when none. Changes that stored
// values cannot follow (a column's type) are refused while there is one.
std::string StoredColumnOfRowType(const Catalog& cat, uint32_t rowtype_oid);
// The triggers that run function `function` (`what`: "function f()").
void AddTriggersCalling(const Catalog& cat, uint32_t function, const std::string& what, Dependents* out);
// Drops a materialized view: the table, its indexes and their storage (at commit).
void DropMaterializedStorage(ExecState* st, Catalog* cat, uint32_t oid);
// RESTRICT: 2BP01 "cannot drop <object> because other objects depend on it" with the lines.
// CASCADE: PostgreSQL's NOTICE ("drop cascades to ..."; none when sink is null), then the views,
// materialized views, triggers, functions and composite types' attributes are dropped.
void DropDependents(ExecState* st, Catalog* cat, const std::string& object, const Dependents& deps, bool cascade, ResultSink* sink);

}  // namespace tusk
