// Views and materialized views both keep a query (ViewDef, TableDef::materialized): the text,
// the search_path it binds along, the relations it reads. Code that follows or rewrites those
// queries goes through here, so that it treats both kinds alike.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace tusk {

struct KeptQuery {
  uint32_t oid;  // the view's or materialized view's
  bool materialized;
  const std::string& name;
  const std::string& sql;
  const std::vector<std::string>& search_path;
  const std::vector<uint32_t>& relations;
  bool Reads(uint32_t relation) const;
  std::string Kind() const { return materialized ? "materialized view" : "view"; }
};

// Every kept query, in OID order (the order PostgreSQL's dependency scans meet them).
void ForEachKeptQuery(const Catalog& cat, const std::function<void(const KeptQuery&)>& f);

// The parts of view or materialized view `oid`'s kept query a rename rewrites.
struct KeptQueryText {
  std::string* sql;
  std::vector<std::string>* search_path;
};
KeptQueryText MutableKeptQuery(Catalog* cat, uint32_t oid);

}  // namespace tusk
