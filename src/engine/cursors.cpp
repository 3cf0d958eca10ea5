#include "engine/cursors.hpp"

#include <chrono>
#include <climits>

#include "access/read_view.hpp"
#include "common/error.hpp"
#include "engine/session.hpp"
#include "execution/memory.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {
// DeclareCursorStmt.options bits (PostgreSQL's CURSOR_OPT_*).
constexpr int kBinary = 0x1, kScroll = 0x2, kNoScroll = 0x4, kInsensitive = 0x8, kAsensitive = 0x10, kHold = 0x20;
constexpr int64_t kAll = LLONG_MAX;  // FETCH ALL

int64_t NowMicrosSince2000() {
  constexpr int64_t kUnixTo2000 = 946684800LL * 1000000;
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count() -
         kUnixTo2000;
}

bool HasLockingClause(Node* query) {
  return query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT && query->select_stmt->n_locking_clause > 0;
}

bool HasModifyingCte(Node* query) {
  if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT || !query->select_stmt->with_clause) return false;
  auto* with = query->select_stmt->with_clause;
  for (size_t i = 0; i < with->n_ctes; i++) {
    Node* cte = with->ctes[i];
    if (cte->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) continue;
    switch (cte->common_table_expr->ctequery->node_case) {
      case PG_QUERY__NODE__NODE_INSERT_STMT:
      case PG_QUERY__NODE__NODE_UPDATE_STMT:
      case PG_QUERY__NODE__NODE_DELETE_STMT:
      case PG_QUERY__NODE__NODE_MERGE_STMT: return true;
      default: break;
    }
  }
  return false;
}
}  // namespace

// One cursor: its own parse tree, plan and execution state, and PostgreSQL's position rules
// (pos_ is the current row, 1-based; at_start_ / at_end_ before the first / after the last).
class Cursor {
 public:
  // `script` owns `query`; `param_types` and `params` are the statement's parameters.
  Cursor(CursorInfo info, std::shared_ptr<Script> script, Node* query, std::vector<ColumnInfo> columns,
         std::vector<Type> param_types, std::vector<Value> params)
      : info_(std::move(info)), script_(std::move(script)), query_node_(query), columns_(std::move(columns)),
        params_(std::move(params)), held_("cursor") {
    param_types_.types = std::move(param_types);
    if (param_types_.types.size() < params_.size()) param_types_.types.resize(params_.size(), Type(oid::kText));
  }
  // Plans and opens the query in `st`'s transaction: a DECLARE opens its cursor at once, a
  // protocol portal at its first Execute or FETCH.
  void Open(ExecState* st) {
    // The cursor's own execution state: the statement's, with its own snapshot and reads.
    st_ = *st;
    st_.opened.clear();
    st_.relation_locks.clear();
    st_.params = params_;
    st_.frozen_writes = FreezeWrites(st->txn);  // see access/read_view.hpp
    if (!st->repeatable_read) {
      own_snapshot_ = st->db->store()->db()->GetSnapshot();
      st_.snapshot = own_snapshot_;
    }  // else the transaction's, which lives as long as the cursor may
    opened_ = true;
    planner_ = std::make_unique<Planner>(&st_, &param_types_);
    query_ = planner_->PlanSelect(query_node_, nullptr);
    columns_ = query_.columns;
    ctx_.state = &st_;
    query_.root->Open(&ctx_);
    source_open_ = true;
    // A scrollable cursor keeps every row, so it can move backward.
    if (info_.scrollable) Materialize();
  }
  ~Cursor() { CloseSource(); }

