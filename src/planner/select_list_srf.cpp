// A set-returning function called in a select list, whole (`SELECT generate_series(1, 3)`,
// a record when it returns several columns) or one of its columns (`SELECT (f(x)).col`). The
// select list's ProjectSet operator runs the call; the target itself is a placeholder.
#include <algorithm>
#include <utility>

#include "binder/set_function_hook.hpp"
#include "common/error.hpp"
#include "execution/function_scan.hpp"
#include "function/named_arguments.hpp"
#include "function/set_returning.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {
// A set-returning call's current value inside an expression: a column of the ProjectSet step
// below, whose position is known once the query's calls are all bound. Calls with the same
// text are the same call (a GROUP BY item and its select-list repeat).
class SetFunctionValue : public Expr {
 public:
  SetFunctionValue(Type t, std::shared_ptr<int> column, std::string sql)
      : Expr(std::move(t)), column_(std::move(column)), sql_(std::move(sql)) {}
  Value Eval(EvalContext& ctx) const override { return (*ctx.row)[static_cast<size_t>(*column_)]; }
  std::string ToSql() const override { return sql_; }
  std::string Key() const override { return "srf(" + sql_ + ")"; }

 private:
  std::shared_ptr<int> column_;
  std::string sql_;
};

// The set-returning calls whose arguments are being bound, innermost last, each with the
// deepest level of a call of its query found among them so far. (Binding runs on the
// statement's thread; a subquery has its own planner, its calls their own steps.)
struct ArgumentFrame {
  const Planner* planner;
  int deepest;
};
thread_local std::vector<ArgumentFrame> binding_srf_arguments;

// A call of this planner's query bound inside another call's arguments runs a step below it.
void NoteCallInArguments(const Planner* planner, int level) {
  if (!binding_srf_arguments.empty() && binding_srf_arguments.back().planner == planner)
    binding_srf_arguments.back().deepest = std::max(binding_srf_arguments.back().deepest, level);
}

// The projection over a ProjectSet, shown as PostgreSQL shows it.
class ResultProjectOp : public ProjectOp {
 public:
  using ProjectOp::ProjectOp;
  void Explain(std::vector<std::string>* out, int depth) const override {
    ExplainLine(out, depth, "Result");
    child->Explain(out, depth + 1);
  }
};

Type CallType(const SetFunction& fn) {
  if (fn.select_column >= 0) return fn.types[static_cast<size_t>(fn.select_column)];
  auto record = std::make_shared<RecordDef>();
  record->names = fn.columns;
  record->types = fn.types;
  return Type::Record(std::move(record));
}
}  // namespace

std::function<ExprP(Node*, const Scope&, AggContext*)> Planner::SetFunctionsInExpressions(NestedSetFunctions* nested,
                                                                                       const NestedSetFunctions* grouped) {
  return [this, nested, grouped](Node* call, const Scope& scope, AggContext* agg) -> ExprP {
    Type type;
    std::shared_ptr<SetFunction> fn = BindTargetSetFunction(call, scope, agg, &type);
    if (!fn) return nullptr;
    std::string sql = fn->name + "(";
    for (size_t i = 0; i < fn->args.size(); i++) sql += (i ? ", " : "") + fn->args[i]->ToSql();
    sql += ")";
    type = CallType(*fn);
    auto find = [&sql](const NestedSetFunctions& in) -> ExprP {
      for (size_t k = 0; k < in.sql.size(); k++)
        if (in.sql[k] == sql) return std::make_shared<SetFunctionValue>(CallType(*in.calls[k]), in.columns[k], sql);
      return nullptr;
    };
    if (grouped && !agg) {
      // A grouped query's trial binding against its FROM items: it reads a GROUP BY call's
      // value, or is thrown away (the binder binds it again over the groups).
      if (ExprP same = find(*grouped)) return same;
      return std::make_shared<SetFunctionValue>(type, std::make_shared<int>(-1), sql);
    }
    if (ExprP same = find(*nested)) {
      NoteCallInArguments(this, fn->level);
      return same;
    }
    NoteCallInArguments(this, fn->level);
    auto column = std::make_shared<int>(-1);
    nested->calls.push_back(fn);
    nested->columns.push_back(column);
    nested->sql.push_back(sql);
    return std::make_shared<SetFunctionValue>(type, column, sql);
  };
}

