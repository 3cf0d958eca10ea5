#include "planner/row_independent.hpp"

#include <typeinfo>

#include "binder/volatility.hpp"
#include "execution/once_per_execution.hpp"

namespace tusk {

namespace {

bool ReadsNoRow(const ExprP& e) {
  if (dynamic_cast<const ColumnExpr*>(e.get()) || dynamic_cast<const SubqueryExpr*>(e.get())) return false;
  bool none = true;
  e->ForEachChild([&](const ExprP& c) { none = none && ReadsNoRow(c); });
  return none;
}

bool WorthOnce(const ExprP& e) {
  if (e->IsConst() || dynamic_cast<const ParamExpr*>(e.get()) || dynamic_cast<const OncePerExecutionExpr*>(e.get())) return false;
  return ReadsNoRow(e) && ExprVolatility(*e) != 'v';
}

// The same list with its items rewritten; *changed when any is.
std::vector<ExprP> RewriteAll(const std::vector<ExprP>& in, bool* changed) {
  std::vector<ExprP> out;
  out.reserve(in.size());
  for (const ExprP& e : in) {
    out.push_back(EvaluateRowIndependentPartsOnce(e));
    *changed = *changed || out.back() != e;
  }
  return out;
}

}  // namespace

ExprP EvaluateRowIndependentPartsOnce(const ExprP& cond) {
  if (WorthOnce(cond)) return std::make_shared<OncePerExecutionExpr>(cond);
  // Exact types only: a subclass (IntArithExpr) evaluates differently from its base.
  const std::type_info& kind = typeid(*cond);
  bool changed = false;
  if (kind == typeid(BoolExpr)) {
    auto* b = static_cast<const BoolExpr*>(cond.get());
    std::vector<ExprP> args = RewriteAll(b->args, &changed);
    return changed ? std::make_shared<BoolExpr>(b->op, std::move(args)) : cond;
  }
  if (kind == typeid(CallExpr)) {
    auto* c = static_cast<const CallExpr*>(cond.get());
    std::vector<ExprP> args = RewriteAll(c->args, &changed);
    return changed ? std::make_shared<CallExpr>(c->type, c->name, std::move(args), c->fn, c->strict, c->infix) : cond;
  }
  if (kind == typeid(InListExpr)) {
    auto* in = static_cast<const InListExpr*>(cond.get());
    std::vector<ExprP> items = RewriteAll(in->items, &changed);
    if (!changed) return cond;
    auto out = std::make_shared<InListExpr>(in->arg, std::move(items), in->negated, in->cmp_type);
    out->varchar_items = in->varchar_items;
    return out;
  }
  return cond;
}

}  // namespace tusk
