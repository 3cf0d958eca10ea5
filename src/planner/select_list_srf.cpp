// A set-returning function called in a select list, whole (`SELECT generate_series(1, 3)`,
// a record when it returns several columns) or one of its columns (`SELECT (f(x)).col`). The
// select list's ProjectSet operator runs the call; the target itself is a placeholder.
#include "common/error.hpp"
#include "function/set_returning.hpp"
#include "planner/planner.hpp"

namespace tusk {

std::shared_ptr<SetFunction> Planner::BindTargetSetFunction(Node* v, const Scope& scope, AggContext* agg, Type* type) {
  Node* call = v;
  const char* field = nullptr;
  if (v->node_case == PG_QUERY__NODE__NODE_A_INDIRECTION && v->a_indirection->n_indirection == 1 &&
      v->a_indirection->indirection[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
    call = v->a_indirection->arg;
    field = v->a_indirection->indirection[0]->string->sval;
  }
  if (call->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || call->func_call->over) return nullptr;
  auto* fc = call->func_call;
  std::string fname = StrVal(fc->funcname[fc->n_funcname - 1]);
  bool builtin = IsSetReturningFunction(fname);
  if (!builtin && !HasSetReturningUserFunction(binder_.catalog(), fname)) return nullptr;
  std::vector<ExprP> args;
  std::vector<std::string> arg_names;
  for (size_t k = 0; k < fc->n_args; k++) {
    bool named = fc->args[k]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
    Node* a = named ? fc->args[k]->named_arg_expr->arg : fc->args[k];
    args.push_back(agg ? binder_.BindAgg(a, scope, agg) : binder_.Bind(a, scope));
    arg_names.push_back(named ? fc->args[k]->named_arg_expr->name : "");
  }
  std::shared_ptr<SetFunction> fn;
  if (builtin) {
    CheckSetFunctionSchema(fc, args);
    fn = std::make_shared<SetFunction>(BindSetFunction(binder_, fname, args, fc->location, NameListToString(fc->funcname, fc->n_funcname)));
  } else {
    std::vector<std::string> name_parts;
    for (size_t k = 0; k < fc->n_funcname; k++) name_parts.push_back(StrVal(fc->funcname[k]));
    auto user = BindUserSetFunction(binder_, name_parts, args, arg_names, fc->location, true);
    if (!user) return nullptr;
    fn = std::make_shared<SetFunction>(std::move(*user));
  }
  if (fname == "unnest" && fn->types.size() != 1)
    throw Error(sqlstate::kFeatureNotSupported, "unnest with several arguments is only supported in FROM").WithPosition(fc->location + 1);
  *type = fn->types[0];
  if (field || fn->types.size() > 1) {
    auto record = std::make_shared<RecordDef>();
    record->names = fn->columns;
    record->types = fn->types;
    if (field) {
      fn->select_column = record->FieldIndex(field);
      if (fn->select_column < 0)
        ThrowAt(sqlstate::kUndefinedColumn, "could not identify column \"" + std::string(field) + "\" in record data type", fc->location);
      *type = fn->types[static_cast<size_t>(fn->select_column)];
    } else {
      fn->select_column = -1;
      *type = Type::Record(std::move(record));
    }
  }
  return fn;
}

}  // namespace tusk
