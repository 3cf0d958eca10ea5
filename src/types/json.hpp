// JSON text handling: validation for json, and jsonb's canonical text form (keys sorted by
// length then bytes, duplicate keys keep the last value, ", " and ": " separators, numbers in
// numeric form). A binary jsonb with GIN support arrives with the JSONB feature.
#pragma once
#include <string>
#include <string_view>

namespace tusk {

void JsonValidate(std::string_view text, const char* type_name);
std::string JsonbNormalize(std::string_view text);

}  // namespace tusk
