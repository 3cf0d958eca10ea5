#include "partition/maintenance.hpp"

#include <algorithm>
#include <chrono>

#include "access/table_locks.hpp"
#include "binder/binder.hpp"
#include "catalog/system/catalogs.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "engine/statement_log.hpp"
#include "function/set_returning.hpp"
#include "parser/parser.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/time_schedule.hpp"
#include "settings/settings.hpp"

namespace tusk {

// ---- the log of last results ----

void PartitionMaintenanceLog::Record(uint32_t database, uint32_t table, Entry e) {
  std::lock_guard<std::mutex> lock(mu_);
  last_[{database, table}] = std::move(e);
}

std::optional<PartitionMaintenanceLog::Entry> PartitionMaintenanceLog::Last(uint32_t database, uint32_t table) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = last_.find({database, table});
  if (it == last_.end()) return std::nullopt;
  return it->second;
}

namespace {

struct RowsSink : ResultSink {
  std::vector<Row> rows;
  void AddRow(const Row& row) override { rows.push_back(row); }
};

// Runs one statement, given as text, inside the running one; returns its rows.
std::vector<Row> RunText(ExecState* st, const std::string& text) {
  std::unique_ptr<Script> script = ParseSql(text);
  RowsSink sink;
  ForgetOpenedSince forget(st);
  NestedStatementScope nested(st, {});
  Binder::FunctionParametersScope hide(nullptr);
  st->session->RunNested(script->statements.at(0).stmt, st, {}, &sink);
  return std::move(sink.rows);
}

std::string Qualified(const std::string& schema, const std::string& name) { return QuoteIdent(schema) + "." + QuoteIdent(name); }

// Is the DEFAULT partition holding a row of `step`'s range? Such a partition would fail to be
// made (23514): those rows are the user's to move.
bool DefaultHoldsRange(ExecState* st, const Catalog& cat, const TableDef& parent, const MaintenanceStep& step) {
  if (!step.default_partition) return false;
  const TableDef* def = cat.FindTable(step.default_partition);
  const std::string key = QuoteIdent(parent.columns[static_cast<size_t>(parent.partition_key->columns[0])].name);
  return !RunText(st, "SELECT 1 FROM ONLY " + Qualified(def->schema, def->name) + " WHERE " + key + " >= " + step.from + " AND " + key +
                          " < " + step.to + " LIMIT 1")
              .empty();
}

std::string CreatePartitionSql(const TableDef& parent, const MaintenanceStep& step) {
  return "CREATE TABLE " + Qualified(parent.schema, step.partition) + " PARTITION OF " + Qualified(parent.schema, parent.name) +
         " FOR VALUES FROM (" + step.from + ") TO (" + step.to + ")";
}

// Carries out one table's steps; returns the rows tusk_partition_maintain shows for them.
std::vector<Row> MaintainTable(ExecState* st, uint32_t table) {
  const std::shared_ptr<const Catalog> cat = st->session->CurrentCatalog();
  const TableDef* parent = cat->FindTable(table);
  if (!parent || !parent->partition_schedule) return {};
  const std::string parent_name = Qualified(parent->schema, parent->name);
  std::vector<Row> out;
  size_t made = 0, retired = 0;
  for (MaintenanceStep& step : PlanMaintenance(*cat, *parent, st->session->DateTime().now)) {
    const std::string partition = Qualified(parent->schema, step.partition);
    const std::string range = "FROM (" + step.from + ") TO (" + step.to + ")";
    if (step.action == MaintenanceStep::kCreate && DefaultHoldsRange(st, *cat, *parent, step)) {
      step.action = MaintenanceStep::kSkip;
      step.detail = "the default partition \"" + cat->FindTable(step.default_partition)->name + "\" holds rows of its range";
    }
    switch (step.action) {
      case MaintenanceStep::kCreate:
        RunText(st, CreatePartitionSql(*parent, step));
        made++;
        break;
      case MaintenanceStep::kDrop:
        RunText(st, "DROP TABLE " + partition);
        retired++;
        break;
      case MaintenanceStep::kDetach:
        RunText(st, "ALTER TABLE " + parent_name + " DETACH PARTITION " + partition);
        retired++;
        break;
      case MaintenanceStep::kSkip:
        break;
    }
    out.push_back({Value::Int(table), Value::Str(MaintenanceActionName(step.action)), Value::Str(step.partition),
                   Value::Str(step.action == MaintenanceStep::kSkip ? step.detail : "FOR VALUES " + range)});
  }
  std::string result;
  if (made) result = "created " + std::to_string(made);
  if (retired) result += (result.empty() ? "" : ", ") + std::string(parent->partition_schedule->keep_retired ? "detached " : "dropped ") + std::to_string(retired);
  if (out.size() > made + retired) result += (result.empty() ? "" : ", ") + std::string("skipped ") + std::to_string(out.size() - made - retired);
  st->session->db()->partition_maintenance_log().Record(st->session->database_oid(), table,
                                                       {st->session->DateTime().now, result.empty() ? "nothing to do" : result});
  return out;
}

void BindPartitionMaintain(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.size() > 1) NoSuchSetFunction(shown, args, location);
  if (!args.empty()) args[0] = b.Coerce(args[0], Type(oid::kRegclass), CastContext::kImplicit, location);
  f.args = args;
  f.types = {Type(oid::kRegclass), Type(oid::kText), Type(oid::kText), Type(oid::kText)};
  f.columns = {"table_name", "action", "partition_name", "detail"};
  f.select_column = -1;
  f.generate = [](const std::vector<Value>& v, EvalContext& ctx) -> RowGenerator {
    ExecState* st = ctx.state;
    if (!st || !st->session) throw Error(sqlstate::kFeatureNotSupported, "tusk_partition_maintain can only run inside a statement");
    std::vector<uint32_t> tables;
    if (!v.empty()) {
      if (v[0].is_null()) return YieldRows({});
      const TableDef* t = st->session->CurrentCatalog()->FindTable(static_cast<uint32_t>(v[0].i()));
      if (!t || !t->partition_schedule)
        throw Error(sqlstate::kObjectNotInPrerequisiteState, "table \"" + (t ? t->name : std::to_string(v[0].i())) + "\" has no partition_interval")
            .WithHint("ALTER TABLE ... SET (partition_interval = '1 month') gives it automatic partitions.");
      tables.push_back(t->oid);
    } else {
      for (const auto& [oid, t] : st->session->CurrentCatalog()->tables())
        if (t.partition_schedule) tables.push_back(oid);
    }
    std::vector<Row> rows;
    for (uint32_t table : tables)
      for (Row& r : MaintainTable(st, table)) rows.push_back(std::move(r));
    return YieldRows(std::move(rows));
  };
}

}  // namespace

