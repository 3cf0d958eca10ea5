// Ordering and equality of values of one type, as PostgreSQL's btree operator classes define
// them (text compares bytewise, the "C" collation; NaN sorts above every number).
#pragma once
#include <cstddef>

#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// Compares two non-null values of type t: <0, 0, >0.
int CompareValues(const Type& t, const Value& a, const Value& b);
// Compares with NULLs placed last (or first), for sorting.
int CompareNullable(const Type& t, const Value& a, const Value& b, bool nulls_first);
size_t HashValue(const Type& t, const Value& v);

}  // namespace tusk
