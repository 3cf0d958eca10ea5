// Text search DDL (ddl_text_search.cpp): CREATE / ALTER / DROP TEXT SEARCH DICTIONARY and
// CONFIGURATION, and the parts of RENAME, SET SCHEMA, OWNER TO and COMMENT ON that name one.
// The objects live in the catalog (catalog/text_search_def.hpp); the built-in ones cannot be
// changed (0A000), nor parsers and templates made (0A000).
#pragma once
#include "engine/session.hpp"

namespace tusk {

// CREATE TEXT SEARCH ..., ALTER TEXT SEARCH DICTIONARY / CONFIGURATION, ALTER ... SET SCHEMA
// of one; false for any other statement.
bool ExecuteTextSearchDdl(Node* stmt, ExecState* st, ResultSink* sink);
// DROP TEXT SEARCH DICTIONARY / CONFIGURATION (a dictionary in use: 2BP01, or CASCADE drops
// the configurations using it); false for other DROPs.
bool DropTextSearchObjects(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink);
// ALTER TEXT SEARCH ... RENAME TO; false for other renames.
bool RenameTextSearchObject(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);
// ALTER TEXT SEARCH ... OWNER TO; false for other objects.
bool AlterTextSearchOwner(PgQuery__AlterOwnerStmt* stmt, ExecState* st, ResultSink* sink);
// COMMENT ON TEXT SEARCH ...: the comment's key; false for other objects.
bool TextSearchCommentKey(PgQuery__CommentStmt* stmt, ExecState* st, Catalog::CommentKey* key);
// Whether a schema holds text search objects (DROP SCHEMA refuses to drop them yet).
bool SchemaHasTextSearchObjects(const Catalog& cat, const std::string& schema);

}  // namespace tusk
