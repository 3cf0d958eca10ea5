#include "partition/attach_detach.hpp"

#include <algorithm>

#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "engine/session.hpp"
#include "engine/table_writer.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/partition_triggers.hpp"
#include "partition/referenced_keys.hpp"
#include "partition/routing.hpp"

namespace tusk {

namespace {
const TableDef* NamedTable(ExecState* st, PgQuery__RangeVar* rv) {
  auto [kind, oid] = ResolveRelation(st, rv);
  const TableDef* t = kind == RelKind::kTable ? st->catalog->FindTable(oid) : nullptr;
  if (!t) throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a table");
  return t;
}

// The columns must be the parent's, with PostgreSQL's errors for what differs; the same order
// (dropped slots included) besides, which partitions share with their parent here.
void CheckNoOtherColumns(const TableDef& parent, const TableDef& child) {
  for (const ColumnDef& c : child.columns)
    if (!c.dropped && parent.FindColumn(c.name) < 0)
      throw Error(sqlstate::kDatatypeMismatch, "table \"" + child.name + "\" contains column \"" + c.name + "\" not found in parent \"" + parent.name + "\"")
          .WithDetail("The new partition may contain only the columns present in parent.");
}

void CheckColumns(const TableDef& parent, const TableDef& child) {
  for (const ColumnDef& p : parent.columns) {
    if (p.dropped) continue;
    int k = child.FindColumn(p.name);
    if (k < 0) throw Error(sqlstate::kDatatypeMismatch, "child table is missing column \"" + p.name + "\"");
    const ColumnDef& c = child.columns[static_cast<size_t>(k)];
    if (c.type != p.type) throw Error(sqlstate::kDatatypeMismatch, "child table \"" + child.name + "\" has different type for column \"" + p.name + "\"");
    if (p.not_null && !c.not_null) throw Error(sqlstate::kDatatypeMismatch, "column \"" + p.name + "\" in child table must be marked NOT NULL");
  }
  bool same_layout = parent.columns.size() == child.columns.size();
  for (size_t i = 0; same_layout && i < parent.columns.size(); i++)
    same_layout = parent.columns[i].dropped == child.columns[i].dropped &&
                  (parent.columns[i].dropped || parent.columns[i].name == child.columns[i].name);
  if (!same_layout)
    throw Error(sqlstate::kFeatureNotSupported, "attaching a table whose columns are not in the order of its parent's is not supported yet");
  for (const ConstraintDef& pc : parent.constraints) {
    if (pc.kind != 'c') continue;
    auto it = std::find_if(child.constraints.begin(), child.constraints.end(), [&](const ConstraintDef& c) { return c.kind == 'c' && c.name == pc.name; });
    if (it == child.constraints.end()) throw Error(sqlstate::kDatatypeMismatch, "child table is missing constraint \"" + pc.name + "\"");
    if (it->check_sql != pc.check_sql)
      throw Error(sqlstate::kDatatypeMismatch, "child table \"" + child.name + "\" has different definition for check constraint \"" + pc.name + "\"");
  }
}

}  // namespace

void AttachPartition(ExecState* st, Catalog* cat, uint32_t parent_oid, PgQuery__PartitionCmd* cmd) {
  const TableDef& parent = *cat->FindTable(parent_oid);
  if (!parent.partition_key) throw Error(sqlstate::kInvalidObjectDefinition, "table \"" + parent.name + "\" is not partitioned");
  const TableDef* child = NamedTable(st, cmd->name);
  if (child->partition_parent) throw Error(sqlstate::kWrongObjectType, "\"" + child->name + "\" is already a partition");
  for (uint32_t p = parent.oid; p; p = cat->FindTable(p)->partition_parent)
    if (p == child->oid)
      throw Error(sqlstate::kDuplicateTable, "circular inheritance not allowed")
          .WithDetail("\"" + parent.name + "\" is already a child of \"" + child->name + "\".");
  LockRelation(st, child->oid, TableLockMode::kAccessExclusive);
  // PostgreSQL's order: columns the parent lacks, the bound, then what the table must share.
  CheckNoOtherColumns(parent, *child);
  for (const TriggerDef& g : child->triggers)
    if ((g.type & TriggerDef::kRow) && (!g.old_table.empty() || !g.new_table.empty()))
      throw Error(sqlstate::kFeatureNotSupported, "trigger \"" + g.name + "\" prevents table \"" + child->name + "\" from becoming a partition")
          .WithDetail("ROW triggers with transition tables are not supported on partitions.");
  ParamTypes params;
  Planner planner(st, &params);
  auto bound = BuildPartitionBound(st, planner, *cat, parent, child->name, cmd->bound);
  CheckColumns(parent, *child);
  if (parent.pk_index && !child->pk_index)
    throw Error(sqlstate::kFeatureNotSupported, "attaching a table without its parent's primary key is not supported yet");
  TableDef* t = cat->MutableTable(child->oid);
  t->partition_parent = parent.oid;
  t->partition_bound = bound;
  // The parent's indexes and foreign keys, unless the table has them already.
  std::vector<uint32_t> made;
  for (uint32_t index_oid : parent.indexes) {
    const IndexDef& pix = *cat->FindIndex(index_oid);
    bool have = std::any_of(t->indexes.begin(), t->indexes.end(), [&](uint32_t i) { return SameIndexDefinition(*cat->FindIndex(i), pix); });
    if (have) continue;
    if (pix.primary) throw Error(sqlstate::kFeatureNotSupported, "attaching a table without its parent's primary key is not supported yet");
    IndexDef copy = pix;
    copy.oid = cat->AllocateOid();
    copy.table = t->oid;
    copy.name = ChooseRelationName(*cat, t->schema, t->name, IndexColumnNames(*t, copy), "idx");
    copy.clustered = false;
    t->indexes.push_back(copy.oid);
    made.push_back(copy.oid);
    cat->AddIndex(std::move(copy));
  }
  for (const ConstraintDef& c : parent.constraints) {
    if (c.kind != 'f') continue;
    bool have = std::any_of(t->constraints.begin(), t->constraints.end(), [&](const ConstraintDef& x) { return x.kind == 'f' && x.name == c.name; });
    if (have) continue;
    ConstraintDef copy = c;
    copy.oid = 0;
    t->constraints.push_back(copy);
  }
  cat->AssignObjectOids();
  st->catalog = std::make_shared<Catalog>(*cat);
  // Its rows (a partitioned table's: its leaves') must fit the bound and the foreign keys.
  const TableDef& attached = *st->catalog->FindTable(t->oid);
  PartitionKeyParts keys(&planner);
  for (const TableDef* leaf : LeavesOf(*st->catalog, attached)) {
    TableWriter writer(&planner, leaf);
    for (const auto& [key, row] : ScanAll(st, leaf)) {
      if (!RowFitsPartition(*st->catalog, attached, row, keys))
        throw Error(sqlstate::kCheckViolation, "partition constraint of relation \"" + leaf->name + "\" is violated by some row")
            .WithConstraint(leaf->name, "");
      writer.CheckRow(row, nullptr, true);
    }
  }
  for (uint32_t i : made) BuildIndex(st, attached, *st->catalog->FindIndex(i), IndexStorage::kNew);
  CopyRowTriggersDown(cat, parent_oid);
}

void DetachPartition(ExecState* st, Catalog* cat, uint32_t parent_oid, PgQuery__PartitionCmd* cmd, bool finalize) {
  const TableDef& parent = *cat->FindTable(parent_oid);
  if (cmd->concurrent && st->session->in_transaction_block())
    throw Error(sqlstate::kActiveSqlTransaction, "ALTER TABLE ... DETACH CONCURRENTLY cannot run inside a transaction block");
  if (cmd->concurrent)
    for (uint32_t p : PartitionsOf(*cat, parent.oid))
      if (cat->FindTable(p)->partition_bound->is_default)
        throw Error(sqlstate::kObjectNotInPrerequisiteState, "cannot detach partitions concurrently when a default partition exists");
  const TableDef* child = NamedTable(st, cmd->name);
  if (child->partition_parent != parent.oid)
    throw Error(sqlstate::kUndefinedTable, "relation \"" + child->name + "\" is not a partition of relation \"" + parent.name + "\"");
  if (finalize)
    throw Error(sqlstate::kObjectNotInPrerequisiteState, "cannot complete detaching partition \"" + child->name + "\"")
        .WithDetail("There's no pending concurrent detach.");
  LockRelation(st, child->oid, TableLockMode::kAccessExclusive);
  CheckDetachKeepsReferences(st, *cat, *child);
  DropCopiesOf(cat, child->oid, parent.oid);
  TableDef* t = cat->MutableTable(child->oid);
  t->partition_parent = 0;
  t->partition_bound = nullptr;
}

}  // namespace tusk

