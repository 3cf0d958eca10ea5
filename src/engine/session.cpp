#include "security/object_privileges.hpp"
#include "security/roles.hpp"
#include "engine/session.hpp"

#include "catalog/system/object_names.hpp"
#include "access/lock_wait.hpp"
#include "engine/read_only.hpp"

#include <rocksdb/utilities/write_batch_with_index.h>
#include <chrono>
#include <climits>

#include "common/error.hpp"
#include "common/notices.hpp"
#include "common/release_memory.hpp"
#include "common/keycodec.hpp"
#include "common/stack_depth.hpp"
#include "common/strings.hpp"
#include "engine/plan_cache.hpp"
#include "engine/read_only.hpp"
#include "engine/statement_log.hpp"
#include "engine/statements.hpp"
#include "routines/routine_ddl.hpp"
#include "triggers/trigger_ddl.hpp"
#include "views/view_ddl.hpp"
#include "storage/row_cache.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
int64_t NowMicros() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kPgEpochUnixSeconds * kUsecPerSec;
}

}  // namespace

Session::Session(Database* db, std::string user, std::string database)
    : db_(db), user_(std::move(user)), database_(std::move(database)), pid_(db->NewBackendPid()), advisory_(db, pid_) {
  auto cluster = db_->cluster();
  const DatabaseDef* d = cluster->FindDatabase(database_);
  if (!d) throw Error(sqlstate::kInvalidCatalogName, "database \"" + database_ + "\" does not exist");
  if (!d->allow_connections)
    throw Error(sqlstate::kObjectNotInPrerequisiteState, "database \"" + database_ + "\" is not currently accepting connections");
  const RoleDef* role = cluster->FindRole(user_);
  if (role && !role->superuser && d->acl) {  // GRANT / REVOKE CONNECT ON DATABASE
    std::set<uint32_t> held = RolesWithPrivilegesOf(*cluster, role->oid);
    if (!held.count(d->owner) && !(AclPrivilegesOf(*d->acl, [&](uint32_t r) { return held.count(r) > 0; }) & privilege::kConnect))
      throw Error(sqlstate::kInsufficientPrivilege, "permission denied for database \"" + database_ + "\"")
          .WithDetail("User does not have CONNECT privilege.");
  }
  if (d->connection_limit >= 0 && !(role && role->superuser) &&
      db_->backends().OthersIn(d->oid, pid_).size() >= static_cast<size_t>(d->connection_limit))
    throw Error(sqlstate::kTooManyConnections, "too many connections for database \"" + database_ + "\"");
  database_oid_ = d->oid;
  InitSettings();
  db_->backends().Add(pid_, &cancel_requested, database_oid_);
}

Session::~Session() {
  Close();
  db_->notifications().Remove(pid_);
  db_->backends().Remove(pid_);
}

void Session::Close() {
  if (txn_) RollbackTxn();
  ReleaseTableLocks();
  spare_txn_.reset();
}

