// What ts_rank and ts_rank_cd share: the default weights, the reading of a weights array
// (with PostgreSQL's errors for a bad one), the lexemes a query operand names, and the
// document length the normalizations divide by.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"
#include "types/value.hpp"

namespace tusk {

inline constexpr float kTsRankDefaultWeights[4] = {0.1f, 0.2f, 0.4f, 1.0f};  // D, C, B, A

// The normalization bits of the method argument.
inline constexpr int kTsRankNormLogLength = 0x01, kTsRankNormLength = 0x02, kTsRankNormExtDist = 0x04,
                     kTsRankNormUniq = 0x08, kTsRankNormLogUniq = 0x10, kTsRankNormRdivRplus1 = 0x20;

// The weights array of the forms that take one: {D, C, B, A}, a negative one meaning the default.
inline std::vector<float> TsRankWeights(const Value& array) {
  if (array.array_ndim() != 1) throw Error(sqlstate::kArraySubscriptError, "array of weight must be one-dimensional");
  const auto& items = array.arr();
  if (items.size() < 4) throw Error(sqlstate::kArraySubscriptError, "array of weight is too short");
  for (const Value& v : items)
    if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "array of weight must not contain nulls");
  std::vector<float> w(4);
  for (size_t i = 0; i < 4; i++) {
    float given = static_cast<float>(items[i].f());
    w[i] = given >= 0 ? given : kTsRankDefaultWeights[i];
    if (w[i] > 1.0f) throw Error(sqlstate::kInvalidParameterValue, "weight out of range");
  }
  return w;
}

// The lexemes an operand names, as [first, first + n): the one equal to it, or with :* every
// one it begins.
inline std::pair<size_t, size_t> TsRankEntries(const TsVector& t, const TsQueryItem& item) {
  const auto& lx = t.lexemes;
  size_t first = std::lower_bound(lx.begin(), lx.end(), item.word,
                                  [](const TsLexeme& l, const std::string& w) { return CompareLexemes(l.word, w) < 0; }) -
                 lx.begin();
  if (!item.prefix) return {first, first < lx.size() && lx[first].word == item.word ? 1 : 0};
  size_t n = 0;
  while (first + n < lx.size() && lx[first + n].word.compare(0, item.word.size(), item.word) == 0) n++;
  return {first, n};
}

// The document's length: its positions, a lexeme without any counting once.
inline int TsRankLength(const TsVector& t) {
  int len = 0;
  for (const auto& l : t.lexemes) len += l.positions.empty() ? 1 : static_cast<int>(l.positions.size());
  return len;
}

}  // namespace tusk
