// PostgreSQL's rules for the recursive term of WITH RECURSIVE (parse_cte.c): the recursive
// reference may appear once, and not inside a subquery, on the nullable side of an outer join,
// under INTERSECT ALL or on the right of EXCEPT (or the left of EXCEPT ALL). Each is 42P19 at the reference, as PostgreSQL reports it.
#pragma once
#include <string>

#include "parser/parser.hpp"

namespace tusk {

void CheckRecursiveTerm(Node* term, const std::string& name);

}  // namespace tusk
