// A query's rows for ts_rewrite and ts_stat (ts_sql_rows.hpp).
#include "types/tsearch/ts_sql_rows.hpp"

#include "binder/binder.hpp"
#include "common/error.hpp"
#include "engine/read_only.hpp"
#include "engine/session.hpp"
#include "parser/parser.hpp"

namespace tusk {

namespace {

constexpr const char* kInvalidCursorDefinition = "42P11";  // PostgreSQL's invalid_cursor_definition

struct Collect : ResultSink {
  bool has_columns = false;
  std::vector<ColumnInfo> columns;
  std::vector<Row> rows;
  std::string tag;
  ExecState* st = nullptr;
  void Columns(const std::vector<ColumnInfo>& cols) override {
    has_columns = true;
    columns = cols;
  }
  void AddRow(const Row& row) override { rows.push_back(row); }
  void Complete(const std::string& t) override { tag = t; }
  void SendNotice(const Notice& n) override {
    if (st->notify) st->notify(n);
  }
};

[[noreturn]] void NotACursor(const std::string& what) {
  throw Error(kInvalidCursorDefinition, "cannot open " + what + " query as cursor");
}

[[noreturn]] void NotReadOnly(const std::string& what, const std::string& text) {
  throw Error(sqlstate::kFeatureNotSupported, what + " is not allowed in a non-volatile function")
      .WithContext("SQL statement \"" + text + "\"");
}

bool IsPlannable(const Node* stmt) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT: return true;
    default: return false;
  }
}

// What PostgreSQL refuses before running: statements that are not a cursor's (data changes
// without RETURNING, SELECT INTO, utility statements that write), and, as the query runs
// read-only, those that would write (with the query named in a context line). Other utility
// statements are told apart once run: any of them is refused, as a cursor when it returns no
// rows (SET), as a writer when it does (SHOW, EXPLAIN).
void CheckBeforeRunning(Node* stmt, const std::string& text) {
  std::string writes = WriteCommandName(stmt);
  if (writes.empty()) return;
  bool returns_rows = false;
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT: returns_rows = !stmt->select_stmt->into_clause; break;
    case PG_QUERY__NODE__NODE_INSERT_STMT: returns_rows = stmt->insert_stmt->n_returning_list > 0; break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT: returns_rows = stmt->update_stmt->n_returning_list > 0; break;
    case PG_QUERY__NODE__NODE_DELETE_STMT: returns_rows = stmt->delete_stmt->n_returning_list > 0; break;
    default: break;
  }
  if (!returns_rows) NotACursor(writes);
  NotReadOnly(writes, text);
}

// A command tag without its counts ("INSERT 0 1" -> "INSERT").
std::string TagName(std::string tag) {
  while (!tag.empty()) {
    size_t sp = tag.rfind(' ');
    if (sp == std::string::npos || tag.find_first_not_of("0123456789", sp + 1) != std::string::npos) break;
    tag.resize(sp);
  }
  return tag;
}

}  // namespace

TsSqlRows RunTsSqlText(EvalContext& ctx, const std::string& text) {
  ExecState* st = ctx.state;
  if (!st || !st->session) throw Error(sqlstate::kFeatureNotSupported, "a query can only be run inside a statement");
  Collect sink;
  sink.st = st;
  std::unique_ptr<Script> script;
  Node* stmt = nullptr;
  try {
    script = ParseSql(text);
    if (script->statements.size() != 1) throw Error(kInvalidCursorDefinition, "cannot open multi-query plan as cursor");
    stmt = script->statements[0].stmt;
    CheckBeforeRunning(stmt, text);
    // the query runs as a statement of its own: no parameters, its own subquery results
    NestedStatementScope nested(st, {});
    Binder::FunctionParametersScope hide(nullptr);
    st->session->RunNested(stmt, st, {}, &sink);
  } catch (Error& e) {
    if (e.position() > 0) e.MoveIntoQuery(text);
    throw;
  }
  if (!sink.has_columns) NotACursor(TagName(sink.tag));
  if (!IsPlannable(stmt)) NotReadOnly(TagName(sink.tag), text);
  return {std::move(sink.columns), std::move(sink.rows)};
}

}  // namespace tusk
