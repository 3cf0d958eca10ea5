// CREATE TABLE ... PARTITION BY and ... PARTITION OF: the key, a new partition's bound with
// PostgreSQL's checks (overlaps, empty ranges, hash moduli, the DEFAULT partition's rows), and
// what a partition takes from its parent (columns, constraints, indexes).
#pragma once
#include <memory>
#include <string>

#include "catalog/catalog.hpp"
#include "parser/parser.hpp"
#include "partition/partition_def.hpp"

namespace tusk {

struct ExecState;
class Planner;

// PARTITION BY: the key over t's columns and expressions of them (22023, 42P17, 42703, 0A000
// as PostgreSQL; 0A000 for operator classes and collations, not supported yet).
std::shared_ptr<const PartitionKeyDef> BuildPartitionKey(ExecState* st, const Catalog& cat, PgQuery__PartitionSpec* spec, const TableDef& t);
// Is column `column` of partitioned table t a key column, or read by a key expression?
bool KeyUsesColumn(const TableDef& t, int column);
// A PRIMARY KEY or UNIQUE constraint of a partitioned table must hold every key column, and
// its key can have no expression (0A000).
void CheckUniqueIncludesKey(const TableDef& t, const std::string& constraint_kind, const std::vector<int>& columns);
// FOR VALUES ... / DEFAULT of a new partition `child_name` of `parent`: evaluated, checked
// against the other partitions and the DEFAULT partition's rows.
std::shared_ptr<const PartitionBoundDef> BuildPartitionBound(ExecState* st, Planner& planner, const Catalog& cat, const TableDef& parent,
                                                             const std::string& child_name, PgQuery__PartitionBoundSpec* spec);
// A new partition's columns, NOT NULLs, defaults, CHECK and FOREIGN KEY constraints and
// indexes, as its parent has them. Its rows keep the parent's column layout, dropped slots
// included, so a row passes between them unchanged.
void InheritFromParent(Catalog* cat, const TableDef& parent, TableDef* child);
// A column's options in CREATE TABLE ... PARTITION OF parent (col [WITH OPTIONS] DEFAULT ... NOT
// NULL CHECK ...): applied to the inherited column of `child`; its keys, checks and references go
// to *constraints (with the column's name) for the table's constraints to add. The column must
// exist (42703); generated and identity columns are the parent's only (0A000, as PostgreSQL).
void ApplyPartitionColumnOptions(ExecState* st, Catalog* cat, TableDef* child, PgQuery__ColumnDef* def,
                                 std::vector<std::pair<PgQuery__Constraint*, std::string>>* constraints);
// ALTER TABLE commands a partitioned table or a partition refuse, with PostgreSQL's errors where
// it refuses them too: a partition's own column changes (42P16), a partitioned table's ONLY
// forms that would leave its partitions behind (42P16), dropping a key column (42P16), and what
// Tusk cannot hand down yet (0A000). `only`: ALTER TABLE ONLY; `into_partition`: the command
// reached this partition from its parent (nothing is refused then). RENAME COLUMN likewise.
void RefusePartitionedAlter(const Catalog& cat, const TableDef& t, PgQuery__AlterTableCmd* cmd, bool only, bool into_partition);
// Does the command, given to a partitioned table without ONLY, apply to its partitions too
// (ADD / DROP COLUMN, ALTER COLUMN TYPE, SET / DROP DEFAULT, SET / DROP NOT NULL, DROP CONSTRAINT)? They share
// its column layout, and its CHECK and FOREIGN KEY constraints under the same names.
bool AlterRecursesToPartitions(const PgQuery__AlterTableCmd* cmd);
void RefusePartitionedColumnRename(const Catalog& cat, const TableDef& t, const std::string& column, bool only);
// The table and every partition below it, level by level.
std::vector<uint32_t> TableAndPartitions(const Catalog& cat, uint32_t table);
// Do two indexes (of a partitioned table and a partition) index the same columns alike?
bool SameIndexDefinition(const IndexDef& a, const IndexDef& b);
// Partitioned indexes. An index of a partitioned table (pg_class.relkind 'I') has, in each
// partition, the first index with the same definition as its partition (what ATTACH PARTITION
// keeps or makes, and ALTER INDEX ... ATTACH PARTITION accepts): derived, not stored.
// The partition's index that is the partition of `parent_index`; 0 when it has none.
uint32_t PartitionIndexFor(const Catalog& cat, const TableDef& partition, const IndexDef& parent_index);
// The index of the partition's parent that `index` is the partition of; 0 for none.
uint32_t ParentIndexOf(const Catalog& cat, const IndexDef& index);
// The key constraint (PRIMARY KEY / UNIQUE) of the partition's parent whose index is the parent
// of `c`'s index; 0 for none (pg_constraint.conparentid).
uint32_t ParentConstraintOf(const Catalog& cat, const TableDef& t, const ConstraintDef& c);
// pg_index.indisvalid: an index of a partitioned table is valid when every partition has its
// partition index, itself valid (an index made ON ONLY is not until they are attached).
bool IndexValid(const Catalog& cat, const IndexDef& index);
// The leaf partitions below a partitioned table (a table that is not partitioned: itself).
std::vector<const TableDef*> LeavesOf(const Catalog& cat, const TableDef& t);
// The partitions of a partitioned table, in OID order.
std::vector<uint32_t> PartitionsOf(const Catalog& cat, uint32_t parent);

}  // namespace tusk
