// ts_rewrite(query, target, substitute): every occurrence of target in query replaced by
// substitute, as PostgreSQL's tsquery_rewrite computes it. An empty query or target gives the
// query back untouched; otherwise the result comes out of the flattened, sorted tree (its
// AND and OR operands in PostgreSQL's canonical order even when nothing matched), and an
// empty substitute removes what matched (the empty query when nothing is left).
#include "function/registry.hpp"
#include "types/tsearch/ts_rewrite.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {
const Type kTsqueryType(oid::kTsquery);

Value Rewrite(const Value& query, const Value& target, const Value& substitute) {
  TsQuery q = DecodeTsQuery(query.s()), t = DecodeTsQuery(target.s()), s = DecodeTsQuery(substitute.s());
  if (q.empty() || t.empty()) return query;
  TsQueryNodeP tree = TsQueryToTree(q), ex = TsQueryToTree(t), subs = s.empty() ? nullptr : TsQueryToTree(s);
  FlattenTsTree(*tree);
  SortTsTree(*tree);
  FlattenTsTree(*ex);
  SortTsTree(*ex);
  tree = RewriteTsTree(std::move(tree), *ex, subs.get());
  if (!tree) return Value::Str(EncodeTsQuery(TsQuery{}));
  BinaryTsTree(*tree);
  return Value::Str(EncodeTsQuery(TsTreeToQuery(*tree)));
}
}  // namespace

void RegisterTsRewriteFunctions() {
  Register("ts_rewrite", {kTsqueryType, kTsqueryType, kTsqueryType}, kTsqueryType,
           [](const std::vector<Value>& a, EvalContext&) { return Rewrite(a[0], a[1], a[2]); });
  RegisterTsRewriteQueryFunction();
  RegisterTsStatFunctions();
}

}  // namespace tusk
