#include "access/gin/posting_list.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

#include <rocksdb/iterator.h>

#include "access/table_access.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "storage/store.hpp"

namespace tusk {

std::string PostingChunkKey(const std::string& prefix, std::string_view first_row) {
  std::string key;
  AppendPostingChunkKey(prefix, first_row, &key);
  return key;
}

void AppendPostingChunkKey(const std::string& prefix, std::string_view first_row, std::string* out) {
  *out += prefix;
  *out += '\0';
  *out += first_row;
}

void PostingListEncoder::Add(std::string_view row) {
  size_t shared = 0, limit = std::min(row.size(), last_.size());
  while (shared < limit && row[shared] == last_[shared]) shared++;
  AppendVarint(shared, &data_);
  AppendVarint(row.size() - shared, &data_);
  data_.append(row.substr(shared));
  last_.assign(row);
  rows_++;
}

void PostingListEncoder::Clear() {
  data_.clear();
  last_.clear();
  rows_ = 0;
}

std::string PostingListEncoder::Value() const {
  std::string value;
  AppendValue(&value);
  return value;
}

void PostingListEncoder::AppendValue(std::string* out) const {
  AppendVarint(rows_, out);
  AppendVarint(last_.size(), out);
  *out += last_;
  *out += data_;
}

namespace {
[[noreturn]] void ThrowCorrupt() { throw Error(sqlstate::kDataCorrupted, "invalid GIN posting list"); }
}  // namespace

PostingReader::PostingReader(std::string_view chunk) : rest_(chunk) {
  uint64_t n, last;
  if (!ReadVarint(&rest_, &n) || !ReadVarint(&rest_, &last) || last > rest_.size()) ThrowCorrupt();
  rows_ = n;
  last_ = rest_.substr(0, last);
  rest_.remove_prefix(last);
}

bool PostingReader::NextDelta(size_t* shared, std::string_view* rest) {
  if (rest_.empty()) {
    if (read_ != rows_) ThrowCorrupt();  // fewer rows than the header says
    return false;
  }
  uint64_t same, more;
  // Both lengths are under 128 for any real row key: one byte each, read here without a call.
  if (rest_.size() >= 2 && uint8_t(rest_[0]) < 0x80 && uint8_t(rest_[1]) < 0x80) {
    same = uint8_t(rest_[0]);
    more = uint8_t(rest_[1]);
    rest_.remove_prefix(2);
  } else if (!ReadVarint(&rest_, &same) || !ReadVarint(&rest_, &more)) {
    ThrowCorrupt();
  }
  if (same > row_size_ || more > rest_.size()) ThrowCorrupt();
  *shared = same;
  *rest = rest_.substr(0, more);
  rest_.remove_prefix(more);
  row_size_ = same + more;
  read_++;
  return true;
}

bool PostingReader::Next() {
  size_t shared;
  std::string_view rest;
  if (!NextDelta(&shared, &rest)) return false;
  row_.resize(shared);
  row_.append(rest);
  return true;
}

EntryPostings ReadEntryPostings(rocksdb::Iterator* it, const std::string& prefix) {
  EntryPostings e;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string_view key(it->key().data(), it->key().size()), value(it->value().data(), it->value().size());
    if (key.size() > prefix.size() && key[prefix.size()] == '\0') {
      PostingReader chunk(value);
      e.chunks.emplace_back(value);
      e.chunk_first.emplace_back(key.substr(prefix.size() + 1));
      e.chunk_last.emplace_back(chunk.last());
      e.rows += chunk.rows();
    } else {
      e.singles.emplace_back(IndexEntryTableKey(value));
      e.rows++;
    }
  }
  CheckStatus(it->status(), "index scan");
  return e;
}

bool ChunksDisjoint(const EntryPostings& e) {
  for (size_t c = 0; c < e.chunks.size(); c++) {
    if (e.chunk_last[c] < e.chunk_first[c]) return false;
    if (c + 1 < e.chunks.size() && e.chunk_last[c] >= e.chunk_first[c + 1]) return false;
  }
  return true;
}

