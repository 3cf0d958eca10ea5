// JSON text handling for the rest of Tusk: validation for json, jsonb's canonical text form
// (keys sorted by length then bytes, duplicate keys keep the last value, ", " and ": "
// separators, numbers in numeric form), and jsonb's casts to numbers and booleans. The jsonb
// tree and its operators are in jsonb.hpp.
#pragma once
#include <string>
#include <string_view>

namespace tusk {

void JsonValidate(std::string_view text, const char* type_name);
std::string JsonbNormalize(std::string_view text);
// The text of a stored jsonb scalar that a cast to a number (number) or boolean converts;
// 22023 "cannot cast jsonb object to type integer" for any other kind.
std::string JsonbScalarForCast(std::string_view stored, bool number, const std::string& type_name);

}  // namespace tusk
