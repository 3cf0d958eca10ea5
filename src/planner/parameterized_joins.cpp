// Joins whose inner side is a table read through an index on `column = outer column`: planned
// as a nested loop whose inner index scan takes each outer row's value (ParameterizableJoin),
// the choice settled once the query's FROM list is complete (ResolveJoins).
#include <algorithm>

#include "common/strings.hpp"
#include "execution/function_scan.hpp"
#include "planner/deferred_plans.hpp"
#include "planner/planner.hpp"

namespace tusk {

std::shared_ptr<PendingJoin> Planner::ParameterizableJoin(OpP left, OpP right, int left_width, const std::vector<ExprP>& conjuncts,
                                                          NestedLoopJoinOp::Kind kind, const Scope& scope, size_t left_rel_begin,
                                                          size_t right_rel_begin) {
  // Only in the outermost query: the inner scan's conditions see the outer row as their first
  // enclosing row, where a subquery's conditions expect the enclosing query's row.
  if (!pending_joins_ || scope.parent || (kind != NestedLoopJoinOp::kInner && kind != NestedLoopJoinOp::kLeft)) return nullptr;
  std::shared_ptr<ScanLeaf> inner;
  for (const auto& leaf : *leaves_)
    if (leaf->op == right) inner = leaf;
  if (!inner || inner->emit_key) return nullptr;
  const ScopeRel& rel = scope.rels[inner->rel_index];
  auto pending = std::make_shared<PendingJoin>();
  for (const auto& c : conjuncts) {
    auto* call = dynamic_cast<CallExpr*>(c.get());
    if (!call || call->name != "=" || call->args.size() != 2) continue;
    for (int side = 0; side < 2; side++) {
      auto* in = dynamic_cast<ColumnExpr*>(call->args[side].get());
      auto* out = dynamic_cast<ColumnExpr*>(call->args[1 - side].get());
      // Same types on both sides, so the equality is exactly an index condition.
      if (!in || !out || in->level || out->level || in->index < rel.offset || in->index >= rel.offset + static_cast<int>(rel.columns.size()) ||
          out->index >= left_width || !(in->type == out->type) || (in->type.id == oid::kJsonb && !in->type.array))
        continue;
      int column = in->index - rel.offset;
      bool indexed = false;
      for (uint32_t ioid : inner->table->indexes) {
        const IndexDef* def = st_->catalog->FindIndex(ioid);
        indexed |= def && def->am == "btree" && def->where_sql.empty() && !def->columns.empty() && def->columns[0].column == column;
      }
      if (!indexed) continue;
      std::string outer_name = out->name;
      for (const auto& r : scope.rels)
        if (out->index >= r.offset && out->index < r.offset + static_cast<int>(r.columns.size()) && !r.alias.empty() &&
            out->name.find('.') == std::string::npos)
          outer_name = QuoteIdent(r.alias) + "." + out->name;
      pending->keys.push_back({std::make_shared<ColumnExpr>(column, 0, in->type, QuoteIdent(inner->table->columns[static_cast<size_t>(column)].name)),
                               std::make_shared<ColumnExpr>(out->index, 1, out->type, outer_name)});
      break;
    }
  }
  if (pending->keys.empty()) return nullptr;
  pending->op = std::make_shared<DeferredOp>();
  pending->op->names = left->names;
  pending->op->names.insert(pending->op->names.end(), right->names.begin(), right->names.end());
  pending->op->types = left->types;
  pending->op->types.insert(pending->op->types.end(), right->types.begin(), right->types.end());
  pending->left = std::move(left);
  pending->right = std::move(right);
  pending->left_width = left_width;
  pending->conjuncts = conjuncts;
  pending->kind = kind;
  pending->left_rel_begin = left_rel_begin;
  pending->left_rel_end = right_rel_begin;
  pending->inner = inner;
  return pending;
}

void Planner::ResolveJoins() {
  for (const auto& pj : *pending_joins_) {
    // The outer side is restricted when one of its tables has conditions (from WHERE, or as the
    // inner side of an earlier parameterized join): then a lookup per outer row beats reading
    // the whole inner table into a hash table. Without statistics this is the whole estimate.
    bool restricted = false;
    for (const auto& leaf : *leaves_)
      restricted |= leaf->rel_index >= pj->left_rel_begin && leaf->rel_index < pj->left_rel_end && !leaf->conds.empty();
    if (!restricted) {
      pj->op->child = JoinOn(pj->left, pj->right, pj->left_width, pj->conjuncts, pj->kind);
      continue;
    }
    for (const auto& [inner, outer] : pj->keys) pj->inner->conds.push_back(binder_.MakeComparison("=", inner, outer, -1));
    ExprP cond = pj->conjuncts.size() == 1 ? pj->conjuncts[0] : std::make_shared<BoolExpr>(BoolExpr::kAnd, pj->conjuncts);
    pj->op->child = std::make_shared<LateralJoinOp>(pj->left, pj->right, cond, pj->kind == NestedLoopJoinOp::kLeft);
  }
}

}  // namespace tusk
