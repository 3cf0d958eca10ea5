#include "access/own_writes_iterator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>

#include "store_test_fixture.hpp"

namespace tusk {
namespace {

constexpr uint32_t kRel = 9;

std::string Key(uint32_t n) { return StoreTest::RelationKey(kRel, n); }

// Random committed rows, then a transaction's random puts and deletes over them; every walk of
// an OwnWritesIterator must match the model (the committed rows with the writes applied).
class OwnWritesIteratorTest : public StoreTest {
 protected:
  void TearDown() override {
    txn_.reset();  // before its database closes
    StoreTest::TearDown();
  }

  void Load(std::mt19937* rng, uint32_t keys, uint32_t own_writes) {
    std::unique_ptr<rocksdb::Transaction> load(store_->Begin(false, -1));
    for (uint32_t n = 0; n < keys; n++)
      if ((*rng)() % 2) {
        const std::string v = "base" + std::to_string(n);
        ASSERT_TRUE(load->Put(Key(n), v).ok());
        model_[Key(n)] = v;
      }
    ASSERT_TRUE(load->Commit().ok());
    txn_.reset(store_->Begin(false, -1));
    for (uint32_t i = 0; i < own_writes; i++) {
      const uint32_t n = (*rng)() % keys;
      if ((*rng)() % 3 == 0) {
        ASSERT_TRUE(txn_->Delete(Key(n)).ok());
        model_.erase(Key(n));
      } else {
        const std::string v = "own" + std::to_string(i);
        ASSERT_TRUE(txn_->Put(Key(n), v).ok());
        model_[Key(n)] = v;
      }
    }
  }

  // Seeks (forward or backward) between random bounds, then takes random steps, each checked.
  void Walk(std::mt19937* rng, uint32_t keys) {
    std::optional<std::string> lower_key, upper_key;
    if ((*rng)() % 2) lower_key = Key((*rng)() % keys);
    if ((*rng)() % 2) upper_key = Key((*rng)() % (keys + 1));
    rocksdb::Slice lower, upper;
    rocksdb::ReadOptions ro;
    if (lower_key) ro.iterate_lower_bound = &(lower = *lower_key);
    if (upper_key) ro.iterate_upper_bound = &(upper = *upper_key);
    OwnWritesIterator it(store_->db(), txn_->GetWriteBatch(), ro);
    auto in_bounds = [&](const std::string& k) { return (!lower_key || k >= *lower_key) && (!upper_key || k < *upper_key); };
    const std::string target = Key((*rng)() % keys);
    std::optional<std::string> at;  // the model's position; nullopt: past either end
    if ((*rng)() % 2) {
      it.Seek(target);
      auto m = model_.lower_bound(std::max(target, lower_key.value_or(std::string())));
      if (m != model_.end() && in_bounds(m->first)) at = m->first;
    } else {
      it.SeekForPrev(target);
      std::string from = upper_key && target >= *upper_key ? *upper_key : target + '\0';
      auto m = model_.lower_bound(from);
      if (m != model_.begin() && in_bounds(std::prev(m)->first)) at = std::prev(m)->first;
    }
    for (int step = 0;; step++) {
      ASSERT_EQ(it.Valid(), at.has_value()) << "step " << step;
      ASSERT_TRUE(it.status().ok());
      if (!at) return;
      ASSERT_EQ(it.key().ToString(), *at) << "step " << step;
      ASSERT_EQ(it.value().ToString(), model_.at(*at)) << "step " << step;
      auto m = model_.find(*at);
      if ((*rng)() % 3) {
        it.Next();
        ++m;
        at = m != model_.end() && in_bounds(m->first) ? std::optional<std::string>(m->first) : std::nullopt;
      } else {
        it.Prev();
        at = m != model_.begin() && in_bounds(std::prev(m)->first) ? std::optional<std::string>(std::prev(m)->first) : std::nullopt;
      }
    }
  }

  std::map<std::string, std::string> model_;
  std::unique_ptr<rocksdb::Transaction> txn_;
};

TEST_F(OwnWritesIteratorTest, FewOwnWritesMatchTheModel) {
  std::mt19937 rng(42);
  Load(&rng, 200, 30);
  for (int i = 0; i < 2000; i++) Walk(&rng, 200);
}

TEST_F(OwnWritesIteratorTest, ManyOwnWritesFallBackAndMatchTheModel) {
  std::mt19937 rng(7);
  Load(&rng, 3000, 2 * OwnWritesIterator::kMaxCollected);
  for (int i = 0; i < 500; i++) Walk(&rng, 3000);
}

TEST_F(OwnWritesIteratorTest, NoOwnWritesReadsTheSnapshot) {
  std::mt19937 rng(3);
  Load(&rng, 100, 0);
  for (int i = 0; i < 500; i++) Walk(&rng, 100);
}

TEST_F(OwnWritesIteratorTest, WritesAfterTheSeekShowAtTheNextSeek) {
  std::mt19937 rng(5);
  Load(&rng, 50, 0);
  rocksdb::ReadOptions ro;
  OwnWritesIterator it(store_->db(), txn_->GetWriteBatch(), ro);
  it.Seek(Key(0));
  ASSERT_TRUE(txn_->Put(Key(0), "later").ok());
  it.Seek(Key(0));
  ASSERT_TRUE(it.Valid());
  EXPECT_EQ(it.key().ToString(), Key(0));
  EXPECT_EQ(it.value().ToString(), "later");
}

}  // namespace
}  // namespace tusk
