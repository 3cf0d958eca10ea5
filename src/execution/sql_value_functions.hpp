// CURRENT_TIMESTAMP, CURRENT_USER and the other SQL-standard functions written without
// parentheses: the binder makes them calls by these names (binder.cpp BindSqlValueFunction);
// such a call prints without "()" and is stable, not volatile.
#pragma once
#include <string>

namespace tusk {

bool IsSqlValueFunction(const std::string& name);

}  // namespace tusk
