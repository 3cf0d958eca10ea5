// CREATE [OR REPLACE] FUNCTION / PROCEDURE and DROP FUNCTION / PROCEDURE / ROUTINE.
#pragma once
#include "engine/statements.hpp"
#include "catalog/function_def.hpp"
#include "parser/parser.hpp"

namespace tusk {

void ExecuteCreateFunction(PgQuery__CreateFunctionStmt* stmt, ExecState* st, ResultSink* sink);
// DROP FUNCTION / PROCEDURE / ROUTINE name [(argument types)], ...
void ExecuteDropRoutines(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink);
// The function, procedure or routine (kind) an ObjectWithArgs names, with PostgreSQL's errors;
// null (after a NOTICE) when missing_ok and there is none.
std::shared_ptr<const FunctionDef> ResolveRoutine(ExecState* st, PgQuery__ObjectWithArgs* owa, PgQuery__ObjectType kind,
                                                  bool missing_ok, ResultSink* sink);
// name(type, type), as PostgreSQL's format_procedure writes a routine in its messages.
std::string FormatProcedure(const FunctionDef& f);
// One attribute CREATE and ALTER FUNCTION share (IMMUTABLE, STRICT, SECURITY DEFINER, COST,
// ROWS, PARALLEL, LEAKPROOF, SET name = value / RESET), applied to `f`.
void ApplyRoutineAttribute(PgQuery__DefElem* d, FunctionDef* f);
// ALTER FUNCTION / PROCEDURE / ROUTINE name(args) attributes, and ... RENAME TO (alter_function.cpp).
void ExecuteAlterRoutine(PgQuery__AlterFunctionStmt* stmt, ExecState* st, ResultSink* sink);
bool RenameRoutine(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink);
// DO [LANGUAGE plpgsql] $$ ... $$ (do_block.cpp).
// nonatomic: the block may COMMIT / ROLLBACK (run outside a transaction block, or by a
// non-atomic procedure).
void ExecuteDo(PgQuery__DoStmt* stmt, ExecState* st, ResultSink* sink, bool nonatomic);
// CALL procedure(arguments) (call.cpp).
// The row a CALL of `procedure` returns: its OUT and INOUT parameters (none: no row).
std::vector<ColumnInfo> CallResultColumns(const FunctionDef& procedure);
// Describe (extended protocol): the row a CALL statement returns.
std::vector<ColumnInfo> DescribeCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params);
// nonatomic: as ExecuteDo's; a procedure with SET clauses or SECURITY DEFINER never is.
void ExecuteCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink, bool nonatomic);

}  // namespace tusk
