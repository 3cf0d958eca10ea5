// Session: one client's connection state — settings, the current transaction, prepared
// statements — and the entry point that runs SQL.
//
// Transactions: outside BEGIN, every statement runs in its own transaction. Inside, each
// statement is atomic (a storage savepoint); an error puts the block in the aborted state
// (25P02) until ROLLBACK. READ COMMITTED statements see a fresh snapshot each; REPEATABLE READ
// transactions one snapshot, taken at their first query.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.hpp"
#include "engine/advisory_locks.hpp"
#include "engine/cursors.hpp"
#include "engine/database.hpp"
#include "engine/result.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"
#include "settings/settings.hpp"

namespace tusk {

class ObjectNames;
struct ServerSettings;

// A parsed statement with its inferred parameter types and result columns (extended protocol).
struct PreparedStatement {
  std::string sql;
  std::shared_ptr<Script> script;
  Node* stmt = nullptr;  // null for an empty query
  std::vector<Type> param_types;
  std::vector<ColumnInfo> columns;  // empty when the statement returns no rows
  bool returns_rows = false;
  bool from_sql = false;   // made by SQL PREPARE (pg_prepared_statements.from_sql)
  std::string shown_sql;   // the PREPARE statement's text, for SQL PREPARE
  // The plan of a SELECT, INSERT, UPDATE or DELETE, made at its first execution and reused
  // (engine/plan_cache.hpp).
  mutable std::shared_ptr<struct CachedPlan> plan;
  // A statement of a PL/pgSQL body, kept with its plan: no client was told its columns.
  bool in_function = false;
  const std::vector<ColumnInfo>* Described() const { return in_function ? nullptr : &columns; }
};

class Session {
 public:
  Session(Database* db, std::string user, std::string database);
  ~Session();

  // Runs every statement of a simple-query string; stops at the first error (rethrown).
  // The client's whole query string: positions in errors count from its start.
  const std::string& query_string() const { return query_string_; }
  void ExecuteSimple(const std::string& sql, ResultSink* sink);
  // Extended protocol: parse and describe, then execute with bound parameters.
  std::shared_ptr<PreparedStatement> Prepare(const std::string& sql, const std::vector<uint32_t>& param_oids);
  void ExecutePrepared(const PreparedStatement& ps, const std::vector<Value>& params, ResultSink* sink);
  // Extended-protocol portals that stream (engine/cursors.hpp): BindPortal makes a bound SELECT
  // inside a transaction block a cursor named `name` and says whether it did; FetchPortal sends
  // up to max_rows of its rows (0: all) and says whether it stopped short of the end
  // (PortalSuspended); otherwise the sink got "SELECT n". A portal that was never fetched from
  // can still run whole through ExecutePrepared, with the statement's kept plan.
  bool BindPortal(const std::string& name, const std::shared_ptr<PreparedStatement>& ps, const std::vector<Value>& params);
  // Sync: commits the transaction the Binds and Executes since the last Sync ran in, when they
  // ran outside a transaction block (as PostgreSQL, they form one implicit transaction).
  void Sync();
  // An extended-protocol message failed: as any error in PostgreSQL, it aborts the transaction
  // block, or rolls back the implicit transaction.
  void AbortAfterError();
  bool FetchPortal(const std::string& name, int64_t max_rows, ResultSink* sink);
  bool PortalExists(const std::string& name) const { return cursors_.Has(name); }
  bool PortalOpened(const std::string& name) const { return cursors_.Opened(name); }
  void ClosePortal(const std::string& name) { cursors_.Drop(name); }
  // Named prepared statements, shared by PREPARE/EXECUTE/DEALLOCATE and the extended protocol
  // (engine/prepared_statements.cpp). "" is the unnamed one, which a new Parse replaces.
  void AddPrepared(const std::string& name, std::shared_ptr<PreparedStatement> ps);
  std::shared_ptr<PreparedStatement> FindPrepared(const std::string& name) const;  // 26000 if none
  void ClosePrepared(const std::string& name) { prepared_.erase(name); }
  const std::map<std::string, std::shared_ptr<PreparedStatement>>& prepared() const { return prepared_; }

  // 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block.
  char TransactionStatus() const;
  // Called when a connection ends: rolls back any open transaction.
  void Close();

