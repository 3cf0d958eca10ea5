// The access privilege inquiry functions (has_table_privilege, has_schema_privilege, ...,
// pg_has_role) in every form PostgreSQL 15 has: (object, privilege), (user, object, privilege),
// each object and user by name or OID. They check what PostgreSQL checks — the object and the
// user exist (a name that names nothing is PostgreSQL's error, an OID that names nothing gives
// NULL), the privilege words are the object kind's — and answer from the object's access list
// (security/object_privileges.hpp) for tables, views, sequences and schemas, from role
// membership for pg_has_role, from the default lists for the other kinds (functions, types
// and languages are everyone's to use; databases everyone's to connect to; creating in a
// database or tablespace is its owner's).
#include "catalog/system/builtin_procs.hpp"
#include "catalog/function_def.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/object_names.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "types/object_names.hpp"

namespace tusk {

namespace {
// One kind of object: the privileges it has and how a name and an OID find it.
struct PrivilegeKind {
  const char* function;
  std::vector<const char*> privileges;
  // Throws PostgreSQL's error when the name names nothing.
  void (*find_name)(EvalContext& ctx, const std::string& name);
  bool (*find_oid)(EvalContext& ctx, uint32_t oid);
  // Whether `user` holds the privilege (a word of `privileges`) on the object, or may grant it.
  bool (*holds)(EvalContext& ctx, uint32_t user, uint32_t object, const std::string& privilege, bool grant_option);
};

std::shared_ptr<const ClusterCatalog> Cluster(EvalContext& ctx) { return ctx.state->session->CurrentCluster(); }

uint32_t LookupName(EvalContext& ctx, uint32_t type, const std::string& name) {
  auto names = ctx.state->dt.names ? ctx.state->dt.names
                                   : MakeObjectNames(ctx.state->catalog, Cluster(ctx), ctx.state->session->SearchPath(),
                                                     ctx.state->session->database());
  return names->Lookup(type, name);
}

void FindTable(EvalContext& ctx, const std::string& name) { LookupName(ctx, oid::kRegclass, name); }
bool FindTableOid(EvalContext& ctx, uint32_t oid) {
  const Catalog& cat = *ctx.state->catalog;
  return cat.FindTable(oid) || cat.FindIndex(oid) || cat.FindSequence(oid) || cat.FindView(oid) || FindSystemRelation(oid);
}
void FindSequence(EvalContext& ctx, const std::string& name) {
  uint32_t oid = LookupName(ctx, oid::kRegclass, name);
  if (!ctx.state->catalog->FindSequence(oid)) throw Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not a sequence");
}
bool FindSequenceOid(EvalContext& ctx, uint32_t oid) {
  if (FindTableOid(ctx, oid) && !ctx.state->catalog->FindSequence(oid))
    throw Error(sqlstate::kWrongObjectType, "\"" + ctx.state->catalog->RelationName(oid) + "\" is not a sequence");
  return ctx.state->catalog->FindSequence(oid) != nullptr;
}
void FindSchema(EvalContext& ctx, const std::string& name) {
  if (!ctx.state->catalog->FindSchema(name)) throw Error(sqlstate::kUndefinedSchema, "schema \"" + name + "\" does not exist");
}
bool FindSchemaOid(EvalContext& ctx, uint32_t oid) { return ctx.state->catalog->schemas().count(oid) > 0; }
void FindDatabase(EvalContext& ctx, const std::string& name) {
  if (!Cluster(ctx)->FindDatabase(name)) throw Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
}
bool FindDatabaseOid(EvalContext& ctx, uint32_t oid) { return Cluster(ctx)->FindDatabase(oid) != nullptr; }
void FindType(EvalContext& ctx, const std::string& name) { LookupName(ctx, oid::kRegtype, name); }
bool FindTypeOid(EvalContext& ctx, uint32_t oid) {
  return FindBuiltinType(oid) || ctx.state->catalog->FindEnumByOid(oid) != nullptr;
}
void FindRole(EvalContext& ctx, const std::string& name) {
  if (!Cluster(ctx)->FindRole(name)) throw Error(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
}
bool FindRoleOid(EvalContext& ctx, uint32_t oid) { return Cluster(ctx)->roles().count(oid) > 0; }
// The tablespaces and languages every database has.
void FindTablespace(EvalContext&, const std::string& name) {
  if (name != "pg_default" && name != "pg_global") throw Error(sqlstate::kUndefinedObject, "tablespace \"" + name + "\" does not exist");
}
bool FindTablespaceOid(EvalContext&, uint32_t oid) { return oid == 1663 || oid == 1664; }
void FindLanguage(EvalContext&, const std::string& name) {
  if (name != "internal" && name != "c" && name != "sql" && name != "plpgsql")
    throw Error(sqlstate::kUndefinedObject, "language \"" + name + "\" does not exist");
}
bool FindLanguageOid(EvalContext&, uint32_t oid) { return oid == 12 || oid == 13 || oid == 14 || oid == 13563 /* plpgsql */; }
void FindFunction(EvalContext& ctx, const std::string& signature) { LookupName(ctx, oid::kRegprocedure, signature); }
bool FindFunctionOid(EvalContext& ctx, uint32_t oid) { return FindListedProc(*ctx.state->catalog, oid, ProcSet::kAll).has_value(); }

uint32_t UserOid(EvalContext& ctx, const Value& v, const Type& type);

// The OID of an object named by a kind's name form (found already).
uint32_t ObjectOidByName(const PrivilegeKind& kind, EvalContext& ctx, const std::string& name) {
  const std::string f = kind.function;
  if (f == "has_table_privilege" || f == "has_any_column_privilege" || f == "has_sequence_privilege")
    return LookupName(ctx, oid::kRegclass, name);
  if (f == "has_schema_privilege") return ctx.state->catalog->FindSchema(name)->oid;
  if (f == "has_database_privilege") return Cluster(ctx)->FindDatabase(name)->oid;
  if (f == "pg_has_role") return UserOid(ctx, Value::Str(name), Type(oid::kName));
  if (f == "has_function_privilege") return LookupName(ctx, oid::kRegprocedure, name);
  return 1;  // kinds answered by their defaults: any non-zero OID
}

bool Super(EvalContext& ctx, uint32_t user) { return IsSuperuser(*Cluster(ctx), user); }

bool HoldsOnObject(EvalContext& ctx, uint32_t user, uint32_t object, const std::string& privilege, bool grant_option) {
  const Catalog& cat = *ctx.state->catalog;
  const ObjectSecurity* sec = cat.FindSecurity(object);
  if (!sec) return true;  // a system relation: everyone reads it
  AclObject kind = cat.schemas().count(object) ? AclObject::kSchema
                   : cat.FindFunction(object)   ? AclObject::kFunction
                                                : RelationAclKind(cat, object);
  return (ObjectPrivilegesOf(ctx.state, user, *sec, kind, grant_option) & PrivilegeByName(privilege)) != 0;
}
// The kinds without access lists of their own: their PostgreSQL defaults.
bool HoldsByDefault(EvalContext& ctx, uint32_t user, uint32_t, const std::string&, bool grant_option) {
  return !grant_option || Super(ctx, user);
}
bool HoldsOnDatabase(EvalContext& ctx, uint32_t user, uint32_t object, const std::string& privilege, bool grant_option) {
  const DatabaseDef* d = Cluster(ctx)->FindDatabase(object);
  if (Super(ctx, user) || (d && HasPrivilegesOfRole(*Cluster(ctx), user, d->owner))) return true;
  return !grant_option && privilege != "CREATE";
}
bool HoldsOnTablespace(EvalContext& ctx, uint32_t user, uint32_t, const std::string&, bool) { return Super(ctx, user); }
bool HoldsRole(EvalContext& ctx, uint32_t user, uint32_t role, const std::string& privilege, bool admin) {
  const ClusterCatalog& cluster = *Cluster(ctx);
  if (admin) return IsAdminOfRole(cluster, user, role);
  return privilege == "MEMBER" ? IsMemberOfRole(cluster, user, role) : HasPrivilegesOfRole(cluster, user, role);
}

const PrivilegeKind kKinds[] = {
    {"has_table_privilege", {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}, FindTable, FindTableOid, HoldsOnObject},
    {"has_any_column_privilege", {"SELECT", "INSERT", "UPDATE", "REFERENCES"}, FindTable, FindTableOid, HoldsOnObject},
    {"has_sequence_privilege", {"USAGE", "SELECT", "UPDATE"}, FindSequence, FindSequenceOid, HoldsOnObject},
    {"has_schema_privilege", {"CREATE", "USAGE"}, FindSchema, FindSchemaOid, HoldsOnObject},
    {"has_database_privilege", {"CREATE", "CONNECT", "TEMPORARY", "TEMP"}, FindDatabase, FindDatabaseOid, HoldsOnDatabase},
    {"has_type_privilege", {"USAGE"}, FindType, FindTypeOid, HoldsByDefault},
    {"has_tablespace_privilege", {"CREATE"}, FindTablespace, FindTablespaceOid, HoldsOnTablespace},
    {"has_language_privilege", {"USAGE"}, FindLanguage, FindLanguageOid, HoldsByDefault},
    {"has_function_privilege", {"EXECUTE"}, FindFunction, FindFunctionOid, HoldsOnObject},
    {"pg_has_role", {"MEMBER", "USAGE"}, FindRole, FindRoleOid, HoldsRole},
};
const PrivilegeKind kColumnKind{"has_column_privilege", {"SELECT", "INSERT", "UPDATE", "REFERENCES"}, nullptr, nullptr, HoldsOnObject};

// "SELECT, update WITH GRANT OPTION": a comma-separated list of the kind's privileges.
std::vector<std::pair<std::string, bool>> CheckPrivileges(const PrivilegeKind& kind, const std::string& list) {
  std::vector<std::pair<std::string, bool>> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item = ToUpper(Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    const std::string kGrant = " WITH GRANT OPTION", kAdmin = " WITH ADMIN OPTION";
    bool option = false;
    for (const std::string& suffix : {kGrant, kAdmin})
      if (item.size() > suffix.size() && item.compare(item.size() - suffix.size(), suffix.size(), suffix) == 0) {
        item = Trim(item.substr(0, item.size() - suffix.size()));
        option = true;
      }
    bool known = false;
    for (const char* p : kind.privileges) known |= item == p;
    if (!known)
      throw Error(sqlstate::kInvalidParameterValue,
                  "unrecognized privilege type: \"" + Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)) + "\"");
    out.emplace_back(item == "TEMP" ? "TEMPORARY" : item, option);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// The answer: whether the user holds any of the privileges listed.
Value Answer(const PrivilegeKind& kind, EvalContext& ctx, uint32_t user, uint32_t object, const std::string& list) {
  for (const auto& [privilege, option] : CheckPrivileges(kind, list))
    if (kind.holds(ctx, user, object, privilege, option)) return Value::Bool(true);
  return Value::Bool(false);
}

uint32_t UserOid(EvalContext& ctx, const Value& v, const Type& type) {
  if (type.id == oid::kOid) return static_cast<uint32_t>(v.i());
  if (uint32_t role = RoleOidByName(*Cluster(ctx), v.s())) return role;
  throw Error(sqlstate::kUndefinedObject, "role \"" + v.s() + "\" does not exist");
}

// Resolves the object (by name: an error when missing; by OID: 0 when missing).
uint32_t FindObject(const PrivilegeKind& kind, EvalContext& ctx, const Value& object, const Type& type) {
  if (type.id == oid::kOid) {
    uint32_t oid = static_cast<uint32_t>(object.i());
    return kind.find_oid(ctx, oid) ? oid : 0;
  }
  kind.find_name(ctx, object.s());
  return ObjectOidByName(kind, ctx, object.s());
}

uint32_t TableOid(EvalContext& ctx, const Value& table, const Type& type) {
  return type.id == oid::kOid ? static_cast<uint32_t>(table.i()) : LookupName(ctx, oid::kRegclass, table.s());
}

// Column forms: the column by name (an error when missing) or number (NULL when missing).
bool FindColumn(EvalContext& ctx, const Value& table, const Type& table_type, const Value& column, const Type& column_type) {
  uint32_t oid = table_type.id == oid::kOid ? static_cast<uint32_t>(table.i()) : LookupName(ctx, oid::kRegclass, table.s());
  const TableDef* t = ctx.state->catalog->FindTable(oid);
  if (!t) return table_type.id != oid::kOid && FindSystemRelation(oid);
  if (column_type.id == oid::kInt2) {
    int64_t n = column.i();
    return n >= 1 && n <= static_cast<int64_t>(t->columns.size()) && !t->columns[static_cast<size_t>(n - 1)].dropped;
  }
  if (t->FindColumn(column.s()) < 0)
    throw Error(sqlstate::kUndefinedColumn, "column \"" + column.s() + "\" of relation \"" + t->name + "\" does not exist");
  return true;
}
}  // namespace

void RegisterPrivilegeFunctions() {
  const Type text(oid::kText), name(oid::kName), oid_t(oid::kOid), boolean(oid::kBool);
  for (const PrivilegeKind& kind : kKinds) {
    const Type object = std::string(kind.function) == "pg_has_role" ? name : text;
    for (const Type& obj : {object, oid_t}) {
      Register(kind.function, {obj, text}, boolean, [&kind, obj](const std::vector<Value>& a, EvalContext& ctx) {
        uint32_t found = FindObject(kind, ctx, a[0], obj);
        Value answer = Answer(kind, ctx, ctx.state->session->CurrentUserId(), found, a[1].s());
        return found ? answer : Value::Null();
      });
      for (const Type& user : {name, oid_t})
        Register(kind.function, {user, obj, text}, boolean, [&kind, obj, user](const std::vector<Value>& a, EvalContext& ctx) {
          uint32_t role = UserOid(ctx, a[0], user);
          uint32_t found = FindObject(kind, ctx, a[1], obj);
          Value answer = Answer(kind, ctx, role, found, a[2].s());
          return found ? answer : Value::Null();
        });
    }
  }
  for (const Type& table : {text, oid_t})
    for (const Type& column : {text, Type(oid::kInt2)}) {
      Register("has_column_privilege", {table, column, text}, boolean, [table, column](const std::vector<Value>& a, EvalContext& ctx) {
        bool found = FindColumn(ctx, a[0], table, a[1], column);
        Value answer = Answer(kColumnKind, ctx, ctx.state->session->CurrentUserId(), TableOid(ctx, a[0], table), a[2].s());
        return found ? answer : Value::Null();
      });
      for (const Type& user : {name, oid_t})
        Register("has_column_privilege", {user, table, column, text}, boolean,
                 [table, column, user](const std::vector<Value>& a, EvalContext& ctx) {
                   uint32_t role = UserOid(ctx, a[0], user);
                   bool found = FindColumn(ctx, a[1], table, a[2], column);
                   Value answer = Answer(kColumnKind, ctx, role, TableOid(ctx, a[1], table), a[3].s());
                   return found ? answer : Value::Null();
                 });
    }
}

}  // namespace tusk
