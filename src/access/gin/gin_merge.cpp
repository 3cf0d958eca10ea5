#include "access/gin/gin_merge.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <rocksdb/utilities/transaction_db.h>

#include "access/gin/posting_list.hpp"
#include "access/table_access.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/rowcodec.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {

// The length of the entry prefix a GIN key starts with: relation prefix, varint column,
// varint length, entry bytes (gin.hpp).
size_t EntryPrefixLength(std::string_view key) {
  std::string_view rest = key.substr(std::min<size_t>(key.size(), RelationPrefix(0).size()));
  uint64_t column, length;
  if (!ReadVarint(&rest, &column) || !ReadVarint(&rest, &length) || length > rest.size())
    throw Error(sqlstate::kDataCorrupted, "invalid GIN index key");
  return key.size() - rest.size() + length;
}

class Merger {
 public:
  Merger(Store* store, const rocksdb::Snapshot* snapshot) : store_(store), snapshot_(snapshot) {}

  // One entry's keys as read: its chunks and single rows.
  struct Entry {
    std::string prefix;
    std::vector<std::string> keys;
    std::vector<std::string> rows;
    size_t chunks = 0, singles = 0;
  };

  void Merge(Entry* e) {
    std::sort(e->rows.begin(), e->rows.end());
    e->rows.erase(std::unique(e->rows.begin(), e->rows.end()), e->rows.end());
    size_t before = e->rows.size();
    e->rows.erase(std::remove_if(e->rows.begin(), e->rows.end(), [&](const std::string& r) { return !RowExists(r); }),
                  e->rows.end());
    size_t needed = (e->rows.size() + kPostingChunkRows - 1) / kPostingChunkRows;
    if (e->singles == 0 && e->chunks == needed && e->rows.size() == before) return;  // already merged
    stats.entries++;
    stats.keys_before += e->keys.size();
    stats.rows_dropped += before - e->rows.size();
    for (const std::string& key : e->keys) CheckStatus(batch_.Delete(key), "GIN merge");
    PostingListEncoder chunk;
    std::string first;
    auto put = [&] {
      std::string key = PostingChunkKey(e->prefix, first);
      store_->head_hints().NotePut(&writer_, key);
      CheckStatus(batch_.Put(key, chunk.Value()), "GIN merge");
      stats.keys_after++;
      chunk.Clear();
    };
    for (const std::string& row : e->rows) {
      if (chunk.rows() == 0) first = row;
      chunk.Add(row);
      if (chunk.rows() == kPostingChunkRows) put();
    }
    if (chunk.rows() > 0) put();
    if (batch_.Count() >= 65536) Write();
  }

  void Write() {
    if (batch_.Count() > 0) store_->WriteWithoutLocks(&batch_);
    batch_.Clear();
  }

  ~Merger() { store_->head_hints().EndWriter(&writer_); }

  GinMergeStats stats;

 private:
  // Whether the row a posting names still exists in the merge's snapshot; each row is looked up
  // once, however many entries name it.
  bool RowExists(const std::string& row) {
    auto [it, fresh] = exists_.try_emplace(row, false);
    if (fresh) {
      rocksdb::ReadOptions ro;
      ro.snapshot = snapshot_;
      rocksdb::PinnableSlice value;
      rocksdb::Status s = store_->db()->Get(ro, store_->db()->DefaultColumnFamily(), row, &value);
      if (!s.IsNotFound()) CheckStatus(s, "GIN merge");
      it->second = s.ok();
    }
    return it->second;
  }

  Store* store_;
  const rocksdb::Snapshot* snapshot_;
  HeadHints::Writer writer_;
  rocksdb::WriteBatch batch_;
  std::unordered_map<std::string, bool> exists_;
};

std::mutex& MergeMutex() {
  static std::mutex mu;
  return mu;
}

}  // namespace

GinMergeStats MergeGinIndex(Store* store, uint32_t index) {
  const std::string begin = RelationPrefix(index);
  return MergeGinRange(store, begin, PrefixSuccessor(begin));
}

GinMergeStats MergeGinRange(Store* store, const std::string& begin, const std::string& end) {
  // One merge at a time: two merges of one entry would each write chunks for it.
  std::lock_guard<std::mutex> serial(MergeMutex());
  rocksdb::ManagedSnapshot snapshot(store->db());
  Merger merger(store, snapshot.snapshot());
  rocksdb::Slice upper(end);
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.snapshot();
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(ro));
  Merger::Entry e;
  for (it->Seek(begin); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size()), value(it->value().data(), it->value().size());
    std::string_view prefix = key.substr(0, EntryPrefixLength(key));
    if (prefix != e.prefix) {
      if (!e.keys.empty()) merger.Merge(&e);
      e = Merger::Entry();
      e.prefix.assign(prefix);
    }
    e.keys.emplace_back(key);
    if (key.size() > prefix.size() && key[prefix.size()] == '\0') {
      e.chunks++;
      for (PostingReader chunk(value); chunk.Next();) e.rows.emplace_back(chunk.row());
    } else {
      e.singles++;
      e.rows.emplace_back(IndexEntryTableKey(value));
    }
  }
  CheckStatus(it->status(), "GIN merge");
  if (!e.keys.empty()) merger.Merge(&e);
  merger.Write();
  return merger.stats;
}

GinMerger::~GinMerger() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void GinMerger::Request(const std::string& entry_prefix) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stop_ || !queued_.insert(entry_prefix).second) return;
  queue_.push_back(entry_prefix);
  if (!worker_.joinable()) worker_ = std::thread([this] { Run(); });
  cv_.notify_one();
}

void GinMerger::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    std::string prefix = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    try {
      MergeGinRange(store_, prefix, PrefixSuccessor(prefix));
    } catch (const Error&) {
      // Best effort, like compaction: a failed merge leaves the entry's keys as they were.
    }
    lock.lock();
    queued_.erase(prefix);
  }
}

}  // namespace tusk
