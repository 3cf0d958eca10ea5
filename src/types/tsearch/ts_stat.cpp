// ts_stat(select [, weights]): per lexeme of the tsvectors a query returns, the number of
// documents (rows) holding it and of its occurrences, as PostgreSQL's tsvector_op.c counts
// them. The query must return one tsvector column (22023 otherwise); NULLs are skipped. With
// weights (letters A-D, any case; anything else adds nothing), only positions of those weights
// count, and a lexeme without positions counts nowhere; without weights (or with none that
// count), each position counts, a lexeme without positions once.
//
// PostgreSQL keeps the lexemes in a binary tree whose left side holds the greater words and
// walks it left to right: the rows come out in descending byte order (a word before its
// prefixes), whatever order the documents came in.
#include <functional>
#include <map>

#include "common/error.hpp"
#include "function/set_returning.hpp"
#include "types/tsearch/ts_sql_rows.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
const Type kText(oid::kText), kInt4(oid::kInt4);

struct Counts {
  int32_t ndoc = 0, nentry = 0;
};

// The weights text as a mask of position weights (A = 8 ... D = 1), only single-byte
// characters read; 0: no filter.
int WeightMask(const std::string& weights) {
  int mask = 0;
  for (char c : weights) {
    switch (c) {
      case 'A': case 'a': mask |= 1 << 3; break;
      case 'B': case 'b': mask |= 1 << 2; break;
      case 'C': case 'c': mask |= 1 << 1; break;
      case 'D': case 'd': mask |= 1; break;
      default: break;
    }
  }
  return mask;
}

// Exactly tsvector, or a domain over it (PostgreSQL asks whether it is binary coercible).
bool IsTsvector(const ColumnInfo& c) { return c.type.id == oid::kTsvector && !c.type.array; }

std::vector<Row> Stat(EvalContext& ctx, const std::string& select, int mask) {
  TsSqlRows docs = RunTsSqlText(ctx, select);
  if (docs.columns.size() != 1 || !IsTsvector(docs.columns[0]))
    throw Error(sqlstate::kInvalidParameterValue, "ts_stat query must return one tsvector column");
  std::map<std::string, Counts, std::greater<>> words;
  for (const Row& row : docs.rows) {
    if (row[0].is_null()) continue;
    for (TsLexeme& l : DecodeTsVector(row[0].s()).lexemes) {
      int32_t n = 0;
      if (mask == 0) {
        n = l.positions.empty() ? 1 : static_cast<int32_t>(l.positions.size());
      } else {
        for (uint16_t p : l.positions)
          if (mask & (1 << TsWeight(p))) n++;
      }
      if (n == 0) continue;
      Counts& c = words[std::move(l.word)];
      c.ndoc++;
      c.nentry += n;
    }
  }
  std::vector<Row> out;
  out.reserve(words.size());
  for (auto& [word, c] : words) out.push_back({Value::Str(word), Value::Int(c.ndoc), Value::Int(c.nentry)});
  return out;
}

void BindTsStat(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.empty() || args.size() > 2) NoSuchSetFunction(shown, args, location);
  for (auto& a : args) a = b.Coerce(a, kText, CastContext::kImplicit, location);
  f.args = args;
  f.types = {kText, kInt4, kInt4};
  f.columns = {"word", "ndoc", "nentry"};
  f.select_column = -1;
  f.generate = [](const std::vector<Value>& a, EvalContext& ctx) -> RowGenerator {
    for (const Value& v : a)
      if (v.is_null()) return YieldRows({});
    return YieldRows(Stat(ctx, a[0].s(), a.size() == 2 ? WeightMask(a[1].s()) : 0));
  };
}
}  // namespace

void RegisterTsStatFunctions() { RegisterSetFunction("ts_stat", BindTsStat); }

}  // namespace tusk
