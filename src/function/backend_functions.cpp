// Functions about sessions, waiting and locks: pg_sleep, pg_cancel_backend,
// pg_terminate_backend, advisory locks, pg_notify.
#include <chrono>
#include <thread>

#include "common/error.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"

namespace tusk {

namespace {
std::string AdvisoryKey(const std::vector<Value>& a, EvalContext& ctx) {
  const uint32_t db = ctx.state->session->database_oid();
  return a.size() == 1 ? AdvisoryLocks::Key(db, a[0].i())
                       : AdvisoryLocks::Key(db, static_cast<int32_t>(a[0].i()), static_cast<int32_t>(a[1].i()));
}

// pg_advisory_lock and its variants, each for a bigint key and for a pair of integers.
void RegisterAdvisoryLocks() {
  const std::vector<std::vector<Type>> keys = {{Type(oid::kInt8)}, {Type(oid::kInt4), Type(oid::kInt4)}};
  for (bool try_only : {false, true})
    for (bool xact : {false, true})
      for (bool shared : {false, true}) {
        std::string name = std::string(try_only ? "pg_try_" : "pg_") + "advisory_" + (xact ? "xact_" : "") + "lock" + (shared ? "_shared" : "");
        for (const auto& sig : keys)
          Register(name, sig, Type(try_only ? oid::kBool : oid::kVoid), [=](const std::vector<Value>& a, EvalContext& ctx) {
            bool got = ctx.state->session->advisory().Acquire(ctx.state, AdvisoryKey(a, ctx), !shared, xact,
                                                              try_only ? LockWait::kSkipLocked : LockWait::kBlock);
            return try_only ? Value::Bool(got) : Value::Str("");
          });
      }
  for (bool shared : {false, true})
    for (const auto& sig : keys)
      Register(shared ? "pg_advisory_unlock_shared" : "pg_advisory_unlock", sig, Type(oid::kBool), [=](const std::vector<Value>& a, EvalContext& ctx) {
        if (ctx.state->session->advisory().Release(AdvisoryKey(a, ctx), !shared)) return Value::Bool(true);
        if (ctx.state->notify)
          ctx.state->notify({"WARNING", "01000", std::string("you don't own a lock of type ") + (shared ? "ShareLock" : "ExclusiveLock")});
        return Value::Bool(false);
      });
  Register("pg_advisory_unlock_all", {}, Type(oid::kVoid), [](const std::vector<Value>&, EvalContext& ctx) {
    ctx.state->session->advisory().ReleaseAllSessionLevel();
    return Value::Str("");
  }, false);
}
}  // namespace

void RegisterBackendFunctions() {
  RegisterAdvisoryLocks();
  // pg_notify(channel, payload): NOTIFY with computed names; not strict (a NULL payload is empty)
  Register("pg_notify", {Type(oid::kText), Type(oid::kText)}, Type(oid::kVoid), [](const std::vector<Value>& a, EvalContext& ctx) {
    ctx.state->session->Notify(a[0].is_null() ? "" : a[0].s(), a[1].is_null() ? "" : a[1].s());
    return Value::Str("");
  }, false);

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
  // pg_terminate_backend(pid [, timeout]): ends the other session's connection.
  for (auto sig : {std::vector<Type>{Type(oid::kInt4)}, std::vector<Type>{Type(oid::kInt4), Type(oid::kInt8)}})
    Register("pg_terminate_backend", sig, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
      int32_t pid = static_cast<int32_t>(a[0].i());
      if (ctx.state->db->backends().Terminate(pid)) return Value::Bool(true);
      if (ctx.state->notify) ctx.state->notify({"WARNING", "01000", "PID " + std::to_string(pid) + " is not a PostgreSQL backend process"});
      return Value::Bool(false);
    });
  // pg_cancel_backend(pid): the other session's running statement fails with 57014.
  Register("pg_cancel_backend", {Type(oid::kInt4)}, Type(oid::kBool), [](const std::vector<Value>& a, EvalContext& ctx) {
    int32_t pid = static_cast<int32_t>(a[0].i());
    if (ctx.state->db->backends().Cancel(pid)) return Value::Bool(true);
    if (ctx.state->notify) ctx.state->notify({"WARNING", "01000", "PID " + std::to_string(pid) + " is not a PostgreSQL backend process"});
    return Value::Bool(false);
  });
}

}  // namespace tusk
