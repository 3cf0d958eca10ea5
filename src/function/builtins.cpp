// Built-in scalar functions. Each entry checks and coerces its arguments, then returns a
// CallExpr; families live in their own files (string, math, datetime, system).
#include "function/registry.hpp"

#include <map>

#include "common/error.hpp"

namespace tusk {

std::map<std::string, FunctionBinder>& FunctionRegistry() {
  static std::map<std::string, FunctionBinder> registry;
  return registry;
}

bool IsAggregateName(const std::string& name) {
  return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max" ||
         name == "bool_and" || name == "bool_or" || name == "every" || name == "string_agg" ||
         name == "array_agg";
}

ExprP BindBuiltinFunction(Binder& b, const std::string& name, std::vector<ExprP>& args, int location) {
  static bool init = [] {
    RegisterStringFunctions();
    RegisterMathFunctions();
    RegisterDateTimeFunctions();
    RegisterSystemFunctions();
    return true;
  }();
  (void)init;
  auto& reg = FunctionRegistry();
  auto it = reg.find(name);
  if (it == reg.end()) return nullptr;
  return it->second(b, args, location);
}

ExprP Fn(Type t, const std::string& name, std::vector<ExprP> args, ScalarFn fn, bool strict) {
  return std::make_shared<CallExpr>(std::move(t), name, std::move(args), std::move(fn), strict, false);
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
