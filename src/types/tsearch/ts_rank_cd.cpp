// ts_rank_cd: cover density ranking, as PostgreSQL's tsrank.c computes it (calc_rank_cd).
// The document is reduced to the positions of the lexemes the query names, in order; a cover
// is a shortest stretch of them that satisfies the query (found by scanning forward to the
// first place the query holds, then back from there). Each cover adds the inverse mean of its
// words' inverse weights, divided by one plus the number of other words inside it. Computed
// in double and returned as real, like PostgreSQL, so that results print alike.
#include <algorithm>
#include <climits>
#include <cmath>

#include "function/registry.hpp"
#include "types/tsearch/ts_match.hpp"
#include "types/tsearch/ts_rank_shared.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {

// One position of the document that some query operands name: the position (with its
// weight), the lexeme there, and the query items that name it.
struct DocPlace {
  uint16_t pos;
  size_t lexeme;
  std::vector<size_t> items;
};

std::vector<DocPlace> DocPlaces(const TsVector& t, const TsQuery& q) {
  std::vector<DocPlace> raw;
  for (size_t i = 0; i < q.items.size(); i++) {
    const TsQueryItem& item = q.items[i];
    if (item.op != TsOp::kOperand) continue;
    auto [first, n] = TsRankEntries(t, item);
    for (size_t e = first; e < first + n; e++)  // lexemes without positions are left out
      for (uint16_t p : t.lexemes[e].positions)
        if (item.weight == 0 || (item.weight & (1 << TsWeight(p)))) raw.push_back({p, e, {i}});
  }
  std::sort(raw.begin(), raw.end(), [](const DocPlace& a, const DocPlace& b) {
    if (TsPosition(a.pos) != TsPosition(b.pos)) return TsPosition(a.pos) < TsPosition(b.pos);
    if (TsWeight(a.pos) != TsWeight(b.pos)) return TsWeight(a.pos) < TsWeight(b.pos);
    return a.lexeme < b.lexeme;
  });
  std::vector<DocPlace> doc;
  for (auto& r : raw) {
    if (!doc.empty() && doc.back().pos == r.pos && doc.back().lexeme == r.lexeme) doc.back().items.push_back(r.items[0]);
    else doc.push_back(std::move(r));
  }
  return doc;
}

// What the query sees while a stretch of the document is scanned: per query item, whether its
// operand was met and at which positions (in the order they were met).
class Scan {
 public:
  explicit Scan(const TsQuery& q) : q_(q), seen_(q.items.size()) {}

  void Reset(bool backwards) {
    backwards_ = backwards;
    for (auto& s : seen_) s.clear();
  }
  void Add(const DocPlace& place) {
    for (size_t i : place.items) {
      auto& s = seen_[i];
      if (s.empty() || TsPosition(s.back()) != TsPosition(place.pos)) s.push_back(place.pos);
    }
  }
  bool Holds() const {
    return TsExecuteWith(q_, [this](size_t index, std::vector<uint16_t>* positions) {
      const auto& s = seen_[index];
      if (s.empty()) return TsTernary::kNo;
      if (positions) {
        if (backwards_) positions->assign(s.rbegin(), s.rend());
        else *positions = s;
      }
      return TsTernary::kYes;
    });
  }

 private:
  const TsQuery& q_;
  std::vector<std::vector<uint16_t>> seen_;
  bool backwards_ = false;
};

struct CoverState {
  int next = 0;  // where the search for the next cover starts
  int p = 0, q = 0;  // the cover's first and last positions
  int begin = 0, end = 0;  // its first and last places
};

