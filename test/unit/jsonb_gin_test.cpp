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

// Random JSON text: keys and strings with quotes, backslashes, control characters, escapes and
// multibyte characters; numbers with trailing zeros and negative zeros; nesting and empties.
class RandomJson {
 public:
  explicit RandomJson(unsigned seed) : rng_(seed) {}
  std::string Value(int depth) {
    switch (Pick(depth > 4 ? 5 : 8)) {
      case 0: return "null";
      case 1: return Pick(2) ? "true" : "false";
      case 2: return Number();
      case 3: case 4: return String();
      case 5: case 6: {
        std::string s = "{";
        for (int n = Pick(4), i = 0; i < n; i++) s += (i ? ", " : "") + String() + ": " + Value(depth + 1);
        return s + "}";
      }
      default: {
        std::string s = "[";
        for (int n = Pick(4), i = 0; i < n; i++) s += (i ? "," : "") + Value(depth + 1);
        return s + "]";
      }
    }
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  std::string Number() {
    static const char* const kNumbers[] = {"0", "-0", "0.0", "-0.00", "1", "1.0", "1.50", "12.500", "-3", "100",
                                           "2e3", "1.5E-2", "123456789012345678901234567890", "0.000001"};
    return kNumbers[Pick(sizeof kNumbers / sizeof *kNumbers)];
  }
  std::string String() {
    static const char* const kPieces[] = {"a", "b", "type", "user", "id", "\\\"", "\\\\", "\\n", "\\t", "\\u0001",
                                          "\\u00e9", "\\ud83d\\ude00", "é", "/", "\\/", " ", ""};
    std::string s = "\"";
    for (int n = Pick(4), i = 0; i < n; i++) s += kPieces[Pick(sizeof kPieces / sizeof *kPieces)];
    return s + "\"";
  }
  std::mt19937 rng_;
};

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
