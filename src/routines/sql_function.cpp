#include "security/object_privileges.hpp"
#include "security/plan_user.hpp"
#include "routines/sql_function.hpp"

#include "common/error.hpp"
#include "engine/session.hpp"
#include "common/stack_depth.hpp"
#include "engine/statements.hpp"
#include "execution/operators.hpp"
#include "parser/parser.hpp"
#include "planner/planner.hpp"
#include "plpgsql/function.hpp"
#include "routines/body_position.hpp"
#include "types/cast.hpp"

namespace tusk {

namespace {
// One statement of a body: a SELECT planned once, or an INSERT / UPDATE / DELETE the engine runs
// (its RETURNING columns known from describing it).
struct BodyStatement {
  Node* node = nullptr;
  std::optional<PlannedQuery> select;
  std::vector<ColumnInfo> columns;
};

// The body's statements planned against one catalog; the last one's first column gives the
// result.
struct PlannedBody {
  std::shared_ptr<const Catalog> catalog;
  PlanUser planned_for;
  std::unique_ptr<Script> script;  // the plans point into its parse trees
  Binder::FunctionParameters names;
  ParamTypes params;
  std::vector<BodyStatement> statements;
};

// An error while planning the body: its position points into the body (the caller moves or
// drops it, see ValidateSqlFunctionBody).
void AddFunctionContext(Error& e, const FunctionDef& f) {
  if (e.context().empty()) e.WithContext("SQL function \"" + f.name + "\"");
}

std::shared_ptr<PlannedBody> PlanBody(ExecState* st, const FunctionDef& f) {
  auto body = std::make_shared<PlannedBody>();
  body->catalog = st->catalog;
  body->planned_for = PlanUser::Of(st);
  body->script = ParseSql(f.body);
  body->names.function = f.name;
  for (const FunctionArg* a : f.CallArgs()) {
    body->params.types.push_back(a->type);
    body->names.names.push_back(a->name);
  }
  for (const RawStatement& raw : body->script->statements) {
    BodyStatement s;
    s.node = raw.stmt;
    try {
      switch (s.node->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT: {
          ExecState plan_state = *st;
          ParamTypes params = body->params;
          Planner planner(&plan_state, &params);
          planner.binder().function_parameters = &body->names;
          s.select = planner.PlanSelect(s.node, nullptr);
          s.columns = s.select->columns;
          break;
        }
        case PG_QUERY__NODE__NODE_INSERT_STMT: case PG_QUERY__NODE__NODE_UPDATE_STMT: case PG_QUERY__NODE__NODE_DELETE_STMT: {
          ExecState describe_state = *st;
          ParamTypes params = body->params;
          Binder::FunctionParametersScope scope(&body->names);
          bool returns_rows = false;
          s.columns = DescribeStatement(s.node, &describe_state, &params, &returns_rows);
          break;
        }
        default:
          throw Error(sqlstate::kFeatureNotSupported,
                      "SQL functions whose body has statements other than SELECT, INSERT, UPDATE and DELETE are not supported yet");
      }
    } catch (Error& e) {
      // A privilege is checked as PostgreSQL checks it, when the statement starts to run.
      if (std::string(e.state()) == sqlstate::kInsufficientPrivilege && e.context().empty())
        e.WithContext("SQL function \"" + f.name + "\" statement " + std::to_string(body->statements.size() + 1));
      AddFunctionContext(e, f);
      throw;
    }
    body->statements.push_back(std::move(s));
  }
  return body;
}

// Rows a statement of the body returns (an INSERT / UPDATE / DELETE: its RETURNING rows).
struct CollectRows : ResultSink {
  std::vector<Row> rows;
  void AddRow(const Row& row) override { rows.push_back(row); }
};

std::vector<Row> RunStatement(ExecState* st, PlannedBody& body, BodyStatement& s) {
  if (s.select) {
    EvalContext sub;
    sub.state = st;
    Row none;
    sub.row = &none;
    return RunToVector(s.select->root.get(), &sub);
  }
  CollectRows sink;
  ParamTypes params = body.params;
  Binder::FunctionParametersScope scope(&body.names);
  switch (s.node->node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT: ExecuteInsert(s.node->insert_stmt, st, &params, &sink); break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT: ExecuteUpdate(s.node->update_stmt, st, &params, &sink); break;
    default: ExecuteDelete(s.node->delete_stmt, st, &params, &sink); break;
  }
  return std::move(sink.rows);
}

// The columns a function returns: a row type's fields, else its one result type.
std::vector<Type> ResultColumns(const FunctionDef& f) {
  if (f.result.record) return f.result.record->types;
  return {f.result};
}

// Whether the final statement's one column is the declared row type's whole value (select
// row(...)::t, select t from t), not its first field (PostgreSQL's check_sql_fn_retval).
bool ReturnsWholeRow(const FunctionDef& f, const std::vector<ColumnInfo>& columns) {
  if (!f.result.record || !f.result.record->type_oid || columns.size() != 1) return false;
  Type got = columns[0].type;
  if (got.id == oid::kUnknown && !got.array) got = Type(oid::kText);  // a literal's column is text
  return CanCast(got, f.result, CastContext::kAssignment);
}

// The final statement's columns must convert to the declared result on assignment.
void CheckResult(const FunctionDef& f, const PlannedBody& body) {
  if (f.result.id == oid::kVoid && !f.result.array) return;
  auto mismatch = [&](const std::string& detail) {
    throw Error(sqlstate::kInvalidFunctionDefinition, "return type mismatch in function declared to return " +
                                                          TypeName(f.result.record && !f.result.record->type_oid ? Type(oid::kRecord) : f.result))
        .WithDetail(detail).WithContext("SQL function \"" + f.name + "\"");
  };
  if (body.statements.empty() || body.statements.back().columns.empty())
    mismatch("Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
  const BodyStatement& last = body.statements.back();
  if (f.result.IsRow() && !f.result.record) throw Error(sqlstate::kFeatureNotSupported, "SQL functions returning record without its columns are not supported yet");
  if (ReturnsWholeRow(f, last.columns)) return;
  std::vector<Type> want = ResultColumns(f);
  if (!f.result.record && last.columns.size() != 1) mismatch("Final statement must return exactly one column.");
  // column by column, as PostgreSQL: a wrong type before a wrong count
  for (size_t i = 0; i < last.columns.size(); i++) {
    if (i >= want.size()) mismatch("Final statement returns too many columns.");
    Type got = last.columns[i].type;
    if (got.id == oid::kUnknown && !got.array) got = Type(oid::kText);
    if (!CanCast(got, want[i], CastContext::kAssignment)) {
      if (!f.result.record) mismatch("Actual return type is " + TypeName(got) + ".");
      mismatch("Final statement returns " + TypeName(got) + " instead of " + TypeName(want[i]) + " at column " + std::to_string(i + 1) + ".");
    }
  }
  if (last.columns.size() < want.size()) mismatch("Final statement returns too few columns.");
}

namespace {
// A function's SET clauses (proconfig) in force while it runs, the session's values put back
// when it returns or fails, as PostgreSQL's fmgr_security_definer does with a GUC nest level.
class FunctionSettings {
 public:
  FunctionSettings(ExecState* st, const FunctionDef& def) : st_(st) {
    if (!st || !st->session) return;
    // SECURITY DEFINER: the body runs with its owner's privileges (and policies)
    if (def.security_definer) {
      definer_ = true;
      saved_user_ = st->session->SwapDefinerUser(def.security.owner);
    }
    for (const std::string& c : def.config) {
      size_t eq = c.find('=');
      if (eq == std::string::npos) continue;
      std::string name = c.substr(0, eq);
      saved_.emplace_back(name, st->session->GetSetting(name));
      st->session->SetSetting(name, c.substr(eq + 1), false);
    }
  }
  ~FunctionSettings() {
    if (definer_) st_->session->SwapDefinerUser(saved_user_);
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      try {
        if (it->second) st_->session->SetSetting(it->first, *it->second, false);
      } catch (const Error&) {
        // the value was the session's a moment ago, so it is valid
      }
    }
  }
  FunctionSettings(const FunctionSettings&) = delete;
  FunctionSettings& operator=(const FunctionSettings&) = delete;

 private:
  ExecState* st_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
  bool definer_ = false;
  uint32_t saved_user_ = 0;
};
}  // namespace

// Runs a SQL function's body with these argument values: the final statement's rows, each
// converted to the declared result columns. `body` is planned at the first run (and again when
// the catalog changed).
std::vector<Row> RunSqlFunction(const FunctionDef& def, std::shared_ptr<PlannedBody>* body, std::vector<Value> values, ExecState* st) {
  if (def.result.id == oid::kTrigger && !def.result.array)
    throw Error(sqlstate::kFeatureNotSupported, "trigger functions can only be called as triggers")
        .WithContext(def.language == kLanguagePlpgsql ? "compilation of PL/pgSQL function \"" + def.name + "\" near line 1" : "");
  RequireExecute(st, def);
  FunctionSettings settings(st, def);
  if (def.language == kLanguagePlpgsql) return RunPlpgsqlFunction(def, std::move(values), st);
  CheckStackDepth();
  if (!*body || (*body)->catalog != st->catalog || (*body)->planned_for != PlanUser::Of(st)) {
    try {
      *body = PlanBody(st, def);
    } catch (Error& e) {
      e.ClearPosition();
      throw;
    }
  }
  PlannedBody& plan = **body;
  // The body runs as a statement of its own: its parameters are the arguments, and its
  // uncorrelated subqueries run again for each call.
  NestedStatementScope nested(st, std::move(values));
  std::vector<Row> rows;
  for (size_t i = 0; i < plan.statements.size(); i++) {
    try {
      rows = RunStatement(st, plan, plan.statements[i]);
    } catch (Error& e) {
      if (e.context().empty()) e.WithContext("SQL function \"" + def.name + "\" statement " + std::to_string(i + 1));
      throw;
    }
  }
  if (def.result.id == oid::kVoid && !def.result.array) return {};
  std::vector<Type> want = ResultColumns(def);
  const std::vector<ColumnInfo>& got = plan.statements.back().columns;
  if (ReturnsWholeRow(def, got)) {
    for (Row& r : rows) {
      Value v = r[0].is_null() ? r[0] : CastValue(r[0], got[0].type, def.result, CastContext::kAssignment, st->dt);
      r = v.is_null() ? Row(want.size(), Value::Null()) : v.arr();
    }
    return rows;
  }
  for (Row& r : rows)
    for (size_t c = 0; c < want.size() && c < r.size(); c++)
      if (!r[c].is_null() && !(got[c].type == want[c])) r[c] = CastValue(r[c], got[c].type, want[c], CastContext::kAssignment, st->dt);
  return rows;
}

// The argument values of a call, or nullopt when a STRICT function has a NULL among them.
std::optional<std::vector<Value>> ArgumentValues(const FunctionDef& def, const std::vector<ExprP>& args, EvalContext& ctx) {
  std::vector<Value> values;
  values.reserve(args.size());
  if (def.kind == 'p') {
    // a procedure's OUT parameters are in its call, as placeholders the body never sees
    std::vector<const FunctionArg*> params = def.InvocationArgs();
    for (size_t i = 0; i < args.size(); i++)
      if (i >= params.size() || params[i]->mode != 'o') values.push_back(args[i]->Eval(ctx));
    return values;
  }
  for (const auto& a : args) values.push_back(a->Eval(ctx));
  if (def.strict)
    for (const Value& v : values)
      if (v.is_null()) return std::nullopt;
  return values;
}

class UserFunctionCall : public Expr {
 public:
  UserFunctionCall(std::shared_ptr<const FunctionDef> f, std::vector<ExprP> args)
      : Expr(f->result), def(std::move(f)), args(std::move(args)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : args) f(a); }
  std::string ToSql() const override {
    std::string out = def->name + "(";
    for (size_t i = 0; i < args.size(); i++) out += (i ? ", " : "") + args[i]->ToSql();
    return out + ")";
  }
  char DeclaredVolatility() const override { return def->volatility; }
  std::shared_ptr<const FunctionDef> def;
  std::vector<ExprP> args;

