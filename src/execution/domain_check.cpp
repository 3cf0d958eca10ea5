#include "execution/domain_check.hpp"

#include "common/error.hpp"
#include "execution/exec_state.hpp"
#include "types/object_names.hpp"
#include "types/domain.hpp"

namespace tusk {

void DomainCheckExpr::CheckValue(const Value& v, EvalContext& ctx) const {
  // format_type_be's spelling: qualified when search_path does not reach the domain
  auto name = [&] {
    if (ctx.state && ctx.state->dt.names)
      if (auto shown = ctx.state->dt.names->Name(oid::kRegtype, type.domain->oid)) return *shown;
    return type.domain->name;
  };
  if (v.is_null() && not_null)
    throw Error(sqlstate::kNotNullViolation, "domain " + name() + " does not allow null values");
  if (checks.empty()) return;
  Row row{v};
  EvalContext inner;
  inner.row = &row;
  inner.state = ctx.state;
  for (const Check& c : checks) {
    Value ok = c.expr->Eval(inner);
    if (!ok.is_null() && !ok.b())
      throw Error(sqlstate::kCheckViolation, "value for domain " + name() + " violates check constraint \"" + c.name + "\"");
  }
}

Value DomainCheckExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  if (elements && !v.is_null()) {
    for (const Value& e : v.arr()) CheckValue(e, ctx);
  } else {
    CheckValue(v, ctx);
  }
  return v;
}

std::string DomainCheckExpr::ToSql() const {
  if (!explicit_cast) return arg->ToSql();
  std::string inner = arg->ToSql();
  // the base type's cast under it is implied by the domain's
  if (auto* c = dynamic_cast<CastExpr*>(arg.get())) inner = c->arg->ToSql();
  return "(" + inner + ")::" + SqlTypeName(type);
}

}  // namespace tusk
