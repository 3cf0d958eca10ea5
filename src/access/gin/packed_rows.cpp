#include "access/gin/packed_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tusk {

namespace {

using PackedRow = unsigned __int128;

// Packs keys that begin with the same kShared bytes as the first key it was given, followed
// by at most 15 more: those bytes, zero-padded, then their count in the last byte. Zero
// padding sorts a key before the longer keys it begins, as memcmp does, and the count breaks
// the tie with a key that continues with zeros; so integer order is key order.
uint64_t LoadBigEndian(const char* p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return __builtin_bswap64(w);
}

class RowPacker {
 public:
  static constexpr size_t kShared = 5;  // "r" and a relation's oid (storage/store.hpp)

  explicit RowPacker(std::string_view some_row) : usable_(some_row.size() >= kShared) {
    if (usable_) memcpy(shared_, some_row.data(), kShared);
  }

  // Built in registers from whole-word loads: copying the bytes to a buffer and loading words
  // from it stalled on every row (a load waiting for byte-wise stores), a quarter of a query.
  bool Pack(std::string_view row, PackedRow* out) const {
    if (!usable_ || row.size() < kShared || row.size() - kShared > 15 || memcmp(row.data(), shared_, kShared) != 0)
      return false;
    const size_t len = row.size() - kShared;
    const char* end = row.data() + row.size();
    uint64_t high = 0, low = 0;
    if (len >= 8) {
      high = LoadBigEndian(row.data() + kShared);
      if (len > 8) low = LoadBigEndian(end - 8) << (8 * (16 - len));  // the last len - 8 bytes, to the top
    } else if (len > 0 && row.size() >= 8) {
      high = LoadBigEndian(end - 8) << (8 * (8 - len));
    } else {
      for (size_t i = 0; i < len; i++) high |= uint64_t(uint8_t(row[kShared + i])) << (56 - 8 * i);
    }
    *out = (PackedRow(high) << 64) | (low | len);
    return true;
  }

  // The row that keeps `shared` bytes of `before` (a packed row, or anything when `shared` is
  // within the shared bytes) and continues with `rest`; false when it does not pack. Works on
  // the integer: a chunk's rows differ from the one before in their last byte or two.
  bool PackNext(PackedRow before, size_t shared, std::string_view rest, PackedRow* out) const {
    if (!usable_) return false;
    if (shared < kShared) {  // the chunk's first row: it must begin with the shared bytes
      const size_t missing = kShared - shared;
      if (rest.size() < missing || memcmp(rest.data(), shared_ + shared, missing) != 0) return false;
      rest.remove_prefix(missing);
      shared = kShared;
    }
    const size_t keep = shared - kShared, len = keep + rest.size();
    if (len > 15) return false;
    PackedRow row = keep == 0 ? 0 : before & (~PackedRow(0) << (8 * (16 - keep)));
    for (size_t i = 0; i < rest.size(); i++) row |= PackedRow(uint8_t(rest[i])) << (8 * (15 - keep - i));
    *out = row | len;
    return true;
  }

  std::string Unpack(PackedRow p) const {
    char bytes[16];
    const uint64_t high = __builtin_bswap64(uint64_t(p >> 64)), low = __builtin_bswap64(uint64_t(p));
    memcpy(bytes, &high, 8);
    memcpy(bytes + 8, &low, 8);
    std::string row(shared_, kShared);
    row.append(bytes, static_cast<uint8_t>(bytes[15]));
    return row;
  }

 private:
  bool usable_;
  char shared_[kShared] = {};
};

// A chunk's rows, packed as they are read; Next is false past the last row and at one that
// does not pack (packs() tells which).
class PackedChunkReader {
 public:
  PackedChunkReader(std::string_view chunk, const RowPacker& packer) : reader_(chunk), packer_(packer) {}
  bool Next() {
    size_t shared;
    std::string_view rest;
    if (!reader_.NextDelta(&shared, &rest)) return false;
    packs_ = packer_.PackNext(row_, shared, rest, &row_);
    return packs_;
  }
  bool packs() const { return packs_; }
  PackedRow row() const { return row_; }

