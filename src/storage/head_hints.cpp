#include "storage/head_hints.hpp"

#include "common/keycodec.hpp"

namespace tusk {

namespace {
// The relation oid of a relation key ("r" + oid, 4 bytes big-endian, + rest).
bool RelationOf(const std::string& key, uint32_t* rel) {
  if (key.size() < 5 || key[0] != 'r') return false;
  *rel = 0;
  for (int i = 1; i <= 4; i++) *rel = (*rel << 8) | static_cast<unsigned char>(key[i]);
  return true;
}
}  // namespace

HeadHints::Relation* HeadHints::Find(uint32_t rel, bool create) {
  std::lock_guard<std::mutex> lock(map_mu_);
  auto it = relations_.find(rel);
  if (it != relations_.end()) return it->second.get();
  if (!create) return nullptr;
  return relations_.emplace(rel, std::make_unique<Relation>()).first->second.get();
}

void HeadHints::NotePut(Writer* writer, const std::string& key) {
  uint32_t rel;
  if (!RelationOf(key, &rel)) return;
  Writer::Entry* entry = nullptr;
  for (auto& e : writer->entries_)
    if (e.rel == rel) entry = &e;
  // At or above this writer's smallest key: any hint was capped by that key, nothing to do.
  if (entry && key >= *entry->min) return;
  Relation* r = entry ? entry->relation : Find(rel, true);
  std::lock_guard<std::mutex> lock(r->mu);
  if (entry) r->writer_mins.erase(entry->min);
  auto min = r->writer_mins.insert(key);
  if (entry) entry->min = min;
  else writer->entries_.push_back({rel, r, min});
  if (r->has_hint && key < r->hint) r->has_hint = false;
}

void HeadHints::EndWriter(Writer* writer) {
  for (auto& e : writer->entries_) {
    std::lock_guard<std::mutex> lock(e.relation->mu);
    Relation* r = e.relation;
    if (r->learning && (!r->has_floor || *e.min < r->floor)) {
      r->floor = *e.min;
      r->has_floor = true;
    }
    r->writer_mins.erase(e.min);
  }
  writer->entries_.clear();
}

void HeadHints::NoteDeletes(uint32_t rel, uint64_t n) {
  Relation* r = Find(rel, true);
  std::lock_guard<std::mutex> lock(r->mu);
  r->deletes += n;
}

void HeadHints::AdvanceStart(rocksdb::DB* db, uint32_t rel, rocksdb::SequenceNumber seq, std::string* start) {
  Relation* r = Find(rel, false);
  if (!r) return;
  bool learn;
  std::string from;
  {
    std::lock_guard<std::mutex> lock(r->mu);
    learn = !r->learning && r->deletes >= kLearnAfterDeletes;
    if (learn) {
      r->learning = true;
      r->has_floor = false;
      r->deletes = 0;
      if (r->has_hint) from = r->hint;
    }
  }
  if (learn) Learn(db, rel, r, from);
  std::lock_guard<std::mutex> lock(r->mu);
  // seq 0 reads the latest data, which is newer than any hint.
  if (r->has_hint && (seq == 0 || seq >= r->hint_seq) && r->hint > *start) *start = r->hint;
}

void HeadHints::Learn(rocksdb::DB* db, uint32_t rel, Relation* r, const std::string& from) {
  // The snapshot is taken after `learning` was set: a writer that ends from here on lowers the
  // floor; one that ended before had committed before the snapshot, which therefore sees its keys.
  // The search starts at the hint still standing when learning began (`from`), not at the
  // relation's first key: nothing below it is visible to the newer snapshot, since a Put below
  // it announced before then would have cleared it, and one announced since caps the result. So
  // each learning steps only over the deletions since the last hint, not over every tombstone
  // since the last compaction.
  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  std::string prefix = RelationPrefix(rel), end = PrefixSuccessor(prefix);
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  rocksdb::Slice upper(end);
  ro.iterate_upper_bound = &upper;
  std::string first = end;  // an empty relation: nothing below its end
  bool ok;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro));
    it->Seek(from.empty() ? prefix : from);
    if (it->Valid()) first = it->key().ToString();
    ok = it->status().ok();
  }
  std::lock_guard<std::mutex> lock(r->mu);
  r->learning = false;
  if (ok) {
    if (!r->writer_mins.empty() && *r->writer_mins.begin() < first) first = *r->writer_mins.begin();
    if (r->has_floor && r->floor < first) first = r->floor;
    r->hint = first;
    r->hint_seq = snapshot->GetSequenceNumber();
    r->has_hint = true;
  }
  db->ReleaseSnapshot(snapshot);
}

}  // namespace tusk
