// UPDATE pg_settings SET setting = value [WHERE ...]: PostgreSQL's pg_settings has a rule that
// turns it into SELECT set_config(name, value, false) FROM pg_settings WHERE ..., one result row
// per setting changed. Tusk runs that query.
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"

namespace tusk {

bool IsSettingsViewUpdate(PgQuery__UpdateStmt* stmt, ExecState* st) {
  // Every UPDATE asks (prepared ones at each execution): answer by name before resolving.
  if (std::string_view(stmt->relation->relname) != "pg_settings") return false;
  ParamTypes params;
  Planner planner(st, &params);
  const SystemRelation* sys = planner.ResolveSystem(stmt->relation);
  return sys && sys->schema == "pg_catalog" && sys->name == "pg_settings";
}

void ExecuteSettingsUpdate(PgQuery__UpdateStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (stmt->n_from_clause || stmt->n_returning_list || stmt->with_clause)
    throw Error(sqlstate::kFeatureNotSupported, "UPDATE of pg_settings supports SET and WHERE only");
  std::string alias = stmt->relation->alias ? QuoteIdent(stmt->relation->alias->aliasname) : "pg_settings";
  // Each row's new setting: the SET expression for "setting", else its current value.
  std::string value = alias + ".setting";
  for (size_t i = 0; i < stmt->n_target_list; i++) {
    auto* rt = stmt->target_list[i]->res_target;
    std::string column = rt->name;
    const SystemRelation* sys = FindSystemRelation("pg_catalog", "pg_settings");
    bool known = false;
    for (const auto& c : sys->columns) known |= c.name == column;
    if (!known)
      throw Error(sqlstate::kUndefinedColumn, "column \"" + column + "\" of relation \"pg_settings\" does not exist")
          .WithPosition(rt->location + 1);
    if (column == "setting") value = DeparseExpr(rt->val);
  }
  std::string sql = "SELECT pg_catalog.set_config(" + alias + ".name, " + value + ", false) FROM pg_catalog.pg_settings";
  if (stmt->relation->alias) sql += " AS " + alias;
  if (stmt->where_clause) sql += " WHERE " + DeparseExpr(stmt->where_clause);
  auto script = ParseSql(sql);
  if (st->describe_only) {  // Describe (extended protocol): parameter types and row shape only
    Planner planner(st, params);
    sink->Columns(planner.PlanSelect(script->statements[0].stmt, nullptr).columns);
    return;
  }
  // The rows go to the client as the SELECT makes them; the command tag stays UPDATE's, with
  // no table rows changed ("UPDATE 0"), as PostgreSQL's rule gives.
  struct AsUpdate : ResultSink {
    ResultSink* out;
    explicit AsUpdate(ResultSink* o) : out(o) { held = o->held; }
    void Columns(const std::vector<ColumnInfo>& cols) override { out->Columns(cols); }
    void AddRow(const Row& row) override { out->AddRow(row); }
    void Complete(const std::string&) override { out->Complete("UPDATE 0"); }
    void SendNotice(const Notice& n) override { out->SendNotice(n); }
  } as_update(sink);
  ExecuteSelect(script->statements[0].stmt, st, params, &as_update);
}

}  // namespace tusk
