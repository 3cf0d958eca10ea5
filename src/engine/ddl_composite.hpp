// CREATE TYPE name AS (attributes) and DROP TYPE of such a type. A composite type is kept as a
// TableDef marked `composite` (pg_class relkind 'c', pg_type typtype 'c'): it shares the
// machinery of a table's row type (text I/O, ROW(...)::type, field selection, arrays of it,
// function arguments and results, PL/pgSQL variables) and has no storage, indexes or rows.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/result.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ExecState;
class Catalog;

void ExecuteCreateCompositeType(PgQuery__CompositeTypeStmt* stmt, ExecState* st, ResultSink* sink);
// DROP TYPE of one name: false when it names no composite type (the caller tries the others).
bool DropCompositeType(PgQuery__DropStmt* stmt, Node* object, ExecState* st, ResultSink* sink);
// ALTER TYPE name ADD / DROP [IF EXISTS] / ALTER ATTRIBUTE ..., [, ...]: the type changes, and
// the values table columns store (directly, in arrays, inside other composite types) are
// rewritten to its new fields (added ones NULL, dropped ones gone).
void ExecuteAlterCompositeType(PgQuery__AlterTableStmt* stmt, ExecState* st, ResultSink* sink);
// After DDL that added or dropped fields of row types (tables' or composite types'): the values
// stored columns hold of those types (in arrays and other composite types too) rewritten to
// the new fields, an added one NULL. `before` is the catalog before the change, st->catalog the
// changed one (its row types refreshed).
void ReshapeStoredRowValues(ExecState* st, const Catalog& before);
// ALTER TYPE name RENAME ATTRIBUTE a TO b.
void RenameCompositeAttribute(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);

}  // namespace tusk
