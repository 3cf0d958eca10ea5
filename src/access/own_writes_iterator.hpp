// An iterator over the database at a snapshot with a transaction's own writes laid over it,
// cheaper than RocksDB's BaseDeltaIterator for the common case of a scan whose range holds few
// of them.
//
// BaseDeltaIterator re-reads the batch's entry under its cursor at every step of the base
// iterator (a record decoded from the batch and compared), so in a transaction that has written
// anything an index scan of ten entries costs twice what it costs in one that has not. This one
// takes the own writes of the range once, at each Seek / SeekForPrev (the scan's bounds tell it
// where the range ends), and merges that short sorted list with the base iterator. When the range
// holds more than a few hundred own writes it hands the scan to a BaseDeltaIterator instead, so
// memory stays bounded whatever the transaction wrote.
//
// Writes made after the Seek are not seen until the next Seek: a statement does not see what it
// writes while it scans (and every scan of Tusk's seeks when it opens).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/write_batch_with_index.h>

namespace tusk {

class OwnWritesIterator : public rocksdb::Iterator {
 public:
  // `writes` must outlive the iterator; `ro`'s bounds are read at each Seek (they may be moved
  // between seeks, as an index scan does when it opens again).
  OwnWritesIterator(rocksdb::DB* db, rocksdb::WriteBatchWithIndex* writes, const rocksdb::ReadOptions& ro);

  bool Valid() const override;
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const rocksdb::Slice& target) override;
  void SeekForPrev(const rocksdb::Slice& target) override;
  void Next() override;
  void Prev() override;
  rocksdb::Slice key() const override;
  rocksdb::Slice value() const override;
  rocksdb::Status status() const override;

  // Own writes in one seek's range above which the scan goes to a BaseDeltaIterator.
  static constexpr size_t kMaxCollected = 256;

 private:
  struct Write {
    std::string key, value;
    bool deleted = false;
  };
  // Takes the own writes from `from` on, in the scan's direction and bounds; false when there
  // are too many (or one RocksDB's merge would have to read).
  bool Collect(const rocksdb::Slice& from, bool forward);
  void Position(const rocksdb::Slice& target, bool forward);
  void Step(bool forward);
  void UseFallback();
  // Whether `key` lies before the scan's range for a walk in that direction: below the lower
  // bound going forward, at or above the upper bound going backward.
  bool BeforeStart(const rocksdb::Slice& key, bool forward) const;
  void SkipFallbackOutOfBounds(bool forward);
  // Moves to the first visible entry in the direction of travel.
  void Settle();
  bool OwnAhead() const { return pos_ < own_.size(); }

  rocksdb::DB* db_;
  rocksdb::WriteBatchWithIndex* writes_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> base_;
  std::unique_ptr<rocksdb::Iterator> fallback_;  // the BaseDeltaIterator, once needed
  bool use_fallback_ = false;
  bool forward_ = true;
  std::vector<Write> own_;  // in the direction of travel
  size_t pos_ = 0;          // the next own write not yet passed
  bool at_own_ = false;     // the current entry is own_[pos_] (else the base's)
};

}  // namespace tusk
