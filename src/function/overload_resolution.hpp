#pragma once
// Choosing among overloads of a function as PostgreSQL does (the manual's "Function Type
// Resolution", steps 4a-4f): most exact matches, then most preferred types, then the categories
// unknown literals can take (string first), then "unknowns are like the known arguments".
#include <string>
#include <vector>

#include "execution/expr.hpp"
#include "types/type.hpp"

namespace tusk {

// The index of the chosen candidate signature, or -1 if no candidate accepts the arguments.
// Throws 42725 "function name(types) is not unique" when several fit equally well.
int ResolveOverload(const std::string& name, const std::vector<std::vector<Type>>& candidates,
                    const std::vector<ExprP>& args, int location);

}  // namespace tusk
