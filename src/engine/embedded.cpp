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

Connection::Connection(std::unique_ptr<Session> s) : session_(std::move(s)) {}
Connection::~Connection() = default;

char Connection::TransactionStatus() const { return session_->TransactionStatus(); }

Result Connection::Execute(const std::string& sql, const std::vector<Param>& params) {
  CollectSink sink;
  if (params.empty()) {
    session_->ExecuteSimple(sql, &sink);
  } else {
    auto ps = session_->Prepare(sql, {});
    if (ps->param_types.size() != params.size())
      throw Error(sqlstate::kProtocolViolation, "statement requires " + std::to_string(ps->param_types.size()) +
                                                    " parameters, " + std::to_string(params.size()) + " given");
    std::vector<Value> values;
    DateTimeContext dt = session_->DateTime();
    for (size_t i = 0; i < params.size(); i++)
      values.push_back(params[i].text ? ApplyTypmod(ps->param_types[i], ParseText(ps->param_types[i], *params[i].text, dt), true) : Value::Null());
    session_->ExecutePrepared(*ps, values, &sink);
  }
  Result r;
  DateTimeContext dt = session_->DateTime();
  for (const auto& c : sink.cols) {
    r.names_.push_back(c.name);
    r.types_.push_back(c.type.WireOid());
  }
  for (const auto& row : sink.rows) {
    std::vector<std::optional<std::string>> out;
    for (size_t i = 0; i < row.size(); i++)
      out.push_back(row[i].is_null() ? std::nullopt : std::optional<std::string>(FormatText(sink.cols[i].type, row[i], dt)));
    r.rows_.push_back(std::move(out));
  }
  r.tag_ = sink.tag;
  return r;
}

std::unique_ptr<EmbeddedDatabase> EmbeddedDatabase::Open(const std::string& dir) {
  auto e = std::unique_ptr<EmbeddedDatabase>(new EmbeddedDatabase());
  e->db_ = Database::Open(dir);
  return e;
}

EmbeddedDatabase::~EmbeddedDatabase() = default;

std::unique_ptr<Connection> EmbeddedDatabase::Connect(const std::string& user) {
  if (!db_->catalog()->FindRole(user)) throw Error(sqlstate::kInvalidAuthorizationSpecification, "role \"" + user + "\" does not exist");
  return std::unique_ptr<Connection>(new Connection(std::make_unique<Session>(db_.get(), user, "postgres")));
}

}  // namespace tusk