bool MakePartitionOnDemand(ExecState* st, uint32_t table, const Value& key, std::set<std::string>* declined) {
  const std::shared_ptr<const Catalog> cat = st->session->CurrentCatalog();
  const TableDef* parent = cat->FindTable(table);
  if (!parent || !parent->partition_schedule) return false;
  std::optional<MaintenanceStep> step = PlanPartitionFor(*cat, *parent, key, st->session->DateTime().now);
  if (!step) return false;
  const std::string which = std::to_string(table) + "." + step->partition;
  if (declined->count(which)) return false;
  if (step->action != MaintenanceStep::kCreate || DefaultHoldsRange(st, *cat, *parent, *step)) {
    declined->insert(which);
    return false;
  }
  // The lock CREATE TABLE ... PARTITION OF takes, taken before the catalog's: two writers that
  // both need a partition then wait for each other where deadlocks are detected (40P01),
  // not across the two kinds of lock.
  LockRelation(st, table, TableLockMode::kAccessExclusive);
  RunText(st, CreatePartitionSql(*parent, *step));
  LogLine(st->session->pid(), "partition \"" + step->partition + "\" of " + Qualified(parent->schema, parent->name) +
                                  " made on demand for a row: FOR VALUES FROM (" + step->from + ") TO (" + step->to + ")");
  return true;
}

