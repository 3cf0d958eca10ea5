#include "engine/database.hpp"

#include <algorithm>
#include <filesystem>

#include "access/gin/gin_merge.hpp"
#include "partition/maintenance.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"

namespace tusk {

namespace {
std::string SeqKey(uint32_t oid) {
  std::string k = "S";
  AppendUint32BE(oid, &k);
  return k;
}

// The data directory's OID counter, stored ahead as sequences are (kept under "O": the first
// OID not yet covered), so that a write per OID is not needed and a crash skips OIDs rather
// than handing one out twice.
class StoredOidCounter : public OidSource {
 public:
  StoredOidCounter(Store* store, uint32_t next) : store_(store), next_(next), stored_(next) {}
  uint32_t Next() override {
    std::lock_guard<std::mutex> lock(mu_);
    if (next_ >= stored_) {
      stored_ = next_ + kAhead;
      std::string v;
      AppendUint32BE(stored_, &v);
      store_->PutNonTransactional(kKey, v);
    }
    return next_++;
  }
  static constexpr const char* kKey = "O";

 private:
  static constexpr uint32_t kAhead = 1024;
  Store* store_;
  std::mutex mu_;
  uint32_t next_, stored_;
};
}  // namespace

std::string Database::CatalogKey(uint32_t db) {
  if (db == kPostgresDatabaseOid) return "C";
  std::string k = "C";
  AppendUint32BE(db, &k);
  return k;
}

std::unique_ptr<Database> Database::Open(const std::string& dir, size_t cache_bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(sqlstate::kIoError, "could not create data directory \"" + dir + "\": " + ec.message());
  auto db = std::make_unique<Database>();
  db->dir_ = dir;
  db->config_ = std::make_unique<ServerConfig>(dir);
  db->store_ = Store::Open(dir, cache_bytes);
  db->statistics_ = std::make_unique<StatisticsCache>(db->store_.get());
  db->gin_merger_ = std::make_unique<GinMerger>(db->store_.get());
  db->partition_log_ = std::make_unique<PartitionMaintenanceLog>();
  Store* store = db->store_.get();
  // The OID counter continues after every OID given so far: the stored counter's, or, in a
  // data directory from before it, the postgres catalog's own.
  std::string bytes;
  uint32_t next_oid = oid::kFirstUserOid;
  std::shared_ptr<Catalog> postgres;
  std::vector<RoleDef> legacy_roles;
  if (store->GetCommitted("C", &bytes)) {
    postgres = Catalog::Deserialize(bytes, &legacy_roles);
    next_oid = std::max(next_oid, postgres->next_oid());
  }
  if (store->GetCommitted(StoredOidCounter::kKey, &bytes) && bytes.size() == 4) {
    uint32_t stored = 0;
    for (unsigned char b : bytes) stored = stored << 8 | b;
    next_oid = std::max(next_oid, stored);
  }
  db->oids_ = std::make_shared<StoredOidCounter>(store, next_oid);
  std::shared_ptr<ClusterCatalog> cluster;
  if (store->GetCommitted(kClusterKey, &bytes)) {
    cluster = ClusterCatalog::Deserialize(bytes);
  } else {
    // A new data directory, or one from before the cluster catalog: its roles move there.
    cluster = ClusterCatalog::Bootstrap(std::move(legacy_roles));
    store->PutNonTransactional(kClusterKey, cluster->Serialize());
  }
  cluster->set_oid_source(db->oids_);
  db->cluster_ = cluster;
  if (postgres) {
    postgres->set_oid_source(db->oids_);
    postgres->IndexRelationNames();
    db->catalogs_[kPostgresDatabaseOid] = postgres;
  }
  db->catalog(kPostgresDatabaseOid);  // a new data directory writes its catalog now
  return db;
}

std::shared_ptr<const Catalog> Database::catalog(uint32_t db) {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  auto it = catalogs_.find(db);
  if (it != catalogs_.end()) return it->second;
  std::string bytes;
  std::shared_ptr<Catalog> c;
  if (store_->GetCommitted(CatalogKey(db), &bytes)) {
    c = Catalog::Deserialize(bytes);
  } else {
    // A session left in a database dropped meanwhile must not make it again.
    if (!cluster_->FindDatabase(db))
      throw Error(sqlstate::kInvalidCatalogName, "database with OID " + std::to_string(db) + " does not exist");
    c = Catalog::Bootstrap();
    store_->PutNonTransactional(CatalogKey(db), c->Serialize());
  }
  c->set_oid_source(oids_);
  c->IndexRelationNames();
  catalogs_[db] = c;
  return c;
}

void Database::PublishCatalog(uint32_t db, std::shared_ptr<const Catalog> c) {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  catalogs_[db] = std::move(c);
}

void Database::DropDatabaseStorage(uint32_t db) {
  std::shared_ptr<const Catalog> c;
  {
    std::lock_guard<std::mutex> lock(catalog_mu_);
    auto it = catalogs_.find(db);
    if (it != catalogs_.end()) c = it->second;
    catalogs_.erase(db);
  }
  const std::string key = CatalogKey(db);
  std::string bytes;
  if (!c && store_->GetCommitted(key, &bytes)) c = Catalog::Deserialize(bytes);
  auto drop_range = [&](const std::string& prefix) { store_->DeleteRange(prefix, PrefixSuccessor(prefix)); };
  if (c) {
    for (const auto& [oid, t] : c->tables()) {
      for (const std::string& p : {RelationPrefix(oid), StatisticsKey(oid), SizesKey(oid)}) drop_range(p);
      statistics_->Forget(oid);
    }
    for (const auto& [oid, i] : c->indexes()) drop_range(RelationPrefix(oid));
    for (const auto& [oid, seq] : c->sequences()) DropSequenceState(oid);
  }
  store_->DeleteRange(key, key + '\0');  // this key alone: "C" begins every database's key
}

std::shared_ptr<const ClusterCatalog> Database::cluster() {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  return cluster_;
}

void Database::PublishCluster(std::shared_ptr<const ClusterCatalog> c) {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  cluster_ = std::move(c);
}

Database::SeqState& Database::LoadSeq(const SequenceDef& seq) {
  SeqState& s = seqs_[seq.oid];
  if (!s.loaded) {
    std::string v;
    s.last = seq.start;  // a fresh sequence hands out its start value first
    if (store_->GetCommitted(SeqKey(seq.oid), &v) && v.size() == 9) {
      s.last = static_cast<int64_t>(ReadUint64BE(v.data()));
      s.called = v[8] != 0;
    }
    s.loaded = true;
  }
  return s;
}

// Like PostgreSQL (SEQ_LOG_VALS), a sequence stores a value 32 steps ahead of the one it hands
// out and then hands out the next 32 without writing: a write per nextval() was a storage
// write group joined per inserted row. After a crash the sequence resumes after the stored
// value, skipping at most 32 values and never repeating one; the store is in the WAL before
// the commit of any transaction that used the values (a commit syncs everything before it).
constexpr int kSeqLogValues = 32;

void Database::StoreSeq(uint32_t oid, int64_t value, bool called) {
  std::string v;
  AppendUint64BE(static_cast<uint64_t>(value), &v);
  v.push_back(called ? 1 : 0);
  store_->PutNonTransactional(SeqKey(oid), v);
}

std::optional<int64_t> Database::LastValue(const SequenceDef& seq) {
  std::lock_guard<std::mutex> lock(seq_mu_);
  SeqState& s = LoadSeq(seq);
  if (!s.called) return std::nullopt;
  return s.last;
}

int64_t Database::NextVal(const SequenceDef& seq) {
  std::lock_guard<std::mutex> lock(seq_mu_);
  SeqState& s = LoadSeq(seq);
  int64_t next;
  if (!s.called) {
    next = s.last;
  } else {
    bool overflow = __builtin_add_overflow(s.last, seq.increment, &next);
    if (overflow || next > seq.max || next < seq.min) {
      if (!seq.cycle) {
        bool up = seq.increment > 0;
        throw Error(sqlstate::kSequenceGeneratorLimitExceeded,
                    std::string("nextval: reached ") + (up ? "maximum" : "minimum") + " value of sequence \"" +
                        seq.name + "\" (" + std::to_string(up ? seq.max : seq.min) + ")");
      }
      next = seq.increment > 0 ? seq.min : seq.max;
      s.ahead = 0;  // the stored value does not cover a wrap
    }
  }
  s.last = next;
  s.called = true;
  // ALTER SEQUENCE may have changed the step since the stored value was counted.
  if (s.ahead > 0 && s.ahead_increment == seq.increment) {
    s.ahead--;
    return next;
  }
  int64_t stored = next;
  int n = 0;
  for (int64_t t; n < kSeqLogValues && !__builtin_add_overflow(stored, seq.increment, &t) && t <= seq.max && t >= seq.min; n++)
    stored = t;
  StoreSeq(seq.oid, stored, true);
  s.ahead = n;
  s.ahead_increment = seq.increment;
  return next;
}

void Database::SetVal(const SequenceDef& seq, int64_t value, bool is_called) {
  std::lock_guard<std::mutex> lock(seq_mu_);
  SeqState& s = LoadSeq(seq);
  s.last = value;
  s.called = is_called;
  s.ahead = 0;
  StoreSeq(seq.oid, value, is_called);
}

void Database::CopySequenceState(const SequenceDef& from, const SequenceDef& to) {
  std::lock_guard<std::mutex> lock(seq_mu_);
  const SeqState& s = LoadSeq(from);
  StoreSeq(to.oid, s.last, s.called);
  seqs_.erase(to.oid);
}

void Database::SaveSequences() {
  std::lock_guard<std::mutex> lock(seq_mu_);
  for (auto& [oid, s] : seqs_) {
    if (s.ahead == 0) continue;
    try {
      StoreSeq(oid, s.last, s.called);
      s.ahead = 0;
    } catch (const Error&) {
    }
  }
}

Database::~Database() {
  partition_maintainer_.reset();  // its sessions use the rest
  SaveSequences();
}

void Database::StartPartitionMaintenance() {
  if (!partition_maintainer_) partition_maintainer_ = std::make_unique<PartitionMaintainer>(this);
}

void Database::DropSequenceState(uint32_t oid) {
  std::lock_guard<std::mutex> lock(seq_mu_);
  seqs_.erase(oid);
  store_->DeleteRange(SeqKey(oid), PrefixSuccessor(SeqKey(oid)));
}

uint64_t Database::NextRowId(uint32_t table) {
  std::lock_guard<std::mutex> lock(rowid_mu_);
  auto it = rowids_.find(table);
  if (it == rowids_.end()) {
    // Continue after the largest row id stored (committed or not, ids are never reused).
    uint64_t last = 0;
    std::string prefix = RelationPrefix(table);
    std::unique_ptr<rocksdb::Iterator> iter(store_->db()->NewIterator(rocksdb::ReadOptions()));
    iter->SeekForPrev(PrefixSuccessor(prefix));
    if (iter->Valid() && iter->key().starts_with(prefix) && iter->key().size() == prefix.size() + 8)
      last = ReadUint64BE(iter->key().data() + prefix.size());
    it = rowids_.emplace(table, last).first;
  }
  return ++it->second;
}

}  // namespace tusk
