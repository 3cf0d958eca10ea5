// Catalog::RenumberRelations: a template's catalog made into a new database's. Relation OIDs
// are storage key prefixes (common/keycodec.hpp) shared by every database of the data
// directory, so a copy's tables, indexes and sequences need OIDs of their own; everything that
// names a relation by OID follows. Stored SQL text (defaults, view queries, function bodies)
// names relations by name and stays as it is.
#include "catalog/catalog.hpp"

namespace tusk {

namespace {
using OidMap = std::map<uint32_t, uint32_t>;

void Follow(const OidMap& renumbered, uint32_t* oid) {
  auto it = renumbered.find(*oid);
  if (it != renumbered.end()) *oid = it->second;
}

void Follow(const OidMap& renumbered, std::vector<uint32_t>* oids) {
  for (uint32_t& oid : *oids) Follow(renumbered, &oid);
}

template <typename Def>
std::map<uint32_t, Def> Rekeyed(std::map<uint32_t, Def> defs, const OidMap& renumbered) {
  std::map<uint32_t, Def> out;
  for (auto& [oid, def] : defs) {
    Follow(renumbered, &def.oid);
    out.emplace(def.oid, std::move(def));
  }
  return out;
}
}  // namespace

std::map<uint32_t, uint32_t> Catalog::RenumberRelations() {
  OidMap renumbered;
  for (const auto& [oid, t] : tables_)
    if (!t.composite) renumbered[oid] = AllocateOid();  // a composite type has no rows
  for (const auto& [oid, i] : indexes_) renumbered[oid] = AllocateOid();
  for (const auto& [oid, s] : sequences_) renumbered[oid] = AllocateOid();

  tables_ = Rekeyed(std::move(tables_), renumbered);
  for (auto& [oid, t] : tables_) {
    Follow(renumbered, &t.indexes);
    Follow(renumbered, &t.pk_index);
    for (ConstraintDef& c : t.constraints) {
      Follow(renumbered, &c.index);
      Follow(renumbered, &c.ref_table);
    }
    if (t.materialized) Follow(renumbered, &t.materialized->relations);
    Follow(renumbered, &t.partition_parent);
  }
  indexes_ = Rekeyed(std::move(indexes_), renumbered);
  for (auto& [oid, i] : indexes_) Follow(renumbered, &i.table);
  sequences_ = Rekeyed(std::move(sequences_), renumbered);
  for (auto& [oid, s] : sequences_) Follow(renumbered, &s.owner_table);
  for (auto& [oid, v] : views_) Follow(renumbered, &v.relations);

  std::map<CommentKey, std::string> comments;
  for (auto& [key, text] : comments_) {
    auto [class_id, object, sub] = key;
    if (class_id == class_oid::kPgClass) Follow(renumbered, &object);
    comments.emplace(CommentKey{class_id, object, sub}, std::move(text));
  }
  comments_ = std::move(comments);
  return renumbered;
}

}  // namespace tusk