void RegisterPartitionSchedulesView() {
  SystemRelation view;
  view.oid = 8900;  // in PostgreSQL's range for development: no PostgreSQL object has it
  view.schema = "pg_catalog";
  view.name = "tusk_partition_schedules";
  view.kind = 'v';
  view.columns = {{"schemaname", Type(oid::kName)},        {"tablename", Type(oid::kName)},
                  {"partition_interval", Type(oid::kInterval)}, {"premake", Type(oid::kInt4)},
                  {"retention", Type(oid::kInterval)},     {"retention_keep_table", Type(oid::kBool)},
                  {"time_zone", Type(oid::kText)},         {"partitions", Type(oid::kInt8)},
                  {"last_maintained", Type(oid::kTimestamptz)}, {"last_result", Type(oid::kText)}};
  view.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, t] : st.catalog->tables()) {
      const PartitionSchedule* s = t.partition_schedule.get();
      if (!s) continue;
      std::optional<PartitionMaintenanceLog::Entry> last;
      if (st.session) last = st.session->db()->partition_maintenance_log().Last(st.session->database_oid(), oid);
      rows->push_back({NameValue(t.schema), NameValue(t.name), Value::Iv(s->every), Value::Int(s->premake),
                       s->retention ? Value::Iv(*s->retention) : Value::Null(), Value::Bool(s->keep_retired), Value::Str(s->time_zone),
                       Value::Int(static_cast<int64_t>(PartitionsOf(*st.catalog, oid).size())),
                       last ? Value::Int(last->at) : Value::Null(), last ? Value::Str(last->result) : Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(view));
}

namespace {

int64_t NaptimeSeconds(Database* db) {
  const SettingDef* def = FindSetting("tusk.partition_maintenance_naptime");
  auto settings = db->config().Current();
  auto it = settings->values.find("tusk.partition_maintenance_naptime");
  std::string shown = it != settings->values.end() ? it->second : DefaultSetting(*def);
  return std::max<int64_t>(1, std::atoll(SettingInBaseUnit(*def, shown).c_str()));
}

}  // namespace

void RegisterPartitionSetFunctions() { RegisterSetFunction("tusk_partition_maintain", BindPartitionMaintain); }

// ---- the maintainer thread ----

PartitionMaintainer::PartitionMaintainer(Database* db) : db_(db) { worker_ = std::thread([this] { Run(); }); }

PartitionMaintainer::~PartitionMaintainer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void PartitionMaintainer::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  auto last = std::chrono::steady_clock::now();
  while (!stop_) {
    // A second at a time, so that a new naptime (pg_reload_conf) counts at once.
    cv_.wait_for(lock, std::chrono::seconds(1), [&] { return stop_; });
    if (stop_) break;
    if (std::chrono::steady_clock::now() - last < std::chrono::seconds(NaptimeSeconds(db_))) continue;
    last = std::chrono::steady_clock::now();
    lock.unlock();
    for (const auto& [oid, d] : db_->cluster()->databases()) {
      if (d.is_template || !d.allow_connections) continue;
      try {
        MaintainDatabase(oid, d.name);
      } catch (const std::exception& e) {
        LogLine(0, "automatic partition maintenance of database \"" + d.name + "\" failed: " + e.what());
      }
    }
    lock.lock();
  }
}

void PartitionMaintainer::MaintainDatabase(uint32_t database, const std::string& name) {
  std::vector<std::pair<uint32_t, std::string>> tables;
  for (const auto& [oid, t] : db_->catalog(database)->tables())
    if (t.partition_schedule) tables.push_back({oid, Qualified(t.schema, t.name)});
  if (tables.empty()) return;
  Session session(db_, db_->cluster()->SuperuserName(), name);
  RowsSink ignored;
  // Wait for the parent's lock no longer than this: the next pass tries again, and queries
  // queued behind a waiting CREATE TABLE would wait as long.
  session.ExecuteSimple("SET lock_timeout = '2s'", &ignored);
  for (const auto& [oid, table] : tables) {
    RowsSink sink;
    try {
      session.ExecuteSimple("SELECT table_name::text, action, partition_name, detail FROM pg_catalog.tusk_partition_maintain(" +
                                QuoteLiteral(table) + ")",
                            &sink);
    } catch (const Error& e) {
      LogLine(session.pid(), "automatic partition maintenance of " + table + " failed: " + e.what());
      db_->partition_maintenance_log().Record(database, oid, {session.DateTime().now, std::string("error: ") + e.what()});
      continue;
    }
    for (const Row& r : sink.rows) {
      const std::string& action = r[1].s();
      std::string line = "automatic partition maintenance " + action + " partition \"" + r[2].s() + "\" of " + r[0].s() + ": " + r[3].s();
      if (action == "skipped" && !skips_logged_.insert(std::to_string(database) + line).second) continue;
      LogLine(session.pid(), line);
    }
  }
}

}  // namespace tusk
