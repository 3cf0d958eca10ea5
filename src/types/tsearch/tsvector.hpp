// tsvector: a sorted set of lexemes, each with an optional list of positions (1..16383) that
// carry a weight (A, B, C or D). As PostgreSQL's tsvector.c defines it: lexemes sorted by
// bytes then length and unique, positions sorted and unique (the higher weight kept), at most
// 256 of them per lexeme.
//
// The stored form (the Value's string): varint lexeme count, then per lexeme: varint length,
// its bytes, varint position count, and each position as two little-endian bytes holding
// PostgreSQL's WordEntryPos (weight in the top two bits, 3 = A ... 0 = D).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

inline constexpr int kTsMaxLexemeBytes = 2047;  // MAXSTRLEN
inline constexpr int kTsMaxStringBytes = (1 << 20) - 1;  // MAXSTRPOS
inline constexpr int kTsMaxPosition = (1 << 14) - 1;
inline constexpr int kTsMaxPositions = 256;

inline uint16_t TsPosition(uint16_t wep) { return wep & 0x3fff; }
inline int TsWeight(uint16_t wep) { return wep >> 14; }
inline uint16_t TsMakePosition(int pos, int weight) { return static_cast<uint16_t>((weight << 14) | (pos & 0x3fff)); }

struct TsLexeme {
  std::string word;
  std::vector<uint16_t> positions;  // WordEntryPos values; empty when the lexeme has none
};

struct TsVector {
  std::vector<TsLexeme> lexemes;

  // Sorts the lexemes, merges duplicates and their positions as tsvector input does.
  void Normalize();
  // PostgreSQL's VARSIZE of this value: the first thing its btree order compares.
  size_t PgSize() const;
};

// PostgreSQL's lexeme order (tsCompareString without prefix): bytes, then the shorter first.
inline int CompareLexemes(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
// Sorts and de-duplicates positions the way tsvector input does (uniquePos).
void NormalizePositions(std::vector<uint16_t>* positions);

std::string EncodeTsVector(const TsVector& v);
// One lexeme of the stored form (EncodeTsVector's, and to_tsvector's, which builds it directly).
void AppendStoredLexeme(std::string_view word, const std::vector<uint16_t>& positions, std::string* out);
// PostgreSQL's size of the lexeme data so far (CALCDATASIZE less its headers) with one more
// lexeme of `word_bytes` and `positions`; past kTsMaxStringBytes a tsvector is too long.
inline size_t AddPgLexemeSize(size_t data, size_t word_bytes, size_t positions) {
  data += word_bytes;
  return positions ? ((data + 1) & ~size_t{1}) + 2 + 2 * positions : data;
}
[[noreturn]] void ThrowTsVectorTooLong(size_t bytes);
TsVector DecodeTsVector(std::string_view stored);
// The same, remembering this thread's last: `to_tsvector(c) @@ q` re-checked for an index and
// `ts_rank(to_tsvector(c), q)` for the same row read one stored value twice in a row. Valid
// until this thread's next call.
const TsVector& DecodeTsVectorRemembered(std::string_view stored);

// tsvector_in / tsvector_out, binary send / receive, btree order.
std::string ParseTsVectorText(std::string_view text);
std::string FormatTsVectorText(std::string_view stored);
std::string SendTsVector(std::string_view stored);
std::string ReceiveTsVector(std::string_view binary);
int CompareTsVectors(std::string_view a, std::string_view b);

}  // namespace tusk