namespace tusk {

void AttachPartitionIndex(ExecState* st, Catalog* cat, PgQuery__RangeVar* parent_rv, PgQuery__PartitionCmd* cmd) {
  auto find = [&](PgQuery__RangeVar* rv) {
    auto rel = cat->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, st->session->SearchPath());
    if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
    return *rel;
  };
  auto [parent_kind, parent_oid] = find(parent_rv);
  if (parent_kind != RelKind::kIndex) throw Error(sqlstate::kWrongObjectType, "\"" + std::string(parent_rv->relname) + "\" is not an index");
  const IndexDef& parent = *cat->FindIndex(parent_oid);
  const TableDef& parent_table = *cat->FindTable(parent.table);
  if (!parent_table.partition_key)
    throw Error(sqlstate::kWrongObjectType, "ALTER action ATTACH PARTITION cannot be performed on relation \"" + parent.name + "\"")
        .WithDetail("This operation is not supported for indexes.");
  auto [child_kind, child_oid] = find(cmd->name);
  if (child_kind != RelKind::kIndex) throw Error(sqlstate::kInvalidObjectDefinition, "\"" + std::string(cmd->name->relname) + "\" is not an index");
  const IndexDef& child = *cat->FindIndex(child_oid);
  LockRelation(st, parent.table, TableLockMode::kShareUpdateExclusive);
  const uint32_t current = ParentIndexOf(*cat, child);
  if (current == parent.oid) return;  // attached already: nothing to do, as in PostgreSQL
  auto refuse = [&](const char* state, const std::string& detail) {
    return Error(state, "cannot attach index \"" + child.name + "\" as a partition of index \"" + parent.name + "\"").WithDetail(detail);
  };
  if (current) throw refuse(sqlstate::kObjectNotInPrerequisiteState, "Index \"" + child.name + "\" is already attached to another index.");
  const TableDef& partition = *cat->FindTable(child.table);
  if (partition.partition_parent != parent_table.oid)
    throw refuse(sqlstate::kObjectNotInPrerequisiteState,
                 "Index \"" + child.name + "\" is not an index on any partition of table \"" + parent_table.name + "\".");
  if (!SameIndexDefinition(parent, child)) throw refuse(sqlstate::kInvalidObjectDefinition, "The index definitions do not match.");
  // An equal index of the partition comes first: it is the attached one (partition_ddl.hpp).
  throw refuse(sqlstate::kObjectNotInPrerequisiteState, "Another index is already attached for partition \"" + partition.name + "\".");
}

}  // namespace tusk
