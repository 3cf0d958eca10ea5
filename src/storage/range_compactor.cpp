#include "storage/range_compactor.hpp"

namespace tusk {

RangeCompactor::~RangeCompactor() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void RangeCompactor::Deletes::Add(const std::string& key) {
  if (count++ == 0) {
    first = last = key;
  } else if (key < first) {
    first = key;
  } else if (key > last) {
    last = key;
  }
}

void RangeCompactor::Deletes::Merge(const Deletes& other) {
  if (other.count == 0) return;
  if (count == 0 || other.first < first) first = other.first;
  if (count == 0 || other.last > last) last = other.last;
  count += other.count;
}

void RangeCompactor::NoteDeletes(const std::string& prefix, const Deletes& deletes) {
  std::lock_guard<std::mutex> lock(mu_);
  Deletes& pending = deletes_[prefix];
  size_t before = pending.count;
  pending.Merge(deletes);
  if (before >= kThreshold || pending.count < kThreshold) return;  // below, or already queued
  queue_.push_back(prefix);
  if (!worker_.joinable()) worker_ = std::thread([this] { Run(); });
  cv_.notify_one();
}

void RangeCompactor::CompactSoon(const std::string& begin, const std::string& end) {
  Deletes whole;
  whole.count = kThreshold;
  whole.first = begin;
  whole.last = end;
  NoteDeletes(begin, whole);
}

void RangeCompactor::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    std::string prefix = queue_.front();
    queue_.pop_front();
    // Deletions from here on count towards the next compaction.
    Deletes span = std::move(deletes_[prefix]);
    deletes_[prefix] = Deletes();
    lock.unlock();
    // CompactRange's end is inclusive: [first, last] covers every tombstone counted.
    rocksdb::Slice b(span.first), e(span.last);
    rocksdb::CompactRangeOptions options;
    options.exclusive_manual_compaction = false;  // automatic compactions go on meanwhile
    db_->CompactRange(options, &b, &e);  // best effort: a failure only leaves the tombstones
    lock.lock();
  }
}

}  // namespace tusk