  const std::string& user() const { return user_; }
  const std::string& database() const { return database_; }
  uint32_t database_oid() const { return database_oid_; }
  // The table locks transaction `owner` holds, a bit per mode (1 << TableLockMode): a statement
  // asking again for one its transaction holds skips the lock table and its mutex, which 8
  // clients running triggers contended for (PostgreSQL's fast path for weak locks plays the same
  // part). Locks are held until the transaction ends, when the record is cleared.
  bool HoldsTableLock(uint64_t owner, uint32_t rel, uint16_t bit) const {
    if (owner != held_locks_owner_) return false;
    auto it = held_locks_.find(rel);
    return it != held_locks_.end() && (it->second & bit);
  }
  void NoteTableLock(uint64_t owner, uint32_t rel, uint16_t bit) {
    if (owner != held_locks_owner_) {
      held_locks_.clear();
      held_locks_owner_ = owner;
    }
    held_locks_[rel] |= bit;
  }
  int32_t pid() const { return pid_; }
  std::vector<std::string> SearchPath() const;
  // Settings (engine/session_settings.cpp). GetSetting returns the value as SHOW prints it,
  // nullopt when no setting has that name.
  std::optional<std::string> GetSetting(const std::string& name) const;
  // A setting's value by its lower-case name, without a copy ("" when there is none): what the
  // paths run for every statement or row read.
  const std::string& Setting(std::string_view lower_name) const;
  // SET (source kSession) or a startup packet's option (kClient): checks the name, the value and
  // whether it may change now, as PostgreSQL does.
  void SetSetting(const std::string& name, const std::string& value, bool is_local,
                  SettingSource source = SettingSource::kSession);
  // NOTICEs the last SetSetting has for the client (a name-typed value cut to 63 bytes).
  std::vector<std::string> TakeSettingNotices() { return std::exchange(setting_notices_, {}); }
  // LISTEN / UNLISTEN ("*": all) / NOTIFY (session_notify.cpp): they take effect when the
  // transaction commits; a transaction's identical notifications are sent once.
  void Listen(const std::string& channel);
  void Unlisten(const std::string& channel);
  void Notify(const std::string& channel, const std::string& payload);
  std::vector<std::string> ListeningChannels() const;
  // ALTER DATABASE / ROLE ... SET's change: the setting's name as PostgreSQL stores it
  // (pg_db_role_setting) and its value, checked as SET checks it (FROM CURRENT: the session's
  // value); nullopt for RESET, and the name "all" for RESET ALL.
  std::pair<std::string, std::optional<std::string>> ScopedSettingChange(PgQuery__VariableSetStmt* s);
  // RESET: back to the value from the startup packet, or else the server's.
  void ResetSetting(const std::string& name, bool is_local);
  // What pg_settings shows of one setting in this session.
  struct SettingView {
    std::string value, reset_value;
    SettingSource source = SettingSource::kDefault;
    std::string source_file;  // for kConfigFile
    int source_line = 0;
    bool pending_restart = false;
  };
  SettingView DescribeSetting(const SettingDef& def) const;
  // The role whose privileges statements use (current_user): a running SECURITY DEFINER
  // function's owner, else SET ROLE's role, else the session user (session_user: SET SESSION
  // AUTHORIZATION's, else the one that logged in). 0 when the role has been dropped meanwhile.
  std::string CurrentUserName() const;
  uint32_t CurrentUserId() const;
  std::string SessionUserName() const;
  // Whether the current user is a superuser (PostgreSQL's superuser()).
  bool superuser() const;
  // Runs as `role` until the returned value is given back (SECURITY DEFINER functions).
  uint32_t SwapDefinerUser(uint32_t role) { return std::exchange(definer_user_, role); }
  // 22023 / 42501 unless the session may SET ROLE / SESSION AUTHORIZATION to `value`.
  void CheckRoleChange(const std::string& key, const std::string& value) const;
  // Inside BEGIN ... COMMIT (or a multi-statement simple query): what statements that refuse to
  // run in a transaction block check.
  bool in_transaction_block() const { return in_block_; }
  // The settings a client is told about in ParameterStatus when they change.
  static const std::set<std::string>& ReportedSettings();
  // A setting's name as PostgreSQL spells it ("TimeZone"), for SHOW and ParameterStatus.
  static std::string SettingDisplayName(const std::string& name);
  std::vector<std::pair<std::string, std::string>> TakeChangedReported();
  DateTimeContext DateTime() const;

