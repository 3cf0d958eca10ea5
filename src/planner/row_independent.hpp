// Which parts of a scan's condition can be evaluated once per execution
// (execution/once_per_execution.hpp), and the condition with those parts wrapped.
#pragma once

#include "execution/expr.hpp"

namespace tusk {

// `cond` with each largest part that reads no column, runs no subquery, calls nothing volatile
// and is not a constant or a bare parameter (already cheap) wrapped in an
// OncePerExecutionExpr. Looks through AND / OR / NOT, plain function and operator calls and
// IN lists; other nodes are left as they are.
ExprP EvaluateRowIndependentPartsOnce(const ExprP& cond);

}  // namespace tusk
