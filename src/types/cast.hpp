// Casts between types, with PostgreSQL's cast contexts: which conversions happen implicitly (in
// expressions), on assignment (INSERT/UPDATE into a column), or only when written explicitly.
#pragma once
#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

enum class CastContext { kImplicit = 0, kAssignment = 1, kExplicit = 2 };

// Position of a numeric type in the promotion order int2 < int4 < int8 < numeric < float4 <
// float8 (1..6); 0 for every other type.
int NumericRank(uint32_t id);

// True when `from` converts to `to` in the given context.
bool CanCast(const Type& from, const Type& to, CastContext ctx);
// Converts a non-null value; applies the target typmod. Throws the conversion's SQL errors.
Value CastValue(const Value& v, const Type& from, const Type& to, CastContext ctx,
                const DateTimeContext& dt);

}  // namespace tusk
