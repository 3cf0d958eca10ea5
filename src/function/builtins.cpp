// Built-in scalar functions. Each entry checks and coerces its arguments, then returns a
// CallExpr; families live in their own files (string, math, datetime, system).
#include "function/registry.hpp"

#include <algorithm>
#include <map>

#include "binder/folding.hpp"
#include "binder/volatility.hpp"
#include "function/overload_resolution.hpp"
#include "function/regex_functions.hpp"
#include "types/trgm/trgm.hpp"
#include "types/tsearch/tsearch.hpp"

#include "common/error.hpp"

namespace tusk {

std::map<std::string, FunctionBinder>& FunctionRegistry() {
  static std::map<std::string, FunctionBinder> registry;
  return registry;
}

bool IsAggregateName(const std::string& name) {
  return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max" ||
         name == "bool_and" || name == "bool_or" || name == "every" || name == "string_agg" ||
         name == "array_agg" || name == "stddev" || name == "stddev_samp" || name == "stddev_pop" ||
         name == "variance" || name == "var_samp" || name == "var_pop" || name == "percentile_cont" ||
         name == "percentile_disc" || name == "mode" || name == "json_agg" || name == "jsonb_agg" ||
         name == "json_object_agg" || name == "jsonb_object_agg";
}

// Registers every family once; set-returning functions registered here (ts_parse, ts_stat)
// need it too, before a FROM item is bound (set_returning.cpp calls it).
void EnsureBuiltinFunctions() {
  static bool init = [] {
    RegisterStringFunctions();
    RegisterMathFunctions();
    RegisterDateTimeFunctions();
    RegisterSystemFunctions();
    RegisterRegexFunctions();
    RegisterArrayFunctions();
    RegisterFormattingFunctions();
    RegisterMoreFunctions();
    RegisterBackendFunctions();
    RegisterJsonFunctions();
    RegisterJsonbFunctions();
    RegisterJsonTextFunctions();
    RegisterJsonRecordFunctions();
    RegisterJsonPathFunctions();
    RegisterCatalogFunctions();
    RegisterPrivilegeFunctions();
    RegisterUuidFunctions();
    RegisterHashFunctions();
    RegisterTsVectorFunctions();
    RegisterTsQueryFunctions();
    RegisterTextSearchFunctions();
    RegisterTsRankFunctions();
    RegisterTrigramFunctions();
    return true;
  }();
  (void)init;
}

ExprP BindBuiltinFunction(Binder& b, const std::string& name, std::vector<ExprP>& args, int location) {
  EnsureBuiltinFunctions();
  auto& reg = FunctionRegistry();
  auto it = reg.find(name);
  if (it == reg.end()) return nullptr;
  return it->second(b, args, location);
}

ExprP Fn(Type t, const std::string& name, std::vector<ExprP> args, ScalarFn fn, bool strict) {
  return std::make_shared<CallExpr>(std::move(t), name, std::move(args), std::move(fn), strict, false);
}

namespace {
struct Overload {
  std::vector<Type> sig;
  Type ret;
  ScalarFn fn;
  bool strict;
};

}  // namespace

void AcceptAnyAsText(const std::string& name) {
  FunctionBinder text_version = FunctionRegistry().at(name);
  FunctionRegistry()[name] = [text_version](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    for (auto& a : args)
      if (a->type.id != oid::kText && a->type.id != oid::kUnknown) a = b.Coerce(a, Type(oid::kText), CastContext::kExplicit, loc);
    return text_version(b, args, loc);
  };
}

void Register(const std::string& name, std::vector<Type> sig, Type ret, ScalarFn fn, bool strict) {
  static std::map<std::string, std::shared_ptr<std::vector<Overload>>> overloads;
  auto& list = overloads[name];
  if (!list) {
    list = std::make_shared<std::vector<Overload>>();
    auto shared = list;
    FunctionRegistry()[name] = [shared, name](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
      std::vector<std::vector<Type>> sigs;
      for (const auto& o : *shared) sigs.push_back(o.sig);
      int chosen = ResolveOverload(name, sigs, args, loc);
      if (chosen < 0) return nullptr;
      const Overload* best = &(*shared)[chosen];
      std::vector<ExprP> coerced = args;
      for (size_t i = 0; i < coerced.size(); i++)
        if (best->sig[i].id != oid::kAny) coerced[i] = b.Coerce(coerced[i], best->sig[i], CastContext::kImplicit, loc);
      ExprP call = Fn(best->ret, name, coerced, best->fn, best->strict);
      // An immutable function of constants is computed now, as PostgreSQL's planner folds it
      // (to_tsquery('english', 'fat & rat') shows as its tsquery in EXPLAIN).
      bool constant = std::all_of(coerced.begin(), coerced.end(), [](const ExprP& a) { return dynamic_cast<ConstExpr*>(a.get()) != nullptr; });
      if (constant && !coerced.empty() && CatalogImmutableCall(static_cast<const CallExpr&>(*call))) return FoldConstant(call);
      return call;
    };
  }
  list->push_back({std::move(sig), std::move(ret), std::move(fn), strict});
}

bool CoerceArgs(Binder& b, std::vector<ExprP>& args, const std::vector<Type>& types, int location) {
  if (args.size() != types.size()) return false;
  for (size_t i = 0; i < args.size(); i++) {
    const Type& want = types[i];
    if (want.id == oid::kAny) continue;
    if (!CanCast(args[i]->type, want, CastContext::kImplicit)) return false;
  }
  for (size_t i = 0; i < args.size(); i++)
    if (types[i].id != oid::kAny) args[i] = b.Coerce(args[i], types[i], CastContext::kImplicit, location);
  return true;
}

}  // namespace tusk
