// Reading and changing jsonb by path, as PostgreSQL's jsonfuncs.c does: #> / #>>, jsonb_set,
// jsonb_insert, #-, and the || and - operators.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "types/json/jsonb.hpp"

namespace tusk {

// A text[] path; a NULL element is nullopt.
using JsonbPath = std::vector<std::optional<std::string>>;

// #>: the value at path, or null when a step finds nothing (an array step that is not an
// integer, a key in an array, any step into a scalar). An empty path gives the whole value.
const Jsonb* JsonbAtPath(const Jsonb& doc, const JsonbPath& path);
// -> with an integer: an element counted from the end when negative; a top-level scalar is
// its own element 0, as in PostgreSQL.
const Jsonb* JsonbElement(const Jsonb& doc, int64_t index);

enum class JsonbPathEdit { kCreate, kReplace, kInsertBefore, kInsertAfter, kDelete, kAssign };
// jsonb_set (kCreate / kReplace), jsonb_insert (kInsertBefore / kInsertAfter), #- (kDelete) and
// subscript assignment (kAssign: missing levels are made, arrays padded with nulls, a scalar on
// the way and a negative index past the start are errors); value is unused by kDelete.
void EditJsonbPath(Jsonb* doc, const JsonbPath& path, const Jsonb& value, JsonbPathEdit edit);

// a || b.
Jsonb ConcatJsonb(Jsonb a, Jsonb b);
// a - key (an object's key, or an array's string elements equal to it), a - keys, a - index.
Jsonb DeleteJsonbKeys(Jsonb a, const std::vector<std::string>& keys);
Jsonb DeleteJsonbIndex(Jsonb a, int64_t index);

}  // namespace tusk
