// LANGUAGE sql functions: their body planned with the arguments as parameters ($1, or by name),
// and a call that runs it.
#pragma once
#include <memory>

#include "binder/binder.hpp"
#include "catalog/function_def.hpp"
#include "function/set_returning.hpp"

namespace tusk {

// Plans every statement of a SQL function's body and checks its final statement against the
// declared result (42P13 "return type mismatch ..."), as CREATE FUNCTION does.
void ValidateSqlFunctionBody(ExecState* st, const FunctionDef& f);

// A call of a user-defined function with its arguments bound and coerced to the parameters'
// types (defaults filled in). LANGUAGE plpgsql cannot run yet (0A000 when called).
ExprP MakeUserFunctionCall(std::shared_ptr<const FunctionDef> f, std::vector<ExprP> args);
// A user-defined function as a FROM item: its rows (a SETOF function's set, any other's one row),
// with a column per field of a row result.
SetFunction MakeUserSetFunction(std::shared_ptr<const FunctionDef> f, std::vector<ExprP> args);
// Whether e is a call of a procedure (what CALL runs).
bool IsProcedureCall(const Expr& e);
// The procedure a CALL's bound call runs (IsProcedureCall).
const FunctionDef& CalledProcedure(const Expr& e);
// Its bound arguments, one per parameter of the call (FunctionDef::CallArgs).
const std::vector<ExprP>& CalledArguments(const Expr& e);

}  // namespace tusk
