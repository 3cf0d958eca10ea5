// Stored generated columns: `c type GENERATED ALWAYS AS (expr) STORED`, as PostgreSQL 15 has
// them. The expression is kept as SQL text in the column's default_sql (pg_attrdef holds it, as
// PostgreSQL's), with ColumnDef::generated = 's' (pg_attribute.attgenerated). It reads the
// other, ordinary columns of the same row; the TableWriter computes it on every INSERT, UPDATE
// and COPY row after the given values and defaults are in place (TableWriter::ComputeGenerated),
// so CHECKs, indexes, foreign keys and RETURNING see the computed value.
#pragma once
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "engine/session.hpp"
#include "parser/parser.hpp"

namespace tusk {

// Checks the generation expression `expr` of column `column` of `t` (whose columns are all
// known) as PostgreSQL's cookDefault does, with its errors and positions: no subqueries,
// aggregates, window or set-returning functions, system columns or whole-row references
// (0A000, 42803, 42P20, 42P10, 42P17), no other generated column (42P17), only immutable
// functions (42P17), a result assignable to the column's type (42804). Returns the SQL text
// to keep in default_sql.
std::string CheckGenerationExpression(ExecState* st, const Catalog& cat, const TableDef& t, size_t column, Node* expr);

// The generated columns of `t` whose expression reads column `column`.
std::vector<size_t> GeneratedColumnsReading(const TableDef& t, size_t column);

// 428C9 for an INSERT that gives a generated column a value other than DEFAULT, and for an
// UPDATE (or ON CONFLICT DO UPDATE) that sets one to anything but DEFAULT.
[[noreturn]] void ThrowGeneratedInsert(const ColumnDef& col);
[[noreturn]] void ThrowGeneratedUpdate(const ColumnDef& col);

}  // namespace tusk
