#include "execution/once_per_execution.hpp"

#include "execution/exec_state.hpp"

namespace tusk {

Value OncePerExecutionExpr::Eval(EvalContext& ctx) const {
  if (ctx.params || !ctx.state || ctx.state->exec_id == 0) return inner->Eval(ctx);
  if (cached_exec_ != ctx.state->exec_id) {
    value_ = inner->Eval(ctx);
    cached_exec_ = ctx.state->exec_id;
  }
  return value_;
}

}  // namespace tusk
