#include "views/kept_queries.hpp"

#include <algorithm>
#include <map>

namespace tusk {

bool KeptQuery::Reads(uint32_t relation) const {
  return std::find(relations.begin(), relations.end(), relation) != relations.end();
}

void ForEachKeptQuery(const Catalog& cat, const std::function<void(const KeptQuery&)>& f) {
  std::map<uint32_t, bool> owners;  // OID -> materialized
  for (const auto& [oid, v] : cat.views()) owners[oid] = false;
  for (const auto& [oid, t] : cat.tables())
    if (t.materialized) owners[oid] = true;
  for (const auto& [oid, materialized] : owners) {
    if (materialized) {
      const TableDef* t = cat.FindTable(oid);
      f({oid, true, t->name, t->materialized->query_sql, t->materialized->search_path, t->materialized->relations});
    } else {
      const ViewDef* v = cat.FindView(oid);
      f({oid, false, v->name, v->query_sql, v->search_path, v->relations});
    }
  }
}

KeptQueryText MutableKeptQuery(Catalog* cat, uint32_t oid) {
  if (ViewDef* v = cat->MutableView(oid)) return {&v->query_sql, &v->search_path};
  MaterializedDef& m = *cat->MutableTable(oid)->materialized;
  return {&m.query_sql, &m.search_path};
}

}  // namespace tusk
