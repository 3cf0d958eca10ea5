// A row-independent part of a scan's condition, evaluated once per execution of the statement
// instead of once per row: `created_at >= make_date(2026, $1, 1)` reads the parameter, builds
// the date and converts it to timestamptz (a time zone lookup) for the first row only.
//
// Only parts that read no column (of this row or an enclosing one), run no subquery and call
// nothing volatile are wrapped (planner/row_independent.hpp): their value cannot change during
// one execution (st->exec_id), which is what a stable function promises. A PL/pgSQL simple
// expression, evaluated with its own parameters (ctx.params), is never cached.
#pragma once

#include <cstdint>

#include "execution/expr.hpp"

namespace tusk {

class OncePerExecutionExpr : public Expr {
 public:
  explicit OncePerExecutionExpr(ExprP inner) : Expr(inner->type), inner(std::move(inner)) {}
  Value Eval(EvalContext& ctx) const override;
  std::string ToSql() const override { return inner->ToSql(); }
  std::string Key() const override { return inner->Key(); }
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(inner); }
  ExprP inner;

 private:
  mutable uint64_t cached_exec_ = 0;  // 0: nothing cached
  mutable Value value_;
};

}  // namespace tusk
