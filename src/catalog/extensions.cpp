#include "catalog/extensions.hpp"

#include <string_view>

namespace tusk {

const std::vector<AvailableExtension>& AvailableExtensions() {
  static const std::vector<AvailableExtension> all = {
      {"btree_gin", "1.3", true, "support for indexing common datatypes in GIN", ""},
      {"btree_gist", "1.7", true, "support for indexing common datatypes in GiST", ""},
      {"citext", "1.6", true, "data type for case-insensitive character strings", ""},
      {"fuzzystrmatch", "1.1", true, "determine similarities and distance between strings", "levenshtein levenshtein_less_equal soundex difference metaphone dmetaphone dmetaphone_alt"},
      {"pg_stat_statements", "1.10", true, "track planning and execution statistics of all SQL statements executed", "pg_stat_statements pg_stat_statements_reset pg_stat_statements_info"},
      {"pg_trgm", "1.6", true, "text similarity measurement and index searching based on trigrams", "similarity show_trgm word_similarity strict_word_similarity show_limit set_limit similarity_dist word_similarity_dist_op"},
      {"pgcrypto", "1.3", true, "cryptographic functions", "digest hmac crypt gen_salt encrypt decrypt encrypt_iv decrypt_iv gen_random_bytes pgp_sym_encrypt pgp_sym_decrypt pgp_pub_encrypt pgp_pub_decrypt pgp_key_id armor dearmor pgp_armor_headers"},
      {"plpgsql", "1.0", false, "PL/pgSQL procedural language", ""},
      {"unaccent", "1.1", true, "text search dictionary that removes accents", "unaccent"},
      {"uuid-ossp", "1.1", true, "generate universally unique identifiers (UUIDs)", "uuid_nil uuid_ns_dns uuid_ns_url uuid_ns_oid uuid_ns_x500 uuid_generate_v1 uuid_generate_v1mc uuid_generate_v3 uuid_generate_v4 uuid_generate_v5"},
      {"vector", "0.8.0", true, "vector data type and ivfflat and hnsw access methods", "l2_distance inner_product cosine_distance l1_distance vector_dims vector_norm l2_normalize binary_quantize subvector"},
  };
  return all;
}

const AvailableExtension* ExtensionOfFunction(const std::string& function) {
  for (const auto& e : AvailableExtensions()) {
    std::string_view list = e.functions;
    while (!list.empty()) {
      size_t sp = list.find(' ');
      if (list.substr(0, sp) == function) return &e;
      if (sp == std::string_view::npos) break;
      list.remove_prefix(sp + 1);
    }
  }
  return nullptr;
}

const AvailableExtension* FindAvailableExtension(const std::string& name) {
  for (const auto& e : AvailableExtensions())
    if (name == e.name) return &e;
  return nullptr;
}

}  // namespace tusk