  Database* db() { return db_; }
  // Set by a CancelRequest from another connection; running scans check it.
  std::atomic<bool> cancel_requested{false};
  // Set by the server when the client hung up while a statement ran: the statement stops.
  std::atomic<bool> client_lost{false};
  // Set by pg_terminate_backend: the connection ends with 57P01.
  std::atomic<bool> terminate_requested{false};
  // The catalog this transaction sees (its own copy after DDL).
  std::shared_ptr<const Catalog> CurrentCatalog() const;
  // A private, writable copy for DDL; locks out concurrent DDL until this transaction ends.
  Catalog* MutableCatalog(ExecState* st);
  // The shared catalog (roles, databases) this transaction sees, and its writable copy for
  // role and database statements (which locks out the others of every database).
  std::shared_ptr<const ClusterCatalog> CurrentCluster() const;
  ClusterCatalog* MutableCluster();
  // Registers a dropped database whose storage goes once the transaction commits.
  void DropDatabaseOnCommit(uint32_t db) { pending_database_drops_.push_back(db); }
  // Registers relations whose storage must be removed once the transaction commits.
  void DropStorageOnCommit(uint32_t rel) { pending_drops_.push_back(rel); }
  // A relation this transaction created may have its keys written straight to storage,
  // outside the storage transaction (access/new_relation_writer.hpp), when every later read of
  // this transaction takes a new snapshot: a top-level statement at READ COMMITTED. The
  // relation is registered first; its keys go again if the transaction, or the savepoint or
  // statement that wrote them, rolls back.
  bool MayWriteOutsideTransaction(const ExecState* st) const;
  void NoteWrittenOutside(uint32_t rel) { written_outside_.push_back(rel); }
  // ANALYZE wrote new statistics of `table`: the planner's cache forgets them at commit.
  void NoteAnalyzed(uint32_t table) { analyzed_.push_back(table); }
  std::optional<int64_t> currval(uint32_t seq) const;
  void set_currval(uint32_t seq, int64_t v) { currvals_[seq] = v; lastval_ = v; }
  std::optional<int64_t> lastval() const { return lastval_; }
  AdvisoryLocks& advisory() { return advisory_; }
  const CursorSet& cursors() const { return cursors_; }
  CursorSet& mutable_cursors() { return cursors_; }
  size_t savepoint_depth() const { return savepoints_.size(); }
  // The SERIALIZABLE bookkeeping of the current transaction; null at other levels.
  const SerializableTransactions::Handle& serializable_txn() const { return ssi_; }

  // PL/pgSQL: runs one statement of a function body inside the running statement, with
  // st->params as its parameters; `kept` (its stmt is `stmt`), when given, keeps the plan of a
  // SELECT, INSERT, UPDATE or DELETE for the next run.
  // `nonatomic`: the function running it may end transactions (a procedure called by CALL
  // outside a transaction block), and so may a CALL or DO it runs.
  void RunNested(Node* stmt, ExecState* st, const std::vector<Type>& param_types, ResultSink* sink,
                 const PreparedStatement* kept = nullptr, bool nonatomic = false) {
    nonatomic_next_ = nonatomic;
    Dispatch(stmt, kept, st, param_types, sink);
  }

  // Transaction control in procedures (PL/pgSQL's COMMIT / ROLLBACK [AND CHAIN]), as
  // PostgreSQL's non-atomic execution context.
  //
  // CALL and DO run non-atomic outside a transaction block (and when a non-atomic procedure
  // runs them); ExecuteCall marks the procedure it runs so with this oid (0: none), which the
  // procedure takes when it starts (TakeNonAtomicCall), before its body can call anything.
  void MarkNonAtomicCall(uint32_t procedure) { nonatomic_call_ = procedure; }
  bool TakeNonAtomicCall(uint32_t procedure) {
    if (!procedure || nonatomic_call_ != procedure) return false;
    nonatomic_call_ = 0;
    return true;
  }
  // PL/pgSQL blocks with EXCEPTION clauses running now: no COMMIT while one is.
  int active_subtransactions() const { return active_subtransactions_; }
  // Ends the transaction the running statement `st` is in and starts the next, pointing *st
  // at it (its storage transaction, snapshot, catalog). `chain` keeps the isolation level and
  // access mode.
  void EndTransactionInStatement(ExecState* st, bool commit, bool chain);
  class Subtransaction;

