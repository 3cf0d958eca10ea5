// Integer + - * / % as a call evaluated without the argument vector and the indirect call a
// general CallExpr makes: the commonest arithmetic (a loop's counter, a computed column) at
// the cost of two evaluations and one overflow check.
#pragma once
#include "execution/expr.hpp"

namespace tusk {

class IntArithExpr final : public CallExpr {
 public:
  // `op` is one of + - * / %; `result` int2, int4 or int8 (both arguments already of that type).
  IntArithExpr(Type result, const std::string& name, std::vector<ExprP> args, char op);
  Value Eval(EvalContext& ctx) const override;

 private:
  bool InRange(int64_t r) const;  // fits the result type
  char op_;
};

}  // namespace tusk
