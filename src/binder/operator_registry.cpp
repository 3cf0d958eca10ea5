#include "binder/operator_registry.hpp"

#include <map>
#include <vector>

#include "binder/folding.hpp"
#include "function/overload_resolution.hpp"

namespace tusk {

namespace {
struct OperatorOverload {
  Type left, right, result;
  ScalarFn fn;
};

std::map<std::string, std::vector<OperatorOverload>>& Entries() {
  static std::map<std::string, std::vector<OperatorOverload>> operators;
  return operators;
}

const std::map<std::string, std::vector<OperatorOverload>>& Operators() {
  static bool families = [] {
    RegisterJsonbOperators();
    RegisterJsonOperators();
    RegisterJsonPathOperators();
    return true;
  }();
  (void)families;
  return Entries();
}

bool Untyped(const ExprP& e) { return e->type.id == oid::kUnknown && !e->type.array; }
}  // namespace

void RegisterOperator(const std::string& op, Type left, Type right, Type result, ScalarFn fn) {
  Entries()[op].push_back({std::move(left), std::move(right), std::move(result), std::move(fn)});
}

bool IsRegisteredOperator(const std::string& op) { return Operators().count(op) > 0; }

ExprP BindRegisteredOperator(Binder& b, const std::string& op, ExprP l, ExprP r, int location) {
  if (!l || (Untyped(l) && Untyped(r))) return nullptr;
  auto it = Operators().find(op);
  if (it == Operators().end()) return nullptr;
  std::vector<std::vector<Type>> candidates;
  for (const auto& o : it->second) candidates.push_back({o.left, o.right});
  int chosen = ResolveOverload(op, candidates, {l, r}, location);
  if (chosen < 0) return nullptr;
  const OperatorOverload& o = it->second[static_cast<size_t>(chosen)];
  l = b.Coerce(l, o.left, CastContext::kImplicit, location);
  r = b.Coerce(r, o.right, CastContext::kImplicit, location);
  return MakeCall(o.result, op, {l, r}, o.fn);
}

}  // namespace tusk
