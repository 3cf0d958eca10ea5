// A function call as a FROM item: set-returning functions (built-in and user-defined), scalar
// functions (one row), composite results expanded into columns, WITH ORDINALITY, and column
// definition lists for functions whose result is `record` (`jsonb_to_record(doc) AS x(a int)`).
#include <set>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "execution/function_scan.hpp"
#include "function/named_arguments.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

// The row type a column definition list declares; 42701 for a name given twice.
Type DeclaredRecord(Binder& binder, Node** defs, size_t n) {
  auto record = std::make_shared<RecordDef>();
  std::set<std::string> seen;
  for (size_t i = 0; i < n; i++) {
    auto* cd = defs[i]->column_def;
    if (!seen.insert(cd->colname).second)
      throw Error(sqlstate::kDuplicateColumn, std::string("column name \"") + cd->colname + "\" specified more than once");
    if (cd->type_name->setof)
      ThrowAt(sqlstate::kInvalidTableDefinition, std::string("column \"") + cd->colname + "\" cannot be declared SETOF", cd->location);
    record->names.push_back(cd->colname);
    record->types.push_back(binder.ResolveType(cd->type_name));
  }
  return Type::Record(std::move(record));
}

// A call of a function that returns no set: one row holding its value.
SetFunction OneRow(const std::string& name, ExprP value) {
  SetFunction f;
  f.name = name;
  f.types = {value->type};
  f.columns = {name};
  f.args = {std::move(value)};
  f.generate = [](const std::vector<Value>& a, EvalContext&) -> RowGenerator { return YieldRows({Row{a[0]}}); };
  return f;
}

bool IsNamedComposite(const std::vector<Type>& types) {
  return types.size() == 1 && types[0].IsRow() && types[0].record && types[0].record->type_oid;
}

}  // namespace

OpP Planner::PlanRangeFunction(PgQuery__RangeFunction* rf, Scope* scope) {
  if (rf->n_functions != 1)
    throw Error(sqlstate::kFeatureNotSupported, "ROWS FROM with more than one function is not supported yet");
  auto* pair = rf->functions[0]->list;
  Node* call = pair->items[0];
  // The column definition list: after the alias, or (ROWS FROM) after the function.
  Node** defs = rf->coldeflist;
  size_t n_defs = rf->n_coldeflist;
  if (n_defs && rf->ordinality)
    throw Error(sqlstate::kSyntaxError, "WITH ORDINALITY cannot be used with a column definition list")
        .WithHint("Put the column definition list inside ROWS FROM().")
        .WithPosition(defs[0]->column_def->location + 1);
  if (pair->n_items > 1 && pair->items[1] && pair->items[1]->node_case == PG_QUERY__NODE__NODE_LIST) {
    defs = pair->items[1]->list->items;
    n_defs = pair->items[1]->list->n_items;
  }
  if (call->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
    throw Error(sqlstate::kFeatureNotSupported, "this FROM item is not supported yet");
  auto* fc = call->func_call;
  std::string fname = StrVal(fc->funcname[fc->n_funcname - 1]);
  Binder::ColumnDefinitionList definition;
  if (n_defs) definition.record = DeclaredRecord(binder_, defs, n_defs);
  definition.call_location = fc->location;
  struct Clear {
    Binder& b;
    ~Clear() { b.from_function = nullptr; }
  } clear{binder_};

  // Function arguments may refer to earlier FROM items (implicit LATERAL).
  binder_.set_clause("functions in FROM");
  std::vector<ExprP> args;
  std::vector<std::string> arg_names;
  for (size_t i = 0; i < fc->n_args; i++) {
    bool named = fc->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
    args.push_back(binder_.Bind(named ? fc->args[i]->named_arg_expr->arg : fc->args[i], *scope));
    arg_names.push_back(named ? fc->args[i]->named_arg_expr->name : "");
  }
  std::shared_ptr<FunctionScanOp> op;
  if (IsSetReturningFunction(fname)) {
    CheckSetFunctionSchema(fc, args);
    PlaceSetFunctionArguments(fname, &args, arg_names, fc->location);
    binder_.from_function = &definition;
    op = std::make_shared<FunctionScanOp>(
        BindSetFunction(binder_, fname, args, fc->location, NameListToString(fc->funcname, fc->n_funcname)), rf->ordinality);
  } else {
    std::vector<std::string> name_parts;
    for (size_t i = 0; i < fc->n_funcname; i++) name_parts.push_back(StrVal(fc->funcname[i]));
    if (auto user = BindUserSetFunction(binder_, name_parts, args, arg_names, fc->location)) {
      op = std::make_shared<FunctionScanOp>(std::move(*user), rf->ordinality);
    } else {
      // A function that returns no set gives one row (`FROM upper('x')`, `FROM
      // jsonb_populate_record(...)`).
      binder_.from_function = &definition;
      op = std::make_shared<FunctionScanOp>(OneRow(fname, binder_.Bind(call, *scope)), rf->ordinality);
    }
  }
  binder_.from_function = nullptr;
  binder_.set_clause("WHERE");
  if (n_defs && !definition.taken) {
    const char* why = IsNamedComposite(op->fn.types)                       ? "a column definition list is redundant for a function returning a named composite type"
                      : op->fn.types.size() > 1 ? "a column definition list is redundant for a function with OUT parameters"
                                                                           : "a column definition list is only allowed for functions returning \"record\"";
    ThrowAt(sqlstate::kSyntaxError, why, defs[0]->column_def->location);
  }

  ScopeRel rel;
  rel.alias = rf->alias ? rf->alias->aliasname : fname;
  rel.columns = op->fn.columns;
  rel.types = op->fn.types;
  // A composite result is expanded into its fields: a named composite type, or the record a
  // column definition list declared for a function that returns one row.
  if (rel.types.size() == 1 && rel.types[0].IsRow() && rel.types[0].record &&
      (rel.types[0].record->type_oid || definition.taken)) {
    op->expand_fields = rel.types[0].record->types.size();
    rel.columns = rel.types[0].record->names;
    rel.types = rel.types[0].record->types;
  }
  if (rel.columns.size() == 1 && rf->alias && !rf->alias->n_colnames && !op->fn.named_column && !definition.taken)
    rel.columns[0] = rf->alias->aliasname;
  if (rf->ordinality) {
    rel.columns.push_back("ordinality");
    rel.types.push_back(Type(oid::kInt8));
  }
  if (rf->alias && rf->alias->n_colnames > rel.columns.size())
    throw Error(sqlstate::kInvalidColumnReference, "table \"" + std::string(rf->alias->aliasname) + "\" has " +
                                                       std::to_string(rel.columns.size()) + " columns available but " +
                                                       std::to_string(rf->alias->n_colnames) + " columns specified");
  if (rf->alias)
    for (size_t k = 0; k < rf->alias->n_colnames && k < rel.columns.size(); k++) rel.columns[k] = StrVal(rf->alias->colnames[k]);
  op->names = rel.columns;
  op->types = rel.types;
  for (const auto& a : op->fn.args) op->lateral |= UsesRow(a);
  scope->Add(rel);
  return op;
}

}  // namespace tusk
