#include "planner/partitionwise_aggregate.hpp"

#include "engine/session.hpp"
#include "execution/append.hpp"
#include "partition/key_parts.hpp"
#include "partition/partition_ddl.hpp"
#include "planner/deferred_plans.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

// Does every part of the table's key, and of the keys of the partitioned tables below it (the
// Append reads their leaves), appear among the group expressions? Then no group spans leaves.
bool GroupsHoldKeys(Planner& planner, PartitionKeyParts& keys, const TableDef& table, const std::string& alias, bool qualified,
                    const std::vector<ExprP>& groups) {
  for (const ExprP& part : keys.BoundAs(table, alias, qualified)) {
    bool held = false;
    for (const ExprP& g : groups) held |= g->Key() == part->Key();
    if (!held) return false;
  }
  const Catalog& cat = *planner.state()->catalog;
  for (uint32_t p : PartitionsOf(cat, table.oid))
    if (const TableDef* part = cat.FindTable(p); part->partition_key && !GroupsHoldKeys(planner, keys, *part, alias, qualified, groups))
      return false;
  return true;
}

// Reads the expression only the table's own columns (not its tableoid, which the partitions'
// scans do not carry)?
bool ReadsOwnColumns(const ExprP& e, int width) {
  if (!e) return true;
  std::vector<int> cols;
  if (!CollectColumns(e, &cols)) return false;
  for (int c : cols)
    if (c >= width) return false;
  return true;
}

}  // namespace

OpP PartitionwiseAggregate(Planner& planner, const OpP& input, const TableDef& table, const std::string& alias, bool qualified,
                           int table_width, const std::vector<ExprP>& groups, const std::vector<AggSpec>& aggs, const ExprP& having) {
  ExecState* st = planner.state();
  if (!st->session || st->session->GetSetting("enable_partitionwise_aggregate") != "on" || groups.empty()) return nullptr;
  auto* deferred = dynamic_cast<DeferredOp*>(input.get());
  auto* append = deferred ? dynamic_cast<AppendOp*>(deferred->child.get()) : nullptr;
  PartitionKeyParts keys(&planner);
  if (!append || append->children.size() < 2 || !table.partition_key || !GroupsHoldKeys(planner, keys, table, alias, qualified, groups))
    return nullptr;
  for (const ExprP& g : groups)
    if (!ReadsOwnColumns(g, table_width)) return nullptr;
  for (const AggSpec& a : aggs) {
    if (!ReadsOwnColumns(a.arg, table_width) || !ReadsOwnColumns(a.arg2, table_width) || !ReadsOwnColumns(a.filter, table_width)) return nullptr;
    for (const auto& k : a.order)
      if (!ReadsOwnColumns(k->expr, table_width)) return nullptr;
  }
  std::vector<OpP> parts;
  for (const OpP& child : append->children) {
    OpP part = std::make_shared<AggregateOp>(child, groups, aggs);
    if (having) part = std::make_shared<FilterOp>(part, having);
    parts.push_back(std::move(part));
  }
  auto out = std::make_shared<AppendOp>(std::move(parts));
  out->keep = append->keep;
  out->keep_at_startup = append->keep_at_startup;
  out->alias = append->alias;
  out->partitionwise = true;
  out->names = out->children[0]->names;
  out->types = out->children[0]->types;
  return out;
}

}  // namespace tusk
