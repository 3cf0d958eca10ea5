// Binary send/receive formats of the core types, as PostgreSQL's *send/*recv functions define
// them (used by the extended protocol when a client asks for format 1).
#pragma once
#include <string>
#include <string_view>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// Throws 0A000 for types without a binary format here.
std::string EncodeBinary(const Type& t, const Value& v);
// Throws 22P03 on malformed input.
Value DecodeBinary(const Type& t, std::string_view bytes);

}  // namespace tusk
