#include <gtest/gtest.h>

#include <cmath>

#include "common/keycodec.hpp"
#include "types/text_io.hpp"

namespace tusk {
namespace {

std::string Key(const Type& t, const Value& v, KeyColumnOrder o = {}) {
  std::string k;
  EncodeKeyValue(t, v, o, &k);
  return k;
}

TEST(KeyCodec, IntegersKeepOrder) {
  Type t(oid::kInt8);
  std::vector<int64_t> vals = {INT64_MIN, -1000000, -1, 0, 1, 42, 1000000, INT64_MAX};
  for (size_t i = 1; i < vals.size(); i++) EXPECT_LT(Key(t, Value::Int(vals[i - 1])), Key(t, Value::Int(vals[i])));
}

TEST(KeyCodec, NullsLastAscendingFirstDescending) {
  Type t(oid::kInt4);
  EXPECT_LT(Key(t, Value::Int(5)), Key(t, Value::Null()));
  KeyColumnOrder desc{true, true};
  EXPECT_LT(Key(t, Value::Null(), desc), Key(t, Value::Int(5), desc));
  EXPECT_LT(Key(t, Value::Int(9), desc), Key(t, Value::Int(5), desc));
}

TEST(KeyCodec, TextIsPrefixFree) {
  Type t(oid::kText);
  EXPECT_LT(Key(t, Value::Str("a")), Key(t, Value::Str(std::string("a\0b", 3))));
  EXPECT_LT(Key(t, Value::Str("ab")), Key(t, Value::Str("b")));
  EXPECT_LT(Key(t, Value::Str("")), Key(t, Value::Str("a")));
  // composite: ("a", 2) < ("ab", 1)
  std::string k1 = Key(t, Value::Str("a")) + Key(Type(oid::kInt4), Value::Int(2));
  std::string k2 = Key(t, Value::Str("ab")) + Key(Type(oid::kInt4), Value::Int(1));
  EXPECT_LT(k1, k2);
}

TEST(KeyCodec, FloatsAndNaN) {
  Type t(oid::kFloat8);
  std::vector<double> vals = {-1e300, -2.5, -0.0, 1e-300, 3.0, 1e300};
  for (size_t i = 1; i < vals.size(); i++) EXPECT_LT(Key(t, Value::Float(vals[i - 1])), Key(t, Value::Float(vals[i])));
  EXPECT_EQ(Key(t, Value::Float(-0.0)), Key(t, Value::Float(0.0)));
  EXPECT_LT(Key(t, Value::Float(1e308)), Key(t, Value::Float(NAN)));
}

TEST(KeyCodec, NumericOrder) {
  Type t(oid::kNumeric);
  std::vector<std::string> vals = {"-1000", "-10.5", "-10.25", "-1", "0", "0.001", "0.01", "1", "1.5", "10", "99.99", "100"};
  for (size_t i = 1; i < vals.size(); i++)
    EXPECT_LT(Key(t, Value::Str(vals[i - 1])), Key(t, Value::Str(vals[i]))) << vals[i - 1] << " vs " << vals[i];
  EXPECT_EQ(Key(t, Value::Str("1.50")), Key(t, Value::Str("1.5")));
}

TEST(KeyCodec, DescendingInvertsOrder) {
  Type t(oid::kText);
  KeyColumnOrder desc{true, true};
  EXPECT_GT(Key(t, Value::Str("a"), desc), Key(t, Value::Str("b"), desc));
  EXPECT_GT(Key(t, Value::Str("a"), desc), Key(t, Value::Str("ab"), desc));
}

}  // namespace
}  // namespace tusk

namespace tusk {
namespace {

// Every type's encoding must sort like the type's comparison function.
TEST(KeyCodec, EveryTypeSortsLikeItsComparison) {
  DateTimeContext dt;
  struct Case { Type type; std::vector<std::string> ascending; };
  std::vector<Case> cases = {
      {Type(oid::kBool), {"f", "t"}},
      {Type(oid::kInt2), {"-32768", "-1", "0", "32767"}},
      {Type(oid::kDate), {"0001-01-01 BC", "1999-12-31", "2000-01-01", "2024-02-29", "infinity"}},
      {Type(oid::kTime), {"00:00", "09:30:00.5", "23:59:59.999999"}},
      {Type(oid::kTimestamp), {"-infinity", "1969-07-20 20:17:40", "2000-01-01 00:00:00.000001", "2038-01-19 03:14:08"}},
      {Type(oid::kTimestamptz), {"2024-01-01 00:00+05", "2024-01-01 00:00+00", "2024-01-01 00:00-05"}},
      {Type(oid::kInterval), {"-1 day", "0", "23 hours", "1 day 1 second", "1 mon", "1 year"}},
      {Type(oid::kUuid), {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-0000000000ff", "ffffffff-0000-0000-0000-000000000000"}},
      {Type(oid::kBytea), {"\\x", "\\x00", "\\x0000", "\\x01", "\\xff"}},
      {Type(oid::kBpchar, 9), {"a", "a b", "ab"}},
      {Type(oid::kInt4, -1, true), {"{}", "{1}", "{1,2}", "{1,NULL}", "{2}"}},
      {Type(oid::kText, -1, true), {"{a}", "{a,b}", "{b}"}},
  };
  for (const auto& c : cases) {
    std::string prev;
    for (size_t i = 0; i < c.ascending.size(); i++) {
      std::string k;
      EncodeKeyValue(c.type, ParseText(c.type, c.ascending[i], dt), {}, &k);
      if (i) {
        EXPECT_LT(prev, k) << TypeName(c.type) << ": " << c.ascending[i - 1] << " < " << c.ascending[i];
      }
      prev = k;
    }
  }
}

TEST(KeyCodec, BpcharIgnoresTrailingSpaces) {
  DateTimeContext dt;
  Type t(oid::kBpchar);
  std::string a, b;
  EncodeKeyValue(t, Value::Str("ab  "), {}, &a);
  EncodeKeyValue(t, Value::Str("ab"), {}, &b);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace tusk
