#include "execution/int_arith_expr.hpp"

#include <cstdint>

#include "binder/operators_impl.hpp"

namespace tusk {

IntArithExpr::IntArithExpr(Type result, const std::string& name, std::vector<ExprP> args, char op)
    : CallExpr(result, name, std::move(args),
               [op, t = result.id](const std::vector<Value>& v, EvalContext&) { return IntArith(op, v[0].i(), v[1].i(), t); },
               true, true),
      op_(op) {}

Value IntArithExpr::Eval(EvalContext& ctx) const {
  // both evaluated before the NULL check, as CallExpr does
  Value a = args[0]->Eval(ctx);
  Value b = args[1]->Eval(ctx);
  if (a.is_null() || b.is_null()) return Value::Null();
  const int64_t x = a.i(), y = b.i();
  int64_t r = 0;
  bool done = false;
  switch (op_) {
    case '+': done = !__builtin_add_overflow(x, y, &r); break;
    case '-': done = !__builtin_sub_overflow(x, y, &r); break;
    case '*': done = !__builtin_mul_overflow(x, y, &r); break;
    case '/': done = y != 0 && y != -1; if (done) r = x / y; break;
    case '%': done = y != 0 && y != -1; if (done) r = x % y; break;
  }
  if (done && InRange(r)) return Value::Int(r);
  return IntArith(op_, x, y, type.id);  // the rare cases, and the errors, as every caller has them
}

bool IntArithExpr::InRange(int64_t r) const {
  switch (type.id) {
    case oid::kInt2: return r >= -32768 && r <= 32767;
    case oid::kInt4: return r >= INT32_MIN && r <= INT32_MAX;
    default: return true;
  }
}

}  // namespace tusk
