// tsquery's functions and operators that need no dictionary: @@ (and the old @@@) between a
// tsvector and a tsquery, && || !! <->, tsquery_phrase, @> <@, numnode, querytree.
#include <algorithm>
#include <set>

#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/tsearch/ts_match.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsquery.hpp"

namespace tusk {

namespace {
const Type kTsvectorType(oid::kTsvector), kTsqueryType(oid::kTsquery), kText(oid::kText), kInt4(oid::kInt4),
    kBool(oid::kBool);

Value Result(const TsQuery& q) { return Value::Str(EncodeTsQuery(q)); }

// q1 && q2, q1 || q2, q1 <-> q2: an empty side gives the other one unchanged.
Value Combine(TsOp op, const Value& a, const Value& b, int distance = 1) {
  TsQuery x = DecodeTsQuery(a.s()), y = DecodeTsQuery(b.s());
  if (x.empty()) return b;
  if (y.empty()) return a;
  return Result(CombineTsQueries(op, x, &y, distance));
}

Value Phrase(const Value& a, const Value& b, int64_t distance) {
  if (distance < 0 || distance > kTsMaxPhraseDistance)
    throw Error(sqlstate::kInvalidParameterValue, "distance in phrase operator must be an integer value between zero and 16384 inclusive");
  return Combine(TsOp::kPhrase, a, b, static_cast<int>(distance));
}

std::set<std::string> OperandWords(const TsQuery& q) {
  std::set<std::string> words;
  for (const auto& it : q.items)
    if (it.op == TsOp::kOperand) words.insert(it.word);
  return words;
}

// q1 @> q2: every operand of q2 is an operand of q1 (operators, weights and prefixes aside).
bool Contains(const Value& a, const Value& b) {
  std::set<std::string> mine = OperandWords(DecodeTsQuery(a.s())), theirs = OperandWords(DecodeTsQuery(b.s()));
  return std::includes(mine.begin(), mine.end(), theirs.begin(), theirs.end());
}

Value Match(const Value& vector, const Value& query) {
  return Value::Bool(TsMatches(DecodeTsVectorRemembered(vector.s()), DecodeTsQuery(query.s())));
}
}  // namespace

void RegisterTsQueryFunctions() {
  Register("numnode", {kTsqueryType}, kInt4, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Int(static_cast<int64_t>(DecodeTsQuery(a[0].s()).items.size()));
  });
  Register("querytree", {kTsqueryType}, kText, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(TsQueryTree(DecodeTsQuery(a[0].s())));
  });
  Register("tsquery_phrase", {kTsqueryType, kTsqueryType}, kTsqueryType,
           [](const std::vector<Value>& a, EvalContext&) { return Phrase(a[0], a[1], 1); });
  Register("tsquery_phrase", {kTsqueryType, kTsqueryType, kInt4}, kTsqueryType,
           [](const std::vector<Value>& a, EvalContext&) { return Phrase(a[0], a[1], a[2].i()); });
  Register("ts_match_vq", {kTsvectorType, kTsqueryType}, kBool,
           [](const std::vector<Value>& a, EvalContext&) { return Match(a[0], a[1]); });
  Register("ts_match_qv", {kTsqueryType, kTsvectorType}, kBool,
           [](const std::vector<Value>& a, EvalContext&) { return Match(a[1], a[0]); });
}

void RegisterTsQueryOperators() {
  for (const char* op : {"@@", "@@@"}) {
    RegisterOperator(op, kTsvectorType, kTsqueryType, kBool, [](const std::vector<Value>& a, EvalContext&) { return Match(a[0], a[1]); });
    RegisterOperator(op, kTsqueryType, kTsvectorType, kBool, [](const std::vector<Value>& a, EvalContext&) { return Match(a[1], a[0]); });
  }
  RegisterOperator("&&", kTsqueryType, kTsqueryType, kTsqueryType,
                   [](const std::vector<Value>& a, EvalContext&) { return Combine(TsOp::kAnd, a[0], a[1]); });
  RegisterOperator("||", kTsqueryType, kTsqueryType, kTsqueryType,
                   [](const std::vector<Value>& a, EvalContext&) { return Combine(TsOp::kOr, a[0], a[1]); });
  RegisterOperator("<->", kTsqueryType, kTsqueryType, kTsqueryType,
                   [](const std::vector<Value>& a, EvalContext&) { return Phrase(a[0], a[1], 1); });
  RegisterOperator("@>", kTsqueryType, kTsqueryType, kBool,
                   [](const std::vector<Value>& a, EvalContext&) { return Value::Bool(Contains(a[0], a[1])); });
  RegisterOperator("<@", kTsqueryType, kTsqueryType, kBool,
                   [](const std::vector<Value>& a, EvalContext&) { return Value::Bool(Contains(a[1], a[0])); });
  RegisterPrefixOperator("!!", kTsqueryType, kTsqueryType, [](const std::vector<Value>& a, EvalContext&) {
    TsQuery q = DecodeTsQuery(a[0].s());
    return q.empty() ? a[0] : Result(CombineTsQueries(TsOp::kNot, q, nullptr));
  });
}

}  // namespace tusk
