#include "partition/referenced_keys.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/session.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/pruning.hpp"
#include "partition/routing.hpp"
#include "types/cast.hpp"
#include "types/text_io.hpp"

namespace tusk {

bool IsTableOrPartitionOf(const Catalog& cat, const TableDef& table, uint32_t ref) {
  for (const TableDef* t = &table; t; t = t->partition_parent ? cat.FindTable(t->partition_parent) : nullptr)
    if (t->oid == ref) return true;
  return false;
}

namespace {
// Depth first, each level in bound order (PostgreSQL's partition descriptor order).
void CollectPartitions(const Catalog& cat, const TableDef& parent, std::vector<uint32_t>* out) {
  PartitionKeyParts unused(nullptr);  // no conditions: no key is read
  for (const TableDef* p : PrunePartitions(cat, parent, {}, unused)) {
    out->push_back(p->oid);
    if (p->partition_key) CollectPartitions(cat, *p, out);
  }
}
}  // namespace

std::string ReferencedPartitionConstraintName(const Catalog& cat, const TableDef& referencing, const ConstraintDef& fk,
                                              uint32_t partition) {
  if (partition == fk.ref_table) return fk.name;
  const TableDef* referenced = cat.FindTable(fk.ref_table);
  if (!referenced) return fk.name;
  std::vector<uint32_t> all, order;
  CollectPartitions(cat, *referenced, &all);
  // Those older than the key got their copies when it was made; later ones as each was made.
  for (uint32_t p : all)
    if (p < fk.oid) order.push_back(p);
  std::vector<uint32_t> later;
  for (uint32_t p : all)
    if (p > fk.oid) later.push_back(p);
  std::sort(later.begin(), later.end());
  order.insert(order.end(), later.begin(), later.end());
  std::set<std::string> taken;
  for (const ConstraintDef& c : referencing.constraints) taken.insert(c.name);
  std::string base = referencing.name;
  for (int c : fk.columns) base += "_" + referencing.columns[static_cast<size_t>(c)].name;
  for (uint32_t p : order) {
    std::string name;
    for (int n = 0;; n++) {
      std::string label = "fkey" + (n ? std::to_string(n) : "");
      name = base + "_" + label;
      if (name.size() > 63) name = base.substr(0, 63 - label.size() - 1) + "_" + label;
      if (!taken.count(name)) break;
    }
    taken.insert(name);
    if (p == partition) return name;
  }
  return fk.name;
}

void CheckDetachKeepsReferences(ExecState* st, const Catalog& cat, const TableDef& partition) {
  for (const auto& [oid, referencing] : cat.tables())
    for (const ConstraintDef& fk : referencing.constraints) {
      if (fk.kind != 'f' || fk.ref_table == partition.oid || !IsTableOrPartitionOf(cat, partition, fk.ref_table)) continue;
      const TableDef& referenced = *cat.FindTable(fk.ref_table);
      PartitionKeyParts keys(nullptr);  // a referenced table's keys are columns (its unique key holds them)
      PartitionRouter router(cat, referenced, &keys);
      for (const auto& [key, row] : ScanAll(st, &referencing)) {
        // Where the row's key would be: in the partition leaving?
        Row probe(referenced.columns.size(), Value::Null());
        bool has_null = false;
        for (size_t i = 0; i < fk.columns.size(); i++) {
          const Value& v = row[static_cast<size_t>(fk.columns[i])];
          has_null |= v.is_null();
          const Type& from = referencing.columns[static_cast<size_t>(fk.columns[i])].type;
          const Type& to = referenced.columns[static_cast<size_t>(fk.ref_columns[i])].type;
          probe[static_cast<size_t>(fk.ref_columns[i])] = v.is_null() || from == to ? v : CastValue(v, from, to, CastContext::kImplicit, st->dt);
        }
        if (has_null) continue;
        uint32_t leaf = router.FindLeaf(probe);
        if (!leaf || !IsTableOrPartitionOf(cat, *cat.FindTable(leaf), partition.oid)) continue;
        std::string cols, vals;
        for (size_t i = 0; i < fk.columns.size(); i++) {
          const ColumnDef& c = referencing.columns[static_cast<size_t>(fk.columns[i])];
          cols += (i ? ", " : "") + c.name;
          vals += (i ? ", " : "") + FormatText(c.type, row[static_cast<size_t>(fk.columns[i])], st->dt);
        }
        const std::string name = ReferencedPartitionConstraintName(cat, referencing, fk, partition.oid);
        throw Error(sqlstate::kForeignKeyViolation, "removing partition \"" + partition.name + "\" violates foreign key constraint \"" + name + "\"")
            .WithDetail("Key (" + cols + ")=(" + vals + ") is still referenced from table \"" + referencing.name + "\".")
            .WithConstraint(referencing.name, name);
      }
    }
}

}  // namespace tusk
