// Whether an expression must be evaluated again for each row of an enclosing query: it reads
// such a row (a column of level > 0), or holds a subquery (which may), or calls a volatile
// function (random() < 0.5 draws anew). The planner uses it to split a correlated subquery's
// conditions; operators use it to say whether their rows can change between rescans.
#pragma once
#include "execution/expr.hpp"

namespace tusk {

bool PerOuterRow(const ExprP& e);

}  // namespace tusk
