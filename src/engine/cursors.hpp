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
};

class CursorSet {
 public:
  CursorSet();
  ~CursorSet();
  // DECLARE: `statement` is its text, parsed again so the cursor owns its tree; `query_string`
  // the client's whole query string (what pg_cursors shows).
  void Declare(const std::string& statement, const std::string& query_string, bool in_block, ExecState* st, ResultSink* sink);
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
  std::vector<CursorInfo> List() const;

 private:
  Cursor& Find(const std::string& name) const;
  std::map<std::string, std::unique_ptr<Cursor>> cursors_;
};

}  // namespace tusk
