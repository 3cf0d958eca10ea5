#pragma once
// to_char(number, format) with PostgreSQL's numeric template patterns: 9 0 . D , G S MI PL SG PR
// FM RN TH L V EEEE (and B, C, SP, which print nothing), quoted literals.
#include <cstdint>
#include <string>

#include "types/numeric.hpp"

namespace tusk {

// How PostgreSQL's to_char variant for the argument's type turns it into digits: numeric and
// bigint in decimal; double precision, real and smallint through printf (binary rounding and
// DBL_DIG/FLT_DIG significant digits); integer exactly, except EEEE which goes through double.
enum class ToCharSource { kNumeric, kInt8, kInt4, kFloat8, kFloat4 };

struct ToCharNumber {
  ToCharSource source = ToCharSource::kNumeric;
  Numeric numeric;  // numeric, bigint, integer
  double real = 0;  // double precision, real, smallint
};

std::string NumberToChar(const std::string& format, const ToCharNumber& number);

// "st", "nd", "rd" or "th" for v, in upper case if asked.
std::string OrdinalSuffix(int64_t v, bool upper);

}  // namespace tusk
