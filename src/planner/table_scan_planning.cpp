// Single-table access paths: which index (equalities on leading columns, then one range or a
// row comparison, or the requested order) serves a table's conditions, else a sequential scan.
#include <algorithm>

#include "access/gin/gin.hpp"
#include "access/gin/gin_scan.hpp"
#include "catalog/system/deparse.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "execution/correlation.hpp"
#include "execution/hashed_lookup.hpp"
#include "planner/planner.hpp"
#include "planner/row_independent.hpp"
#include "planner/selectivity.hpp"

namespace tusk {

std::vector<BoundIndex> Planner::BindIndexes(const TableDef& t) {
  std::vector<BoundIndex> out;
  Scope scope;
  scope.Add(TableScopeRel(&t, t.name));
  for (uint32_t ioid : t.indexes) {
    const IndexDef* def = st_->catalog->FindIndex(ioid);
    if (!def) continue;
    BoundIndex bi;
    bi.def = def;
    for (const auto& ic : def->columns) {
      if (ic.column >= 0) {
        const ColumnDef& col = t.columns[static_cast<size_t>(ic.column)];
        bi.keys.push_back(std::make_shared<ColumnExpr>(ic.column, 0, col.type, QuoteIdent(col.name)));
      } else {
        std::unique_ptr<Script> holder;
        Node* e = ParseStoredExpr(ic.expr_sql, &holder);
        bi.keys.push_back(binder_.BindStored(e, scope, t.schema));
        stored_exprs_.push_back(std::move(holder));
      }
      // as PostgreSQL names the column in a unique violation's detail (pg_get_indexdef's)
      bi.key_sql.push_back(IndexDefinition(st_, *def, static_cast<int>(bi.keys.size()), true));
      bi.orders.push_back({ic.desc, ic.nulls_first});
    }
    if (!def->where_sql.empty()) {
      std::unique_ptr<Script> holder;
      Node* e = ParseStoredExpr(def->where_sql, &holder);
      bi.predicate = binder_.BindStored(e, scope, t.schema);
      stored_exprs_.push_back(std::move(holder));
    }
    out.push_back(std::move(bi));
  }
  return out;
}

namespace {
// The column-ish side of a comparison: a column or an index expression, possibly under a
// cast between types that encode alike in index keys (integers, strings).
const Expr* StripBenignCast(const Expr* e) {
  if (auto* c = dynamic_cast<const CastExpr*>(e)) {
    uint32_t from = c->arg->type.id, to = c->type.id;
    if (c->arg->type.array || c->type.array) return e;
    if ((IsIntegerType(from) && IsIntegerType(to)) ||
        (IsStringType(from) && IsStringType(to) && from != oid::kBpchar && to != oid::kBpchar))
      return c->arg.get();
  }
  return e;
}

std::string FlipOp(const std::string& op) {
  if (op == "<") return ">";
  if (op == ">") return "<";
  if (op == "<=") return ">=";
  if (op == ">=") return "<=";
  return op;
}

// A condition that is a partial index's predicate: the index holds only rows that meet it, so it
// needs no test on them (PostgreSQL leaves out the quals its predicate implies).
bool IsIndexPredicate(const BoundIndex& bi, const ExprP& cond) { return bi.predicate && cond->Key() == bi.predicate->Key(); }

// A secondary index pays a table lookup per entry it finds; past this share of the table's
// rows, reading the table in order is cheaper. Measured on 300,000 rows of 110 bytes whose
// index order is random to the table's: the index took 61 / 123 / 237 ms for 5 / 10 / 20% of the
// rows, the sequential scan 160 ms throughout, even near 13%.
constexpr double kIndexScanMaxShare = 0.12;

// PostgreSQL's defaults when a condition's selectivity cannot be estimated.
constexpr double kDefaultEqualitySelectivity = 0.005, kDefaultRangeSelectivity = 1.0 / 3;

struct IndexMatch {
  int score = -1;
  size_t index = 0;
  std::vector<ExprP> eq;
  ExprP lower, upper;
  bool lower_incl = true, upper_incl = true;
  std::vector<ExprP> row_bound;  // a row comparison over the columns after the equalities
  std::string row_op;
  std::vector<size_t> used;  // conds consumed as index conditions
  bool ordered = false, backward = false;
  std::vector<std::string> cond_sql;
};
}  // namespace

// Whether ANALYZE's statistics say that the index conditions `used` (of conds) keep so large a
// share of the table that a sequential scan beats the index. False without statistics.
bool Planner::SeqScanIsCheaper(const TableDef* t, const std::vector<ExprP>& conds, const std::vector<size_t>& used) {
  // enable_seqscan = off: PostgreSQL charges a sequential scan so much that any index wins.
  if (st_->session && st_->session->GetSetting("enable_seqscan") == "off") return false;
  std::optional<double> share = EstimatedShare(t, conds, used);
  return share && *share > kIndexScanMaxShare;
}

std::optional<double> Planner::EstimatedShare(const TableDef* t, const std::vector<ExprP>& conds, const std::vector<size_t>& used) {
  auto stats = st_->db->statistics().Get(t->oid);
  if (!stats || stats->sizes.reltuples <= 0) return std::nullopt;
  double share = 1;
  bool estimated = false;
  for (size_t pos : used) {
    auto* call = dynamic_cast<const CallExpr*>(conds[pos].get());
    std::optional<double> sel;
    std::string op = call ? call->name : "";
    if (call && call->args.size() == 2) {
      for (size_t side = 0; side < 2 && !sel; side++) {
        auto* col = dynamic_cast<const ColumnExpr*>(StripBenignCast(call->args[side].get()));
        auto* value = dynamic_cast<const ConstExpr*>(call->args[1 - side].get());
        if (!col || col->level != 0 || !value || col->index < 0 || static_cast<size_t>(col->index) >= t->columns.size()) continue;
        const ColumnDef& def = t->columns[static_cast<size_t>(col->index)];
        const ColumnStatistics* c = stats->table.Column(col->index + 1, def.type);
        if (!c || value->type != def.type) continue;
        sel = ComparisonSelectivity(*c, stats->sizes.reltuples, side == 0 ? op : FlipOp(op), value->value);
      }
    }
    estimated |= sel.has_value();
    share *= sel.value_or(op == "=" ? kDefaultEqualitySelectivity : kDefaultRangeSelectivity);
  }
  if (!estimated) return std::nullopt;
  return share;
}

OpP Planner::PlanTableScan(const TableDef* t, const std::string& alias, std::vector<ExprP> conds, bool emit_key,
                           const std::vector<OrderHint>& order, bool* ordered) {
  if (t->partition_key) return PlanPartitionedScan(t, alias, conds, emit_key, order, ordered);
  if (ordered) *ordered = false;
  std::vector<BoundIndex> indexes = BindIndexes(*t);
  // Analyse comparisons: (key text, op, value expr, cond position)
  struct Cmp { std::string key; std::string op; ExprP value; size_t pos; };
  std::vector<Cmp> cmps;
  for (size_t i = 0; i < conds.size(); i++) {
    auto* call = dynamic_cast<CallExpr*>(conds[i].get());
    if (!call || call->args.size() != 2 || !call->infix) continue;
    const std::string& op = call->name;
    if (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=") continue;
    for (int side = 0; side < 2; side++) {
      const ExprP& col = call->args[static_cast<size_t>(side)];
      const ExprP& val = call->args[static_cast<size_t>(1 - side)];
      if (UsesRow(val) || !UsesRow(col)) continue;
      cmps.push_back({StripBenignCast(col.get())->Key(), side == 0 ? op : FlipOp(op), val, i});
    }
  }
  // Ordering row comparisons, (a, b) < (x, y): arguments alternate left and right.
  struct RowCmp { std::vector<std::string> keys; std::string op; std::vector<ExprP> values; size_t pos; };
  std::vector<RowCmp> row_cmps;
  for (size_t i = 0; i < conds.size(); i++) {
    auto* call = dynamic_cast<CallExpr*>(conds[i].get());
    if (!call || !call->infix || call->args.size() < 4 || call->args.size() % 2) continue;
    const std::string& op = call->name;
    if (op != "<" && op != "<=" && op != ">" && op != ">=") continue;
    for (int side = 0; side < 2; side++) {
      RowCmp rc{{}, side == 0 ? op : FlipOp(op), {}, i};
      for (size_t k = 0; k < call->args.size(); k += 2) {
        const ExprP& col = call->args[k + static_cast<size_t>(side)];
        const ExprP& val = call->args[k + 1 - static_cast<size_t>(side)];
        if (UsesRow(val) || !UsesRow(col)) break;
        rc.keys.push_back(StripBenignCast(col.get())->Key());
        rc.values.push_back(val);
      }
      if (rc.keys.size() == call->args.size() / 2) row_cmps.push_back(std::move(rc));
    }
  }
  IndexMatch best;
  for (size_t ii = 0; ii < indexes.size(); ii++) {
    const BoundIndex& bi = indexes[ii];
    if (bi.def->am != "btree") continue;
    if (bi.predicate && std::none_of(conds.begin(), conds.end(), [&](const ExprP& c) { return IsIndexPredicate(bi, c); }))
      continue;
    IndexMatch m;
    m.index = ii;
    // A jsonb key is stored as its text, whose byte order is not jsonb's order nor its
    // equality ('1.0' = '1'): such an index is kept, never searched or read in order.
    size_t searchable = 0;
    while (searchable < bi.keys.size() && !(bi.keys[searchable]->type.id == oid::kJsonb && !bi.keys[searchable]->type.array)) searchable++;
    size_t col = 0;
    for (; col < searchable; col++) {
      std::string key = bi.keys[col]->Key();
      bool found = false;
      for (const auto& c : cmps)
        if (c.key == key && c.op == "=" && std::find(m.used.begin(), m.used.end(), c.pos) == m.used.end()) {
          m.eq.push_back(c.value);
          m.used.push_back(c.pos);
          m.cond_sql.push_back(conds[c.pos]->ToSql());
          found = true;
          break;
        }
      if (!found) break;
    }
    if (col < searchable) {
      std::string key = bi.keys[col]->Key();
      for (const auto& c : cmps) {
        if (c.key != key || c.op == "=") continue;
        bool is_lower = c.op == ">" || c.op == ">=";
        if (is_lower && !m.lower) { m.lower = c.value; m.lower_incl = c.op == ">="; }
        else if (!is_lower && !m.upper) { m.upper = c.value; m.upper_incl = c.op == "<="; }
        else continue;
        m.used.push_back(c.pos);
        m.cond_sql.push_back(conds[c.pos]->ToSql());
      }
      // A row comparison over the next columns, all in the same direction, is one key range.
      // It is exact (no re-check) when the columns after its first cannot be NULL; a NULL
      // there makes the comparison NULL where the key order would include the row.
      for (const auto& rc : row_cmps) {
        if (m.lower || m.upper || col + rc.keys.size() > searchable) break;
        bool fits = true, exact = true;
        for (size_t k = 0; k < rc.keys.size() && fits; k++) {
          fits = bi.keys[col + k]->Key() == rc.keys[k] && bi.orders[col + k].desc == bi.orders[col].desc;
          auto* kc = dynamic_cast<ColumnExpr*>(bi.keys[col + k].get());
          if (k > 0) exact &= kc && t->columns[static_cast<size_t>(kc->index)].not_null;
        }
        if (!fits) continue;
        m.row_bound = rc.values;
        m.row_op = rc.op;
        if (exact) m.used.push_back(rc.pos);
        m.cond_sql.push_back(conds[rc.pos]->ToSql());
        break;
      }
    }
    m.score = static_cast<int>(m.eq.size()) * 10 + (m.lower || m.upper || !m.row_bound.empty() ? 5 : 0);
    // Among equally good indexes the most recently created wins, as PostgreSQL's planner
    // ends up choosing when their costs tie.
    // Does the index deliver the requested order after its equality prefix?
    if (!order.empty() && m.eq.size() + order.size() <= searchable) {
      bool fwd = true, bwd = true;
      for (size_t k = 0; k < order.size(); k++) {
        auto* kc = dynamic_cast<ColumnExpr*>(bi.keys[m.eq.size() + k].get());
        const KeyColumnOrder& ko = bi.orders[m.eq.size() + k];
        if (!kc || kc->index != order[k].column) { fwd = bwd = false; break; }
        if (ko.desc != order[k].desc || ko.nulls_first != order[k].nulls_first) fwd = false;
        if (ko.desc == order[k].desc || ko.nulls_first == order[k].nulls_first) bwd = false;
      }
      if (fwd || bwd) {
        m.ordered = true;
        m.backward = !fwd;
        m.score += 3;
      }
    }
    if (m.score > 0 && m.score >= best.score) best = m;
  }
  if (best.score > 0 && !best.ordered && !indexes[best.index].def->primary && SeqScanIsCheaper(t, conds, best.used))
    best.score = -1;
  // Without an equality on a btree index, a GIN index that answers some conditions reads only
  // their candidate rows, unless statistics say the btree range keeps fewer (1%: a GIN
  // condition's share as PostgreSQL guesses it is 0.1%, its reading several entry ranges).
  std::optional<double> btree_share = best.score > 0 ? EstimatedShare(t, conds, best.used) : std::nullopt;
  if (best.score <= 0 || (best.eq.empty() && !(btree_share && *btree_share <= 0.01)))
    if (OpP gin = PlanGinScan(t, alias, indexes, conds, emit_key)) {
      if (ordered) *ordered = false;
      return gin;
    }
  OpP scan;
  std::vector<ExprP> residual;
  if (best.score > 0) {
    auto op = std::make_shared<IndexScanOp>(t, alias, indexes[best.index], emit_key);
    op->eq = best.eq;
    op->lower = best.lower;
    op->upper = best.upper;
    op->lower_inclusive = best.lower_incl;
    op->upper_inclusive = best.upper_incl;
    op->row_bound = best.row_bound;
    op->row_op = best.row_op;
    op->backward = best.backward;
    op->cond_sql = best.cond_sql;
    scan = op;
    if (ordered) *ordered = best.ordered;
    for (size_t i = 0; i < conds.size(); i++)
      if (std::find(best.used.begin(), best.used.end(), i) == best.used.end() && !IsIndexPredicate(indexes[best.index], conds[i]))
        residual.push_back(conds[i]);
  } else {
    scan = std::make_shared<SeqScanOp>(t, alias, emit_key);
    residual = conds;
  }
  if (residual.empty()) return scan;
  auto and_of = [](const std::vector<ExprP>& v) -> ExprP {
    if (v.empty()) return nullptr;
    return v.size() == 1 ? v[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, v);
  };
  OpP filtered = std::make_shared<FilterOp>(scan, EvaluateRowIndependentPartsOnce(and_of(residual)));
  if (best.score > 0) return filtered;
  if (OpP lookup = HashedLookup(scan, residual, filtered)) return lookup;
  return filtered;
}

namespace {
// A varchar read as text (LIKE's left side) is the varchar itself: the conversion changes no byte,
// so an index over the varchar column answers for it, as PostgreSQL's binary-coercible casts do.
const Expr* WithoutVarcharToText(const ExprP& e) {
  auto* cast = dynamic_cast<const CastExpr*>(e.get());
  if (cast && !cast->type.array && cast->type.id == oid::kText && !cast->arg->type.array && cast->arg->type.id == oid::kVarchar)
    return cast->arg.get();
  return e.get();
}
}  // namespace

OpP Planner::PlanGinScan(const TableDef* t, const std::string& alias, const std::vector<BoundIndex>& indexes,
                         const std::vector<ExprP>& conds, bool emit_key) {
  std::shared_ptr<GinScanOp> best;
  std::vector<size_t> best_used;
  for (const BoundIndex& bi : indexes) {
    if (bi.def->am != "gin") continue;
    if (bi.predicate && std::none_of(conds.begin(), conds.end(), [&](const ExprP& c) { return IsIndexPredicate(bi, c); }))
      continue;
    auto op = std::make_shared<GinScanOp>(t, alias, bi, emit_key);
    std::vector<size_t> used;
    for (size_t i = 0; i < conds.size(); i++) {
      auto* call = dynamic_cast<CallExpr*>(conds[i].get());
      if (!call || !call->infix || call->args.size() != 2 || UsesRow(call->args[1]) || !UsesRow(call->args[0])) continue;
      for (size_t col = 0; col < bi.keys.size(); col++) {
        if (bi.keys[col]->Key() != WithoutVarcharToText(call->args[0])->Key()) continue;
        const auto& ops = GinClassOf(bi, col).operators;
        if (std::find(ops.begin(), ops.end(), call->name) == ops.end()) continue;
        op->conditions.push_back({col, call->name, call->args[1], conds[i]});
        used.push_back(i);
        break;
      }
    }
    if (used.size() > best_used.size()) {
      best = op;
      best_used = used;
    }
  }
  if (!best) return nullptr;
  std::vector<ExprP> rest;
  for (size_t i = 0; i < conds.size(); i++)
    if (std::find(best_used.begin(), best_used.end(), i) == best_used.end() && !IsIndexPredicate(best->index, conds[i]))
      rest.push_back(conds[i]);
  if (!rest.empty()) best->filter = rest.size() == 1 ? rest[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, rest);
  return best;
}

namespace {
// A column of an enclosing query's row (level > 0), possibly under casts.
bool IsOuterColumn(const Expr* e) {
  while (auto* c = dynamic_cast<const CastExpr*>(e)) e = c->arg.get();
  auto* col = dynamic_cast<const ColumnExpr*>(e);
  return col && col->level > 0;
}
}  // namespace

// A sequential scan in a correlated subquery that tests `column = outer column`: hashed once per
// statement execution instead of read again per outer row (execution/hashed_lookup.hpp). Only
// for a plain column compared with the same kind of value, so that hashing agrees with `=`.
OpP Planner::HashedLookup(const OpP& scan, const std::vector<ExprP>& conds, const OpP& shown) {
  for (size_t i = 0; i < conds.size(); i++) {
    auto* call = dynamic_cast<CallExpr*>(conds[i].get());
    if (!call || !call->infix || call->name != "=" || call->args.size() != 2) continue;
    for (size_t side = 0; side < 2; side++) {
      const ExprP& col = call->args[side];
      const ExprP& outer = call->args[1 - side];
      auto* c = dynamic_cast<const ColumnExpr*>(col.get());
      if (!c || c->level != 0 || !IsOuterColumn(outer.get())) continue;
      const Type& a = col->type;
      const Type& b = outer->type;
      bool same_kind = !a.array && !b.array && (a.id == b.id || (IsIntegerType(a.id) && IsIntegerType(b.id)));
      if (!same_kind || a.id == oid::kJson || a.id == oid::kUnknown) continue;
      std::vector<ExprP> inner, correlated;
      for (size_t k = 0; k < conds.size(); k++)
        if (k != i) (PerOuterRow(conds[k]) ? correlated : inner).push_back(conds[k]);
      OpP source = scan;
      if (!inner.empty()) {
        ExprP pred = inner.size() == 1 ? inner[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, inner);
        source = std::make_shared<FilterOp>(scan, pred);
      }
      ExprP rest = correlated.empty() ? nullptr
                   : correlated.size() == 1 ? correlated[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, correlated);
      return std::make_shared<HashedLookupOp>(source, col, outer, rest, shown);
    }
  }
  return nullptr;
}

}  // namespace tusk
