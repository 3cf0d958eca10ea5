// Text input and output of every type, byte-identical to PostgreSQL 15 (the formats a client
// sees in psql and in text-format results).
#pragma once
#include <string>
#include <string_view>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// Parses text as a value of type t (typmod is not applied: see ApplyTypmod). Throws 22P02 and
// friends with PostgreSQL's messages.
Value ParseText(const Type& t, std::string_view text, const DateTimeContext& ctx);
// Formats a non-null value as PostgreSQL's output function does.
std::string FormatText(const Type& t, const Value& v, const DateTimeContext& ctx);
// An array element's text as array output writes it: quoted when empty, NULL-like or holding
// a delimiter, brace, quote, backslash or space.
std::string QuoteArrayElement(const std::string& s);

// Applies a column's typmod on assignment (explicit=false: varchar overflow is 22001) or an
// explicit cast (explicit=true: varchar/char truncate silently).
Value ApplyTypmod(const Type& t, const Value& v, bool explicit_cast);

std::string FormatFloat8(double d);
std::string FormatFloat4(float f);
double ParseFloat8(std::string_view text, const char* type_name);
int64_t ParseInteger(std::string_view text, uint32_t type_id);
// Checks that an int64 fits the integer type; throws "integer out of range" (22003) otherwise.
int64_t CheckIntRange(int64_t v, uint32_t type_id);
std::string FormatUuid(const std::string& raw16);
std::string BpcharStripped(const std::string& s);

}  // namespace tusk
