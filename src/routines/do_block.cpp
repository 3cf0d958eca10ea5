// DO [LANGUAGE plpgsql] $$ body $$: an anonymous PL/pgSQL block, run once.
#include "common/error.hpp"
#include "plpgsql/function.hpp"
#include "routines/routine_ddl.hpp"

namespace tusk {

void ExecuteDo(PgQuery__DoStmt* stmt, ExecState* st, ResultSink* sink, bool nonatomic) {
  std::string body, language = "plpgsql";
  for (size_t i = 0; i < stmt->n_args; i++) {
    PgQuery__DefElem* d = stmt->args[i]->def_elem;
    if (!d->arg || d->arg->node_case != PG_QUERY__NODE__NODE_STRING) continue;
    if (std::string(d->defname) == "as") body = d->arg->string->sval;
    if (std::string(d->defname) == "language") language = d->arg->string->sval;
  }
  if (language == "sql")
    throw Error(sqlstate::kFeatureNotSupported, "language \"sql\" does not support inline code execution");
  if (language != "plpgsql") throw Error(sqlstate::kUndefinedObject, "language \"" + language + "\" does not exist");
  RunDoBlock(body, st, nonatomic);
  sink->Complete("DO");
}

}  // namespace tusk