std::vector<std::string> Session::SearchPath() const {
  const std::string& sp = Setting("search_path");
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= sp.size()) {
    size_t comma = sp.find(',', pos);
    std::string item = Trim(sp.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
    if (!item.empty()) {
      if (item.front() == '"' && item.back() == '"') item = item.substr(1, item.size() - 2);
      if (item == "$user") item = CurrentUserName();
      out.push_back(item);
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return UsableSchemas(std::move(out));
}

// A search_path skips the schemas the current user may not use, as PostgreSQL's does. The
// answer is kept for the catalog, roles and user it was made for.
std::vector<std::string> Session::UsableSchemas(std::vector<std::string> path) const {
  if (superuser()) return path;
  auto catalog = CurrentCatalog();
  auto cluster = CurrentCluster();
  const uint32_t user = CurrentUserId();
  std::string key = std::to_string(user);
  for (const auto& p : path) key += '\0' + p;
  if (usable_cache_.catalog != catalog || usable_cache_.cluster != cluster || usable_cache_.key != key) {
    ExecState probe;
    probe.session = const_cast<Session*>(this);
    probe.catalog = catalog;
    std::vector<std::string> kept;
    for (const auto& name : path) {
      const SchemaDef* s = catalog->FindSchema(name);
      if (!s || MayUseSchema(&probe, user, *s)) kept.push_back(name);
    }
    usable_cache_ = {catalog, cluster, key, std::move(kept)};
  }
  return usable_cache_.path;
}

DateTimeContext Session::DateTime() const {
  DateTimeContext dt;
  // TimeZone::Find takes a process-wide lock; the session remembers its last answer.
  const std::string& name = Setting("timezone");
  if (!tz_ || name != tz_name_) {
    tz_ = TimeZone::Find(name);
    tz_name_ = name;
  }
  if (tz_) dt.tz = tz_;
  dt.now = txn_start_ ? txn_start_ : NowMicros();
  auto catalog = CurrentCatalog();
  auto cluster = CurrentCluster();
  const std::string& path = Setting("search_path");
  if (!names_ || catalog.get() != names_catalog_ || cluster.get() != names_cluster_ || path != names_path_) {
    names_ = MakeObjectNames(catalog, cluster, SearchPath(), database());
    names_catalog_ = catalog.get();
    names_cluster_ = cluster.get();
    names_path_ = path;
  }
  dt.names = names_;
  dt.bytea_escape = Setting("bytea_output") == "escape";
  return dt;
}

char Session::TransactionStatus() const {
  if (!in_block_) return 'I';
  return failed_ ? 'E' : 'T';
}

std::optional<int64_t> Session::currval(uint32_t seq) const {
  auto it = currvals_.find(seq);
  if (it == currvals_.end()) return std::nullopt;
  return it->second;
}

std::shared_ptr<const Catalog> Session::CurrentCatalog() const {
  if (txn_catalog_) return txn_catalog_;
  return db_->catalog(database_oid_);
}

namespace {
// Serializes DDL: the catalog key's lock is held until the transaction ends.
void LockCatalogKey(rocksdb::Transaction* txn, const std::string& key) {
  std::string unused;
  rocksdb::Status s = txn->GetForUpdate(rocksdb::ReadOptions(), key, &unused, true, false);
  if (!s.ok() && !s.IsNotFound()) CheckStatus(s, "catalog lock");
}
}  // namespace

Catalog* Session::MutableCatalog(ExecState* st) {
  if (!txn_catalog_) {
    LockCatalogKey(txn_, Database::CatalogKey(database_oid_));
    std::lock_guard<std::mutex> lock(db_->publish_mu());
    txn_catalog_ = std::make_shared<Catalog>(*db_->catalog(database_oid_));
  }
  st->catalog = txn_catalog_;
  return txn_catalog_.get();
}

std::shared_ptr<const ClusterCatalog> Session::CurrentCluster() const {
  if (txn_cluster_) return txn_cluster_;
  return db_->cluster();
}

ClusterCatalog* Session::MutableCluster() {
  if (!txn_cluster_) {
    LockCatalogKey(txn_, Database::kClusterKey);
    std::lock_guard<std::mutex> lock(db_->publish_mu());
    txn_cluster_ = std::make_shared<ClusterCatalog>(*db_->cluster());
  }
  return txn_cluster_.get();
}

void Session::BeginTxn(bool explicit_block) {
  bool sync = Setting("synchronous_commit") != "off";
  ReleaseTableLocks();  // whatever path ended the last transaction, its locks end with it
  txn_ = db_->store()->Begin(sync, -1, spare_txn_.get());
  table_lock_owner_ = txn_->GetID();
  if (txn_ == spare_txn_.get()) spare_txn_.release();
  db_->backends().SetTransaction(pid_, txn_->GetID());
  in_block_ = explicit_block;
  failed_ = false;
  txn_start_ = NowMicros();
  txn_catalog_.reset();
  pending_drops_.clear();
  savepoints_.clear();
  settings_saved_ = false;
  txn_query_started_ = false;
  txn_from_procedure_ = false;
  local_settings_["transaction_isolation"] = Setting("default_transaction_isolation");
  local_settings_["transaction_read_only"] = Setting("default_transaction_read_only");
}

namespace {
// A transaction that wrote this many keys held its write batch and lock table in memory; once
// it ends, that memory is handed back to the operating system (glibc keeps freed memory in its
// arenas otherwise: loading pgbench's scale 10 left the server at 1.8 GiB instead of 0.6), and
// its object is not kept for the next transaction (its write batch would keep its capacity).
constexpr uint64_t kLargeTransactionKeys = 100000;
// A statement whose buffers held this much at once gives the freed memory back when it ends.
constexpr int64_t kLargeStatementBytes = 64 << 20;
// Counted in the write batch itself: rows of tables without a primary key are written to it
// directly (WriteFreshKey), which the transaction's own counters do not see.
uint64_t KeysWritten(rocksdb::Transaction* txn) { return txn->GetWriteBatch()->GetWriteBatch()->Count(); }
// A transaction that wrote this much is a bulk load or an index build (a GIN index's posting
// lists are few keys of many bytes): its data is read faster from table files than from the
// memtable, whose every lookup is a skip-list search (Store::FlushSoon).
bool BulkWrite(rocksdb::Transaction* txn, uint64_t keys) {
  return keys >= kLargeTransactionKeys || txn->GetWriteBatch()->GetWriteBatch()->GetDataSize() >= (4u << 20);
}
}  // namespace

// After the storage transaction committed or rolled back: its object is kept for the next
// BEGIN (allocating one per statement was a tenth of a point lookup's engine time).
// Table locks last until the transaction block ends, even when an error discarded its storage
// transaction earlier.
void Session::ReleaseTableLocks() {
  if (table_lock_owner_) db_->table_locks().ReleaseAll(table_lock_owner_);
  table_lock_owner_ = 0;
  held_locks_.clear();
  held_locks_owner_ = 0;
}

void Session::ReleaseStorageTxn(uint64_t keys_written) {
  if (keys_written >= kLargeTransactionKeys) {
    delete txn_;
    ReleaseFreeMemory();
  } else {
    spare_txn_.reset(txn_);
  }
  txn_ = nullptr;
  db_->store()->head_hints().EndWriter(&hint_writer_);
  db_->backends().SetTransaction(pid_, 0);
}

namespace {
// Commits the storage transaction; the row cache forgets the rows it writes, before and after
// (storage/row_cache.hpp).
rocksdb::Status CommitStorage(Store* store, rocksdb::Transaction* txn) {
  RowCache::CommitGuard guard(&store->row_cache(), txn->GetWriteBatch()->GetWriteBatch());
  rocksdb::Status s = txn->Commit();
  guard.Committed(store->db()->GetLatestSequenceNumber());
  return s;
}
}  // namespace

void Session::CommitTxn() {
  if (!txn_) {
    FinishNotifications(true);
    return;
  }
  try {
    cursors_.BeforeCommit();
  } catch (const Error&) {
    RollbackTxn();
    throw;
  }
  const uint64_t written = KeysWritten(txn_);
  // synchronous_commit as it stands at COMMIT (SET LOCAL inside the transaction counts):
  // "off" acknowledges before the WAL reaches disk. Concurrent fsyncing commits share one
  // WAL sync (RocksDB's write groups).
  rocksdb::WriteOptions wo;
  wo.sync = Setting("synchronous_commit") != "off";
  txn_->SetWriteOptions(wo);
  if (ssi_) {
    try {
      db_->serializable().PreCommit(ssi_);
    } catch (const Error&) {
      RollbackTxn();  // COMMIT of a transaction that must not commit ends it, as in PostgreSQL
      throw;
    }
  }
  const bool bulk = BulkWrite(txn_, written);
  rocksdb::Status s;
  if (txn_catalog_ || txn_cluster_) {
    if (txn_catalog_) {
      txn_catalog_->CommitEnumLabels();
      s = txn_->Put(Database::CatalogKey(database_oid_), txn_catalog_->Serialize());
    }
    if (s.ok() && txn_cluster_) s = txn_->Put(Database::kClusterKey, txn_cluster_->Serialize());
    if (s.ok()) {
      std::lock_guard<std::mutex> lock(db_->publish_mu());
      s = CommitStorage(db_->store(), txn_);
      if (s.ok() && txn_catalog_) {
        txn_catalog_->IndexRelationNames();
        db_->PublishCatalog(database_oid_, txn_catalog_);
      }
      if (s.ok() && txn_cluster_) db_->PublishCluster(txn_cluster_);
    }
  } else if (written == 0) {
    // Nothing written: ending the transaction only releases its locks. A commit would still
    // join the WAL write group (and fsync) for an empty batch.
    s = txn_->Rollback();
  } else {
    s = CommitStorage(db_->store(), txn_);
  }
  ReleaseStorageTxn(written);
  if (s.ok()) written_outside_.clear();  // committed with the relations that own them
  else RemoveWrittenOutside(0);
  if (s.ok() && bulk) db_->store()->FlushSoon();
  advisory_.ReleaseTransactionLevel();
  EndSerializable(s.ok());
  ReportDeletes(s.ok());
  if (s.ok()) {
    for (uint32_t rel : pending_drops_) {
      std::string p = RelationPrefix(rel);
      db_->store()->DeleteRange(p, PrefixSuccessor(p));
      for (const std::string& stats : {StatisticsKey(rel), SizesKey(rel)})
        db_->store()->DeleteRange(stats, PrefixSuccessor(stats));
      analyzed_.push_back(rel);
    }
    for (uint32_t table : analyzed_) db_->statistics().Forget(table);
    for (uint32_t dropped : pending_database_drops_) db_->DropDatabaseStorage(dropped);
  }
  FinishNotifications(s.ok());
  txn_catalog_.reset();
  txn_cluster_.reset();
  pending_drops_.clear();
  pending_database_drops_.clear();
  analyzed_.clear();
  in_block_ = false;
  implicit_block_ = false;
  until_sync_ = false;
  failed_ = false;
  txn_start_ = 0;
  ReleaseTableLocks();
  EndTransactionSettings(true);
  CheckStatus(s, "commit");
}

// Deleted keys count towards compactions and head hints once they are committed.
void Session::ReportDeletes(bool committed) {
  if (committed) {
    Store* store = db_->store();
    for (const auto& [rel, d] : txn_deletes_) {
      store->compactor().NoteDeletes(RelationPrefix(rel), d);
      store->head_hints().NoteDeletes(rel, d.count);
    }
  }
  txn_deletes_.clear();
}

// Rolls the storage transaction back and lets go of everything the transaction held.
void Session::DiscardStorageTxn() {
  cursors_.AtAbort();  // before the storage transaction their plans read goes
  if (txn_) {
    const uint64_t written = KeysWritten(txn_);
    txn_->Rollback();
    ReleaseStorageTxn(written);
  }
  ReportDeletes(false);
  RemoveWrittenOutside(0);
  advisory_.ReleaseTransactionLevel();
  EndSerializable(false);
}

bool Session::MayWriteOutsideTransaction(const ExecState* st) const {
  return dispatch_depth_ == 1 && !st->repeatable_read;
}

void Session::RemoveWrittenOutside(size_t from) {
  for (size_t i = from; i < written_outside_.size(); i++) {
    std::string p = RelationPrefix(written_outside_[i]);
    db_->store()->DeleteRange(p, PrefixSuccessor(p));
  }
  if (written_outside_.size() > from) written_outside_.resize(from);
}

void Session::RollbackTxn() {
  DiscardStorageTxn();
  FinishNotifications(false);
  ReleaseTableLocks();
  implicit_block_ = false;
  until_sync_ = false;
  txn_catalog_.reset();
  txn_cluster_.reset();
  pending_drops_.clear();
  pending_database_drops_.clear();
  analyzed_.clear();
  in_block_ = false;
  failed_ = false;
  txn_start_ = 0;
  EndTransactionSettings(false);
}

void Session::EndTransactionInStatement(ExecState* st, bool commit, bool chain) {
  const std::string isolation = Setting("transaction_isolation");
  const std::string read_only = Setting("transaction_read_only");
  const std::string deferrable = Setting("transaction_deferrable");
  const bool until_sync = until_sync_;
  cursors_.HoldPinned();  // in the ending transaction: FOR loops over cursors go on reading
  // The statement's own snapshot goes with the transaction (RunStatement releases the new one).
  if (statement_owns_snapshot_ && *statement_owns_snapshot_ && st->snapshot) {
    db_->store()->db()->ReleaseSnapshot(st->snapshot);
    *statement_owns_snapshot_ = false;
  }
  st->snapshot = nullptr;
  if (commit) CommitTxn();
  else RollbackTxn();
  BeginTxn(false);
  txn_from_procedure_ = true;
  until_sync_ = until_sync;  // the extended protocol's transaction still ends at Sync
  if (chain) {
    local_settings_["transaction_isolation"] = isolation;
    local_settings_["transaction_read_only"] = read_only;
    local_settings_["transaction_deferrable"] = deferrable;
  }
  st->txn = txn_;
  st->catalog = CurrentCatalog();
  st->relation_locks.clear();
  st->repeatable_read = false;
  if (isolation == "repeatable read" || isolation == "serializable") {
    if (chain) {
      TakeTransactionSnapshot();
      st->snapshot = txn_->GetSnapshot();
      st->repeatable_read = true;
    }
  }
  if (!st->snapshot) {
    st->snapshot = db_->store()->db()->GetSnapshot();
    if (statement_owns_snapshot_) *statement_owns_snapshot_ = true;
  }
  txn_->SetSavePoint();  // the statement's, which RunStatement pops when it ends
}

// REPEATABLE READ and SERIALIZABLE read the whole transaction in the snapshot of its first
// query; SERIALIZABLE also joins the rw-conflict tracking then.
void Session::TakeTransactionSnapshot() {
  if (txn_->GetSnapshot()) return;
  txn_->SetSnapshot();
  if (Setting("transaction_isolation") == "serializable")
    ssi_ = db_->serializable().Begin(Setting("transaction_read_only") == "on");
}

void Session::EndSerializable(bool committed) {
  if (!ssi_) return;
  if (committed) db_->serializable().Committed(ssi_);
  else db_->serializable().Aborted(ssi_);
  ssi_.reset();
}

// An error aborts the transaction (or, inside a savepoint, the innermost savepoint's part of
// it) at once, as in PostgreSQL: its locks are released now, not at the client's ROLLBACK.
void Session::AbortBlock() {
  if (!in_block_ || failed_) return;
  failed_ = true;
  if (!txn_) return;
  if (savepoints_.empty()) {
    DiscardStorageTxn();
    return;
  }
  txn_->RollbackToSavePoint();
  txn_->SetSavePoint();  // ROLLBACK TO still finds the savepoint
}

bool Session::HandleTransactionControl(Node* stmt, ResultSink* sink) {
  if (stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) return false;
  auto* t = stmt->transaction_stmt;
  switch (t->kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: {
      const char* tag = t->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ? "BEGIN" : "START TRANSACTION";
      if (implicit_block_) {
        // BEGIN inside a multi-statement message makes the statements before it part of the
        // transaction block it starts, as in PostgreSQL.
        ApplyTransactionOptions(t->options, t->n_options);
        implicit_block_ = false;
      } else if (in_block_) {
        if (failed_) throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
        sink->SendNotice({"WARNING", sqlstate::kActiveSqlTransaction, "there is already a transaction in progress", ""});
      } else if (until_sync_) {
        // BEGIN after Executes of the same Sync makes them part of the block it starts.
        until_sync_ = false;
        in_block_ = true;
        ApplyTransactionOptions(t->options, t->n_options);
      } else {
        if (txn_) RollbackTxn();
        BeginTxn(true);
        ApplyTransactionOptions(t->options, t->n_options);
      }
      sink->Complete(tag);
      return true;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: {
      if (!in_block_ || implicit_block_) {
        // COMMIT in a multi-statement message commits what ran before it (with the warning).
        sink->SendNotice({"WARNING", sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress", ""});
        if (implicit_block_ || until_sync_) CommitTxn();
        sink->Complete("COMMIT");
        return true;
      }
      if (failed_) {
        RollbackTxn();
        sink->Complete("ROLLBACK");
        return true;
      }
      CommitTxn();
      sink->Complete("COMMIT");
      return true;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: {
      if (!in_block_ || implicit_block_) sink->SendNotice({"WARNING", sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress", ""});
      RollbackTxn();
      sink->Complete("ROLLBACK");
      return true;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT: {
      if (!in_block_ || implicit_block_) throw Error(sqlstate::kNoActiveSqlTransaction, "SAVEPOINT can only be used in transaction blocks");
      if (failed_) throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
      // A storage savepoint remembers the transaction snapshot; take it first so that rolling
      // back to the savepoint keeps it.
      const std::string level = Setting("transaction_isolation");
      if (level == "repeatable read" || level == "serializable") TakeTransactionSnapshot();
      txn_->SetSavePoint();
      savepoints_.push_back(Mark(t->savepoint_name));
      sink->Complete("SAVEPOINT");
      return true;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: {
      bool release = t->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE;
      if (!in_block_ || implicit_block_) throw Error(sqlstate::kNoActiveSqlTransaction, std::string(release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT") + " can only be used in transaction blocks");
      if (failed_ && release) throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
      std::string name = t->savepoint_name;
      int idx = -1;
      for (int i = static_cast<int>(savepoints_.size()) - 1; i >= 0; i--)
        if (savepoints_[static_cast<size_t>(i)].name == name) { idx = i; break; }
      if (idx < 0) {
        if (failed_) throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
        throw Error(sqlstate::kInvalidSavepointSpecification, "savepoint \"" + name + "\" does not exist");
      }
      // Pop newer savepoints; RocksDB savepoints nest the same way.
      while (static_cast<int>(savepoints_.size()) - 1 > idx) {
        if (release) txn_->PopSavePoint(); else txn_->RollbackToSavePoint();
        savepoints_.pop_back();
      }
      if (release) {
        txn_->PopSavePoint();
        savepoints_.pop_back();
        cursors_.AtRelease(static_cast<size_t>(idx) + 1);
        sink->Complete("RELEASE");
      } else {
        cursors_.AtRollbackTo(static_cast<size_t>(idx) + 1);
        txn_->RollbackToSavePoint();
        txn_->SetSavePoint();  // the savepoint stays defined after ROLLBACK TO
        RestoreTo(savepoints_.back());
        failed_ = false;
        sink->Complete("ROLLBACK");
      }
      return true;
    }
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED:
      throw Error(sqlstate::kFeatureNotSupported, "two-phase commit is not supported");
    default:
      return false;
  }
}

Session::SavepointState Session::Mark(const std::string& name) const {
  SavepointState sp{name, txn_catalog_ ? std::make_shared<Catalog>(*txn_catalog_) : nullptr, pending_drops_.size(),
                    pending_listens_.size(), pending_notifies_.size(), written_outside_.size(),
                    txn_cluster_ ? std::make_shared<ClusterCatalog>(*txn_cluster_) : nullptr, nullptr};
  if (!name.empty()) sp.settings = std::make_shared<const std::pair<SettingValues, SettingValues>>(settings_, local_settings_);
  return sp;
}

void Session::RestoreTo(const SavepointState& sp) {
  txn_catalog_ = sp.catalog ? std::make_shared<Catalog>(*sp.catalog) : nullptr;
  txn_cluster_ = sp.cluster ? std::make_shared<ClusterCatalog>(*sp.cluster) : nullptr;
  if (pending_drops_.size() > sp.pending_drops) pending_drops_.resize(sp.pending_drops);
  RemoveWrittenOutside(sp.written_outside);
  if (pending_listens_.size() > sp.pending_listens) pending_listens_.resize(sp.pending_listens);
  if (pending_notifies_.size() > sp.pending_notifies) pending_notifies_.resize(sp.pending_notifies);
  if (sp.settings) {
    // Settings changed since the savepoint go back (the transaction's first SET already saved
    // what a ROLLBACK of the whole transaction needs).
    std::map<std::string, std::optional<std::string>> before;
    for (const auto& name : ReportedSettings()) before[name] = GetSetting(name);
    settings_ = sp.settings->first;
    local_settings_ = sp.settings->second;
    for (const auto& [name, value] : before)
      if (GetSetting(name) != value) changed_reported_.insert(name);
  }
}

void Session::ExecuteSimple(const std::string& sql, ResultSink* sink) {
  StatementTimer timer;
  std::unique_ptr<Script> script;
  try {
    script = ParseSql(sql);
  } catch (const Error&) {
    AbortBlock();  // a syntax error aborts the transaction block too
    throw;
  }
  if (script->statements.empty()) {
    sink->Complete("");
    return;
  }
  // The statements of one message run in one transaction unless they control transactions
  // themselves (PostgreSQL's implicit transaction block): an error undoes them all.
  const bool several = script->statements.size() > 1;
  query_string_ = sql;
  try {
    for (const auto& rs : script->statements) {
      statement_text_ = rs.length ? sql.substr(static_cast<size_t>(rs.location), static_cast<size_t>(rs.length))
                                  : sql.substr(static_cast<size_t>(rs.location));
      if (several && !txn_ && rs.stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
        BeginTxn(true);
        implicit_block_ = true;
      }
      RunStatement(rs.stmt, nullptr, {}, {}, sink);
    }
  } catch (...) {
    if (implicit_block_) RollbackTxn();
    throw;
  }
  if (implicit_block_) CommitTxn();
  timer.Finish(*this, "statement", sql);
}

std::shared_ptr<PreparedStatement> Session::Prepare(const std::string& sql, const std::vector<uint32_t>& param_oids) {
  auto ps = std::make_shared<PreparedStatement>();
  ps->sql = sql;
  std::unique_ptr<Script> script;
  try {
    script = ParseSql(sql);
  } catch (const Error&) {
    AbortBlock();
    throw;
  }
  if (script->statements.size() > 1)
    throw Error(sqlstate::kSyntaxError, "cannot insert multiple commands into a prepared statement");
  ps->script = std::shared_ptr<Script>(script.release());
  if (ps->script->statements.empty()) return ps;
  ps->stmt = ps->script->statements[0].stmt;
  ParamTypes params;
  params.allow_new = true;
  auto cat = CurrentCatalog();
  for (uint32_t o : param_oids) {
    Type t(oid::kUnknown);
    if (o != 0) {
      t = Type(o);
      // array OIDs map back to element + array flag
      for (uint32_t base : {oid::kBool, oid::kInt2, oid::kInt4, oid::kInt8, oid::kText, oid::kVarchar, oid::kFloat4, oid::kFloat8, oid::kNumeric, oid::kUuid, oid::kDate, oid::kTimestamp, oid::kTimestamptz, oid::kBpchar, oid::kJsonb, oid::kBytea, oid::kInterval, oid::kTime})
        if (ArrayOidOf(base) == o) t = Type(base, -1, true);
      if (auto user = cat->FindUserType(o)) t = *user;
    }
    params.types.push_back(t);
  }
  // Describe inside a throwaway read of the current state.
  if (ps->stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT || ps->stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT ||
      ps->stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT || ps->stmt->node_case == PG_QUERY__NODE__NODE_DELETE_STMT ||
      ps->stmt->node_case == PG_QUERY__NODE__NODE_EXPLAIN_STMT) {
    ExecState st;
    st.session = this;
    st.db = db_;
    st.catalog = cat;
    st.dt = DateTime();
    ps->columns = DescribeStatement(ps->stmt, &st, &params, &ps->returns_rows);
  } else if (ps->stmt->node_case == PG_QUERY__NODE__NODE_EXECUTE_STMT) {
    auto inner = FindPrepared(ps->stmt->execute_stmt->name);
    ps->columns = inner->columns;
    ps->returns_rows = inner->returns_rows;
  } else if (ps->stmt->node_case == PG_QUERY__NODE__NODE_FETCH_STMT && !ps->stmt->fetch_stmt->ismove) {
    if (auto columns = cursors_.Columns(ps->stmt->fetch_stmt->portalname)) {
      ps->returns_rows = true;
      ps->columns = *columns;
    }
  } else if (ps->stmt->node_case == PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT) {
    ps->returns_rows = true;
    ps->columns = ShowColumns(ps->stmt->variable_show_stmt->name);
  }
  for (auto& t : params.types)
    if (t.id == oid::kUnknown && !t.array) t = Type(oid::kText);
  ps->param_types = params.types;
  return ps;
}

void Session::ExecutePrepared(const PreparedStatement& ps, const std::vector<Value>& params, ResultSink* sink) {
  if (!ps.stmt) {
    sink->Complete("");
    return;
  }
  StatementTimer timer;
  statement_text_ = ps.sql;
  query_string_ = ps.sql;
  BeginUntilSync();
  RunStatement(ps.stmt, &ps, params, ps.param_types, sink);
  timer.Finish(*this, "execute", ps.sql);
}

void Session::BeginUntilSync() {
  if (txn_) return;
  BeginTxn(false);
  until_sync_ = true;
}

void Session::Sync() {
  if (until_sync_ && !in_block_) CommitTxn();
  until_sync_ = false;
}

void Session::AbortAfterError() {
  if (in_block_) AbortBlock();
  else if (until_sync_) RollbackTxn();
}

bool Session::BindPortal(const std::string& name, const std::shared_ptr<PreparedStatement>& ps,
                         const std::vector<Value>& params) {
  if (name.empty()) cursors_.Drop(name);
  BeginUntilSync();
  bool block = (in_block_ && !implicit_block_ && !failed_) || until_sync_;
  if (!block || !CursorSet::CanBindPortal(ps->stmt)) {
    if (!name.empty() && cursors_.Has(name)) throw Error("42P03", "cursor \"" + name + "\" already exists");
    return false;
  }
  cursors_.BindPortal(name, ps->sql, ps->script, ps->stmt, ps->columns, ps->param_types, params, savepoints_.size());
  return true;
}

bool Session::FetchPortal(const std::string& name, int64_t max_rows, ResultSink* sink) {
  const CursorInfo* info = cursors_.Info(name);
  if (!info) throw Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
  statement_text_ = info->statement;
  query_string_ = info->statement;
  // The Execute runs as the statement FETCH n: timeouts, cancel, the transaction's state.
  PgQuery__FetchStmt fetch = PG_QUERY__FETCH_STMT__INIT;
  fetch.direction = PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD;
  fetch.how_many = max_rows > 0 ? max_rows : LLONG_MAX;
  fetch.portalname = const_cast<char*>(name.c_str());
  Node node = PG_QUERY__NODE__INIT;
  node.node_case = PG_QUERY__NODE__NODE_FETCH_STMT;
  node.fetch_stmt = &fetch;
  // Rows go straight through; the tag becomes SELECT's, or PortalSuspended.
  struct PortalRows : ResultSink {
    ResultSink* to;
    int64_t limit;
    bool suspended = false;
    void AddRow(const Row& row) override { to->AddRow(row); }
    void SendNotice(const Notice& n) override { to->SendNotice(n); }
    void Complete(const std::string& tag) override {
      int64_t n = std::stoll(tag.substr(tag.find(' ') + 1));
      suspended = limit > 0 && n == limit;
      if (!suspended) to->Complete("SELECT " + std::to_string(n));
    }
  } rows;
  rows.to = sink;
  rows.limit = max_rows;
  StatementTimer timer;
  RunStatement(&node, nullptr, {}, {}, &rows);
  timer.Finish(*this, "execute", query_string_);
  return rows.suspended;
}

std::string Session::PlanSettingsKey() const {
  std::string key = std::to_string(CurrentUserId());
  for (const char* name : {"search_path", "timezone"}) {
    key += '\0';
    key += Setting(name);
  }
  return key;
}

void Session::RunStatement(Node* stmt, const PreparedStatement* prepared, const std::vector<Value>& params,
                           const std::vector<Type>& param_types, ResultSink* sink) {
  bool is_txn_stmt = stmt->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT;
  RefreshServerSettings();
  if (failed_ && in_block_) {
    bool allowed = is_txn_stmt && (stmt->transaction_stmt->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK ||
                                   stmt->transaction_stmt->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
                                   stmt->transaction_stmt->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO);
    if (!allowed) throw Error(sqlstate::kInFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
  }
  if (is_txn_stmt && HandleTransactionControl(stmt, sink)) return;
  bool implicit = !txn_;
  if (implicit) BeginTxn(false);
  // A statement whose buffers grew large (a sort, a hash table, a window partition) hands the
  // freed memory back to the OS when it ends, so one big query does not leave the server's
  // footprint at its peak. Declared before the statement's state, this runs after it is gone.
  struct TrimAfterLargeStatement {
    std::shared_ptr<MemoryAccount> account;
    ~TrimAfterLargeStatement() {
      if (account && account->peak() >= kLargeStatementBytes) ReleaseFreeMemory();
    }
  } trim;
  ExecState st;
  st.session = this;
  st.db = db_;
  st.txn = txn_;
  st.hint_writer = &hint_writer_;
  st.deletes = &txn_deletes_;
  st.catalog = CurrentCatalog();
  st.dt = DateTime();
  st.statement_start = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count() - kPgEpochUnixSeconds * kUsecPerSec;
  st.params = params;
  // EXECUTE runs the prepared statement in its place, with its plan.
  std::shared_ptr<PreparedStatement> executing;
  std::vector<Type> executing_types;
  if (stmt->node_case == PG_QUERY__NODE__NODE_EXECUTE_STMT) {
    try {
      executing = FindPrepared(stmt->execute_stmt->name);
      st.params = ExecuteArguments(stmt->execute_stmt, *executing, &st);
    } catch (...) {
      if (implicit || (until_sync_ && !in_block_)) RollbackTxn(); else AbortBlock();
      throw;
    }
    if (!executing->stmt) {
      if (implicit) CommitTxn();
      sink->Complete("");
      return;
    }
    stmt = executing->stmt;
    prepared = executing.get();
    executing_types = executing->param_types;
  }
  const std::vector<Type>& statement_param_types = executing ? executing_types : param_types;
  static std::atomic<uint64_t> next_exec_id{1};
  st.exec_id = next_exec_id++;
  cancel_requested = false;
  st.cancel = &cancel_requested;
  st.client_lost = &client_lost;
  SetMaxStackDepth(ParseMemoryBytes(Setting("max_stack_depth")));
  st.memory = std::make_shared<MemoryAccount>(ParseMemoryBytes(Setting("tusk.statement_memory_limit")));
  trim.account = st.memory;
  st.notify = [sink](const Notice& n) { sink->SendNotice(n); };
  ScopedNoticeSink notices_from_types(st.notify);  // a type's input function may raise one (tsquery)
  if (int64_t timeout_ms = DurationSettingMs(&st, "statement_timeout"); timeout_ms > 0)
    st.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  // READ COMMITTED reads each statement in a new snapshot; REPEATABLE READ takes one at the
  // transaction's first query and keeps it (the storage transaction then also checks that rows
  // it locks have not changed since).
  bool is_query = !is_txn_stmt && stmt->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
                  stmt->node_case != PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT;
  bool own_snapshot = true;
  if (is_query) {
    txn_query_started_ = true;
    const std::string level = Setting("transaction_isolation");
    if (level == "repeatable read" || level == "serializable") {
      TakeTransactionSnapshot();
      st.repeatable_read = true;
      own_snapshot = false;
    }
  }
  st.snapshot = own_snapshot ? db_->store()->db()->GetSnapshot() : txn_->GetSnapshot();
  auto release_snapshot = [&]() {
    if (own_snapshot) db_->store()->db()->ReleaseSnapshot(st.snapshot);
  };
  txn_->SetSavePoint();
  SavepointState before = Mark("");
  // a procedure committing inside the statement replaces its snapshot (EndTransactionInStatement)
  struct OwnsSnapshotSlot {
    bool** slot;
    bool* saved;
    ~OwnsSnapshotSlot() { *slot = saved; }
  } owns_snapshot_slot{&statement_owns_snapshot_, statement_owns_snapshot_};
  statement_owns_snapshot_ = &own_snapshot;
  try {
    if (is_query && Setting("transaction_read_only") == "on") CheckReadOnly(stmt);
    nonatomic_next_ = !in_block_ && !implicit_block_;  // CALL and DO may end transactions
    Dispatch(stmt, prepared, &st, statement_param_types, sink);
    release_snapshot();
    txn_->PopSavePoint();
  } catch (...) {
    release_snapshot();
    if (implicit || (until_sync_ && !in_block_)) {
      RollbackTxn();
    } else {
      txn_->RollbackToSavePoint();
      RestoreTo(before);
      AbortBlock();
    }
    // Whatever went wrong, the client gets an ErrorResponse and the server stays up.
    try {
      throw;
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw Error("53200", "out of memory");
    } catch (const std::exception& e) {
      throw Error("XX000", std::string("internal error: ") + e.what());
    }
  }
  if (implicit) CommitTxn();
}

void Session::Dispatch(Node* stmt, const PreparedStatement* prepared, ExecState* st, const std::vector<Type>& param_types,
                       ResultSink* sink) {
  const bool nonatomic = std::exchange(nonatomic_next_, false);
  struct Depth {
    int* depth;
    ~Depth() { --*depth; }
  } depth{&dispatch_depth_};
  ++dispatch_depth_;
  ParamTypes params;
  params.types = param_types;
  if (params.types.size() < st->params.size()) params.types.resize(st->params.size(), Type(oid::kText));
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      if (stmt->select_stmt->into_clause) {
        // SELECT ... INTO t: the same as CREATE TABLE t AS SELECT ...
        PgQuery__SelectStmt copy = *stmt->select_stmt;
        copy.into_clause = nullptr;
        Node q = PG_QUERY__NODE__INIT;
        q.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
        q.select_stmt = &copy;
        ExecuteCreateTableAs(stmt->select_stmt->into_clause, &q, false, st, &params, sink, "SELECT");
        return;
      }
      // A prepared statement keeps its plan, unless this transaction has changed the catalog.
      if (prepared && !txn_catalog_) {
        ExecuteCached(&prepared->plan, prepared->Described(), PlanSettingsKey(), st, &params, sink, [&](ExecState* s, ParamTypes* p) {
          return PlanSelectStatement(stmt, s, p);
        });
        return;
      }
      ExecuteSelect(stmt, st, &params, sink);
      return;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      auto* c = stmt->create_table_as_stmt;
      if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
        ExecuteCreateMaterializedView(c, st, sink);
        return;
      }
      ExecuteCreateTableAs(c->into, c->query, c->if_not_exists, st, &params, sink, "SELECT");
      return;
    }
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: ExecuteTruncate(stmt->truncate_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      // Prepared, they keep their plan as a SELECT does (UPDATE pg_settings is a query of its
      // own, planned each time).
      if (prepared && !txn_catalog_ &&
          !(stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT && IsSettingsViewUpdate(stmt->update_stmt, st))) {
        ExecuteCached(&prepared->plan, prepared->Described(), PlanSettingsKey(), st, &params, sink, [&](ExecState* s, ParamTypes* p) {
          return PlanModify(stmt, s, p);
        });
      } else if (stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT) {
        ExecuteInsert(stmt->insert_stmt, st, &params, sink);
      } else if (stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT) {
        ExecuteUpdate(stmt->update_stmt, st, &params, sink);
      } else {
        ExecuteDelete(stmt->delete_stmt, st, &params, sink);
      }
      return;
    case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
      cursors_.Declare(statement_text_, query_string_, in_block_, savepoints_.size(), params.types, st, sink);
      return;
    case PG_QUERY__NODE__NODE_FETCH_STMT: cursors_.Fetch(stmt->fetch_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT: cursors_.Close(stmt->close_portal_stmt, sink); return;
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT: ExecuteExplain(stmt->explain_stmt, st, &params, sink); return;
    case PG_QUERY__NODE__NODE_CALL_STMT: ExecuteCall(stmt->call_stmt, st, &params, sink, nonatomic); return;
    case PG_QUERY__NODE__NODE_DO_STMT: ExecuteDo(stmt->do_stmt, st, sink, nonatomic); return;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: ExecuteCreateTrigger(stmt->create_trig_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_VACUUM_STMT: ExecuteVacuum(stmt->vacuum_stmt, st, &params, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: ExecuteReindex(stmt->reindex_stmt, st, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT: ExecuteCluster(stmt->cluster_stmt, st, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT: ExecuteCheckpoint(st, sink); return;
    case PG_QUERY__NODE__NODE_CREATEDB_STMT: ExecuteCreateDatabase(stmt->createdb_stmt, st, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_DROPDB_STMT: ExecuteDropDatabase(stmt->dropdb_stmt, st, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT: ExecuteAlterDatabase(stmt->alter_database_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_ALTER_DATABASE_SET_STMT: ExecuteAlterDatabaseSet(stmt->alter_database_set_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT: ExecuteAlterRoleSet(stmt->alter_role_set_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_LISTEN_STMT:
      Listen(stmt->listen_stmt->conditionname);
      sink->Complete("LISTEN");
      return;
    case PG_QUERY__NODE__NODE_UNLISTEN_STMT: {
      const char* channel = stmt->unlisten_stmt->conditionname;
      Unlisten(channel && *channel ? channel : "*");
      sink->Complete("UNLISTEN");
      return;
    }
    case PG_QUERY__NODE__NODE_NOTIFY_STMT:
      Notify(stmt->notify_stmt->conditionname, stmt->notify_stmt->payload ? stmt->notify_stmt->payload : "");
      sink->Complete("NOTIFY");
      return;
    case PG_QUERY__NODE__NODE_PREPARE_STMT: ExecutePrepareStmt(stmt->prepare_stmt, st, sink); return;
    case PG_QUERY__NODE__NODE_DEALLOCATE_STMT: ExecuteDeallocate(stmt->deallocate_stmt, sink); return;
    case PG_QUERY__NODE__NODE_LOCK_STMT: ExecuteLockTable(stmt->lock_stmt, st, sink, in_block_); return;
    case PG_QUERY__NODE__NODE_COPY_STMT: ExecuteCopy(stmt->copy_stmt, st, &params, sink); return;
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT: ExecuteShow(stmt->variable_show_stmt, sink); return;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: ExecuteSet(stmt->variable_set_stmt, sink); return;
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: ExecuteAlterSystem(stmt->alter_system_stmt, sink); return;
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      throw Error(sqlstate::kFeatureNotSupported, "this transaction command is not supported");
    default:
      if (ExecuteDdl(stmt, st, sink)) {
        if (txn_catalog_) {
          txn_catalog_->AssignObjectOids();  // new constraints and defaults
          txn_catalog_->RefreshRowTypes();
        }
        return;
      }
      throw Error(sqlstate::kFeatureNotSupported, "statement type is not supported yet");
  }
}

}  // namespace tusk
