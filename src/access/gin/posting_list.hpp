// GIN posting lists: the rows holding one entry, many to a key.
//
// An entry's rows live under its prefix (GinEntryPrefix) in two forms:
//   prefix + table key          one row, written with the row in its transaction
//   prefix + '\0' + table key   a chunk: up to kPostingChunkRows rows, the first of them named
//                               in the key, written by CREATE INDEX and by merges (gin_merge.hpp)
// Table keys start with 'r', so the chunks of an entry come first, in row order and disjoint,
// then its single rows. A row may be in both forms (updated after a merge), and a chunk may
// name a row that is gone or no longer holds the entry: readers merge the forms without
// duplicates, and every candidate row is re-checked anyway, as GIN's always are.
//
// A chunk's value is its number of rows (varint), its last row (varint length, bytes), then
// its rows in order, each as (bytes shared with the previous row's key, varint; length of the
// rest, varint; the rest): table keys of one table share their prefix and mostly their high
// bytes, so a row costs a few bytes, not one RocksDB key.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rocksdb { class Iterator; }

namespace tusk {

constexpr size_t kPostingChunkRows = 2048;

// The key of the chunk of entry `prefix` whose first row is `first_row`.
std::string PostingChunkKey(const std::string& prefix, std::string_view first_row);
void AppendPostingChunkKey(const std::string& prefix, std::string_view first_row, std::string* out);

// Appends row keys, in increasing order, to a chunk's value.
class PostingListEncoder {
 public:
  void Add(std::string_view row);
  size_t rows() const { return rows_; }
  size_t bytes() const { return data_.size(); }
  // The chunk's value: its row count and last row, then its rows.
  std::string Value() const;
  void AppendValue(std::string* out) const;
  void Clear();

 private:
  std::string data_, last_;
  size_t rows_ = 0;
};

// Reads a chunk's rows in order. Throws XX001 on a malformed chunk.
class PostingReader {
 public:
  explicit PostingReader(std::string_view chunk);
  size_t rows() const { return rows_; }
  std::string_view last() const { return last_; }
  // Steps to the next row; false past the last.
  bool Next();
  std::string_view row() const { return row_; }
  // Steps to the next row without building it (then row() is not kept): how many bytes it
  // shares with the row before, and the bytes that follow them.
  bool NextDelta(size_t* shared, std::string_view* rest);

 private:
  std::string_view rest_, last_;
  std::string row_;
  size_t rows_ = 0, read_ = 0, row_size_ = 0;
};

// One entry's rows as read from the index: its chunks and its single rows.
struct EntryPostings {
  std::vector<std::string> chunks;       // their values, in key order
  std::vector<std::string> chunk_first;  // each chunk's first row
  std::vector<std::string> chunk_last;   // and last
  std::vector<std::string> singles;      // in row order
  size_t rows = 0;                       // the rows of its chunks and its singles
};
// Reads the entry under `prefix` from `it` (positioned anywhere; bounded or not).
EntryPostings ReadEntryPostings(rocksdb::Iterator* it, const std::string& prefix);
// Whether the entry's chunks are in order and do not overlap, as CREATE INDEX and merges write
// them (two writers of one entry's chunks could leave overlapping ones).
bool ChunksDisjoint(const EntryPostings& entry);
// Its rows, both forms merged, in row order and without duplicates.
std::vector<std::string> EntryRows(const EntryPostings& entry);
// Keeps the rows of *rows (in row order) that the entry also has. Streams through the chunks
// without making their rows into strings, and skips the chunks no row of *rows falls in.
void KeepEntryRows(const EntryPostings& entry, std::vector<std::string>* rows);

// Collects rows per entry, in increasing row order within each entry (a table scan's order),
// and hands out full chunks as they fill: CREATE INDEX's bulk path.
class PostingListBuilder {
 public:
  using Sink = std::function<void(const std::string& key, const std::string& value)>;
  explicit PostingListBuilder(Sink sink) : sink_(std::move(sink)) {}
  void Add(const std::string& entry_prefix, std::string_view row);
  // Writes every partial chunk (at the end, or when the buffered bytes grow too large).
  void Flush();

 private:
  struct Pending {
    std::string prefix;
    std::string first;
    PostingListEncoder rows;
  };
  // Adds wait in a queue of kQueued, their slots asked of the processor as they come: an index
  // over unique values meets a new entry per row, and each lookup in a table of millions was a
  // cache miss waited out in turn.
  static constexpr size_t kQueued = 32;
  struct Queued {
    uint64_t hash = 0;
    std::string prefix, row;
  };
  void Drain();
  void AddNow(const Queued& q);
  Pending* Find(const std::string& entry_prefix, uint64_t hash);
  void Write(Pending* p);
  Sink sink_;
  // The entries met since the last Flush, found through an open-addressing table of their
  // hashes (a build with unique values meets millions: std::unordered_map's bucket chains and
  // prime modulus were a fifth of the build); a deque, which grows without moving them.
  std::deque<Pending> pending_;
  struct Slot {
    uint64_t hash = 0;
    uint32_t index = 0;  // into pending_, plus one; 0 when the slot is free
  };
  std::vector<Slot> slots_;
  size_t slots_before_flush_ = 0;  // the next table starts this large
  std::string key_, value_;        // the chunk being written, reused
  size_t buffered_ = 0;
  Queued queue_[kQueued];
  size_t queued_ = 0;
};

}  // namespace tusk
