// The json type's own operators and functions, on the text as written (json_text.hpp):
// -> ->> #> #>> (and json_object_field, ...), json_typeof, json_array_length,
// json_extract_path[_text], json_strip_nulls, json_each[_text], json_array_elements[_text],
// json_object_keys. Of duplicate keys, -> reads the last; the set-returning functions list all.
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/cast.hpp"
#include "types/json/json_text.hpp"
#include "types/json/jsonb_sql.hpp"
#include "types/json/to_json.hpp"

namespace tusk {

namespace {
const Type kJson(oid::kJson), kText(oid::kText), kInt(oid::kInt4);

Value JsonOrNull(const JsonText* v) { return v ? Value::Str(std::string(v->raw)) : Value::Null(); }
Value TextOrNull(const JsonText* v) { return !v || v->kind == Jsonb::Kind::kNull ? Value::Null() : Value::Str(v->Text()); }
Value Result(const JsonText* v, bool as_text) { return as_text ? TextOrNull(v) : JsonOrNull(v); }

const JsonText* Field(const JsonText& doc, std::string_view key) {
  const JsonText* found = nullptr;
  if (doc.kind == Jsonb::Kind::kObject)
    for (const auto& m : doc.members)
      if (m.key == key) found = &m.value;  // the last of duplicate keys
  return found;
}

const JsonText* Element(const JsonText& doc, int64_t index) {
  if (doc.kind != Jsonb::Kind::kArray) return nullptr;
  const int64_t n = static_cast<int64_t>(doc.items.size());
  if (index < 0) index += n;
  return index >= 0 && index < n ? &doc.items[static_cast<size_t>(index)] : nullptr;
}

// The value at path[level..]; through duplicate keys, the last complete match.
const JsonText* At(const JsonText& v, const JsonbPath& path, size_t level) {
  if (level == path.size()) return &v;
  if (!path[level]) return nullptr;
  const std::string& step = *path[level];
  if (v.kind == Jsonb::Kind::kObject) {
    const JsonText* found = nullptr;
    for (const auto& m : v.members)
      if (m.key == step)
        if (const JsonText* r = At(m.value, path, level + 1)) found = r;
    return found;
  }
  if (v.kind == Jsonb::Kind::kArray) {
    char* end = nullptr;
    errno = 0;
    long i = std::strtol(step.c_str(), &end, 10);
    if (end == step.c_str() || *end != '\0' || errno != 0 || i < INT_MIN || i > INT_MAX) return nullptr;
    const JsonText* e = Element(v, i);
    return e ? At(*e, path, level + 1) : nullptr;
  }
  return nullptr;
}

Value AtPath(const Value& doc, const JsonbPath& path, bool as_text) {
  for (const auto& step : path)
    if (!step) return Value::Null();
  JsonText d = ReadJsonText(doc.s());
  return Result(At(d, path, 0), as_text);
}

void AppendStripped(const JsonText& v, std::string* out) {
  if (v.kind == Jsonb::Kind::kObject) {
    *out += '{';
    bool first = true;
    for (const auto& m : v.members) {
      if (m.value.kind == Jsonb::Kind::kNull) continue;
      if (!first) *out += ',';
      first = false;
      EscapeJsonString(m.key, out);
      *out += ':';
      AppendStripped(m.value, out);
    }
    *out += '}';
  } else if (v.kind == Jsonb::Kind::kArray) {
    *out += '[';
    for (size_t i = 0; i < v.items.size(); i++) {
      if (i) *out += ',';
      AppendStripped(v.items[i], out);
    }
    *out += ']';
  } else {
    *out += v.raw;
  }
}

void RegisterJsonExtractPath(const char* name, bool as_text) {
  FunctionRegistry()[name] = [name, as_text](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() < 2 || args[0]->type.id == oid::kJsonb) return nullptr;
    bool one_array = b.variadic_call();
    if (one_array && args.size() != 2) return nullptr;
    std::vector<Type> types{kJson};
    for (size_t i = 1; i < args.size(); i++) types.push_back(one_array ? kTextArrayType : kText);
    if (!CoerceArgs(b, args, types, loc)) return nullptr;
    return Fn(as_text ? kText : kJson, name, args, [as_text, one_array](const std::vector<Value>& a, EvalContext&) {
      if (a[0].is_null() || (one_array && a[1].is_null())) return Value::Null();
      JsonbPath path;
      if (one_array) path = JsonbPathArg(a[1]);
      else
        for (size_t i = 1; i < a.size(); i++) path.push_back(a[i].is_null() ? std::nullopt : std::optional<std::string>(a[i].s()));
      return AtPath(a[0], path, as_text);
    }, false);
  };
}

// ---- set-returning functions ----
void BindDocument(Binder& b, const std::string& shown, std::vector<ExprP>& args, int location, SetFunction& f) {
  if (args.size() != 1 || !CanCast(args[0]->type, kJson, CastContext::kImplicit) || args[0]->type.id == oid::kJsonb)
    NoSuchSetFunction(shown, args, location);
  args[0] = b.Coerce(args[0], kJson, CastContext::kImplicit, location);
  f.args = args;
}

void BindEach(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  const bool as_text = f.name == "json_each_text";
  f.types = {kText, as_text ? kText : kJson};
  f.columns = {"key", "value"};
  f.select_column = -1;
  f.generate = [as_text](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    JsonText doc = ReadJsonText(a[0].s());
    if (doc.kind == Jsonb::Kind::kArray) throw Error(sqlstate::kInvalidParameterValue, "cannot deconstruct an array as an object");
    if (doc.kind != Jsonb::Kind::kObject) throw Error(sqlstate::kInvalidParameterValue, "cannot deconstruct a scalar");
    std::vector<Row> rows;
    for (const auto& m : doc.members) rows.push_back({Value::Str(m.key), Result(&m.value, as_text)});
    return YieldRows(std::move(rows));
  };
}

void BindArrayElements(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  const bool as_text = f.name == "json_array_elements_text";
  f.types = {as_text ? kText : kJson};
  f.columns = {"value"};
  f.named_column = true;
  f.generate = [as_text, name = f.name](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    JsonText doc = ReadJsonText(a[0].s());
    if (doc.kind == Jsonb::Kind::kObject) throw Error(sqlstate::kInvalidParameterValue, "cannot call " + name + " on a non-array");
    if (doc.kind != Jsonb::Kind::kArray) throw Error(sqlstate::kInvalidParameterValue, "cannot call " + name + " on a scalar");
    std::vector<Row> rows;
    for (const JsonText& e : doc.items) rows.push_back({Result(&e, as_text)});
    return YieldRows(std::move(rows));
  };
}

void BindObjectKeys(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  BindDocument(b, shown, args, location, f);
  f.types = {kText};
  f.columns = {"json_object_keys"};
  f.generate = [](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    JsonText doc = ReadJsonText(a[0].s());
    if (doc.kind == Jsonb::Kind::kArray) throw Error(sqlstate::kInvalidParameterValue, "cannot call json_object_keys on an array");
    if (doc.kind != Jsonb::Kind::kObject) throw Error(sqlstate::kInvalidParameterValue, "cannot call json_object_keys on a scalar");
    std::vector<Row> rows;
    for (const auto& m : doc.members) rows.push_back({Value::Str(m.key)});
    return YieldRows(std::move(rows));
  };
}

void Both(const char* op, const char* function, Type right, Type result, ScalarFn fn) {
  RegisterOperator(op, kJson, right, result, fn);
  Register(function, {kJson, right}, result, std::move(fn));
}
}  // namespace

