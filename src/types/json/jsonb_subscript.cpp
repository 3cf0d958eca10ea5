#include "types/json/jsonb_subscript.hpp"

#include "common/error.hpp"
#include "types/cast.hpp"
#include "types/json/jsonb_sql.hpp"

namespace tusk {

std::vector<ExprP> CoerceJsonbSubscripts(Binder& b, std::vector<ExprP> subs, const std::vector<int>& locations) {
  for (size_t i = 0; i < subs.size(); i++) {
    ExprP& s = subs[i];
    const Type& t = s->type;
    Type target(oid::kText);
    if (t.id != oid::kUnknown || t.array) {
      bool to_int = CanCast(t, Type(oid::kInt4), CastContext::kImplicit);
      bool to_text = CanCast(t, Type(oid::kText), CastContext::kImplicit);
      if (to_int && to_text)
        throw Error(sqlstate::kDatatypeMismatch, "subscript type " + TypeName(t) + " is not supported")
            .WithHint("jsonb subscript must be coercible to only one type, integer or text.").WithPosition(locations[i] + 1);
      if (!to_int && !to_text)
        throw Error(sqlstate::kDatatypeMismatch, "subscript type " + TypeName(t) + " is not supported")
            .WithHint("jsonb subscript must be coercible to either integer or text.").WithPosition(locations[i] + 1);
      if (to_int) target = Type(oid::kInt4);
    }
    s = b.Coerce(s, target, CastContext::kImplicit, locations[i]);
  }
  return subs;
}

std::vector<ExprP> BindJsonbSubscripts(Binder& b, Node* const* nodes, size_t n, const std::function<ExprP(Node*)>& bind) {
  std::vector<ExprP> subs;
  std::vector<int> locations;
  for (size_t k = 0; k < n; k++) {
    auto* sub = nodes[k]->a_indices;
    Node* x = sub->uidx ? sub->uidx : sub->lidx;
    if (sub->is_slice)
      throw Error(sqlstate::kDatatypeMismatch, "jsonb subscript does not support slices").WithPosition(x ? ExprLocation(x) + 1 : 0);
    subs.push_back(bind(x));
    locations.push_back(ExprLocation(x));
  }
  return CoerceJsonbSubscripts(b, std::move(subs), locations);
}

namespace {
// doc[sub]...: the base, then the subscripts.
class JsonbSubscriptExpr : public Expr {
 public:
  JsonbSubscriptExpr(Type t, ExprP base, std::vector<ExprP> subs, ExprP value)
      : Expr(std::move(t)), base_(std::move(base)), subs_(std::move(subs)), value_(std::move(value)) {}
  Value Eval(EvalContext& ctx) const override {
    Value doc = base_->Eval(ctx);
    JsonbPath path;
    bool null_step = false;
    for (const ExprP& s : subs_) {
      Value v = s->Eval(ctx);
      null_step |= v.is_null();
      path.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(s->type.id == oid::kInt4 ? std::to_string(v.i()) : v.s()));
    }
    if (!value_) {  // a read
      if (doc.is_null() || null_step) return Value::Null();
      Jsonb d = JsonbArg(doc);
      return JsonbResultOrNull(JsonbAtPath(d, path));
    }
    if (null_step) throw Error(sqlstate::kNullValueNotAllowed, "jsonb subscript in assignment must not be null");
    Value v = value_->Eval(ctx);
    // A NULL column starts as an empty array when the first subscript is an integer, else {}.
    Jsonb d = doc.is_null() ? (subs_[0]->type.id == oid::kInt4 ? Jsonb::Array({}) : Jsonb::Object()) : JsonbArg(doc);
    if (d.is_scalar())
      throw Error(sqlstate::kInvalidParameterValue, "cannot replace existing key")
          .WithDetail("The path assumes key is a composite object, but it is a scalar value.");
    EditJsonbPath(&d, path, v.is_null() ? Jsonb::Null() : JsonbArg(v), JsonbPathEdit::kAssign);
    return JsonbResult(d);
  }
  void ForEachChild(const std::function<void(const ExprP&)>& f) const override {
    f(base_);
    for (const ExprP& s : subs_) f(s);
    if (value_) f(value_);
  }
  bool assigns() const { return value_ != nullptr; }
  std::string ToSql() const override {
    std::string out = base_->ToSql();
    for (const ExprP& s : subs_) out += "[" + s->ToSql() + "]";
    return out;
  }

 private:
  ExprP base_;
  std::vector<ExprP> subs_;
  ExprP value_;  // an assignment's new value; null for a read
};
}  // namespace

bool IsJsonbSubscriptAssign(const Expr& e) {
  auto* s = dynamic_cast<const JsonbSubscriptExpr*>(&e);
  return s && s->assigns();
}

ExprP JsonbSubscriptRead(ExprP base, std::vector<ExprP> subs) {
  return std::make_shared<JsonbSubscriptExpr>(kJsonbType, std::move(base), std::move(subs), nullptr);
}

ExprP JsonbSubscriptAssign(ExprP base, std::vector<ExprP> subs, ExprP value) {
  return std::make_shared<JsonbSubscriptExpr>(kJsonbType, std::move(base), std::move(subs), std::move(value));
}

}  // namespace tusk
