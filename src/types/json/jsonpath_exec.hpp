// Runs a jsonpath over a jsonb document, as PostgreSQL 15's jsonpath_exec.c: lax and strict
// modes, automatic array wrapping and unwrapping, filters with three-valued logic, arithmetic on
// numerics, the item methods, and PostgreSQL's errors (thrown unless the call is silent).
#pragma once
#include <vector>

#include "types/datetime.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/jsonpath.hpp"

namespace tusk {

enum class JsonPathResult { kOk, kNotFound, kError };

// Evaluates `path` on `doc`. `vars` (may be null) holds the $variables and must be an object
// (22023 otherwise). With `found`, every resulting item is appended; without, evaluation stops
// at the first (the exists test). Silent (`throw_errors` false) structural and arithmetic errors
// give kError instead of throwing. `use_tz` (the *_tz functions) lets datetime comparisons
// convert with the session zone of `dt`.
JsonPathResult ExecuteJsonPath(const JsonPath& path, const Jsonb& doc, const Jsonb* vars, bool throw_errors,
                               std::vector<Jsonb>* found, bool use_tz, const DateTimeContext& dt);

}  // namespace tusk