  const CursorInfo& info() const { return info_; }
  bool opened() const { return opened_; }
  const std::vector<ColumnInfo>& columns() const { return columns_; }
  // Whether it was declared in the transaction now running (not held over from an earlier one).
  bool in_current_transaction = true;
  // Read by a PL/pgSQL FOR loop: a COMMIT or ROLLBACK in a procedure holds it (HoldPinned).
  bool pinned = false;
  void MakeHoldable() { info_.holdable = true; }
  // How many savepoints were open at DECLARE: rolling back to one of them closes the cursor.
  size_t savepoint_depth = 0;
  // A FETCH failed: PostgreSQL's failed portal, which no FETCH may run again.
  bool failed = false;

  // Computes the rows not yet read, so that the cursor no longer needs its transaction.
  void Materialize() {
    if (!source_open_) return;
    base_ = pulled_;
    Row row;
    while (query_.root->Next(&row)) {
      held_.AddRow(&st_, row);
      rows_.push_back(row);
    }
    CloseSource();
  }

  // FETCH or MOVE (out null): PostgreSQL's DoPortalRunFetch. Returns the number of rows.
  uint64_t Fetch(PgQuery__FetchDirection direction, int64_t count, ExecState* st, std::vector<Row>* out) {
    if (!opened_) Open(st);
    Refresh(st);
    // FETCH -n is FETCH BACKWARD n (and BACKWARD -n forward)
    if ((direction == PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD || direction == PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD) && count < 0) {
      direction = direction == PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD ? PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD
                                                                         : PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD;
      count = -count;
    }
    switch (direction) {
      case PG_QUERY__FETCH_DIRECTION__FETCH_ABSOLUTE:
        if (count > 0) {
          // rewind and advance count-1 rows, unless stepping from here is shorter
          if (static_cast<uint64_t>(count - 1) <= pos_ / 2) {
            Rewind();
            if (count > 1) Run(true, count - 1, nullptr);
          } else {
            int64_t here = static_cast<int64_t>(pos_) + (at_end_ ? 1 : 0);
            if (count <= here) Run(false, here - count + 1, nullptr);
            else if (count > here + 1) Run(true, count - here - 1, nullptr);
          }
          return Run(true, 1, out);
        }
        if (count < 0) {
          // to the end, back abs(count)-1 rows, and the row before
          Run(true, kAll, nullptr);
          if (count < -1) Run(false, -count - 1, nullptr);
          return Run(false, 1, out);
        }
        Rewind();
        return 0;
      case PG_QUERY__FETCH_DIRECTION__FETCH_RELATIVE:
        if (count > 0) {
          if (count > 1) Run(true, count - 1, nullptr);
          return Run(true, 1, out);
        }
        if (count < 0) {
          if (count < -1) Run(false, -count - 1, nullptr);
          return Run(false, 1, out);
        }
        direction = PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD;
        break;
      default: break;
    }
    bool forward = direction != PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD;
    if (count == 0) {  // the current row again, if the cursor is on one
      bool on_row = !at_start_ && !at_end_;
      if (!out) return on_row ? 1 : 0;
      if (!on_row) return 0;
      Run(false, 1, nullptr);
      count = 1;
      forward = true;
    }
    if (!forward && count == kAll && !out) {  // MOVE BACKWARD ALL
      uint64_t moved = pos_ > 0 && !at_end_ ? pos_ - 1 : pos_;
      Rewind();
      return moved;
    }
    return Run(forward, count, out);
  }

 private:
  // Per FETCH: this statement's notices, timeout and memory limit apply.
  void Refresh(ExecState* st) {
    st_.notify = st->notify;
    st_.deadline = st->deadline;
    st_.memory = st->memory;
    st_.dt = st->dt;
  }

  void CloseSource() {
    if (source_open_) {
      ReleaseOpened(&st_);
      source_open_ = false;
    }
    if (own_snapshot_) {
      st_.db->store()->db()->ReleaseSnapshot(own_snapshot_);
      own_snapshot_ = nullptr;
    }
  }

  void RequireScroll() const {
    if (!info_.scrollable)
      throw Error(sqlstate::kObjectNotInPrerequisiteState, "cursor can only scan forward")
          .WithHint("Declare it with SCROLL option to enable backward scan.");
  }

