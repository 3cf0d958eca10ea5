// numeric ^ numeric, as PostgreSQL's power_var: integer exponents that fit in 32 bits multiply
// out by repeated squaring at a working precision just wide enough for the result's scale; other
// exponents go through exp(y * ln x), which here is long double arithmetic (19 significant
// digits, docs/compatibility.md). Results that would overflow numeric's range (10^131072) fail
// with 22003 before any work is done; ones that underflow it are zero.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "common/error.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {
constexpr int kMinSigDigits = 16;      // NUMERIC_MIN_SIG_DIGITS
constexpr int kMaxDisplayScale = 1000;  // NUMERIC_MAX_DISPLAY_SCALE
constexpr int kMaxWeight = 32767;  // NUMERIC_WEIGHT_MAX, in base-10000 digits

[[noreturn]] void Overflow() { throw Error("22003", "value overflows numeric format"); }

Numeric ZeroWithScale(int scale) { return Numeric::FromInt(0).Round(scale); }
}  // namespace

double Numeric::Log10Abs() const {
  double lead = 0;
  size_t n = std::min<size_t>(digits_.size(), 17);
  for (size_t i = 0; i < n; i++) lead = lead * 10 + (digits_[i] - '0');
  // value = lead * 10^(size - n - scale)
  return std::log10(lead) + static_cast<double>(static_cast<int64_t>(digits_.size()) - static_cast<int64_t>(n) - scale_);
}

Numeric Numeric::PowerInt(int64_t exponent, int rscale) const {
  Numeric one = FromInt(1);
  switch (exponent) {
    case 0: return one.Round(rscale);
    case 1: return Round(rscale);
    case -1: return one.DivScale(*this, rscale);
    case 2: return Mul(*this).Round(rscale);
    default: break;
  }
  if (is_zero()) {
    if (exponent < 0) throw Error("22012", "division by zero");
    return ZeroWithScale(rscale);
  }
  // Decimal weight of the result, to size the working precision.
  double f = static_cast<double>(exponent) * Log10Abs();
  // Past numeric's largest weight the result overflows however it is rounded: say so before
  // multiplying (PostgreSQL finds out during the multiplications).
  if (f > 4.0 * (kMaxWeight + 1) + 1) Overflow();
  if (f + 1 < -rscale || f + 1 < -kMaxDisplayScale) return ZeroWithScale(rscale);
  // The multiplications may each lose a digit; log(|exponent|) guard digits cover them.
  int sig_digits = 1 + rscale + static_cast<int>(f) + static_cast<int>(std::log(std::fabs(static_cast<double>(exponent)))) + 8;
  // PostgreSQL's weight: the power of 10000 of the leading base-10000 digit.
  auto weight = [](const Numeric& v) {
    int e10 = static_cast<int>(v.digits_.size()) - 1 - v.scale_;
    return e10 >= 0 ? e10 / 4 : -((-e10 + 3) / 4);
  };
  auto multiply = [&](const Numeric& a, const Numeric& b) {
    int local = sig_digits - (weight(a) + weight(b)) * 4;
    local = std::max(std::min(local, a.scale_ + b.scale_), 0);
    return a.Mul(b).Round(local);
  };
  bool invert = exponent < 0;
  uint64_t mask = invert ? static_cast<uint64_t>(-exponent) : static_cast<uint64_t>(exponent);
  Numeric base_prod = Abs();
  Numeric result = (mask & 1) ? base_prod : one;
  while ((mask >>= 1) > 0) {
    base_prod = multiply(base_prod, base_prod);
    if (mask & 1) result = multiply(base_prod, result);
    // Past numeric's range the final result certainly overflows (or, inverted, underflows).
    if (weight(base_prod) > kMaxWeight || weight(result) > kMaxWeight) {
      if (!invert) Overflow();
      return ZeroWithScale(rscale);
    }
  }
  if (neg_ && (static_cast<uint64_t>(exponent < 0 ? -exponent : exponent) & 1)) result = result.Neg();
  return invert ? one.DivScale(result, rscale) : result.Round(rscale);
}

Numeric Numeric::Power(const Numeric& y) const {
  // NaN, as PostgreSQL: NaN ^ 0 = 1 ^ NaN = 1, otherwise NaN.
  if (nan_ || y.nan_) return (nan_ ? (!y.nan_ && y.is_zero()) : Compare(FromInt(1)) == 0) ? FromInt(1) : NaN();
  if (is_zero() && y.is_negative()) throw Error("2201F", "zero raised to a negative power is undefined");
  bool integral = y.Compare(y.Trunc(0)) == 0;
  if (is_negative() && !integral)
    throw Error("2201F", "a negative number raised to a non-integer power yields a complex result");
  int64_t yi = 0;
  if (integral && y.ToInt64(&yi) && yi >= INT32_MIN && yi <= INT32_MAX)
    return PowerInt(yi, std::min(std::max(kMinSigDigits, scale_), kMaxDisplayScale));
  if (is_zero()) return ZeroWithScale(kMinSigDigits);
  bool negate = is_negative() && y.Trunc(0).Mod(FromInt(2)).Compare(FromInt(0)) != 0;
  // ln of the result, in long double (exponents to 10^4932): y * ln|x|, with ln|x| from
  // log1p(|x| - 1) near 1, where |x| itself would round to 1 (1 - 1.5e-1000).
  Numeric ax = Abs();
  Numeric near_one = ax.Sub(FromInt(1));
  long double lnx;
  if (near_one.Abs().Compare(FromInt(1).DivScale(FromInt(1000), 3)) < 0)
    lnx = std::log1p(std::strtold(near_one.ToString().c_str(), nullptr));
  else
    lnx = static_cast<long double>(ax.Log10Abs()) * std::log(10.0L);
  long double ly = std::strtold(y.ToString().c_str(), nullptr);
  long double ln_result = lnx == 0 ? 0 : ly * lnx;
  if (std::fabs(ln_result) > kMaxDisplayScale * 3.01L) {
    if (ln_result > 0) Overflow();
    return ZeroWithScale(kMaxDisplayScale);
  }
  double weight = static_cast<double>(ln_result) * 0.434294481903252;
  int rscale = std::min(std::max({kMinSigDigits - static_cast<int>(weight), scale_, y.scale_, 0}), kMaxDisplayScale);
  // pow is exact where it can be (4 ^ 0.5); exp(y ln x) covers what pow cannot represent.
  long double base = std::strtold(ax.ToString().c_str(), nullptr);
  long double r = std::isnormal(base) && std::fabs(base - 1) > 1e-3L ? std::pow(base, ly) : std::exp(ln_result);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.19Lg", r);
  Numeric n;
  Parse(buf, &n);
  n = n.Round(rscale);
  return negate ? n.Neg() : n;
}

}  // namespace tusk
