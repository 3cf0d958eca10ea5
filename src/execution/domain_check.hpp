// CoerceToDomain: the step that makes a value of a domain's base type a value of the domain,
// checking the domain's NOT NULL and CHECK constraints (PostgreSQL's ExecEvalConstraintNotNull
// and ExecEvalConstraintCheck, with their messages).
#pragma once
#include <string>
#include <vector>

#include "execution/expr.hpp"

namespace tusk {

class DomainCheckExpr : public Expr {
 public:
  struct Check {
    std::string name;  // the constraint's name
    ExprP expr;        // boolean; reads VALUE as column 0 of the row it is given
  };
  // `arg` is of the domain's base type; `type` the domain (or an array of it: `elements`, each
  // element checked). `not_null`: some level of the domain is NOT NULL. `checks`: every level's
  // CHECKs, the innermost domain's first, each level's by name (PostgreSQL's order).
  DomainCheckExpr(ExprP arg, Type type, bool not_null, std::vector<Check> checks, bool explicit_cast, bool elements)
      : Expr(std::move(type)), arg(std::move(arg)), not_null(not_null), checks(std::move(checks)),
        explicit_cast(explicit_cast), elements(elements) {}
  Value Eval(EvalContext& ctx) const override;
  // An explicit cast prints as one (x::d); an assignment's check prints nothing of its own.
  std::string ToSql() const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }

  // Throws 23502 / 23514 when `v` is not a value of the domain.
  void CheckValue(const Value& v, EvalContext& ctx) const;

  ExprP arg;
  bool not_null;
  std::vector<Check> checks;
  bool explicit_cast, elements;
};

}  // namespace tusk
