// DROP VIEW, renames that reach views, and the checks that keep views' queries valid.
#include "views/view_ddl.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "views/definition.hpp"
#include "views/dependencies.hpp"
#include "views/kept_queries.hpp"

namespace tusk {

void DropViewObject(ExecState* st, Catalog* cat, uint32_t oid, bool cascade, ResultSink* sink) {
  const ViewDef* v = cat->FindView(oid);
  std::string name = v->name;
  Dependents deps;
  deps.search_path = st->session->SearchPath();
  AddDependentViews(*cat, oid, "view " + name, &deps);
  DropDependents(st, cat, "view " + name, deps, cascade, sink);
  cat->DropView(oid);
}

void AlterViewOptions(Catalog* cat, uint32_t view, Node** options, size_t n_options, bool reset) {
  ViewDef* v = cat->MutableView(view);
  auto name_of = [](const std::string& option) { return option.substr(0, option.find('=')); };
  std::vector<std::string> changed;
  if (reset) {
    // PostgreSQL resets a name it does not know without a word.
    for (size_t i = 0; i < n_options; i++) changed.push_back(std::string(options[i]->def_elem->defname) + "=");
  } else {
    changed = ViewOptions(options, n_options);
  }
  for (const auto& c : changed) {
    auto& opts = v->options;
    opts.erase(std::remove_if(opts.begin(), opts.end(), [&](const std::string& o) { return name_of(o) == name_of(c); }), opts.end());
    if (!reset) opts.push_back(c);
  }
}

void RenameRelationInViews(Catalog* cat, uint32_t oid, const std::string& schema, const std::string& name,
                           const std::string& new_schema, const std::string& new_name) {
  std::vector<uint32_t> readers;
  ForEachKeptQuery(*cat, [&](const KeptQuery& q) {
    if (q.Reads(oid)) readers.push_back(q.oid);
  });
  for (uint32_t r : readers) {
    std::string* sql = MutableKeptQuery(cat, r).sql;
    *sql = RenameRelationInQuery(*sql, schema, name, new_schema, new_name);
  }
}

void RenameSchemaInViews(Catalog* cat, const std::string& schema, const std::string& new_name) {
  for (const auto& [oid, v] : cat->views())
    if (v.schema == schema) cat->MutableView(oid)->schema = new_name;
  std::vector<uint32_t> all;
  ForEachKeptQuery(*cat, [&](const KeptQuery& q) { all.push_back(q.oid); });
  for (uint32_t oid : all) {
    KeptQueryText text = MutableKeptQuery(cat, oid);
    for (auto& p : *text.search_path)
      if (p == schema) p = new_name;
    *text.sql = RenameSchemaInQuery(*text.sql, schema, new_name);
  }
}

const ViewDef* ViewReadingColumn(ExecState* st, const Catalog& cat, uint32_t relation, int column) {
  Dependents deps;
  AddViewsReadingColumn(st, cat, relation, column, "", &deps);
  return deps.views.empty() ? nullptr : cat.FindView(deps.views[0]);
}

void RenameColumnInViews(ExecState* st, Catalog* cat, uint32_t relation, int column, const std::string& new_name) {
  std::string schema = cat->SchemaOfRelation(relation), name = cat->RelationName(relation);
  const ViewDef* as_view = cat->FindView(relation);
  std::string old = as_view ? as_view->columns[static_cast<size_t>(column)].name
                            : cat->FindTable(relation)->columns[static_cast<size_t>(column)].name;
  Dependents readers;
  AddViewsReadingColumn(st, *cat, relation, column, "", &readers);
  auto rewrite = [&](std::string* sql, const std::string& reader) {
    auto renamed = RenameColumnInQuery(*sql, schema, name, old, new_name);
    if (!renamed)
      throw Error(sqlstate::kFeatureNotSupported, "renaming column " + old + " of " + name + " is not supported yet: the query of " +
                                                      reader + " does not name it unambiguously")
          .WithHint("Drop the view, rename the column, and create the view again.");
    *sql = *renamed;
  };
  // Only the views that read `relation` itself name the column; views over them are unchanged.
  std::vector<std::pair<uint32_t, std::string>> direct;
  ForEachKeptQuery(*cat, [&](const KeptQuery& q) {
    bool listed = std::find(readers.views.begin(), readers.views.end(), q.oid) != readers.views.end() ||
                  std::find(readers.matviews.begin(), readers.matviews.end(), q.oid) != readers.matviews.end();
    if (listed && q.Reads(relation)) direct.emplace_back(q.oid, q.Kind() + " " + q.name);
  });
  for (const auto& [oid, reader] : direct) rewrite(MutableKeptQuery(cat, oid).sql, reader);
}

void RenameViewColumn(ExecState* st, Catalog* cat, uint32_t view, const std::string& column, const std::string& new_name) {
  ViewDef* v = cat->MutableView(view);
  int index = -1;
  for (size_t i = 0; i < v->columns.size(); i++)
    if (v->columns[i].name == column) index = static_cast<int>(i);
  if (index < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + column + "\" does not exist");
  for (const auto& c : v->columns)
    if (c.name == new_name)
      throw Error(sqlstate::kDuplicateColumn, "column \"" + new_name + "\" of relation \"" + v->name + "\" already exists");
  RenameColumnInViews(st, cat, view, index, new_name);
  cat->MutableView(view)->columns[static_cast<size_t>(index)].name = new_name;
}

}  // namespace tusk
