#include <gtest/gtest.h>

#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {
namespace {

std::string RoundTrip(uint32_t id, const std::string& text, int32_t typmod = -1) {
  DateTimeContext dt;
  Type t(id, typmod);
  return FormatText(t, ApplyTypmod(t, ParseText(t, text, dt), false), dt);
}

TEST(TextIo, IntegersAndBooleans) {
  EXPECT_EQ(RoundTrip(oid::kInt4, " 42 "), "42");
  EXPECT_EQ(RoundTrip(oid::kInt8, "-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(RoundTrip(oid::kBool, "yes"), "t");
  EXPECT_EQ(RoundTrip(oid::kBool, "OFF"), "f");
  try {
    RoundTrip(oid::kInt4, "2147483648");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.state(), "22003");
  }
  try {
    RoundTrip(oid::kInt2, "abc");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.state(), "22P02");
  }
}

TEST(TextIo, FloatsUseShortestForm) {
  EXPECT_EQ(RoundTrip(oid::kFloat8, "0.1"), "0.1");
  EXPECT_EQ(RoundTrip(oid::kFloat8, "1e15"), "1e+15");
  EXPECT_EQ(RoundTrip(oid::kFloat8, "123456789012345"), "123456789012345");
  EXPECT_EQ(RoundTrip(oid::kFloat8, "0.0001"), "0.0001");
  EXPECT_EQ(RoundTrip(oid::kFloat8, "0.00001"), "1e-05");
  EXPECT_EQ(RoundTrip(oid::kFloat4, "1000000"), "1e+06");
  EXPECT_EQ(RoundTrip(oid::kFloat8, "-inf"), "-Infinity");
}

TEST(TextIo, NumericScaleAndTypmod) {
  EXPECT_EQ(RoundTrip(oid::kNumeric, "1.50"), "1.50");
  EXPECT_EQ(RoundTrip(oid::kNumeric, "1e3"), "1000");
  EXPECT_EQ(RoundTrip(oid::kNumeric, "2.345", ((5 << 16) | 2) + 4), "2.35");
  try {
    RoundTrip(oid::kNumeric, "1000", ((5 << 16) | 2) + 4);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.state(), "22003");
  }
}

TEST(Numeric, DivisionScaleMatchesPostgres) {
  Numeric a, b;
  Numeric::Parse("1", &a);
  Numeric::Parse("3", &b);
  EXPECT_EQ(a.Div(b).ToString(), "0.33333333333333333333");
  Numeric::Parse("10", &a);
  Numeric::Parse("4", &b);
  EXPECT_EQ(a.Div(b).ToString(), "2.5000000000000000");
}

TEST(TextIo, DatesTimesIntervals) {
  EXPECT_EQ(RoundTrip(oid::kDate, "2024-02-29"), "2024-02-29");
  EXPECT_EQ(RoundTrip(oid::kTimestamp, "2024-01-15T10:30:00.250"), "2024-01-15 10:30:00.25");
  EXPECT_EQ(RoundTrip(oid::kTimestamptz, "2024-01-15 10:30:00+02"), "2024-01-15 08:30:00+00");
  EXPECT_EQ(RoundTrip(oid::kInterval, "1 day 2 hours"), "1 day 02:00:00");
  EXPECT_EQ(RoundTrip(oid::kInterval, "-1 year 2 mons"), "-10 mons");
  try {
    RoundTrip(oid::kDate, "2024-02-30");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.state(), "22008");
  }
}

TEST(TextIo, ArraysAndUuid) {
  DateTimeContext dt;
  Type t(oid::kText, -1, true);
  EXPECT_EQ(FormatText(t, ParseText(t, "{a,\"b c\",NULL,\"\"}", dt), dt), "{a,\"b c\",NULL,\"\"}");
  EXPECT_EQ(RoundTrip(oid::kUuid, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
}

TEST(RowCodec, RoundTripsEveryKind) {
  Row r = {Value::Null(), Value::Bool(true), Value::Int(-5), Value::Float(2.5), Value::Str("x"),
           Value::Iv(Interval{1, 2, 3}), Value::Array({Value::Int(1), Value::Null()})};
  std::string bytes;
  EncodeRow(r, &bytes);
  Row back = DecodeRow(bytes);
  ASSERT_EQ(back.size(), r.size());
  EXPECT_TRUE(back[0].is_null());
  EXPECT_TRUE(back[1].b());
  EXPECT_EQ(back[2].i(), -5);
  EXPECT_EQ(back[3].f(), 2.5);
  EXPECT_EQ(back[4].s(), "x");
  EXPECT_EQ(back[5].iv().month, 3);
  EXPECT_EQ(back[6].arr().size(), 2u);
  EXPECT_THROW(DecodeRow(bytes.substr(0, bytes.size() - 3)), Error);
}

}  // namespace
}  // namespace tusk
