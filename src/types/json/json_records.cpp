// JSON objects as SQL rows: json[b]_to_record, json[b]_to_recordset (their row type from the
// FROM item's column definition list), json[b]_populate_record and json[b]_populate_recordset
// (the row type of their first argument, whose fields fill in what the object lacks).
//
// A value becomes a field as PostgreSQL's populate_record_field makes it: JSON null is SQL NULL;
// a JSON array fills an SQL array (its nesting gives the dimensions), an object fills a
// composite; any other value, and a string meant for an array or a composite, goes through the
// field type's input function as text (a string's characters, a number or container as
// written). jsonb and json share the code: a stored jsonb value is canonical JSON text, read
// here like json's.
#include "binder/binder.hpp"
#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/json/json_text.hpp"
#include "types/json/jsonb_sql.hpp"
#include "types/json/to_json.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {

const Type kJsonType{oid::kJson};

// The value under `key` in an object: of duplicate keys (json), the last one.
const JsonText* Member(const JsonText& object, const std::string& key) {
  for (auto m = object.members.rbegin(); m != object.members.rend(); ++m)
    if (m->key == key) return &m->value;
  return nullptr;
}

class Populate {
 public:
  explicit Populate(const DateTimeContext& dt) : dt_(dt) {}

  // One field (or array element) of type t from v, which is null when the key is missing.
  // `base` is the field's value in the base row (fills a nested composite's missing keys).
  Value Field(const JsonText* v, const Type& t, const Value& base, const std::string* key) {
    CheckStackDepth();
    if (!v || v->kind == Jsonb::Kind::kNull) return Value::Null();
    if (v->kind == Jsonb::Kind::kString || (!t.array && !t.IsRow())) return Scalar(*v, t);
    if (t.array) return Array(*v, t, key);
    return Composite(*v, *t.record, base);
  }

  // A composite from an object; `base` (may be NULL) gives the fields the object lacks.
  Value Composite(const JsonText& v, const RecordDef& r, const Value& base) {
    if (v.kind != Jsonb::Kind::kObject)
      throw Error(sqlstate::kInvalidParameterValue,
                  v.kind == Jsonb::Kind::kArray ? "cannot call populate_composite on an array" : "cannot call populate_composite on a scalar");
    if (!base.is_null() && v.members.empty()) return base;
    std::vector<Value> fields = base.is_null() ? std::vector<Value>(r.types.size()) : base.arr();
    for (size_t i = 0; i < r.types.size(); i++) {
      const JsonText* f = Member(v, r.names[i]);
      if (!base.is_null() && !f) continue;
      fields[i] = Field(f, r.types[i], fields[i], &r.names[i]);
    }
    return Value::Array(std::move(fields));
  }

 private:
  const DateTimeContext& dt_;

  // Through the type's input function. A string for json or jsonb stays a JSON string.
  Value Scalar(const JsonText& v, const Type& t) {
    std::string text;
    if ((t.id == oid::kJson || t.id == oid::kJsonb) && !t.array && v.kind == Jsonb::Kind::kString)
      EscapeJsonString(v.Text(), &text);
    else
      text = v.Text();
    return ApplyTypmod(t, ParseText(t, text, dt_), false);
  }

  // An SQL array from nested JSON arrays, as populate_array_dim_jsonb: the first innermost
  // element fixes the number of dimensions, and every sub-array must match its siblings.
  struct ArrayState {
    const std::string* key;
    int ndims = 0;
    std::vector<int> dims, sizes;
    std::vector<Value> elems;
  };

  Value Array(const JsonText& v, const Type& t, const std::string* key) {
    ArrayState s;
    s.key = key;
    Dimension(s, v, t.Element(), 1);
    s.dims[0] = s.sizes[0];
    for (int d : s.dims)
      if (d == 0) return Value::Array({});
    if (s.ndims == 1) return Value::Array(std::move(s.elems));
    return Value::MultiArray(std::move(s.elems), std::vector<int32_t>(s.dims.begin(), s.dims.end()),
                             std::vector<int32_t>(s.dims.size(), 1));
  }

  void Dimension(ArrayState& s, const JsonText& v, const Type& element, int ndim) {
    if (v.kind != Jsonb::Kind::kArray) ExpectedArray(s, ndim - 1);
    if (s.ndims <= 0 && (v.items.empty() || v.items[0].kind != Jsonb::Kind::kArray)) {
      if (ndim <= 0) ExpectedArray(s, ndim);
      s.ndims = ndim;
      s.dims.assign(static_cast<size_t>(ndim), -1);
      s.sizes.assign(static_cast<size_t>(ndim), 0);
    }
    for (const JsonText& item : v.items) {
      if (s.ndims > 0 && ndim >= s.ndims) {
        s.elems.push_back(Field(&item, element, Value::Null(), nullptr));
        s.sizes[static_cast<size_t>(ndim - 1)]++;
        continue;
      }
      Dimension(s, item, element, ndim + 1);
      // The sub-array just read must be as long as its siblings.
      auto sub = static_cast<size_t>(ndim);
      if (s.dims[sub] == -1) s.dims[sub] = s.sizes[sub];
      else if (s.dims[sub] != s.sizes[sub])
        throw Error(sqlstate::kInvalidTextRepresentation, "malformed JSON array")
            .WithDetail("Multidimensional arrays must have sub-arrays with matching dimensions.");
      s.sizes[sub] = 0;
      s.sizes[sub - 1]++;
    }
  }

