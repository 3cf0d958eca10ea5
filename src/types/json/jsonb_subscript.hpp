// jsonb subscripting: doc['a'][0] reads as doc #> '{a,0}' does; SET doc['a'][0] = v writes
// with jsonb_set_element's rules (missing levels made, arrays padded with nulls).
#pragma once
#include <functional>
#include <vector>

#include "binder/binder.hpp"

namespace tusk {

// Binds the subscripts nodes[0..n) (A_Indices) with bind and coerces them; slices are 42804.
std::vector<ExprP> BindJsonbSubscripts(Binder& b, Node* const* nodes, size_t n, const std::function<ExprP(Node*)>& bind);

// Coerces subscripts as PostgreSQL's jsonb_subscript_transform: to int4 or text, whichever one
// the type reaches implicitly (unknown literals: text); 42804 otherwise. locations: per subscript.
std::vector<ExprP> CoerceJsonbSubscripts(Binder& b, std::vector<ExprP> subs, const std::vector<int>& locations);
ExprP JsonbSubscriptRead(ExprP base, std::vector<ExprP> subs);
// base with the value at subs replaced by value (jsonb; SQL NULL stores JSON null).
ExprP JsonbSubscriptAssign(ExprP base, std::vector<ExprP> subs, ExprP value);
// Whether e is such an assignment (another one to the same column composes with it).
bool IsJsonbSubscriptAssign(const Expr& e);

}  // namespace tusk
