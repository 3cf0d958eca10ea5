// Compacts key ranges that collect many deletions, in the background.
//
// A deleted key leaves a tombstone that every scan of its range steps over until compaction
// drops it. Where deletions concentrate — the head of a job queue's partial index, whose taken
// jobs leave the index one by one — each dequeue's seek would step over all of them, and grow
// slower with every job; after a TRUNCATE, a load into the emptied table looks up every key
// among the tombstones. Counting committed deletions per relation and compacting the span of
// keys they fell in, once it has collected kThreshold of them, keeps those reads short.
// Compacting only that span, not the whole relation, keeps each compaction small where
// deletions gather. (PostgreSQL's answers to the same problem are marking dead index entries,
// pruning index pages, and giving a truncated table a new file.)
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
  // Measured on the bench's queue (all datasets in one server, alternating 15 s runs): 4,096
  // spent a third of the server's CPU compacting (each compaction rewrites the files the span
  // falls in, 64 MB each), 65,536 let the dequeues slow down among the tombstones; 16,384 was
  // 15-30% faster than either.
  static constexpr size_t kThreshold = 16384;
  explicit RangeCompactor(rocksdb::DB* db) : db_(db) {}
  ~RangeCompactor();
  // Keys deleted in one relation (whose keys start with `prefix`): how many, and the smallest
  // and largest of them.
  struct Deletes {
    size_t count = 0;
    std::string first, last;
    void Add(const std::string& key);
    void Merge(const Deletes& other);
  };
  void NoteDeletes(const std::string& prefix, const Deletes& deletes);
  // Queues [begin, end] for compaction now, whatever its count (a dropped relation's range).
  void CompactSoon(const std::string& begin, const std::string& end);

 private:
  void Run();
  rocksdb::DB* db_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::string, Deletes> deletes_;  // since the relation's last compaction
  std::deque<std::string> queue_;  // prefixes waiting for compaction (each at most once)
  std::thread worker_;
  bool stop_ = false;
};

}  // namespace tusk