 private:
  mutable std::shared_ptr<PlannedBody> body_;  // planned at the first call
};

Value UserFunctionCall::Eval(EvalContext& ctx) const {
  auto values = ArgumentValues(*def, args, ctx);
  if (!values) return Value::Null();
  std::vector<Row> rows = RunSqlFunction(*def, &body_, std::move(*values), ctx.state);
  if (rows.empty() || (type.id == oid::kVoid && !type.array)) return Value::Null();
  // a function returning a row type (a procedure's output parameters too) gives its first row
  // as one row value
  if (def->result.record) return Value::Array(std::move(rows[0]));
  return rows[0].empty() ? Value::Null() : rows[0][0];
}
}  // namespace

void ValidateSqlFunctionBody(ExecState* st, const FunctionDef& f) {
  std::shared_ptr<PlannedBody> body;
  try {
    body = PlanBody(st, f);
  } catch (Error& e) {
    // A position in the body becomes one in the CREATE statement's text, when the body can be
    // found there; the context then goes (PostgreSQL's function_parse_error_transpose).
    if (e.position() > 0 && st->session && MovePositionIntoStatement(e, st->session->query_string(), f.body)) {
      Error moved(e.state(), e.what());
      moved.WithDetail(e.detail()).WithHint(e.hint()).WithPosition(e.position());
      throw moved;
    }
    e.ClearPosition();
    throw;
  }
  CheckResult(f, *body);
}