std::vector<std::string> EntryRows(const EntryPostings& entry) {
  std::vector<std::string> rows;
  rows.reserve(entry.rows);
  for (const std::string& chunk : entry.chunks)
    for (PostingReader r(chunk); r.Next();) rows.emplace_back(r.row());
  // Chunks are disjoint and in order as CREATE INDEX and merges write them; sort if not.
  if (!ChunksDisjoint(entry)) std::sort(rows.begin(), rows.end());
  size_t chunked = rows.size();
  rows.insert(rows.end(), entry.singles.begin(), entry.singles.end());
  std::inplace_merge(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(chunked), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

namespace {
// Three-way comparison of two row keys, as memcmp orders them, eight bytes at a time: the
// intersection below compares every row of an entry, and row keys are short (13-20 bytes)
// with a long shared head, where a memcmp call per comparison was a quarter of a GIN query.
int CompareRowKeys(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  auto word = [](const char* p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return __builtin_bswap64(w);  // big-endian: byte order is numeric order
  };
  if (n >= 8) {
    for (size_t i = 0;; i += 8) {
      // The last word may overlap the one before: those bytes were equal.
      const size_t at = i + 8 <= n ? i : n - 8;
      const uint64_t x = word(a.data() + at), y = word(b.data() + at);
      if (x != y) return x < y ? -1 : 1;
      if (i + 8 >= n) break;
    }
  } else {
    for (size_t i = 0; i < n; i++)
      if (a[i] != b[i]) return uint8_t(a[i]) < uint8_t(b[i]) ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}
}  // namespace

void KeepEntryRows(const EntryPostings& entry, std::vector<std::string>* rows) {
  if (!entry.singles.empty() || !ChunksDisjoint(entry)) {
    std::vector<std::string> theirs = EntryRows(entry), both;
    std::set_intersection(std::make_move_iterator(rows->begin()), std::make_move_iterator(rows->end()), theirs.begin(),
                          theirs.end(), std::back_inserter(both));
    *rows = std::move(both);
    return;
  }
  // Both sides in row order: walk them together, keeping matches in place.
  size_t pos = 0, kept = 0;
  const size_t n = rows->size();
  for (size_t c = 0; c < entry.chunks.size() && pos < n; c++) {
    while (pos < n && CompareRowKeys((*rows)[pos], entry.chunk_first[c]) < 0) pos++;
    if (pos == n || CompareRowKeys((*rows)[pos], entry.chunk_last[c]) > 0) continue;  // no row of ours in this chunk
    for (PostingReader r(entry.chunks[c]); pos < n && r.Next();) {
      const std::string_view row = r.row();
      int order = -1;
      while (pos < n && (order = CompareRowKeys((*rows)[pos], row)) < 0) pos++;
      if (pos < n && order == 0) {
        if (kept != pos) (*rows)[kept] = std::move((*rows)[pos]);
        kept++;
        pos++;
      }
    }
  }
  rows->resize(kept);
}

namespace {
// Partial chunks are written out once this many bytes wait in memory: a build over many
// distinct entries (unique values) must not hold the whole index.
constexpr size_t kMaxBufferedBytes = 64u << 20;
}  // namespace

PostingListBuilder::Pending* PostingListBuilder::Find(const std::string& entry_prefix, uint64_t hash) {
  if ((pending_.size() + 1) * 2 > slots_.size()) {  // at most half full
    std::vector<Slot> grown(std::max<size_t>({1024, slots_.size() * 2, slots_before_flush_}));
    for (const Slot& slot : slots_) {
      if (!slot.index) continue;
      size_t i = slot.hash & (grown.size() - 1);
      while (grown[i].index) i = (i + 1) & (grown.size() - 1);
      grown[i] = slot;
    }
    slots_ = std::move(grown);
  }
  size_t i = hash & (slots_.size() - 1);
  for (; slots_[i].index; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash && pending_[slot.index - 1].prefix == entry_prefix) return &pending_[slot.index - 1];
  }
  pending_.emplace_back();
  pending_.back().prefix = entry_prefix;
  slots_[i] = {hash, static_cast<uint32_t>(pending_.size())};
  return &pending_.back();
}

void PostingListBuilder::Add(const std::string& entry_prefix, std::string_view row) {
  Queued& q = queue_[queued_++];
  q.hash = std::hash<std::string_view>()(entry_prefix);
  q.prefix.assign(entry_prefix);
  q.row.assign(row);
  if (!slots_.empty()) __builtin_prefetch(&slots_[q.hash & (slots_.size() - 1)]);
  if (queued_ == kQueued) Drain();
}

void PostingListBuilder::Drain() {
  // In order: an entry's rows must reach it in row order. The queue is emptied first: an add
  // may Flush, which drains.
  const size_t n = queued_;
  queued_ = 0;
  for (size_t i = 0; i < n; i++) AddNow(queue_[i]);
}

void PostingListBuilder::AddNow(const Queued& q) {
  const std::string& entry_prefix = q.prefix;
  const std::string_view row = q.row;
  Pending& p = *Find(entry_prefix, q.hash);
  if (p.rows.rows() == 0) {
    p.first.assign(row);
    buffered_ += entry_prefix.size() + row.size() + 64;
  }
  size_t before = p.rows.bytes();
  p.rows.Add(row);
  buffered_ += p.rows.bytes() - before;
  if (p.rows.rows() == kPostingChunkRows) Write(&p);
  if (buffered_ > kMaxBufferedBytes) Flush();
}

void PostingListBuilder::Write(Pending* p) {
  key_.clear();  // both buffers are kept for the next chunk
  AppendPostingChunkKey(p->prefix, p->first, &key_);
  value_.clear();
  p->rows.AppendValue(&value_);
  sink_(key_, value_);
  buffered_ -= std::min(buffered_, p->rows.bytes() + p->prefix.size() + p->first.size() + 64);
  p->rows.Clear();
}

// In key order: storage inserts sorted keys into its memtable's skip list far faster than keys
// in hash order (each insert starts where the last one ended).
void PostingListBuilder::Flush() {
  Drain();
  // Sorted on a word of each prefix: the eight bytes after the head they all share (the index,
  // the column, mostly the entry's length), the whole prefixes compared only on a tie. String
  // comparisons of a million prefixes were a sixth of a build over unique values.
  struct Sorted {
    uint64_t word;
    Pending* p;
  };
  std::vector<Sorted> partial;
  partial.reserve(pending_.size());
  size_t shared = SIZE_MAX;
  for (Pending& p : pending_) {
    if (p.rows.rows() == 0) continue;
    if (!partial.empty()) {
      const std::string& first = partial[0].p->prefix;
      size_t n = 0, limit = std::min({shared, first.size(), p.prefix.size()});
      while (n < limit && first[n] == p.prefix[n]) n++;
      shared = n;
    }
    partial.push_back({0, &p});
  }
  if (shared == SIZE_MAX) shared = 0;
  for (Sorted& s : partial) {
    unsigned char bytes[8] = {};
    const std::string& prefix = s.p->prefix;
    if (prefix.size() > shared) memcpy(bytes, prefix.data() + shared, std::min<size_t>(8, prefix.size() - shared));
    uint64_t word;
    memcpy(&word, bytes, 8);
    s.word = __builtin_bswap64(word);  // big-endian: numeric order is byte order
  }
  std::sort(partial.begin(), partial.end(), [](const Sorted& a, const Sorted& b) {
    return a.word != b.word ? a.word < b.word : a.p->prefix < b.p->prefix;
  });
  for (const Sorted& s : partial) Write(s.p);
  pending_.clear();
  slots_before_flush_ = slots_.size();
  slots_.clear();
  buffered_ = 0;
}

}  // namespace tusk
