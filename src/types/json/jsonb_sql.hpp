// What jsonb's SQL operators and functions share: reading argument values into trees and
// writing results back.
#pragma once
#include <string>
#include <vector>

#include "common/repeated_parse.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/jsonb_edit.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

inline Jsonb JsonbArg(const Value& v) { return ReadStoredJsonb(v.s()); }
// The same for an argument that is usually the same from call to call (the query side of
// @> re-checked against each candidate row): parsed once (common/repeated_parse.hpp). The
// reference is good until the next call.
inline const Jsonb& RepeatedJsonbArg(const Value& v) { return ParseRepeated<Jsonb, ReadStoredJsonb>(v.s()); }
inline Value JsonbResult(const Jsonb& j) { return Value::Str(WriteJsonb(j)); }
inline Value JsonbResultOrNull(const Jsonb* j) { return j ? JsonbResult(*j) : Value::Null(); }
// ->>'s text of a value: SQL NULL for a JSON null.
inline Value JsonbTextOrNull(const Jsonb* j) {
  return !j || j->kind == Jsonb::Kind::kNull ? Value::Null() : Value::Str(JsonbAsText(*j));
}
// A text[] argument as a path (2202E when it has more than one dimension).
JsonbPath JsonbPathArg(const Value& v);
// A text[] argument's non-null elements.
std::vector<std::string> JsonbKeysArg(const Value& v);

inline const Type kJsonbType{oid::kJsonb};
inline const Type kTextArrayType{oid::kText, -1, true};

}  // namespace tusk
