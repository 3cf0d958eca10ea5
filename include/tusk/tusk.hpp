// Tusk embedded API: open a data directory in-process and run SQL on it, with the same engine
// the server uses.
//
//   auto db = tusk::EmbeddedDatabase::Open("./data");  // throws tusk::Error
//   auto conn = db->Connect();
//   conn->Execute("CREATE TABLE t (id int PRIMARY KEY, name text)");
//   conn->Execute("INSERT INTO t VALUES ($1, $2)", {tusk::Param(1), tusk::Param("ann")});
//   tusk::Result r = conn->Execute("SELECT id, name FROM t");
//   for (size_t i = 0; i < r.RowCount(); i++) std::cout << r.GetInt(i, 0) << r.GetText(i, 1);
//   auto get = conn->Prepare("SELECT name FROM t WHERE id = $1");  // parse once, run often
//   std::string name = get->Execute({tusk::Param(1)}).GetText(0, 0);
//
// Errors are thrown as tusk::Error (SQLSTATE in state(), message in what()). A Connection is
// used by one thread at a time; a Database may serve many connections concurrently.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace tusk {

class Database;  // the engine's database (src/engine/database.hpp)
class Session;
struct PreparedStatement;

// A parameter for $n placeholders, given as text (NULL when empty optional); the server
// converts it to the type the statement expects, exactly as for a text-format Bind.
struct Param {
  std::optional<std::string> text;
  Param() = default;  // NULL
  Param(const char* s) : text(s) {}
  Param(std::string s) : text(std::move(s)) {}
  Param(int v) : text(std::to_string(v)) {}
  Param(int64_t v) : text(std::to_string(v)) {}
  Param(double v);
  Param(bool v) : text(v ? "true" : "false") {}
};

// The rows and command tag of one statement. Values are kept in PostgreSQL's text format.
class Result {
 public:
  const std::vector<std::string>& ColumnNames() const { return names_; }
  // PostgreSQL type OIDs of the columns (23 = integer, 25 = text, ...).
  const std::vector<uint32_t>& ColumnTypes() const { return types_; }
  size_t RowCount() const { return rows_.size(); }
  bool IsNull(size_t row, size_t col) const { return !rows_.at(row).at(col).has_value(); }
  // Text form of a value; "" for NULL.
  std::string GetText(size_t row, size_t col) const;
  // Integer value; throws Error 22P02 when the value is not an integer.
  int64_t GetInt(size_t row, size_t col) const;
  double GetDouble(size_t row, size_t col) const;
  const std::string& Tag() const { return tag_; }
  // Rows affected by INSERT/UPDATE/DELETE, or returned by SELECT.
  int64_t AffectedRows() const;

 private:
  friend struct ResultBuilder;
  std::vector<std::string> names_;
  std::vector<uint32_t> types_;
  std::vector<std::vector<std::optional<std::string>>> rows_;
  std::string tag_;
};

class Connection;

// A statement parsed once and run many times with different parameters (the embedded form of
// the extended protocol's Parse/Bind/Execute). Belongs to the Connection that prepared it and
// must not outlive it.
class Statement {
 public:
  ~Statement();
  Result Execute(const std::vector<Param>& params = {});
  size_t ParamCount() const;

 private:
  friend class Connection;
  Statement(Connection* conn, std::shared_ptr<PreparedStatement> ps);
  Connection* conn_;
  std::shared_ptr<PreparedStatement> ps_;
};

class Connection {
 public:
  ~Connection();
  // Runs one statement. With params, $1..$n are bound (text format). Returns the result of the
  // last statement when sql holds several (params allowed only for a single statement).
  Result Execute(const std::string& sql, const std::vector<Param>& params = {});
  // Parses sql (one statement, $n placeholders allowed) for repeated execution.
  std::unique_ptr<Statement> Prepare(const std::string& sql);
  void Begin() { Execute("BEGIN"); }
  void Commit() { Execute("COMMIT"); }
  void Rollback() { Execute("ROLLBACK"); }
  // 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block.
  char TransactionStatus() const;

 private:
  friend class EmbeddedDatabase;
  friend class Statement;
  Result Run(const PreparedStatement& ps, const std::vector<Param>& params);
  explicit Connection(std::unique_ptr<Session> s);
  std::unique_ptr<Session> session_;
};

class EmbeddedDatabase {
 public:
  // Opens or creates a database directory. Only one process may open a directory at a time.
  static std::unique_ptr<EmbeddedDatabase> Open(const std::string& dir);
  ~EmbeddedDatabase();
  std::unique_ptr<Connection> Connect(const std::string& user = "postgres");

 private:
  std::unique_ptr<tusk::Database> db_;
};

}  // namespace tusk
