// The tsvector functions that need no parser or dictionary: length, strip, setweight,
// ts_delete, ts_filter, tsvector_to_array, array_to_tsvector, tsvector || tsvector and
// unnest(tsvector), as PostgreSQL's tsvector_op.c defines them.
#include <algorithm>

#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/cast.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
const Type kTsvectorType(oid::kTsvector), kText(oid::kText), kTextArray(oid::kText, -1, true), kChar(oid::kChar),
    kCharArray(oid::kChar, -1, true), kInt4(oid::kInt4);

Value Result(const TsVector& v) { return Value::Str(EncodeTsVector(v)); }

// A "char" weight: 3 for A ... 0 for D.
int WeightOf(const std::string& c, bool internal) {
  char w = c.empty() ? '\0' : c[0];
  switch (w | 0x20) {
    case 'a': return 3;
    case 'b': return 2;
    case 'c': return 1;
    case 'd': return 0;
  }
  // setweight's check is an internal error in PostgreSQL (elog); a user error here.
  throw Error(sqlstate::kInvalidParameterValue, internal ? "unrecognized weight: " + std::to_string(static_cast<int>(w))
                                                         : std::string("unrecognized weight: \"") + w + "\"");
}

void SetWeight(TsLexeme* l, int weight) {
  for (auto& p : l->positions) p = TsMakePosition(TsPosition(p), weight);
}

const TsLexeme* FindLexeme(const TsVector& v, std::string_view word) {
  auto it = std::lower_bound(v.lexemes.begin(), v.lexemes.end(), word,
                             [](const TsLexeme& l, std::string_view w) { return CompareLexemes(l.word, w) < 0; });
  return it != v.lexemes.end() && it->word == word ? &*it : nullptr;
}

// tsvector || tsvector: the right side's positions move past the left side's largest one.
TsVector Concat(const TsVector& a, const TsVector& b) {
  int maxpos = 0;
  for (const auto& l : a.lexemes)
    for (uint16_t p : l.positions) maxpos = std::max<int>(maxpos, TsPosition(p));
  auto add_shifted = [maxpos](const TsLexeme& from, std::vector<uint16_t>* to) {
    for (size_t i = 0; i < from.positions.size() && to->size() < kTsMaxPositions &&
                       (to->empty() || TsPosition(to->back()) != kTsMaxPosition);
         i++)
      to->push_back(TsMakePosition(std::min(TsPosition(from.positions[i]) + maxpos, kTsMaxPosition), TsWeight(from.positions[i])));
  };
  TsVector out;
  size_t i = 0, j = 0;
  while (i < a.lexemes.size() || j < b.lexemes.size()) {
    int c = i == a.lexemes.size() ? 1 : j == b.lexemes.size() ? -1 : CompareLexemes(a.lexemes[i].word, b.lexemes[j].word);
    if (c < 0) {
      out.lexemes.push_back(a.lexemes[i++]);
      continue;
    }
    TsLexeme l;
    l.word = b.lexemes[j].word;
    if (c == 0) l.positions = a.lexemes[i++].positions;
    add_shifted(b.lexemes[j++], &l.positions);
    out.lexemes.push_back(std::move(l));
  }
  return out;
}

void BindUnnest(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.size() != 1 || args[0]->type.array || args[0]->type.id != oid::kTsvector) NoSuchSetFunction(shown, args, location);
  f.args = args;
  f.types = {kText, Type(oid::kInt2, -1, true), kTextArray};
  f.columns = {"lexeme", "positions", "weights"};
  f.select_column = -1;
  f.generate = [](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    std::vector<Row> rows;
    for (const auto& l : DecodeTsVector(a[0].s()).lexemes) {
      if (l.positions.empty()) {
        rows.push_back({Value::Str(l.word), Value::Null(), Value::Null()});
        continue;
      }
      std::vector<Value> pos, weights;
      for (uint16_t p : l.positions) {
        pos.push_back(Value::Int(TsPosition(p)));
        weights.push_back(Value::Str(std::string(1, "DCBA"[TsWeight(p)])));
      }
      rows.push_back({Value::Str(l.word), Value::Array(std::move(pos)), Value::Array(std::move(weights))});
    }
    return YieldRows(std::move(rows));
  };
  (void)b;
}
}  // namespace

