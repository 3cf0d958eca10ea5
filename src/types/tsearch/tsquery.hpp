// tsquery: a tree of lexeme operands (with a weight mask and a prefix flag) under the
// operators ! (NOT), & (AND), | (OR) and <N> (FOLLOWED BY, N = 0..16384), kept exactly as
// it was parsed, as PostgreSQL's tsquery.c keeps it.
//
// Items are in PostgreSQL's order: an operator, then its right operand's subtree, then its
// left operand's subtree (`left` is the distance from the operator to its left operand); NOT's
// operand follows it. The stored form (the Value's string): varint item count, then per item a
// tag byte (0 operand, 1 NOT, 2 AND, 3 OR, 4 PHRASE) followed, for an operand, by its weight
// mask, prefix flag, varint length and bytes, and for an operator by varint distance and
// varint left.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk {

// kStop stands, while a query is being built, where a stop word was (to_tsquery); it never
// stays in a finished query.
enum class TsOp : uint8_t { kOperand = 0, kNot = 1, kAnd = 2, kOr = 3, kPhrase = 4, kStop = 5 };

inline constexpr int kTsMaxPhraseDistance = 16384;

struct TsQueryItem {
  TsOp op = TsOp::kOperand;
  std::string word;     // operand
  uint8_t weight = 0;   // operand: A = 8, B = 4, C = 2, D = 1; 0 = any
  bool prefix = false;  // operand: word:*
  uint16_t distance = 0;  // PHRASE
  uint32_t left = 0;      // binary operators: offset of the left operand
};

struct TsQuery {
  std::vector<TsQueryItem> items;  // empty: the empty query
  bool empty() const { return items.empty(); }
};

std::string EncodeTsQuery(const TsQuery& q);
TsQuery DecodeTsQuery(std::string_view stored);

// Builds a query of `op` over a and b (NOT: a only), as the tsquery operators do.
TsQuery CombineTsQueries(TsOp op, const TsQuery& a, const TsQuery* b, int distance = 1);
// Sets the left offsets of items listed operator-first, right operand before left.
void LinkTsQuery(TsQuery* q);

// What the tsquery parser emits, in postfix order: operands, operators, stop-word places.
class TsQueryBuilder {
 public:
  explicit TsQueryBuilder(std::string_view text) : text_(text) {}
  void PushValue(std::string word, uint8_t weight, bool prefix);
  void PushOperator(TsOp op, uint16_t distance);
  void PushStop();
  std::vector<TsQueryItem> polish;
  bool stops = false;

 private:
  std::string_view text_;  // the whole input, for error messages
  size_t offset_ = 0;      // bytes of the operands so far, each with its NUL (PostgreSQL's limit)
};
// How an operand of the text becomes items: to_tsquery runs it through a configuration.
using TsOperandFn = std::function<void(TsQueryBuilder& out, const std::string& operand, uint8_t weight, bool prefix)>;
// How the text is read: tsquery's syntax; the whole text as one operand (plainto_tsquery);
// a web search's (words, "quoted phrases", or, -word, other punctuation ignored).
enum class TsQuerySyntax { kStandard, kPlain, kWeb };
// Reads tsquery text; `operand` null: operands as written (tsquery input). Stop-word places are
// removed afterwards, with
// PostgreSQL's phrase-distance corrections and NOTICE when nothing is left.
TsQuery ParseTsQuery(std::string_view text, const TsOperandFn* operand, TsQuerySyntax syntax);

// tsquery_in / tsquery_out (the whole tree, or the subtree at `root`), binary I/O, btree order.
std::string ParseTsQueryText(std::string_view text);
std::string FormatTsQuery(const TsQuery& q, size_t root = 0);
std::string FormatTsQueryText(std::string_view stored);
std::string SendTsQuery(std::string_view stored);
std::string ReceiveTsQuery(std::string_view binary);
int CompareTsQueries(std::string_view a, std::string_view b);

// PostgreSQL's legacy CRC-32 of an operand, and its VARSIZE of a query: what the btree order
// compares first.
int32_t TsQueryOperandCrc(std::string_view word);
size_t TsQueryPgSize(const TsQuery& q);

// querytree(): the query without its NOT branches, "T" when nothing is left.
std::string TsQueryTree(const TsQuery& q);

}  // namespace tusk
