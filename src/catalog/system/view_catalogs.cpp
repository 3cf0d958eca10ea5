// The catalogs that list views: pg_views, pg_matviews, and pg_rewrite (each view's and
// materialized view's _RETURN rule, which pg_dump's dependency sort goes through).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/session.hpp"
#include "views/definition.hpp"

namespace tusk {


void RegisterViewCatalogs() {
  Type nm(oid::kName), text(oid::kText), b(oid::kBool);
  SystemRelation views;
  views.oid = 12028;
  views.schema = "pg_catalog";
  views.name = "pg_views";
  views.kind = 'v';
  views.columns = {{"schemaname", nm}, {"viewname", nm}, {"viewowner", nm}, {"definition", text}};
  views.rows = [](ExecState& st, std::vector<Row>* rows) {
    std::vector<std::string> path = st.session ? st.session->SearchPath() : std::vector<std::string>{"public"};
    for (const auto& [oid, v] : st.catalog->views())
      rows->push_back({NameValue(v.schema), NameValue(v.name), NameValue(RoleNameOf(st, v.security.owner)),
                       Value::Str(ViewDefinitionText(*st.catalog, v, path))});
  };
  RegisterSystemRelation(std::move(views));

  SystemRelation matviews;
  matviews.oid = 12038;
  matviews.schema = "pg_catalog";
  matviews.name = "pg_matviews";
  matviews.kind = 'v';
  matviews.columns = {{"schemaname", nm}, {"matviewname", nm}, {"matviewowner", nm}, {"tablespace", nm},
                      {"hasindexes", b},  {"ispopulated", b},  {"definition", text}};
  matviews.rows = [](ExecState& st, std::vector<Row>* rows) {
    std::vector<std::string> path = st.session ? st.session->SearchPath() : std::vector<std::string>{"public"};
    for (const auto& [oid, t] : st.catalog->tables()) {
      if (!t.materialized) continue;
      rows->push_back({NameValue(t.schema), NameValue(t.name), NameValue(RoleNameOf(st, t.security.owner)), Value::Null(), Value::Bool(!t.indexes.empty()),
                       Value::Bool(t.materialized->populated), Value::Str(*RelationDefinitionText(*st.catalog, oid, path))});
    }
  };
  RegisterSystemRelation(std::move(matviews));

  // ev_action holds the view's query as Tusk keeps it (SQL text), not PostgreSQL's node tree.
  SystemRelation rewrite = ShapedCatalog(2618);
  rewrite.rows = [](ExecState& st, std::vector<Row>* rows) {
    auto add = [&](uint32_t rule, uint32_t rel, const std::string& sql) {
      rows->push_back({OidValue(rule), NameValue("_RETURN"), OidValue(rel), CharValue('1'), CharValue('O'), Value::Bool(true),
                       Value::Str("<>"), Value::Str(sql)});
    };
    for (const auto& [oid, v] : st.catalog->views()) add(v.rule_oid, oid, v.query_sql);
    for (const auto& [oid, t] : st.catalog->tables())
      if (t.materialized) add(t.materialized->rule_oid, oid, t.materialized->query_sql);
  };
  RegisterSystemRelation(std::move(rewrite));
}

}  // namespace tusk
