#include "types/tsearch/tsvector.hpp"

#include <algorithm>
#include <cstring>

#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "common/strings.hpp"
#include "types/tsearch/ts_wire.hpp"
#include "types/tsearch/tsvector_parser.hpp"

namespace tusk {

void NormalizePositions(std::vector<uint16_t>* positions) {
  auto& p = *positions;
  if (p.size() <= 1) return;
  std::stable_sort(p.begin(), p.end(), [](uint16_t a, uint16_t b) { return TsPosition(a) < TsPosition(b); });
  // As uniquePos: one entry per position with the highest weight given; the list stops at 256
  // entries or at the last position there is.
  size_t kept = 0;
  for (size_t i = 1; i < p.size(); i++) {
    if (TsPosition(p[i]) != TsPosition(p[kept])) {
      p[++kept] = p[i];
      if (kept >= kTsMaxPositions - 1 || TsPosition(p[kept]) == kTsMaxPosition) break;
    } else if (TsWeight(p[i]) > TsWeight(p[kept])) {
      p[kept] = TsMakePosition(TsPosition(p[kept]), TsWeight(p[i]));
    }
  }
  p.resize(kept + 1);
}

void TsVector::Normalize() {
  std::stable_sort(lexemes.begin(), lexemes.end(),
                   [](const TsLexeme& a, const TsLexeme& b) { return CompareLexemes(a.word, b.word) < 0; });
  size_t kept = 0;
  for (size_t i = 0; i < lexemes.size(); i++) {
    if (i == 0 || lexemes[i].word != lexemes[kept].word) {
      if (i) kept++;
      if (kept != i) lexemes[kept] = std::move(lexemes[i]);
    } else {
      auto& to = lexemes[kept].positions;
      to.insert(to.end(), lexemes[i].positions.begin(), lexemes[i].positions.end());
    }
  }
  if (!lexemes.empty()) lexemes.resize(kept + 1);
  for (auto& l : lexemes) NormalizePositions(&l.positions);
}

size_t TsVector::PgSize() const {
  // CALCDATASIZE: a varlena header and the entry count, four bytes per entry, then each
  // lexeme's bytes followed, when it has positions, by a 2-byte aligned count and positions.
  size_t data = 0;
  for (const auto& l : lexemes) data = AddPgLexemeSize(data, l.word.size(), l.positions.size());
  return 8 + 4 * lexemes.size() + data;
}

void AppendStoredLexeme(std::string_view word, const std::vector<uint16_t>& positions, std::string* out) {
  AppendVarint(word.size(), out);
  *out += word;
  AppendVarint(positions.size(), out);
  for (uint16_t p : positions) {
    out->push_back(static_cast<char>(p & 0xff));
    out->push_back(static_cast<char>(p >> 8));
  }
}

void ThrowTsVectorTooLong(size_t bytes) {
  throw Error(sqlstate::kProgramLimitExceeded, "string is too long for tsvector (" + std::to_string(bytes) + " bytes, max " +
                                                   std::to_string(kTsMaxStringBytes) + " bytes)");
}

std::string EncodeTsVector(const TsVector& v) {
  std::string out;
  AppendVarint(v.lexemes.size(), &out);
  for (const auto& l : v.lexemes) AppendStoredLexeme(l.word, l.positions, &out);
  return out;
}

TsVector DecodeTsVector(std::string_view in) {
  TsVector v;
  uint64_t n = 0;
  auto corrupt = [] { return Error(sqlstate::kDataCorrupted, "corrupt tsvector value"); };
  if (!ReadVarint(&in, &n)) throw corrupt();
  v.lexemes.resize(std::min<uint64_t>(n, in.size()));
  for (uint64_t i = 0; i < n; i++) {
    if (i >= v.lexemes.size()) throw corrupt();
    uint64_t len = 0, npos = 0;
    if (!ReadVarint(&in, &len) || len > in.size()) throw corrupt();
    v.lexemes[i].word.assign(in.substr(0, len));
    in.remove_prefix(len);
    if (!ReadVarint(&in, &npos) || npos * 2 > in.size()) throw corrupt();
    auto& pos = v.lexemes[i].positions;
    pos.resize(npos);
    for (uint64_t j = 0; j < npos; j++)
      pos[j] = static_cast<uint16_t>(static_cast<unsigned char>(in[2 * j]) | (static_cast<unsigned char>(in[2 * j + 1]) << 8));
    in.remove_prefix(2 * npos);
  }
  return v;
}

const TsVector& DecodeTsVectorRemembered(std::string_view stored) {
  thread_local std::string last_stored;
  thread_local TsVector last;
  if (stored != last_stored) {
    last = DecodeTsVector(stored);  // first: it may throw
    last_stored.assign(stored);
  }
  return last;
}

std::string ParseTsVectorText(std::string_view text) {
  text = text.substr(0, text.find('\0'));  // PostgreSQL's input functions read a C string
  VerifyUtf8(text);  // a client's text always is; the word reader relies on it
  TsVector v;
  TsWordReader reader(text, false);
  TsToken token;
  size_t total = 0;
  while (reader.Next(&token)) {
    if (token.word.size() >= kTsMaxLexemeBytes)
      throw Error(sqlstate::kProgramLimitExceeded, "word is too long (" + std::to_string(token.word.size()) +
                                                       " bytes, max " + std::to_string(kTsMaxLexemeBytes - 1) + " bytes)");
    if (total > static_cast<size_t>(kTsMaxStringBytes)) ThrowTsVectorTooLong(total);
    total += token.word.size();
    v.lexemes.push_back({std::move(token.word), std::move(token.positions)});
  }
  v.Normalize();
  size_t data = v.PgSize() - 8 - 4 * v.lexemes.size();
  if (data > static_cast<size_t>(kTsMaxStringBytes)) ThrowTsVectorTooLong(data);
  return EncodeTsVector(v);
}

std::string FormatTsVectorText(std::string_view stored) {
  TsVector v = DecodeTsVector(stored);
  std::string out;
  for (size_t i = 0; i < v.lexemes.size(); i++) {
    if (i) out += ' ';
    out += '\'';
    for (char c : v.lexemes[i].word) {
      if (c == '\'' || c == '\\') out += c;  // doubled
      out += c;
    }
    out += '\'';
    const auto& pos = v.lexemes[i].positions;
    if (!pos.empty()) out += ':';
    for (size_t j = 0; j < pos.size(); j++) {
      if (j) out += ',';
      out += std::to_string(TsPosition(pos[j]));
      static const char* kWeights = "\0CBA";
      if (TsWeight(pos[j])) out += kWeights[TsWeight(pos[j])];
    }
  }
  return out;
}

// Binary form (tsvectorsend): uint32 count; per lexeme its bytes and a NUL, uint16 position
// count, uint16 WordEntryPos each; all big-endian.
std::string SendTsVector(std::string_view stored) {
  TsVector v = DecodeTsVector(stored);
  std::string out;
  PutBigEndian(v.lexemes.size(), 4, &out);
  for (const auto& l : v.lexemes) {
    out += l.word;
    out.push_back('\0');
    PutBigEndian(l.positions.size(), 2, &out);
    for (uint16_t p : l.positions) PutBigEndian(p, 2, &out);
  }
  return out;
}

std::string ReceiveTsVector(std::string_view binary) {
  auto bad = [](const std::string& what) { return Error(sqlstate::kInvalidBinaryRepresentation, "invalid tsvector: " + what); };
  WireReader in(binary);
  uint64_t n = in.Int(4);
  if (n > in.left()) throw bad("invalid size of tsvector");
  TsVector v;
  size_t total = 0;
  for (uint64_t i = 0; i < n; i++) {
    TsLexeme l;
    l.word = in.CString();
    if (l.word.empty() || l.word.size() > kTsMaxLexemeBytes) throw bad("lexeme too long");
    total += l.word.size();
    if (total > static_cast<size_t>(kTsMaxStringBytes)) throw bad("maximum total lexeme length exceeded");
    uint64_t npos = in.Int(2);
    if (npos > kTsMaxPositions) throw bad("unexpected number of tsvector positions");
    for (uint64_t j = 0; j < npos; j++) {
      uint16_t p = static_cast<uint16_t>(in.Int(2));
      if (TsPosition(p) == 0 || (j > 0 && TsPosition(p) <= TsPosition(l.positions.back())))
        throw bad("position information is misordered");
      l.positions.push_back(p);
    }
    v.lexemes.push_back(std::move(l));
  }
  in.ExpectEnd();
  v.Normalize();  // PostgreSQL sorts; duplicates are merged here too, so the value reads back
  return EncodeTsVector(v);
}

int CompareTsVectors(std::string_view as, std::string_view bs) {
  // silly_cmp_tsvector: size, lexeme count, then lexeme by lexeme (one with positions first,
  // the bytes, more positions first, each position and weight larger first).
  TsVector a = DecodeTsVector(as), b = DecodeTsVector(bs);
  size_t sa = a.PgSize(), sb = b.PgSize();
  if (sa != sb) return sa < sb ? -1 : 1;
  if (a.lexemes.size() != b.lexemes.size()) return a.lexemes.size() < b.lexemes.size() ? -1 : 1;
  for (size_t i = 0; i < a.lexemes.size(); i++) {
    const auto &x = a.lexemes[i], &y = b.lexemes[i];
    bool xp = !x.positions.empty(), yp = !y.positions.empty();
    if (xp != yp) return xp ? -1 : 1;
    if (int c = CompareLexemes(x.word, y.word)) return c;
    if (x.positions.size() != y.positions.size()) return x.positions.size() > y.positions.size() ? -1 : 1;
    for (size_t j = 0; j < x.positions.size(); j++) {
      if (TsPosition(x.positions[j]) != TsPosition(y.positions[j])) return TsPosition(x.positions[j]) > TsPosition(y.positions[j]) ? -1 : 1;
      if (TsWeight(x.positions[j]) != TsWeight(y.positions[j])) return TsWeight(x.positions[j]) > TsWeight(y.positions[j]) ? -1 : 1;
    }
  }
  return 0;
}

}  // namespace tusk
