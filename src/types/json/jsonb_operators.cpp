// jsonb's operators: -> ->> #> #>> @> <@ ? ?| ?& || - #-, each registered with the binder's
// operator table, and the functions PostgreSQL implements them with (jsonb_contains, ...),
// callable by name as in PostgreSQL.
#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/json/jsonb_sql.hpp"

namespace tusk {

JsonbPath JsonbPathArg(const Value& v) {
  if (v.array_ndim() > 1) throw Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  JsonbPath path;
  for (const Value& e : v.arr()) path.push_back(e.is_null() ? std::nullopt : std::optional<std::string>(e.s()));
  return path;
}

std::vector<std::string> JsonbKeysArg(const Value& v) {
  std::vector<std::string> keys;
  for (const Value& e : v.arr())
    if (!e.is_null()) keys.push_back(e.s());
  return keys;
}

namespace {
const Type kText(oid::kText), kInt(oid::kInt4), kBool(oid::kBool);

// The operator and, under its implementation function's name, the same function.
void Both(const char* op, const char* function, Type left, Type right, Type result, ScalarFn fn) {
  RegisterOperator(op, left, right, result, fn);
  Register(function, {left, right}, result, std::move(fn));
}

Value FieldOf(const Value& doc, const Value& key, bool as_text) {
  Jsonb d = JsonbArg(doc);
  const Jsonb* v = d.is_object() ? d.Find(key.s()) : nullptr;
  return as_text ? JsonbTextOrNull(v) : JsonbResultOrNull(v);
}

Value ElementOf(const Value& doc, const Value& index, bool as_text) {
  Jsonb d = JsonbArg(doc);
  const Jsonb* v = JsonbElement(d, index.i());
  return as_text ? JsonbTextOrNull(v) : JsonbResultOrNull(v);
}

Value AtPath(const Value& doc, const Value& path, bool as_text) {
  if (path.array_ndim() > 1) throw Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  for (const Value& e : path.arr())
    if (e.is_null()) return Value::Null();  // as a NULL from a step would
  Jsonb d = JsonbArg(doc);
  const Jsonb* v = JsonbAtPath(d, JsonbPathArg(path));
  return as_text ? JsonbTextOrNull(v) : JsonbResultOrNull(v);
}

Value HasAny(const Value& doc, const Value& keys, bool all) {
  Jsonb d = JsonbArg(doc);
  for (const std::string& k : JsonbKeysArg(keys))
    if (JsonbHasKey(d, k) != all) return Value::Bool(!all);
  return Value::Bool(all);
}

Value DeletePath(const Value& doc, const Value& path) {
  Jsonb d = JsonbArg(doc);
  if (d.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot delete path in scalar");
  if ((d.is_array() ? d.items.size() : d.members.size()) == 0) return doc;
  EditJsonbPath(&d, JsonbPathArg(path), Jsonb(), JsonbPathEdit::kDelete);
  return JsonbResult(d);
}
}  // namespace

void RegisterJsonbOperators() {
  const Type& j = kJsonbType;
  Both("->", "jsonb_object_field", j, kText, j, [](const std::vector<Value>& a, EvalContext&) { return FieldOf(a[0], a[1], false); });
  Both("->>", "jsonb_object_field_text", j, kText, kText, [](const std::vector<Value>& a, EvalContext&) { return FieldOf(a[0], a[1], true); });
  Both("->", "jsonb_array_element", j, kInt, j, [](const std::vector<Value>& a, EvalContext&) { return ElementOf(a[0], a[1], false); });
  Both("->>", "jsonb_array_element_text", j, kInt, kText, [](const std::vector<Value>& a, EvalContext&) { return ElementOf(a[0], a[1], true); });
  RegisterOperator("#>", j, kTextArrayType, j, [](const std::vector<Value>& a, EvalContext&) { return AtPath(a[0], a[1], false); });
  RegisterOperator("#>>", j, kTextArrayType, kText, [](const std::vector<Value>& a, EvalContext&) { return AtPath(a[0], a[1], true); });
  Both("@>", "jsonb_contains", j, j, kBool, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(StoredJsonbContains(a[0].s(), RepeatedJsonbArg(a[1])));
  });
  Both("<@", "jsonb_contained", j, j, kBool, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(StoredJsonbContains(a[1].s(), RepeatedJsonbArg(a[0])));
  });
  Both("?", "jsonb_exists", j, kText, kBool, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Bool(JsonbHasKey(JsonbArg(a[0]), a[1].s()));
  });
  Both("?|", "jsonb_exists_any", j, kTextArrayType, kBool, [](const std::vector<Value>& a, EvalContext&) { return HasAny(a[0], a[1], false); });
  Both("?&", "jsonb_exists_all", j, kTextArrayType, kBool, [](const std::vector<Value>& a, EvalContext&) { return HasAny(a[0], a[1], true); });
  Both("||", "jsonb_concat", j, j, j, [](const std::vector<Value>& a, EvalContext&) {
    return JsonbResult(ConcatJsonb(JsonbArg(a[0]), JsonbArg(a[1])));
  });
  Both("-", "jsonb_delete", j, kText, j, [](const std::vector<Value>& a, EvalContext&) {
    return JsonbResult(DeleteJsonbKeys(JsonbArg(a[0]), {a[1].s()}));
  });
  Both("-", "jsonb_delete", j, kTextArrayType, j, [](const std::vector<Value>& a, EvalContext&) {
    return JsonbResult(DeleteJsonbKeys(JsonbArg(a[0]), JsonbKeysArg(a[1])));
  });
  Both("-", "jsonb_delete", j, kInt, j, [](const std::vector<Value>& a, EvalContext&) {
    return JsonbResult(DeleteJsonbIndex(JsonbArg(a[0]), a[1].i()));
  });
  Both("#-", "jsonb_delete_path", j, kTextArrayType, j, [](const std::vector<Value>& a, EvalContext&) { return DeletePath(a[0], a[1]); });
}

}  // namespace tusk