namespace {
using Calls = std::vector<std::shared_ptr<SetFunction>>;

int TopLevel(const Calls* srfs, const Calls& nested) {
  int top = 0;
  for (const auto& fn : nested) top = std::max(top, fn->level);
  if (srfs)
    for (const auto& fn : *srfs)
      if (fn) top = std::max(top, fn->level);
  return top;
}

// One ProjectSet step: input's columns, then a column per call of the given level, whole
// select-list items (whose proj item then reads the column, and whose srfs entry is cleared)
// and calls inside expressions. Steps only add columns, so a column keeps its place above.
// (nested_columns: per nested call, where its value is, set here.)
OpP PlaceSetFunctionStep(OpP input, std::vector<ExprP>* proj, Calls* srfs, const Calls& nested,
                         const std::vector<std::shared_ptr<int>>& nested_columns, int level) {
  std::vector<ExprP> columns;
  std::vector<std::shared_ptr<SetFunction>> calls;
  for (size_t i = 0; i < input->types.size(); i++) {
    columns.push_back(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, input->types[i], ""));
    calls.push_back(nullptr);
  }
  auto add_call = [&](const std::shared_ptr<SetFunction>& fn, const Type& type) {
    int column = static_cast<int>(columns.size());
    columns.push_back(std::make_shared<ConstExpr>(Value::Null(), type));
    calls.push_back(fn);
    return column;
  };
  if (proj && srfs) {
    for (size_t i = 0; i < srfs->size() && i < proj->size(); i++) {
      if (!(*srfs)[i] || (*srfs)[i]->level != level) continue;
      const Type type = (*proj)[i]->type;
      (*proj)[i] = std::make_shared<ColumnExpr>(add_call((*srfs)[i], type), 0, type, "");
      (*srfs)[i] = nullptr;
    }
  }
  for (size_t k = 0; k < nested.size(); k++)
    if (nested[k]->level == level) *nested_columns[k] = add_call(nested[k], CallType(*nested[k]));
  auto op = std::make_shared<ProjectSetOp>(input, columns, calls);
  for (const ExprP& c : columns) {
    op->names.push_back("");
    op->types.push_back(c->type);
  }
  return op;
}
}  // namespace

OpP Planner::PlaceNestedSetFunctions(OpP input, const NestedSetFunctions& nested) {
  const int top = TopLevel(nullptr, nested.calls);
  for (int level = 0; level <= top; level++) input = PlaceSetFunctionStep(input, nullptr, nullptr, nested.calls, nested.columns, level);
  return input;
}

OpP Planner::ProjectWithSetFunctions(OpP input, std::vector<ExprP>* proj, std::vector<std::shared_ptr<SetFunction>>* srfs,
                                     const NestedSetFunctions& nested) {
  srfs->resize(proj->size());
  const int top = TopLevel(srfs, nested.calls);
  for (int level = 0; level < top; level++) input = PlaceSetFunctionStep(input, proj, srfs, nested.calls, nested.columns, level);
  bool nested_on_top = std::any_of(nested.calls.begin(), nested.calls.end(), [top](const auto& fn) { return fn->level == top; });
  // The top step computes the select list itself unless an expression of it reads a call of
  // that step; then a projection (EXPLAIN's Result) runs over it, as in PostgreSQL's plans.
  if (!nested_on_top) return std::make_shared<ProjectSetOp>(input, *proj, *srfs);
  return std::make_shared<ResultProjectOp>(PlaceSetFunctionStep(input, proj, srfs, nested.calls, nested.columns, top), *proj);
}

OpP Planner::BindInsertValuesRow(const std::function<std::vector<ExprP>*()>& bind_row) {
  NestedSetFunctions nested;
  SetFunctionHookScope hook(&binder_, SetFunctionsInExpressions(&nested, nullptr));
  std::vector<ExprP>* row = bind_row();
  if (nested.calls.empty()) return nullptr;
  if (std::find(row->begin(), row->end(), nullptr) != row->end())
    throw Error(sqlstate::kFeatureNotSupported, "DEFAULT beside a set-returning function in VALUES is not supported yet");
  std::vector<std::shared_ptr<SetFunction>> srfs;
  std::vector<ExprP> proj = *row;
  OpP op = ProjectWithSetFunctions(std::make_shared<ResultOp>(), &proj, &srfs, nested);
  for (const ExprP& e : proj) {
    op->names.push_back("");
    op->types.push_back(e->type);
  }
  return op;
}

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
  struct BindingArguments {
    explicit BindingArguments(const Planner* p) { binding_srf_arguments.push_back({p, -1}); }
    ~BindingArguments() { binding_srf_arguments.pop_back(); }
    int Level() const { return binding_srf_arguments.back().deepest + 1; }
  } in_arguments(this);
  for (size_t k = 0; k < fc->n_args; k++) {
    bool named = fc->args[k]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
    Node* a = named ? fc->args[k]->named_arg_expr->arg : fc->args[k];
    args.push_back(agg ? binder_.BindAgg(a, scope, agg) : binder_.Bind(a, scope));
    arg_names.push_back(named ? fc->args[k]->named_arg_expr->name : "");
  }
  std::shared_ptr<SetFunction> fn;
  if (builtin) {
    CheckSetFunctionSchema(fc, args);
    PlaceSetFunctionArguments(fname, &args, arg_names, fc->location);
    fn = std::make_shared<SetFunction>(BindSetFunction(binder_, fname, args, fc->location, NameListToString(fc->funcname, fc->n_funcname)));
  } else {
    std::vector<std::string> name_parts;
    for (size_t k = 0; k < fc->n_funcname; k++) name_parts.push_back(StrVal(fc->funcname[k]));
    auto user = BindUserSetFunction(binder_, name_parts, args, arg_names, fc->location, true);
    if (!user) return nullptr;
    fn = std::make_shared<SetFunction>(std::move(*user));
  }
  fn->level = in_arguments.Level();
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
