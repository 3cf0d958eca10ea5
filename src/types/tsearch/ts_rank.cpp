// ts_rank: how well a tsvector matches a tsquery, computed as PostgreSQL's tsrank.c computes
// it, in the same float (single precision) steps so that the results print alike: for a query
// whose top is & or <->, the proximity of each pair of its distinct operands' positions; for
// any other, each operand's occurrences weighted and damped. Then the normalizations the
// method's bits ask for. ts_rank_cd (cover density) is in ts_rank_cd.cpp.
#include <algorithm>
#include <cmath>

#include "function/registry.hpp"
#include "types/tsearch/ts_rank_shared.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
constexpr const float* kDefaultWeights = kTsRankDefaultWeights;

float WordDistance(int32_t w) {
  if (w > 100) return 1e-30f;
  return static_cast<float>(1.0 / (1.005 + 0.05 * std::exp(static_cast<float>(w) / 1.5 - 2)));
}

// The query's operands sorted by text, one per text (SortAndUniqItems).
std::vector<const TsQueryItem*> DistinctOperands(const TsQuery& q) {
  std::vector<const TsQueryItem*> items;
  for (const auto& it : q.items)
    if (it.op == TsOp::kOperand) items.push_back(&it);
  std::stable_sort(items.begin(), items.end(), [](const TsQueryItem* a, const TsQueryItem* b) { return CompareLexemes(a->word, b->word) < 0; });
  items.erase(std::unique(items.begin(), items.end(), [](const TsQueryItem* a, const TsQueryItem* b) { return a->word == b->word; }), items.end());
  return items;
}

float RankOr(const float* w, const TsVector& t, const TsQuery& q) {
  std::vector<const TsQueryItem*> items = DistinctOperands(q);
  const std::vector<uint16_t> no_positions = {0};  // a lexeme without positions counts once, as weight D
  float res = 0.0f;
  for (const TsQueryItem* item : items) {
    auto [first, n] = TsRankEntries(t, *item);
    for (size_t e = first; e < first + n; e++) {
      const auto& pos = t.lexemes[e].positions.empty() ? no_positions : t.lexemes[e].positions;
      float resj = 0.0f, wjm = -1.0f;
      int32_t jm = 0;
      for (int32_t j = 0; j < static_cast<int32_t>(pos.size()); j++) {
        float wj = w[TsWeight(pos[j])];
        resj = resj + wj / static_cast<float>((j + 1) * (j + 1));
        if (wj > wjm) {
          wjm = wj;
          jm = j;
        }
      }
      // sum(1/i^2) tends to pi^2/6: the occurrences' weights, the largest counted first
      res = static_cast<float>(res + (wjm + resj - wjm / static_cast<float>((jm + 1) * (jm + 1))) / 1.64493406685);
    }
  }
  if (!items.empty()) res = res / static_cast<float>(items.size());
  return res;
}

float RankAnd(const float* w, const TsVector& t, const TsQuery& q) {
  std::vector<const TsQueryItem*> items = DistinctOperands(q);
  if (items.size() < 2) return RankOr(w, t, q);
  // A lexeme without positions stands at the last position there is.
  const std::vector<uint16_t> no_positions = {TsMakePosition(kTsMaxPosition, 0)};
  std::vector<const std::vector<uint16_t>*> pos(items.size(), nullptr);
  float res = -1.0f;
  for (size_t i = 0; i < items.size(); i++) {
    auto [first, n] = TsRankEntries(t, *items[i]);
    for (size_t e = first; e < first + n; e++) {
      pos[i] = t.lexemes[e].positions.empty() ? &no_positions : &t.lexemes[e].positions;
      for (size_t k = 0; k < i; k++) {
        if (!pos[k]) continue;
        for (uint16_t pl : *pos[i]) {
          for (uint16_t pk : *pos[k]) {
            int32_t dist = std::abs(static_cast<int>(TsPosition(pl)) - static_cast<int>(TsPosition(pk)));
            if (!dist && pos[i] != &no_positions && pos[k] != &no_positions) continue;
            if (!dist) dist = kTsMaxPosition + 1;
            float product = w[TsWeight(pl)] * w[TsWeight(pk)] * WordDistance(dist);
            float curw = static_cast<float>(std::sqrt(product));
            res = res < 0 ? curw : static_cast<float>(1.0 - (1.0 - res) * (1.0 - curw));
          }
        }
      }
    }
  }
  return res;
}

float Rank(const float* w, const TsVector& t, const TsQuery& q, int method) {
  if (t.lexemes.empty() || q.empty()) return 0.0f;
  TsOp top = q.items[0].op;
  float res = top == TsOp::kAnd || top == TsOp::kPhrase ? RankAnd(w, t, q) : RankOr(w, t, q);
  if (res < 0) res = 1e-20f;
  if (method & kTsRankNormLogLength) res = static_cast<float>(res / (std::log(static_cast<double>(TsRankLength(t) + 1)) / std::log(2.0)));
  if (method & kTsRankNormLength) {
    int len = TsRankLength(t);
    if (len > 0) res /= static_cast<float>(len);
  }
  if (method & kTsRankNormUniq) res /= static_cast<float>(t.lexemes.size());
  if (method & kTsRankNormLogUniq) res = static_cast<float>(res / (std::log(static_cast<double>(t.lexemes.size() + 1)) / std::log(2.0)));
  if (method & kTsRankNormRdivRplus1) res /= (res + 1);
  return res;
}

Value RankValue(const float* w, const Value& vector, const Value& query, int method) {
  return Value::Float(Rank(w, DecodeTsVectorRemembered(vector.s()), DecodeTsQuery(query.s()), method));
}
}  // namespace

void RegisterTsRankFunctions() {
  const Type v(oid::kTsvector), q(oid::kTsquery), i4(oid::kInt4), f4(oid::kFloat4), f4s(oid::kFloat4, -1, true);
  Register("ts_rank", {v, q}, f4, [](const std::vector<Value>& a, EvalContext&) { return RankValue(kDefaultWeights, a[0], a[1], 0); });
  Register("ts_rank", {v, q, i4}, f4,
           [](const std::vector<Value>& a, EvalContext&) { return RankValue(kDefaultWeights, a[0], a[1], static_cast<int>(a[2].i())); });
  Register("ts_rank", {f4s, v, q}, f4,
           [](const std::vector<Value>& a, EvalContext&) { return RankValue(TsRankWeights(a[0]).data(), a[1], a[2], 0); });
  Register("ts_rank", {f4s, v, q, i4}, f4, [](const std::vector<Value>& a, EvalContext&) {
    return RankValue(TsRankWeights(a[0]).data(), a[1], a[2], static_cast<int>(a[3].i()));
  });
  RegisterTsRankCdFunctions();
}

}  // namespace tusk