 private:
  PostingReader reader_;
  const RowPacker& packer_;
  PackedRow row_ = 0;
  bool packs_ = true;
};

// The entry's rows, both forms merged, in order and without duplicates (EntryRows, packed);
// false when a row does not pack.
bool PackedEntryRows(const EntryPostings& entry, const RowPacker& packer, std::vector<PackedRow>* rows) {
  rows->clear();
  rows->reserve(entry.rows);
  PackedRow p;
  for (const std::string& chunk : entry.chunks) {
    PackedChunkReader r(chunk, packer);
    while (r.Next()) rows->push_back(r.row());
    if (!r.packs()) return false;
  }
  if (!ChunksDisjoint(entry)) std::sort(rows->begin(), rows->end());
  const auto chunked = static_cast<std::ptrdiff_t>(rows->size());
  for (const std::string& single : entry.singles) {
    if (!packer.Pack(single, &p)) return false;
    rows->push_back(p);
  }
  std::inplace_merge(rows->begin(), rows->begin() + chunked, rows->end());
  rows->erase(std::unique(rows->begin(), rows->end()), rows->end());
  return true;
}

// Keeps the rows of *rows that the entry holds (KeepEntryRows, packed); false when a row does
// not pack, *rows then being unusable.
bool KeepPackedEntryRows(const EntryPostings& entry, const RowPacker& packer, std::vector<PackedRow>* rows) {
  if (!entry.singles.empty() || !ChunksDisjoint(entry)) {
    std::vector<PackedRow> theirs;
    if (!PackedEntryRows(entry, packer, &theirs)) return false;
    rows->erase(std::set_intersection(rows->begin(), rows->end(), theirs.begin(), theirs.end(), rows->begin()),
                rows->end());
    return true;
  }
  size_t pos = 0, kept = 0;
  const size_t n = rows->size();
  PackedRow first, last;
  for (size_t c = 0; c < entry.chunks.size() && pos < n; c++) {
    if (!packer.Pack(entry.chunk_first[c], &first) || !packer.Pack(entry.chunk_last[c], &last)) return false;
    while (pos < n && (*rows)[pos] < first) pos++;
    if (pos == n || (*rows)[pos] > last) continue;  // no row of ours in this chunk
    PackedChunkReader r(entry.chunks[c], packer);
    while (pos < n && r.Next()) {
      const PackedRow row = r.row();
      while (pos < n && (*rows)[pos] < row) pos++;
      if (pos < n && (*rows)[pos] == row) (*rows)[kept++] = (*rows)[pos++];
    }
    if (!r.packs()) return false;
  }
  rows->resize(kept);
  return true;
}

// Some row of the entry, to take the shared bytes from; false for an entry without rows.
bool SomeRow(const EntryPostings& e, std::string_view* row) {
  if (!e.chunk_first.empty()) *row = e.chunk_first[0];
  else if (!e.singles.empty()) *row = e.singles[0];
  else return false;
  return true;
}

}  // namespace

std::vector<std::string> RowsInAllEntries(const std::vector<EntryPostings>& entries) {
  std::string_view some;
  if (entries.empty() || !SomeRow(entries[0], &some)) return {};
  const RowPacker packer(some);
  std::vector<PackedRow> packed;
  bool ok = PackedEntryRows(entries[0], packer, &packed);
  for (size_t i = 1; ok && i < entries.size() && !packed.empty(); i++) ok = KeepPackedEntryRows(entries[i], packer, &packed);
  if (ok) {
    std::vector<std::string> rows;
    rows.reserve(packed.size());
    for (PackedRow p : packed) rows.push_back(packer.Unpack(p));
    return rows;
  }
  std::vector<std::string> rows = EntryRows(entries[0]);
  for (size_t i = 1; i < entries.size() && !rows.empty(); i++) KeepEntryRows(entries[i], &rows);
  return rows;
}

}  // namespace tusk
