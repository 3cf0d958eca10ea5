// Firing a table's triggers around the rows a statement writes: BEFORE ROW triggers may change
// the row or skip it, AFTER ROW triggers are queued and fire when the statement's rows are all
// written (so they see every one of them), then AFTER STATEMENT ones; triggers of one kind fire
// in the order of their names, as in PostgreSQL. A view's triggers fire the same way, with its
// INSTEAD OF ROW triggers doing the write (views/instead_of.hpp gives the view a TableDef shape).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"

namespace tusk {

class Planner;
class Script;
namespace plpgsql {
struct Compiled;
}

// Whether a trigger fires in this session: tgenabled O unless session_replication_role is
// replica, R only then, A always, D never.
bool TriggerFires(const TriggerDef& t, ExecState* st);

class TriggerRunner {
 public:
  TriggerRunner(Planner* planner, const TableDef* table);
  ~TriggerRunner();

  // The columns an UPDATE sets (for UPDATE OF triggers).
  void SetUpdatedColumns(std::vector<int> columns) { updated_columns_ = std::move(columns); }
  void BeforeStatement(int16_t event) { FireStatement(event, TriggerDef::kBefore); }
  // BEFORE ROW triggers: the row to write as they leave it, or nullopt when one returned NULL
  // (the row is skipped). `event`: TriggerDef::kInsert / kUpdate / kDelete.
  std::optional<Row> BeforeRow(int16_t event, const Row* old_row, const Row* new_row) {
    return ChainRow(TriggerDef::kBefore, event, old_row, new_row);
  }
  // INSTEAD OF ROW triggers on a view, in place of the write: the row as they return it, or
  // nullopt when one returned NULL (the row does not count as written).
  std::optional<Row> InsteadRow(int16_t event, const Row* old_row, const Row* new_row) {
    return ChainRow(TriggerDef::kInstead, event, old_row, new_row);
  }
  void AfterRow(int16_t event, const Row* old_row, const Row* new_row);
  // The row for the transition tables of this table's statement triggers alone (AfterRow does
  // it too): a partitioned table's, for the rows a statement on it wrote in its partitions.
  void Capture(int16_t event, const Row* old_row, const Row* new_row);
  // The queued AFTER ROW triggers, then AFTER STATEMENT ones.
  void AfterStatement(int16_t event);
  // The queued AFTER ROW triggers alone, of several runners as one queue in the order their
  // rows were written: a partitioned table's partitions, whose rows a statement on it wrote
  // (the statement triggers are the partitioned table's).
  static void FlushAfterRows(const std::vector<TriggerRunner*>& runners);

 private:
  struct Trigger {
    const TriggerDef* def;
    ExprP when;  // bound at first use
  };
  struct Pending {
    Trigger* trigger;
    int16_t event;
    std::optional<Row> old_row, new_row;
    uint64_t sequence = 0;  // when it was queued, among every runner's
  };
  // The rows of one event the statement changed, for triggers with transition tables.
  struct Captured {
    std::vector<Row> old_rows, new_rows;  // live columns, as the trigger's tables show them
  };
  // timing: TriggerDef::kBefore, kInstead, or 0 for AFTER.
  std::vector<Trigger*> Matching(int16_t event, bool row, int16_t timing);
  std::optional<Row> ChainRow(int16_t timing, int16_t event, const Row* old_row, const Row* new_row);
  bool WhenHolds(Trigger& t, const Row* old_row, const Row* new_row);
  std::optional<Row> Call(Trigger& t, int16_t event, int16_t timing, const Row* old_row, const Row* new_row);
  void FireStatement(int16_t event, int16_t timing);
  Row LiveFields(const Row& row) const;
  Row FullRow(const Row& live) const;

  Planner* planner_;
  const TableDef* table_;
  Type row_type_;
  std::vector<Trigger> triggers_;  // in name order
  std::vector<int> updated_columns_;
  std::vector<Pending> pending_;
  int16_t capture_events_ = 0;  // events some trigger names transition tables for
  std::map<int16_t, Captured> captured_;
  std::vector<std::string> live_columns_;
  std::vector<Type> live_types_;
  std::vector<std::unique_ptr<Script>> holders_;
};

}  // namespace tusk
