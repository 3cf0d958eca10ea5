// A routine's body sits inside the statement that created it (CREATE FUNCTION's AS, DO's
// string): an error at a position in the body is reported at the same place in that statement.
#pragma once
#include <string>

#include "common/error.hpp"

namespace tusk {

// Moves e's position (1-based, in `body`) to the same character of `statement`, where the body is
// written as it is (dollar quotes) or with its quotes doubled (a '...' literal): PostgreSQL's
// function_parse_error_transpose. When the body is not found there, the position is dropped and
// false returned.
bool MovePositionIntoStatement(Error& e, const std::string& statement, const std::string& body);

}  // namespace tusk
