#pragma once
// to_json's rendering of a SQL value: numbers and booleans as themselves, NULL as null,
// json/jsonb embedded, arrays as JSON arrays, date/time types in ISO 8601 ("T" between date
// and time, offsets as +hh:mm), rows as objects, and every other type as the JSON string of its text form.
#include <string>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// kJsonb: what to_jsonb builds (then normalized: nested json is re-read). kJson: to_json's
// exact text, arrays without spaces ([1,2]) and nested json as it was written.
enum class JsonStyle { kJsonb, kJson };
void AppendAsJson(const Type& t, const Value& v, const DateTimeContext& dt, std::string* out,
                  JsonStyle style = JsonStyle::kJsonb);
// A row as a JSON object of its fields ({"a":1,"b":"x"}); `pretty` puts each field after the
// first on a line of its own (row_to_json(r, true)).
void AppendRowAsJson(const RecordDef& r, const Value& v, const DateTimeContext& dt, std::string* out, JsonStyle style,
                     bool pretty);
// A JSON string literal for s, escaped as PostgreSQL escapes it.
void EscapeJsonString(const std::string& s, std::string* out);

}  // namespace tusk
