// jsonb's scalar functions: jsonb_typeof, jsonb_array_length, jsonb_strip_nulls, jsonb_pretty,
// jsonb_extract_path[_text], jsonb_set, jsonb_set_lax, jsonb_insert, jsonb_object; and the
// casts of jsonb scalars to numbers and booleans.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonb_sql.hpp"

namespace tusk {

std::string JsonbScalarForCast(std::string_view stored, bool number, const std::string& type_name) {
  Jsonb v = ReadStoredJsonb(stored);
  if (number && v.kind == Jsonb::Kind::kNumber) return v.text;
  if (!number && v.kind == Jsonb::Kind::kBool) return v.boolean ? "true" : "false";
  const char* kind = v.kind == Jsonb::Kind::kNumber ? "numeric" : JsonbTypeName(v);
  throw Error(sqlstate::kInvalidParameterValue, std::string("cannot cast jsonb ") + kind + " to type " + type_name);
}

namespace {
const Type kText(oid::kText), kInt(oid::kInt4), kBool(oid::kBool);

void StripNulls(Jsonb* v) {
  if (v->is_object()) {
    std::erase_if(v->members, [](const Jsonb::Member& m) { return m.second.kind == Jsonb::Kind::kNull; });
    for (auto& m : v->members) StripNulls(&m.second);
  } else if (v->is_array()) {
    for (Jsonb& e : v->items) StripNulls(&e);
  }
}

// jsonb_extract_path(from_json, VARIADIC path_elems): the path as separate text arguments, or
// one text[] (a VARIADIC call).
void RegisterExtractPath(const char* name, bool as_text) {
  FunctionRegistry()[name] = [name, as_text](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() < 2) return nullptr;
    std::vector<Type> types{kJsonbType};
    bool one_array = b.variadic_call();
    if (one_array && args.size() != 2) return nullptr;
    for (size_t i = 1; i < args.size(); i++) types.push_back(one_array ? kTextArrayType : kText);
    if (!CoerceArgs(b, args, types, loc)) return nullptr;
    return Fn(as_text ? kText : kJsonbType, name, args, [as_text, one_array](const std::vector<Value>& a, EvalContext&) {
      if (a[0].is_null() || (one_array && a[1].is_null())) return Value::Null();
      JsonbPath path;
      if (one_array) {
        path = JsonbPathArg(a[1]);
      } else {
        for (size_t i = 1; i < a.size(); i++) path.push_back(a[i].is_null() ? std::nullopt : std::optional<std::string>(a[i].s()));
      }
      for (const auto& step : path)
        if (!step) return Value::Null();
      Jsonb doc = JsonbArg(a[0]);
      const Jsonb* v = JsonbAtPath(doc, path);
      return as_text ? JsonbTextOrNull(v) : JsonbResultOrNull(v);
    }, false);
  };
}

bool IsEmpty(const Jsonb& v) { return v.is_array() ? v.items.empty() : v.is_object() && v.members.empty(); }

Value SetPath(const Value& doc, const Value& path, const Value& value, bool create) {
  Jsonb d = JsonbArg(doc);
  JsonbPath p = JsonbPathArg(path);
  if (d.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot set path in scalar");
  if (IsEmpty(d) && !create) return doc;
  EditJsonbPath(&d, p, JsonbArg(value), create ? JsonbPathEdit::kCreate : JsonbPathEdit::kReplace);
  return JsonbResult(d);
}

Value InsertPath(const Value& doc, const Value& path, const Value& value, bool after) {
  Jsonb d = JsonbArg(doc);
  JsonbPath p = JsonbPathArg(path);
  if (d.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot set path in scalar");
  EditJsonbPath(&d, p, JsonbArg(value), after ? JsonbPathEdit::kInsertAfter : JsonbPathEdit::kInsertBefore);
  return JsonbResult(d);
}

// jsonb_set_lax(target, path, new_value, create_if_missing, null_value_treatment): what an
// SQL NULL new value does is the treatment's choice.
Value SetPathLax(const std::vector<Value>& a) {
  if (a[0].is_null() || a[1].is_null() || a[3].is_null()) return Value::Null();
  const std::string kTreatments = "null_value_treatment must be \"delete_key\", \"return_target\", \"use_json_null\", or \"raise_exception\"";
  if (a[4].is_null()) throw Error(sqlstate::kInvalidParameterValue, kTreatments);
  if (!a[2].is_null()) return SetPath(a[0], a[1], a[2], a[3].b());
  const std::string& treatment = a[4].s();
  if (treatment == "raise_exception")
    throw Error(sqlstate::kNullValueNotAllowed, "JSON value must not be null")
        .WithDetail("Exception was raised because null_value_treatment is \"raise_exception\".")
        .WithHint("To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed.");
  if (treatment == "use_json_null") return SetPath(a[0], a[1], Value::Str("null"), a[3].b());
  if (treatment == "delete_key") {
    Jsonb d = JsonbArg(a[0]);
    if (d.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot delete path in scalar");
    if (IsEmpty(d)) return a[0];
    EditJsonbPath(&d, JsonbPathArg(a[1]), Jsonb(), JsonbPathEdit::kDelete);
    return JsonbResult(d);
  }
  if (treatment == "return_target") return a[0];
  throw Error(sqlstate::kInvalidParameterValue, kTreatments);
}

// jsonb_object(text[]): a flat array of alternating keys and values, or a two-column one.
Value ObjectFromPairs(const std::vector<Value>& keys, const std::vector<Value>& values) {
  Jsonb obj = Jsonb::Object();
  for (size_t i = 0; i < keys.size(); i++) {
    if (keys[i].is_null()) throw Error(sqlstate::kNullValueNotAllowed, "null value not allowed for object key");
    obj.members.emplace_back(keys[i].s(), values[i].is_null() ? Jsonb::Null() : Jsonb::String(values[i].s()));
  }
  obj.SortMembers();
  return JsonbResult(obj);
}

Value ObjectFromArray(const Value& a) {
  const std::vector<Value>& e = a.arr();
  std::vector<Value> keys, values;
  if (a.array_ndim() == 1) {
    if (e.size() % 2) throw Error(sqlstate::kArraySubscriptError, "array must have even number of elements");
  } else if (a.array_ndim() == 2) {
    if (a.array_length(1) != 2) throw Error(sqlstate::kArraySubscriptError, "array must have two columns");
  } else if (a.array_ndim() != 0) {
    throw Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  }
  for (size_t i = 0; i + 1 < e.size(); i += 2) {
    keys.push_back(e[i]);
    values.push_back(e[i + 1]);
  }
  return ObjectFromPairs(keys, values);
}

Value ObjectFromArrays(const Value& k, const Value& v) {
  if (k.array_ndim() > 1 || v.array_ndim() > 1) throw Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  if (k.arr().size() != v.arr().size()) throw Error(sqlstate::kArraySubscriptError, "mismatched array dimensions");
  return ObjectFromPairs(k.arr(), v.arr());
}
}  // namespace

void RegisterJsonbFunctions() {
  const Type& j = kJsonbType;
  Register("jsonb_typeof", {j}, kText, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(JsonbTypeName(JsonbArg(a[0])));
  });
  Register("jsonb_array_length", {j}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    Jsonb d = JsonbArg(a[0]);
    if (d.is_scalar()) throw Error(sqlstate::kInvalidParameterValue, "cannot get array length of a scalar");
    if (!d.is_array()) throw Error(sqlstate::kInvalidParameterValue, "cannot get array length of a non-array");
    return Value::Int(static_cast<int64_t>(d.items.size()));
  });
  Register("jsonb_strip_nulls", {j}, j, [](const std::vector<Value>& a, EvalContext&) {
    Jsonb d = JsonbArg(a[0]);
    StripNulls(&d);
    return JsonbResult(d);
  });
  Register("jsonb_pretty", {j}, kText, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(WriteJsonbPretty(JsonbArg(a[0])));
  });
  RegisterExtractPath("jsonb_extract_path", false);
  RegisterExtractPath("jsonb_extract_path_text", true);
  for (bool with_flag : {false, true}) {
    std::vector<Type> sig{j, kTextArrayType, j};
    if (with_flag) sig.push_back(kBool);
    Register("jsonb_set", sig, j, [with_flag](const std::vector<Value>& a, EvalContext&) {
      return SetPath(a[0], a[1], a[2], !with_flag || a[3].b());
    });
    Register("jsonb_insert", sig, j, [with_flag](const std::vector<Value>& a, EvalContext&) {
      return InsertPath(a[0], a[1], a[2], with_flag && a[3].b());
    });
  }
  for (size_t n : {3, 4, 5}) {
    std::vector<Type> sig{j, kTextArrayType, j, kBool, kText};
    sig.resize(n);
    Register("jsonb_set_lax", sig, j, [n](const std::vector<Value>& a, EvalContext&) {
      std::vector<Value> full = a;
      if (n < 4) full.push_back(Value::Bool(true));
      if (n < 5) full.push_back(Value::Str("use_json_null"));
      return SetPathLax(full);
    }, false);
  }
  Register("jsonb_object", {kTextArrayType}, j, [](const std::vector<Value>& a, EvalContext&) { return ObjectFromArray(a[0]); });
  Register("jsonb_object", {kTextArrayType, kTextArrayType}, j, [](const std::vector<Value>& a, EvalContext&) {
    return ObjectFromArrays(a[0], a[1]);
  });
}

}  // namespace tusk
