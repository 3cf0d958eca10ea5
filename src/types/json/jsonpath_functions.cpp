// jsonpath's SQL surface: the operators @? and @@ (silent, variables unset), and
// jsonb_path_exists / _match / _query / _query_array / _query_first with their _tz twins
// (vars jsonb DEFAULT '{}', silent boolean DEFAULT false).
#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "common/repeated_parse.hpp"
#include "execution/exec_state.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/json/jsonb_sql.hpp"
#include "types/json/jsonpath_exec.hpp"

namespace tusk {

namespace {

const Type kPathType(oid::kJsonpath), kBool(oid::kBool);

// One call's inputs: the document, the path, the variables (null: none, as the operators have)
// and whether errors are silent.
struct PathCall {
  Jsonb doc;
  const JsonPath* path = nullptr;
  Jsonb vars;
  bool has_vars = true;
  bool silent = false;
  bool use_tz = false;  // the _tz functions
  const DateTimeContext* dt = nullptr;
};

PathCall ReadCall(const std::vector<Value>& a, bool operator_form, EvalContext& ctx, bool use_tz = false) {
  PathCall c;
  c.use_tz = use_tz;
  c.dt = &ctx.state->dt;
  c.doc = JsonbArg(a[0]);
  c.path = &ParseRepeated<JsonPath, ParseJsonPath>(a[1].s());  // a query's constant, usually
  c.has_vars = !operator_form;
  c.vars = a.size() > 2 ? JsonbArg(a[2]) : Jsonb::Object();
  c.silent = operator_form || (a.size() > 3 && a[3].b());
  return c;
}

std::vector<Jsonb> Query(const PathCall& c) {
  std::vector<Jsonb> found;
  ExecuteJsonPath(*c.path, c.doc, c.has_vars ? &c.vars : nullptr, !c.silent, &found, c.use_tz, *c.dt);
  return found;
}

Value Exists(const PathCall& c) {
  JsonPathResult r = ExecuteJsonPath(*c.path, c.doc, c.has_vars ? &c.vars : nullptr, !c.silent, nullptr, c.use_tz, *c.dt);
  if (r == JsonPathResult::kError) return Value::Null();
  return Value::Bool(r == JsonPathResult::kOk);
}

Value Match(const PathCall& c) {
  std::vector<Jsonb> found = Query(c);
  if (found.size() == 1) {
    if (found[0].kind == Jsonb::Kind::kBool) return Value::Bool(found[0].boolean);
    if (found[0].kind == Jsonb::Kind::kNull) return Value::Null();
  }
  if (!c.silent) throw Error("22038", "single boolean result is expected");
  return Value::Null();
}

Value QueryArray(const PathCall& c) { return JsonbResult(Jsonb::Array(Query(c))); }

Value QueryFirst(const PathCall& c) {
  std::vector<Jsonb> found = Query(c);
  return found.empty() ? Value::Null() : JsonbResult(found[0]);
}

// The function with 2, 3 and 4 arguments, plain and _tz.
void RegisterPathFunction(const std::string& name, Type result, Value (*fn)(const PathCall&)) {
  for (bool tz : {false, true}) {
    std::vector<Type> sig = {kJsonbType, kPathType};
    for (int extra = 0; extra <= 2; extra++) {
      Register(tz ? name + "_tz" : name, sig, result,
               [fn, tz](const std::vector<Value>& a, EvalContext& ctx) { return fn(ReadCall(a, false, ctx, tz)); });
      sig.push_back(extra == 0 ? kJsonbType : kBool);
    }
  }
}

void BindQuery(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  std::vector<Type> sig = {kJsonbType, kPathType, kJsonbType, kBool};
  if (args.size() < 2 || args.size() > 4) NoSuchSetFunction(shown, args, location);
  for (size_t i = 0; i < args.size(); i++) {
    if (!CanCast(args[i]->type, sig[i], CastContext::kImplicit)) NoSuchSetFunction(shown, args, location);
    args[i] = b.Coerce(args[i], sig[i], CastContext::kImplicit, location);
  }
  f.args = args;
  f.types = {kJsonbType};
  f.columns = {f.name};
  const bool tz = f.name == "jsonb_path_query_tz";
  f.generate = [tz](const std::vector<Value>& a, EvalContext& ctx) -> RowGenerator {
    for (const Value& v : a)
      if (v.is_null()) return YieldRows({});
    std::vector<Row> rows;
    for (const Jsonb& v : Query(ReadCall(a, false, ctx, tz))) rows.push_back({JsonbResult(v)});
    return YieldRows(std::move(rows));
  };
}

}  // namespace

void RegisterJsonPathOperators() {
  RegisterOperator("@?", kJsonbType, kPathType, kBool, [](const std::vector<Value>& a, EvalContext& ctx) { return Exists(ReadCall(a, true, ctx)); });
  RegisterOperator("@@", kJsonbType, kPathType, kBool, [](const std::vector<Value>& a, EvalContext& ctx) { return Match(ReadCall(a, true, ctx)); });
}

void RegisterJsonPathFunctions() {
  RegisterPathFunction("jsonb_path_exists", kBool, Exists);
  RegisterPathFunction("jsonb_path_match", kBool, Match);
  RegisterPathFunction("jsonb_path_query_array", kJsonbType, QueryArray);
  RegisterPathFunction("jsonb_path_query_first", kJsonbType, QueryFirst);
  Register("jsonb_path_exists_opr", {kJsonbType, kPathType}, kBool, [](const std::vector<Value>& a, EvalContext& ctx) { return Exists(ReadCall(a, true, ctx)); });
  Register("jsonb_path_match_opr", {kJsonbType, kPathType}, kBool, [](const std::vector<Value>& a, EvalContext& ctx) { return Match(ReadCall(a, true, ctx)); });
}

void RegisterJsonPathSetFunctions() {
  RegisterSetFunction("jsonb_path_query", BindQuery);
  RegisterSetFunction("jsonb_path_query_tz", BindQuery);
}

}  // namespace tusk
