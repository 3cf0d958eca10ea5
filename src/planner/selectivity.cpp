#include "planner/selectivity.hpp"

#include <algorithm>

#include "types/compare.hpp"

namespace tusk {

namespace {
bool Satisfies(int cmp, const std::string& op) {
  if (op == "=") return cmp == 0;
  if (op == "<") return cmp < 0;
  if (op == "<=") return cmp <= 0;
  if (op == ">") return cmp > 0;
  return cmp >= 0;
}

// A number standing for the value's position in its type's order, for interpolating inside a
// histogram bucket; nullopt for types without one (text: the bucket's middle is assumed).
std::optional<double> Position(const Value& v) {
  if (v.kind() == Value::Kind::kInt) return static_cast<double>(v.i());
  if (v.kind() == Value::Kind::kFloat) return v.f();
  return std::nullopt;
}

// The fraction of the histogram's values below v (or at most v when `inclusive`).
double HistogramBelow(const ColumnStatistics& c, const Value& v, bool inclusive) {
  const auto& b = c.histogram;
  const Type& t = c.type;
  const size_t n = b.size();
  if (CompareValues(t, v, b[0]) < 0) return 0;
  if (CompareValues(t, v, b[n - 1]) > 0 || (inclusive && CompareValues(t, v, b[n - 1]) == 0)) return 1;
  size_t i = 0;  // the bucket [b[i], b[i+1]) holding v
  while (i + 2 < n && CompareValues(t, v, b[i + 1]) >= 0) i++;
  double within = 0.5;
  auto lo = Position(b[i]), hi = Position(b[i + 1]), at = Position(v);
  if (lo && hi && at && *hi > *lo) within = std::clamp((*at - *lo) / (*hi - *lo), 0.0, 1.0);
  return (static_cast<double>(i) + within) / static_cast<double>(n - 1);
}
}  // namespace

std::optional<double> ComparisonSelectivity(const ColumnStatistics& c, double reltuples, const std::string& op,
                                            const Value& v) {
  if (v.is_null()) return 0.0;
  double mcv_total = 0, mcv_match = 0;
  for (size_t i = 0; i < c.mcv.size(); i++) {
    mcv_total += c.mcv_freqs[i];
    if (Satisfies(CompareValues(c.type, c.mcv[i], v), op)) mcv_match += c.mcv_freqs[i];
  }
  const double others = std::max(0.0, 1.0 - mcv_total - c.null_frac);
  if (op == "=") {
    if (mcv_match > 0) return mcv_match;
    double distinct = c.n_distinct > 0 ? c.n_distinct : -c.n_distinct * reltuples;
    double other_distinct = distinct - static_cast<double>(c.mcv.size());
    return other_distinct >= 1 ? others / other_distinct : others;
  }
  if (c.histogram.size() < 2) {
    if (others < 0.001) return mcv_match;  // the most common values are all there is
    return std::nullopt;
  }
  double below = HistogramBelow(c, v, op == "<=" || op == ">");
  double hist_match = op == "<" || op == "<=" ? below : 1 - below;
  return std::clamp(mcv_match + hist_match * others, 0.0, 1.0);
}

}  // namespace tusk
