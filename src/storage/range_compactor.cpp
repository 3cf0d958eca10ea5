#include "storage/range_compactor.hpp"

#include <algorithm>

#include "common/keycodec.hpp"

namespace tusk {

RangeCompactor::~RangeCompactor() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void RangeCompactor::NoteDeletes(const std::string& prefix, size_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  size_t& count = deletes_[prefix];
  size_t before = count;
  count += n;
  if (before >= kThreshold || count < kThreshold) return;  // below, or already queued
  queue_.push_back(prefix);
  if (!worker_.joinable()) worker_ = std::thread([this] { Run(); });
  cv_.notify_one();
}

void RangeCompactor::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    std::string prefix = queue_.front();
    queue_.pop_front();
    // Deletions from here on count towards the next compaction.
    deletes_[prefix] = 0;
    lock.unlock();
    std::string end = PrefixSuccessor(prefix);
    rocksdb::Slice b(prefix), e(end);
    rocksdb::CompactRangeOptions options;
    options.exclusive_manual_compaction = false;  // automatic compactions go on meanwhile
    db_->CompactRange(options, &b, &e);  // best effort: a failure only leaves the tombstones
    lock.lock();
  }
}

}  // namespace tusk
