// Domains' DDL (ddl_domain.cpp): CREATE / ALTER DOMAIN, and the parts of DROP and RENAME that
// name a domain.
#pragma once
#include "engine/session.hpp"

namespace tusk {

// CREATE DOMAIN and ALTER DOMAIN; false for any other statement.
bool ExecuteDomainDdl(Node* stmt, ExecState* st, ResultSink* sink);
// Drops the domain one object of a DROP DOMAIN (domain_only) or DROP TYPE names. For DROP TYPE,
// false when the name is no domain (the caller goes on with enums).
bool DropDomain(PgQuery__DropStmt* stmt, Node* object, ExecState* st, ResultSink* sink, bool domain_only);
// ALTER DOMAIN ... RENAME TO / RENAME CONSTRAINT; false for other renames.
bool RenameDomain(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);

}  // namespace tusk