void RegisterTsVectorFunctions() {
  Register("length", {kTsvectorType}, kInt4, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Int(static_cast<int64_t>(DecodeTsVector(a[0].s()).lexemes.size()));
  });
  Register("strip", {kTsvectorType}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v = DecodeTsVector(a[0].s());
    for (auto& l : v.lexemes) l.positions.clear();
    return Result(v);
  });
  Register("setweight", {kTsvectorType, kChar}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v = DecodeTsVector(a[0].s());
    int w = WeightOf(a[1].s(), true);
    for (auto& l : v.lexemes) SetWeight(&l, w);
    return Result(v);
  });
  Register("setweight", {kTsvectorType, kChar, kTextArray}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v = DecodeTsVector(a[0].s());
    int w = WeightOf(a[1].s(), true);
    for (const Value& word : a[2].arr()) {
      if (word.is_null()) continue;
      if (auto* l = const_cast<TsLexeme*>(FindLexeme(v, word.s()))) SetWeight(l, w);
    }
    return Result(v);
  });
  Register("ts_delete", {kTsvectorType, kText}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v = DecodeTsVector(a[0].s());
    v.lexemes.erase(std::remove_if(v.lexemes.begin(), v.lexemes.end(), [&](const TsLexeme& l) { return l.word == a[1].s(); }),
                    v.lexemes.end());
    return Result(v);
  });
  Register("ts_delete", {kTsvectorType, kTextArray}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v = DecodeTsVector(a[0].s());
    const auto& drop = a[1].arr();
    v.lexemes.erase(std::remove_if(v.lexemes.begin(), v.lexemes.end(),
                                   [&](const TsLexeme& l) {
                                     return std::any_of(drop.begin(), drop.end(), [&](const Value& d) { return !d.is_null() && d.s() == l.word; });
                                   }),
                    v.lexemes.end());
    return Result(v);
  });
  Register("ts_filter", {kTsvectorType, kCharArray}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    int mask = 0;
    for (const Value& w : a[1].arr()) {
      if (w.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "weight array may not contain nulls");
      mask |= 1 << WeightOf(w.s(), false);
    }
    TsVector in = DecodeTsVector(a[0].s()), out;
    for (auto& l : in.lexemes) {
      TsLexeme kept{l.word, {}};
      for (uint16_t p : l.positions)
        if (mask & (1 << TsWeight(p))) kept.positions.push_back(p);
      if (!kept.positions.empty()) out.lexemes.push_back(std::move(kept));
    }
    return Result(out);
  });
  Register("tsvector_to_array", {kTsvectorType}, kTextArray, [](const std::vector<Value>& a, EvalContext&) {
    std::vector<Value> words;
    for (auto& l : DecodeTsVector(a[0].s()).lexemes) words.push_back(Value::Str(std::move(l.word)));
    return Value::Array(std::move(words));
  });
  Register("array_to_tsvector", {kTextArray}, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    TsVector v;
    for (const Value& w : a[0].arr()) {
      if (w.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "lexeme array may not contain nulls");
      if (w.s().empty()) throw Error(sqlstate::kZeroLengthCharacterString, "lexeme array may not contain empty strings");
      v.lexemes.push_back({w.s(), {}});
    }
    v.Normalize();
    return Result(v);
  });
  RegisterSetFunction("unnest", BindUnnest);
}

void RegisterTsVectorOperators() {
  RegisterOperator("||", kTsvectorType, kTsvectorType, kTsvectorType, [](const std::vector<Value>& a, EvalContext&) {
    return Result(Concat(DecodeTsVector(a[0].s()), DecodeTsVector(a[1].s())));
  });
}

}  // namespace tusk
