// Database: one open data directory. Owns the storage, the published catalog, sequence state
// and row-id counters; sessions (connections) run statements against it concurrently.
#pragma once
#include <atomic>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>

#include "catalog/catalog.hpp"
#include "access/statistics_store.hpp"
#include "access/table_locks.hpp"
#include "engine/backends.hpp"
#include "engine/notifications.hpp"
#include "engine/serializable.hpp"
#include "settings/server_config.hpp"
#include "storage/store.hpp"

namespace tusk {

class GinMerger;
class PartitionMaintainer;
class PartitionMaintenanceLog;

class Database {
 public:
  // Opens or creates the database in `dir`; throws Error on failure.
  static std::unique_ptr<Database> Open(const std::string& dir, size_t cache_bytes = Store::kDefaultCacheBytes);
  ~Database();  // calls SaveSequences

  Store* store() { return store_.get(); }
  const std::string& dir() const { return dir_; }

  // The newest committed catalog of database `db` (loaded on first use; a database whose
  // catalog was never written gets a fresh one). Cheap after that: a shared_ptr copy under a
  // mutex.
  std::shared_ptr<const Catalog> catalog(uint32_t db = kPostgresDatabaseOid);
  // Installs the catalog a committing DDL transaction wrote. REQUIRES: publish_mu() held.
  void PublishCatalog(uint32_t db, std::shared_ptr<const Catalog> c);
  // Removes a dropped database's storage once its DROP DATABASE committed: every relation's
  // keys, its sequences and statistics, its catalog.
  void DropDatabaseStorage(uint32_t db);
  // The storage key of database `db`'s catalog ("C" for postgres, as before there were others).
  static std::string CatalogKey(uint32_t db);
  // The shared catalog: roles and databases (key "G").
  std::shared_ptr<const ClusterCatalog> cluster();
  void PublishCluster(std::shared_ptr<const ClusterCatalog> c);  // REQUIRES: publish_mu() held
  static constexpr const char* kClusterKey = "G";
  // Hands out OIDs for the objects of every database (see OidSource).
  const std::shared_ptr<OidSource>& oids() { return oids_; }
  // Held across "commit a DDL transaction + publish its catalog" so that the next DDL
  // transaction copies the catalog only after it has been published.
  std::mutex& publish_mu() { return publish_mu_; }

  // Sequences are non-transactional: values handed out are never reused, even on rollback.
  int64_t NextVal(const SequenceDef& seq);
  // Returns false when the sequence has never been called (currval undefined).
  void SetVal(const SequenceDef& seq, int64_t value, bool is_called);
  void DropSequenceState(uint32_t seq_oid);
  // CREATE DATABASE's copy of a template's sequence: `to` goes on where `from` is.
  void CopySequenceState(const SequenceDef& from, const SequenceDef& to);
  // The last value handed out (pg_sequences.last_value); nullopt before the first nextval.
  std::optional<int64_t> LastValue(const SequenceDef& seq);
  // Stores the exact state of the sequences used, which NextVal stores ahead, so that a clean
  // restart resumes without a gap. Best effort: a failure leaves the gap a crash would.
  void SaveSequences();
  // Next hidden row id for a table without a primary key.
  uint64_t NextRowId(uint32_t table_oid);

  int32_t NewBackendPid() { return next_pid_++; }
  Backends& backends() { return backends_; }
  NotificationHub& notifications() { return notifications_; }
  TableLocks& table_locks() { return table_locks_; }
  // Server-wide settings: defaults and postgresql.auto.conf (ALTER SYSTEM).
  ServerConfig& config() { return *config_; }
  SerializableTransactions& serializable() { return serializable_; }
  // The committed ANALYZE statistics the planner reads.
  StatisticsCache& statistics() { return *statistics_; }
  // Where GIN scans send the entries that gathered many single-row keys.
  GinMerger& gin_merger() { return *gin_merger_; }
  // Automatic time partitions (partition/maintenance.hpp): each table's last maintenance.
  PartitionMaintenanceLog& partition_maintenance_log() { return *partition_log_; }
  // Starts the thread that maintains them: the server's and the embedded library's databases,
  // not a tool's that opens a data directory for a moment.
  void StartPartitionMaintenance();

 private:
  struct SeqState {
    int64_t last = 0;
    bool called = false;
    bool loaded = false;
    // Values after `last` that the stored value already covers (see NextVal), and the
    // increment they were counted with.
    int ahead = 0;
    int64_t ahead_increment = 0;
  };
  SeqState& LoadSeq(const SequenceDef& seq);  // REQUIRES: seq_mu_ held
  void StoreSeq(uint32_t oid, int64_t value, bool called);

  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<StatisticsCache> statistics_;
  std::unique_ptr<GinMerger> gin_merger_;  // stopped before the store closes
  std::unique_ptr<PartitionMaintenanceLog> partition_log_;
  std::unique_ptr<PartitionMaintainer> partition_maintainer_;  // stopped before the rest
  std::mutex catalog_mu_;
  std::map<uint32_t, std::shared_ptr<const Catalog>> catalogs_;
  std::shared_ptr<const ClusterCatalog> cluster_;
  std::shared_ptr<OidSource> oids_;
  std::mutex publish_mu_;
  std::mutex seq_mu_;
  std::map<uint32_t, SeqState> seqs_;
  std::mutex rowid_mu_;
  std::map<uint32_t, uint64_t> rowids_;
  std::atomic<int32_t> next_pid_{1000};
  Backends backends_;
  NotificationHub notifications_;
  TableLocks table_locks_;
  SerializableTransactions serializable_;
  std::unique_ptr<ServerConfig> config_;
};

}  // namespace tusk