  [[noreturn]] void ExpectedArray(const ArrayState& s, int ndim) {
    Error e(sqlstate::kInvalidTextRepresentation, "expected JSON array");
    if (ndim <= 0) {
      if (s.key) e.WithHint("See the value of key \"" + *s.key + "\".");
      throw e;
    }
    std::string indices;
    for (int i = 0; i < ndim; i++) indices += "[" + std::to_string(s.sizes[static_cast<size_t>(i)]) + "]";
    throw e.WithHint("See the array element " + indices + (s.key ? " of key \"" + *s.key + "\"" : "") + ".");
  }
};

// Composite and array field types are filled in by their parts; a domain's constraints would
// need checking on each, which this does not do yet.
void RefuseDomains(const Type& t, const std::string& function) {
  if (t.domain)
    throw Error(sqlstate::kFeatureNotSupported, function + " into a domain type is not supported yet");
  if (t.IsRow() && t.record)
    for (const Type& f : t.record->types) RefuseDomains(f, function);
}

// The row type of a populate function: its first argument's; the column definition list's when
// that is an anonymous `record` (null::record).
Type PopulatedRowType(Binder& b, const ExprP& base, const std::string& function) {
  if (!base->type.IsRow())
    throw Error(sqlstate::kDatatypeMismatch, "first argument of " + function + " must be a row type");
  return base->type.record ? base->type : b.RecordResultType(function);
}

// The document argument as JSON text (jsonb's stored form is JSON text too).
const Type& DocumentType(bool json) { return json ? kJsonType : kJsonbType; }

void RegisterRecordFunction(const std::string& function, bool json, bool populate) {
  FunctionRegistry()[function] = [=](Binder& b, std::vector<ExprP>& args, int location) -> ExprP {
    if (args.size() != (populate ? 2u : 1u)) return nullptr;
    ExprP& doc = args.back();
    if (!CanCast(doc->type, DocumentType(json), CastContext::kImplicit)) return nullptr;
    doc = b.Coerce(doc, DocumentType(json), CastContext::kImplicit, location);
    Type row = populate ? PopulatedRowType(b, args[0], function) : b.RecordResultType(function);
    RefuseDomains(row, function);
    return Fn(row, function, args, [row, populate](const std::vector<Value>& a, EvalContext& ctx) -> Value {
      Value base = populate ? a[0] : Value::Null();
      if (a.back().is_null()) return base;
      JsonText v = ReadJsonText(a.back().s());
      return Populate(ctx.state->dt).Composite(v, *row.record, base);
    }, false);
  };
}

void BindRecordset(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  const bool json = f.name.rfind("json_", 0) == 0;
  const bool populate = f.name.find("populate") != std::string::npos;
  if (args.size() != (populate ? 2u : 1u) || !CanCast(args.back()->type, DocumentType(json), CastContext::kImplicit))
    NoSuchSetFunction(shown, args, location);
  args.back() = b.Coerce(args.back(), DocumentType(json), CastContext::kImplicit, location);
  Type row = populate ? PopulatedRowType(b, args[0], f.name) : b.RecordResultType(f.name);
  RefuseDomains(row, f.name);
  f.args = args;
  if (populate) {
    f.types = {row};
    f.columns = {f.name};
  } else {
    f.types = row.record->types;
    f.columns = row.record->names;
    f.select_column = -1;
  }
  f.generate = [row, json, populate, name = f.name](const std::vector<Value>& a, EvalContext& ctx) -> RowGenerator {
    if (a.back().is_null()) return YieldRows({});
    Value base = populate ? a[0] : Value::Null();
    JsonText doc = ReadJsonText(a.back().s());
    if (doc.kind != Jsonb::Kind::kArray) {
      const char* what = !json || doc.kind != Jsonb::Kind::kObject ? (json ? "a scalar" : "a non-array") : "an object";
      throw Error(sqlstate::kInvalidParameterValue, "cannot call " + name + " on " + what);
    }
    Populate fill(ctx.state->dt);
    std::vector<Row> rows;
    for (const JsonText& item : doc.items) {
      if (item.kind != Jsonb::Kind::kObject)
        throw Error(sqlstate::kInvalidParameterValue, "argument of " + name + " must be an array of objects");
      Value record = fill.Composite(item, *row.record, base);
      if (populate) rows.push_back({std::move(record)});
      else rows.push_back(record.is_null() ? Row(row.record->types.size()) : record.arr());
    }
    return YieldRows(std::move(rows));
  };
}

}  // namespace

void RegisterJsonRecordFunctions() {
  for (bool json : {false, true}) {
    RegisterRecordFunction(json ? "json_to_record" : "jsonb_to_record", json, false);
    RegisterRecordFunction(json ? "json_populate_record" : "jsonb_populate_record", json, true);
  }
}

void RegisterJsonRecordSetFunctions() {
  for (const char* name : {"jsonb_to_recordset", "jsonb_populate_recordset", "json_to_recordset", "json_populate_recordset"})
    RegisterSetFunction(name, BindRecordset);
}

}  // namespace tusk
