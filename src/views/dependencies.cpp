#include "views/dependencies.hpp"

#include <algorithm>
#include <map>

#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

bool Reads(const std::vector<uint32_t>& relations, uint32_t oid) {
  return std::find(relations.begin(), relations.end(), oid) != relations.end();
}

bool Listed(const Dependents& d, uint32_t oid) {
  return std::find(d.views.begin(), d.views.end(), oid) != d.views.end() ||
         std::find(d.matviews.begin(), d.matviews.end(), oid) != d.matviews.end();
}

// "view v", or "view s.v" when the search_path does not reach it.
std::string Described(const Catalog& cat, const char* kind, uint32_t oid, const std::string& schema, const std::string& name,
                      const Dependents& out) {
  bool visible = true;
  if (!out.search_path.empty()) {
    auto found = cat.FindRelation("", name, EffectiveSearchPath(cat, out.search_path));
    visible = found && found->second == oid;
  }
  return std::string(kind) + " " + (visible ? name : schema + "." + name);
}

void AddView(const Catalog& cat, const ViewDef& v, const std::string& what, Dependents* out) {
  if (Listed(*out, v.oid)) return;
  out->views.push_back(v.oid);
  std::string me = Described(cat, "view", v.oid, v.schema, v.name, *out);
  out->Add(me + " depends on " + what, me, v.oid);
  AddDependentViews(cat, v.oid, me, out);
}

void AddMatview(const Catalog& cat, const TableDef& t, const std::string& what, Dependents* out) {
  if (Listed(*out, t.oid)) return;
  out->matviews.push_back(t.oid);
  std::string me = Described(cat, "materialized view", t.oid, t.schema, t.name, *out);
  out->Add(me + " depends on " + what, me, t.oid);
  AddDependentViews(cat, t.oid, me, out);
}

// Whether a view's query (SQL text bound along `path`) still plans against `cat`.
bool Plans(ExecState* st, const std::shared_ptr<const Catalog>& cat, const std::string& sql, const std::vector<std::string>& path) {
  ExecState probe = *st;
  probe.catalog = cat;
  ParamTypes params;
  Planner planner(&probe, &params);
  planner.binder().search_path_override = path;
  auto script = ParseSql(sql);
  try {
    planner.PlanSelect(script->statements.at(0).stmt, nullptr);
  } catch (const Error&) {
    return false;
  }
  return true;
}

}  // namespace

void AddDependentViews(const Catalog& cat, uint32_t oid, const std::string& what, Dependents* out) {
  // In OID order, as PostgreSQL's dependency scan meets them.
  std::map<uint32_t, bool> readers;  // OID -> materialized
  for (const auto& [vo, v] : cat.views())
    if (Reads(v.relations, oid)) readers[vo] = false;
  for (const auto& [to, t] : cat.tables())
    if (t.materialized && Reads(t.materialized->relations, oid)) readers[to] = true;
  for (const auto& [ro, materialized] : readers) {
    if (materialized) AddMatview(cat, *cat.FindTable(ro), what, out);
    else AddView(cat, *cat.FindView(ro), what, out);
  }
}

void AddViewsReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column, const std::string& what, Dependents* out) {
  auto without = std::make_shared<Catalog>(cat);
  if (TableDef* t = without->MutableTable(relation)) t->columns[static_cast<size_t>(column)].dropped = true;
  else if (ViewDef* v = without->MutableView(relation)) v->columns[static_cast<size_t>(column)].name = "";
  std::map<uint32_t, bool> readers;
  for (const auto& [vo, v] : cat.views())
    if (Reads(v.relations, relation) && !Plans(st, without, v.query_sql, v.search_path)) readers[vo] = false;
  for (const auto& [to, t] : cat.tables())
    if (t.materialized && Reads(t.materialized->relations, relation) &&
        !Plans(st, without, t.materialized->query_sql, t.materialized->search_path))
      readers[to] = true;
  for (const auto& [ro, materialized] : readers) {
    if (materialized) AddMatview(cat, *cat.FindTable(ro), what, out);
    else AddView(cat, *cat.FindView(ro), what, out);
  }
}

void AddViewsBrokenBy(ExecState* st, const Catalog& before, const std::shared_ptr<const Catalog>& after, const std::string& what,
                      Dependents* out) {
  std::map<uint32_t, bool> readers;
  for (const auto& [vo, v] : before.views())
    if (!Plans(st, after, v.query_sql, v.search_path)) readers[vo] = false;
  for (const auto& [to, t] : before.tables())
    if (t.materialized && !Plans(st, after, t.materialized->query_sql, t.materialized->search_path)) readers[to] = true;
  for (const auto& [ro, materialized] : readers) {
    if (materialized) AddMatview(before, *before.FindTable(ro), what, out);
    else AddView(before, *before.FindView(ro), what, out);
  }
}

void DropMaterializedStorage(ExecState* st, Catalog* cat, uint32_t oid) {
  for (uint32_t i : cat->FindTable(oid)->indexes) {
    cat->DropIndex(i);
    st->session->DropStorageOnCommit(i);
  }
  st->session->DropStorageOnCommit(oid);
  cat->DropTable(oid);
}

void DropDependents(ExecState* st, Catalog* cat, const std::string& object, const Dependents& deps, bool cascade, ResultSink* sink) {
  if (deps.empty()) return;
  if (!cascade)
    throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop " + object + " because other objects depend on it")
        .WithDetail(Join(deps.depends_lines, "\n"))
        .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
  if (!sink) {
  } else if (deps.cascade_names.size() == 1) {
    sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion, "drop cascades to " + deps.cascade_names[0], ""});
  } else {
    std::vector<std::string> lines;
    for (const auto& n : deps.cascade_names) lines.push_back("drop cascades to " + n);
    sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion,
                      "drop cascades to " + std::to_string(deps.cascade_names.size()) + " other objects", Join(lines, "\n")});
  }
  for (uint32_t v : deps.views) cat->DropView(v);
  for (uint32_t m : deps.matviews) DropMaterializedStorage(st, cat, m);
}

}  // namespace tusk
