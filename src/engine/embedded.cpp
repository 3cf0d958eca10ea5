#include <cstdio>

#include "engine/database.hpp"
#include "engine/session.hpp"
#include "tusk/tusk.hpp"
#include "types/text_io.hpp"

namespace tusk {

Param::Param(double v) {
  text = FormatFloat8(v);
}

std::string Result::GetText(size_t row, size_t col) const {
  const auto& v = rows_.at(row).at(col);
  return v ? *v : std::string();
}

int64_t Result::GetInt(size_t row, size_t col) const {
  return ParseInteger(GetText(row, col), oid::kInt8);
}

double Result::GetDouble(size_t row, size_t col) const {
  return ParseFloat8(GetText(row, col), "double precision");
}

int64_t Result::AffectedRows() const {
  size_t sp = tag_.rfind(' ');
  if (sp == std::string::npos) return 0;
  return std::strtoll(tag_.c_str() + sp + 1, nullptr, 10);
}

namespace {
struct CollectSink : ResultSink {
  std::vector<ColumnInfo> cols;
  std::vector<Row> rows;
  std::string tag;
  void Columns(const std::vector<ColumnInfo>& c) override { cols = c; rows.clear(); }
  void AddRow(const Row& r) override { rows.push_back(r); }
  void Complete(const std::string& t) override { tag = t; }
};
}  // namespace

struct ResultBuilder {
  static Result From(const CollectSink& sink, const DateTimeContext& dt);
};

Result ResultBuilder::From(const CollectSink& sink, const DateTimeContext& dt) {
  Result r;
  for (const auto& c : sink.cols) {
    r.names_.push_back(c.name);
    r.types_.push_back(c.type.WireOid());
  }
  r.rows_.reserve(sink.rows.size());
  for (const auto& row : sink.rows) {
    std::vector<std::optional<std::string>> out;
    out.reserve(row.size());
    for (size_t i = 0; i < row.size(); i++)
      out.push_back(row[i].is_null() ? std::nullopt : std::optional<std::string>(FormatText(sink.cols[i].type, row[i], dt)));
    r.rows_.push_back(std::move(out));
  }
  r.tag_ = sink.tag;
  return r;
}

Connection::Connection(std::unique_ptr<Session> s) : session_(std::move(s)) {}
Connection::~Connection() = default;

char Connection::TransactionStatus() const { return session_->TransactionStatus(); }

Result Connection::Execute(const std::string& sql, const std::vector<Param>& params) {
  if (params.empty()) {
    CollectSink sink;
    session_->ExecuteSimple(sql, &sink);
    return ResultBuilder::From(sink, session_->DateTime());
  }
  return Run(*session_->Prepare(sql, {}), params);
}

std::unique_ptr<Statement> Connection::Prepare(const std::string& sql) {
  return std::unique_ptr<Statement>(new Statement(this, session_->Prepare(sql, {})));
}

Result Connection::Run(const PreparedStatement& ps, const std::vector<Param>& params) {
  if (ps.param_types.size() != params.size())
    throw Error(sqlstate::kProtocolViolation, "statement requires " + std::to_string(ps.param_types.size()) +
                                                  " parameters, " + std::to_string(params.size()) + " given");
  std::vector<Value> values;
  values.reserve(params.size());
  DateTimeContext dt = session_->DateTime();
  for (size_t i = 0; i < params.size(); i++)
    values.push_back(params[i].text ? ApplyTypmod(ps.param_types[i], ParseText(ps.param_types[i], *params[i].text, dt), true) : Value::Null());
  CollectSink sink;
  session_->ExecutePrepared(ps, values, &sink);
  return ResultBuilder::From(sink, dt);
}

Statement::Statement(Connection* conn, std::shared_ptr<PreparedStatement> ps) : conn_(conn), ps_(std::move(ps)) {}
Statement::~Statement() = default;
Result Statement::Execute(const std::vector<Param>& params) { return conn_->Run(*ps_, params); }
size_t Statement::ParamCount() const { return ps_->param_types.size(); }

std::unique_ptr<EmbeddedDatabase> EmbeddedDatabase::Open(const std::string& dir) {
  auto e = std::unique_ptr<EmbeddedDatabase>(new EmbeddedDatabase());
  e->db_ = Database::Open(dir);
  e->db_->StartPartitionMaintenance();
  return e;
}

EmbeddedDatabase::~EmbeddedDatabase() = default;

std::unique_ptr<Connection> EmbeddedDatabase::Connect(const std::string& user) {
  if (!db_->cluster()->FindRole(user)) throw Error(sqlstate::kInvalidAuthorizationSpecification, "role \"" + user + "\" does not exist");
  return std::unique_ptr<Connection>(new Connection(std::make_unique<Session>(db_.get(), user, "postgres")));
}

}  // namespace tusk
