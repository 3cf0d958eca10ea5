// While one is alive, the binder binds set-returning calls inside expressions with `hook`
// (null: refuses them, naming the clause); the hook before it comes back when it ends.
#pragma once
#include <functional>
#include <utility>

#include "binder/binder.hpp"

namespace tusk {

class SetFunctionHookScope {
 public:
  using Hook = std::function<ExprP(Node*, const Scope&, AggContext*)>;
  SetFunctionHookScope(Binder* b, Hook hook) : b_(b), saved_(std::exchange(b->set_function_in_expression, std::move(hook))) {}
  ~SetFunctionHookScope() { b_->set_function_in_expression = std::move(saved_); }
  SetFunctionHookScope(const SetFunctionHookScope&) = delete;
  SetFunctionHookScope& operator=(const SetFunctionHookScope&) = delete;

 private:
  Binder* b_;
  Hook saved_;
};

}  // namespace tusk