  void Rewind() {
    if (at_start_ && !at_end_) return;
    RequireScroll();
    at_start_ = true;
    at_end_ = false;
    pos_ = 0;
  }

  // Row number n (1-based), pulled from the plan when it is the next one; false past the last.
  bool RowAt(uint64_t n, Row* row) {
    if (n > base_ && n - base_ <= rows_.size()) {
      *row = rows_[n - base_ - 1];
      return true;
    }
    if (!source_open_ || n != pulled_ + 1) return false;
    CheckInterrupts(&st_);
    if (!query_.root->Next(row)) return false;
    pulled_++;
    return true;
  }

  // PostgreSQL's PortalRunSelect: up to count rows forward or backward from the position.
  uint64_t Run(bool forward, int64_t count, std::vector<Row>* out) {
    uint64_t n = 0;
    bool all = count == kAll;
    if (forward) {
      if (at_end_ || count <= 0) return 0;
      Row row;
      while ((all || n < static_cast<uint64_t>(count)) && RowAt(pos_ + n + 1, &row)) {
        if (out) out->push_back(row);
        n++;
      }
      if (n > 0) at_start_ = false;
      if (all || n < static_cast<uint64_t>(count)) at_end_ = true;
      pos_ += n;
      return n;
    }
    RequireScroll();
    if (at_start_ || count <= 0) return 0;
    uint64_t first = at_end_ ? pos_ : pos_ - 1;  // going back, the first row returned
    Row row;
    while ((all || n < static_cast<uint64_t>(count)) && n < first && RowAt(first - n, &row)) {
      if (out) out->push_back(row);
      n++;
    }
    if (n > 0 && at_end_) {
      at_end_ = false;
      pos_++;
    }
    if (all || n < static_cast<uint64_t>(count)) {
      at_start_ = true;
      pos_ = 0;
    } else {
      pos_ -= n;
    }
    return n;
  }

  CursorInfo info_;
  std::shared_ptr<Script> script_;
  Node* query_node_;
  std::vector<ColumnInfo> columns_;
  std::vector<Value> params_;
  ParamTypes param_types_;
  bool opened_ = false;
  ExecState st_;
  std::unique_ptr<Planner> planner_;
  PlannedQuery query_;
  EvalContext ctx_;
  const rocksdb::Snapshot* own_snapshot_ = nullptr;
  bool source_open_ = false;
  uint64_t pulled_ = 0;     // rows read from the plan so far
  std::vector<Row> rows_;   // kept rows: numbers base_+1 ...
  uint64_t base_ = 0;
  MemoryCharge held_;
  uint64_t pos_ = 0;
  bool at_start_ = true, at_end_ = false;
};

CursorSet::CursorSet() = default;
CursorSet::~CursorSet() = default;

