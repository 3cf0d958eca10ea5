// Binding of aggregate calls: argument checks, result types, DISTINCT / ORDER BY / FILTER /
// WITHIN GROUP, and the slot each aggregate takes in the grouped row.
#include "binder/binder.hpp"
#include "binder/set_function_hook.hpp"

#include <climits>

#include "common/error.hpp"
#include "types/json/json_aggregates.hpp"

namespace tusk {

ExprP Binder::BindAggregate(PgQuery__FuncCall* f, const std::string& name, const Scope& scope, AggContext* agg) {
  (void)scope;
  AggSpec spec;
  spec.name = name == "every" ? "bool_and" : name;
  spec.distinct = f->agg_distinct;
  std::string prev = clause_;
  clause_ = "aggregate function calls";
  // Arguments see the FROM scope; nested aggregates are an error.
  auto bind_arg = [&](Node* n) {
    try {
      return agg->bind_arguments ? agg->bind_arguments(n) : BindNode(n, *agg->from, nullptr);
    } catch (Error& e) {
      if (std::string(e.state()) == sqlstate::kGroupingError && std::string(e.what()).find("aggregate functions are not allowed") == 0)
        throw Error(sqlstate::kGroupingError, "aggregate function calls cannot be nested").WithPosition(e.position());
      throw;
    }
  };
  // A set-returning call in an aggregate's arguments is not the select list's to run.
  SetFunctionHookScope no_set_functions(this, nullptr);
  agg_watches_.push_back({agg->from, INT_MAX});
  struct PopWatch {
    std::vector<AggLevelWatch>* w;
    ~PopWatch() { w->pop_back(); }
  } pop{&agg_watches_};
  bool ordered_set = name == "percentile_cont" || name == "percentile_disc" || name == "mode";
  auto no_such_function = [&]() {
    std::string sig;
    for (size_t i = 0; i < f->n_args; i++) sig += (sig.empty() ? "" : ", ") + TypeName(bind_arg(f->args[i])->type);
    for (size_t i = 0; i < f->n_agg_order && f->agg_within_group; i++)
      sig += (sig.empty() ? "" : ", ") + TypeName(bind_arg(f->agg_order[i]->sort_by->node)->type);
    throw Error(sqlstate::kUndefinedFunction, "function " + name + "(" + sig + ") does not exist")
        .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(f->location + 1);
  };
  if (ordered_set != static_cast<bool>(f->agg_within_group)) no_such_function();
  if (ordered_set && (f->n_agg_order != 1 || f->n_args != (name == "mode" ? 0u : 1u))) no_such_function();
  for (size_t i = 0; i < f->n_agg_order; i++) {
    auto* sb = f->agg_order[i]->sort_by;
    auto k = std::make_shared<SortKey>();
    k->expr = bind_arg(sb->node);
    k->desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    k->nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST || (sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST && k->desc);
    spec.order.push_back(k);
  }
  if (ordered_set) {
    // percentile(fraction) WITHIN GROUP (ORDER BY x): the sorted input is x
    if (f->n_agg_order != 1) ThrowAt(sqlstate::kUndefinedFunction, "function " + name + " must have exactly one ORDER BY argument", f->location);
    spec.arg = spec.order[0]->expr;
    if (name != "mode") {
      if (f->n_args != 1) ThrowAt(sqlstate::kUndefinedFunction, "function " + name + " requires one direct argument", f->location);
      spec.arg2 = Coerce(bind_arg(f->args[0]), Type(oid::kFloat8), CastContext::kImplicit, f->location);
    }
  } else if (!f->agg_star) {
    spec.arg = bind_arg(f->args[0]);
    if (f->n_args > 1) spec.arg2 = bind_arg(f->args[1]);
  }
  if (f->agg_filter) spec.filter = CoerceToBool(bind_arg(f->agg_filter), "FILTER", f->location);
  // An aggregate whose arguments read only an enclosing query's columns belongs to that query
  // (PostgreSQL: SELECT (SELECT max(o.x)) FROM o aggregates over o): not supported yet, and
  // never computed at the wrong level.
  int level = agg_watches_.back().level;
  if (level != INT_MAX && level > 0)
    ThrowAt(sqlstate::kFeatureNotSupported, "aggregates over only an enclosing query's columns (outer-level aggregates) are not supported yet", f->location);
  clause_ = "WHERE";
  if (spec.distinct && !spec.order.empty() && !ordered_set) {
    bool matches = spec.arg && spec.order.size() == 1 && spec.order[0]->expr->Key() == spec.arg->Key();
    if (!matches)
      ThrowAt(sqlstate::kInvalidColumnReference, "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list",
              ExprLocation(f->agg_order[0]->sort_by->node));
  }
  auto fail = [&]() -> ExprP {
    std::string sig = spec.arg ? TypeName(spec.arg->type) : "";
    if (spec.arg2) sig += ", " + TypeName(spec.arg2->type);
    throw Error(sqlstate::kUndefinedFunction, "function " + name + "(" + sig + ") does not exist")
        .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
        .WithPosition(f->location + 1);
  };
  const std::string& n = spec.name;
  if (n == "count") {
    if (f->n_args > 1) fail();
    spec.result = Type(oid::kInt8);
  } else if (ordered_set) {
    uint32_t at = spec.arg->type.array ? 0 : spec.arg->type.id;
    if (name == "percentile_cont") {
      if (at == oid::kInterval) spec.result = Type(oid::kInterval);
      else {
        if (!CanCast(spec.arg->type, Type(oid::kFloat8), CastContext::kImplicit)) fail();
        spec.arg = Coerce(spec.arg, Type(oid::kFloat8), CastContext::kImplicit, f->location);
        spec.order[0]->expr = spec.arg;
        spec.result = Type(oid::kFloat8);
      }
    } else {
      if (at == oid::kUnknown) { spec.arg = Coerce(spec.arg, Type(oid::kText), CastContext::kImplicit, f->location); spec.order[0]->expr = spec.arg; }
      spec.result = spec.arg->type;
      spec.result.typmod = -1;
    }
  } else if (n == "stddev" || n == "stddev_samp" || n == "stddev_pop" || n == "variance" || n == "var_samp" || n == "var_pop") {
    if (!spec.arg || f->n_args != 1) fail();
    if (spec.arg->type.id == oid::kUnknown) spec.arg = Coerce(spec.arg, Type(oid::kFloat8), CastContext::kImplicit, f->location);
    uint32_t at = spec.arg->type.array ? 0 : spec.arg->type.id;
    if (at == oid::kFloat4 || at == oid::kFloat8) spec.result = Type(oid::kFloat8);
    else if (IsIntegerType(at) || at == oid::kNumeric) spec.result = Type(oid::kNumeric);
    else fail();
  } else {
    const bool two_args = n == "string_agg" || IsJsonObjectAggregate(n);
    if (!spec.arg || f->n_args != (two_args ? 2u : 1u)) fail();
    if (spec.arg->type.id == oid::kUnknown && !spec.arg->type.array && (n == "sum" || n == "avg"))
      throw Error(sqlstate::kAmbiguousFunction, "function " + name + "(unknown) is not unique")
          .WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
          .WithPosition(f->location + 1);
    if (spec.arg->type.id == oid::kUnknown && !spec.arg->type.array && !IsJsonAggregate(n)) {
      spec.arg = Coerce(spec.arg, Type(n == "bool_and" || n == "bool_or" ? oid::kBool : n == "sum" || n == "avg" ? oid::kFloat8 : oid::kText), CastContext::kImplicit, f->location);
    }
    uint32_t at = spec.arg->type.array ? 0 : spec.arg->type.id;
    if (n == "sum") {
      if (at == oid::kInt2 || at == oid::kInt4) spec.result = Type(oid::kInt8);
      else if (at == oid::kInt8 || at == oid::kNumeric) spec.result = Type(oid::kNumeric);
      else if (at == oid::kFloat4 || at == oid::kFloat8 || at == oid::kInterval) spec.result = Type(at);
      else fail();
    } else if (n == "avg") {
      if (IsIntegerType(at) || at == oid::kNumeric) spec.result = Type(oid::kNumeric);
      else if (at == oid::kFloat4 || at == oid::kFloat8) spec.result = Type(oid::kFloat8);
      else if (at == oid::kInterval) spec.result = Type(oid::kInterval);
      else fail();
    } else if (n == "min" || n == "max") {
      if (at == oid::kBool || at == oid::kJson || at == oid::kJsonb) fail();
      spec.result = spec.arg->type;
      spec.result.typmod = -1;
      if (spec.result.id == oid::kVarchar) spec.result = Type(oid::kText);
    } else if (n == "bool_and" || n == "bool_or") {
      if (at != oid::kBool) fail();
      spec.result = Type(oid::kBool);
    } else if (n == "string_agg") {
      spec.arg = Coerce(spec.arg, Type(oid::kText), CastContext::kImplicit, f->location);
      spec.arg2 = Coerce(spec.arg2, Type(oid::kText), CastContext::kImplicit, f->location);
      spec.result = Type(oid::kText);
    } else if (n == "array_agg") {
      spec.result = spec.arg->type.ArrayOf();  // of arrays: the same type, one more dimension
    } else if (IsJsonAggregate(n)) {
      BindJsonAggregate(*this, &spec, f->location);
    } else {
      fail();
    }
  }
  agg->aggs.push_back(spec);
  int idx = static_cast<int>(agg->groups.size() + agg->aggs.size() - 1);
  std::string shown = name + "(" + (spec.distinct ? "DISTINCT " : "") + (spec.arg ? spec.arg->ToSql() : "*") + ")";
  if (ordered_set) shown = name + "() WITHIN GROUP (ORDER BY " + spec.arg->ToSql() + ")";
  return std::make_shared<ColumnExpr>(idx, 0, spec.result, shown);
}

}  // namespace tusk
