// Operators a type family registers (jsonb's ->, @>, ? ...), beside the binder's built-in ones.
// Each operator name keeps its overloads; a call picks among them as PostgreSQL's operator
// resolution does (an unknown literal takes the type its overload wants, string types first).
#pragma once
#include <string>

#include "binder/binder.hpp"

namespace tusk {

void RegisterOperator(const std::string& op, Type left, Type right, Type result, ScalarFn fn);
// A prefix operator (tsquery's !!): `op operand`.
void RegisterPrefixOperator(const std::string& op, Type operand, Type result, ScalarFn fn);
// The bound call of a registered overload, or nullptr when none fits (then the built-in
// operators are tried). Operands that are both untyped never match here: PostgreSQL reads
// them as text.
ExprP BindRegisteredOperator(Binder& b, const std::string& op, ExprP l, ExprP r, int location);

bool IsRegisteredOperator(const std::string& op);

// Registered by src/types/json.
void RegisterJsonbOperators();
void RegisterJsonOperators();  // the json type's (json_operators.cpp)
void RegisterJsonPathOperators();  // @? and @@ (types/json/jsonpath_functions.cpp)

}  // namespace tusk
