// A call of a user-defined function: the candidates named so along the search path (or in the
// schema given), the one the arguments fit best (positional and named notation, defaults), as
// PostgreSQL's func_get_detail chooses among them.
#include <set>

#include "binder/binder.hpp"
#include "catalog/function_def.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "parser/parser.hpp"
#include "routines/sql_function.hpp"
#include "types/cast.hpp"

namespace tusk {

namespace {
struct Fit {
  std::shared_ptr<const FunctionDef> def;
  std::vector<int> given_for_param;  // the given argument each parameter takes, -1: its default
  int exact = 0;
};

// Whether the call's arguments fit f's parameters, and how.
std::optional<Fit> FitCall(const std::shared_ptr<const FunctionDef>& f, const std::vector<ExprP>& args,
                           const std::vector<std::string>& names) {
  std::vector<const FunctionArg*> params = f->InvocationArgs();
  if (args.size() > params.size()) return std::nullopt;
  Fit fit{f, std::vector<int>(params.size(), -1), 0};
  for (size_t i = 0; i < args.size(); i++) {
    size_t slot = i;
    if (!names[i].empty()) {
      slot = params.size();
      for (size_t k = 0; k < params.size(); k++)
        if (params[k]->name == names[i]) slot = k;
      if (slot == params.size() || fit.given_for_param[slot] >= 0) return std::nullopt;
    }
    fit.given_for_param[slot] = static_cast<int>(i);
  }
  for (size_t k = 0; k < params.size(); k++) {
    int given = fit.given_for_param[k];
    if (given < 0) {
      if (params[k]->default_sql.empty()) return std::nullopt;
      continue;
    }
    const Type& from = args[static_cast<size_t>(given)]->type;
    const Type& to = params[k]->type;
    if (from.WireOid() == to.WireOid()) fit.exact++;
    else if (!CanCast(from, to, CastContext::kImplicit)) return std::nullopt;
  }
  return fit;
}

std::string NameListText(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ".") + p;
  return out;
}

std::string ArgTypesText(const std::vector<ExprP>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); i++) out += (i ? ", " : "") + TypeName(args[i]->type);
  return out;
}
}  // namespace

namespace {
struct ResolvedCall {
  std::shared_ptr<const FunctionDef> def;
  std::vector<ExprP> args;  // one per parameter, coerced, defaults filled in
};

std::optional<ResolvedCall> ResolveUserCall(Binder& b, const std::vector<std::string>& name_parts, std::vector<ExprP>& args,
                                            const std::vector<std::string>& arg_names, int location) {
  const Catalog& cat = b.catalog();
  if (cat.functions().empty()) return std::nullopt;
  const std::string& name = name_parts.back();
  std::vector<std::string> schemas;
  if (name_parts.size() == 2) schemas.push_back(name_parts[0]);
  else schemas = EffectiveSearchPath(cat, b.SearchPath());
  std::vector<Fit> fits;
  std::set<std::string> signatures_seen;  // a function earlier on the path hides one of the same signature later
  for (const std::string& schema : schemas)
    for (const auto& [oid, f] : cat.functions()) {
      if (f->schema != schema || f->name != name) continue;
      if (!signatures_seen.insert(f->proc.arg_types).second) continue;
      if (auto fit = FitCall(f, args, arg_names)) fits.push_back(std::move(*fit));
    }
  if (fits.empty()) return std::nullopt;
  int best = -1;
  for (const Fit& f : fits) best = std::max(best, f.exact);
  std::vector<const Fit*> chosen;
  for (const Fit& f : fits)
    if (f.exact == best) chosen.push_back(&f);
  if (chosen.size() > 1)
    throw Error(sqlstate::kAmbiguousFunction, "function " + NameListText(name_parts) + "(" + ArgTypesText(args) + ") is not unique")
        .WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
        .WithPosition(location + 1);
  const Fit& fit = *chosen[0];
  const FunctionDef& def = *fit.def;
  if (def.kind == 'p' && !b.calling_procedure)
    throw Error(sqlstate::kWrongObjectType, NameListText(name_parts) + "(" + ArgTypesText(args) + ") is a procedure")
        .WithHint("To call a procedure, use CALL.").WithPosition(location + 1);
  if (def.kind != 'p' && b.calling_procedure)
    throw Error(sqlstate::kWrongObjectType, NameListText(name_parts) + "(" + ArgTypesText(args) + ") is not a procedure")
        .WithHint("To call a function, use SELECT.").WithPosition(location + 1);
  std::vector<const FunctionArg*> params = def.InvocationArgs();
  std::vector<ExprP> bound;
  for (size_t k = 0; k < params.size(); k++) {
    int given = fit.given_for_param[k];
    if (given >= 0) {
      bound.push_back(b.Coerce(args[static_cast<size_t>(given)], params[k]->type, CastContext::kImplicit, location));
      continue;
    }
    std::unique_ptr<Script> holder;
    Node* expr = ParseStoredExpr(params[k]->default_sql, &holder);
    Scope none;
    ExprP d = b.Coerce(b.BindStored(expr, none, def.schema), params[k]->type, CastContext::kAssignment, -1);
    // the parse tree goes with `holder`: keep it as long as the expression
    bound.push_back(std::shared_ptr<Expr>(d.get(), [d, h = std::shared_ptr<Script>(std::move(holder))](Expr*) {}));
  }
  return ResolvedCall{fit.def, std::move(bound)};
}
}  // namespace

ExprP BindUserFunction(Binder& b, const std::vector<std::string>& name_parts, std::vector<ExprP>& args,
                       const std::vector<std::string>& arg_names, int location) {
  auto call = ResolveUserCall(b, name_parts, args, arg_names, location);
  if (!call) return nullptr;
  if (call->def->retset)
    throw Error(sqlstate::kFeatureNotSupported, "set-returning user-defined functions outside FROM are not supported yet (function " +
                                                    call->def->name + ")")
        .WithPosition(location + 1);
  return MakeUserFunctionCall(call->def, std::move(call->args));
}

bool HasSetReturningUserFunction(const Catalog& cat, const std::string& name) {
  for (const auto& [oid, f] : cat.functions())
    if (f->retset && f->name == name) return true;
  return false;
}

std::optional<SetFunction> BindUserSetFunction(Binder& b, const std::vector<std::string>& name_parts, std::vector<ExprP>& args,
                                               const std::vector<std::string>& arg_names, int location, bool sets_only) {
  if (sets_only && !HasSetReturningUserFunction(b.catalog(), name_parts.back())) return std::nullopt;
  auto call = ResolveUserCall(b, name_parts, args, arg_names, location);
  if (!call || (sets_only && !call->def->retset)) return std::nullopt;
  if (call->def->result.id == oid::kVoid && !call->def->result.array)
    throw Error(sqlstate::kFeatureNotSupported, "a function returning void in FROM is not supported yet").WithPosition(location + 1);
  return MakeUserSetFunction(call->def, std::move(call->args));
}

}  // namespace tusk
