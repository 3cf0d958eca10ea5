// Binary input (a Bind parameter in format 1) refuses what PostgreSQL's *recv functions refuse:
// the values found by the binary_input fuzz target (test/fuzz/findings/binary_input/).
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "types/binary_io.hpp"
#include "types/datetime.hpp"
#include "types/text_io.hpp"

namespace tusk {
namespace {

std::string BigEndian(uint64_t v, int bytes) {
  std::string s;
  for (int i = bytes - 1; i >= 0; i--) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return s;
}

std::string RefusalState(uint32_t type, const std::string& bytes) {
  try {
    DecodeBinary(Type(type), bytes);
  } catch (const Error& e) {
    return e.state();
  }
  return "accepted";
}

TEST(BinaryInput, DatesOutsidePostgresRangeAreRefused) {
  EXPECT_EQ(RefusalState(oid::kDate, BigEndian(0x7ffffffe, 4)), "22008");
  EXPECT_EQ(RefusalState(oid::kDate, BigEndian(static_cast<uint32_t>(kMinDate - 1), 4)), "22008");
  EXPECT_EQ(RefusalState(oid::kDate, BigEndian(static_cast<uint32_t>(kMinDate), 4)), "accepted");
  EXPECT_EQ(RefusalState(oid::kDate, BigEndian(0x7fffffff, 4)), "accepted");  // infinity
}

TEST(BinaryInput, TimesOutsideOneDayAreRefused) {
  EXPECT_EQ(RefusalState(oid::kTime, BigEndian(~0ULL, 8)), "22008");  // -1 microsecond
  EXPECT_EQ(RefusalState(oid::kTime, BigEndian(0x00ff00141dd76000ULL, 8)), "22008");
  EXPECT_EQ(RefusalState(oid::kTime, BigEndian(static_cast<uint64_t>(kUsecPerDay), 8)), "accepted");  // 24:00:00
}

TEST(BinaryInput, TimestampsOutsidePostgresRangeAreRefused) {
  for (uint32_t type : {oid::kTimestamp, oid::kTimestamptz}) {
    EXPECT_EQ(RefusalState(type, BigEndian(0x7fffff5bb3b2a000ULL, 8)), "22008");
    EXPECT_EQ(RefusalState(type, BigEndian(0x7ffffffffffffffdULL, 8)), "22008");
    EXPECT_EQ(RefusalState(type, BigEndian(0x8000000029000000ULL, 8)), "22008");
    EXPECT_EQ(RefusalState(type, BigEndian(static_cast<uint64_t>(kEndTimestamp - 1), 8)), "accepted");
    EXPECT_EQ(RefusalState(type, BigEndian(0x7fffffffffffffffULL, 8)), "accepted");  // infinity
  }
}

TEST(BinaryInput, SmallestRealDenormalReadsBackFromItsText) {
  DateTimeContext dt;
  Value v = DecodeBinary(Type(oid::kFloat4), BigEndian(1, 4));
  std::string text = FormatText(Type(oid::kFloat4), v, dt);
  EXPECT_EQ(text, "1e-45");
  EXPECT_EQ(ParseText(Type(oid::kFloat4), text, dt).f(), v.f());
}

TEST(BinaryInput, RegprocIsAnOid) {
  Value v = DecodeBinary(Type(oid::kRegproc), BigEndian(1242, 4));
  EXPECT_EQ(v.i(), 1242);
  EXPECT_EQ(EncodeBinary(Type(oid::kRegproc), v), BigEndian(1242, 4));
}

}  // namespace
}  // namespace tusk
