// A partitioned table read as the Append of its leaf partitions that plan-time pruning keeps
// (partition/pruning.hpp), each scanned with the same conditions: the partitions share the
// parent's column layout, so the conditions, and the rows, fit them unchanged. Leaves are
// named <alias>_1, <alias>_2, ... as PostgreSQL's EXPLAIN names them; a single leaf keeps the
// alias itself. Conditions on parameters or stable calls prune again at run time.
#include <algorithm>

#include "access/scans.hpp"
#include "engine/session.hpp"
#include "execution/append.hpp"
#include "execution/correlation.hpp"
#include "partition/pruning.hpp"
#include "planner/deferred_plans.hpp"
#include "planner/planner.hpp"

namespace tusk {

OpP Planner::PlanPartitionedScan(const TableDef* t, const std::string& alias, const std::vector<ExprP>& conds, bool emit_key,
                                 const std::vector<OrderHint>& order, bool* ordered, bool with_tableoid) {
  // enable_partition_pruning = off: every leaf, at plan time and at run time, as PostgreSQL.
  const bool prune = !st_->session || st_->session->GetSetting("enable_partition_pruning") != "off";
  // Key expressions bound once, here: run-time pruning evaluates them with the plan.
  auto keys = std::make_shared<PartitionKeyParts>(this);
  std::vector<const TableDef*> leaves = PrunedLeaves(*st_->catalog, *t, prune ? conds : std::vector<ExprP>{}, *keys);
  const bool run_time = prune && leaves.size() > 1 && PrunableAtRunTime(conds);
  const std::string& name = alias.empty() ? t->name : alias;
  if (leaves.size() == 1 && !with_tableoid) return PlanTableScan(leaves[0], name, conds, emit_key, order, ordered);
  std::vector<OpP> scans;
  if (leaves.size() == 1) {
    scans.push_back(PlanTableScan(leaves[0], name, conds, emit_key, order, ordered));
  } else {
    if (ordered) *ordered = false;
    for (size_t i = 0; i < leaves.size(); i++)
      scans.push_back(PlanTableScan(leaves[i], name + "_" + std::to_string(i + 1), conds, emit_key, {}, nullptr));
  }
  auto append = std::make_shared<AppendOp>(std::move(scans));
  append->alias = name;
  append->keep_at_startup = std::none_of(conds.begin(), conds.end(), [](const ExprP& c) { return PerOuterRow(c); });
  if (run_time) {
    // Parameters and stable calls (now()) prune again when the plan runs, with their values.
    const Catalog* cat = st_->catalog.get();
    std::vector<uint32_t> leaf_oids;
    for (const TableDef* leaf : leaves) leaf_oids.push_back(leaf->oid);
    append->keep = [cat, t, conds, leaf_oids, keys](EvalContext* ctx) {
      std::vector<bool> active(leaf_oids.size(), false);
      for (const TableDef* leaf : PrunedLeaves(*cat, *t, ConditionsAtRunTime(conds, *ctx), *keys)) {
        auto at = std::find(leaf_oids.begin(), leaf_oids.end(), leaf->oid);
        if (at != leaf_oids.end()) active[static_cast<size_t>(at - leaf_oids.begin())] = true;
      }
      return active;
    };
  }
  // From the parent, not a child: with every partition pruned there is no child, and the
  // row still has the table's width for the joins above it.
  SetTableColumns(append.get(), t, emit_key);
  if (with_tableoid) {
    for (const TableDef* leaf : leaves) append->child_relations.push_back(leaf->oid);
    append->names.push_back("");
    append->types.push_back(Type(oid::kOid));
  }
  return append;
}

OpP Planner::PlanLeafScan(const ScanLeaf& leaf, const std::vector<OrderHint>& order, bool* ordered) {
  if (leaf.table->partition_key) return PlanPartitionedScan(leaf.table, leaf.alias, leaf.conds, leaf.emit_key, order, ordered, true);
  return PlanTableScan(leaf.table, leaf.alias, leaf.conds, leaf.emit_key, order, ordered);
}

}  // namespace tusk
