// Automatically updatable views, as PostgreSQL 15 defines them: an INSERT, UPDATE or DELETE
// whose target is a simple view (one table or view in FROM; no DISTINCT, GROUP BY, HAVING,
// LIMIT, WITH, set operations, aggregates or window functions) is rewritten into one on the
// view's base relation, level by level through views over views: view columns become the base
// columns (or expressions) they stand for, the view's WHERE joins the statement's, RETURNING
// reads the view's columns, and each CHECK OPTION in force becomes a condition every written
// row must meet (44000).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "parser/parse_arena.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ExecState;

struct ViewWrite {
  ViewWrite();
  ~ViewWrite();
  Node* stmt = nullptr;  // the rewritten statement (lives in `arena` and `holders`)
  struct Check {
    std::string view;
    std::string condition_sql;  // over the base table's columns
    std::string alias;          // the name the condition gives the base table
  };
  std::vector<Check> checks;  // outermost view first
  std::vector<uint32_t> views;  // the views written through, outermost first
  ParseArena arena;
  std::vector<std::unique_ptr<Script>> holders;
  std::vector<std::unique_ptr<struct RewriteNodes>> nodes;
};

// `stmt`: an InsertStmt, UpdateStmt or DeleteStmt node. Null when its target is not a view;
// else the statement rewritten to target the base table (the original is left as it was).
// Throws PostgreSQL's errors for views that cannot be updated this way.
std::unique_ptr<ViewWrite> RewriteWriteOnView(ExecState* st, Node* stmt);

// pg_relation_is_updatable: the events (UPDATE 4, INSERT 8, DELETE 16) a relation takes; 28
// for a table, what its automatic updatability allows for a view, 0 for anything else.
int UpdatableEvents(const Catalog& cat, uint32_t oid);
// pg_column_is_updatable: whether INSERT and UPDATE may write column `attnum` (1-based).
bool ColumnIsUpdatable(const Catalog& cat, uint32_t oid, int attnum);

}  // namespace tusk
