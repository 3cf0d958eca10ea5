#include "catalog/system/opclasses.hpp"

#include "common/error.hpp"

namespace tusk {

const std::vector<BtreeOpclass>& BtreeOpclasses() {
  static const std::vector<BtreeOpclass> classes = {
      {1978, "int4_ops", oid::kInt4, true, 1976},          {1979, "int2_ops", oid::kInt2, true, 1976},
      {1981, "oid_ops", oid::kOid, true, 1989},            {3122, "date_ops", oid::kDate, true, 434},
      {3123, "float8_ops", oid::kFloat8, true, 1970},      {3124, "int8_ops", oid::kInt8, true, 1976},
      {3125, "numeric_ops", oid::kNumeric, true, 1988},    {3126, "text_ops", oid::kText, true, 1994},
      {3127, "timestamptz_ops", oid::kTimestamptz, true, 434}, {3128, "timestamp_ops", oid::kTimestamp, true, 434},
      {4217, "text_pattern_ops", oid::kText, false, 2095}, {4218, "varchar_pattern_ops", oid::kText, false, 2095},
      {4219, "bpchar_pattern_ops", oid::kBpchar, false, 2097}, {10000, "array_ops", oid::kAnyArray, true, 397},
      {10003, "bool_ops", oid::kBool, true, 424},          {10004, "bpchar_ops", oid::kBpchar, true, 426},
      {10006, "bytea_ops", oid::kBytea, true, 428},        {10007, "char_ops", oid::kChar, true, 429},
      {10012, "float4_ops", oid::kFloat4, true, 1970},     {10022, "interval_ops", oid::kInterval, true, 1982},
      {10028, "name_ops", oid::kName, true, 1994},         {10038, "time_ops", oid::kTime, true, 1996},
      {10044, "varchar_ops", oid::kText, false, 1994},     {10065, "uuid_ops", oid::kUuid, true, 2968},
      {10069, "enum_ops", oid::kAnyEnum, true, 3522},               {10088, "jsonb_ops", oid::kJsonb, true, 4033},
      {10071, "tsvector_ops", oid::kTsvector, true, 3626},         {10074, "tsquery_ops", oid::kTsquery, true, 3683},
  };
  return classes;
}

const std::vector<BtreeOpfamily>& BtreeOpfamilies() {
  static const std::vector<BtreeOpfamily> families = {
      {397, "array_ops"},     {424, "bool_ops"},     {426, "bpchar_ops"},   {428, "bytea_ops"},
      {429, "char_ops"},      {434, "datetime_ops"}, {1970, "float_ops"},   {1976, "integer_ops"},
      {1982, "interval_ops"}, {1988, "numeric_ops"}, {1989, "oid_ops"},     {1994, "text_ops"},
      {1996, "time_ops"},     {2095, "text_pattern_ops"}, {2097, "bpchar_pattern_ops"}, {2968, "uuid_ops"},
      {3522, "enum_ops"},     {4033, "jsonb_ops"},   {3626, "tsvector_ops"}, {3683, "tsquery_ops"},
  };
  return families;
}

namespace {
// Whether a column of type t can use a class taking `input` (PostgreSQL: binary coercible).
bool Accepts(uint32_t input, const Type& t) {
  if (input == oid::kAnyArray) return t.array;
  if (t.array) return false;
  if (input == oid::kAnyEnum) return t.enumdef != nullptr;
  if (t.enumdef) return false;
  return input == t.id || (input == oid::kText && t.id == oid::kVarchar);
}
}  // namespace

const BtreeOpclass* FindBtreeOpclass(const std::string& name) {
  for (const auto& c : BtreeOpclasses())
    if (name == c.name) return &c;
  return nullptr;
}

const BtreeOpclass* DefaultBtreeOpclass(const Type& t) {
  for (const auto& c : BtreeOpclasses())
    if (c.is_default && Accepts(c.input_type, t)) return &c;
  return nullptr;
}

const BtreeOpclass* ChooseBtreeOpclass(const Type& t, const std::string& name) {
  if (name.empty()) return DefaultBtreeOpclass(t);
  const BtreeOpclass* c = FindBtreeOpclass(name);
  if (!c) throw Error(sqlstate::kUndefinedObject, "operator class \"" + name + "\" does not exist for access method \"btree\"");
  if (!Accepts(c->input_type, t))
    throw Error(sqlstate::kDatatypeMismatch, "operator class \"" + name + "\" does not accept data type " + TypeName(t));
  return c;
}

}  // namespace tusk
