// jsonb's GIN operator classes.
//   jsonb_ops (the default): an entry per object key and array string element ('K' + text; both
//     answer ?) and per scalar value ('S' string, 'N' number, 'B' boolean, 'Z' null). It answers
//     @>, ?, ?| and ?&.
//   jsonb_path_ops: an entry per scalar leaf, the hash of its key path and value (array levels do
//     not count, as containment reaches through them). Smaller and faster; answers @>.
// Both answer the jsonpath operators @? and @@ (jsonpath_gin.cpp).
// Numbers enter in a form where equal values agree (1.0 and 1).
#include <functional>

#include "types/json/jsonb_gin.hpp"
#include "types/compare.hpp"
#include "types/json/jsonb_sql.hpp"

namespace tusk {

void AppendJsonbGinNumberEntry(std::string_view number, std::string* out) {
  const size_t start = out->size();
  *out += 'N';
  out->append(number);
  if (number.find('.') != std::string_view::npos) {
    while (out->back() == '0') out->pop_back();
    if (out->back() == '.') out->pop_back();
  }
  if (std::string_view(*out).substr(start + 1) == "-0") out->replace(start + 1, std::string::npos, "0");
}

std::string JsonbGinScalarEntry(const Jsonb& v) {
  switch (v.kind) {
    case Jsonb::Kind::kNull: return "Z";
    case Jsonb::Kind::kBool: return v.boolean ? "Bt" : "Bf";
    case Jsonb::Kind::kString: return "S" + v.text;
    case Jsonb::Kind::kNumber: {
      std::string entry;
      AppendJsonbGinNumberEntry(v.text, &entry);
      return entry;
    }
    default: return "";
  }
}

size_t JsonbGinPathStep(size_t path_hash, std::string_view key) {
  return path_hash ^ (std::hash<std::string_view>()(key) + 0x9e3779b97f4a7c15ULL + (path_hash << 6) + (path_hash >> 2));
}

std::string JsonbGinLeafEntry(size_t path_hash, std::string_view scalar_entry) {
  size_t h = path_hash ^ (std::hash<std::string_view>()(scalar_entry) * 0xff51afd7ed558ccdULL);
  return std::string(reinterpret_cast<const char*>(&h), sizeof h);
}

std::string JsonbGinLeafEntry(size_t path_hash, const Jsonb& scalar) {
  return JsonbGinLeafEntry(path_hash, JsonbGinScalarEntry(scalar));
}

namespace {

// Entries of a value inside a container, or (the last branch) of a top-level scalar.
void KeysAndValues(const Jsonb& v, std::vector<std::string>* out) {
  if (v.is_object()) {
    for (const auto& [key, value] : v.members) {
      out->push_back("K" + key);
      if (value.is_scalar()) out->push_back(JsonbGinScalarEntry(value));
      else KeysAndValues(value, out);
    }
  } else if (v.is_array()) {
    for (const Jsonb& e : v.items) {
      if (e.kind == Jsonb::Kind::kString) out->push_back("K" + e.text);
      else if (e.is_scalar()) out->push_back(JsonbGinScalarEntry(e));
      else KeysAndValues(e, out);
    }
  } else {
    // A top-level scalar is an array element to PostgreSQL: a string one counts as a key.
    out->push_back(v.kind == Jsonb::Kind::kString ? "K" + v.text : JsonbGinScalarEntry(v));
  }
}

}  // namespace

void JsonbPathEntries(const Jsonb& v, size_t path_hash, std::vector<std::string>* out) {
  if (v.is_object()) {
    for (const auto& [key, value] : v.members) JsonbPathEntries(value, JsonbGinPathStep(path_hash, key), out);
  } else if (v.is_array()) {
    for (const Jsonb& e : v.items) JsonbPathEntries(e, path_hash, out);
  } else {
    out->push_back(JsonbGinLeafEntry(path_hash, v));
  }
}

namespace {
bool IsJsonb(const Type& t) { return t.id == oid::kJsonb && !t.array; }

GinQuery KeyQuery(const std::string& op, const Value& v) {
  GinQuery q;
  if (op == "?") {
    q.entries.push_back("K" + v.s());
    return q;
  }
  q.all = op == "?&";
  for (const std::string& k : JsonbKeysArg(v)) q.entries.push_back("K" + k);
  if (q.all && q.entries.empty()) q.every_row = true;  // ?& of no keys holds everywhere
  return q;
}
}  // namespace

void RegisterJsonbGinOperatorClasses() {
  GinOperatorClass ops;
  ops.name = "jsonb_ops";
  ops.oid = 4036;
  ops.is_default = true;
  ops.input_type = oid::kJsonb;
  ops.accepts = IsJsonb;
  ops.operators = {"@>", "?", "?|", "?&", "@?", "@@"};
  ops.extract = [](const Type&, const Value& v, std::vector<std::string>* out) { KeysAndValues(JsonbArg(v), out); };
  ops.query = [](const std::string& op, const Type&, const Value& v, EvalContext&) {
    if (op == "@?" || op == "@@") return JsonPathGinQuery(v.s(), op == "@?", false);
    if (op != "@>") return KeyQuery(op, v);
    GinQuery q;
    Jsonb doc = JsonbArg(v);
    KeysAndValues(doc, &q.entries);
    q.every_row = q.entries.empty();
    return q;
  };
  RegisterGinOperatorClass(std::move(ops));

  GinOperatorClass path_ops;
  path_ops.name = "jsonb_path_ops";
  path_ops.oid = 4037;
  path_ops.input_type = oid::kJsonb;
  path_ops.accepts = IsJsonb;
  path_ops.operators = {"@>", "@?", "@@"};
  path_ops.extract = [](const Type&, const Value& v, std::vector<std::string>* out) { JsonbStoredPathEntries(v.s(), out); };
  path_ops.query = [](const std::string& op, const Type&, const Value& v, EvalContext&) {
    if (op == "@?" || op == "@@") return JsonPathGinQuery(v.s(), op == "@?", true);
    GinQuery q;
    JsonbPathEntries(JsonbArg(v), 0, &q.entries);
    q.every_row = q.entries.empty();
    return q;
  };
  RegisterGinOperatorClass(std::move(path_ops));
}

}  // namespace tusk
