// The row cache's table of one relation's rows: key -> (row, the snapshot it is valid from).
//
// Open addressing with linear probing over slots of (hash, pointer), at most half full; each row
// is one allocation holding its key and its bytes. A GIN scan looks up thousands of scattered
// keys per query in a table of hundreds of thousands: std::unordered_map's walk (bucket array,
// the node before, the node, the node after, then the row's own allocation) was five cache
// misses in a row, a fifth of a GIN count query. Here a lookup is a slot and a row, and a batch
// (Prefetch) asks for all its slots before it reads any.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tusk {

class RowTable {
 public:
  struct Row {
    uint64_t valid_from;
    uint32_t key_size, row_size;
    std::string_view key() const { return {bytes(), key_size}; }
    std::string_view row() const { return {bytes() + key_size, row_size}; }

   private:
    friend class RowTable;
    const char* bytes() const { return reinterpret_cast<const char*>(this + 1); }
    char* bytes() { return reinterpret_cast<char*>(this + 1); }
  };

  RowTable() = default;
  RowTable(const RowTable&) = delete;
  RowTable& operator=(const RowTable&) = delete;
  ~RowTable();

  static uint64_t Hash(std::string_view key);
  // Asks the processor for the slot `hash` starts at, ahead of Find.
  void Prefetch(uint64_t hash) const;
  const Row* Find(std::string_view key, uint64_t hash) const;
  // Adds the row unless the key is there; returns the bytes it added (0 if not added).
  size_t Insert(std::string_view key, uint64_t hash, std::string_view row, uint64_t valid_from);
  // Removes the key's row; returns the bytes it freed (0 if absent).
  size_t Erase(std::string_view key, uint64_t hash);
  // Removes rows from slot `*hand` on until `enough(freed bytes)` says stop or the table is
  // empty; *hand moves on, so successive calls take rows from all over the table.
  template <typename Enough>
  size_t Evict(size_t* hand, Enough enough);
  void Clear();

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  // What a row costs the cache's budget: its allocation and its share of the slots.
  static size_t Cost(size_t key_size, size_t row_size) { return sizeof(Row) + key_size + row_size + 48; }

 private:
  struct Slot {
    uint64_t hash = 0;
    Row* row = nullptr;  // null: free
  };
  size_t mask() const { return slots_.size() - 1; }
  void Grow();
  // Frees slot i and moves later rows of its probe run back, so that no free slot sits inside
  // a run (linear probing's deletion without tombstones).
  size_t EraseAt(size_t i);

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

template <typename Enough>
size_t RowTable::Evict(size_t* hand, Enough enough) {
  size_t freed = 0;
  while (size_ > 0 && !enough(freed)) {
    size_t i = (*hand)++ & mask();
    // EraseAt may move a later row into slot i: take it too, as the next one in turn.
    while (slots_[i].row && !enough(freed)) freed += EraseAt(i);
  }
  return freed;
}

}  // namespace tusk
