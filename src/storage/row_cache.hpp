// Rows read by key, kept above RocksDB: a GIN scan or an index scan fetches its candidate rows
// one key at a time, and a RocksDB point read (memtables, the file's index block, a block
// cache lookup, a search in the data block) costs 1-2 us where a hash lookup here costs a
// tenth of that. Only relation keys ("r" + oid + key) are kept, as the bytes RocksDB holds.
//
// Why a cached row is never newer or older than the reader's snapshot:
//  - An entry is valid from sequence number V (the snapshot of the read that filled it) until
//    the next committed write of its key; a reader with snapshot S uses it only when V <= S.
//  - Every commit that writes relation keys goes through a CommitGuard: before the commit, it
//    erases the keys it writes and marks each of them as being written (in flight); after, it
//    records each key's last commit sequence number and clears the mark. A commit writing
//    many keys of a relation, and writes that bypass transactions (range deletes, lock-free
//    batches), do the same for the whole relation, or for every relation.
//  - A reader adds what it read at snapshot S only while no commit to the key (or its
//    relation) is in flight and the last one is at or below S, checked under the relation's
//    lock that the guard's steps also take. So an entry added is the newest version of its key
//    for every snapshot from S on, until a later commit erases it, and that commit erases it
//    before anyone can take a snapshot that sees the commit.
//  - Per-key records are kept for the keys written lately (kKeyWritesKept per relation); when
//    they are forgotten, the relation's `forgotten_commit` takes their last commit and stands
//    for every key, so forgetting only makes the check stricter.
// test/unit/row_cache_test.cpp checks it with writers and readers racing.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rocksdb/slice.h>
#include <rocksdb/write_batch.h>

#include "storage/row_table.hpp"

namespace tusk {

class RowCache {
  struct Relation;  // one relation's rows and commit records (below)

 public:
  explicit RowCache(size_t budget_bytes) : budget_(budget_bytes) {}
  RowCache(const RowCache&) = delete;
  RowCache& operator=(const RowCache&) = delete;

  // Looks up keys[i] for each i with want[i] set; on a hit copies the row into values[i], sets
  // statuses[i] to OK and clears want[i]. Returns the hits.
  size_t Lookup(size_t n, const rocksdb::Slice* keys, uint64_t snapshot, rocksdb::PinnableSlice* values,
                rocksdb::Status* statuses, bool* want);
  // Adds the rows read at `snapshot` (keys[i] for each i with add[i] set), when no commit
  // has changed their relation since.
  void Insert(size_t n, const rocksdb::Slice* keys, const rocksdb::PinnableSlice* values, const bool* add,
              uint64_t snapshot);

  // The two steps around writing `batch` to the database (see the header comment). Build it
  // before the write; call Committed with the database's latest sequence number after it,
  // whether the write succeeded or not (the destructor does it with 0 otherwise).
  class CommitGuard {
   public:
    CommitGuard(RowCache* cache, rocksdb::WriteBatch* batch);
    ~CommitGuard();
    void Committed(uint64_t latest_sequence);

   private:
    friend class RowCache;
    class Collector;
    struct Written {
      uint32_t relation = 0;
      Relation* record = nullptr;  // found by Begin, for End (relations are never removed)
      bool whole = false;  // forget the whole relation (too many keys, or a range delete)
      std::vector<std::string> keys;
    };
    RowCache* cache_;
    std::vector<Written> written_;
    bool everything_ = false;  // a range beyond one relation: every relation
    bool done_ = false;
  };

  size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }
  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

  // A relation key's relation (the 4 bytes after "r"), or false for other keys.
  static bool RelationOf(std::string_view key, uint32_t* relation);

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // A key's recent commits: how many are in flight, and the last one's sequence number.
  struct KeyWrites {
    int inflight = 0;
    uint64_t last_commit = 0;
  };
  struct Relation {
    std::shared_mutex mu;
    RowTable rows;
    size_t bytes = 0;
    // Commits that write the whole relation (bulk, range deletes).
    int inflight = 0;
    uint64_t last_commit = 0;
    // Commits key by key: each key's, for the keys written lately; forgotten records raise
    // `forgotten_commit` to their last commit, which then stands for every key.
    std::unordered_map<std::string, KeyWrites, StringHash, std::equal_to<>> key_writes;
    uint64_t forgotten_commit = 0;
    size_t evict_hand = 0;
  };
  // Whether a row of `key` read at `snapshot` is still the newest (r locked).
  static bool Current(const Relation& r, std::string_view key, uint64_t snapshot);

  Relation* Find(uint32_t relation);
  Relation* FindOrAdd(uint32_t relation);
  void Erase(Relation* r, std::string_view key);
  void Clear(Relation* r);
  // Frees room in `r` (locked by the caller) until the cache is within its budget, or r is empty.
  void Evict(Relation* r);
  void Begin(CommitGuard* g);
  void End(CommitGuard* g, uint64_t latest_sequence);

  const size_t budget_;
  std::atomic<size_t> bytes_{0};
  std::atomic<uint64_t> hits_{0}, misses_{0};
  // Relations by oid. Entries are never removed (a dropped relation's record stays, empty).
  std::shared_mutex relations_mu_;
  std::unordered_map<uint32_t, std::unique_ptr<Relation>> relations_;
  // Writes that touch every relation: in flight, and the last one's sequence number. Guarded by
  // relations_mu_ (taken exclusively to change them, shared by the readers that check them).
  int everything_inflight_ = 0;
  uint64_t everything_last_commit_ = 0;
};

}  // namespace tusk
