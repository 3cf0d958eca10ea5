#include "views/dependencies.hpp"

#include <functional>

#include <algorithm>
#include <map>

#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "views/kept_queries.hpp"

namespace tusk {

namespace {

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

namespace {
// The views and materialized views `depends` picks, each with what reads it in turn.
void AddReaders(const Catalog& cat, const std::function<bool(const KeptQuery&)>& depends, const std::string& what, Dependents* out) {
  std::vector<std::pair<uint32_t, bool>> readers;
  ForEachKeptQuery(cat, [&](const KeptQuery& q) {
    if (depends(q)) readers.emplace_back(q.oid, q.materialized);
  });
  for (const auto& [oid, materialized] : readers) {
    if (materialized) AddMatview(cat, *cat.FindTable(oid), what, out);
    else AddView(cat, *cat.FindView(oid), what, out);
  }
}
}  // namespace

void AddDependentViews(const Catalog& cat, uint32_t oid, const std::string& what, Dependents* out) {
  AddReaders(cat, [&](const KeptQuery& q) { return q.Reads(oid); }, what, out);
}

void AddViewsReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column, const std::string& what, Dependents* out) {
  auto without = std::make_shared<Catalog>(cat);
  if (TableDef* t = without->MutableTable(relation)) t->columns[static_cast<size_t>(column)].dropped = true;
  else if (ViewDef* v = without->MutableView(relation)) v->columns[static_cast<size_t>(column)].name = "";
  AddReaders(cat, [&](const KeptQuery& q) { return q.Reads(relation) && !Plans(st, without, q.sql, q.search_path); }, what, out);
}

void AddViewsBrokenBy(ExecState* st, const Catalog& before, const std::shared_ptr<const Catalog>& after, const std::string& what,
                      Dependents* out) {
  AddReaders(before, [&](const KeptQuery& q) { return !Plans(st, after, q.sql, q.search_path); }, what, out);
}

void Dependents::SortByObject() {
  std::vector<size_t> order(depends_lines.size());
  for (size_t i = 0; i < order.size(); i++) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return line_objects[a] < line_objects[b]; });
  Dependents sorted;
  for (size_t i : order) sorted.Add(depends_lines[i], cascade_names[i], line_objects[i]);
  depends_lines = std::move(sorted.depends_lines);
  cascade_names = std::move(sorted.cascade_names);
  line_objects = std::move(sorted.line_objects);
}

namespace {
bool OfRowType(const Type& t, uint32_t rowtype_oid) { return t.record && t.record->type_oid == rowtype_oid; }
}  // namespace

void AddColumnsOfRowType(const Catalog& cat, uint32_t rowtype_oid, const std::string& type_name, Dependents* out) {
  for (int pass = 0; pass < 2; pass++)  // table columns, then composite types' attributes (PostgreSQL's order)
    for (const auto& [oid, t] : cat.tables()) {
      if (t.composite != (pass == 1) || t.rowtype_oid == rowtype_oid) continue;
      for (size_t i = t.columns.size(); i-- > 0;) {
        const ColumnDef& c = t.columns[i];
        if (c.dropped || !OfRowType(c.type, rowtype_oid)) continue;
        std::string me = "column " + c.name + " of " + (t.composite ? "composite type " : "table ") + t.name;
        out->attributes.emplace_back(oid, static_cast<int>(i));
        out->Add(me + " depends on type " + type_name + (c.type.array ? "[]" : ""), me, oid);
      }
    }
}

bool HoldsRowType(const Type& t, uint32_t rowtype_oid) {
  if (!t.record) return false;
  if (t.record->type_oid == rowtype_oid) return true;
  for (const Type& f : t.record->types)
    if (HoldsRowType(f, rowtype_oid)) return true;
  return false;
}

std::string StoredColumnOfRowType(const Catalog& cat, uint32_t rowtype_oid) {
  // PostgreSQL finds the columns of the type's array type first (its dependency is the oldest)
  for (bool arrays : {true, false})
    for (const auto& [oid, t] : cat.tables()) {
      if (t.composite) continue;
      for (const ColumnDef& c : t.columns)
        if (!c.dropped && HoldsRowType(c.type, rowtype_oid) && (!arrays || (c.type.array && c.type.record->type_oid == rowtype_oid)))
          return t.name + "." + c.name;
    }
  return "";
}

void AddTriggersCalling(const Catalog& cat, uint32_t function, const std::string& what, Dependents* out) {
  auto add = [&](const char* kind, uint32_t oid, const std::string& schema, const std::string& name, const std::vector<TriggerDef>& triggers) {
    for (const TriggerDef& g : triggers)
      if (g.function == function) {
        std::string me = "trigger " + g.name + " on " + Described(cat, kind, oid, schema, name, *out);
        out->triggers.emplace_back(oid, g.name);
        out->Add(me + " depends on " + what, me);
      }
  };
  for (const auto& [oid, t] : cat.tables()) add("table", oid, t.schema, t.name, t.triggers);
  for (const auto& [oid, v] : cat.views()) add("view", oid, v.schema, v.name, v.triggers);
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
  for (const auto& [table, position] : deps.attributes) {
    const TableDef* t = cat->FindTable(table);
    if (!t || t->composite) continue;
    const std::string& name = t->columns[static_cast<size_t>(position)].name;
    for (uint32_t io : t->indexes)
      for (const auto& ic : cat->FindIndex(io)->columns)
        if (ic.column == position || (ic.column < 0 && ic.expr_sql.find(name) != std::string::npos))
          throw Error(sqlstate::kFeatureNotSupported, "dropping column \"" + name + "\" of table \"" + t->name + "\" with an index on it by CASCADE is not supported yet");
    for (const auto& c : t->constraints)
      if (std::find(c.columns.begin(), c.columns.end(), position) != c.columns.end() || (c.kind == 'c' && c.check_sql.find(name) != std::string::npos))
        throw Error(sqlstate::kFeatureNotSupported, "dropping column \"" + name + "\" of table \"" + t->name + "\" with a constraint on it by CASCADE is not supported yet");
  }
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
  for (const auto& trigger : deps.triggers) {
    if (std::vector<TriggerDef>* triggers = cat->MutableTriggers(trigger.first))
      std::erase_if(*triggers, [&](const TriggerDef& g) { return g.name == trigger.second; });
  }
  for (uint32_t f : deps.functions) cat->DropFunction(f);
  // a dropped column or attribute keeps its slot in stored values, as ALTER TABLE DROP COLUMN leaves it
  for (const auto& [type, position] : deps.attributes)
    if (TableDef* t = cat->MutableTable(type)) {
      t->columns[static_cast<size_t>(position)].dropped = true;
      t->columns[static_cast<size_t>(position)].name = "........pg.dropped." + std::to_string(position + 1) + "........";
    }
}

}  // namespace tusk
