// SQL types. A Type names a base type by its PostgreSQL OID (drivers decode results by that
// OID), an optional typmod (varchar length, numeric precision/scale, timestamp precision) and
// whether it is a one-dimensional array of that base type. User enums carry their labels.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tusk {

namespace oid {
inline constexpr uint32_t kBool = 16, kBytea = 17, kChar = 18, kName = 19, kInt8 = 20, kInt2 = 21,
                          kInt4 = 23, kRegproc = 24, kText = 25, kOid = 26, kJson = 114,
                          kFloat4 = 700, kFloat8 = 701, kUnknown = 705, kBpchar = 1042,
                          kVarchar = 1043, kDate = 1082, kTime = 1083, kTimestamp = 1114,
                          kTimestamptz = 1184, kInterval = 1186, kNumeric = 1700, kRegclass = 2205,
                          kRecord = 2249, kVoid = 2278, kAny = 2276, kAnyElement = 2283,
                          kAnyArray = 2277, kAnyNonArray = 2776, kAnyCompatible = 5077, kAnyCompatibleArray = 5078,
                          kAnyCompatibleNonArray = 5079, kInternal = 2281, kCstring = 2275, kAnyEnum = 3500,
                          kUuid = 2950, kJsonb = 3802, kJsonpath = 4072, kTrigger = 2279, kRegtype = 2206,
                          // types of the system catalogs' columns
                          kInt2Vector = 22, kXid = 28, kOidVector = 30, kPgNodeTree = 194, kAclitem = 1033,
                          kRegnamespace = 4089, kRegrole = 4096, kRegprocedure = 2202,
                          kRefcursor = 1790,  // a PL/pgSQL cursor variable: the portal's name
                          kTsvector = 3614, kTsquery = 3615, kRegconfig = 3734, kRegdictionary = 3769;  // types/tsearch
// First OID handed out to user objects, as in PostgreSQL.
inline constexpr uint32_t kFirstUserOid = 16384;
}  // namespace oid

// The labels of a user enum, in sort order. Shared by every Type that names it.
struct EnumDef {
  uint32_t type_oid = 0;
  uint32_t array_oid = 0;
  std::string schema, name;
  std::vector<std::string> labels;
  // pg_enum.oid of each label (parallel to labels); 0 for labels of catalogs older than
  // format 9, which kept none.
  std::vector<uint32_t> label_oids;
  // Labels ADD VALUE gave in the transaction now running, to an enum that existed before it:
  // PostgreSQL refuses to use them until the transaction commits (55P04).
  std::vector<std::string> uncommitted;
  int LabelIndex(const std::string& label) const;
  // Throws 55P04 when the label at `index` is uncommitted.
  void CheckSafe(int64_t index) const;
};

struct Type;
struct DomainDef;  // types/domain.hpp
// The fields of a row value. An anonymous record (ROW(1, 'a'), a multi-column set-returning
// function's row in a select list) has type_oid 0 and its Type's id is `record`; a named
// composite type (a table's row type, CREATE TYPE ... AS) has its pg_type OIDs, and its Type's
// id is type_oid. A record value is an array of its fields.
struct RecordDef {
  std::vector<std::string> names;
  std::vector<Type> types;
  uint32_t type_oid = 0, array_oid = 0;
  uint32_t relid = 0;  // pg_type.typrelid: the table (or composite type's pg_class entry)
  std::string schema, name;
  int FieldIndex(const std::string& name) const;  // -1 when there is none
};

struct Type {
  uint32_t id = oid::kUnknown;  // base (element) type OID
  int32_t typmod = -1;
  bool array = false;
  std::shared_ptr<const EnumDef> enumdef;  // set when id is a user enum
  std::shared_ptr<const RecordDef> record;  // set when id is kRecord and the fields are known
  // Set when the type is a domain (or an array of one): id, typmod and array are then the
  // domain's base type's (types/domain.hpp).
  std::shared_ptr<const DomainDef> domain;

  Type() = default;
  Type(uint32_t i, int32_t mod = -1, bool arr = false) : id(i), typmod(mod), array(arr) {}

  static Type Enum(std::shared_ptr<const EnumDef> e) {
    Type t(e->type_oid);
    t.enumdef = std::move(e);
    return t;
  }
  static Type Record(std::shared_ptr<const RecordDef> r) {
    Type t(r->type_oid ? r->type_oid : oid::kRecord);
    t.record = std::move(r);
    return t;
  }
  // A row value's type: `record` or a named composite type (its fields may be unknown only for
  // the anonymous `record`).
  bool IsRow() const { return !array && (record || id == oid::kRecord); }
  Type Element() const;  // a domain over an array type gives its base's element type
  Type ArrayOf() const;
  // The OID a client sees: the array type's OID for arrays.
  uint32_t WireOid() const;
  bool IsEnum() const { return enumdef != nullptr; }
  bool operator==(const Type& o) const { return id == o.id && array == o.array; }
  bool operator!=(const Type& o) const { return !(*this == o); }
};

// PostgreSQL's type categories, which drive implicit coercion and operator resolution.
enum class TypeCategory { kBoolean, kNumeric, kString, kDateTime, kTimespan, kUserDefined, kComposite, kArray,
                          kUnknown, kOther };
TypeCategory CategoryOf(const Type& t);
// The preferred type of its category (pg_type.typispreferred): boolean, text, double precision,
// timestamp with time zone, interval.
bool IsPreferredType(const Type& t);
bool IsIntegerType(uint32_t id);
// oid and its aliases, which name a catalog object by its OID (regclass, regtype, ...).
bool IsOidType(uint32_t id);
bool IsNumericCategory(uint32_t id);
bool IsStringType(uint32_t id);

// format_type(): "integer", "character varying(20)", "numeric(10,2)", "text[]".
std::string TypeName(const Type& t);
// Storage width in bytes for fixed-width types, -1 for variable width (pg_type.typlen).
int TypeLength(uint32_t id);

// What PostgreSQL's pg_type says of a built-in type.
struct BuiltinTypeInfo {
  uint32_t oid;
  uint32_t array_oid;   // its array type; 0 when none
  const char* name;     // typname
  const char* display;  // format_type() spelling
  int length;           // typlen
  bool byval;
  char typtype;         // 'b' base, 'p' pseudo-type
  char category;        // typcategory
  bool preferred;
  char align, storage;
  uint32_t elem;        // typelem (name: char; the vector types: their element)
  uint32_t collation;   // typcollation
};
std::vector<const BuiltinTypeInfo*> BuiltinTypes();
const BuiltinTypeInfo* FindBuiltinType(uint32_t id);  // null for types that are not built in
// The array OID for a built-in base type, 0 if none.
uint32_t ArrayOidOf(uint32_t elem);
// The built-in element type of a built-in array type OID; 0 when it is none.
uint32_t ElementOfArrayOid(uint32_t array_oid);
// Looks a built-in type up by one of its SQL names ("int4", "integer", "varchar", "timestamptz").
std::optional<uint32_t> BuiltinTypeByName(const std::string& name);
// Decodes a type modifier list (e.g. varchar(20), numeric(10,2)) into a typmod; throws on misuse.
int32_t MakeTypmod(uint32_t id, const std::vector<int64_t>& mods);

}  // namespace tusk