 private:
  // prepared: the statement being executed (it keeps its plan); null for simple queries.
  void RunStatement(Node* stmt, const PreparedStatement* prepared, const std::vector<Value>& params,
                    const std::vector<Type>& param_types, ResultSink* sink);
  void Dispatch(Node* stmt, const PreparedStatement* prepared, ExecState* st, const std::vector<Type>& param_types,
                ResultSink* sink);
  // The settings a plan depends on, as one string (see engine/plan_cache.hpp).
  std::string PlanSettingsKey() const;
  bool HandleTransactionControl(Node* stmt, ResultSink* sink);
  void BeginTxn(bool explicit_block);
  void BeginUntilSync();  // an extended-protocol message outside a transaction: see until_sync_
  // BEGIN / START TRANSACTION options: ISOLATION LEVEL, READ ONLY / READ WRITE, DEFERRABLE.
  void ApplyTransactionOptions(Node** options, size_t n);
  void CommitTxn();
  void DiscardStorageTxn();
  void ReleaseStorageTxn(uint64_t keys_written);
  void ReleaseTableLocks();
  void ReportDeletes(bool committed);
  void TakeTransactionSnapshot();
  void EndSerializable(bool committed);
  // Puts the block in the failed state (25P02) and releases the aborted part's locks.
  void AbortBlock();
  void RollbackTxn();
  void ExecuteShow(PgQuery__VariableShowStmt* s, ResultSink* sink);
  void ExecuteSet(PgQuery__VariableSetStmt* s, ResultSink* sink);
  void ExecuteAlterSystem(PgQuery__AlterSystemStmt* s, ResultSink* sink);
  void ExecutePrepareStmt(PgQuery__PrepareStmt* s, ExecState* st, ResultSink* sink);
  void ExecuteDeallocate(PgQuery__DeallocateStmt* s, ResultSink* sink);
  // EXECUTE's arguments, evaluated and converted to the statement's parameter types.
  std::vector<Value> ExecuteArguments(PgQuery__ExecuteStmt* s, const PreparedStatement& ps, ExecState* st);
  std::vector<ColumnInfo> ShowColumns(const std::string& name) const;  // SHOW's result columns
  void InitSettings();
  // The ALTER ROLE ALL / DATABASE / ROLE / ROLE IN DATABASE ... SET values for this session.
  void ApplyScopedSettings();
  // Takes the server's settings anew after ALTER SYSTEM and pg_reload_conf().
  void RefreshServerSettings();
  // to_server: drop the session's value (RESET), so the server's applies again.
  void StoreSetting(const std::string& key, const std::string& value, bool is_local, bool to_server = false);

  void EndTransactionSettings(bool committed);

  Database* db_;
  std::string user_, database_;
  int32_t pid_;
  // transaction state
  rocksdb::Transaction* txn_ = nullptr;
  uint64_t table_lock_owner_ = 0;  // the transaction whose table locks (access/table_locks.hpp) we hold
  uint64_t held_locks_owner_ = 0;
  std::map<uint32_t, uint16_t> held_locks_;  // relation -> a bit per mode held by held_locks_owner_
  std::unique_ptr<rocksdb::Transaction> spare_txn_;  // the last finished one, for the next BEGIN
  mutable std::string tz_name_;  // the timezone setting tz_ was found for
  // The ObjectNames handed to each statement, rebuilt only when the catalog or search_path changes.
  mutable std::shared_ptr<const ObjectNames> names_;
  mutable const Catalog* names_catalog_ = nullptr;
  mutable const ClusterCatalog* names_cluster_ = nullptr;
  mutable std::string names_path_;
  mutable std::shared_ptr<const TimeZone> tz_;
  HeadHints::Writer hint_writer_;  // txn_'s Puts, announced to the head hints until it ends
  std::map<uint32_t, RangeCompactor::Deletes> txn_deletes_;  // txn_'s deletions, reported at commit
  bool in_block_ = false;
  // in_block_ for a multi-statement simple query's transaction, which ends with the message
  bool implicit_block_ = false;
  // The extended protocol's implicit transaction: begun by a Bind or Execute outside a block,
  // it holds every Execute up to the next Sync, which commits it; an error rolls it back.
  bool until_sync_ = false;
  // Transaction control in procedures (EndTransactionInStatement): whether the statement
  // Dispatch runs next is non-atomic, the procedure ExecuteCall runs so, the open EXCEPTION
  // blocks, and the running top-level statement's "its snapshot is its own" (RunStatement's).
  bool nonatomic_next_ = false;
  uint32_t nonatomic_call_ = 0;
  int active_subtransactions_ = 0;
  bool* statement_owns_snapshot_ = nullptr;
  // The transaction was begun by a procedure's COMMIT / ROLLBACK: SET TRANSACTION applies to it
  // though it is no transaction block (PostgreSQL's statements run by a procedure are not top
  // level).
  bool txn_from_procedure_ = false;
  // Dispatch's nesting: 1 for a client's statement, more for one a function runs (PostgreSQL's
  // "not top level").
  int dispatch_depth_ = 0;
  bool failed_ = false;
  int64_t txn_start_ = 0;
  bool txn_query_started_ = false;  // after this, the isolation level can no longer change
  std::shared_ptr<Catalog> txn_catalog_;  // private copy after DDL in this transaction
  std::vector<uint32_t> pending_drops_;
  std::vector<uint32_t> written_outside_;  // NoteWrittenOutside
  // Removes the storage of written_outside_[from...] and forgets them.
  void RemoveWrittenOutside(size_t from);
  std::vector<uint32_t> pending_database_drops_;
  std::shared_ptr<ClusterCatalog> txn_cluster_;
  uint32_t database_oid_ = 0;
  std::vector<uint32_t> analyzed_;
  // LISTEN / UNLISTEN ('L' / 'U', channel; "*" for all) and NOTIFYs waiting for the commit
  std::vector<std::pair<char, std::string>> pending_listens_;
  std::vector<Notification> pending_notifies_;
  void FinishNotifications(bool committed);
  // A savepoint remembers the transaction's catalog copy, since DDL changes are not in storage
  // until commit.
  struct SavepointState {
    std::string name;
    std::shared_ptr<Catalog> catalog;
    size_t pending_drops;
    size_t pending_listens, pending_notifies;
    size_t written_outside;
    std::shared_ptr<ClusterCatalog> cluster;  // roles created, changed or dropped since go back
    // A named savepoint also remembers the settings, which ROLLBACK TO puts back.
    std::shared_ptr<const std::pair<SettingValues, SettingValues>> settings;
  };
  std::vector<SavepointState> savepoints_;
  SavepointState Mark(const std::string& name) const;
  void RestoreTo(const SavepointState& sp);

