// Building jsonb from SQL values: jsonb_build_object, to_jsonb.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/json.hpp"
#include "types/text_io.hpp"
#include "types/to_json.hpp"

namespace tusk {

void RegisterJsonFunctions() {
  auto& reg = FunctionRegistry();
  // jsonb_build_object(VARIADIC "any"): alternating keys and values.
  reg["jsonb_build_object"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() % 2)
      throw Error(sqlstate::kInvalidParameterValue, "argument list must have even number of elements")
          .WithHint("The arguments of jsonb_build_object() must consist of alternating keys and values.");
    std::vector<Type> types;
    for (auto& a : args) {
      if (a->type.id == oid::kUnknown && !a->type.array) a = b.Coerce(a, Type(oid::kText), CastContext::kImplicit, loc);
      types.push_back(a->type);
    }
    return Fn(Type(oid::kJsonb), "jsonb_build_object", args, [types](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out = "{";
      for (size_t i = 0; i < a.size(); i += 2) {
        if (a[i].is_null()) throw Error(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i + 1) + ": key must not be null");
        if (i) out += ", ";
        EscapeJsonString(FormatText(types[i], a[i], ctx.state->dt), &out);
        out += ": ";
        AppendAsJson(types[i + 1], a[i + 1], ctx.state->dt, &out);
      }
      return Value::Str(JsonbNormalize(out + "}"));
    }, false);
  };
  reg["to_jsonb"] = [](Binder&, std::vector<ExprP>& args, int) -> ExprP {
    if (args.size() != 1) return nullptr;
    if (args[0]->type.id == oid::kUnknown)
      throw Error(sqlstate::kIndeterminateDatatype, "could not determine polymorphic type because input has type unknown");
    Type t = args[0]->type;
    return Fn(Type(oid::kJsonb), "to_jsonb", args, [t](const std::vector<Value>& a, EvalContext& ctx) {
      std::string out;
      AppendAsJson(t, a[0], ctx.state->dt, &out);
      return Value::Str(JsonbNormalize(out));
    });
  };
}

}  // namespace tusk
