#include "binder/operator_registry.hpp"

#include <map>
#include <vector>

#include "binder/folding.hpp"
#include "function/overload_resolution.hpp"
#include "types/trgm/trgm.hpp"
#include "types/tsearch/tsearch.hpp"

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
    RegisterTsVectorOperators();
    RegisterTsQueryOperators();
    RegisterTextSearchOperators();
    RegisterTrigramOperators();
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

void RegisterPrefixOperator(const std::string& op, Type operand, Type result, ScalarFn fn) {
  Entries()[op].push_back({Type(0), std::move(operand), std::move(result), std::move(fn)});
}

bool IsRegisteredOperator(const std::string& op) { return Operators().count(op) > 0; }

ExprP BindRegisteredOperator(Binder& b, const std::string& op, ExprP l, ExprP r, int location) {
  auto it = Operators().find(op);
  if (it == Operators().end()) return nullptr;
  if (l && Untyped(l) && Untyped(r)) {
    // Two untyped literals read as text, as PostgreSQL resolves them (text @@ text).
    const Type text(oid::kText);
    for (const auto& o : it->second)
      if (o.left == text && o.right == text)
        return MakeCall(o.result, op, {b.Coerce(l, text, CastContext::kImplicit, location), b.Coerce(r, text, CastContext::kImplicit, location)}, o.fn);
    return nullptr;
  }
  // Prefix overloads (left type 0) for `op r`, infix ones for `l op r`.
  std::vector<std::vector<Type>> candidates;
  std::vector<size_t> index;
  for (size_t i = 0; i < it->second.size(); i++) {
    const auto& o = it->second[i];
    if ((o.left.id == 0) != !l) continue;
    candidates.push_back(l ? std::vector<Type>{o.left, o.right} : std::vector<Type>{o.right});
    index.push_back(i);
  }
  if (candidates.empty()) return nullptr;
  int chosen = l ? ResolveOverload(op, candidates, {l, r}, location) : ResolveOverload(op, candidates, {r}, location);
  if (chosen < 0) return nullptr;
  const OperatorOverload& o = it->second[index[static_cast<size_t>(chosen)]];
  if (!l) return MakeCall(o.result, op, {b.Coerce(r, o.right, CastContext::kImplicit, location)}, o.fn, false);
  l = b.Coerce(l, o.left, CastContext::kImplicit, location);
  r = b.Coerce(r, o.right, CastContext::kImplicit, location);
  return MakeCall(o.result, op, {l, r}, o.fn);
}

}  // namespace tusk
