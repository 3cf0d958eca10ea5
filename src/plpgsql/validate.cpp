#include <pg_query.h>

#include "common/error.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"
#include "planner/planner.hpp"
#include "plpgsql/function.hpp"
#include "plpgsql/parser.hpp"
#include "routines/body_position.hpp"

namespace tusk {

namespace {
// Each declared type written out by name must name a type, as PostgreSQL's compiler finds.
void CheckDeclaredTypes(const plpgsql::Function& fn, ExecState* st) {
  for (const plpgsql::Variable& v : fn.vars) {
    if (v.implicit || v.type.kind != plpgsql::TypeRef::Kind::kNamed || v.type.text.empty() || v.type.offset < 0) continue;
    try {
      auto script = ParseSql("SELECT NULL::" + v.type.text);
      ExecState plan_state = *st;
      ParamTypes params;
      Planner planner(&plan_state, &params);
      planner.PlanSelect(script->statements.at(0).stmt, nullptr);
    } catch (Error& e) {
      if (std::string_view(e.state()) != sqlstate::kUndefinedObject) throw;
      e.ClearPosition().WithPosition(static_cast<int>(v.type.offset) + 1);
      throw;
    }
  }
}
}  // namespace

void ValidatePlpgsqlFunction(const FunctionDef& def, const std::string& statement_text, const std::string& create_text,
                             ExecState* st) {
  try {
    plpgsql::Function fn = plpgsql::Parse(def.body, plpgsql::SignatureOf(def));
    if (st) CheckDeclaredTypes(fn, st);
  } catch (Error& e) {
    if (std::string_view(e.state()) == sqlstate::kFeatureNotSupported) return;  // the call says so
    if (e.position() > 0) {
      MovePositionIntoStatement(e, statement_text, def.body);
      throw;
    }
    if (std::string_view(e.state()) != sqlstate::kSyntaxError || !e.context().empty()) throw;
    // libpg_query's PL/pgSQL grammar knows neither the parameters' kinds nor the variables'
    // types, so it only words errors Tusk's parser found.
    PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(create_text.c_str());
    struct Free {
      PgQueryPlpgsqlParseResult* r;
      ~Free() { pg_query_free_plpgsql_parse_result(*r); }
    } free_result{&r};
    if (r.error) throw Error(sqlstate::kSyntaxError, r.error->message);
    throw;
  }
}

}  // namespace tusk