SetFunction MakeUserSetFunction(std::shared_ptr<const FunctionDef> f, std::vector<ExprP> args) {
  SetFunction fn;
  fn.name = f->name;
  fn.args = std::move(args);
  if (f->result.record) {
    fn.types = f->result.record->types;
    fn.columns = f->result.record->names;
  } else {
    fn.types = {f->result};
    fn.columns = {f->name};
  }
  fn.select_column = f->result.record ? -1 : 0;
  auto body = std::make_shared<std::shared_ptr<PlannedBody>>();
  fn.generate = [f, body](const std::vector<Value>& values, EvalContext& ctx) -> RowGenerator {
    if (f->strict)
      for (const Value& v : values)
        if (v.is_null()) return YieldRows({});
    std::vector<Row> rows = RunSqlFunction(*f, body.get(), values, ctx.state);
    // a function that is not SETOF gives one row, NULL when its body gave none
    if (!f->retset) {
      if (rows.empty()) rows.push_back(Row(f->result.record ? f->result.record->types.size() : 1, Value::Null()));
      rows.resize(1);
    }
    return YieldRows(std::move(rows));
  };
  return fn;
}

bool IsProcedureCall(const Expr& e) {
  auto* call = dynamic_cast<const UserFunctionCall*>(&e);
  return call && call->def->kind == 'p';
}

const FunctionDef& CalledProcedure(const Expr& e) { return *static_cast<const UserFunctionCall&>(e).def; }
const std::vector<ExprP>& CalledArguments(const Expr& e) { return static_cast<const UserFunctionCall&>(e).args; }

ExprP MakeUserFunctionCall(std::shared_ptr<const FunctionDef> f, std::vector<ExprP> args) {
  return std::make_shared<UserFunctionCall>(std::move(f), std::move(args));
}

}  // namespace tusk
