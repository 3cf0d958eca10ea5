// jsonb's set-returning functions: jsonb_each[_text], jsonb_array_elements[_text],
// jsonb_object_keys. Each reads its document once and yields its rows in jsonb's order.
#include "common/error.hpp"
#include "function/set_returning.hpp"
#include "types/cast.hpp"
#include "types/json/jsonb_sql.hpp"

namespace tusk {

namespace {
const Type kText(oid::kText);

// The one jsonb argument, coerced; 42883 for anything that is not jsonb or an untyped literal.
void BindDocument(Binder& b, const std::string& shown, std::vector<ExprP>& args, int location, SetFunction& f) {
  if (args.size() != 1 || !CanCast(args[0]->type, kJsonbType, CastContext::kImplicit)) NoSuchSetFunction(shown, args, location);
  args[0] = b.Coerce(args[0], kJsonbType, CastContext::kImplicit, location);
  f.args = args;
}

Value ValueOrText(const Jsonb& v, bool as_text) { return as_text ? JsonbTextOrNull(&v) : JsonbResult(v); }

void BindEach(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  const bool as_text = f.name == "jsonb_each_text";
  f.types = {kText, as_text ? kText : kJsonbType};
  f.columns = {"key", "value"};
  f.select_column = -1;
  f.generate = [as_text, name = f.name](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    Jsonb doc = JsonbArg(a[0]);
    if (!doc.is_object()) throw Error(sqlstate::kInvalidParameterValue, "cannot call " + name + " on a non-object");
    std::vector<Row> rows;
    for (const auto& [key, v] : doc.members) rows.push_back({Value::Str(key), ValueOrText(v, as_text)});
    return YieldRows(std::move(rows));
  };
}

void BindArrayElements(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  const bool as_text = f.name == "jsonb_array_elements_text";
  f.types = {as_text ? kText : kJsonbType};
  f.columns = {"value"};
  f.named_column = true;
  f.generate = [as_text](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    Jsonb doc = JsonbArg(a[0]);
    if (doc.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot extract elements from a scalar");
    if (doc.is_object()) throw Error(sqlstate::kInvalidParameterValue, "cannot extract elements from an object");
    std::vector<Row> rows;
    for (const Jsonb& v : doc.items) rows.push_back({ValueOrText(v, as_text)});
    return YieldRows(std::move(rows));
  };
}

void BindObjectKeys(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  f.types = {kText};
  f.columns = {"jsonb_object_keys"};
  f.generate = [](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    Jsonb doc = JsonbArg(a[0]);
    if (doc.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot call jsonb_object_keys on a scalar");
    if (doc.is_array()) throw Error(sqlstate::kInvalidParameterValue, "cannot call jsonb_object_keys on an array");
    std::vector<Row> rows;
    for (const auto& m : doc.members) rows.push_back({Value::Str(m.first)});
    return YieldRows(std::move(rows));
  };
}
}  // namespace

void RegisterJsonbSetFunctions() {
  RegisterSetFunction("jsonb_each", BindEach);
  RegisterSetFunction("jsonb_each_text", BindEach);
  RegisterSetFunction("jsonb_array_elements", BindArrayElements);
  RegisterSetFunction("jsonb_array_elements_text", BindArrayElements);
  RegisterSetFunction("jsonb_object_keys", BindObjectKeys);
}

}  // namespace tusk
