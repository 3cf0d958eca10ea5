// CALL procedure(arguments): the call bound as a function call that must name a procedure, then
// run once.
#include "common/error.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "routines/routine_ddl.hpp"
#include "routines/sql_function.hpp"

namespace tusk {

std::vector<ColumnInfo> CallResultColumns(const FunctionDef& procedure) {
  std::vector<ColumnInfo> columns;
  for (const FunctionArg& a : procedure.args)
    if (a.mode == 'o' || a.mode == 'b') columns.push_back({a.name.empty() ? "column" + std::to_string(columns.size() + 1) : a.name, a.type, 0, 0});
  return columns;
}

namespace {
// The call bound; 42809 when it names a function rather than a procedure.
ExprP BindCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params) {
  Planner planner(st, params);
  planner.binder().calling_procedure = true;
  planner.binder().set_clause("CALL");
  Node call = PG_QUERY__NODE__INIT;
  call.node_case = PG_QUERY__NODE__NODE_FUNC_CALL;
  call.func_call = stmt->funccall;
  Scope none;
  ExprP e = planner.binder().Bind(&call, none);
  if (!IsProcedureCall(*e)) {
    // a built-in function: PostgreSQL names it with its argument types
    std::string name = StrVal(stmt->funccall->funcname[stmt->funccall->n_funcname - 1]) + "(";
    for (size_t i = 0; i < stmt->funccall->n_args; i++) {
      ExprP a = planner.binder().Bind(stmt->funccall->args[i], none);
      name += (i ? ", " : "") + TypeName(a->type);
    }
    throw Error(sqlstate::kWrongObjectType, name + ") is not a procedure")
        .WithHint("To call a function, use SELECT.").WithPosition(stmt->funccall->location + 1);
  }
  return e;
}
}  // namespace

std::vector<ColumnInfo> DescribeCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params) {
  return CallResultColumns(CalledProcedure(*BindCall(stmt, st, params)));
}

void ExecuteCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink, bool nonatomic) {
  ExprP e = BindCall(stmt, st, params);
  const FunctionDef& procedure = CalledProcedure(*e);
  // PostgreSQL runs a procedure with SET clauses or SECURITY DEFINER atomically: what it put in
  // force must end with the call, not with a transaction it started.
  nonatomic = nonatomic && st->session && !procedure.security_definer && procedure.config.empty();
  // (an atomic CALL clears an outer one's mark: at worst that one runs atomic)
  struct NonAtomicMark {
    Session* session;
    ~NonAtomicMark() {
      if (session) session->MarkNonAtomicCall(0);
    }
  } mark{st->session};
  if (st->session) st->session->MarkNonAtomicCall(nonatomic ? procedure.oid : 0);
  EvalContext ctx;
  Row no_row;
  ctx.row = &no_row;
  ctx.state = st;
  Value result = e->Eval(ctx);
  std::vector<ColumnInfo> columns = CallResultColumns(procedure);
  if (!columns.empty()) {
    // the output parameters' values, one row
    std::vector<int> targets;
    std::vector<const FunctionArg*> params = procedure.InvocationArgs();
    const auto& bound = CalledArguments(*e);
    for (size_t i = 0; i < params.size(); i++) {
      if (params[i]->mode != 'o' && params[i]->mode != 'b') continue;
      const Expr* arg = i < bound.size() ? bound[i].get() : nullptr;
      if (auto* cast = dynamic_cast<const CastExpr*>(arg)) arg = cast->arg.get();
      auto* param = dynamic_cast<const ParamExpr*>(arg);
      targets.push_back(param ? param->index : -1);
    }
    Row row = result.is_null() ? Row(columns.size(), Value::Null()) : result.arr();
    row.resize(columns.size(), Value::Null());
    sink->Columns(columns);
    sink->CallTargets(targets);
    sink->Emit(st, row);
  }
  sink->Complete("CALL");
}

}  // namespace tusk
