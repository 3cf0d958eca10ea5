// pg_trigger: the triggers of tables and views (TableDef / ViewDef::triggers), as PostgreSQL 15 lists them.
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

void RegisterTriggerCatalog() {
  SystemRelation r;
  r.oid = 2620;
  r.schema = "pg_catalog";
  r.name = "pg_trigger";
  r.columns = {{"oid", Type(oid::kOid)},           {"tgrelid", Type(oid::kOid)},        {"tgparentid", Type(oid::kOid)},
               {"tgname", Type(oid::kName)},        {"tgfoid", Type(oid::kOid)},         {"tgtype", Type(oid::kInt2)},
               {"tgenabled", Type(oid::kChar)},     {"tgisinternal", Type(oid::kBool)},  {"tgconstrrelid", Type(oid::kOid)},
               {"tgconstrindid", Type(oid::kOid)},  {"tgconstraint", Type(oid::kOid)},   {"tgdeferrable", Type(oid::kBool)},
               {"tginitdeferred", Type(oid::kBool)}, {"tgnargs", Type(oid::kInt2)},      {"tgattr", Type(oid::kInt2Vector)},
               {"tgargs", Type(oid::kBytea)},       {"tgqual", Type(oid::kPgNodeTree)},  {"tgoldtable", Type(oid::kName)},
               {"tgnewtable", Type(oid::kName)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto add = [&](uint32_t toid, const std::vector<TriggerDef>& triggers) {
      for (const TriggerDef& g : triggers) {
        std::vector<Value> attrs;
        for (int c : g.columns) attrs.push_back(Value::Int(c + 1));
        std::string args;  // each argument followed by a zero byte
        for (const auto& a : g.args) args += a + std::string(1, '\0');
        rows->push_back({OidValue(g.oid), OidValue(toid), OidValue(g.parent), Value::Str(g.name), OidValue(g.function), Value::Int(g.type),
                         CharValue(g.enabled), Value::Bool(false), OidValue(0), OidValue(0), OidValue(0),
                         Value::Bool(false), Value::Bool(false), Value::Int(static_cast<int64_t>(g.args.size())),
                         Value::Array(std::move(attrs), 0), Value::Str(args),
                         g.when_sql.empty() ? Value::Null() : Value::Str(g.when_sql),
                         g.old_table.empty() ? Value::Null() : Value::Str(g.old_table),
                         g.new_table.empty() ? Value::Null() : Value::Str(g.new_table)});
      }
    };
    for (const auto& [toid, t] : st.catalog->tables()) add(toid, t.triggers);
    for (const auto& [view_oid, v] : st.catalog->views()) add(view_oid, v.triggers);
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace tusk
