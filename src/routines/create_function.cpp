// CREATE [OR REPLACE] FUNCTION / PROCEDURE: the definition checked as PostgreSQL's
// CreateFunction checks it (parameters, result, options), a LANGUAGE sql body planned against the
// catalog (check_function_bodies), a LANGUAGE plpgsql body parsed.
#include <cstring>
#include <set>

#include "security/object_privileges.hpp"
#include "catalog/function_def.hpp"
#include "common/error.hpp"
#include "catalog/system/deparse.hpp"
#include "common/strings.hpp"
#include "engine/ddl_util.hpp"
#include "planner/planner.hpp"
#include "plpgsql/function.hpp"
#include "routines/routine_ddl.hpp"
#include "routines/sql_function.hpp"

namespace tusk {

namespace {
char ParameterMode(PgQuery__FunctionParameterMode m) {
  switch (m) {
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT: return 'o';
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT: return 'b';
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC: return 'v';
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE: return 't';
    default: return 'i';
  }
}

[[noreturn]] void Redundant(PgQuery__DefElem* d) {
  ThrowAt(sqlstate::kSyntaxError, "conflicting or redundant options", d->location);
}

std::string OptionString(PgQuery__DefElem* d) {
  if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_STRING) return d->arg->string->sval;
  if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) return StrVal(d->arg->type_name->names[d->arg->type_name->n_names - 1]);
  throw Error(sqlstate::kSyntaxError, std::string(d->defname) + " requires a parameter");
}

bool OptionBool(PgQuery__DefElem* d) {
  if (!d->arg) return true;
  if (d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return d->arg->boolean->boolval;
  if (d->arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return d->arg->integer->ival != 0;
  return true;
}

float OptionNumber(PgQuery__DefElem* d) {
  if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return static_cast<float>(d->arg->integer->ival);
  if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_FLOAT) return std::stof(d->arg->float_->fval);
  throw Error(sqlstate::kSyntaxError, std::string(d->defname) + " requires a numeric value");
}

}  // namespace

void ApplyRoutineAttribute(PgQuery__DefElem* d, FunctionDef* f) {
  std::string name = d->defname;
  if (name == "volatility") {
    std::string v = OptionString(d);
    f->volatility = v == "immutable" ? 'i' : v == "stable" ? 's' : 'v';
  } else if (name == "strict") {
    f->strict = OptionBool(d);
  } else if (name == "security") {
    f->security_definer = OptionBool(d);
  } else if (name == "leakproof") {
    f->leakproof = OptionBool(d);
  } else if (name == "cost") {
    f->cost = OptionNumber(d);
    if (f->cost <= 0) throw Error(sqlstate::kInvalidParameterValue, "COST must be positive");
  } else if (name == "rows") {
    f->rows = OptionNumber(d);
    if (f->rows <= 0) throw Error(sqlstate::kInvalidParameterValue, "ROWS must be positive");
    if (!f->retset) throw Error(sqlstate::kInvalidParameterValue, "ROWS is not applicable when function does not return a set");
  } else if (name == "parallel") {
    std::string p = OptionString(d);
    if (p == "safe") f->parallel = 's';
    else if (p == "restricted") f->parallel = 'r';
    else if (p == "unsafe") f->parallel = 'u';
    else throw Error(sqlstate::kInvalidParameterValue, "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE");
  } else if (name == "set") {
    // proconfig as PostgreSQL keeps it: one name=value each, a later SET of a name replacing it
    auto* v = d->arg->variable_set_stmt;
    auto named = [&](const std::string& entry) { return entry.compare(0, std::strlen(v->name) + 1, std::string(v->name) + "=") == 0; };
    if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
      f->config.clear();
      return;
    }
    if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET) {
      std::erase_if(f->config, named);
      return;
    }
    if (v->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE)
      throw Error(sqlstate::kFeatureNotSupported, "SET clauses of functions other than SET name = value are not supported yet");
    std::string value;
    for (size_t k = 0; k < v->n_args; k++) {
      Node* a = v->args[k];
      std::string item = a->node_case == PG_QUERY__NODE__NODE_A_CONST && a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL
                             ? std::string(a->a_const->sval->sval) : DeparseExpr(a);
      value += (k ? ", " : "") + item;
    }
    std::erase_if(f->config, named);
    f->config.push_back(std::string(v->name) + "=" + value);
  } else {
    throw Error(sqlstate::kFeatureNotSupported, "function option " + name + " is not supported");
  }
}

