// Casts and assignments to a domain (PostgreSQL's coerce_to_domain): the value is coerced to
// the domain's base type, then checked against the constraints of every level of the domain.
#include <algorithm>

#include "binder/binder.hpp"
#include "common/error.hpp"
#include "execution/domain_check.hpp"
#include "parser/parser.hpp"
#include "types/domain.hpp"

namespace tusk {

ExprP Binder::BindDomainCheck(const std::string& sql, const Type& value_type, const std::string& schema) {
  struct Restore {
    const Type** slot;
    const Type* saved;
    const char* clause;
    const char** clause_slot;
    ~Restore() { *slot = saved; *clause_slot = clause; }
  } restore{&domain_value_, domain_value_, clause_, &clause_};
  domain_value_ = &value_type;
  clause_ = "check constraints";
  std::unique_ptr<Script> holder;
  Node* node = ParseStoredExpr(sql, &holder);
  Scope none;
  ExprP e = CoerceToBool(BindStored(node, none, schema), "CHECK", -1);
  // the parse tree goes with `holder`: keep it as long as the expression
  return std::shared_ptr<Expr>(e.get(), [e, h = std::shared_ptr<Script>(std::move(holder))](Expr*) {});
}

ExprP Binder::CoerceToDomain(ExprP e, const Type& to, CastContext ctx, int location, const std::string& what) {
  if (e->type.domain && e->type.domain->oid == to.domain->oid && IsArrayOfDomain(e->type) == IsArrayOfDomain(to)) return e;
  const bool elements = IsArrayOfDomain(to);
  // The levels, outermost first; each with the catalog's current definition.
  std::vector<std::shared_ptr<const DomainDef>> levels;
  for (Type t = elements ? to.Element() : to; t.domain; t = DomainBase(t)) {
    auto current = catalog().FindDomainByOid(t.domain->oid);
    levels.push_back(current ? current : t.domain);
  }
  Type base = BaseTypeOf(to);
  auto* given = dynamic_cast<ConstExpr*>(e.get());
  const bool unknown_literal = given && given->type.id == oid::kUnknown && !given->type.array;
  ExprP arg = Coerce(std::move(e), base, ctx, location, what);
  bool not_null = false;
  std::vector<DomainCheckExpr::Check> checks;
  for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
    const DomainDef& d = **it;
    not_null |= d.not_null;
    std::vector<const DomainCheck*> sorted;
    for (const auto& c : d.checks) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const DomainCheck* a, const DomainCheck* b) { return a->name < b->name; });
    for (const DomainCheck* c : sorted) checks.push_back({c->name, BindDomainCheck(c->check_sql, DomainValueType(d), d.schema)});
  }
  auto check = std::make_shared<DomainCheckExpr>(std::move(arg), to, not_null, std::move(checks), ctx == CastContext::kExplicit, elements);
  // An array literal of a domain's elements is checked as it is read, as PostgreSQL's array_in
  // calls domain_in: its errors point at the literal.
  auto* literal = dynamic_cast<ConstExpr*>(check->arg.get());
  if (elements && unknown_literal && literal) {
    try {
      EvalContext ctx_now;
      ctx_now.state = state_;
      if (!literal->value.is_null())
        for (const Value& v : literal->value.arr()) check->CheckValue(v, ctx_now);
    } catch (Error& err) {
      if (literal->location >= 0) err.WithPosition(literal->location + 1);
      throw;
    }
  }
  return check;
}

}  // namespace tusk
