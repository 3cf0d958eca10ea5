// libFuzzer target: pg_trgm (types/trgm). The input is a text and a pattern (byte 0 says where
// the split is, byte 1 bit 0 case-insensitivity); both must be UTF-8, as text values are. Checks:
//   - similarity and word similarities lie in [0, 1], and a text with trigrams is 1 to itself;
//   - the index may only narrow, never lose a row: when the text matches the pattern as LIKE /
//     ILIKE, it holds every trigram LikePatternTrigrams asks for; when it matches it as a regular
//     expression, it satisfies the literals RegexRequiredLiterals says every match contains
//     (each literal's trigrams, as gin_trgm_ops asks for them).
// tusk::Error with a SQLSTATE (a bad pattern) is the expected refusal; anything else is a finding.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "binder/operators_impl.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "findings.hpp"
#include "function/regex_engine.hpp"
#include "types/trgm/regex_literals.hpp"
#include "types/trgm/trgm.hpp"

namespace {

using namespace tusk;

bool Holds(const std::vector<Trigram>& have, const std::vector<Trigram>& need) {
  return std::includes(have.begin(), have.end(), need.begin(), need.end());
}

bool Satisfies(const std::vector<Trigram>& have, const RegexLiterals& r) {
  switch (r.kind) {
    case RegexLiterals::Kind::kNothing: return true;
    case RegexLiterals::Kind::kLiteral: return Holds(have, ContainedLiteralTrigrams(r.literal));
    case RegexLiterals::Kind::kAll:
      return std::all_of(r.children.begin(), r.children.end(), [&](const RegexLiterals& c) { return Satisfies(have, c); });
    case RegexLiterals::Kind::kAny:
      return std::any_of(r.children.begin(), r.children.end(), [&](const RegexLiterals& c) { return Satisfies(have, c); });
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string all(reinterpret_cast<const char*>(data + 2), size - 2);
  size_t split = std::min<size_t>(data[0], all.size());
  const bool icase = data[1] & 1;
  std::string text = all.substr(0, split), pattern = all.substr(split);
  try {
    VerifyUtf8(text);
    VerifyUtf8(pattern);
  } catch (const Error&) {
    return 0;
  }
  std::vector<Trigram> have = TextTrigrams(text);
  float values[] = {TrigramSimilarity(text, pattern), WordSimilarity(pattern, text, 0),
                    WordSimilarity(pattern, text, kWordSimilarityStrict)};
  for (float v : values)
    if (!(v >= 0.0f && v <= 1.0f)) fuzz::Finding("similarity out of [0, 1]: " + std::to_string(v));
  if (!have.empty() && TrigramSimilarity(text, text) != 1.0f) fuzz::Finding("similarity of a text to itself is not 1");
  try {
    if (LikeMatch(text, pattern, icase) && !Holds(have, LikePatternTrigrams(pattern)))
      fuzz::Finding("LIKE matches a text without the pattern's trigrams: " + pattern);
  } catch (const Error& e) {
    fuzz::CheckState(e);
  }
  try {
    RegexLiterals need = RegexRequiredLiterals(pattern);
    if (RegexSearch(*CompileRegex(pattern, icase), text, nullptr) && !Satisfies(have, need))
      fuzz::Finding("a regular expression matches a text without its required literals: " + pattern);
  } catch (const Error& e) {
    fuzz::CheckState(e);
  }
  return 0;
}