// The next cover from state.next on (PostgreSQL's Cover).
bool NextCover(const std::vector<DocPlace>& doc, Scan& scan, CoverState& c) {
  const int len = static_cast<int>(doc.size());
  for (;;) {
    int last = c.next;
    bool found = false;
    scan.Reset(false);
    c.p = INT_MAX;
    c.q = 0;
    for (int k = c.next; k < len; k++) {
      scan.Add(doc[k]);
      if (scan.Holds()) {
        if (TsPosition(doc[k].pos) > c.q) {
          c.q = TsPosition(doc[k].pos);
          c.end = k;
          last = k;
          found = true;
        }
        break;
      }
    }
    if (!found) return false;
    scan.Reset(true);
    int k = last;
    for (; k >= c.next; k--) {
      scan.Add(doc[k]);
      if (scan.Holds()) {
        if (TsPosition(doc[k].pos) < c.p) {
          c.begin = k;
          c.p = TsPosition(doc[k].pos);
        }
        break;
      }
    }
    if (c.p <= c.q) {
      c.next = k + 1;
      return true;
    }
    c.next++;
  }
}

float RankCd(const float* w, const TsVector& t, const TsQuery& q, int method) {
  double inverse[4];
  for (int i = 0; i < 4; i++) inverse[i] = 1.0 / static_cast<double>(w[i]);
  std::vector<DocPlace> doc = DocPlaces(t, q);
  if (doc.empty()) return 0.0f;

  Scan scan(q);
  CoverState c;
  double wdoc = 0.0, sum_dist = 0.0, prev_center = 0.0;
  int extents = 0;
  while (NextCover(doc, scan, c)) {
    double inv_sum = 0.0;
    for (int k = c.begin; k <= c.end; k++) inv_sum += inverse[TsWeight(doc[k].pos)];
    double cpos = static_cast<double>(c.end - c.begin + 1) / inv_sum;
    // A big document's positions saturate at the last one: then guess half the cover is noise.
    int noise = (c.q - c.p) - (c.end - c.begin);
    if (noise < 0) noise = (c.end - c.begin) / 2;
    wdoc += cpos / static_cast<double>(1 + noise);
    double center = static_cast<double>(c.q + c.p) / 2.0;
    if (extents > 0 && center > prev_center) sum_dist += 1.0 / (center - prev_center);
    prev_center = center;
    extents++;
  }

  const bool nonempty = !t.lexemes.empty();
  if ((method & kTsRankNormLogLength) && nonempty) wdoc /= std::log(static_cast<double>(TsRankLength(t) + 1));
  if (method & kTsRankNormLength) {
    int len = TsRankLength(t);
    if (len > 0) wdoc /= static_cast<double>(len);
  }
  if ((method & kTsRankNormExtDist) && extents > 0 && sum_dist > 0) wdoc /= static_cast<double>(extents) / sum_dist;
  if ((method & kTsRankNormUniq) && nonempty) wdoc /= static_cast<double>(t.lexemes.size());
  if ((method & kTsRankNormLogUniq) && nonempty) wdoc /= std::log(static_cast<double>(t.lexemes.size() + 1)) / std::log(2.0);
  if (method & kTsRankNormRdivRplus1) wdoc /= (wdoc + 1);
  return static_cast<float>(wdoc);
}

Value RankCdValue(const float* w, const Value& vector, const Value& query, int method) {
  return Value::Float(RankCd(w, DecodeTsVector(vector.s()), DecodeTsQuery(query.s()), method));
}

}  // namespace

void RegisterTsRankCdFunctions() {
  const Type v(oid::kTsvector), q(oid::kTsquery), i4(oid::kInt4), f4(oid::kFloat4), f4s(oid::kFloat4, -1, true);
  const float* def = kTsRankDefaultWeights;
  Register("ts_rank_cd", {v, q}, f4, [def](const std::vector<Value>& a, EvalContext&) { return RankCdValue(def, a[0], a[1], 0); });
  Register("ts_rank_cd", {v, q, i4}, f4, [def](const std::vector<Value>& a, EvalContext&) {
    return RankCdValue(def, a[0], a[1], static_cast<int>(a[2].i()));
  });
  Register("ts_rank_cd", {f4s, v, q}, f4,
           [](const std::vector<Value>& a, EvalContext&) { return RankCdValue(TsRankWeights(a[0]).data(), a[1], a[2], 0); });
  Register("ts_rank_cd", {f4s, v, q, i4}, f4, [](const std::vector<Value>& a, EvalContext&) {
    return RankCdValue(TsRankWeights(a[0]).data(), a[1], a[2], static_cast<int>(a[3].i()));
  });
}

}  // namespace tusk
