// Building json and jsonb from SQL values: json[b]_build_object, json[b]_build_array, to_json[b],
// row_to_json.
#include <optional>

#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/json/json.hpp"
#include "types/text_io.hpp"
#include "types/json/to_json.hpp"

namespace tusk {

namespace {
// The arguments of a VARIADIC "any" builder, unknown literals read as text.
std::vector<Type> BuilderArgumentTypes(Binder& b, std::vector<ExprP>& args, int loc) {
  std::vector<Type> types;
  for (auto& a : args) {
    if (a->type.id == oid::kUnknown && !a->type.array) a = b.Coerce(a, Type(oid::kText), CastContext::kImplicit, loc);
    types.push_back(a->type);
  }
  return types;
}

// A builder's arguments at run time with their types: as written, or the elements of the one
// array a VARIADIC call passes.
struct BuilderArguments {
  std::vector<Type> types;  // per argument as written; the element type for a VARIADIC call
  bool variadic;

  // False for a VARIADIC NULL (the call's result is NULL).
  bool Expand(const std::vector<Value>& a, std::vector<Value>* values, std::vector<Type>* value_types) const {
    if (!variadic) {
      *values = a;
      *value_types = types;
      return true;
    }
    if (a[0].is_null()) return false;
    *values = a[0].arr();
    value_types->assign(values->size(), types[0]);
    return true;
  }
};

// nullopt when a VARIADIC call's argument is not an array.
std::optional<BuilderArguments> BindBuilderArguments(Binder& b, std::vector<ExprP>& args, int loc) {
  if (!b.variadic_call()) return BuilderArguments{BuilderArgumentTypes(b, args, loc), false};
  if (args.size() != 1 || !args[0]->type.array) return std::nullopt;
  return BuilderArguments{{args[0]->type.Element()}, true};
}

// An object key: a scalar's JSON text, quoted when it is not a string already (true, 2.5).
void AppendKey(const Type& t, const Value& v, const DateTimeContext& dt, std::string* out, JsonStyle style) {
  std::string key;
  AppendAsJson(t, v, dt, &key, style);
  if (key.empty() || key[0] != '"') key = '"' + key + '"';
  *out += key;
}

// json_build_object / jsonb_build_object: alternating keys and values; a key is a scalar's
// text, never NULL.
void RegisterBuildObject(const char* name, JsonStyle style) {
  FunctionRegistry()[name] = [name, style](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    auto odd = [name] {
      return Error(sqlstate::kInvalidParameterValue, "argument list must have even number of elements")
          .WithHint(std::string("The arguments of ") + name + "() must consist of alternating keys and values.");
    };
    if (!b.variadic_call() && args.size() % 2) throw odd();
    std::optional<BuilderArguments> bound = BindBuilderArguments(b, args, loc);
    if (!bound) return nullptr;
    const bool json = style == JsonStyle::kJson;
    return Fn(Type(json ? oid::kJson : oid::kJsonb), name, args, [bound = *bound, style, json, odd](const std::vector<Value>& a, EvalContext& ctx) {
      std::vector<Value> values;
      std::vector<Type> types;
      if (!bound.Expand(a, &values, &types)) return Value::Null();
      if (values.size() % 2) throw odd();
      std::string out = "{";
      for (size_t i = 0; i < values.size(); i += 2) {
        if (values[i].is_null()) {
          if (json) throw Error(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i + 1) + " cannot be null").WithHint("Object keys should be text.");
          throw Error(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i + 1) + ": key must not be null");
        }
        const Type& kt = types[i];
        if (kt.array || kt.record || kt.id == oid::kJson || kt.id == oid::kJsonb)
          throw Error(sqlstate::kInvalidParameterValue, "key value must be scalar, not array, composite, or json");
        if (i) out += ", ";
        AppendKey(kt, values[i], ctx.state->dt, &out, style);
        out += json ? " : " : ": ";
        AppendAsJson(types[i + 1], values[i + 1], ctx.state->dt, &out, style);
      }
      out += "}";
      return Value::Str(json ? out : JsonbNormalize(out));
    }, false);
  };
}

// json_build_array / jsonb_build_array: each argument as a JSON value.
void RegisterBuildArray(const char* name, JsonStyle style) {
  FunctionRegistry()[name] = [name, style](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    std::optional<BuilderArguments> bound = BindBuilderArguments(b, args, loc);
    if (!bound) return nullptr;
    const bool json = style == JsonStyle::kJson;
    return Fn(Type(json ? oid::kJson : oid::kJsonb), name, args, [bound = *bound, style, json](const std::vector<Value>& a, EvalContext& ctx) {
      std::vector<Value> values;
      std::vector<Type> types;
      if (!bound.Expand(a, &values, &types)) return Value::Null();
      std::string out = "[";
      for (size_t i = 0; i < values.size(); i++) {
        if (i) out += ", ";
        AppendAsJson(types[i], values[i], ctx.state->dt, &out, style);
      }
      out += "]";
      return Value::Str(json ? out : JsonbNormalize(out));
    }, false);
  };
}

// to_json / to_jsonb (anyelement).
void RegisterToJson(const char* name, JsonStyle style) {
  FunctionRegistry()[name] = [name, style](Binder&, std::vector<ExprP>& args, int) -> ExprP {
    if (args.size() != 1) return nullptr;
    if (args[0]->type.id == oid::kUnknown)
      throw Error(sqlstate::kIndeterminateDatatype, "could not determine polymorphic type because input has type unknown");
    Type t = args[0]->type;
    const bool json = style == JsonStyle::kJson;
    return Fn(Type(json ? oid::kJson : oid::kJsonb), name, args, [t, style, json](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out;
      AppendAsJson(t, a[0], ctx.state->dt, &out, style);
      return Value::Str(json ? out : JsonbNormalize(out));
    });
  };
}
// row_to_json(record [, pretty boolean]).
void RegisterRowToJson() {
  FunctionRegistry()["row_to_json"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.empty() || args.size() > 2 || !args[0]->type.IsRow()) return nullptr;
    if (args.size() == 2 && !CoerceArgs(b, args, {args[0]->type, Type(oid::kBool)}, loc)) return nullptr;
    std::shared_ptr<const RecordDef> r = args[0]->type.record;
    if (!r) throw Error(sqlstate::kFeatureNotSupported, "row_to_json of a record whose fields are not known is not supported yet");
    return Fn(Type(oid::kJson), "row_to_json", args, [r](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out;
      AppendRowAsJson(*r, a[0], ctx.state->dt, &out, JsonStyle::kJson, a.size() > 1 && a[1].b());
      return Value::Str(out);
    });
  };
}
}  // namespace

void RegisterJsonFunctions() {
  RegisterRowToJson();
  RegisterBuildObject("json_build_object", JsonStyle::kJson);
  RegisterBuildObject("jsonb_build_object", JsonStyle::kJsonb);
  RegisterBuildArray("json_build_array", JsonStyle::kJson);
  RegisterBuildArray("jsonb_build_array", JsonStyle::kJsonb);
  RegisterToJson("to_json", JsonStyle::kJson);
  RegisterToJson("to_jsonb", JsonStyle::kJsonb);
}

}  // namespace tusk
