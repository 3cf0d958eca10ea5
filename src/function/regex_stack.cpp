#include "function/regex_stack.hpp"

#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <exception>

#include "common/error.hpp"

namespace tusk {

namespace {
// Texts up to this length match on the caller's stack (measured: 300-600 bytes of stack per
// character in a release build, several times that under AddressSanitizer).
constexpr size_t kInlineText = 1000;
// Stack for a longer text: a base plus a generous allowance per character. The mapping is
// reserved, not committed: only the pages the match touches cost memory.
constexpr size_t kBaseStack = size_t{64} << 20;
constexpr size_t kStackPerChar = 16 << 10;
constexpr size_t kMaxStack = size_t{64} << 30;

struct Job {
  const std::function<void()>* fn;
  std::exception_ptr error;
};

void* RunJob(void* p) {
  auto* job = static_cast<Job*>(p);
  try {
    (*job->fn)();
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}
}  // namespace

void RunOnRegexStack(size_t text_len, const std::function<void()>& fn) {
  if (text_len <= kInlineText) {
    fn();
    return;
  }
  if (text_len > (kMaxStack - kBaseStack) / kStackPerChar)
    throw Error("54001", "stack depth limit exceeded")
        .WithDetail("A regular expression is matched against text of at most " +
                    std::to_string((kMaxStack - kBaseStack) / kStackPerChar) + " bytes.");
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t size = (kBaseStack + text_len * kStackPerChar + page - 1) / page * page;
  // One guard page below the stack: an overflow faults instead of writing past it.
  void* mem = mmap(nullptr, size + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (mem == MAP_FAILED) throw Error(sqlstate::kOutOfMemory, "out of memory").WithDetail("Failed on a stack for a regular expression match.");
  mprotect(mem, page, PROT_NONE);
  Job job{&fn, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, static_cast<char*>(mem) + page, size);
  pthread_t thread;
  int rc = pthread_create(&thread, &attr, RunJob, &job);
  pthread_attr_destroy(&attr);
  if (rc == 0) pthread_join(thread, nullptr);
  munmap(mem, size + page);
  if (rc != 0) throw Error(sqlstate::kOutOfMemory, "out of memory").WithDetail("Could not start a thread for a regular expression match.");
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace tusk