namespace {

// The options CREATE FUNCTION takes (AS, LANGUAGE, volatility, STRICT, SECURITY, ...), each once.
void ApplyOptions(PgQuery__CreateFunctionStmt* stmt, FunctionDef* f, bool* language_given) {
  std::set<std::string> seen;
  for (size_t i = 0; i < stmt->n_options; i++) {
    PgQuery__DefElem* d = stmt->options[i]->def_elem;
    std::string name = d->defname;
    if (name != "set" && !seen.insert(name).second) Redundant(d);
    if (name == "as") {
      auto* list = d->arg->list;
      if (list->n_items != 1) throw Error(sqlstate::kFeatureNotSupported, "functions in C (AS 'file', 'symbol') are not supported");
      f->body = list->items[0]->string->sval;
    } else if (name == "language") {
      std::string lang = OptionString(d);
      *language_given = true;
      if (lang == "sql") f->language = kLanguageSql;
      else if (lang == "plpgsql") f->language = kLanguagePlpgsql;
      else if (lang == "internal" || lang == "c") throw Error(sqlstate::kFeatureNotSupported, "functions in LANGUAGE " + lang + " are not supported");
      else throw Error(sqlstate::kUndefinedObject, "language \"" + lang + "\" does not exist");
    } else {
      ApplyRoutineAttribute(d, f);
    }
  }
  if (stmt->sql_body) throw Error(sqlstate::kFeatureNotSupported, "SQL-standard function bodies (BEGIN ATOMIC, RETURN) are not supported yet");
}

// The parameters, with PostgreSQL's checks (interpret_function_parameter_list).
void ReadParameters(PgQuery__CreateFunctionStmt* stmt, Planner& planner, FunctionDef* f) {
  std::set<std::string> names;
  bool default_seen = false, variadic_seen = false;
  for (size_t i = 0; i < stmt->n_parameters; i++) {
    auto* p = stmt->parameters[i]->function_parameter;
    FunctionArg a;
    a.name = p->name ? p->name : "";
    a.mode = ParameterMode(p->mode);
    a.type = planner.binder().ResolveType(p->arg_type);
    if (p->arg_type->setof) throw Error(sqlstate::kInvalidFunctionDefinition, "functions cannot accept set arguments");
    bool input = a.mode == 'i' || a.mode == 'b' || a.mode == 'v';
    if (variadic_seen && input) throw Error(sqlstate::kInvalidFunctionDefinition, "VARIADIC parameter must be the last input parameter");
    if (a.mode == 'v') {
      variadic_seen = true;
      if (!a.type.array) throw Error(sqlstate::kInvalidFunctionDefinition, "VARIADIC parameter must be an array");
    }
    if (!a.name.empty()) {
      // an IN and an OUT parameter may share a name; two of the same direction may not
      if (!names.insert(a.name + (a.mode == 'o' || a.mode == 't' ? "/out" : "/in")).second ||
          (a.mode == 'b' && names.count(a.name + "/out")))
        throw Error(sqlstate::kInvalidFunctionDefinition, "parameter name \"" + a.name + "\" used more than once");
      if (a.mode == 'b') names.insert(a.name + "/out");
    }
    if (p->defexpr) {
      if (!input) throw Error(sqlstate::kInvalidFunctionDefinition, "only input parameters can have default values");
      Scope none;
      ExprP d = planner.binder().Coerce(planner.binder().Bind(p->defexpr, none), a.type, CastContext::kAssignment, ExprLocation(p->defexpr));
      (void)d;
      // kept as PostgreSQL shows it ('x'::text): the coerced expression, printed
      a.default_sql = DeparseStoredExpr(planner.binder().state(), nullptr, DeparseExpr(p->defexpr), &a.type, true);
      default_seen = true;
    } else if (input && default_seen) {
      throw Error(sqlstate::kInvalidFunctionDefinition, "input parameters after one with a default value must also have defaults");
    }
    f->args.push_back(std::move(a));
  }
}

// The result: RETURNS type, the OUT parameters' row, or RETURNS TABLE (...).
void ReadResult(PgQuery__CreateFunctionStmt* stmt, Planner& planner, FunctionDef* f) {
  std::vector<const FunctionArg*> outs;
  bool table = false;
  for (const auto& a : f->args) {
    if (a.mode == 'o' || a.mode == 'b' || a.mode == 't') outs.push_back(&a);
    table |= a.mode == 't';
  }
  Type out_type(oid::kVoid);
  if (outs.size() == 1 && !stmt->is_procedure) {
    out_type = outs[0]->type;
  } else if (!outs.empty()) {  // a procedure's outputs are a record even when one
    auto r = std::make_shared<RecordDef>();
    for (const FunctionArg* a : outs) {
      r->names.push_back(a->name.empty() ? "column" + std::to_string(r->names.size() + 1) : a->name);
      r->types.push_back(a->type);
    }
    out_type = Type::Record(r);
  }
  if (stmt->is_procedure) {
    f->result = out_type;  // as PostgreSQL: record for any OUT
    return;
  }
  if (!stmt->return_type) {
    if (outs.empty()) throw Error(sqlstate::kInvalidFunctionDefinition, "function result type must be specified");
    f->result = out_type;
    return;
  }
  Type declared = planner.binder().ResolveType(stmt->return_type);
  f->retset = stmt->return_type->setof || table;
  if (!outs.empty() && !table) {
    bool fits = outs.size() > 1 ? declared.id == oid::kRecord && !declared.array : declared == out_type;
    if (!fits)
      throw Error(sqlstate::kInvalidFunctionDefinition, "function result type must be " + TypeName(out_type.IsRow() ? Type(oid::kRecord) : out_type) +
                                                            " because of OUT parameters");
  }
  f->result = outs.empty() ? declared : out_type;
}

// A PL/pgSQL body is parsed so that a syntax error fails the CREATE, as in PostgreSQL.
void CheckPlpgsqlBody(PgQuery__CreateFunctionStmt* stmt, const FunctionDef& f, const std::string& statement_text, ExecState* st) {
  Node node = PG_QUERY__NODE__INIT;
  node.node_case = PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT;
  node.create_function_stmt = stmt;
  ValidatePlpgsqlFunction(f, statement_text, DeparseStatement(&node), st);
}

// The identity of a function: its name, schema and input argument types.
bool SameSignature(const FunctionDef& a, const FunctionDef& b) {
  if (a.schema != b.schema || a.name != b.name) return false;
  auto x = a.CallArgs(), y = b.CallArgs();
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); i++)
    if (x[i]->type.WireOid() != y[i]->type.WireOid()) return false;
  return true;
}
}  // namespace

