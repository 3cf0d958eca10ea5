// Memory that statements hold in buffers (rows kept by sorts, hash tables, window partitions,
// CTEs, set operations, materialised subqueries and result sets), counted against two limits:
// the statement's (setting tusk.statement_memory_limit) and the server's, shared by every
// statement (`tusk serve --memory-limit`). Past either, the statement fails with 53200 "out of
// memory" and a DETAIL naming the operator that asked, instead of the process growing until
// the kernel kills it. Operators do not spill to disk yet (docs/compatibility.md).
#pragma once
#include <cstdint>
#include <memory>

#include "types/value.hpp"

namespace tusk {

struct ExecState;

// One statement's count. Shared by the statement's state and every charge made under it, so
// that buffers kept after the statement (a portal's rows) give their bytes back to the right
// account.
class MemoryAccount {
 public:
  explicit MemoryAccount(int64_t limit) : limit_(limit) {}
  ~MemoryAccount();
  MemoryAccount(const MemoryAccount&) = delete;
  MemoryAccount& operator=(const MemoryAccount&) = delete;
  // Counts `bytes` more, asked for by `what`; throws 53200 past the statement's or the
  // server's limit (counting nothing then).
  void Charge(int64_t bytes, const char* what);
  void Release(int64_t bytes);
  int64_t held() const { return held_; }
  int64_t peak() const { return peak_; }  // the most it held at once

 private:
  int64_t limit_;
  int64_t held_ = 0;
  int64_t peak_ = 0;
};

// The server-wide limit (bytes; 0 for none; half of physical memory until set) and what all
// statements hold now.
void SetServerMemoryLimit(int64_t bytes);
int64_t ServerMemoryHeld();

// What one buffer holds, charged to the statement that filled it. Clear (or destruction)
// gives it back; a buffer reused by the next execution of a cached plan moves to that
// execution's account.
class MemoryCharge {
 public:
  explicit MemoryCharge(const char* what) : what_(what) {}
  MemoryCharge(const MemoryCharge&) = delete;
  MemoryCharge& operator=(const MemoryCharge&) = delete;
  ~MemoryCharge() { Clear(); }
  void Add(const ExecState* st, int64_t bytes);
  void AddRow(const ExecState* st, const Row& row) { Add(st, RowBytes(row)); }
  void Clear();
  // The heap bytes a row takes, near enough: its values and their out-of-line text and arrays.
  static int64_t RowBytes(const Row& row);
  static int64_t ValueBytes(const Value& v);
  void Swap(MemoryCharge& other) {
    std::swap(account_, other.account_);
    std::swap(bytes_, other.bytes_);
  }

 private:
  const char* what_;
  std::shared_ptr<MemoryAccount> account_;
  int64_t bytes_ = 0;
};

}  // namespace tusk
