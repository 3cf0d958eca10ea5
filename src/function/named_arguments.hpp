// Calls of built-in functions in named notation (`jsonb_path_query(doc, path, silent => true)`):
// the functions that have parameter names, and the defaults of the parameters a call may leave
// out, as pg_proc's proargnames and proargdefaults give them.
#pragma once
#include <string>
#include <vector>

#include "execution/expr.hpp"

namespace tusk {

// Puts the arguments of a call of built-in `function` in parameter order: `names` holds each
// argument's name ("" when positional, which must come first); parameters left out take their
// defaults. False when the function has no named parameters (the caller reports it); 42601 for a
// name given twice, 42883 for an unknown name or a gap without a default.
bool PlaceNamedArguments(const std::string& function, std::vector<ExprP>* args, const std::vector<std::string>& names,
                         int location);

// The same for a call of a built-in set-returning function, which may have no names at all
// (nothing to do); names given to a function without named parameters are 42883.
void PlaceSetFunctionArguments(const std::string& function, std::vector<ExprP>* args, const std::vector<std::string>& names,
                               int location);

}  // namespace tusk