void RegisterJsonOperators() {
  Both("->", "json_object_field", kText, kJson, [](const std::vector<Value>& a, EvalContext&) {
    JsonText d = ReadJsonText(a[0].s());
    return JsonOrNull(Field(d, a[1].s()));
  });
  Both("->>", "json_object_field_text", kText, kText, [](const std::vector<Value>& a, EvalContext&) {
    JsonText d = ReadJsonText(a[0].s());
    return TextOrNull(Field(d, a[1].s()));
  });
  Both("->", "json_array_element", kInt, kJson, [](const std::vector<Value>& a, EvalContext&) {
    JsonText d = ReadJsonText(a[0].s());
    return JsonOrNull(Element(d, a[1].i()));
  });
  Both("->>", "json_array_element_text", kInt, kText, [](const std::vector<Value>& a, EvalContext&) {
    JsonText d = ReadJsonText(a[0].s());
    return TextOrNull(Element(d, a[1].i()));
  });
  RegisterOperator("#>", kJson, kTextArrayType, kJson, [](const std::vector<Value>& a, EvalContext&) { return AtPath(a[0], JsonbPathArg(a[1]), false); });
  RegisterOperator("#>>", kJson, kTextArrayType, kText, [](const std::vector<Value>& a, EvalContext&) { return AtPath(a[0], JsonbPathArg(a[1]), true); });
}

void RegisterJsonTextFunctions() {
  Register("json_typeof", {kJson}, kText, [](const std::vector<Value>& a, EvalContext&) {
    Jsonb k;
    k.kind = ReadJsonText(a[0].s()).kind;
    return Value::Str(JsonbTypeName(k));
  });
  Register("json_array_length", {kJson}, kInt, [](const std::vector<Value>& a, EvalContext&) {
    JsonText d = ReadJsonText(a[0].s());
    if (d.kind == Jsonb::Kind::kObject) throw Error(sqlstate::kInvalidParameterValue, "cannot get array length of a non-array");
    if (d.kind != Jsonb::Kind::kArray) throw Error(sqlstate::kInvalidParameterValue, "cannot get array length of a scalar");
    return Value::Int(static_cast<int64_t>(d.items.size()));
  });
  Register("json_strip_nulls", {kJson}, kJson, [](const std::vector<Value>& a, EvalContext&) {
    std::string out;
    AppendStripped(ReadJsonText(a[0].s()), &out);
    return Value::Str(out);
  });
  RegisterJsonExtractPath("json_extract_path", false);
  RegisterJsonExtractPath("json_extract_path_text", true);
}

void RegisterJsonSetFunctions() {
  RegisterSetFunction("json_each", BindEach);
  RegisterSetFunction("json_each_text", BindEach);
  RegisterSetFunction("json_array_elements", BindArrayElements);
  RegisterSetFunction("json_array_elements_text", BindArrayElements);
  RegisterSetFunction("json_object_keys", BindObjectKeys);
}

}  // namespace tusk
