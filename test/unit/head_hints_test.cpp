#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "common/keycodec.hpp"
#include "storage/store.hpp"
#include "store_test_fixture.hpp"

namespace tusk {
namespace {

constexpr uint32_t kRel = 7;

std::string Key(uint32_t n) { return StoreTest::RelationKey(kRel, n); }

class HeadHintsTest : public StoreTest {
 protected:
  HeadHints& hints() { return store_->head_hints(); }

  // Writes (or deletes) keys in one committed transaction, announced as the engine does.
  void Commit(const std::vector<uint32_t>& puts, const std::vector<uint32_t>& deletes) {
    HeadHints::Writer w;
    std::unique_ptr<rocksdb::Transaction> txn(store_->Begin(false, -1));
    for (uint32_t n : puts) {
      hints().NotePut(&w, Key(n));
      ASSERT_TRUE(txn->Put(Key(n), "v").ok());
    }
    for (uint32_t n : deletes) ASSERT_TRUE(txn->Delete(Key(n)).ok());
    ASSERT_TRUE(txn->Commit().ok());
    hints().EndWriter(&w);
    if (!deletes.empty()) hints().NoteDeletes(kRel, deletes.size());
  }
  std::string Start(rocksdb::SequenceNumber seq = 0) {
    std::string start = RelationPrefix(kRel);
    hints().AdvanceStart(store_->db(), kRel, seq, &start);
    return start;
  }

};

std::vector<uint32_t> Range(uint32_t from, uint32_t to) {
  std::vector<uint32_t> v;
  for (uint32_t i = from; i < to; i++) v.push_back(i);
  return v;
}

TEST_F(HeadHintsTest, ScansStartAtTheFirstLiveKeyAfterEnoughDeletes) {
  Commit(Range(0, 200), {});
  EXPECT_EQ(Start(), RelationPrefix(kRel));  // nothing deleted: no hint
  Commit({}, Range(0, 10));
  EXPECT_EQ(Start(), RelationPrefix(kRel));  // too few deletions to learn
  Commit({}, Range(10, 100));
  EXPECT_EQ(Start(), Key(100));
}

TEST_F(HeadHintsTest, APutBelowTheHintClearsIt) {
  Commit(Range(0, 200), {});
  Commit({}, Range(0, 100));
  EXPECT_EQ(Start(), Key(100));
  HeadHints::Writer w;
  hints().NotePut(&w, Key(5));  // uncommitted: scans must not skip past it from now on
  EXPECT_EQ(Start(), RelationPrefix(kRel));
  hints().EndWriter(&w);
}

TEST_F(HeadHintsTest, ARunningWriterCapsTheLearnedHint) {
  Commit(Range(0, 200), {});
  HeadHints::Writer w;
  hints().NotePut(&w, Key(50));  // will commit after the hint is learned
  Commit({}, Range(0, 100));
  EXPECT_EQ(Start(), Key(50));
  hints().EndWriter(&w);
}

TEST_F(HeadHintsTest, OlderSnapshotsDoNotUseTheHint) {
  Commit(Range(0, 200), {});
  const rocksdb::Snapshot* old = store_->db()->GetSnapshot();
  Commit({}, Range(0, 100));
  EXPECT_EQ(Start(), Key(100));
  EXPECT_EQ(Start(old->GetSequenceNumber()), RelationPrefix(kRel));
  store_->db()->ReleaseSnapshot(old);
}

TEST_F(HeadHintsTest, AnEmptiedRelationScansNothing) {
  Commit(Range(0, 100), {});
  Commit({}, Range(0, 100));
  EXPECT_EQ(Start(), PrefixSuccessor(RelationPrefix(kRel)));
  Commit({3}, {});
  EXPECT_EQ(Start(), RelationPrefix(kRel));
}

// Writers put and delete keys anywhere while readers check, in their own snapshot, that no
// visible key lies below where the hints let them start.
TEST_F(HeadHintsTest, NoVisibleKeyIsEverSkippedUnderConcurrentWrites) {
  Commit(Range(0, 2000), {});
  std::atomic<bool> stop{false};
  std::atomic<int> skipped{0}, hinted{0};
  auto writer = [&](unsigned seed) {
    std::mt19937 rng(seed);
    while (!stop) {
      HeadHints::Writer w;
      std::unique_ptr<rocksdb::Transaction> txn(store_->Begin(false, -1));
      std::vector<uint32_t> deleted;
      for (int i = 0; i < 20; i++) {
        uint32_t n = rng() % 2000;
        if (rng() % 3 == 0) {
          hints().NotePut(&w, Key(n));
          if (!txn->Put(Key(n), "v").ok()) break;
        } else if (txn->Delete(Key(n)).ok()) {
          deleted.push_back(n);
        }
      }
      if (rng() % 4 == 0) txn->Rollback();
      else txn->Commit();
      txn.reset();
      hints().EndWriter(&w);
      hints().NoteDeletes(kRel, deleted.size());
    }
  };
  auto reader = [&] {
    while (!stop) {
      const rocksdb::Snapshot* snap = store_->db()->GetSnapshot();
      std::string start = Start(snap->GetSequenceNumber());
      if (start != RelationPrefix(kRel)) hinted++;
      rocksdb::ReadOptions ro;
      ro.snapshot = snap;
      std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro));
      it->Seek(RelationPrefix(kRel));
      if (it->Valid() && it->key().ToString() < start) skipped++;
      it.reset();
      store_->db()->ReleaseSnapshot(snap);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < 3; i++) threads.emplace_back(writer, i + 1);
  for (int i = 0; i < 2; i++) threads.emplace_back(reader);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  stop = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(skipped.load(), 0);
  EXPECT_GT(hinted.load(), 0);  // the hints were in use, so the check checked something
}

}  // namespace
}  // namespace tusk
