// PostgreSQL's check_stack_depth: recursive code (parsing nested JSON, binding nested
// expressions, planning nested queries) calls CheckStackDepth, which fails with 54001 "stack
// depth limit exceeded" once the thread has used more than max_stack_depth of its stack,
// instead of overflowing it and killing the server.
#pragma once
#include <cstdint>

namespace tusk {

// The calling thread's limit in bytes (the session sets it from max_stack_depth; 2MB default).
void SetMaxStackDepth(int64_t bytes);
void CheckStackDepth();

}  // namespace tusk
