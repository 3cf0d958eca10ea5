#pragma once
// to_json's rendering of a SQL value: numbers and booleans as themselves, NULL as null,
// json/jsonb embedded, arrays as JSON arrays, date/time types in ISO 8601 ("T" between date
// and time, offsets as +hh:mm), and every other type as the JSON string of its text form.
#include <string>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

void AppendAsJson(const Type& t, const Value& v, const DateTimeContext& dt, std::string* out);
// A JSON string literal for s, escaped as PostgreSQL escapes it.
void EscapeJsonString(const std::string& s, std::string* out);

}  // namespace tusk
