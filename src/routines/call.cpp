// CALL procedure(arguments): the call bound as a function call that must name a procedure, then
// run once.
#include "common/error.hpp"
#include "planner/planner.hpp"
#include "routines/routine_ddl.hpp"
#include "routines/sql_function.hpp"

namespace tusk {

void ExecuteCall(PgQuery__CallStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
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
  EvalContext ctx;
  Row no_row;
  ctx.row = &no_row;
  ctx.state = st;
  e->Eval(ctx);
  sink->Complete("CALL");
}

}  // namespace tusk
