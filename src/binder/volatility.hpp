// Volatility of bound expressions, as PostgreSQL's contain_mutable_functions decides it from
// pg_proc.provolatile: 'i' immutable (same arguments, same result, forever), 's' stable (the
// same within a statement: now(), a timestamptz's text, which depends on TimeZone), 'v'
// volatile (random(), nextval()). A generation expression must be immutable.
#pragma once

#include "execution/expr.hpp"

namespace tusk {

// The most volatile function, operator or cast `e` calls, judged from PostgreSQL 15's
// catalogs (builtin_procs.inc): a call by the function's name and argument types, an operator
// by its implementing function, a cast by its function or, for an I/O conversion, the output
// function of the source type and the input function of the target. The SQL value functions
// (CURRENT_TIMESTAMP, CURRENT_USER, ...) are stable, as PostgreSQL's. A call Tusk has that
// PostgreSQL's catalog does not name counts as immutable.
char ExprVolatility(const Expr& e);
// Whether PostgreSQL's catalog names this function (not an operator) and marks it immutable; a
// function it does not name is false here, so that a Tusk function is never folded unasked.
bool CatalogImmutableCall(const CallExpr& call);

}  // namespace tusk
