#include "execution/memory.hpp"

#include <algorithm>

#include <unistd.h>

#include <atomic>
#include <string>

#include "common/error.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
// Until the operator says otherwise (tusk serve --memory-limit): half of the machine's memory.
int64_t HalfOfPhysicalMemory() {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0 ? static_cast<int64_t>(pages) * size / 2 : 0;
}
std::atomic<int64_t> g_server_limit{HalfOfPhysicalMemory()};
std::atomic<int64_t> g_server_held{0};

std::string Megabytes(int64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

}  // namespace

int64_t MemoryCharge::ValueBytes(const Value& v) {
  int64_t n = sizeof(Value);
  if (v.kind() == Value::Kind::kStr && v.s().capacity() > 15) n += static_cast<int64_t>(v.s().capacity()) + 1;
  if (v.kind() == Value::Kind::kArray) {
    n += 2 * static_cast<int64_t>(sizeof(void*));  // the shared block's counts
    for (const Value& e : v.arr()) n += ValueBytes(e);
  }
  return n;
}

void SetServerMemoryLimit(int64_t bytes) { g_server_limit = bytes; }
int64_t ServerMemoryHeld() { return g_server_held.load(std::memory_order_relaxed); }

MemoryAccount::~MemoryAccount() { g_server_held.fetch_sub(held_, std::memory_order_relaxed); }

void MemoryAccount::Charge(int64_t bytes, const char* what) {
  if (limit_ > 0 && held_ + bytes > limit_)
    throw Error(sqlstate::kOutOfMemory, "out of memory")
        .WithDetail(std::string("Failed on request of size ") + std::to_string(bytes) + " in " + what + ": the statement holds " +
                    Megabytes(held_) + ", its limit (tusk.statement_memory_limit) is " + Megabytes(limit_) + ".");
  int64_t server = g_server_held.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  int64_t server_limit = g_server_limit.load(std::memory_order_relaxed);
  if (server_limit > 0 && server > server_limit) {
    g_server_held.fetch_sub(bytes, std::memory_order_relaxed);
    throw Error(sqlstate::kOutOfMemory, "out of memory")
        .WithDetail(std::string("Failed on request of size ") + std::to_string(bytes) + " in " + what +
                    ": the server's statements hold " + Megabytes(server - bytes) + " together, its limit (tusk serve --memory-limit) is " +
                    Megabytes(server_limit) + ".");
  }
  held_ += bytes;
  peak_ = std::max(peak_, held_);
}

void MemoryAccount::Release(int64_t bytes) {
  held_ -= bytes;
  g_server_held.fetch_sub(bytes, std::memory_order_relaxed);
}

void MemoryCharge::Add(const ExecState* st, int64_t bytes) {
  if (!st || !st->memory) return;
  if (account_ != st->memory) {
    Clear();
    account_ = st->memory;
  }
  account_->Charge(bytes, what_);
  bytes_ += bytes;
}

void MemoryCharge::Clear() {
  if (account_ && bytes_) account_->Release(bytes_);
  bytes_ = 0;
  account_.reset();
}

int64_t MemoryCharge::RowBytes(const Row& row) {
  int64_t n = static_cast<int64_t>(sizeof(Row));
  for (const Value& v : row) n += ValueBytes(v);
  return n;
}

}  // namespace tusk
