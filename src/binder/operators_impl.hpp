// Value-level implementations of SQL operators (arithmetic with PostgreSQL's overflow errors,
// comparison, LIKE), shared by the binder and the built-in functions.
#pragma once
#include <string>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// a op b for integers of result type `t` (int2/int4/int8): + - * / %.
Value IntArith(char op, int64_t a, int64_t b, uint32_t t);
Value FloatArith(char op, double a, double b, uint32_t t);
Value NumericArith(char op, const std::string& a, const std::string& b);
// SQL LIKE with backslash escapes; case-insensitive for ILIKE.
bool LikeMatch(const std::string& text, const std::string& pattern, bool icase);

}  // namespace tusk