void CursorSet::Declare(const std::string& statement, const std::string& query_string, bool in_block,
                        size_t savepoint_depth, const std::vector<Type>& param_types, ExecState* st, ResultSink* sink) {
  std::unique_ptr<Script> script = ParseSql(statement);
  if (script->statements.size() != 1 || script->statements[0].stmt->node_case != PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT)
    throw Error(sqlstate::kFeatureNotSupported, "DECLARE CURSOR must be sent as a statement of its own");
  auto* d = script->statements[0].stmt->declare_cursor_stmt;
  std::string name = d->portalname ? d->portalname : "";
  if (name.empty()) throw Error(sqlstate::kInvalidCursorName, "invalid cursor name: must not be empty");
  if ((d->options & kScroll) && (d->options & kNoScroll))
    throw Error("42P11", "cannot specify both SCROLL and NO SCROLL");
  if ((d->options & kAsensitive) && (d->options & kInsensitive))
    throw Error("42P11", "cannot specify both ASENSITIVE and INSENSITIVE");
  if (HasModifyingCte(d->query))
    throw Error(sqlstate::kFeatureNotSupported, "DECLARE CURSOR must not contain data-modifying statements in WITH");
  if (HasLockingClause(d->query)) {
    if (d->options & kHold)
      throw Error(sqlstate::kFeatureNotSupported, "DECLARE CURSOR WITH HOLD ... FOR UPDATE is not supported")
          .WithDetail("Holdable cursors must be READ ONLY.");
    if (d->options & kScroll)
      throw Error(sqlstate::kFeatureNotSupported, "DECLARE SCROLL CURSOR ... FOR UPDATE is not supported")
          .WithDetail("Scrollable cursors must be READ ONLY.");
  }
  if (d->options & kBinary) throw Error(sqlstate::kFeatureNotSupported, "binary cursors are not supported yet");
  if (!(d->options & kHold) && !in_block)
    throw Error(sqlstate::kNoActiveSqlTransaction, "DECLARE CURSOR can only be used in transaction blocks");
  if (cursors_.count(name)) throw Error("42P03", "cursor \"" + name + "\" already exists");
  CursorInfo info{name, query_string, (d->options & kHold) != 0, false, (d->options & kScroll) != 0, NowMicrosSince2000(), true};
  Node* query = d->query;
  auto cursor = std::make_unique<Cursor>(std::move(info), std::shared_ptr<Script>(script.release()), query,
                                         std::vector<ColumnInfo>{}, param_types, st->params);
  cursor->savepoint_depth = savepoint_depth;
  cursor->Open(st);
  cursors_[name] = std::move(cursor);
  sink->Complete("DECLARE CURSOR");
}

bool CursorSet::CanBindPortal(Node* query) {
  return query && query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT && !query->select_stmt->into_clause &&
         !HasModifyingCte(query);
}

void CursorSet::BindPortal(const std::string& name, const std::string& sql, std::shared_ptr<Script> script, Node* query,
                           std::vector<ColumnInfo> columns, std::vector<Type> param_types, std::vector<Value> params,
                           size_t savepoint_depth) {
  if (name.empty()) cursors_.erase(name);  // a Bind replaces the unnamed portal
  else if (cursors_.count(name)) throw Error("42P03", "cursor \"" + name + "\" already exists");
  CursorInfo info{name, sql, false, false, false, NowMicrosSince2000(), false};
  auto cursor = std::make_unique<Cursor>(std::move(info), std::move(script), query, std::move(columns),
                                         std::move(param_types), std::move(params));
  cursor->savepoint_depth = savepoint_depth;
  cursors_[name] = std::move(cursor);
}

void CursorSet::OpenForFunction(const std::string& name, std::shared_ptr<Script> script, Node* query, std::vector<Type> param_types,
                                std::vector<Value> params, bool scroll, size_t savepoint_depth, ExecState* st) {
  if (cursors_.count(name)) throw Error("42P03", "cursor \"" + name + "\" already in use");
  if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT || query->select_stmt->into_clause)
    throw Error("42P11", "cannot open a query that does not return rows as a cursor");
  if (HasModifyingCte(query)) throw Error(sqlstate::kFeatureNotSupported, "a cursor's query must not contain data-modifying statements in WITH");
  CursorInfo info{name, "", false, false, scroll, NowMicrosSince2000(), true};
  auto cursor = std::make_unique<Cursor>(std::move(info), std::move(script), query, std::vector<ColumnInfo>{}, std::move(param_types),
                                         std::move(params));
  cursor->savepoint_depth = savepoint_depth;
  cursor->Open(st);
  cursors_[name] = std::move(cursor);
}

uint64_t CursorSet::FetchRows(const std::string& name, PgQuery__FetchDirection direction, int64_t count, ExecState* st,
                              std::vector<Row>* out) {
  Cursor& c = Find(name);
  if (c.failed) throw Error(sqlstate::kObjectNotInPrerequisiteState, "portal \"" + name + "\" cannot be run");
  try {
    return c.Fetch(direction, count, st, out);
  } catch (...) {
    c.failed = true;
    throw;
  }
}

