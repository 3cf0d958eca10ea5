#include "storage/row_cache.hpp"

#include <gtest/gtest.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "common/keycodec.hpp"
#include "storage/store.hpp"
#include "store_test_fixture.hpp"

namespace tusk {
namespace {

constexpr uint32_t kRel = 9;

std::string Key(uint32_t rel, uint32_t n) { return StoreTest::RelationKey(rel, n); }

class RowCacheTest : public StoreTest {
 public:
  rocksdb::DB* db() { return store_->db(); }
  RowCache& cache() { return store_->row_cache(); }

  // Commits `key = value` as the engine commits: through a CommitGuard.
  void Commit(const std::string& key, const std::string& value) {
    std::unique_ptr<rocksdb::Transaction> txn(store_->Begin(false, -1));
    ASSERT_TRUE(txn->Put(key, value).ok());
    RowCache::CommitGuard guard(&cache(), txn->GetWriteBatch()->GetWriteBatch());
    ASSERT_TRUE(txn->Commit().ok());
    guard.Committed(store_->db()->GetLatestSequenceNumber());
  }

  // Reads `key` at `snapshot` as access/read_view.cpp does: the cache, else the database and
  // then into the cache. Returns "" for a missing key.
  std::string Read(const std::string& key, const rocksdb::Snapshot* snapshot, bool* hit = nullptr) {
    rocksdb::Slice k(key);
    rocksdb::PinnableSlice row;
    rocksdb::Status status;
    bool want = true;
    const uint64_t seq = snapshot->GetSequenceNumber();
    const bool cached = cache().Lookup(1, &k, seq, &row, &status, &want) == 1;
    if (hit) *hit = cached;
    if (!cached) {
      rocksdb::ReadOptions ro;
      ro.snapshot = snapshot;
      status = store_->db()->Get(ro, store_->db()->DefaultColumnFamily(), k, &row);
      bool found = status.ok();
      cache().Insert(1, &k, &row, &found, seq);
    }
    return status.ok() ? row.ToString() : "";
  }
  // Reads `key` twice at `snapshot`, expecting `row` both times: whether the first read's row
  // was kept (the second one a hit).
  bool KeptAfterRead(const std::string& key, const rocksdb::Snapshot* snapshot, const std::string& row) {
    EXPECT_EQ(Read(key, snapshot), row);
    bool hit = false;
    EXPECT_EQ(Read(key, snapshot, &hit), row);
    return hit;
  }
  // The database's answer, without the cache.
  std::string ReadUncached(const std::string& key, const rocksdb::Snapshot* snapshot) {
    rocksdb::ReadOptions ro;
    ro.snapshot = snapshot;
    std::string v;
    return store_->db()->Get(ro, key, &v).ok() ? v : "";
  }

};

TEST_F(RowCacheTest, HitsOnlyFromTheSnapshotItWasReadAt) {
  Commit(Key(kRel, 1), "a");
  const rocksdb::Snapshot* s1 = store_->db()->GetSnapshot();
  bool hit = true;
  EXPECT_EQ(Read(Key(kRel, 1), s1, &hit), "a");
  EXPECT_FALSE(hit);
  EXPECT_EQ(Read(Key(kRel, 1), s1, &hit), "a");
  EXPECT_TRUE(hit);
  // A commit after: the entry is gone, the old snapshot still reads the old row from RocksDB.
  Commit(Key(kRel, 1), "b");
  const rocksdb::Snapshot* s2 = store_->db()->GetSnapshot();
  EXPECT_EQ(Read(Key(kRel, 1), s1, &hit), "a");
  EXPECT_FALSE(hit);
  // ... and what it read is not added: the relation changed after its snapshot.
  EXPECT_EQ(Read(Key(kRel, 1), s2, &hit), "b");
  EXPECT_FALSE(hit);
  EXPECT_EQ(Read(Key(kRel, 1), s2, &hit), "b");
  EXPECT_TRUE(hit);
  // An older snapshot than the entry's does not use it.
  EXPECT_EQ(Read(Key(kRel, 1), s1, &hit), "a");
  EXPECT_FALSE(hit);
  store_->db()->ReleaseSnapshot(s1);
  store_->db()->ReleaseSnapshot(s2);
}

TEST_F(RowCacheTest, ACommitHoldsBackOnlyTheKeysItWrote) {
  Commit(Key(kRel, 1), "a");
  Commit(Key(kRel, 2), "x");
  const rocksdb::Snapshot* s1 = store_->db()->GetSnapshot();
  Commit(Key(kRel, 1), "b");  // after s1: what s1 reads of key 1 is old, of key 2 current
  EXPECT_FALSE(KeptAfterRead(Key(kRel, 1), s1, "a"));
  EXPECT_TRUE(KeptAfterRead(Key(kRel, 2), s1, "x"));
  store_->db()->ReleaseSnapshot(s1);
}

TEST_F(RowCacheTest, NothingIsAddedWhileACommitIsInFlight) {
  Commit(Key(kRel, 1), "a");
  std::unique_ptr<rocksdb::Transaction> txn(store_->Begin(false, -1));
  ASSERT_TRUE(txn->Put(Key(kRel, 1), "b").ok());
  auto guard = std::make_unique<RowCache::CommitGuard>(&cache(), txn->GetWriteBatch()->GetWriteBatch());
  const rocksdb::Snapshot* before = store_->db()->GetSnapshot();
  EXPECT_EQ(Read(Key(kRel, 1), before), "a");
  ASSERT_TRUE(txn->Commit().ok());
  guard->Committed(store_->db()->GetLatestSequenceNumber());
  const rocksdb::Snapshot* after = store_->db()->GetSnapshot();
  bool hit = true;
  EXPECT_EQ(Read(Key(kRel, 1), after, &hit), "b");
  EXPECT_FALSE(hit);
  store_->db()->ReleaseSnapshot(before);
  store_->db()->ReleaseSnapshot(after);
}

TEST_F(RowCacheTest, RangeDeletesForgetTheRelation) {
  Commit(Key(kRel, 1), "a");
  Commit(Key(kRel + 1, 1), "other");
  const rocksdb::Snapshot* s = store_->db()->GetSnapshot();
  Read(Key(kRel, 1), s);
  Read(Key(kRel + 1, 1), s);
  store_->db()->ReleaseSnapshot(s);
  store_->DeleteRange(RelationPrefix(kRel), PrefixSuccessor(RelationPrefix(kRel)));
  s = store_->db()->GetSnapshot();
  bool hit = true;
  EXPECT_EQ(Read(Key(kRel, 1), s, &hit), "");
  EXPECT_FALSE(hit);
  EXPECT_EQ(Read(Key(kRel + 1, 1), s, &hit), "other");
  EXPECT_TRUE(hit);  // another relation keeps its rows
  store_->db()->ReleaseSnapshot(s);
  // A range over several relations forgets them all.
  store_->DeleteRange(RelationPrefix(kRel), PrefixSuccessor(RelationPrefix(kRel + 1)));
  s = store_->db()->GetSnapshot();
  EXPECT_EQ(Read(Key(kRel + 1, 1), s, &hit), "");
  EXPECT_FALSE(hit);
  store_->db()->ReleaseSnapshot(s);
}

TEST_F(RowCacheTest, StaysWithinItsBudget) {
  RowCache small(64 * 1024);
  const std::string row(200, 'x');
  rocksdb::PinnableSlice value;
  value.PinSelf(row);
  for (uint32_t i = 0; i < 10000; i++) {
    std::string key = Key(kRel + (i % 3), i);
    rocksdb::Slice k(key);
    bool add = true;
    small.Insert(1, &k, &value, &add, 1);
    ASSERT_LE(small.bytes(), 64u * 1024 + 512);
  }
  EXPECT_GT(small.bytes(), 32u * 1024);
}

// Writers keep changing keys while readers read them at fresh and older snapshots through the
// cache: every answer must be the database's at that snapshot. With few keys every read races
// a commit of its key; with many, the per-key commit records are forgotten and kept again.
void RaceReadersAgainstWriters(RowCacheTest* t, int keys, std::atomic<uint64_t>* wrong, std::atomic<uint64_t>* reads,
                               std::atomic<uint64_t>* hits) {
  for (int k = 0; k < keys; k++) t->Commit(Key(kRel, k), "0");
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int w = 0; w < 2; w++)
    threads.emplace_back([&, w] {
      std::mt19937 rng(w);
      // Half the commits to the readers' hot set, half anywhere (which fills the records).
      for (int n = 1; !stop; n++)
        t->Commit(Key(kRel, rng() % (n % 2 ? keys : std::min(keys, 64))), std::to_string(n * 2 + w));
    });
  for (int r = 0; r < 3; r++)
    threads.emplace_back([&, r] {
      std::mt19937 rng(100 + r);
      while (!stop) {
        const rocksdb::Snapshot* s = t->db()->GetSnapshot();
        for (int i = 0; i < 50; i++) {
          std::string key = Key(kRel, rng() % std::min(keys, 64));  // a hot set, so that rows are read again
          bool hit = false;
          if (t->Read(key, s, &hit) != t->ReadUncached(key, s)) (*wrong)++;
          (*reads)++;
          *hits += hit;
        }
        t->db()->ReleaseSnapshot(s);
      }
    });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  stop = true;
  for (auto& th : threads) th.join();
}

TEST_F(RowCacheTest, ConcurrentReadersSeeTheirSnapshots) {
  std::atomic<uint64_t> wrong{0}, reads{0}, hits{0};
  RaceReadersAgainstWriters(this, 8, &wrong, &reads, &hits);
  EXPECT_EQ(wrong.load(), 0u);
  EXPECT_GT(reads.load(), 1000u);
  EXPECT_GT(hits.load(), 0u);  // the cache was in use, not bypassed
}

TEST_F(RowCacheTest, ConcurrentReadersSeeTheirSnapshotsAsRecordsAreForgotten) {
  std::atomic<uint64_t> wrong{0}, reads{0}, hits{0};
  RaceReadersAgainstWriters(this, 20000, &wrong, &reads, &hits);
  EXPECT_EQ(wrong.load(), 0u);
  EXPECT_GT(reads.load(), 1000u);
  EXPECT_GT(hits.load(), 0u);
}

}  // namespace
}  // namespace tusk
