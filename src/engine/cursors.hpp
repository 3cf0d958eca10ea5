// SQL cursors: DECLARE, FETCH, MOVE, CLOSE and the pg_cursors view.
//
// A cursor keeps its query's plan open and pulls rows as FETCH asks for them, so a client can
// walk a result far larger than memory (psycopg2's named cursors, JDBC's fetch size). It reads
// in the snapshot of its DECLARE. Without HOLD it lives until its transaction ends; WITH HOLD, its
// remaining rows are computed when the transaction commits (as PostgreSQL does) and it lives on
// until CLOSE or the session ends. SCROLL cursors keep every row so that they can move backward;
// the others move only forward.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "parser/parser.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

class Cursor;

struct CursorInfo {
  std::string name, statement;
  bool holdable, binary, scrollable;
  int64_t created;  // µs since 2000-01-01 (timestamptz)
  bool visible;     // declared in SQL (pg_cursors lists these), not an extended-protocol portal
};

class CursorSet {
 public:
  CursorSet();
  ~CursorSet();
  // DECLARE: `statement` is its text, parsed again so the cursor owns its tree; `query_string`
  // the client's whole query string (what pg_cursors shows); `savepoint_depth` how many
  // savepoints are open.
  void Declare(const std::string& statement, const std::string& query_string, bool in_block, size_t savepoint_depth,
               const std::vector<Type>& param_types, ExecState* st, ResultSink* sink);
  // Extended-protocol portals of a SELECT bound inside a transaction block are cursors too (as
  // in PostgreSQL, they share the names of SQL cursors and FETCH / MOVE work on them). Bound, a
  // portal opens its plan at its first FETCH, so that one executed whole at once never becomes
  // a cursor. `script` owns `query`.
  static bool CanBindPortal(Node* query);
  void BindPortal(const std::string& name, const std::string& sql, std::shared_ptr<Script> script, Node* query,
                  std::vector<ColumnInfo> columns, std::vector<Type> param_types, std::vector<Value> params,
                  size_t savepoint_depth);
  // PL/pgSQL's OPEN: a cursor over `query` (a SELECT; `script` owns it) planned now, with
  // `params` (of `param_types`) as its parameters; names the caller's binder scope resolves
  // (Binder::FunctionParametersScope) become those parameters. It is kept like a DECLAREd one,
  // so SQL's FETCH reaches it by name.
  void OpenForFunction(const std::string& name, std::shared_ptr<Script> script, Node* query, std::vector<Type> param_types,
                       std::vector<Value> params, bool scroll, size_t savepoint_depth, ExecState* st);
  // FETCH (`out` set) or MOVE (`out` null) by direction and count: how many rows. 34000 when
  // there is no such cursor.
  uint64_t FetchRows(const std::string& name, PgQuery__FetchDirection direction, int64_t count, ExecState* st, std::vector<Row>* out);
  bool Has(const std::string& name) const;
  const CursorInfo* Info(const std::string& name) const;  // null when there is no such cursor
  bool Opened(const std::string& name) const;  // false also when there is no such cursor
  void Drop(const std::string& name);
  void Fetch(PgQuery__FetchStmt* stmt, ExecState* st, ResultSink* sink);
  void Close(PgQuery__ClosePortalStmt* stmt, ResultSink* sink);
  // The result columns FETCH from `name` returns (to describe a FETCH before running it);
  // nothing when there is no such cursor yet.
  std::optional<std::vector<ColumnInfo>> Columns(const std::string& name) const;
  // Transaction end: before COMMIT, held cursors compute their remaining rows (an error there
  // fails the commit) and the others close; at ROLLBACK, every cursor the transaction declared
  // closes (held cursors from committed transactions stay).
  void BeforeCommit();
  void AtAbort();
  // A PL/pgSQL FOR loop reads `name`: a procedure's COMMIT or ROLLBACK keeps the loop going, as
  // PostgreSQL's pinned portals, by holding the cursor first (HoldPinned: its remaining rows
  // computed in the ending transaction, kept past it).
  void Pin(const std::string& name);
  void HoldPinned();
  // ROLLBACK TO / RELEASE of the savepoint that made the depth `depth` (1 = the first): a
  // rollback closes the cursors declared since (their FETCHes are not undone from the others);
  // a release hands them to the enclosing level.
  void AtRollbackTo(size_t depth);
  void AtRelease(size_t depth);
  std::vector<CursorInfo> List() const;

 private:
  Cursor& Find(const std::string& name) const;
  std::map<std::string, std::unique_ptr<Cursor>> cursors_;
};

}  // namespace tusk
