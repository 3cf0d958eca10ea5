#include "types/json/json_aggregates.hpp"

#include "common/error.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/to_json.hpp"

namespace tusk {

bool IsJsonAggregate(const std::string& name) {
  return name == "json_agg" || name == "jsonb_agg" || IsJsonObjectAggregate(name);
}

bool IsJsonObjectAggregate(const std::string& name) { return name == "json_object_agg" || name == "jsonb_object_agg"; }

namespace {
// The argument as to_json[b] renders it, row by row.
ExprP AsJson(Binder& b, ExprP arg, bool jsonb, int location) {
  if (arg->type.id == oid::kUnknown && !arg->type.array) arg = b.Coerce(arg, Type(oid::kText), CastContext::kImplicit, location);
  std::vector<ExprP> args{arg};
  return BindBuiltinFunction(b, jsonb ? "to_jsonb" : "to_json", args, location);
}

// An object key's text: a string's characters, any other scalar as its JSON text.
std::string KeyText(const Value& key, bool jsonb) {
  if (key.is_null()) throw Error(sqlstate::kInvalidParameterValue, "field name must not be null");
  Jsonb k = jsonb ? ReadStoredJsonb(key.s()) : ParseJsonb(key.s());
  return JsonbAsText(k);
}

Value FinishArray(const std::vector<Value>& items, bool jsonb, bool structured) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); i++) {
    if (i) out += ", ";
    if (items[i].is_null()) {
      out += "null";
      continue;
    }
    if (i && structured && !jsonb) out += "\n ";  // json_agg's layout for arrays and rows
    out += items[i].s();
  }
  out += "]";
  return Value::Str(jsonb ? JsonbNormalize(out) : out);
}

Value FinishObject(const std::vector<Value>& keys, const std::vector<Value>& values, bool jsonb) {
  if (jsonb) {
    Jsonb obj = Jsonb::Object();
    for (size_t i = 0; i < keys.size(); i++)
      obj.members.emplace_back(KeyText(keys[i], true), values[i].is_null() ? Jsonb::Null() : ReadStoredJsonb(values[i].s()));
    obj.SortMembers();
    return Value::Str(WriteJsonb(obj));
  }
  std::string out = "{ ";
  for (size_t i = 0; i < keys.size(); i++) {
    if (i) out += ", ";
    EscapeJsonString(KeyText(keys[i], false), &out);
    out += " : ";
    out += values[i].is_null() ? "null" : values[i].s();
  }
  return Value::Str(out + " }");
}
}  // namespace

void BindJsonAggregate(Binder& b, AggSpec* spec, int location) {
  const bool jsonb = spec->name.rfind("jsonb", 0) == 0;
  spec->result = Type(jsonb ? oid::kJsonb : oid::kJson);
  if (IsJsonObjectAggregate(spec->name)) {
    const Type& kt = spec->arg->type;
    if (kt.array || kt.IsRow() || kt.id == oid::kJson || kt.id == oid::kJsonb)
      throw Error(sqlstate::kInvalidParameterValue, "key value must be scalar, not array, composite, or json");
    spec->arg = AsJson(b, spec->arg, jsonb, location);
    spec->arg2 = AsJson(b, spec->arg2, jsonb, location);
    spec->finish = [jsonb](const std::vector<Value>& keys, const std::vector<Value>& values) { return FinishObject(keys, values, jsonb); };
    return;
  }
  const bool structured = spec->arg->type.array || spec->arg->type.IsRow();
  spec->arg = AsJson(b, spec->arg, jsonb, location);
  spec->finish = [jsonb, structured](const std::vector<Value>& items, const std::vector<Value>&) {
    return FinishArray(items, jsonb, structured);
  };
}

}  // namespace tusk