void ExecuteCreateFunction(PgQuery__CreateFunctionStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  auto f = std::make_shared<FunctionDef>();
  f->kind = stmt->is_procedure ? 'p' : 'f';
  f->name = StrVal(stmt->funcname[stmt->n_funcname - 1]);
  if (stmt->n_funcname > 2) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + NameListToString(stmt->funcname, stmt->n_funcname));
  f->schema = CreationSchema(st, stmt->n_funcname == 2 ? StrVal(stmt->funcname[0]).c_str() : nullptr);
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.defining = true;  // the body's privileges are checked when it runs
  bind_state.catalog = std::make_shared<Catalog>(*cat);
  Planner planner(&bind_state, &params);
  ReadParameters(stmt, planner, f.get());
  ReadResult(stmt, planner, f.get());
  bool language_given = false;
  ApplyOptions(stmt, f.get(), &language_given);
  if (f->retset && f->rows == 0) f->rows = 1000;  // PostgreSQL's estimate for a set-returning function
  if (!language_given) throw Error(sqlstate::kInvalidFunctionDefinition, "no language specified");
  if (f->body.empty() && !stmt->sql_body) throw Error(sqlstate::kInvalidFunctionDefinition, "no function body specified");
  std::shared_ptr<const FunctionDef> existing;
  for (const auto& [oid, other] : cat->functions())
    if (SameSignature(*other, *f)) existing = other;
  const char* tag = stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
  if (existing) {
    std::string signature = existing->Signature();
    if (!stmt->replace)
      throw Error(sqlstate::kDuplicateFunction, std::string(existing->kind == 'p' ? "procedure" : "function") + " \"" + f->name +
                                                    "\" already exists with same argument types");
    if (existing->kind != f->kind)
      throw Error(sqlstate::kWrongObjectType, "cannot change routine kind")
          .WithDetail("\"" + f->name + "\" is a " + (existing->kind == 'p' ? "procedure" : "function") + ".");
    if (!(existing->result == f->result) || existing->retset != f->retset)
      throw Error(sqlstate::kInvalidFunctionDefinition, "cannot change return type of existing function")
          .WithHint("Use DROP " + std::string(f->kind == 'p' ? "PROCEDURE " : "FUNCTION ") + signature + " first.");
    if (!OwnsObject(st, st->session->CurrentUserId(), existing->security))
      throw Error(sqlstate::kInsufficientPrivilege, std::string("must be owner of ") + (existing->kind == 'p' ? "procedure " : "function ") + f->name);
    f->oid = existing->oid;
    f->security = existing->security;  // REPLACE keeps the owner and the grants
  } else {
    f->oid = cat->AllocateOid();
    f->security.owner = NewObjectOwner(st);
  }
  f->Describe();
  // check_function_bodies = off (as pg_dump's output sets it) skips the body's checks
  auto check = st->session->GetSetting("check_function_bodies");
  bool check_body = !check || (*check != "off" && *check != "false");
  if (f->language == kLanguagePlpgsql && check_body) CheckPlpgsqlBody(stmt, *f, st->session->query_string(), st);
  if (f->language == kLanguageSql && check_body) {
    // the body may call the function itself
    auto with_it = std::make_shared<Catalog>(*cat);
    with_it->AddFunction(f);
    bind_state.catalog = with_it;
    ValidateSqlFunctionBody(&bind_state, *f);
  }
  cat->AddFunction(f);
  sink->Complete(tag);
}

}  // namespace tusk
