// pg_trgm: text as the set of its trigrams (three-character runs of its words, lower-cased and
// padded with two spaces before and one after each word), and the similarities pg_trgm 1.6
// computes from them, step for step in float so that results print alike.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

// One trigram: three bytes (the characters themselves, or three bytes of the legacy CRC-32 of a
// run holding a multibyte character), packed so that comparing two Trigrams orders them as
// pg_trgm does (byte by byte as signed chars).
using Trigram = uint32_t;
Trigram PackTrigram(const char* bytes);
std::string TrigramBytes(Trigram t);  // its three bytes
// show_trgm's text for it: the characters when all three are ASCII letters, digits or spaces,
// else 0x and the bytes in hex.
std::string TrigramText(Trigram t);

// The sorted distinct trigrams of a text (generate_trgm).
std::vector<Trigram> TextTrigrams(std::string_view text);
// Its trigrams in text order, repeats kept; `bounds`, when given, gets per trigram whether it
// starts and whether it ends a word.
inline constexpr uint8_t kTrigramWordStart = 0x01, kTrigramWordEnd = 0x02;
void TextTrigramsInOrder(std::string_view text, std::vector<Trigram>* out, std::vector<uint8_t>* bounds);
// The sorted distinct trigrams every string matching a LIKE pattern holds (backslash escapes;
// a word next to % or _ is not padded on that side).
std::vector<Trigram> LikePatternTrigrams(std::string_view pattern);
// The trigrams every text containing `literal` holds (LIKE '%literal%' asks for these).
std::vector<Trigram> ContainedLiteralTrigrams(std::string_view literal);

// similarity(a, b): shared trigrams over all trigrams of either.
float TrigramSimilarity(std::string_view a, std::string_view b);
// Similarity of two sorted distinct sets; `inexact` treats b as no longer than what it shares.
float TrigramSetSimilarity(const std::vector<Trigram>& a, const std::vector<Trigram>& b, bool inexact = false);

// The thresholds the operators compare with (pg_trgm.*_threshold, as the session has them).
struct TrigramThresholds {
  double similarity = 0.3, word_similarity = 0.6, strict_word_similarity = 0.5;
};

enum WordSimilarityFlags : uint8_t {
  kWordSimilarityCheckOnly = 0x01,  // stop once the threshold is reached
  kWordSimilarityStrict = 0x02,     // extents start and end at word bounds
};
// word_similarity(pattern, text) and strict_word_similarity: the best similarity between the
// pattern's trigrams and a contiguous extent of the text's. `threshold` is only read with
// kWordSimilarityCheckOnly.
float WordSimilarity(std::string_view pattern, std::string_view text, uint8_t flags, double threshold = 0);

// The thresholds of the session evaluating (pg_trgm.similarity_threshold, ...).
struct EvalContext;
TrigramThresholds SessionTrigramThresholds(EvalContext& ctx);

// Registered at start-up (trgm_functions.cpp; gin_trgm_ops is access/gin's to call).
void RegisterTrigramFunctions();  // from function/builtins.cpp
void RegisterTrigramOperators();  // from binder/operator_registry.cpp

}  // namespace tusk
