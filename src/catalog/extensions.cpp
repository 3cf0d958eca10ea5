#include "catalog/extensions.hpp"

namespace tusk {

const std::vector<AvailableExtension>& AvailableExtensions() {
  static const std::vector<AvailableExtension> all = {
      {"btree_gin", "1.3", true, "GIN operator classes for common data types"},
      {"btree_gist", "1.7", true, "GiST operator classes for common data types"},
      {"citext", "1.6", true, "case-insensitive text type"},
      {"fuzzystrmatch", "1.1", true, "similarity and distance between strings"},
      {"pg_stat_statements", "1.10", true, "statistics of the statements the server ran"},
      {"pg_trgm", "1.6", true, "trigram similarity of text and trigram indexes"},
      {"pgcrypto", "1.3", true, "cryptographic functions"},
      {"plpgsql", "1.0", false, "PL/pgSQL procedural language"},
      {"unaccent", "1.1", true, "text search dictionary that removes accents"},
      {"uuid-ossp", "1.1", true, "functions that generate UUIDs"},
      {"vector", "0.8.0", true, "vector data type with ivfflat and hnsw access methods"},
  };
  return all;
}

const AvailableExtension* FindAvailableExtension(const std::string& name) {
  for (const auto& e : AvailableExtensions())
    if (name == e.name) return &e;
  return nullptr;
}

}  // namespace tusk
