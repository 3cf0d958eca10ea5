// The statements that create, change and drop views (the engine dispatches them here).
#pragma once
#include <string>

#include "engine/result.hpp"
#include "engine/session.hpp"
#include "parser/parser.hpp"

namespace tusk {

void ExecuteCreateView(PgQuery__ViewStmt* stmt, ExecState* st, ResultSink* sink);  // create_view.cpp
// CREATE MATERIALIZED VIEW and REFRESH MATERIALIZED VIEW (materialized_view.cpp).
void ExecuteCreateMaterializedView(PgQuery__CreateTableAsStmt* stmt, ExecState* st, ResultSink* sink);
void ExecuteRefreshMaterializedView(PgQuery__RefreshMatViewStmt* stmt, ExecState* st, ResultSink* sink);
// A view's reloptions as PostgreSQL accepts and keeps them ("check_option=local",
// "security_barrier=true", ...); 22023 for others and bad values.
std::vector<std::string> ViewOptions(Node** options, size_t n_options);
// ALTER VIEW ... SET (options) / RESET (names).
void AlterViewOptions(Catalog* cat, uint32_t view, Node** options, size_t n_options, bool reset);
// Shared by CREATE VIEW and CREATE MATERIALIZED VIEW (create_view.cpp): PostgreSQL's refusals
// of the query before analysis, and the query planned once: its output columns (named by
// `aliases` where given), the text to keep, the search_path it binds along, the relations it
// reads (but `self`, a view being replaced).
void CheckViewQuery(Node* query, bool materialized);
struct ViewQuery {
  std::vector<ColumnDef> columns;
  std::string query_sql;
  std::vector<std::string> search_path;
  std::vector<uint32_t> relations;
};
ViewQuery PlanViewQuery(ExecState* st, const Catalog& cat, Node* query, Node** aliases, size_t n_aliases, uint32_t self,
                        const char* too_many_names);
// DROP VIEW of one view, the views that read it going with it under CASCADE (alter_view.cpp).
void DropViewObject(ExecState* st, Catalog* cat, uint32_t oid, bool cascade, ResultSink* sink);
// After relation `schema.name` became `new_schema.new_name` (a table or view renamed or moved):
// the views that read it name it so.
void RenameRelationInViews(Catalog* cat, uint32_t oid, const std::string& schema, const std::string& name,
                           const std::string& new_schema, const std::string& new_name);
// After ALTER SCHEMA ... RENAME: the views in it, and the names in views' queries.
void RenameSchemaInViews(Catalog* cat, const std::string& schema, const std::string& new_name);
// ALTER VIEW ... RENAME COLUMN: the view's own column names.
void RenameViewColumn(ExecState* st, Catalog* cat, uint32_t view, const std::string& column, const std::string& new_name);
// The first view whose query reads column `column` of table or view `relation`, or null.
const ViewDef* ViewReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column);
// RENAME COLUMN of column `column` of table or view `relation` (its catalog entry still under
// the old name): the views and materialized views that read it are rewritten to read
// `new_name`. Where a view's text cannot say which references mean the column, 0A000.
void RenameColumnInViews(ExecState* st, Catalog* cat, uint32_t relation, int column, const std::string& new_name);

}  // namespace tusk
