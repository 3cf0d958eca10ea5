// Firing a table's triggers around the rows a statement writes: BEFORE ROW triggers may change
// the row or skip it, AFTER ROW triggers are queued and fire when the statement's rows are all
// written (so they see every one of them), then AFTER STATEMENT ones; triggers of one kind fire
// in the order of their names, as in PostgreSQL.
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

class TriggerRunner {
 public:
  TriggerRunner(Planner* planner, const TableDef* table);
  ~TriggerRunner();

  // The columns an UPDATE sets (for UPDATE OF triggers).
  void SetUpdatedColumns(std::vector<int> columns) { updated_columns_ = std::move(columns); }
  void BeforeStatement(int16_t event) { FireStatement(event, true); }
  // BEFORE ROW triggers: the row to write as they leave it, or nullopt when one returned NULL
  // (the row is skipped). `event`: TriggerDef::kInsert / kUpdate / kDelete.
  std::optional<Row> BeforeRow(int16_t event, const Row* old_row, const Row* new_row);
  void AfterRow(int16_t event, const Row* old_row, const Row* new_row);
  // The queued AFTER ROW triggers, then AFTER STATEMENT ones.
  void AfterStatement(int16_t event);

 private:
  struct Trigger {
    const TriggerDef* def;
    ExprP when;  // bound at first use
  };
  struct Pending {
    Trigger* trigger;
    int16_t event;
    std::optional<Row> old_row, new_row;
  };
  std::vector<Trigger*> Matching(int16_t event, bool row, bool before);
  bool WhenHolds(Trigger& t, const Row* old_row, const Row* new_row);
  std::optional<Row> Call(Trigger& t, int16_t event, bool before, const Row* old_row, const Row* new_row);
  void FireStatement(int16_t event, bool before);
  Row LiveFields(const Row& row) const;
  Row FullRow(const Row& live) const;

  Planner* planner_;
  const TableDef* table_;
  Type row_type_;
  std::vector<Trigger> triggers_;  // in name order
  std::vector<int> updated_columns_;
  std::vector<Pending> pending_;
  std::vector<std::unique_ptr<Script>> holders_;
};

}  // namespace tusk
