#include "partition/routing.hpp"

#include "common/error.hpp"
#include "common/strings.hpp"
#include "partition/bounds.hpp"
#include "partition/partition_ddl.hpp"
#include "types/text_io.hpp"

namespace tusk {

PartitionRouter::PartitionRouter(const Catalog& cat, const TableDef& root, PartitionKeyParts* keys) : cat_(cat), root_(root), keys_(keys) {}

const PartitionRouter::Level& PartitionRouter::LevelOf(const TableDef& t) const {
  auto it = levels_.find(t.oid);
  if (it != levels_.end()) return it->second;
  Level level;
  level.table = &t;
  level.types = PartitionKeyTypes(t);
  for (uint32_t p : PartitionsOf(cat_, t.oid)) {
    const TableDef* part = cat_.FindTable(p);
    if (part->partition_bound->is_default) level.default_partition = part;
    else level.partitions.push_back(part);
  }
  return levels_.emplace(t.oid, std::move(level)).first->second;
}

const TableDef* PartitionRouter::Descend(const Row& row, const TableDef** unplaced) const {
  *unplaced = nullptr;
  const TableDef* t = &root_;
  while (t->partition_key) {
    const Level& level = LevelOf(*t);
    std::vector<Value> key = keys_->Values(*t, row);
    const TableDef* next = nullptr;
    for (const TableDef* p : level.partitions)
      if (BoundHolds(t->partition_key->strategy, level.types, *p->partition_bound, key)) {
        next = p;
        break;
      }
    if (!next) {
      *unplaced = t;
      next = level.default_partition;
      if (!next) return nullptr;
    }
    t = next;
  }
  return t;
}

uint32_t PartitionRouter::FindLeaf(const Row& row) const {
  const TableDef* unplaced = nullptr;
  const TableDef* leaf = Descend(row, &unplaced);
  return leaf ? leaf->oid : 0;
}

const TableDef* PartitionRouter::Unplaced(const Row& row) const {
  const TableDef* unplaced = nullptr;
  Descend(row, &unplaced);
  return unplaced;
}

uint32_t PartitionRouter::LeafFor(const Row& row, const DateTimeContext& ctx) const {
  const TableDef* t = nullptr;
  if (const TableDef* leaf = Descend(row, &t)) return leaf->oid;
  const Level& level = LevelOf(*t);
  std::vector<Value> key = keys_->Values(*t, row);
  std::string columns, values;
  for (size_t i = 0; i < key.size(); i++) {
    columns += (i ? ", " : "") + keys_->PartName(*t, i);
    values += (i ? ", " : "") + (key[i].is_null() ? std::string("null") : FormatText(level.types[i], key[i], ctx));
  }
  throw Error(sqlstate::kCheckViolation, "no partition of relation \"" + t->name + "\" found for row")
      .WithDetail("Partition key of the failing row contains (" + columns + ") = (" + values + ").")
      .WithConstraint(t->name, "");
}

bool RowFitsPartition(const Catalog& cat, const TableDef& t, const Row& row, PartitionKeyParts& keys) {
  for (const TableDef* p = &t; p->partition_parent; p = cat.FindTable(p->partition_parent)) {
    const TableDef& parent = *cat.FindTable(p->partition_parent);
    std::vector<Type> types = PartitionKeyTypes(parent);
    std::vector<Value> key = keys.Values(parent, row);
    char strategy = parent.partition_key->strategy;
    if (!p->partition_bound->is_default) {
      if (!BoundHolds(strategy, types, *p->partition_bound, key)) return false;
      continue;
    }
    for (uint32_t s : PartitionsOf(cat, parent.oid)) {
      const PartitionBoundDef& b = *cat.FindTable(s)->partition_bound;
      if (!b.is_default && BoundHolds(strategy, types, b, key)) return false;
    }
  }
  return true;
}

}  // namespace tusk
