#include "common/stack_depth.hpp"

#include <pthread.h>

#include <string>

#include "common/error.hpp"

namespace tusk {

namespace {
constexpr int64_t kDefaultMaxStackDepth = 2 << 20;  // PostgreSQL's default max_stack_depth
// Room kept between the limit and the thread's real stack size, for the frames between checks.
constexpr int64_t kStackReserve = 512 << 10;

thread_local int64_t t_limit = kDefaultMaxStackDepth;
thread_local uintptr_t t_stack_top = 0;    // highest address of the thread's stack
thread_local int64_t t_stack_size = 0;

void FindStack() {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  t_stack_top = reinterpret_cast<uintptr_t>(addr) + size;
  t_stack_size = static_cast<int64_t>(size);
}

std::string LimitText(int64_t bytes) {
  return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + "MB" : std::to_string(bytes >> 10) + "kB";
}
}  // namespace

void SetMaxStackDepth(int64_t bytes) { t_limit = bytes; }

void CheckStackDepth() {
  if (!t_stack_top) FindStack();
  char here;
  int64_t used = static_cast<int64_t>(t_stack_top - reinterpret_cast<uintptr_t>(&here));
  int64_t limit = t_limit;
  if (t_stack_size > 0 && limit > t_stack_size - kStackReserve) limit = t_stack_size - kStackReserve;
  if (used > limit)
    throw Error("54001", "stack depth limit exceeded")
        .WithHint("Increase the configuration parameter \"max_stack_depth\" (currently " + LimitText(t_limit) +
                  "), after ensuring the platform's stack depth limit is adequate.");
}

}  // namespace tusk
