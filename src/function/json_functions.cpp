// Building json and jsonb from SQL values: json[b]_build_object, json[b]_build_array, to_json[b],
// row_to_json.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/json.hpp"
#include "types/text_io.hpp"
#include "types/to_json.hpp"

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

// json_build_object / jsonb_build_object: alternating keys and values; a key is a scalar's
// text, never NULL.
void RegisterBuildObject(const char* name, JsonStyle style) {
  FunctionRegistry()[name] = [name, style](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() % 2)
      throw Error(sqlstate::kInvalidParameterValue, "argument list must have even number of elements")
          .WithHint(std::string("The arguments of ") + name + "() must consist of alternating keys and values.");
    std::vector<Type> types = BuilderArgumentTypes(b, args, loc);
    const bool json = style == JsonStyle::kJson;
    return Fn(Type(json ? oid::kJson : oid::kJsonb), name, args, [types, style, json](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out = "{";
      for (size_t i = 0; i < a.size(); i += 2) {
        if (a[i].is_null()) {
          if (json) throw Error(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i + 1) + " cannot be null").WithHint("Object keys should be text.");
          throw Error(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i + 1) + ": key must not be null");
        }
        const Type& kt = types[i];
        if (kt.array || kt.record || kt.id == oid::kJson || kt.id == oid::kJsonb)
          throw Error(sqlstate::kInvalidParameterValue, "key value must be scalar, not array, composite, or json");
        if (i) out += ", ";
        EscapeJsonString(FormatText(kt, a[i], ctx.state->dt), &out);
        out += json ? " : " : ": ";
        AppendAsJson(types[i + 1], a[i + 1], ctx.state->dt, &out, style);
      }
      out += "}";
      return Value::Str(json ? out : JsonbNormalize(out));
    }, false);
  };
}

// json_build_array / jsonb_build_array: each argument as a JSON value.
void RegisterBuildArray(const char* name, JsonStyle style) {
  FunctionRegistry()[name] = [name, style](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    std::vector<Type> types = BuilderArgumentTypes(b, args, loc);
    const bool json = style == JsonStyle::kJson;
    return Fn(Type(json ? oid::kJson : oid::kJsonb), name, args, [types, style, json](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out = "[";
      for (size_t i = 0; i < a.size(); i++) {
        if (i) out += ", ";
        AppendAsJson(types[i], a[i], ctx.state->dt, &out, style);
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
