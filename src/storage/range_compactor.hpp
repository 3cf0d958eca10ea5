// Compacts key ranges that collect many deletions, in the background.
//
// A deleted key leaves a tombstone that every scan of its range steps over until compaction
// drops it. Where deletions concentrate — the head of a job queue's partial index, whose taken
// jobs leave the index one by one — each dequeue's seek would step over all of them, and grow
// slower with every job. Counting deletions per relation and compacting a relation's range once
// it has collected kThreshold of them keeps those scans short. (PostgreSQL's answer to the same
// problem is marking dead index entries and pruning index pages.)
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include <rocksdb/db.h>

namespace tusk {

class RangeCompactor {
 public:
  static constexpr size_t kThreshold = 1024;
  explicit RangeCompactor(rocksdb::DB* db) : db_(db) {}
  ~RangeCompactor();
  // n keys were deleted under `prefix` (a relation's key range).
  void NoteDeletes(const std::string& prefix, size_t n);

 private:
  void Run();
  rocksdb::DB* db_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::string, size_t> deletes_;
  std::deque<std::string> queue_;  // prefixes waiting for compaction (each at most once)
  std::thread worker_;
  bool stop_ = false;
};

}  // namespace tusk
