#include "views/dependencies.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {

bool Reads(const ViewDef& v, uint32_t oid) {
  return std::find(v.relations.begin(), v.relations.end(), oid) != v.relations.end();
}

bool Listed(const Dependents& d, uint32_t oid) {
  return std::find(d.views.begin(), d.views.end(), oid) != d.views.end();
}

void AddView(const Catalog& cat, const ViewDef& v, const std::string& what, Dependents* out) {
  if (Listed(*out, v.oid)) return;
  out->views.push_back(v.oid);
  out->Add("view " + v.name + " depends on " + what, "view " + v.name);
  AddDependentViews(cat, v.oid, "view " + v.name, out);
}

// Whether view v's query still plans against `cat`.
bool Plans(ExecState* st, const std::shared_ptr<const Catalog>& cat, const ViewDef& v) {
  ExecState probe = *st;
  probe.catalog = cat;
  ParamTypes params;
  Planner planner(&probe, &params);
  auto script = ParseSql("SELECT * FROM " + QuoteIdent(v.schema) + "." + QuoteIdent(v.name));
  try {
    planner.PlanSelect(script->statements.at(0).stmt, nullptr);
  } catch (const Error&) {
    return false;
  }
  return true;
}

}  // namespace

void AddDependentViews(const Catalog& cat, uint32_t oid, const std::string& what, Dependents* out) {
  for (const auto& [vo, v] : cat.views())
    if (Reads(v, oid)) AddView(cat, v, what, out);
}

void AddViewsReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column, const std::string& what, Dependents* out) {
  auto without = std::make_shared<Catalog>(cat);
  if (TableDef* t = without->MutableTable(relation)) t->columns[static_cast<size_t>(column)].dropped = true;
  else if (ViewDef* v = without->MutableView(relation)) v->columns[static_cast<size_t>(column)].name = "";
  for (const auto& [vo, v] : cat.views())
    if (Reads(v, relation) && !Plans(st, without, v)) AddView(cat, v, what, out);
}

void DropDependents(ExecState* st, Catalog* cat, const std::string& object, const Dependents& deps, bool cascade, ResultSink* sink) {
  (void)st;
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
}

}  // namespace tusk
