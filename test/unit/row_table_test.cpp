#include "storage/row_table.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace tusk {
namespace {

// Checks the table against a map after every step of a random mix of inserts, erases and
// evictions: deletion moves rows back along their probe runs, and a mistake there loses a row
// or leaves one unreachable, which only a run with many collisions shows.
TEST(RowTableTest, MatchesAMapThroughInsertsErasesAndEvictions) {
  RowTable table;
  std::map<std::string, std::string> model;
  std::mt19937 rng(7);
  size_t hand = 0;
  for (int step = 0; step < 20000; step++) {
    const std::string key = "r" + std::to_string(rng() % 3000);
    const uint64_t hash = RowTable::Hash(key);
    switch (rng() % 10) {
      case 0: {
        const size_t freed = table.Evict(&hand, [](size_t f) { return f > 200; });
        EXPECT_GT(freed, 200u);
        // Which rows went is the table's choice: take them out of the model by asking.
        for (auto it = model.begin(); it != model.end();)
          it = table.Find(it->first, RowTable::Hash(it->first)) ? std::next(it) : model.erase(it);
        break;
      }
      case 1: case 2: case 3: {
        const size_t freed = table.Erase(key, hash);
        EXPECT_EQ(freed > 0, model.erase(key) == 1);
        break;
      }
      default: {
        const std::string row = "row of " + key + std::string(rng() % 40, 'x');
        const size_t added = table.Insert(key, hash, row, step);
        const bool fresh = model.emplace(key, row).second;
        EXPECT_EQ(added > 0, fresh);
        if (fresh) {
          EXPECT_EQ(added, RowTable::Cost(key.size(), row.size()));
        }
      }
    }
    ASSERT_EQ(table.size(), model.size());
    if (step % 500 == 0) {
      for (const auto& [k, v] : model) {
        const RowTable::Row* r = table.Find(k, RowTable::Hash(k));
        ASSERT_NE(r, nullptr) << k;
        EXPECT_EQ(r->key(), k);
        EXPECT_EQ(r->row(), v);
      }
    }
  }
  table.Clear();
  EXPECT_TRUE(table.empty());
  EXPECT_EQ(table.Find("r1", RowTable::Hash("r1")), nullptr);
}

TEST(RowTableTest, KeepsTheSnapshotARowIsValidFrom) {
  RowTable table;
  table.Insert("k", RowTable::Hash("k"), "v", 42);
  ASSERT_NE(table.Find("k", RowTable::Hash("k")), nullptr);
  EXPECT_EQ(table.Find("k", RowTable::Hash("k"))->valid_from, 42u);
  EXPECT_EQ(table.Insert("k", RowTable::Hash("k"), "w", 50), 0u);  // the first row stays
  EXPECT_EQ(table.Find("k", RowTable::Hash("k"))->row(), "v");
}

}  // namespace
}  // namespace tusk
