// The catalogs that list views: pg_views, pg_matviews (none until materialized views land),
// and pg_rewrite (each view's _RETURN rule, which pg_dump's dependency sort goes through).
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
    std::string owner = OwnerName(st);
    std::vector<std::string> path = st.session ? st.session->SearchPath() : std::vector<std::string>{"public"};
    for (const auto& [oid, v] : st.catalog->views())
      rows->push_back({NameValue(v.schema), NameValue(v.name), NameValue(owner), Value::Str(ViewDefinitionText(*st.catalog, v, path))});
  };
  RegisterSystemRelation(std::move(views));

  SystemRelation matviews;
  matviews.oid = 12038;
  matviews.schema = "pg_catalog";
  matviews.name = "pg_matviews";
  matviews.kind = 'v';
  matviews.columns = {{"schemaname", nm}, {"matviewname", nm}, {"matviewowner", nm}, {"tablespace", nm},
                      {"hasindexes", b},  {"ispopulated", b},  {"definition", text}};
  matviews.rows = [](ExecState&, std::vector<Row>*) {};
  RegisterSystemRelation(std::move(matviews));

  // ev_action holds the view's query as Tusk keeps it (SQL text), not PostgreSQL's node tree.
  SystemRelation rewrite = ShapedCatalog(2618);
  rewrite.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, v] : st.catalog->views())
      rows->push_back({OidValue(v.rule_oid), NameValue("_RETURN"), OidValue(v.oid), CharValue('1'), CharValue('O'), Value::Bool(true),
                       Value::Str("<>"), Value::Str(v.query_sql)});
  };
  RegisterSystemRelation(std::move(rewrite));
}

}  // namespace tusk
