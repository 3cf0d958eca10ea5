#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/plan_cache.hpp"
#include "engine/statements.hpp"
#include "execution/append.hpp"
#include "planner/planner.hpp"
#include "routines/routine_ddl.hpp"

namespace tusk {

namespace {
// Runs INSERT/UPDATE/DELETE found in WITH clauses (see planner/planner.hpp).
struct RowCollector : ResultSink {
  std::vector<ColumnInfo> cols;
  std::vector<Row>* rows = nullptr;
  void Columns(const std::vector<ColumnInfo>& c) override { cols = c; }
  void AddRow(const Row& r) override { if (rows) rows->push_back(r); }
};

const bool kDmlRunnerInstalled = [] {
  DmlRunner() = [](Node* stmt, ExecState* st, ParamTypes* params, bool describe, std::vector<Row>* rows) {
    RowCollector sink;
    sink.rows = rows;
    bool saved = st->describe_only;
    st->describe_only = describe;
    struct Restore { ExecState* st; bool v; ~Restore() { st->describe_only = v; } } restore{st, saved};
    ForgetOpenedSince forget(st);
    switch (stmt->node_case) {
      case PG_QUERY__NODE__NODE_INSERT_STMT: ExecuteInsert(stmt->insert_stmt, st, params, &sink); break;
      case PG_QUERY__NODE__NODE_UPDATE_STMT: ExecuteUpdate(stmt->update_stmt, st, params, &sink); break;
      case PG_QUERY__NODE__NODE_DELETE_STMT: ExecuteDelete(stmt->delete_stmt, st, params, &sink); break;
      default: throw Error(sqlstate::kFeatureNotSupported, "this statement is not supported in WITH");
    }
    return sink.cols;
  };
  return true;
}();
}  // namespace

void ExecuteSelect(Node* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  Planner planner(st, params);
  PlannedQuery q = planner.PlanSelect(stmt, nullptr);
  RunPlannedSelect(&planner, q, st, sink);
}

namespace {
class SelectPlan : public StatementPlan {
 public:
  SelectPlan(Node* stmt, ExecState* st, ParamTypes* params) : planner_(st, params), query_(planner_.PlanSelect(stmt, nullptr)) {}
  void Run(ResultSink* sink) override { RunPlannedSelect(&planner_, query_, planner_.state(), sink); }
  bool Reusable() const override { return planner_.Reusable(); }
  const std::vector<ColumnInfo>& Columns() const override { return query_.columns; }

 private:
  Planner planner_;
  PlannedQuery query_;
};
}  // namespace

std::unique_ptr<StatementPlan> PlanSelectStatement(Node* stmt, ExecState* st, ParamTypes* params) {
  return std::make_unique<SelectPlan>(stmt, st, params);
}

void RunPlannedSelect(Planner* planner, const PlannedQuery& q, ExecState* st, ResultSink* sink) {
  sink->Columns(q.columns);
  EvalContext ctx;
  ctx.state = st;
  planner->RunDataModifyingCtes(&ctx);
  q.root->Open(&ctx);
  Row row;
  int64_t n = 0;
  while (q.root->Next(&row)) {
    sink->Emit(st, row);
    n++;
  }
  sink->Complete("SELECT " + std::to_string(n));
}

void ExecuteExplain(PgQuery__ExplainStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  for (size_t i = 0; i < stmt->n_options; i++) {
    auto* d = stmt->options[i]->def_elem;
    std::string name = d->defname;
    std::string val = d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_STRING ? ToLower(d->arg->string->sval) : "";
    if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_A_CONST && d->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
      val = ToLower(d->arg->a_const->sval->sval);
    bool off = val == "false" || val == "off" || val == "0";
    if (name == "analyze" && !off) throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN ANALYZE is not supported yet");
    if (name == "format" && val != "text") throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN formats other than text are not supported yet");
    if (name == "costs" && !off) throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN with costs is not supported yet; use EXPLAIN (COSTS OFF)");
    if (name != "analyze" && name != "costs" && name != "format" && name != "verbose" && name != "buffers" && name != "timing" && name != "summary" && name != "settings" && name != "wal")
      throw Error(sqlstate::kSyntaxError, "unrecognized EXPLAIN option \"" + name + "\"").WithPosition(d->location + 1);
  }
  if (stmt->n_options == 0) throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN with costs is not supported yet; use EXPLAIN (COSTS OFF)");
  if (stmt->query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
    throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN of this statement is not supported yet");
  Planner planner(st, params);
  PlannedQuery q = planner.PlanSelect(stmt->query, nullptr);
  std::vector<std::string> lines;
  {
    SqlNames names(st->dt, nullptr);  // constants naming objects print as the names stand now ('docs'::regconfig)
    EvalContext ctx;
    ctx.state = st;
    ExplainStartup startup(&ctx);  // run-time pruning shows as PostgreSQL's executor start-up does
    q.root->Explain(&lines, 0);
  }
  sink->Columns({{"QUERY PLAN", Type(oid::kText)}});
  for (const auto& l : lines) sink->AddRow({Value::Str(l)});
  sink->Complete("EXPLAIN");
}

std::vector<ColumnInfo> DescribeStatement(Node* stmt, ExecState* st, ParamTypes* params, bool* returns_rows) {
  // Run the statement's planning against a throwaway transaction that is never committed.
  std::unique_ptr<rocksdb::Transaction> txn(st->db->store()->Begin(false, 0));
  st->txn = txn.get();
  // Planning takes table locks in the throwaway transaction: they end with it.
  struct EndLocks {
    Database* db;
    uint64_t owner;
    ~EndLocks() { db->table_locks().ReleaseAll(owner); }
  } end_locks{st->db, txn->GetID()};
  st->snapshot = nullptr;
  struct CollectSink : ResultSink {
    std::vector<ColumnInfo> cols;
    bool got = false;
    void Columns(const std::vector<ColumnInfo>& c) override { cols = c; got = true; }
  } sink;
  *returns_rows = false;
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT: {
      Planner planner(st, params);
      PlannedQuery q = planner.PlanSelect(stmt, nullptr);
      *returns_rows = true;
      st->txn = nullptr;
      return q.columns;
    }
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
      *returns_rows = true;
      st->txn = nullptr;
      return {{"QUERY PLAN", Type(oid::kText)}};
    case PG_QUERY__NODE__NODE_CALL_STMT: {
      std::vector<ColumnInfo> columns = DescribeCall(stmt->call_stmt, st, params);
      *returns_rows = !columns.empty();
      st->txn = nullptr;
      return columns;
    }
    default:
      break;
  }
  // DML with RETURNING: the executors bind their RETURNING list and stop.
  st->describe_only = true;
  try {
    if (stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT) ExecuteInsert(stmt->insert_stmt, st, params, &sink);
    else if (stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT) ExecuteUpdate(stmt->update_stmt, st, params, &sink);
    else if (stmt->node_case == PG_QUERY__NODE__NODE_DELETE_STMT) ExecuteDelete(stmt->delete_stmt, st, params, &sink);
  } catch (...) {
    st->describe_only = false;
    st->txn = nullptr;
    throw;
  }
  st->describe_only = false;
  st->txn = nullptr;
  *returns_rows = sink.got;
  return sink.cols;
}

}  // namespace tusk
