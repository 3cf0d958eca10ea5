// Named prepared statements, one set per session shared by the SQL statements (PREPARE,
// EXECUTE, DEALLOCATE) and the extended protocol's Parse/Bind/Close: a statement prepared one
// way can be executed or closed the other way, and both keep their plan (engine/plan_cache.hpp).
#include <cctype>

#include "types/domain.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

// The statement of "PREPARE name [(type, ...)] AS statement": the text after AS.
std::string PreparedBody(const std::string& text) {
  size_t i = 0;
  auto skip_space = [&] {
    for (;;) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
      if (text.compare(i, 2, "--") == 0) {
        while (i < text.size() && text[i] != '\n') i++;
      } else if (text.compare(i, 2, "/*") == 0) {
        size_t end = text.find("*/", i + 2);
        i = end == std::string::npos ? text.size() : end + 2;
      } else {
        return;
      }
    }
  };
  auto skip_word = [&] {
    if (i < text.size() && text[i] == '"') {
      for (i++; i < text.size(); i++)
        if (text[i] == '"' && !(i + 1 < text.size() && text[i + 1] == '"')) { i++; return; }
        else if (text[i] == '"') i++;
      return;
    }
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '$' ||
                               static_cast<unsigned char>(text[i]) >= 0x80))
      i++;
  };
  skip_space();
  skip_word();  // PREPARE
  skip_space();
  skip_word();  // the name
  skip_space();
  if (i < text.size() && text[i] == '(') {
    int depth = 0;
    char quote = 0;
    for (; i < text.size(); i++) {
      char c = text[i];
      if (quote) { if (c == quote) quote = 0; continue; }
      if (c == '"' || c == '\'') quote = c;
      else if (c == '(') depth++;
      else if (c == ')' && --depth == 0) { i++; break; }
    }
    skip_space();
  }
  skip_word();  // AS
  return Trim(text.substr(i));
}

}  // namespace

void Session::AddPrepared(const std::string& name, std::shared_ptr<PreparedStatement> ps) {
  if (!name.empty() && prepared_.count(name)) throw Error("42P05", "prepared statement \"" + name + "\" already exists");
  prepared_[name] = std::move(ps);
}

std::shared_ptr<PreparedStatement> Session::FindPrepared(const std::string& name) const {
  auto it = prepared_.find(name);
  if (it == prepared_.end()) throw Error("26000", "prepared statement \"" + name + "\" does not exist");
  return it->second;
}

void Session::ExecutePrepareStmt(PgQuery__PrepareStmt* stmt, ExecState* st, ResultSink* sink) {
  std::string name = stmt->name;
  if (prepared_.count(name)) throw Error("42P05", "prepared statement \"" + name + "\" already exists");
  ParamTypes params;
  Planner planner(st, &params);
  std::vector<uint32_t> oids;
  for (size_t i = 0; i < stmt->n_argtypes; i++) oids.push_back(CatalogTypeOid(planner.binder().ResolveType(stmt->argtypes[i]->type_name)));
  auto ps = Prepare(PreparedBody(statement_text_), oids);
  ps->from_sql = true;
  ps->shown_sql = statement_text_;
  AddPrepared(name, std::move(ps));
  sink->Complete("PREPARE");
}

void Session::ExecuteDeallocate(PgQuery__DeallocateStmt* stmt, ResultSink* sink) {
  if (!stmt->name || !*stmt->name) {
    prepared_.clear();
    sink->Complete("DEALLOCATE ALL");
    return;
  }
  FindPrepared(stmt->name);
  prepared_.erase(stmt->name);
  sink->Complete("DEALLOCATE");
}

std::vector<Value> Session::ExecuteArguments(PgQuery__ExecuteStmt* stmt, const PreparedStatement& ps, ExecState* st) {
  if (stmt->n_params != ps.param_types.size())
    throw Error(sqlstate::kSyntaxError, "wrong number of parameters for prepared statement \"" + std::string(stmt->name) + "\"")
        .WithDetail("Expected " + std::to_string(ps.param_types.size()) + " parameters but got " + std::to_string(stmt->n_params) + ".");
  ParamTypes params;
  Planner planner(st, &params);
  std::vector<Value> values;
  Scope scope;
  Row empty;
  EvalContext ctx;
  ctx.row = &empty;
  ctx.state = st;
  for (size_t i = 0; i < stmt->n_params; i++) {
    ExprP e = planner.binder().Bind(stmt->params[i], scope);
    e = planner.binder().Coerce(e, ps.param_types[i], CastContext::kAssignment, -1);
    values.push_back(e->Eval(ctx));
  }
  return values;
}

}  // namespace tusk
