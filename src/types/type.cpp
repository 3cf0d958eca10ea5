#include "types/type.hpp"

#include <map>

#include "common/error.hpp"
#include "types/domain.hpp"

namespace tusk {

int EnumDef::LabelIndex(const std::string& label) const {
  for (size_t i = 0; i < labels.size(); i++)
    if (labels[i] == label) return static_cast<int>(i);
  return -1;
}

void EnumDef::CheckSafe(int64_t index) const {
  if (uncommitted.empty() || index < 0 || static_cast<size_t>(index) >= labels.size()) return;
  const std::string& label = labels[static_cast<size_t>(index)];
  for (const auto& u : uncommitted)
    if (u == label)
      throw Error("55P04", "unsafe use of new value \"" + label + "\" of enum type " + name)
          .WithHint("New enum values must be committed before they can be used.");
}

int RecordDef::FieldIndex(const std::string& name) const {
  for (size_t i = 0; i < names.size(); i++)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

namespace {
// PostgreSQL 15's pg_type facts for each built-in type (pg_type rows, format_type, array OIDs).
const BuiltinTypeInfo kBuiltins[] = {
    {oid::kBool, 1000, "bool", "boolean", 1, true, 'b', 'B', true, 'c', 'p', 0, 0},
    {oid::kBytea, 1001, "bytea", "bytea", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kChar, 1002, "char", "\"char\"", 1, true, 'b', 'Z', false, 'c', 'p', 0, 0},
    {oid::kName, 1003, "name", "name", 64, false, 'b', 'S', false, 'c', 'p', 18, 950},
    {oid::kInt8, 1016, "int8", "bigint", 8, true, 'b', 'N', false, 'd', 'p', 0, 0},
    {oid::kInt2, 1005, "int2", "smallint", 2, true, 'b', 'N', false, 's', 'p', 0, 0},
    {oid::kInt2Vector, 1006, "int2vector", "int2vector", -1, false, 'b', 'A', false, 'i', 'p', 21, 0},
    {oid::kInt4, 1007, "int4", "integer", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRegproc, 1008, "regproc", "regproc", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kText, 1009, "text", "text", -1, false, 'b', 'S', true, 'i', 'x', 0, 100},
    {oid::kOid, 1028, "oid", "oid", 4, true, 'b', 'N', true, 'i', 'p', 0, 0},
    {oid::kXid, 1011, "xid", "xid", 4, true, 'b', 'U', false, 'i', 'p', 0, 0},
    {oid::kOidVector, 1013, "oidvector", "oidvector", -1, false, 'b', 'A', false, 'i', 'p', 26, 0},
    {oid::kJson, 199, "json", "json", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kPgNodeTree, 0, "pg_node_tree", "pg_node_tree", -1, false, 'b', 'Z', false, 'i', 'x', 0, 100},
    {oid::kFloat4, 1021, "float4", "real", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kFloat8, 1022, "float8", "double precision", 8, true, 'b', 'N', true, 'd', 'p', 0, 0},
    {oid::kUnknown, 0, "unknown", "unknown", -2, false, 'p', 'X', false, 'c', 'p', 0, 0},
    {oid::kAclitem, 1034, "aclitem", "aclitem", 12, false, 'b', 'U', false, 'i', 'p', 0, 0},
    {oid::kBpchar, 1014, "bpchar", "character", -1, false, 'b', 'S', false, 'i', 'x', 0, 100},
    {oid::kVarchar, 1015, "varchar", "character varying", -1, false, 'b', 'S', false, 'i', 'x', 0, 100},
    {oid::kDate, 1182, "date", "date", 4, true, 'b', 'D', false, 'i', 'p', 0, 0},
    {oid::kTime, 1183, "time", "time without time zone", 8, true, 'b', 'D', false, 'd', 'p', 0, 0},
    {oid::kTimestamp, 1115, "timestamp", "timestamp without time zone", 8, true, 'b', 'D', false, 'd', 'p', 0, 0},
    {oid::kTimestamptz, 1185, "timestamptz", "timestamp with time zone", 8, true, 'b', 'D', true, 'd', 'p', 0, 0},
    {oid::kInterval, 1187, "interval", "interval", 16, false, 'b', 'T', true, 'd', 'p', 0, 0},
    {oid::kNumeric, 1231, "numeric", "numeric", -1, false, 'b', 'N', false, 'i', 'm', 0, 0},
    {oid::kRegclass, 2210, "regclass", "regclass", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRegtype, 2211, "regtype", "regtype", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRecord, 2287, "record", "record", -1, false, 'p', 'P', false, 'd', 'x', 0, 0},
    {oid::kAny, 0, "any", "\"any\"", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kAnyArray, 0, "anyarray", "anyarray", -1, false, 'p', 'P', false, 'd', 'x', 0, 0},
    {oid::kVoid, 0, "void", "void", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kTrigger, 0, "trigger", "trigger", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kAnyElement, 0, "anyelement", "anyelement", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kInternal, 0, "internal", "internal", 8, true, 'p', 'P', false, 'd', 'p', 0, 0},
    {oid::kCstring, 0, "cstring", "cstring", -2, false, 'p', 'P', false, 'c', 'p', 0, 0},
    {oid::kAnyEnum, 0, "anyenum", "anyenum", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kAnyNonArray, 0, "anynonarray", "anynonarray", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kAnyCompatible, 0, "anycompatible", "anycompatible", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kAnyCompatibleArray, 0, "anycompatiblearray", "anycompatiblearray", -1, false, 'p', 'P', false, 'd', 'x', 0, 0},
    {oid::kAnyCompatibleNonArray, 0, "anycompatiblenonarray", "anycompatiblenonarray", 4, true, 'p', 'P', false, 'i', 'p', 0, 0},
    {oid::kUuid, 2951, "uuid", "uuid", 16, false, 'b', 'U', false, 'c', 'p', 0, 0},
    {oid::kJsonb, 3807, "jsonb", "jsonb", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kJsonpath, 4073, "jsonpath", "jsonpath", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kRegnamespace, 4090, "regnamespace", "regnamespace", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRegrole, 4097, "regrole", "regrole", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRegprocedure, 2207, "regprocedure", "regprocedure", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRefcursor, 2201, "refcursor", "refcursor", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kTsvector, 3643, "tsvector", "tsvector", -1, false, 'b', 'U', false, 'i', 'x', 0, 0},
    {oid::kTsquery, 3645, "tsquery", "tsquery", -1, false, 'b', 'U', false, 'i', 'p', 0, 0},
    {oid::kRegconfig, 3735, "regconfig", "regconfig", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
    {oid::kRegdictionary, 3770, "regdictionary", "regdictionary", 4, true, 'b', 'N', false, 'i', 'p', 0, 0},
};

}  // namespace

std::vector<const BuiltinTypeInfo*> BuiltinTypes() {
  std::vector<const BuiltinTypeInfo*> out;
  for (const auto& b : kBuiltins) out.push_back(&b);
  return out;
}

const BuiltinTypeInfo* FindBuiltinType(uint32_t id) {
  for (const auto& b : kBuiltins)
    if (b.oid == id) return &b;
  return nullptr;
}

Type Type::Element() const {
  Type t = *this;
  if (t.domain && t.array && t.domain->base.array) t.domain = nullptr;  // a domain over an array type
  t.array = false;
  return t;
}

Type Type::ArrayOf() const {
  Type t = *this;
  if (t.domain && t.array) t.domain = nullptr;  // an array of a domain over an array: its base array
  t.array = true;
  return t;
}

uint32_t Type::WireOid() const {
  if (!array) return id;
  if (enumdef) return enumdef->array_oid;
  if (record && record->type_oid) return record->array_oid;
  return ArrayOidOf(id);
}

uint32_t ArrayOidOf(uint32_t elem) {
  const BuiltinTypeInfo* b = FindBuiltinType(elem);
  return b ? b->array_oid : 0;
}

uint32_t ElementOfArrayOid(uint32_t array_oid) {
  if (array_oid == 0) return 0;
  for (const auto& b : kBuiltins)
    if (b.array_oid == array_oid) return b.oid;
  return 0;
}

int TypeLength(uint32_t id) {
  const BuiltinTypeInfo* b = FindBuiltinType(id);
  return b ? b->length : 4;
}

bool IsIntegerType(uint32_t id) { return id == oid::kInt2 || id == oid::kInt4 || id == oid::kInt8; }
bool IsOidType(uint32_t id) {
  return id == oid::kOid || id == oid::kRegclass || id == oid::kRegtype || id == oid::kRegproc ||
         id == oid::kRegnamespace || id == oid::kRegrole || id == oid::kRegprocedure || id == oid::kRegconfig ||
         id == oid::kRegdictionary;
}
bool IsNumericCategory(uint32_t id) {
  return IsIntegerType(id) || id == oid::kNumeric || id == oid::kFloat4 || id == oid::kFloat8 ||
         id == oid::kOid;
}
bool IsStringType(uint32_t id) {
  return id == oid::kText || id == oid::kVarchar || id == oid::kBpchar || id == oid::kName ||
         id == oid::kChar;
}

bool IsPreferredType(const Type& t) {
  if (t.array) return false;
  return t.id == oid::kBool || t.id == oid::kText || t.id == oid::kFloat8 || t.id == oid::kTimestamptz ||
         t.id == oid::kInterval;
}

TypeCategory CategoryOf(const Type& t) {
  if (t.array) return TypeCategory::kArray;
  if (t.enumdef) return TypeCategory::kUserDefined;
  if (t.record && t.record->type_oid) return TypeCategory::kComposite;
  switch (t.id) {
    case oid::kBool: return TypeCategory::kBoolean;
    case oid::kInt2: case oid::kInt4: case oid::kInt8: case oid::kFloat4: case oid::kFloat8:
    case oid::kNumeric: case oid::kOid: case oid::kRegclass: case oid::kRegtype: case oid::kRegproc:
    case oid::kRegnamespace: case oid::kRegrole: case oid::kRegprocedure: case oid::kRegconfig: case oid::kRegdictionary:
      return TypeCategory::kNumeric;
    case oid::kText: case oid::kVarchar: case oid::kBpchar: case oid::kName: case oid::kChar:
      return TypeCategory::kString;
    case oid::kDate: case oid::kTime: case oid::kTimestamp: case oid::kTimestamptz:
      return TypeCategory::kDateTime;
    case oid::kInterval: return TypeCategory::kTimespan;
    case oid::kUnknown: return TypeCategory::kUnknown;
    default: return TypeCategory::kOther;
  }
}

std::string TypeName(const Type& t) {
  if (t.domain) return IsArrayOfDomain(t) ? t.domain->name + "[]" : t.domain->name;
  std::string base;
  if (t.enumdef) {
    base = t.enumdef->name;
  } else if (t.record && t.record->type_oid) {
    base = t.record->name;
  } else {
    const BuiltinTypeInfo* b = FindBuiltinType(t.id);
    base = b ? b->display : "???";
    int32_t m = t.typmod;
    if (m >= 0) {
      switch (t.id) {
        case oid::kVarchar: case oid::kBpchar:
          base += "(" + std::to_string(m - 4) + ")";
          break;
        case oid::kNumeric: {
          int32_t v = m - 4;
          base += "(" + std::to_string((v >> 16) & 0xffff) + "," + std::to_string(v & 0xffff) + ")";
          break;
        }
        case oid::kTimestamp:
          base = "timestamp(" + std::to_string(m) + ") without time zone";
          break;
        case oid::kTimestamptz:
          base = "timestamp(" + std::to_string(m) + ") with time zone";
          break;
        case oid::kTime:
          base = "time(" + std::to_string(m) + ") without time zone";
          break;
        case oid::kInterval:
          base = "interval(" + std::to_string(m & 0xffff) + ")";
          break;
      }
    }
  }
  return t.array ? base + "[]" : base;
}

std::optional<uint32_t> BuiltinTypeByName(const std::string& name) {
  static const std::map<std::string, uint32_t> kNames = {
      {"bool", oid::kBool}, {"boolean", oid::kBool}, {"bytea", oid::kBytea},
      {"char", oid::kChar}, {"name", oid::kName}, {"int8", oid::kInt8}, {"bigint", oid::kInt8},
      {"int2", oid::kInt2}, {"smallint", oid::kInt2}, {"int4", oid::kInt4},
      {"int", oid::kInt4}, {"integer", oid::kInt4}, {"text", oid::kText}, {"oid", oid::kOid},
      {"json", oid::kJson}, {"float4", oid::kFloat4}, {"real", oid::kFloat4},
      {"float8", oid::kFloat8}, {"double precision", oid::kFloat8}, {"bpchar", oid::kBpchar},
      {"character", oid::kBpchar}, {"varchar", oid::kVarchar},
      {"character varying", oid::kVarchar}, {"date", oid::kDate}, {"time", oid::kTime},
      {"time without time zone", oid::kTime}, {"timestamp", oid::kTimestamp},
      {"timestamp without time zone", oid::kTimestamp}, {"timestamptz", oid::kTimestamptz},
      {"timestamp with time zone", oid::kTimestamptz}, {"interval", oid::kInterval},
      {"numeric", oid::kNumeric}, {"decimal", oid::kNumeric}, {"uuid", oid::kUuid},
      {"jsonb", oid::kJsonb}, {"jsonpath", oid::kJsonpath}, {"regclass", oid::kRegclass}, {"record", oid::kRecord},
      {"void", oid::kVoid}, {"unknown", oid::kUnknown}, {"trigger", oid::kTrigger},
      {"regproc", oid::kRegproc}, {"anyelement", oid::kAnyElement}, {"anyarray", oid::kAnyArray},
      {"regtype", oid::kRegtype}, {"regnamespace", oid::kRegnamespace}, {"regrole", oid::kRegrole},
      {"regprocedure", oid::kRegprocedure}, {"refcursor", oid::kRefcursor},
      {"xid", oid::kXid}, {"int2vector", oid::kInt2Vector}, {"oidvector", oid::kOidVector},
      {"pg_node_tree", oid::kPgNodeTree}, {"aclitem", oid::kAclitem},
      {"tsvector", oid::kTsvector}, {"tsquery", oid::kTsquery}, {"regconfig", oid::kRegconfig},
      {"regdictionary", oid::kRegdictionary},
  };
  auto it = kNames.find(name);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

int32_t MakeTypmod(uint32_t id, const std::vector<int64_t>& mods) {
  if (mods.empty()) return -1;
  switch (id) {
    case oid::kVarchar: case oid::kBpchar: {
      if (mods.size() != 1) throw Error(sqlstate::kSyntaxError, "invalid type modifier");
      const char* tn = id == oid::kVarchar ? "varchar" : "char";
      if (mods[0] < 1)
        throw Error(sqlstate::kInvalidParameterValue,
                    std::string("length for type ") + tn + " must be at least 1");
      if (mods[0] > 10485760)
        throw Error(sqlstate::kInvalidParameterValue,
                    std::string("length for type ") + tn + " cannot exceed 10485760");
      return static_cast<int32_t>(mods[0] + 4);
    }
    case oid::kNumeric: {
      if (mods.size() > 2) throw Error(sqlstate::kInvalidParameterValue, "invalid NUMERIC type modifier");
      int64_t p = mods[0], s = mods.size() > 1 ? mods[1] : 0;
      if (p < 1 || p > 1000)
        throw Error(sqlstate::kInvalidParameterValue,
                    "NUMERIC precision " + std::to_string(p) + " must be between 1 and 1000");
      if (s < -1000 || s > 1000)
        throw Error(sqlstate::kInvalidParameterValue,
                    "NUMERIC scale " + std::to_string(s) + " must be between -1000 and 1000");
      return static_cast<int32_t>(((p << 16) | (s & 0xffff)) + 4);
    }
    case oid::kTimestamp: case oid::kTimestamptz: case oid::kTime: {
      if (mods.size() != 1) throw Error(sqlstate::kSyntaxError, "invalid type modifier");
      int64_t p = mods[0];
      if (p < 0)
        throw Error(sqlstate::kInvalidParameterValue, "TIMESTAMP(" + std::to_string(p) + ") precision must not be negative");
      return static_cast<int32_t>(p > 6 ? 6 : p);
    }
    case oid::kInterval:
      return -1;
    default:
      throw Error(sqlstate::kSyntaxError, "type modifier is not allowed for type \"" +
                                              TypeName(Type(id)) + "\"");
  }
}

}  // namespace tusk
