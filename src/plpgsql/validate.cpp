#include <pg_query.h>

#include "common/error.hpp"
#include "plpgsql/function.hpp"
#include "plpgsql/parser.hpp"
#include "routines/body_position.hpp"

namespace tusk {

void ValidatePlpgsqlFunction(const FunctionDef& def, const std::string& statement_text, const std::string& create_text) {
  try {
    plpgsql::Parse(def.body, plpgsql::SignatureOf(def));
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
