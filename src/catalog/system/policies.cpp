// pg_policy and pg_policies: each table's row-level security policies (security/row_security.hpp).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/deparse.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/session.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
const char* CommandName(char c) {
  switch (c) {
    case 'r': return "SELECT";
    case 'a': return "INSERT";
    case 'w': return "UPDATE";
    case 'd': return "DELETE";
    default: return "ALL";
  }
}

Value PolicyExpr(ExecState& st, const TableDef& t, const std::string& sql) {
  return sql.empty() ? Value::Null() : Value::Str(DeparseStoredExpr(&st, &t, sql, nullptr, false));
}
}  // namespace

void RegisterPolicyCatalogs() {
  SystemRelation r;
  r.oid = 3256;
  r.schema = "pg_catalog";
  r.name = "pg_policy";
  r.columns = {{"oid", Type(oid::kOid)},         {"polname", Type(oid::kName)},         {"polrelid", Type(oid::kOid)},
               {"polcmd", Type(oid::kChar)},     {"polpermissive", Type(oid::kBool)},   {"polroles", Type(oid::kOid, -1, true)},
               {"polqual", Type(oid::kPgNodeTree)}, {"polwithcheck", Type(oid::kPgNodeTree)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, t] : st.catalog->tables())
      for (const PolicyDef& p : t.row_security.policies) {
        std::vector<Value> roles;
        for (uint32_t role : p.roles) roles.push_back(OidValue(role));
        rows->push_back({OidValue(p.oid), NameValue(p.name), OidValue(oid), CharValue(p.command), Value::Bool(p.permissive),
                         Value::Array(std::move(roles)), p.using_sql.empty() ? Value::Null() : Value::Str(p.using_sql),
                         p.check_sql.empty() ? Value::Null() : Value::Str(p.check_sql)});
      }
  };
  RegisterSystemRelation(std::move(r));

  SystemRelation v;
  v.oid = 12018;
  v.schema = "pg_catalog";
  v.name = "pg_policies";
  v.kind = 'v';
  v.columns = {{"schemaname", Type(oid::kName)}, {"tablename", Type(oid::kName)}, {"policyname", Type(oid::kName)},
               {"permissive", Type(oid::kText)}, {"roles", Type(oid::kName, -1, true)}, {"cmd", Type(oid::kText)},
               {"qual", Type(oid::kText)},       {"with_check", Type(oid::kText)}};
  v.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, t] : st.catalog->tables())
      for (const PolicyDef& p : t.row_security.policies) {
        std::vector<std::string> names;
        for (uint32_t role : p.roles) names.push_back(role == 0 ? "public" : RoleNameOf(st, role));
        std::sort(names.begin(), names.end());
        std::vector<Value> roles;
        for (const auto& n : names) roles.push_back(NameValue(n));
        rows->push_back({NameValue(t.schema), NameValue(t.name), NameValue(p.name),
                         Value::Str(p.permissive ? "PERMISSIVE" : "RESTRICTIVE"), Value::Array(std::move(roles)),
                         Value::Str(CommandName(p.command)), PolicyExpr(st, t, p.using_sql), PolicyExpr(st, t, p.check_sql)});
      }
  };
  RegisterSystemRelation(std::move(v));
}

}  // namespace tusk
