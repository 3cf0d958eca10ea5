#include "types/json/to_json.hpp"

#include <functional>

#include "types/json/json.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
// "2026-01-01 00:00:00+00" -> "2026-01-01T00:00:00+00:00"
std::string IsoDateTime(std::string text, bool with_zone) {
  size_t space = text.find(' ');
  if (space != std::string::npos) text[space] = 'T';
  if (with_zone) {
    size_t sign = text.find_last_of("+-");
    if (sign != std::string::npos && sign > 10 && text.size() - sign == 3) text += ":00";
  }
  return text;
}
}  // namespace

void AppendAsJson(const Type& t, const Value& v, const DateTimeContext& dt, std::string* out, JsonStyle style) {
  if (v.is_null()) {
    *out += "null";
    return;
  }
  if (t.array) {
    // one JSON array per dimension, nested: {{1,2},{3,4}} is [[1, 2], [3, 4]]
    const auto& items = v.arr();
    size_t next = 0;
    std::function<void(int)> dimension = [&](int d) {
      *out += '[';
      int n = v.array_ndim() == 0 ? 0 : v.array_length(d);
      for (int i = 0; i < n; i++) {
        if (i) *out += style == JsonStyle::kJson ? "," : ", ";
        if (d + 1 < v.array_ndim()) dimension(d + 1);
        else AppendAsJson(t.Element(), items[next++], dt, out, style);
      }
      *out += ']';
    };
    dimension(0);
    return;
  }
  if (t.record) {
    AppendRowAsJson(*t.record, v, dt, out, style, false);
    return;
  }
  std::string text = FormatText(t, v, dt);
  switch (t.id) {
    case oid::kBool: *out += v.b() ? "true" : "false"; return;
    case oid::kInt2: case oid::kInt4: case oid::kInt8: case oid::kNumeric: case oid::kFloat4: case oid::kFloat8:
      // NaN and infinities are not JSON numbers: PostgreSQL writes them as strings.
      if (text == "NaN" || text == "Infinity" || text == "-Infinity") EscapeJsonString(text, out);
      else *out += text;
      return;
    case oid::kJson: *out += style == JsonStyle::kJson ? text : JsonbNormalize(text); return;
    case oid::kJsonb: *out += JsonbNormalize(text); return;
    case oid::kTimestamp: EscapeJsonString(IsoDateTime(text, false), out); return;
    case oid::kTimestamptz: EscapeJsonString(IsoDateTime(text, true), out); return;
    default: EscapeJsonString(text, out);
  }
}

void AppendRowAsJson(const RecordDef& r, const Value& v, const DateTimeContext& dt, std::string* out, JsonStyle style, bool pretty) {
  if (v.is_null()) {
    *out += "null";
    return;
  }
  // json writes a row without spaces ({"a":1,"b":2}); jsonb's normal form has them
  const bool json = style == JsonStyle::kJson;
  *out += '{';
  for (size_t i = 0; i < r.types.size() && i < v.arr().size(); i++) {
    if (i) *out += pretty ? ",\n " : json ? "," : ", ";
    EscapeJsonString(r.names[i], out);
    *out += json ? ":" : ": ";
    AppendAsJson(r.types[i], v.arr()[i], dt, out, style);
  }
  *out += '}';
}

}  // namespace tusk
