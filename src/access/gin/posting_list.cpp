#include "access/gin/posting_list.hpp"

#include <algorithm>
#include <iterator>

#include <rocksdb/iterator.h>

#include "access/table_access.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "storage/store.hpp"

namespace tusk {

std::string PostingChunkKey(const std::string& prefix, std::string_view first_row) {
  std::string key = prefix;
  key += '\0';
  key += first_row;
  return key;
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

void ForEachPostingRow(std::string_view chunk, const std::function<void(std::string_view)>& f) {
  std::string row;
  while (!chunk.empty()) {
    uint64_t shared, rest;
    if (!ReadVarint(&chunk, &shared) || !ReadVarint(&chunk, &rest) || shared > row.size() || rest > chunk.size())
      throw Error(sqlstate::kDataCorrupted, "invalid GIN posting list");
    row.resize(shared);
    row.append(chunk.substr(0, rest));
    chunk.remove_prefix(rest);
    f(row);
  }
}

std::vector<std::string> ReadEntryRows(rocksdb::Iterator* it, const std::string& prefix) {
  std::vector<std::string> chunked, single;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string_view key(it->key().data(), it->key().size()), value(it->value().data(), it->value().size());
    if (key.size() > prefix.size() && key[prefix.size()] == '\0')
      ForEachPostingRow(value, [&](std::string_view row) { chunked.emplace_back(row); });
    else
      single.emplace_back(IndexEntryTableKey(value));
  }
  CheckStatus(it->status(), "index scan");
  // Chunks are disjoint and in order as CREATE INDEX and merges write them; sort if not.
  if (!std::is_sorted(chunked.begin(), chunked.end())) std::sort(chunked.begin(), chunked.end());
  if (single.empty()) {
    chunked.erase(std::unique(chunked.begin(), chunked.end()), chunked.end());
    return chunked;
  }
  if (chunked.empty()) return single;
  std::vector<std::string> rows;
  rows.reserve(chunked.size() + single.size());
  std::merge(std::make_move_iterator(chunked.begin()), std::make_move_iterator(chunked.end()),
             std::make_move_iterator(single.begin()), std::make_move_iterator(single.end()), std::back_inserter(rows));
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

namespace {
// Partial chunks are written out once this many bytes wait in memory: a build over many
// distinct entries (unique values) must not hold the whole index.
constexpr size_t kMaxBufferedBytes = 64u << 20;
}  // namespace

void PostingListBuilder::Add(const std::string& entry_prefix, std::string_view row) {
  auto [it, fresh] = pending_.try_emplace(entry_prefix);
  Pending& p = it->second;
  if (p.rows.rows() == 0) {
    p.first.assign(row);
    buffered_ += entry_prefix.size() + row.size() + 64;
  }
  size_t before = p.rows.data().size();
  p.rows.Add(row);
  buffered_ += p.rows.data().size() - before;
  if (p.rows.rows() == kPostingChunkRows) Write(it->first, &p);
  if (buffered_ > kMaxBufferedBytes) Flush();
}

void PostingListBuilder::Write(const std::string& prefix, Pending* p) {
  sink_(PostingChunkKey(prefix, p->first), p->rows.data());
  buffered_ -= std::min(buffered_, p->rows.data().size() + prefix.size() + p->first.size() + 64);
  p->rows.Clear();
}

void PostingListBuilder::Flush() {
  for (auto& [prefix, p] : pending_)
    if (p.rows.rows() > 0) Write(prefix, &p);
  pending_.clear();
  buffered_ = 0;
}

}  // namespace tusk
