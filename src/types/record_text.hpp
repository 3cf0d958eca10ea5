// Text input and output of row values (PostgreSQL's record_in / record_out): "(1,abc,)".
#pragma once
#include <string>
#include <string_view>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

// (a,b,...): a NULL field empty, a field quoted when it is empty or holds a quote, backslash,
// parenthesis, comma or space (quotes and backslashes doubled inside).
std::string FormatRecordText(const RecordDef& r, const Value& v, const DateTimeContext& ctx);
// Reads a composite type's literal; each field through its type's input. An anonymous
// `record` cannot be read (0A000), as in PostgreSQL; a malformed literal is 22P02 with
// PostgreSQL's DETAIL.
Value ParseRecordText(const Type& t, std::string_view text, const DateTimeContext& ctx);

}  // namespace tusk
