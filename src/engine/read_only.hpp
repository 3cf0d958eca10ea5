#pragma once
// READ ONLY transactions: which statements write, named as PostgreSQL names them in
// "cannot execute <command> in a read-only transaction" (25006).
#include <string>

#include "parser/parser.hpp"

namespace tusk {

// The command's name if the statement writes data or schema, else "".
std::string WriteCommandName(Node* stmt);

// Throws 25006 when the statement writes.
void CheckReadOnly(Node* stmt);

}  // namespace tusk
