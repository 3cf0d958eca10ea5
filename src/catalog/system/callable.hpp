// Which of PostgreSQL's built-in functions, operators and casts (builtin_procs.hpp) Tusk runs.
// Its binder is asked once per process, with arguments of exactly the listed types: a function
// is callable when the call binds to a result of its listed type, an operator likewise, a cast
// when Tusk converts between the two types. So the catalogs follow the code as it grows, and
// never list what would fail with "does not exist".
#pragma once
#include <vector>

namespace tusk {

struct CallableBuiltins {
  std::vector<bool> procs;      // by position in BuiltinProcs()
  std::vector<bool> operators;  // by position in BuiltinOperators()
  std::vector<char> casts;      // by position in BuiltinCasts(): 0 none, else 'i', 'a' or 'e' as Tusk casts
};

const CallableBuiltins& Callable();

}  // namespace tusk
