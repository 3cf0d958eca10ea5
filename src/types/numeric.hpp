// Arbitrary-precision decimal with PostgreSQL's numeric semantics: display scale travels with
// the value, results use PostgreSQL's scale rules (add: max scale, mul: sum of scales,
// div: select_div_scale), rounding is half away from zero.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

class Numeric {
 public:
  Numeric() = default;
  static Numeric FromInt(int64_t v);
  static Numeric FromDouble(double v, int digits);  // as PostgreSQL's "%.*g" conversion
  // Parses numeric input text ("-12.50", "1e5", "NaN"); returns false when malformed.
  static bool Parse(std::string_view text, Numeric* out);
  static Numeric NaN() { Numeric n; n.nan_ = true; return n; }

  std::string ToString() const;
  double ToDouble() const;
  // Rounds to an integer (half away from zero); false when it does not fit in int64.
  bool ToInt64(int64_t* out) const;

  bool is_nan() const { return nan_; }
  bool is_zero() const { return !nan_ && digits_.empty(); }
  bool is_negative() const { return neg_ && !is_zero(); }
  int scale() const { return scale_; }
  // Number of digits before the decimal point (0 for |x| < 1).
  int IntegerDigits() const;

  Numeric Add(const Numeric& o) const;
  Numeric Sub(const Numeric& o) const;
  Numeric Mul(const Numeric& o) const;
  // Division with PostgreSQL's result scale; throws 22012 on a zero divisor.
  Numeric Div(const Numeric& o) const;
  Numeric DivScale(const Numeric& o, int rscale) const;
  Numeric Mod(const Numeric& o) const;
  Numeric Neg() const;
  Numeric Abs() const;
  Numeric Round(int scale) const;  // half away from zero; negative scale rounds left of point
  Numeric Trunc(int scale) const;
  Numeric Floor() const;
  // Square root rounded to `scale` digits; throws 2201F for negative input.
  Numeric Sqrt(int scale) const;
  // this ^ exponent with PostgreSQL's result scale and its overflow (22003) and domain (2201F)
  // errors (numeric_power.cpp).
  Numeric Power(const Numeric& exponent) const;
  Numeric Ceil() const;
  int Compare(const Numeric& o) const;
  // Applies numeric(p,s): rounds to s, throws 22003 when more than p-s integer digits remain.
  Numeric ApplyTypmod(int32_t typmod) const;
  // PostgreSQL's select_div_scale for this / o.
  int DivScaleFor(const Numeric& o) const;

 private:
  void Normalize();
  Numeric DivInternal(const Numeric& o, int rscale, bool round) const;
  static int CompareAbs(const Numeric& a, const Numeric& b);
  static Numeric AddAbs(const Numeric& a, const Numeric& b);
  static Numeric SubAbs(const Numeric& a, const Numeric& b);  // |a| >= |b|
  std::string Aligned(int scale) const;  // digits padded to the given scale
  void Base10000Lead(int* weight, int* first) const;
  double Log10Abs() const;  // log10(|this|) from the leading digits; this is not zero
  Numeric PowerInt(int64_t exponent, int rscale) const;

  bool neg_ = false;
  bool nan_ = false;
  std::string digits_;  // decimal digits of the unscaled integer, no leading zeros; "" is zero
  int scale_ = 0;       // value = digits_ * 10^-scale_
};

}  // namespace tusk
