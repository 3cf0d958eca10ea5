#include "access/own_writes_iterator.hpp"

namespace tusk {

OwnWritesIterator::OwnWritesIterator(rocksdb::DB* db, rocksdb::WriteBatchWithIndex* writes, const rocksdb::ReadOptions& ro)
    : db_(db), writes_(writes), ro_(ro), base_(db->NewIterator(ro)) {}

bool OwnWritesIterator::Collect(const rocksdb::Slice& from, bool forward) {
  own_.clear();
  pos_ = 0;
  std::unique_ptr<rocksdb::WBWIIterator> it(writes_->NewIterator());
  if (forward)
    it->Seek(BeforeStart(from, true) ? *ro_.iterate_lower_bound : from);
  else
    it->SeekForPrev(from);
  for (; it->Valid(); forward ? it->Next() : it->Prev()) {
    const rocksdb::WriteEntry e = it->Entry();
    if (BeforeStart(e.key, !forward)) break;    // past the range's end
    if (BeforeStart(e.key, forward)) continue;  // SeekForPrev's target may lie past the upper bound
    // The batch keeps one entry per key, its newest write (overwrite_key; read_view.cpp).
    Write w{e.key.ToString(), std::string(), false};
    switch (e.type) {
      case rocksdb::kPutRecord: w.value = e.value.ToString(); break;
      case rocksdb::kDeleteRecord:
      case rocksdb::kSingleDeleteRecord: w.deleted = true; break;
      default: return false;  // a merge operand: only RocksDB's own merge reads it
    }
    if (own_.size() == kMaxCollected) return false;
    own_.push_back(std::move(w));
  }
  return true;
}

void OwnWritesIterator::UseFallback() {
  // Made afresh at each use: a rollback to a savepoint rebuilds the batch's index under any
  // iterator kept from before.
  fallback_.reset(writes_->NewIteratorWithBase(db_->DefaultColumnFamily(), db_->NewIterator(ro_), &ro_));
  use_fallback_ = true;
}

bool OwnWritesIterator::BeforeStart(const rocksdb::Slice& key, bool forward) const {
  if (forward) return ro_.iterate_lower_bound && key.compare(*ro_.iterate_lower_bound) < 0;
  return ro_.iterate_upper_bound && key.compare(*ro_.iterate_upper_bound) >= 0;
}

void OwnWritesIterator::SkipFallbackOutOfBounds(bool forward) {
  // BaseDeltaIterator bounds the database's keys but not the batch's: own writes before the
  // range's start in the direction of travel are stepped over, and past its end Valid() is false.
  while (fallback_->Valid() && BeforeStart(fallback_->key(), forward)) forward ? fallback_->Next() : fallback_->Prev();
}

void OwnWritesIterator::Settle() {
  for (;;) {
    at_own_ = false;
    if (!OwnAhead()) return;
    const Write& w = own_[pos_];
    // Which comes first in the direction of travel: < 0 the base's entry, 0 the same key.
    int order = 1;  // no base entry left: the own write
    if (base_->Valid()) order = forward_ ? base_->key().compare(w.key) : -base_->key().compare(w.key);
    if (order < 0) return;
    if (w.deleted) {
      if (order == 0) forward_ ? base_->Next() : base_->Prev();
      pos_++;
      continue;
    }
    at_own_ = true;
    return;
  }
}

void OwnWritesIterator::SeekToFirst() {
  UseFallback();
  fallback_->SeekToFirst();
}

void OwnWritesIterator::SeekToLast() {
  UseFallback();
  fallback_->SeekToLast();
}

void OwnWritesIterator::Seek(const rocksdb::Slice& target) { Position(target, true); }
void OwnWritesIterator::SeekForPrev(const rocksdb::Slice& target) { Position(target, false); }
void OwnWritesIterator::Next() { Step(true); }
void OwnWritesIterator::Prev() { Step(false); }

void OwnWritesIterator::Position(const rocksdb::Slice& target, bool forward) {
  forward_ = forward;
  if (!Collect(target, forward)) {
    UseFallback();
    forward ? fallback_->Seek(target) : fallback_->SeekForPrev(target);
    SkipFallbackOutOfBounds(forward);
    return;
  }
  use_fallback_ = false;
  forward ? base_->Seek(target) : base_->SeekForPrev(target);
  Settle();
}

void OwnWritesIterator::Step(bool forward) {
  if (use_fallback_) {
    forward ? fallback_->Next() : fallback_->Prev();
    return SkipFallbackOutOfBounds(forward);
  }
  if (forward != forward_) {
    // Turning round: position at the current key in the new direction, then step past it.
    const std::string at = key().ToString();
    Position(at, forward);
    if (Valid() && key() == rocksdb::Slice(at)) Step(forward);
    return;
  }
  if (at_own_) {
    // The base may stand on the same key, which the own write replaced.
    if (base_->Valid() && base_->key() == rocksdb::Slice(own_[pos_].key)) forward ? base_->Next() : base_->Prev();
    pos_++;
  } else {
    forward ? base_->Next() : base_->Prev();
  }
  Settle();
}

bool OwnWritesIterator::Valid() const {
  if (use_fallback_) return fallback_->Valid() && !BeforeStart(fallback_->key(), true) && !BeforeStart(fallback_->key(), false);
  return at_own_ || base_->Valid();
}

rocksdb::Slice OwnWritesIterator::key() const {
  if (use_fallback_) return fallback_->key();
  return at_own_ ? rocksdb::Slice(own_[pos_].key) : base_->key();
}

rocksdb::Slice OwnWritesIterator::value() const {
  if (use_fallback_) return fallback_->value();
  return at_own_ ? rocksdb::Slice(own_[pos_].value) : base_->value();
}

rocksdb::Status OwnWritesIterator::status() const {
  if (use_fallback_) return fallback_->status();
  return base_->status();
}

}  // namespace tusk
