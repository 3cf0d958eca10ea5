#include "execution/row_exprs.hpp"

namespace tusk {

Value RowExpr::Eval(EvalContext& ctx) const {
  std::vector<Value> values;
  values.reserve(fields.size());
  for (const auto& f : fields) values.push_back(f->Eval(ctx));
  if (null_marker >= 0 && values[static_cast<size_t>(null_marker)].is_null()) return Value::Null();
  return Value::Array(std::move(values));
}

std::string RowExpr::ToSql() const {
  if (!shown.empty()) return shown + ".*";  // a FROM item's whole row, as PostgreSQL prints it
  std::string out = "ROW(";
  for (size_t i = 0; i < fields.size(); i++) out += (i ? ", " : "") + fields[i]->ToSql();
  return out + ")";
}

std::string RowExpr::Key() const {
  std::string out = "ROW(";
  for (size_t i = 0; i < fields.size(); i++) out += (i ? ", " : "") + fields[i]->Key();
  return out + ")" + std::to_string(null_marker);
}

Value FieldSelectExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  return v.is_null() ? Value::Null() : v.arr()[field];
}

Value FieldStoreExpr::Eval(EvalContext& ctx) const {
  Value row = arg->Eval(ctx);
  std::vector<Value> fields = row.is_null() ? std::vector<Value>(type.record->types.size(), Value::Null()) : row.arr();
  Value v = value->Eval(ctx);
  if (field < fields.size()) fields[field] = std::move(v);
  return Value::Array(std::move(fields));
}

Value RowConvertExpr::Eval(EvalContext& ctx) const {
  Value v = arg->Eval(ctx);
  if (v.is_null()) return v;
  Row input = v.arr();
  const Row* saved = ctx.row;
  ctx.row = &input;
  std::vector<Value> out;
  out.reserve(convert.size());
  try {
    for (const auto& c : convert) out.push_back(c->Eval(ctx));
  } catch (...) {
    ctx.row = saved;
    throw;
  }
  ctx.row = saved;
  return Value::Array(std::move(out));
}

std::string RowConvertExpr::ToSql() const { return "(" + arg->ToSql() + ")::" + TypeName(type); }

}  // namespace tusk
