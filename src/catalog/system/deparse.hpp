// The text psql and pg_dump print for stored expressions, constraints and indexes (PostgreSQL's
// pg_get_expr, pg_get_constraintdef, pg_get_indexdef). Tusk stores expressions as SQL text;
// they are bound against their table and printed from the bound tree, with the casts that
// binding adds, as PostgreSQL prints its analysed trees.
#pragma once
#include <string>

#include "catalog/catalog.hpp"

namespace tusk {

struct ExecState;
class Expr;

// `sql` bound against `table`'s columns (no table: none); coerced to `type` when given (a
// column default). Pretty: without the parentheses around the whole expression.
std::string DeparseStoredExpr(ExecState* st, const TableDef* table, const std::string& sql, const Type* type, bool pretty);
// Attribute numbers (1-based) of the table columns a stored expression reads, in order.
std::vector<int> ColumnsOfStoredExpr(ExecState* st, const TableDef& table, const std::string& sql);
// A bound expression printed as pg_get_expr prints it (names qualified where search_path does
// not reach them). Pretty: without the parentheses around the whole expression.
std::string PrintBound(ExecState* st, const std::shared_ptr<Expr>& e, bool pretty);
// pg_get_constraintdef of a domain's CHECK: CHECK ((VALUE > 0)) [NOT VALID].
std::string DomainCheckDefinition(ExecState* st, const DomainDef& d, const DomainCheck& c, bool pretty);
std::string ConstraintDefinition(ExecState* st, const TableDef& table, const ConstraintDef& c, bool pretty);
// pg_get_triggerdef: CREATE TRIGGER name BEFORE UPDATE OF c ON s.t FOR EACH ROW WHEN (...)
// EXECUTE FUNCTION f('arg'). Pretty: the table named as search_path finds it.
std::string TriggerDefinition(ExecState* st, const TableDef& table, const TriggerDef& g, bool pretty);
// An index's or partition key's expression as pg_get_indexdef and pg_get_partkeydef print it:
// in parentheses unless it reads as a function call (f(x), COALESCE, GREATEST, CURRENT_DATE ...).
std::string KeyExpressionDefinition(ExecState* st, const TableDef* table, const std::string& sql, bool pretty);
// column 0: the whole CREATE INDEX statement; n > 0: the n-th key column's text.
std::string IndexDefinition(ExecState* st, const IndexDef& index, int column, bool pretty);

}  // namespace tusk
