// jsonb_path_ops' two extractions agree: from a stored value's canonical text
// (JsonbStoredPathEntries, what index builds and writes use) and from the parsed value
// (JsonbPathEntries, what queries use). A disagreement would make @> miss rows.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/jsonb_gin.hpp"
#include "random_json.hpp"

namespace tusk {
namespace {

std::vector<std::string> FromText(const std::string& canonical) {
  std::vector<std::string> out;
  JsonbStoredPathEntries(canonical, &out);
  return out;
}

std::vector<std::string> FromTree(const std::string& canonical) {
  std::vector<std::string> out;
  JsonbPathEntries(ReadStoredJsonb(canonical), 0, &out);
  return out;
}

TEST(JsonbGinPathOps, TextAndTreeGiveTheSameEntries) {
  RandomJson random(20261207);
  for (int i = 0; i < 3000; i++) {
    const std::string canonical = JsonbNormalize(random.Value(0));
    ASSERT_EQ(FromText(canonical), FromTree(canonical)) << canonical;
  }
}

TEST(JsonbGinPathOps, EqualNumbersAndPathsThroughArrays) {
  EXPECT_EQ(FromText(JsonbNormalize(R"({"a": 1.50})")), FromText(JsonbNormalize(R"({"a": 1.5})")));
  std::vector<std::string> one_then_two = FromText(R"({"a": 1})");
  one_then_two.push_back(FromText(R"({"a": 2})").at(0));
  EXPECT_EQ(FromText(R"({"a": [1, [2]]})"), one_then_two);
  // A key's path differs from a string leaf's entry with the same text.
  EXPECT_NE(FromText(R"({"x": "y"})"), FromText(R"(["x", "y"])"));
  EXPECT_EQ(FromText("[]"), std::vector<std::string>{});
  EXPECT_EQ(FromText("{}"), std::vector<std::string>{});
}

TEST(JsonbGinPathOps, CorruptStoredTextIsAnError) {
  for (const char* bad : {"", "{", "{\"a\" 1}", "[1 2]", "\"abc", "tru", "{\"a\": 1}x", "\"\\q\""}) {
    try {
      FromText(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.state()), sqlstate::kDataCorrupted) << bad;
    }
  }
}

}  // namespace
}  // namespace tusk