 public:
  // A savepoint inside the running statement (PL/pgSQL's BEGIN ... EXCEPTION block): Rollback
  // undoes the writes and catalog changes made since, Release keeps them.
  class Subtransaction {
   public:
    explicit Subtransaction(Session* s) : s_(s), mark_(s->Mark("")) {
      s_->txn_->SetSavePoint();
      s_->active_subtransactions_++;
    }
    ~Subtransaction() { End(); }
    Subtransaction(const Subtransaction&) = delete;
    Subtransaction& operator=(const Subtransaction&) = delete;
    void Rollback() {
      End();
      s_->txn_->RollbackToSavePoint();
      s_->RestoreTo(mark_);
    }
    void Release() {
      End();
      s_->txn_->PopSavePoint();
    }

   private:
    void End() {
      if (open_) s_->active_subtransactions_--;
      open_ = false;
    }
    Session* s_;
    SavepointState mark_;
    bool open_ = true;
  };

 private:
  // settings: lower-case name -> value as SHOW prints it
  std::shared_ptr<const ServerSettings> server_;
  uint64_t server_generation_ = 0;
  uint32_t definer_user_ = 0;
  std::vector<std::string> UsableSchemas(std::vector<std::string> path) const;
  struct UsableSchemaCache {
    std::shared_ptr<const Catalog> catalog;
    std::shared_ptr<const ClusterCatalog> cluster;
    std::string key;
    std::vector<std::string> path;
  };
  mutable UsableSchemaCache usable_cache_;
  SettingValues settings_;  // what differs from server_
  SettingValues reset_values_;  // from the startup packet or ALTER ... SET
  std::map<std::string, SettingSource> reset_sources_;  // where each of those came from (kClient when absent)
  std::set<std::string> placeholders_;
  std::map<std::string, std::string> custom_names_;  // a custom setting's name as first SET spelled it
  std::vector<std::string> setting_notices_;  // custom settings once set: they read as '' after RESET
  SettingValues settings_at_begin_;  // valid when settings_saved_
  bool settings_saved_ = false;
  SettingValues local_settings_;
  std::set<std::string> changed_reported_;
  std::map<std::string, std::shared_ptr<PreparedStatement>> prepared_;
  std::string statement_text_;  // the text of the statement running (for PREPARE)
  std::string query_string_;    // the client's whole query string (pg_cursors shows it)
  std::map<uint32_t, int64_t> currvals_;
  std::optional<int64_t> lastval_;
  AdvisoryLocks advisory_;
  SerializableTransactions::Handle ssi_;
  CursorSet cursors_;
};

}  // namespace tusk
