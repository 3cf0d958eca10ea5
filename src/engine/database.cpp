#include "engine/database.hpp"

#include <filesystem>

#include "common/error.hpp"
#include "common/keycodec.hpp"

namespace tusk {

namespace {
const char* kCatalogKey = "C";

std::string SeqKey(uint32_t oid) {
  std::string k = "S";
  AppendUint32BE(oid, &k);
  return k;
}
}  // namespace

std::unique_ptr<Database> Database::Open(const std::string& dir, size_t cache_bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(sqlstate::kIoError, "could not create data directory \"" + dir + "\": " + ec.message());
  auto db = std::make_unique<Database>();
  db->dir_ = dir;
  db->config_ = std::make_unique<ServerConfig>(dir);
  db->store_ = Store::Open(dir, cache_bytes);
  db->statistics_ = std::make_unique<StatisticsCache>(db->store_.get());
  std::string bytes;
  if (db->store_->GetCommitted(kCatalogKey, &bytes)) {
    db->catalog_ = Catalog::Deserialize(bytes);
  } else {
    auto c = Catalog::Bootstrap();
    db->store_->PutNonTransactional(kCatalogKey, c->Serialize());
    db->catalog_ = c;
  }
  return db;
}

std::shared_ptr<const Catalog> Database::catalog() {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  return catalog_;
}

void Database::PublishCatalog(std::shared_ptr<const Catalog> c) {
  std::lock_guard<std::mutex> lock(catalog_mu_);
  catalog_ = std::move(c);
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

Database::~Database() { SaveSequences(); }

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
