// word_similarity and strict_word_similarity as pg_trgm's calc_word_similarity computes them:
// the text's trigrams in order, each numbered by its distinct value and marked when the
// pattern has it too; then one pass over the text that, at each trigram the pattern shares
// (strict: at each word end), takes the extent ending there and tries every later start (strict:
// word starts) for a better similarity. Floats as pg_trgm's, so that results print alike.
#include <algorithm>
#include <utility>

#include "types/trgm/trgm.hpp"

namespace tusk {

namespace {
float Ratio(int common, int a, int b) { return static_cast<float>(common) / static_cast<float>(a + b - common); }

float BestExtent(const std::vector<int>& text_ids, const std::vector<char>& in_pattern, int pattern_distinct,
                 const std::vector<uint8_t>& bounds, uint8_t flags, double threshold) {
  const bool strict = flags & kWordSimilarityStrict, check_only = flags & kWordSimilarityCheckOnly;
  std::vector<int> last_at(in_pattern.size(), -1);  // the last position of each trigram in the extent
  int distinct = 0, common = 0, upper = -1, lower = strict ? 0 : -1;
  float best = 0.0f;
  for (int i = 0; i < static_cast<int>(text_ids.size()); i++) {
    int id = text_ids[i];
    if (lower >= 0 || in_pattern[id]) {
      if (last_at[id] < 0) {
        distinct++;
        if (in_pattern[id]) common++;
      }
      last_at[id] = i;
    }
    if (!(strict ? (bounds[i] & kTrigramWordEnd) != 0 : in_pattern[id] != 0)) continue;
    upper = i;
    if (lower == -1) {
      lower = i;
      distinct = 1;
    }
    float current = Ratio(common, pattern_distinct, distinct);
    // Try later starts: dropping a trigram that does not occur again in the extent.
    int try_common = common, try_distinct = distinct, previous_lower = lower;
    for (int start = lower; start <= upper; start++) {
      if (!strict || (bounds[start] & kTrigramWordStart)) {
        float tried = Ratio(try_common, pattern_distinct, try_distinct);
        if (tried > current) {
          current = tried;
          distinct = try_distinct;
          lower = start;
          common = try_common;
        }
        if (check_only && current >= threshold) break;
      }
      int gone = text_ids[start];
      if (last_at[gone] == start) {
        try_distinct--;
        if (in_pattern[gone]) try_common--;
      }
    }
    best = std::max(best, current);
    if (check_only && best >= threshold) break;
    for (int start = previous_lower; start < lower; start++)
      if (last_at[text_ids[start]] == start) last_at[text_ids[start]] = -1;
  }
  return best;
}
}  // namespace

float WordSimilarity(std::string_view pattern, std::string_view text, uint8_t flags, double threshold) {
  std::vector<Trigram> p, t;
  std::vector<uint8_t> bounds;
  TextTrigramsInOrder(pattern, &p, nullptr);
  TextTrigramsInOrder(text, &t, (flags & kWordSimilarityStrict) ? &bounds : nullptr);
  if (p.empty() && t.empty()) return 0.0f;
  // Both sequences together, sorted by trigram (the pattern's, position -1, first): one pass
  // numbers the distinct trigrams and marks the pattern's.
  std::vector<std::pair<Trigram, int>> all;
  all.reserve(p.size() + t.size());
  for (Trigram x : p) all.emplace_back(x, -1);
  for (size_t i = 0; i < t.size(); i++) all.emplace_back(t[i], static_cast<int>(i));
  std::sort(all.begin(), all.end());
  std::vector<int> text_ids(t.size());
  std::vector<char> in_pattern(all.size(), 0);
  int id = 0, pattern_distinct = 0;
  for (size_t i = 0; i < all.size(); i++) {
    if (i > 0 && all[i - 1].first != all[i].first) {
      if (in_pattern[id]) pattern_distinct++;
      id++;
    }
    if (all[i].second >= 0) text_ids[all[i].second] = id;
    else in_pattern[id] = 1;
  }
  if (in_pattern[id]) pattern_distinct++;
  return BestExtent(text_ids, in_pattern, pattern_distinct, bounds, flags, threshold);
}

}  // namespace tusk
