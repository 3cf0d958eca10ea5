// Helpers shared by the DDL executors.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "engine/session.hpp"
#include "planner/planner.hpp"

namespace tusk {

// The schema a new object goes into: the explicit one, else the first existing schema of the
// search_path. Throws 3F000 when there is none.
std::string CreationSchema(ExecState* st, const char* explicit_schema, int location = -1);
// Rejects column references in a DEFAULT expression (42P10), pointing at the first one.
void CheckDefaultExpression(Node* expr);
// PostgreSQL's default object names: "<table>_<cols>_<suffix>", made unique with a number.
std::string ChooseRelationName(const Catalog& cat, const std::string& schema, const std::string& table,
                               const std::vector<std::string>& cols, const std::string& suffix);
// Does the stored expression (SQL text) name the column?
bool ExprMentions(const std::string& sql, const std::string& column);
// An index's column names as its default name is made of them (PostgreSQL's
// ChooseIndexColumnNames): a column's name, an expression's FigureColname ("lower", else
// "expr"), numbered when an earlier one has the same (expr, lower, expr1).
std::string UniqueIndexColumnName(const std::vector<std::string>& taken, const std::string& name);
std::vector<std::string> IndexColumnNames(const TableDef& t, const IndexDef& index);
std::string ChooseConstraintName(const TableDef& t, const std::vector<std::string>& cols, const std::string& suffix);
// OWNER TO (ddl_owner.cpp): the role named (CURRENT_USER and the like resolved; 42704 when
// none), and the check that an object other than a database goes to the bootstrap superuser,
// who owns every one (0A000 otherwise).
RoleDef ResolveNewOwner(ExecState* st, PgQuery__RoleSpec* spec);
void RequireBootstrapOwner(const RoleDef& owner, const std::string& what);
// The relation a utility statement names, through search_path; 42P01 (without a position, as
// PostgreSQL reports these) when there is none. What kind it must be is the caller's check.
std::pair<RelKind, uint32_t> ResolveRelation(ExecState* st, PgQuery__RangeVar* rv);
// Every row of a table with its storage key, read at the transaction's newest state.
std::vector<std::pair<std::string, Row>> ScanAll(ExecState* st, const TableDef* t);
// Removes every row and index entry of a table inside the transaction.
void DeleteAllRows(ExecState* st, const TableDef& t);
// Every row of a table read under `old_def` and stored again under `new_def` (the same table)
// after `change`, with its index entries made anew: a value rewrite that keys may depend on.
// Takes the table's ACCESS EXCLUSIVE lock.
void ReinsertAllRows(ExecState* st, const TableDef& old_def, const TableDef& new_def, const std::function<void(Row*)>& change);
// After a label was inserted at position `from` of enum `enum_oid` (st->catalog has the new
// labels), stores every value of the enum at `from` or later one position up, in every table
// (columns of the enum and arrays of it), indexes included (ddl_data.cpp).
void RenumberEnumValues(ExecState* st, uint32_t enum_oid, int64_t from);
// Moves every row to the key the new definition gives it (a primary key added or dropped).
void RekeyTable(ExecState* st, const TableDef& before, const TableDef& after);
// Writes index entries for every existing row of the table (CREATE INDEX, ADD CONSTRAINT):
// into a new index, created by this transaction (whose keys may then bypass the transaction:
// access/new_relation_writer.hpp), or into an existing one emptied in this transaction (REINDEX).
enum class IndexStorage { kNew, kEmptied };
void BuildIndex(ExecState* st, const TableDef& t, const IndexDef& idx, IndexStorage storage);
// Creates the backing index of a PRIMARY KEY / UNIQUE constraint (and the constraint).
void AddKeyConstraint(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::vector<int>& cols,
                      bool build);
// Adds a CHECK or FOREIGN KEY constraint; validates existing rows when `validate`.
void AddCheckConstraint(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::string& column,
                        bool validate);
void AddForeignKey(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::vector<int>& cols,
                   bool validate);
// The sequence of a serial or identity column (identity: its options, SEQUENCE NAME included),
// owned by the column, added to the catalog.
SequenceDef AddColumnSequence(Catalog* cat, const std::string& schema, const std::string& table, const ColumnDef& col,
                              uint32_t table_oid, int position, PgQuery__Constraint* identity);
// Builds a column from its definition; may create a sequence (serial/identity). Constraints on
// the column that need the table (keys, checks, references, and a GENERATED ALWAYS AS (expr)
// STORED clause, for the caller to check with CheckGenerationExpression once the table has all
// its columns) are returned in `deferred`.
// A table column may not be of a pseudo-type (42P16: record, void, ...); a column of a row type
// is not supported yet (0A000).
void CheckStorableType(const Type& t, const std::string& column);
// A column's DEFAULT expression, checked (no column references, binds, converts to the column's
// type by assignment), as the text the catalog keeps.
std::string CheckedDefaultSql(Planner& planner, const ColumnDef& col, Node* expr);
ColumnDef BuildColumn(ExecState* st, Catalog* cat, const std::string& schema, const std::string& table,
                      PgQuery__ColumnDef* def, uint32_t table_oid, int position,
                      std::vector<PgQuery__Constraint*>* deferred);
void Notice(ResultSink* sink, const std::string& message);
// A storage parameter's value as text (WITH (a = 1, b = 'x', c)): "true" when none is given.
std::string OptionValueText(PgQuery__DefElem* d);

}  // namespace tusk
