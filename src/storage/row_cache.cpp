#include "storage/row_cache.hpp"

#include <algorithm>
#include <mutex>

namespace tusk {

namespace {
// A relation that a commit writes more keys of than this is forgotten whole rather than key by
// key: a bulk load would otherwise copy every key it wrote.
constexpr size_t kMostKeysErased = 4096;
// Per-key commit records kept per relation before the settled ones are forgotten: more for a
// relation with rows in the cache, a few for others (indexes, tables nobody reads by key), so
// that writing many relations does not hold many records. Forgetting is always safe.
constexpr size_t kKeyWritesKept = 8192;
constexpr size_t kKeyWritesKeptUncached = 64;

uint32_t ReadUint32BE(const char* p) {
  return (uint32_t(uint8_t(p[0])) << 24) | (uint32_t(uint8_t(p[1])) << 16) | (uint32_t(uint8_t(p[2])) << 8) |
         uint32_t(uint8_t(p[3]));
}

}  // namespace

bool RowCache::RelationOf(std::string_view key, uint32_t* relation) {
  if (key.size() < 5 || key[0] != 'r') return false;
  *relation = ReadUint32BE(key.data() + 1);
  return true;
}

RowCache::Relation* RowCache::Find(uint32_t relation) {
  auto it = relations_.find(relation);
  return it == relations_.end() ? nullptr : it->second.get();
}

RowCache::Relation* RowCache::FindOrAdd(uint32_t relation) {
  {
    std::shared_lock<std::shared_mutex> lock(relations_mu_);
    if (Relation* r = Find(relation)) return r;
  }
  std::unique_lock<std::shared_mutex> lock(relations_mu_);
  auto& slot = relations_[relation];
  if (!slot) slot = std::make_unique<Relation>();
  return slot.get();
}

size_t RowCache::Lookup(size_t n, const rocksdb::Slice* keys, uint64_t snapshot, rocksdb::PinnableSlice* values,
                        rocksdb::Status* statuses, bool* want) {
  size_t found = 0, asked = 0;
  std::shared_lock<std::shared_mutex> relations(relations_mu_);
  // The keys are looked up in runs of one relation, in three passes over each run: the hashes
  // (asking for their slots), the slots (asking for their rows), then the rows. A batch's
  // cache misses overlap instead of following one another.
  constexpr size_t kRun = 64;
  uint64_t hashes[kRun];
  const RowTable::Row* rows[kRun];
  size_t at[kRun];
  for (size_t i = 0; i < n;) {
    uint32_t rel;
    if (!want[i] || !RelationOf(std::string_view(keys[i].data(), keys[i].size()), &rel)) {
      i++;
      continue;
    }
    Relation* r = Find(rel);
    size_t run = 0;
    for (; i < n && run < kRun; i++) {
      uint32_t next;
      if (!want[i]) continue;
      if (!RelationOf(std::string_view(keys[i].data(), keys[i].size()), &next)) continue;
      if (next != rel) break;
      at[run++] = i;
    }
    asked += run;
    if (!r) continue;
    std::shared_lock<std::shared_mutex> lock(r->mu);
    if (r->rows.empty()) continue;
    for (size_t k = 0; k < run; k++) {
      hashes[k] = RowTable::Hash(std::string_view(keys[at[k]].data(), keys[at[k]].size()));
      r->rows.Prefetch(hashes[k]);
    }
    for (size_t k = 0; k < run; k++) {
      rows[k] = r->rows.Find(std::string_view(keys[at[k]].data(), keys[at[k]].size()), hashes[k]);
      if (rows[k]) __builtin_prefetch(rows[k]);
    }
    for (size_t k = 0; k < run; k++) {
      const RowTable::Row* row = rows[k];
      if (!row || row->valid_from > snapshot) continue;
      const std::string_view bytes = row->row();
      values[at[k]].PinSelf(rocksdb::Slice(bytes.data(), bytes.size()));
      statuses[at[k]] = rocksdb::Status::OK();
      want[at[k]] = false;
      found++;
    }
  }
  hits_.fetch_add(found, std::memory_order_relaxed);
  misses_.fetch_add(asked - found, std::memory_order_relaxed);
  return found;
}

void RowCache::Insert(size_t n, const rocksdb::Slice* keys, const rocksdb::PinnableSlice* values, const bool* add,
                      uint64_t snapshot) {
  if (budget_ == 0) return;
  size_t i = 0;
  while (i < n) {
    uint32_t rel;
    if (!add[i] || !RelationOf(std::string_view(keys[i].data(), keys[i].size()), &rel)) {
      i++;
      continue;
    }
    Relation* r = FindOrAdd(rel);
    std::shared_lock<std::shared_mutex> relations(relations_mu_);
    if (everything_inflight_ > 0 || everything_last_commit_ > snapshot) return;
    auto current = [&] { return r->inflight == 0 && r->last_commit <= snapshot && r->forgotten_commit <= snapshot; };
    {
      // A relation written since the snapshot (the usual case for one written by many clients)
      // takes nothing: found under the shared lock, so such readers do not queue for the
      // exclusive one.
      std::shared_lock<std::shared_mutex> look(r->mu);
      if (!current()) {
        auto in_run = [&](size_t j) {
          uint32_t next;
          return !add[j] || (RelationOf(std::string_view(keys[j].data(), keys[j].size()), &next) && next == rel);
        };
        while (i < n && in_run(i)) i++;
        continue;
      }
    }
    std::unique_lock<std::shared_mutex> lock(r->mu);
    const bool relation_current = current();
    // This relation's run of keys: added when current, skipped otherwise.
    for (; i < n; i++) {
      if (!add[i]) continue;
      uint32_t next;
      if (!RelationOf(std::string_view(keys[i].data(), keys[i].size()), &next) || next != rel) break;
      if (!relation_current || !Current(*r, std::string_view(keys[i].data(), keys[i].size()), snapshot)) continue;
      const std::string_view key(keys[i].data(), keys[i].size());
      // Not added when another reader was first: its entry is as good.
      const size_t cost =
          r->rows.Insert(key, RowTable::Hash(key), std::string_view(values[i].data(), values[i].size()), snapshot);
      r->bytes += cost;
      bytes_.fetch_add(cost, std::memory_order_relaxed);
    }
    if (bytes_.load(std::memory_order_relaxed) > budget_) Evict(r);
  }
}

bool RowCache::Current(const Relation& r, std::string_view key, uint64_t snapshot) {
  auto it = r.key_writes.find(key);
  return it == r.key_writes.end() || (it->second.inflight == 0 && it->second.last_commit <= snapshot);
}

void RowCache::Erase(Relation* r, std::string_view key) {
  const size_t cost = r->rows.Erase(key, RowTable::Hash(key));
  r->bytes -= cost;
  bytes_.fetch_sub(cost, std::memory_order_relaxed);
}

void RowCache::Clear(Relation* r) {
  bytes_.fetch_sub(r->bytes, std::memory_order_relaxed);
  r->bytes = 0;
  r->rows.Clear();
}

void RowCache::Evict(Relation* r) {
  // Random replacement: rows from a hand that moves on through the slots, in the relation that
  // grows first, then in others that are not busy (try_lock: the caller holds r's lock).
  auto evict_from = [&](Relation* from) {
    const size_t now = bytes_.load(std::memory_order_relaxed), over = now > budget_ ? now - budget_ : 0;
    const size_t freed = from->rows.Evict(&from->evict_hand, [&](size_t freed) { return freed >= over; });
    from->bytes -= freed;
    bytes_.fetch_sub(freed, std::memory_order_relaxed);
  };
  evict_from(r);
  if (bytes_.load(std::memory_order_relaxed) <= budget_) return;
  for (auto& [oid, other] : relations_) {
    if (other.get() == r) continue;
    std::unique_lock<std::shared_mutex> lock(other->mu, std::try_to_lock);
    if (!lock.owns_lock()) continue;
    evict_from(other.get());
    if (bytes_.load(std::memory_order_relaxed) <= budget_) return;
  }
}

// What a batch writes, relation by relation: the keys of Put / Delete / SingleDelete / Merge,
// and range deletes. A transaction writes a relation's keys in runs, so the relation seen last
// is tried first.
class RowCache::CommitGuard::Collector : public rocksdb::WriteBatch::Handler {
 public:
  explicit Collector(CommitGuard* g) : g_(g) {}
  rocksdb::Status PutCF(uint32_t, const rocksdb::Slice& key, const rocksdb::Slice&) override { return Key(key); }
  rocksdb::Status DeleteCF(uint32_t, const rocksdb::Slice& key) override { return Key(key); }
  rocksdb::Status SingleDeleteCF(uint32_t, const rocksdb::Slice& key) override { return Key(key); }
  rocksdb::Status MergeCF(uint32_t, const rocksdb::Slice& key, const rocksdb::Slice&) override { return Key(key); }
  rocksdb::Status DeleteRangeCF(uint32_t, const rocksdb::Slice& begin, const rocksdb::Slice& end) override {
    const std::string_view b(begin.data(), begin.size()), e(end.data(), end.size());
    if (b >= "s" || e <= "r") return rocksdb::Status::OK();  // no relation key in [b, e)
    uint32_t rel;
    // One relation's keys: [r+oid..., r+(oid+1)) at most.
    if (RelationOf(b, &rel) && rel != UINT32_MAX) {
      std::string next = "r";
      for (int shift = 24; shift >= 0; shift -= 8) next += char((rel + 1) >> shift);
      if (e <= std::string_view(next)) {
        Of(rel).whole = true;
        return rocksdb::Status::OK();
      }
    }
    g_->everything_ = true;
    return rocksdb::Status::OK();
  }
  rocksdb::Status MarkNoop(bool) override { return rocksdb::Status::OK(); }

