// How the SQL of a function body names the function's parameters (Binder::FunctionParameters):
// a SQL function's `p`, `f.p` and `p.field`; PL/pgSQL's variables through its scopes, with
// variable_conflict = error when a name is both a column and a variable.
#include "binder/binder.hpp"
#include "common/error.hpp"
#include "execution/expr.hpp"

namespace tusk {

namespace {
thread_local const Binder::FunctionParameters* g_scoped_parameters = nullptr;
}  // namespace

Binder::FunctionParametersScope::FunctionParametersScope(const FunctionParameters* p) : saved(g_scoped_parameters) {
  g_scoped_parameters = p;
}
Binder::FunctionParametersScope::~FunctionParametersScope() { g_scoped_parameters = saved; }

bool Binder::NamesVariable(const std::vector<std::string>& parts) const {
  const FunctionParameters* fp = function_parameters ? function_parameters : g_scoped_parameters;
  if (!fp || !fp->resolve || parts.size() > 2) return false;
  auto valid = [&](int i) { return i >= 0 && static_cast<size_t>(i) < params_->types.size(); };
  if (parts.size() == 1) return valid(fp->resolve("", parts[0]));
  return valid(fp->resolve(parts[0], parts[1])) || valid(fp->resolve("", parts[0]));
}

Binder::FunctionParameters::Conflict Binder::VariableConflict() const {
  const FunctionParameters* fp = function_parameters ? function_parameters : g_scoped_parameters;
  return fp ? fp->conflict : FunctionParameters::Conflict::kError;
}

ExprP Binder::FunctionParameter(const std::vector<std::string>& parts) {
  const FunctionParameters* fp = function_parameters ? function_parameters : g_scoped_parameters;
  if (fp && fp->resolve) {
    auto param = [&](int i) -> ExprP {
      if (i < 0 || static_cast<size_t>(i) >= params_->types.size()) return nullptr;
      return std::make_shared<ParamExpr>(i, params_->types[static_cast<size_t>(i)]);
    };
    auto field = [&](int var, const std::string& name) -> ExprP {
      ExprP row = param(var);
      if (!row) return nullptr;
      if (fp->reading_field) fp->reading_field(var);
      return SelectField(row, name, -1);
    };
    if (parts.size() == 1) return param(fp->resolve("", parts[0]));
    if (parts.size() == 2) {
      if (ExprP p = param(fp->resolve(parts[0], parts[1]))) return p;
      if (ExprP f = field(fp->resolve("", parts[0]), parts[1])) return f;
    }
    if (parts.size() == 3) return field(fp->resolve(parts[0], parts[1]), parts[2]);
    return nullptr;
  }
  if (!fp) return nullptr;
  // A SQL function's parameters, as PostgreSQL resolves them: `p`, `f.p`, and a field of a
  // composite parameter, `p.field` or `f.p.field`.
  auto named = [&](const std::string& name) -> ExprP {
    for (size_t i = 0; i < fp->names.size() && i < params_->types.size(); i++)
      if (!name.empty() && fp->names[i] == name) return std::make_shared<ParamExpr>(static_cast<int>(i), params_->types[i]);
    return nullptr;
  };
  auto field = [&](ExprP row, const std::string& name) -> ExprP { return row && row->type.record ? SelectField(row, name, -1) : nullptr; };
  if (parts.size() == 1) return named(parts[0]);
  if (parts.size() == 2) {
    if (parts[0] == fp->function)
      if (ExprP p = named(parts[1])) return p;
    return field(named(parts[0]), parts[1]);
  }
  if (parts.size() == 3 && parts[0] == fp->function) return field(named(parts[1]), parts[2]);
  return nullptr;
}

}  // namespace tusk