bool CursorSet::Has(const std::string& name) const { return cursors_.count(name) > 0; }

const CursorInfo* CursorSet::Info(const std::string& name) const {
  auto it = cursors_.find(name);
  return it == cursors_.end() ? nullptr : &it->second->info();
}

bool CursorSet::Opened(const std::string& name) const {
  auto it = cursors_.find(name);
  return it != cursors_.end() && it->second->opened();
}

void CursorSet::Drop(const std::string& name) { cursors_.erase(name); }

Cursor& CursorSet::Find(const std::string& name) const {
  auto it = cursors_.find(name);
  if (it == cursors_.end()) throw Error(sqlstate::kInvalidCursorName, "cursor \"" + name + "\" does not exist");
  return *it->second;
}

std::optional<std::vector<ColumnInfo>> CursorSet::Columns(const std::string& name) const {
  auto it = cursors_.find(name);
  if (it == cursors_.end()) return std::nullopt;
  return it->second->columns();
}

void CursorSet::Fetch(PgQuery__FetchStmt* stmt, ExecState* st, ResultSink* sink) {
  Cursor& c = Find(stmt->portalname ? stmt->portalname : "");
  if (!stmt->ismove) sink->Columns(c.columns());
  if (c.failed) throw Error(sqlstate::kObjectNotInPrerequisiteState, "portal \"" + c.info().name + "\" cannot be run");
  std::vector<Row> rows;
  uint64_t n;
  try {
    n = c.Fetch(stmt->direction, stmt->how_many, st, stmt->ismove ? nullptr : &rows);
  } catch (...) {
    c.failed = true;
    throw;
  }
  for (const Row& r : rows) sink->Emit(st, r);
  sink->Complete((stmt->ismove ? "MOVE " : "FETCH ") + std::to_string(n));
}

void CursorSet::Close(PgQuery__ClosePortalStmt* stmt, ResultSink* sink) {
  std::string name = stmt->portalname ? stmt->portalname : "";
  if (name.empty()) {  // CLOSE ALL
    cursors_.clear();
  } else {
    Find(name);
    cursors_.erase(name);
  }
  sink->Complete("CLOSE CURSOR");
}

void CursorSet::BeforeCommit() {
  for (auto it = cursors_.begin(); it != cursors_.end();) {
    if (it->second->info().holdable) {
      it->second->Materialize();
      it->second->in_current_transaction = false;
      ++it;
    } else {
      it = cursors_.erase(it);
    }
  }
}

void CursorSet::Pin(const std::string& name) { Find(name).pinned = true; }

void CursorSet::HoldPinned() {
  for (auto& [name, c] : cursors_) {
    if (!c->pinned || !c->in_current_transaction) continue;
    c->Materialize();
    c->MakeHoldable();
    c->in_current_transaction = false;
  }
}

void CursorSet::AtAbort() {
  for (auto it = cursors_.begin(); it != cursors_.end();)
    it = it->second->in_current_transaction ? cursors_.erase(it) : std::next(it);
}

void CursorSet::AtRollbackTo(size_t depth) {
  for (auto it = cursors_.begin(); it != cursors_.end();)
    it = it->second->in_current_transaction && it->second->savepoint_depth >= depth ? cursors_.erase(it) : std::next(it);
}

void CursorSet::AtRelease(size_t depth) {
  for (auto& [name, c] : cursors_)
    if (c->in_current_transaction && c->savepoint_depth >= depth) c->savepoint_depth = depth - 1;
}

std::vector<CursorInfo> CursorSet::List() const {
  std::vector<CursorInfo> out;
  for (const auto& [name, c] : cursors_)
    if (c->info().visible) out.push_back(c->info());
  return out;
}

}  // namespace tusk