 private:
  Written& Of(uint32_t rel) {
    if (last_ < g_->written_.size() && g_->written_[last_].relation == rel) return g_->written_[last_];
    for (last_ = 0; last_ < g_->written_.size(); last_++)
      if (g_->written_[last_].relation == rel) return g_->written_[last_];
    g_->written_.push_back(Written{rel, nullptr, false, {}});
    return g_->written_.back();
  }
  rocksdb::Status Key(const rocksdb::Slice& key) {
    uint32_t rel;
    if (!RelationOf(std::string_view(key.data(), key.size()), &rel)) return rocksdb::Status::OK();
    Written& w = Of(rel);
    if (w.whole) return rocksdb::Status::OK();
    if (w.keys.size() == kMostKeysErased) {
      w.whole = true;
      w.keys = {};
    } else {
      w.keys.push_back(key.ToString());
    }
    return rocksdb::Status::OK();
  }
  CommitGuard* g_;
  size_t last_ = 0;
};

RowCache::CommitGuard::CommitGuard(RowCache* cache, rocksdb::WriteBatch* batch) : cache_(cache) {
  Collector collector(this);
  if (!batch->Iterate(&collector).ok()) everything_ = true;  // unreadable: assume the worst
  cache_->Begin(this);
}

RowCache::CommitGuard::~CommitGuard() {
  if (!done_) Committed(0);
}

void RowCache::CommitGuard::Committed(uint64_t latest_sequence) {
  if (done_) return;
  done_ = true;
  cache_->End(this, latest_sequence);
}

void RowCache::Begin(CommitGuard* g) {
  if (g->everything_) {
    std::unique_lock<std::shared_mutex> relations(relations_mu_);
    everything_inflight_++;
    for (auto& [oid, r] : relations_) {
      std::unique_lock<std::shared_mutex> lock(r->mu);
      Clear(r.get());
    }
    return;
  }
  for (auto& w : g->written_) {
    Relation* r = w.record = FindOrAdd(w.relation);
    std::unique_lock<std::shared_mutex> lock(r->mu);
    if (w.whole) {
      r->inflight++;
      Clear(r);
      continue;
    }
    for (const std::string& key : w.keys) {
      if (!r->rows.empty()) Erase(r, key);
      r->key_writes[key].inflight++;
    }
  }
}

void RowCache::End(CommitGuard* g, uint64_t latest_sequence) {
  // Nothing to erase again: no reader added a row of these keys while the commit was in
  // flight, and none will add one read before it (last_commit).
  if (g->everything_) {
    std::unique_lock<std::shared_mutex> relations(relations_mu_);
    everything_last_commit_ = std::max(everything_last_commit_, latest_sequence);
    everything_inflight_--;
    return;
  }
  for (const auto& w : g->written_) {
    Relation* r = w.record;
    std::unique_lock<std::shared_mutex> lock(r->mu);
    if (w.whole) {
      r->last_commit = std::max(r->last_commit, latest_sequence);
      r->inflight--;
      continue;
    }
    for (const std::string& key : w.keys) {
      KeyWrites& k = r->key_writes.find(key)->second;  // added by Begin, kept while in flight
      k.last_commit = std::max(k.last_commit, latest_sequence);
      k.inflight--;
    }
    if (r->key_writes.size() > (r->rows.empty() ? kKeyWritesKeptUncached : kKeyWritesKept)) {
      // Forget the settled records; the relation's floor stands for them from now on.
      for (auto it = r->key_writes.begin(); it != r->key_writes.end();) {
        if (it->second.inflight > 0) {
          ++it;
          continue;
        }
        r->forgotten_commit = std::max(r->forgotten_commit, it->second.last_commit);
        it = r->key_writes.erase(it);
      }
    }
  }
}

}  // namespace tusk
