// Functions about sessions and waiting: pg_sleep, pg_cancel_backend.
#include <chrono>
#include <thread>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"

namespace tusk {

void RegisterBackendFunctions() {
  // pg_sleep(seconds): sleeps in short slices so that a cancel or statement_timeout ends it.
  Register("pg_sleep", {Type(oid::kFloat8)}, Type(oid::kVoid), [](const std::vector<Value>& a, EvalContext& ctx) {
    using Clock = std::chrono::steady_clock;
    double secs = a[0].f();
    auto end = Clock::now() + std::chrono::microseconds(secs > 0 ? static_cast<int64_t>(secs * 1e6) : 0);
    while (Clock::now() < end) {
      CheckInterrupts(ctx.state);
      auto left = std::chrono::duration_cast<std::chrono::microseconds>(end - Clock::now());
      std::this_thread::sleep_for(std::min(left, std::chrono::microseconds(10000)));
    }
    CheckInterrupts(ctx.state);
    return Value::Str("");
  });
  // pg_cancel_backend(pid): the other session's running statement fails with 57014.
  Register("pg_cancel_backend", {Type(oid::kInt4)}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    int32_t pid = static_cast<int32_t>(a[0].i());
    if (ctx.state->db->backends().Cancel(pid)) return Value::Bool(true);
    if (ctx.state->notify) ctx.state->notify("WARNING", "01000", "PID " + std::to_string(pid) + " is not a PostgreSQL backend process");
    return Value::Bool(false);
  });
}

}  // namespace tusk
