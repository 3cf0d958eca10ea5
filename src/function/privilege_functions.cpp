// The access privilege inquiry functions (has_table_privilege, has_schema_privilege, ...,
// pg_has_role) in every form PostgreSQL 15 has: (object, privilege), (user, object, privilege),
// each object and user by name or OID. They check what PostgreSQL checks — the object and the
// user exist (a name that names nothing is PostgreSQL's error, an OID that names nothing gives
// NULL), the privilege words are the object kind's — and answer true: Tusk has no GRANT yet,
// so every role may do everything with every object.
#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/object_names.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
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

const PrivilegeKind kKinds[] = {
    {"has_table_privilege", {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}, FindTable, FindTableOid},
    {"has_any_column_privilege", {"SELECT", "INSERT", "UPDATE", "REFERENCES"}, FindTable, FindTableOid},
    {"has_sequence_privilege", {"USAGE", "SELECT", "UPDATE"}, FindSequence, FindSequenceOid},
    {"has_schema_privilege", {"CREATE", "USAGE"}, FindSchema, FindSchemaOid},
    {"has_database_privilege", {"CREATE", "CONNECT", "TEMPORARY", "TEMP"}, FindDatabase, FindDatabaseOid},
    {"has_type_privilege", {"USAGE"}, FindType, FindTypeOid},
    {"has_tablespace_privilege", {"CREATE"}, FindTablespace, FindTablespaceOid},
    {"has_language_privilege", {"USAGE"}, FindLanguage, FindLanguageOid},
    {"has_function_privilege", {"EXECUTE"}, FindFunction, FindFunctionOid},
    {"pg_has_role", {"MEMBER", "USAGE"}, FindRole, FindRoleOid},
};
const PrivilegeKind kColumnKind{"has_column_privilege", {"SELECT", "INSERT", "UPDATE", "REFERENCES"}, nullptr, nullptr};

// "SELECT, update WITH GRANT OPTION": a comma-separated list of the kind's privileges.
void CheckPrivileges(const PrivilegeKind& kind, const std::string& list) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item = ToUpper(Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    const std::string kGrant = " WITH GRANT OPTION";
    if (item.size() > kGrant.size() && item.compare(item.size() - kGrant.size(), kGrant.size(), kGrant) == 0)
      item = Trim(item.substr(0, item.size() - kGrant.size()));
    bool known = false;
    for (const char* p : kind.privileges) known |= item == p;
    if (!known)
      throw Error(sqlstate::kInvalidParameterValue,
                  "unrecognized privilege type: \"" + Trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)) + "\"");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

// Resolves the object (by name: an error when missing; by OID: false when missing).
bool FindObject(const PrivilegeKind& kind, EvalContext& ctx, const Value& object, const Type& type) {
  if (type.id == oid::kOid) return kind.find_oid(ctx, static_cast<uint32_t>(object.i()));
  kind.find_name(ctx, object.s());
  return true;
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
        bool found = FindObject(kind, ctx, a[0], obj);
        CheckPrivileges(kind, a[1].s());
        return found ? Value::Bool(true) : Value::Null();
      });
      for (const Type& user : {name, oid_t})
        Register(kind.function, {user, obj, text}, boolean, [&kind, obj, user](const std::vector<Value>& a, EvalContext& ctx) {
          if (user.id == oid::kName) FindRole(ctx, a[0].s());
          bool found = FindObject(kind, ctx, a[1], obj);
          CheckPrivileges(kind, a[2].s());
          return found ? Value::Bool(true) : Value::Null();
        });
    }
  }
  for (const Type& table : {text, oid_t})
    for (const Type& column : {text, Type(oid::kInt2)}) {
      Register("has_column_privilege", {table, column, text}, boolean, [table, column](const std::vector<Value>& a, EvalContext& ctx) {
        bool found = FindColumn(ctx, a[0], table, a[1], column);
        CheckPrivileges(kColumnKind, a[2].s());
        return found ? Value::Bool(true) : Value::Null();
      });
      for (const Type& user : {name, oid_t})
        Register("has_column_privilege", {user, table, column, text}, boolean,
                 [table, column, user](const std::vector<Value>& a, EvalContext& ctx) {
                   if (user.id == oid::kName) FindRole(ctx, a[0].s());
                   bool found = FindColumn(ctx, a[1], table, a[2], column);
                   CheckPrivileges(kColumnKind, a[3].s());
                   return found ? Value::Bool(true) : Value::Null();
                 });
    }
}

}  // namespace tusk
