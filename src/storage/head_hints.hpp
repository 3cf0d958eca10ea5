// Where forward scans of a relation may start: past the deleted keys at its head.
//
// A job queue takes jobs from the head of an index, and each job taken deletes its entry. Until
// compaction drops the tombstones, every seek to the head steps over all of them (the queue
// workload spent a fifth of its time there). A hint records, per relation, a key K and a
// sequence number S: no key below K is visible to a snapshot at S or later. A scan reading at
// such a snapshot seeks straight to K.
//
// Why a hint stays true. A key appears below K only through a Put, and every Put is announced
// (NotePut) before it is written, by a Writer that stays registered until its transaction has
// committed or rolled back. So:
//   - a Put below K clears the hint;
//   - a hint is learned from a snapshot taken after the learning began, and is capped by the
//     smallest key of every writer registered when it is set, and of every writer that ended
//     while it was being learned (whose commit the snapshot may have missed).
// Deletions only remove keys, so they never make a hint false; committed ones are counted, and
// enough of them make the next scan learn a new hint.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <rocksdb/db.h>

namespace tusk {

class HeadHints {
  struct Relation;

 public:
  // The keys one transaction puts: per relation, the smallest so far.
  class Writer {
   public:
    Writer() = default;
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

   private:
    friend class HeadHints;
    struct Entry {
      uint32_t rel;
      Relation* relation;
      std::multiset<std::string>::iterator min;  // in relation->writer_mins
    };
    std::vector<Entry> entries_;
  };

  // Deletions since the last hint after which a scan learns a new one.
  static constexpr uint64_t kLearnAfterDeletes = 64;

  // Before writing `key` (a relation's key: "r" + oid + rest) in writer's transaction.
  void NotePut(Writer* writer, const std::string& key);
  // After the writer's transaction committed or rolled back.
  void EndWriter(Writer* writer);
  // n keys of relation `rel` were deleted.
  void NoteDeletes(uint32_t rel, uint64_t n);
  // Where a forward scan of relation `rel` that starts at `*start` may start instead, reading
  // at a snapshot with sequence number `seq` (0: the latest). Learns a new hint first when
  // enough keys were deleted since the last one.
  void AdvanceStart(rocksdb::DB* db, uint32_t rel, rocksdb::SequenceNumber seq, std::string* start);

 private:
  struct Relation {
    std::mutex mu;
    std::multiset<std::string> writer_mins;  // one per registered writer
    bool has_hint = false;
    std::string hint;
    rocksdb::SequenceNumber hint_seq = 0;
    uint64_t deletes = 0;  // since the last learning began
    bool learning = false;
    bool has_floor = false;  // while learning: the smallest key of writers that ended
    std::string floor;
  };
  Relation* Find(uint32_t rel, bool create);
  void Learn(rocksdb::DB* db, uint32_t rel, Relation* r, const std::string& from);

  std::mutex map_mu_;
  std::unordered_map<uint32_t, std::unique_ptr<Relation>> relations_;
};

}  // namespace tusk
