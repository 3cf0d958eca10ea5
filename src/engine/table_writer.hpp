// TableWriter: every write to a table goes through here, so that NOT NULL, CHECK, foreign keys
// (both directions, with ON DELETE/UPDATE actions) and unique indexes are enforced in one place
// for INSERT, UPDATE, DELETE and ALTER TABLE.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "access/table_access.hpp"
#include "planner/planner.hpp"
#include "security/row_security.hpp"

namespace tusk {

class TriggerRunner;
class PartitionRouter;
class PartitionKeyParts;

class TableWriter {
 public:
  TableWriter(Planner* planner, const TableDef* table);
  ~TableWriter();

  const TableDef& table() const { return *table_; }
  TableAccess& access() { return *access_; }
  // The DEFAULT of a column evaluated now (NULL when none, and for a generated column, whose
  // value ComputeGenerated gives).
  Value DefaultFor(size_t column);
  // Sets every stored generated column of `row` (a full row of the table) to its expression
  // over the row's other columns. Insert and Update do it too: callers that need the values
  // before writing (RETURNING, ON CONFLICT arbiters) call it first.
  void ComputeGenerated(Row* row);
  // For a column of a domain type: throws as the domain's NOT NULL and CHECKs do when `v` (a
  // value of its base type, or NULL) is not a value of the domain (COPY reads values that no
  // cast has checked). Nothing for other columns.
  void CheckDomain(size_t column, const Value& v);
  // Checks NOT NULL, CHECK, the view CHECK OPTIONs added below and outgoing foreign keys of a
  // new row version.
  // `routed`: the row reached this partition by routing, so its bound holds.
  void CheckRow(const Row& row, const Row* old_row, bool routed = false);
  // A written row must make `condition` true (NULL fails too), or the write fails with 44000
  // naming `view`: a CHECK OPTION of the view the statement writes through.
  void AddViewCheck(const std::string& view, ExprP condition) { view_checks_.emplace_back(view, std::move(condition)); }
  // Row-level security's checks (security/row_security.hpp) of the rows the statement inserts
  // (CheckInsertPolicies: its caller makes them before it looks for an ON CONFLICT row, as
  // PostgreSQL does) and of its updated rows (made by Update, before the table's constraints).
  void SetPolicyChecks(std::vector<PolicyCheck> on_insert, std::vector<PolicyCheck> on_update) {
    insert_policy_checks_ = std::move(on_insert);
    update_policy_checks_ = std::move(on_update);
  }
  void CheckInsertPolicies(const Row& row) { CheckPolicies(insert_policy_checks_, row); }
  // On a partitioned table these route: Insert to the leaf partition that takes the row, Update
  // and Delete to the partition the key is in; an Update whose new row leaves its partition
  // moves it (deleted there, inserted through routing), as PostgreSQL does.
  std::string Insert(const Row& row);
  // Insert into this partition, which routing chose (WriterForRow); `bound_holds` skips the
  // check of its bound.
  std::string InsertRouted(const Row& row, bool bound_holds) { return InsertRow(row, bound_holds); }
  std::string Update(const std::string& key, const Row& old_row, const Row& new_row);
  // `moving`: the row moves out of its partition in an Update of that partitioned table, which
  // runs the actions of foreign keys referencing it (or the tables above it) as for an update.
  void Delete(const std::string& key, const Row& row, uint32_t moving = 0);
  // The access of the table holding the row stored under `key`: a partition's, for a
  // partitioned table; else this table's.
  TableAccess& AccessFor(const std::string& key);
  // The writer of the table a new row goes to: the leaf partition routing gives, for a
  // partitioned table (23514 when none); else this one.
  TableWriter& WriterForRow(const Row& row);
  // A partitioned table's writer routes by the catalog its statement was planned with; when a
  // partition was attached, detached, created or dropped since (the statement waited for that
  // DDL's lock), it fails with 40001 instead of writing by the old layout. Each run checks.
  void CheckPartitionsCurrent();
  // The writer of the table holding the row under `key`: its partition's, for a partitioned
  // table; else this one. Row triggers fire from it.
  TableWriter& WriterForKey(const std::string& key);
  // After a statement on a partitioned table: the AFTER ROW triggers its partitions queued, in
  // the order of the rows, before the partitioned table's AFTER STATEMENT triggers.
  void FirePartitionsAfterRowTriggers();
  // Would `row`, as a new version of the row under `key`, stay in the partition holding it?
  // (Always, for a table that is not partitioned.)
  bool StaysInPartition(const std::string& key, const Row& row);
  // The table's triggers, null when it has none.
  TriggerRunner* triggers() { return triggers_.get(); }
  // Text of a row as DETAIL lines show it: "(1, null, abc)".
  std::string FailingRow(const Row& row);

 private:
  Value EvalDefault(size_t column);
  void BindChecks();
  void CheckPolicies(const std::vector<PolicyCheck>& checks, const Row& row);
  // `given` itself when the table has no generated columns, else *computed: a copy with them set.
  const Row& WithGenerated(const Row& given, Row* computed);
  void CheckForeignKey(const ConstraintDef& fk, const Row& row);
  // Applies ON DELETE / ON UPDATE actions of foreign keys that reference this table or a
  // partitioned table above it, except (`left_to_caller`) that table and those above it.
  void ReferencedRowChanging(const Row& old_row, const Row* new_row, uint32_t left_to_caller = 0);
  TableWriter* WriterFor(uint32_t table);
  // The catalog routing follows: the statement's, or the session's once a partition was made
  // on demand (partition/maintenance.hpp) for one of its rows.
  const Catalog& RoutingCatalog() const;
  // The leaf partition taking `row`, made first when the table's schedule has one for it.
  uint32_t LeafForRow(const Row& row);
  // Partition keys' values of rows (their expressions bound by this writer's planner).
  PartitionKeyParts& Keys();
  TableWriter* PartitionWriterFor(const std::string& key);
  // Insert and Update below routing: `routed` rows were put in this partition by routing and
  // need no partition-constraint check.
  std::string InsertRow(const Row& row, bool routed);
  std::string UpdateRow(const std::string& key, const Row& old_row, const Row& new_row, bool routed);
  const BoundIndex* UniqueIndexOn(TableWriter* w, const std::vector<int>& cols);

  Planner* planner_;
  const TableDef* table_;
  std::unique_ptr<TriggerRunner> triggers_;
  std::unique_ptr<TableAccess> access_;
  std::unique_ptr<PartitionKeyParts> keys_;  // made at the first use
  std::unique_ptr<PartitionRouter> router_;  // a partitioned table's
  bool scheduled_ = false;  // it, or a partitioned table below it, has automatic partitions
  std::shared_ptr<const Catalog> routing_catalog_;  // null until a partition is made on demand
  std::set<std::string> declined_partitions_;       // MakePartitionOnDemand's
  std::vector<ExprP> defaults_;
  std::vector<bool> defaults_bound_;
  std::vector<std::pair<size_t, ExprP>> generated_;  // stored generated columns, bound once
  std::map<size_t, ExprP> domain_checks_;  // CheckDomain's, bound once per column
  std::vector<std::pair<const ConstraintDef*, ExprP>> checks_;  // CHECK constraints, bound at the first row
  bool checks_bound_ = false;
  std::vector<std::pair<std::string, ExprP>> view_checks_;
  std::vector<PolicyCheck> insert_policy_checks_, update_policy_checks_;
  std::vector<std::unique_ptr<Script>> holders_;
  std::map<uint32_t, std::unique_ptr<TableWriter>> others_;
  int depth_ = 0;
};

}  // namespace tusk
