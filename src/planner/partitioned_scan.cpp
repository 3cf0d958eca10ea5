// A partitioned table read as the Append of its leaf partitions that plan-time pruning keeps
// (partition/pruning.hpp), each scanned with the same conditions: the partitions share the
// parent's column layout, so the conditions, and the rows, fit them unchanged. Leaves are
// named <alias>_1, <alias>_2, ... as PostgreSQL's EXPLAIN names them; a single leaf keeps the
// alias itself.
#include <functional>

#include "execution/append.hpp"
#include "partition/pruning.hpp"
#include "planner/planner.hpp"

namespace tusk {

OpP Planner::PlanPartitionedScan(const TableDef* t, const std::string& alias, const std::vector<ExprP>& conds, bool emit_key,
                                 const std::vector<OrderHint>& order, bool* ordered) {
  std::vector<const TableDef*> leaves;
  std::function<void(const TableDef*)> expand = [&](const TableDef* p) {
    for (const TableDef* part : PrunePartitions(*st_->catalog, *p, conds)) {
      if (part->partition_key) expand(part);  // its leaves take its place
      else leaves.push_back(part);
    }
  };
  expand(t);
  const std::string& name = alias.empty() ? t->name : alias;
  if (leaves.size() == 1) return PlanTableScan(leaves[0], name, conds, emit_key, order, ordered);
  if (ordered) *ordered = false;
  std::vector<OpP> scans;
  for (size_t i = 0; i < leaves.size(); i++)
    scans.push_back(PlanTableScan(leaves[i], name + "_" + std::to_string(i + 1), conds, emit_key, {}, nullptr));
  auto append = std::make_shared<AppendOp>(std::move(scans));
  if (!append->children.empty()) {
    append->names = append->children[0]->names;
    append->types = append->children[0]->types;
  }
  return append;
}

}  // namespace tusk
