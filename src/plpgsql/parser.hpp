// Reads a PL/pgSQL body into plpgsql/ast.hpp's tree. CREATE FUNCTION has already checked the
// body with PostgreSQL's own grammar (libpg_query's pg_query_parse_plpgsql), so this parser
// sees valid PL/pgSQL; what it does not support yet is 0A000 at the function's first call.
#pragma once
#include <string>
#include <vector>

#include "catalog/function_def.hpp"
#include "plpgsql/ast.hpp"

namespace tusk::plpgsql {

struct Signature {
  std::string name;  // qualifies the parameters (`f.a`)
  struct Param {
    std::string name;  // "" unnamed: reachable as $n only
    bool in = true, out = false;
  };
  std::vector<Param> params;  // every parameter, IN and OUT, in order ($n counts them all)
  bool trigger = false;       // NEW, OLD, TG_* are declared
  // The result, for RETURN's checks (a DO block returns void)
  bool retset = false, returns_void = true, has_out = false, procedure = false;
};

// Errors are PostgreSQL's compile-time ones; a cursor position is 1-based in the body.
Function Parse(const std::string& body, const Signature& sig);

// A function's parameters as its body sees them.
Signature SignatureOf(const FunctionDef& def);

}  // namespace tusk::plpgsql
