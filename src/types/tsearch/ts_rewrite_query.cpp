// ts_rewrite(query, select): the query rewritten by each (target, substitute) row the select
// returns, in turn, as PostgreSQL's tsquery_rewrite_query does. The select must return two
// tsquery columns (22023 otherwise); rows with a NULL or an empty target, or a NULL
// substitute, are skipped; after each row the tree is flattened and sorted again (markers of
// what was substituted cleared), so later rows can match what earlier ones put in. An empty
// query is returned without running the select.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/tsearch/ts_rewrite.hpp"
#include "types/tsearch/ts_sql_rows.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {
const Type kTsqueryType(oid::kTsquery), kText(oid::kText);

// Exactly tsquery: PostgreSQL compares the type OID, so a domain over tsquery does not do.
bool IsTsquery(const ColumnInfo& c) { return c.type.id == oid::kTsquery && !c.type.array && !c.type.domain; }

Value RewriteBySelect(const Value& query, const Value& select, EvalContext& ctx) {
  TsQuery q = DecodeTsQuery(query.s());
  if (q.empty()) return query;
  TsQueryNodeP tree = TsQueryToTree(q);
  FlattenTsTree(*tree);
  SortTsTree(*tree);
  TsSqlRows pairs = RunTsSqlText(ctx, select.s());
  if (pairs.columns.size() != 2 || !IsTsquery(pairs.columns[0]) || !IsTsquery(pairs.columns[1]))
    throw Error(sqlstate::kInvalidParameterValue, "ts_rewrite query must return two tsquery columns");
  for (const Row& row : pairs.rows) {
    if (!tree) break;
    if (row[0].is_null() || row[1].is_null()) continue;
    TsQuery t = DecodeTsQuery(row[0].s());
    if (t.empty()) continue;
    TsQuery s = DecodeTsQuery(row[1].s());
    TsQueryNodeP ex = TsQueryToTree(t), subs = s.empty() ? nullptr : TsQueryToTree(s);
    FlattenTsTree(*ex);
    SortTsTree(*ex);
    tree = RewriteTsTree(std::move(tree), *ex, subs.get());
    if (tree) {
      ClearTsTreeNoChange(*tree);
      FlattenTsTree(*tree);
      SortTsTree(*tree);
    }
  }
  if (!tree) return Value::Str(EncodeTsQuery(TsQuery{}));
  BinaryTsTree(*tree);
  return Value::Str(EncodeTsQuery(TsTreeToQuery(*tree)));
}
}  // namespace

void RegisterTsRewriteQueryFunction() {
  Register("ts_rewrite", {kTsqueryType, kText}, kTsqueryType,
           [](const std::vector<Value>& a, EvalContext& ctx) { return RewriteBySelect(a[0], a[1], ctx); });
}

}  // namespace tusk
