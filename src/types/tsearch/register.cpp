// tsvector's and tsquery's hooks: how their values are read, written, sent, ordered and
// hashed, and the btree keys that keep their order.
#include <functional>

#include "common/keycodec.hpp"
#include "common/stack_depth.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"
#include "types/type.hpp"
#include "types/type_hooks.hpp"

namespace tusk {

namespace {
void Append16(uint16_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xff));
}

// A key whose bytes sort as CompareTsVectors orders: size, count, then per lexeme whether it
// has positions (those first), its bytes, its position count (more first), its positions
// (larger first).
void TsVectorKey(std::string_view stored, std::string* out) {
  TsVector v = DecodeTsVector(stored);
  AppendUint32BE(static_cast<uint32_t>(v.PgSize()), out);
  AppendUint32BE(static_cast<uint32_t>(v.lexemes.size()), out);
  for (const auto& l : v.lexemes) {
    out->push_back(l.positions.empty() ? 1 : 0);
    *out += l.word;  // lexemes hold no NUL: the NUL ends it, and a shorter one sorts first
    out->push_back('\0');
    if (l.positions.empty()) continue;
    Append16(static_cast<uint16_t>(~l.positions.size()), out);
    for (uint16_t p : l.positions) Append16(static_cast<uint16_t>(~((TsPosition(p) << 2) | TsWeight(p))), out);
  }
}

// CompareTsQueries as bytes: item count, size, then the tree depth first as the comparison
// walks it (an operator before an operand, larger operator codes first; operands by their
// CRC, larger first, then bytes; a phrase's distance, larger first, after its operands).
void TsQueryItemKey(const TsQuery& q, size_t i, std::string* out) {
  CheckStackDepth();  // a tree read in binary form may be deep
  const TsQueryItem& it = q.items[i];
  if (it.op == TsOp::kOperand) {
    out->push_back(10);
    uint32_t crc = static_cast<uint32_t>(TsQueryOperandCrc(it.word)) ^ 0x80000000u;
    AppendUint32BE(~crc, out);
    *out += it.word;
    out->push_back('\0');
    return;
  }
  out->push_back(static_cast<char>(4 - static_cast<int>(it.op)));
  TsQueryItemKey(q, i + 1, out);
  if (it.op == TsOp::kNot) return;
  TsQueryItemKey(q, i + it.left, out);
  if (it.op == TsOp::kPhrase) Append16(static_cast<uint16_t>(~it.distance), out);
}

void TsQueryKey(std::string_view stored, std::string* out) {
  TsQuery q = DecodeTsQuery(stored);
  AppendUint32BE(static_cast<uint32_t>(q.items.size()), out);
  AppendUint32BE(static_cast<uint32_t>(TsQueryPgSize(q)), out);
  if (!q.empty()) TsQueryItemKey(q, 0, out);
}

size_t HashBytes(std::string_view stored) { return std::hash<std::string_view>()(stored); }

// Equal tsqueries have equal keys (weights and prefixes do not count), so the key is what is
// hashed.
template <void (*Key)(std::string_view, std::string*)>
size_t HashByKey(std::string_view stored) {
  std::string key;
  Key(stored, &key);
  return std::hash<std::string>()(key);
}
}  // namespace

void RegisterTextSearchTypes() {
  TypeHooks tsvector;
  tsvector.parse_text = ParseTsVectorText;
  tsvector.format_text = FormatTsVectorText;
  tsvector.send = SendTsVector;
  tsvector.recv = ReceiveTsVector;
  tsvector.compare = CompareTsVectors;
  tsvector.hash = HashBytes;  // the stored form is canonical: equal values, equal bytes
  tsvector.encode_key = TsVectorKey;
  RegisterTypeHooks(oid::kTsvector, tsvector);

  TypeHooks tsquery;
  tsquery.parse_text = ParseTsQueryText;
  tsquery.format_text = FormatTsQueryText;
  tsquery.send = SendTsQuery;
  tsquery.recv = ReceiveTsQuery;
  tsquery.compare = CompareTsQueries;
  tsquery.hash = HashByKey<TsQueryKey>;
  tsquery.encode_key = TsQueryKey;
  RegisterTypeHooks(oid::kTsquery, tsquery);
}

}  // namespace tusk
