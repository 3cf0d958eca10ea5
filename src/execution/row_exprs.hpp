// Expressions over row values (types/type.hpp RecordDef): ROW(...) and a relation's whole row,
// field selection, and the field-by-field conversion of a row to a composite type.
#pragma once
#include "execution/expr.hpp"

namespace tusk {

// ROW(a, b, ...), and `t` / `t.*` naming a relation's whole row in an expression. A whole row
// whose `null_marker` field (a NOT NULL column) is NULL came from the NULL side of an outer
// join: it is NULL itself, as in PostgreSQL.
class RowExpr : public Expr {
 public:
  RowExpr(Type t, std::vector<ExprP> fields, std::string shown = "", int null_marker = -1)
      : Expr(std::move(t)), fields(std::move(fields)), shown(std::move(shown)), null_marker(null_marker) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { for (auto& a : fields) f(a); }
  std::string ToSql() const override;
  std::string Key() const override;
  std::vector<ExprP> fields;
  std::string shown;  // a whole row prints as its relation's name
  int null_marker;
};

// (row).field: one field of a row value (a NULL row gives NULL).
class FieldSelectExpr : public Expr {
 public:
  FieldSelectExpr(ExprP arg, size_t field, std::string name)
      : Expr(arg->type.record->types[field]), arg(std::move(arg)), field(field), name(std::move(name)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }
  std::string ToSql() const override { return "(" + arg->ToSql() + ")." + name; }
  ExprP arg;
  size_t field;
  std::string name;
};

// A row with one field replaced (UPDATE t SET col.field = v): `arg` is the row (NULL: a row of
// NULLs), `value` the new field, already of the field's type.
class FieldStoreExpr : public Expr {
 public:
  FieldStoreExpr(ExprP arg, size_t field, ExprP value) : Expr(arg->type), arg(std::move(arg)), field(field), value(std::move(value)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override {
    f(arg);
    f(value);
  }
  std::string ToSql() const override { return "FIELDSTORE(" + arg->ToSql() + ", " + std::to_string(field + 1) + ", " + value->ToSql() + ")"; }
  ExprP arg;
  size_t field;
  ExprP value;
};

// A row converted to another row type: `convert[i]` computes field i of the result from the
// input's fields, read as a row (ColumnExpr i is input field i).
class RowConvertExpr : public Expr {
 public:
  RowConvertExpr(Type t, ExprP arg, std::vector<ExprP> convert)
      : Expr(std::move(t)), arg(std::move(arg)), convert(std::move(convert)) {}
  Value Eval(EvalContext& ctx) const override;
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override { f(arg); }
  std::string ToSql() const override;
  ExprP arg;
  std::vector<ExprP> convert;
};

}  // namespace tusk
