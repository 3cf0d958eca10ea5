#include "types/record_text.hpp"

#include <cctype>

#include "common/error.hpp"
#include "types/text_io.hpp"

namespace tusk {

std::string FormatRecordText(const RecordDef& r, const Value& v, const DateTimeContext& ctx) {
  std::string out = "(";
  const auto& fields = v.arr();
  for (size_t i = 0; i < fields.size() && i < r.types.size(); i++) {
    if (i) out += ',';
    if (fields[i].is_null()) continue;
    std::string text = FormatText(r.types[i], fields[i], ctx);
    bool quote = text.empty();
    for (char c : text)
      if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || isspace(static_cast<unsigned char>(c))) quote = true;
    if (!quote) {
      out += text;
      continue;
    }
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') out += c;
      out += c;
    }
    out += '"';
  }
  return out + ")";
}

namespace {
[[noreturn]] void Malformed(std::string_view text, const char* detail) {
  throw Error(sqlstate::kInvalidTextRepresentation, "malformed record literal: \"" + std::string(text) + "\"").WithDetail(detail);
}
}  // namespace

Value ParseRecordText(const Type& t, std::string_view text, const DateTimeContext& ctx) {
  if (!t.record || !t.record->type_oid)
    throw Error(sqlstate::kFeatureNotSupported, "input of anonymous composite types is not implemented");
  const RecordDef& r = *t.record;
  size_t p = 0;
  while (p < text.size() && isspace(static_cast<unsigned char>(text[p]))) p++;
  if (p >= text.size() || text[p] != '(') Malformed(text, "Missing left parenthesis.");
  p++;
  std::vector<Value> fields;
  for (size_t i = 0; i < r.types.size(); i++) {
    if (i > 0) {
      // the previous field ended at a comma (checked below)
      p++;
    }
    if (p >= text.size()) Malformed(text, "Unexpected end of input.");
    if (text[p] == ',' || text[p] == ')') {
      if (text[p] == ')' && i + 1 < r.types.size()) Malformed(text, "Too few columns.");
      fields.push_back(Value::Null());
    } else {
      std::string field;
      bool in_quotes = false;
      while (in_quotes || (text[p] != ',' && text[p] != ')')) {
        char c = text[p++];
        if (c == '\\') {
          if (p >= text.size()) Malformed(text, "Unexpected end of input.");
          field += text[p++];
        } else if (c == '"') {
          if (!in_quotes) in_quotes = true;
          else if (p < text.size() && text[p] == '"') field += text[p++];  // "" inside quotes
          else in_quotes = false;
        } else {
          field += c;
        }
        if (p >= text.size()) Malformed(text, "Unexpected end of input.");
      }
      fields.push_back(ApplyTypmod(r.types[i], ParseText(r.types[i], field, ctx), false));
    }
    if (text[p] == ')' && i + 1 < r.types.size()) Malformed(text, "Too few columns.");
    if (text[p] == ',' && i + 1 == r.types.size()) Malformed(text, "Too many columns.");
  }
  if (r.types.empty() && (p >= text.size() || text[p] != ')')) Malformed(text, "Too many columns.");
  p++;  // the right parenthesis
  while (p < text.size() && isspace(static_cast<unsigned char>(text[p]))) p++;
  if (p < text.size()) Malformed(text, "Junk after right parenthesis.");
  return Value::Array(std::move(fields));
}

}  // namespace tusk
