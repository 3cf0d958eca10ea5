#include "triggers/trigger_runner.hpp"

#include <algorithm>
#include <atomic>

#include "common/error.hpp"
#include "parser/parser.hpp"
#include "planner/planner.hpp"
#include "engine/session.hpp"
#include "execution/transition_tables.hpp"
#include "plpgsql/function.hpp"
#include "triggers/builtin_trigger_functions.hpp"

namespace tusk {

namespace {
const char* EventName(int16_t event) {
  switch (event) {
    case TriggerDef::kInsert: return "INSERT";
    case TriggerDef::kUpdate: return "UPDATE";
    case TriggerDef::kDelete: return "DELETE";
    default: return "TRUNCATE";
  }
}
const char* TimingName(int16_t timing) {
  return timing == TriggerDef::kBefore ? "BEFORE" : timing == TriggerDef::kInstead ? "INSTEAD OF" : "AFTER";
}
}  // namespace

bool TriggerFires(const TriggerDef& t, ExecState* st) {
  std::optional<std::string> role;
  if (st && st->session) role = st->session->GetSetting("session_replication_role");
  bool replica = role && *role == "replica";
  return t.enabled == 'A' || t.enabled == (replica ? 'R' : 'O');
}

TriggerRunner::TriggerRunner(Planner* planner, const TableDef* table)
    : planner_(planner), table_(table), row_type_(Type::Record(RowTypeOf(*table))) {
  for (const TriggerDef& d : table->triggers)
    if (TriggerFires(d, planner->state())) {
      triggers_.push_back({&d, nullptr});
      if (!d.old_table.empty() || !d.new_table.empty()) capture_events_ |= d.type;
    }
  for (const ColumnDef& c : table->columns)
    if (!c.dropped) {
      live_columns_.push_back(c.name);
      live_types_.push_back(c.type);
    }
  std::sort(triggers_.begin(), triggers_.end(), [](const Trigger& a, const Trigger& b) { return a.def->name < b.def->name; });
}

TriggerRunner::~TriggerRunner() = default;

std::vector<TriggerRunner::Trigger*> TriggerRunner::Matching(int16_t event, bool row, int16_t timing) {
  std::vector<Trigger*> out;
  for (Trigger& t : triggers_) {
    int16_t type = t.def->type;
    if (!(type & event) || ((type & TriggerDef::kRow) != 0) != row) continue;
    if ((type & (TriggerDef::kBefore | TriggerDef::kInstead)) != timing) continue;
    if (event == TriggerDef::kUpdate && !t.def->columns.empty()) {
      bool any = false;
      for (int c : t.def->columns) any |= std::find(updated_columns_.begin(), updated_columns_.end(), c) != updated_columns_.end();
      if (!any) continue;
    }
    out.push_back(&t);
  }
  return out;
}

Row TriggerRunner::LiveFields(const Row& row) const {
  Row out;
  for (size_t i = 0; i < table_->columns.size() && i < row.size(); i++)
    if (!table_->columns[i].dropped) out.push_back(row[i]);
  return out;
}

Row TriggerRunner::FullRow(const Row& live) const {
  Row out(table_->columns.size(), Value::Null());
  size_t k = 0;
  for (size_t i = 0; i < table_->columns.size(); i++)
    if (!table_->columns[i].dropped && k < live.size()) out[i] = live[k++];
  return out;
}

bool TriggerRunner::WhenHolds(Trigger& t, const Row* old_row, const Row* new_row) {
  if (t.def->when_sql.empty()) return true;
  if (!t.when) {
    Scope scope;
    scope.Add(planner_->TableScopeRel(table_, "old"));
    scope.Add(planner_->TableScopeRel(table_, "new"));
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(t.def->when_sql, &holder);
    t.when = planner_->binder().BindStored(e, scope, table_->schema);
    holders_.push_back(std::move(holder));
  }
  Row both(table_->columns.size() * 2, Value::Null());
  if (old_row) std::copy(old_row->begin(), old_row->end(), both.begin());
  if (new_row) std::copy(new_row->begin(), new_row->end(), both.begin() + static_cast<long>(table_->columns.size()));
  EvalContext ctx;
  ctx.state = planner_->state();
  ctx.row = &both;
  Value v = t.when->Eval(ctx);
  return !v.is_null() && v.b();
}

std::optional<Row> TriggerRunner::Call(Trigger& t, int16_t event, int16_t timing, const Row* old_row, const Row* new_row) {
  ExecState* st = planner_->state();
  auto def = st->catalog->FindFunction(t.def->function);
  const BuiltinTriggerFunction* builtin = def ? nullptr : FindBuiltinTriggerFunction(t.def->function);
  if (!def && !builtin) throw Error(sqlstate::kUndefinedFunction, "function of trigger \"" + t.def->name + "\" does not exist");
  TriggerCall call;
  call.name = t.def->name;
  call.when = TimingName(timing);
  call.level = (t.def->type & TriggerDef::kRow) ? "ROW" : "STATEMENT";
  call.op = EventName(event);
  call.relid = table_->oid;
  call.table = table_->name;
  call.schema = table_->schema;
  call.args = t.def->args;
  call.row_type = row_type_;
  Row old_live, new_live;
  if (old_row) call.old_row = &(old_live = LiveFields(*old_row));
  if (new_row) call.new_row = &(new_live = LiveFields(*new_row));
  TransitionTables transitions;
  if (!t.def->old_table.empty() || !t.def->new_table.empty()) {
    Captured& rows = captured_[event];
    if (!t.def->old_table.empty()) transitions.tables.push_back({t.def->old_table, live_columns_, live_types_, &rows.old_rows});
    if (!t.def->new_table.empty()) transitions.tables.push_back({t.def->new_table, live_columns_, live_types_, &rows.new_rows});
    call.transitions = &transitions;
  }
  std::optional<Row> result;
  if (builtin) {
    call.columns = &live_columns_;
    call.column_types = &live_types_;
    if (event == TriggerDef::kUpdate)
      for (int c : updated_columns_) call.updated_columns.push_back(table_->columns[static_cast<size_t>(c)].name);
    result = builtin->run(call, st);
  } else {
    result = RunPlpgsqlTrigger(*def, call, st);
  }
  if (!result) return std::nullopt;
  return FullRow(*result);
}

std::optional<Row> TriggerRunner::ChainRow(int16_t timing, int16_t event, const Row* old_row, const Row* new_row) {
  std::optional<Row> current;
  if (new_row) current = *new_row;
  else if (old_row) current = *old_row;
  for (Trigger* t : Matching(event, true, timing)) {
    const Row* n = event == TriggerDef::kDelete ? nullptr : &*current;
    if (!WhenHolds(*t, old_row, n)) continue;
    std::optional<Row> r = Call(*t, event, timing, old_row, n);
    if (!r) return std::nullopt;
    if (event != TriggerDef::kDelete) current = std::move(r);
  }
  return current;
}

void TriggerRunner::Capture(int16_t event, const Row* old_row, const Row* new_row) {
  if (!(capture_events_ & event)) return;
  Captured& rows = captured_[event];
  if (old_row) rows.old_rows.push_back(LiveFields(*old_row));
  if (new_row) rows.new_rows.push_back(LiveFields(*new_row));
}

void TriggerRunner::AfterRow(int16_t event, const Row* old_row, const Row* new_row) {
  Capture(event, old_row, new_row);
  static std::atomic<uint64_t> sequence{0};
  for (Trigger* t : Matching(event, true, 0)) {
    Pending p{t, event, std::nullopt, std::nullopt, sequence.fetch_add(1, std::memory_order_relaxed)};
    if (old_row) p.old_row = *old_row;
    if (new_row) p.new_row = *new_row;
    pending_.push_back(std::move(p));
  }
}

void TriggerRunner::FlushAfterRows(const std::vector<TriggerRunner*>& runners) {
  std::vector<std::pair<TriggerRunner*, Pending>> queue;
  for (TriggerRunner* r : runners) {
    for (Pending& p : r->pending_) queue.emplace_back(r, std::move(p));
    r->pending_.clear();
  }
  std::stable_sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) { return a.second.sequence < b.second.sequence; });
  for (auto& [r, p] : queue) {
    const Row* o = p.old_row ? &*p.old_row : nullptr;
    const Row* n = p.new_row ? &*p.new_row : nullptr;
    if (r->WhenHolds(*p.trigger, o, n)) r->Call(*p.trigger, p.event, 0, o, n);
  }
}

void TriggerRunner::AfterStatement(int16_t event) {
  FlushAfterRows({this});
  FireStatement(event, 0);
  captured_.erase(event);  // a prepared statement's next execution starts empty
}

void TriggerRunner::FireStatement(int16_t event, int16_t timing) {
  for (Trigger* t : Matching(event, false, timing)) Call(*t, event, timing, nullptr, nullptr);
}

}  // namespace tusk
