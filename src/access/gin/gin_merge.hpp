// Merging a GIN index's single-row keys into posting-list chunks (posting_list.hpp).
//
// Rows written after CREATE INDEX add one key per (entry, row); a merge rewrites each entry
// that has them, or has more than one partial chunk, as full chunks, dropping the rows that no
// longer exist (PostgreSQL's VACUUM flushes a GIN index's pending list and removes dead items
// the same way). It runs outside any transaction and takes no row locks, which is safe
// because:
//   - it reads one committed snapshot and deletes only keys it read, whose rows it keeps in the
//     new chunks: a concurrent writer of the same (entry, row) key at worst leaves the row in
//     both forms (readers merge them) or names a row that is gone (readers re-check rows);
//   - a row is dropped only when it is gone in that snapshot, so every snapshot that can see
//     the new chunks (taken after the merge) cannot see the row either; older snapshots read
//     the old keys, which RocksDB keeps for them;
//   - writers never lock or conflict-check GIN keys (the row's own key is what they lock), so
//     a merge cannot make a transaction fail.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace tusk {

class Store;

struct GinMergeStats {
  size_t entries = 0;  // entries rewritten
  size_t keys_before = 0, keys_after = 0;
  size_t rows_dropped = 0;  // rows gone from the table
};

// Merges every entry of GIN index `index` that needs it (VACUUM).
GinMergeStats MergeGinIndex(Store* store, uint32_t index);
// The same for the entries whose keys fall in [begin, end).
GinMergeStats MergeGinRange(Store* store, const std::string& begin, const std::string& end);

// Merges single entries in the background, as scans find them gathering single-row keys (the
// role of PostgreSQL's pending-list cleanup), so that an index filled by INSERTs after CREATE
// INDEX gets posting lists without a VACUUM.
class GinMerger {
 public:
  // A scan asks for a merge once an entry has this many single-row keys.
  static constexpr size_t kMergeAfterSingles = 512;
  explicit GinMerger(Store* store) : store_(store) {}
  ~GinMerger();  // ends after the merge under way; queued ones are dropped
  void Request(const std::string& entry_prefix);

 private:
  void Run();
  Store* store_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  std::set<std::string> queued_;
  std::thread worker_;
  bool stop_ = false;
};

}  // namespace tusk
