// VACUUM, ANALYZE and CHECKPOINT. Tusk's VACUUM compacts the storage of the tables it names
// (or all), dropping deleted keys and old versions, which is the space PostgreSQL's VACUUM
// reclaims, after merging their GIN indexes' single-row keys into posting lists. ANALYZE (analyze.cpp) gathers the planner's statistics of the tables it names (or
// all). CHECKPOINT writes the memtables to their files and syncs the WAL.
#include "ops/maintenance.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "access/gin/gin_merge.hpp"
#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/ddl_util.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"
#include "storage/store.hpp"

namespace tusk {

bool OptionIsOn(PgQuery__DefElem* option) {
  Node* arg = option->arg;
  if (!arg) return true;
  switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_BOOLEAN: return arg->boolean->boolval;
    case PG_QUERY__NODE__NODE_INTEGER:
      if (arg->integer->ival == 0 || arg->integer->ival == 1) return arg->integer->ival == 1;
      break;
    case PG_QUERY__NODE__NODE_STRING: {
      std::string v = ToLower(arg->string->sval);
      if (v == "true" || v == "on" || v == "yes" || v == "t" || v == "y") return true;
      if (v == "false" || v == "off" || v == "no" || v == "f" || v == "n") return false;
      break;
    }
    default: break;
  }
  throw Error(sqlstate::kSyntaxError, std::string(option->defname) + " requires a Boolean value");
}

void CompactRelation(ExecState* st, const TableDef& t) {
  Store* store = st->db->store();
  std::string p = RelationPrefix(t.oid);
  store->Compact(p, PrefixSuccessor(p));
  for (uint32_t index : t.indexes) {
    const IndexDef* def = st->catalog->FindIndex(index);
    if (def && def->am == "gin") MergeGinIndex(store, index);  // its single-row keys into posting lists
    std::string ip = RelationPrefix(index);
    store->Compact(ip, PrefixSuccessor(ip));
  }
}

namespace {
double Seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }
double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

CpuClock::CpuClock() {
  rusage ru{};
  getrusage(RUSAGE_THREAD, &ru);
  user_ = Seconds(ru.ru_utime);
  system_ = Seconds(ru.ru_stime);
  wall_ = WallSeconds();
}

std::string CpuClock::Report() const {
  CpuClock now;
  char buf[128];
  snprintf(buf, sizeof buf, "CPU: user: %.2f s, system: %.2f s, elapsed: %.2f s", now.user_ - user_, now.system_ - system_,
           now.wall_ - wall_);
  return buf;
}

void ExecuteVacuum(PgQuery__VacuumStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink, bool in_transaction_block) {
  const char* tag = stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
  if (stmt->is_vacuumcmd && in_transaction_block)
    throw Error(sqlstate::kActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
  bool analyze = !stmt->is_vacuumcmd, verbose = false;
  for (size_t i = 0; i < stmt->n_options; i++) {
    std::string name = stmt->options[i]->def_elem->defname;
    if (name == "analyze") analyze = OptionIsOn(stmt->options[i]->def_elem);
    if (name == "verbose") verbose = OptionIsOn(stmt->options[i]->def_elem);
  }
  Planner planner(st, params);
  struct Target {
    const TableDef* table;
    std::vector<int> columns;  // ANALYZE's column list; empty: every column
  };
  std::vector<Target> targets;
  for (size_t i = 0; i < stmt->n_rels; i++) {
    auto* vr = stmt->rels[i]->vacuum_relation;
    if (vr->n_va_cols && !analyze)
      throw Error(sqlstate::kFeatureNotSupported, "ANALYZE option must be specified when a column list is provided");
    const TableDef* t = nullptr;
    try {
      t = planner.ResolveTable(vr->relation, TableLockMode::kShareUpdateExclusive);
    } catch (Error& e) {
      throw e.ClearPosition();  // PostgreSQL reports these without a cursor position
    }
    Target target{t, {}};
    for (size_t k = 0; k < vr->n_va_cols; k++) {
      std::string col = vr->va_cols[k]->string->sval;
      int pos = t->FindColumn(col);
      if (pos < 0)
        throw Error(sqlstate::kUndefinedColumn, "column \"" + col + "\" of relation \"" + t->name + "\" does not exist");
      if (std::find(target.columns.begin(), target.columns.end(), pos) != target.columns.end())
        throw Error(sqlstate::kDuplicateColumn, "column \"" + col + "\" of relation \"" + t->name + "\" appears more than once");
      target.columns.push_back(pos);
    }
    targets.push_back(std::move(target));
  }
  if (stmt->n_rels == 0)
    for (const auto& [oid, t] : st->catalog->tables()) {
      if (t.composite) continue;  // a type, no rows
      LockRelation(st, oid, TableLockMode::kShareUpdateExclusive);
      targets.push_back({&t, {}});
    }
  for (const Target& target : targets) {
    CheckInterrupts(st);
    if (stmt->is_vacuumcmd) CompactRelation(st, *target.table);
    if (analyze) AnalyzeTable(st, *target.table, target.columns, verbose, sink);
  }
  sink->Complete(tag);
}

void ExecuteCheckpoint(ExecState* st, ResultSink* sink) {
  if (!st->session->superuser())
    throw Error(sqlstate::kInsufficientPrivilege, "must be superuser to do CHECKPOINT");
  st->db->store()->Checkpoint();
  sink->Complete("CHECKPOINT");
}

}  // namespace tusk
