// `@>` read from stored text (StoredJsonbContains, what the operator runs) decides as the tree
// does (JsonbContains): random documents against queries cut from them (mostly true) and
// changed a little (mostly false).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "common/error.hpp"
#include "random_json.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonb.hpp"

namespace tusk {
namespace {

class QueryCutter {
 public:
  explicit QueryCutter(unsigned seed) : rng_(seed), other_(seed + 1) {}
  // Part of `doc`: some members and elements, each cut in turn; now and then a value replaced.
  Jsonb Cut(const Jsonb& doc) {
    if (Pick(12) == 0) return ReadStoredJsonb(JsonbNormalize(other_.Value(3)));
    if (doc.is_object()) {
      Jsonb q = Jsonb::Object();
      for (const auto& m : doc.members)
        if (Pick(3)) q.members.emplace_back(m.first, Cut(m.second));
      return q;
    }
    if (doc.is_array()) {
      std::vector<Jsonb> items;
      for (const Jsonb& e : doc.items)
        if (Pick(3)) items.push_back(Cut(e));
      std::shuffle(items.begin(), items.end(), rng_);
      return Jsonb::Array(std::move(items));
    }
    return Pick(3) == 0 ? ReadStoredJsonb(JsonbNormalize(other_.Value(4))) : doc;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  std::mt19937 rng_;
  RandomJson other_;
};

TEST(JsonbStoredContains, DecidesAsTheTree) {
  RandomJson random(7);
  QueryCutter cutter(11);
  int held = 0, total = 0;
  for (int i = 0; i < 4000; i++) {
    const std::string stored = JsonbNormalize(random.Value(0));
    const Jsonb doc = ReadStoredJsonb(stored);
    for (int k = 0; k < 4; k++) {
      const Jsonb query = ReadStoredJsonb(WriteJsonb(cutter.Cut(doc)));  // in canonical order
      const bool want = JsonbContains(doc, query);
      ASSERT_EQ(StoredJsonbContains(stored, query), want) << stored << " @> " << WriteJsonb(query);
      held += want;
      total++;
    }
  }
  // Both answers are common, or the comparison says little.
  EXPECT_GT(held, total / 5);
  EXPECT_LT(held, total * 4 / 5);
}

TEST(JsonbStoredContains, NumbersCompareAsNumerics) {
  EXPECT_TRUE(StoredJsonbContains(JsonbNormalize(R"({"a": 1.0})"), ReadStoredJsonb(JsonbNormalize(R"({"a": 1})"))));
  EXPECT_TRUE(StoredJsonbContains(JsonbNormalize(R"([1.50, 2])"), ReadStoredJsonb(JsonbNormalize("[1.5]"))));
  EXPECT_FALSE(StoredJsonbContains(JsonbNormalize(R"({"a": "1"})"), ReadStoredJsonb(JsonbNormalize(R"({"a": 1})"))));
}

TEST(JsonbStoredContains, CorruptStoredTextIsAnError) {
  const Jsonb query = ReadStoredJsonb(JsonbNormalize(R"({"a": 1})"));
  for (const char* bad : {"{", "{\"a\" 1}", "{\"a\": tru}", "{\"a\": 1x}"}) {
    try {
      StoredJsonbContains(bad, query);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.state()), sqlstate::kDataCorrupted) << bad;
    }
  }
}

}  // namespace
}  // namespace tusk
