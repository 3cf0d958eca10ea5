// COPY in PostgreSQL's text, CSV and binary (copy_binary.hpp) formats: FROM STDIN (or a server file) into a table, TO
// STDOUT (or a file) from a table or a query. A failed COPY FROM leaves nothing behind (the
// statement is atomic) and reports the line, as PostgreSQL's CONTEXT does.
#include <fstream>
#include <sstream>

#include "security/object_privileges.hpp"
#include "security/row_security.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "copy/copy_binary.hpp"
#include "engine/statements.hpp"
#include "engine/table_writer.hpp"
#include "triggers/trigger_runner.hpp"
#include "types/binary_io.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
// A generated column named in COPY's column list (PostgreSQL's CopyGetAttnums).
[[noreturn]] void ThrowGeneratedInCopy(const std::string& column) {
  throw Error(sqlstate::kInvalidColumnReference, "column \"" + column + "\" is a generated column")
      .WithDetail("Generated columns cannot be used in COPY.");
}
}  // namespace

void ResultSink::CopyOutBegin(size_t, bool) {
  throw Error(sqlstate::kFeatureNotSupported, "COPY TO STDOUT is not supported by this client interface");
}
void ResultSink::CopyInBegin(size_t, bool) {
  throw Error(sqlstate::kFeatureNotSupported, "COPY FROM STDIN is not supported by this client interface");
}

namespace {
struct CopyOptions {
  bool csv = false;
  bool binary = false;
  bool header = false;
  char delimiter = '\t';
  std::string null_string = "\\N";
  char quote = '"';
  char escape = '"';
  bool force_quote_all = false;
  std::vector<std::string> force_quote, force_not_null, force_null;
};

std::string OptString(PgQuery__DefElem* d) {
  if (!d->arg) return "";
  if (d->arg->node_case == PG_QUERY__NODE__NODE_STRING) return d->arg->string->sval;
  if (d->arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return std::to_string(d->arg->integer->ival);
  if (d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return d->arg->boolean->boolval ? "true" : "false";
  return "";
}

std::vector<std::string> OptList(PgQuery__DefElem* d) {
  std::vector<std::string> out;
  if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_LIST)
    for (size_t i = 0; i < d->arg->list->n_items; i++) out.push_back(StrVal(d->arg->list->items[i]));
  return out;
}

CopyOptions ParseOptions(PgQuery__CopyStmt* stmt) {
  CopyOptions o;
  bool delimiter_set = false, null_set = false, escape_set = false;
  for (size_t i = 0; i < stmt->n_options; i++) {
    auto* d = stmt->options[i]->def_elem;
    std::string name = d->defname;
    std::string v = OptString(d);
    if (name == "format") {
      std::string f = ToLower(v);
      if (f == "csv") o.csv = true;
      else if (f == "binary") o.binary = true;
      else if (f != "text") throw Error(sqlstate::kInvalidParameterValue, "COPY format \"" + v + "\" not recognized");
    } else if (name == "header") {
      std::string h = ToLower(v);
      o.header = !d->arg || h == "true" || h == "on" || h == "1" || h == "match";
    } else if (name == "delimiter") {
      if (v.size() != 1) throw Error(sqlstate::kFeatureNotSupported, "COPY delimiter must be a single one-byte character");
      o.delimiter = v[0];
      delimiter_set = true;
    } else if (name == "null") {
      o.null_string = v;
      null_set = true;
    } else if (name == "quote") {
      if (v.size() != 1) throw Error(sqlstate::kFeatureNotSupported, "COPY quote must be a single one-byte character");
      o.quote = v[0];
    } else if (name == "escape") {
      if (v.size() != 1) throw Error(sqlstate::kFeatureNotSupported, "COPY escape must be a single one-byte character");
      o.escape = v[0];
      escape_set = true;
    } else if (name == "force_quote") {
      if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_A_STAR) o.force_quote_all = true;
      else o.force_quote = OptList(d);
    } else if (name == "force_not_null") {
      o.force_not_null = OptList(d);
    } else if (name == "force_null") {
      o.force_null = OptList(d);
    } else if (name == "encoding") {
      std::string e = ToUpper(v);
      if (e != "UTF8" && e != "UTF-8") throw Error(sqlstate::kFeatureNotSupported, "COPY encoding must be UTF8");
    } else if (name == "freeze" || name == "oids") {
      // FREEZE is an optimization hint; accepted.
    } else {
      throw Error(sqlstate::kSyntaxError, "option \"" + name + "\" not recognized");
    }
  }
  if (o.binary) {
    if (delimiter_set) throw Error(sqlstate::kSyntaxError, "cannot specify DELIMITER in BINARY mode");
    if (null_set) throw Error(sqlstate::kSyntaxError, "cannot specify NULL in BINARY mode");
    if (o.header) throw Error(sqlstate::kFeatureNotSupported, "cannot specify HEADER in BINARY mode");
  }
  if (o.csv) {
    if (!delimiter_set) o.delimiter = ',';
    if (!null_set) o.null_string = "";
    if (!escape_set) o.escape = o.quote;
  } else if (stmt->n_options) {
    for (size_t i = 0; i < stmt->n_options; i++) {
      std::string name = stmt->options[i]->def_elem->defname;
      if (name == "quote") throw Error(sqlstate::kFeatureNotSupported, "COPY quote available only in CSV mode");
      if (name == "escape") throw Error(sqlstate::kFeatureNotSupported, "COPY escape available only in CSV mode");
      if (name == "force_quote") throw Error(sqlstate::kFeatureNotSupported, "COPY force quote available only in CSV mode");
    }
  }
  return o;
}

// Reads COPY input line by line from a chunked source. In CSV, a quoted field may span lines.
class LineReader {
 public:
  explicit LineReader(std::function<bool(std::string*)> next) : next_(std::move(next)) {}
  bool ReadLine(std::string* line, bool csv, char quote, char escape) {
    line->clear();
    bool in_quotes = false;
    for (;;) {
      if (pos_ >= buf_.size()) {
        buf_.clear();
        pos_ = 0;
        if (done_ || !next_(&buf_)) {
          done_ = true;
          return !line->empty();
        }
        continue;
      }
      char c = buf_[pos_++];
      if (csv) {
        if (in_quotes && c == escape && escape != quote && pos_ < buf_.size() && (buf_[pos_] == quote || buf_[pos_] == escape)) {
          *line += c;
          *line += buf_[pos_++];
          continue;
        }
        if (c == quote) in_quotes = !in_quotes;
      }
      if (c == '\n' && !in_quotes) {
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
      *line += c;
    }
  }
 private:
  std::function<bool(std::string*)> next_;
  std::string buf_;
  size_t pos_ = 0;
  bool done_ = false;
};

// Splits one text-format line; NULL fields are nullopt.
std::vector<std::optional<std::string>> SplitText(const std::string& line, const CopyOptions& o) {
  std::vector<std::optional<std::string>> fields;
  std::string cur;
  bool raw_null_candidate = true;
  std::string raw;
  auto finish = [&]() {
    if (raw == o.null_string) fields.push_back(std::nullopt);
    else fields.push_back(cur);
    cur.clear();
    raw.clear();
  };
  (void)raw_null_candidate;
  for (size_t i = 0; i < line.size(); i++) {
    char c = line[i];
    if (c == o.delimiter) { finish(); continue; }
    raw += c;
    if (c != '\\' || i + 1 >= line.size()) { cur += c; continue; }
    char e = line[++i];
    raw += e;
    switch (e) {
      case 'b': cur += '\b'; break;
      case 'f': cur += '\f'; break;
      case 'n': cur += '\n'; break;
      case 'r': cur += '\r'; break;
      case 't': cur += '\t'; break;
      case 'v': cur += '\v'; break;
      case 'x': {
        int v = 0, k = 0;
        while (k < 2 && i + 1 < line.size() && isxdigit(static_cast<unsigned char>(line[i + 1]))) {
          char h = line[++i];
          raw += h;
          v = v * 16 + (isdigit(static_cast<unsigned char>(h)) ? h - '0' : (tolower(h) - 'a' + 10));
          k++;
        }
        if (k == 0) cur += 'x'; else cur += static_cast<char>(v);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', k = 1;
          while (k < 3 && i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7') { v = v * 8 + (line[++i] - '0'); raw += line[i]; k++; }
          cur += static_cast<char>(v);
        } else {
          cur += e;
        }
    }
  }
  finish();
  return fields;
}

std::vector<std::optional<std::string>> SplitCsv(const std::string& line, const CopyOptions& o, std::vector<bool>* quoted) {
  std::vector<std::optional<std::string>> fields;
  quoted->clear();
  size_t i = 0;
  for (;;) {
    std::string cur;
    bool was_quoted = false, in_quotes = false;
    while (i < line.size()) {
      char c = line[i];
      if (in_quotes) {
        if (c == o.escape && i + 1 < line.size() && (line[i + 1] == o.quote || (o.escape != o.quote && line[i + 1] == o.escape))) {
          cur += line[i + 1];
          i += 2;
          continue;
        }
        if (c == o.quote) { in_quotes = false; i++; continue; }
        cur += c;
        i++;
        continue;
      }
      if (c == o.delimiter) break;
      if (c == o.quote) { in_quotes = true; was_quoted = true; i++; continue; }
      cur += c;
      i++;
    }
    if (in_quotes) throw Error("22P04", "unterminated CSV quoted field");
    if (!was_quoted && cur == o.null_string) fields.push_back(std::nullopt);
    else fields.push_back(cur);
    quoted->push_back(was_quoted);
    if (i >= line.size()) break;
    i++;  // delimiter
  }
  return fields;
}

// Appends a value in COPY's text format: backslash escapes for the delimiter and control
// characters. Most values have none, and are appended in one piece.
void AppendEscapedText(const std::string& s, const CopyOptions& o, std::string* out) {
  size_t plain = 0;
  while (plain < s.size()) {
    char c = s[plain];
    if (c == '\\' || c == o.delimiter || (static_cast<unsigned char>(c) < 32 && c != 0)) break;
    plain++;
  }
  out->append(s, 0, plain);
  for (size_t i = plain; i < s.size(); i++) {
    char c = s[i];
    switch (c) {
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += o.delimiter == '\t' ? "\\t" : "\t"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\v': *out += "\\v"; break;
      default:
        if (c == o.delimiter) *out += '\\';
        *out += c;
    }
  }
}

std::string QuoteCsv(const std::string& s, const CopyOptions& o, bool force) {
  bool need = force || s.empty() || s == o.null_string;
  for (char c : s)
    if (c == o.delimiter || c == o.quote || c == '\n' || c == '\r' || c == o.escape) need = true;
  if (!need) return s;
  std::string r(1, o.quote);
  for (char c : s) {
    if (c == o.quote || c == o.escape) r += o.escape;
    r += c;
  }
  return r + o.quote;
}

// PostgreSQL shows at most the first 100 characters of a line in CONTEXT.
std::string Truncated(const std::string& s) {
  return s.size() > 100 ? s.substr(0, 100) + "..." : s;
}
}  // namespace

void ExecuteCopy(PgQuery__CopyStmt* stmt, ExecState* st, ParamTypes* params, ResultSink* sink) {
  if (stmt->is_program) throw Error(sqlstate::kFeatureNotSupported, "COPY ... PROGRAM is not supported");
  if (stmt->where_clause) throw Error(sqlstate::kFeatureNotSupported, "COPY ... WHERE is not supported yet");
  CopyOptions o = ParseOptions(stmt);
  bool to_file = stmt->filename && *stmt->filename;
  Planner planner(st, params);
  if (to_file && !st->session->superuser())
    throw Error(sqlstate::kInsufficientPrivilege, "must be superuser or have privileges of the pg_read_server_files role to COPY to or from a file");
  if (stmt->relation) {
    if (const ViewDef* v = planner.ResolveView(stmt->relation)) {
      if (!stmt->is_from)
        throw Error(sqlstate::kWrongObjectType, "cannot copy from view \"" + v->name + "\"").WithHint("Try the COPY (SELECT ...) TO variant.");
      throw Error(sqlstate::kWrongObjectType, "cannot copy to view \"" + v->name + "\"")
          .WithHint("To enable copying to a view, provide an INSTEAD OF INSERT trigger.");
    }
  }
  if (!stmt->is_from) {
    // COPY table/query TO
    PlannedQuery q;
    std::unique_ptr<Script> script_holder;
    if (stmt->query) {
      q = planner.PlanSelect(stmt->query, nullptr);
    } else {
      const TableDef* t = planner.ResolveTable(stmt->relation);
      if (t->materialized || t->partition_key)
        throw Error(sqlstate::kWrongObjectType,
                    std::string("cannot copy from ") + (t->materialized ? "materialized view" : "partitioned table") + " \"" + t->name + "\"")
            .WithHint("Try the COPY (SELECT ...) TO variant.");
      std::string sql = "SELECT ";
      if (stmt->n_attlist) {
        for (size_t i = 0; i < stmt->n_attlist; i++) {
          std::string c = StrVal(stmt->attlist[i]);
          int k = t->FindColumn(c);
          if (k < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + c + "\" of relation \"" + t->name + "\" does not exist");
          if (t->columns[static_cast<size_t>(k)].generated) ThrowGeneratedInCopy(c);
          sql += (i ? ", " : "") + QuoteIdent(c);
        }
      } else {
        // every column but the generated ones, as PostgreSQL 15
        bool first = true;
        for (const auto& c : t->columns) {
          if (c.dropped || c.generated) continue;
          sql += (first ? "" : ", ") + QuoteIdent(c.name);
          first = false;
        }
      }
      sql += " FROM " + QuoteIdent(t->schema) + "." + QuoteIdent(t->name);
      script_holder = ParseSql(sql);
      q = planner.PlanSelect(script_holder->statements[0].stmt, nullptr);
    }
    // Rows are formatted as the query produces them, never all held at once.
    std::ofstream file;
    if (to_file) {
      file.open(stmt->filename, std::ios::binary | std::ios::trunc);
      if (!file) throw Error(sqlstate::kIoError, "could not open file \"" + std::string(stmt->filename) + "\" for writing");
    }
    auto emit = [&](const std::string& s) {
      if (to_file) file << s;
      else sink->CopyOutData(s);
    };
    std::vector<bool> force(q.columns.size());
    for (size_t i = 0; i < q.columns.size(); i++)
      force[i] = o.force_quote_all || std::find(o.force_quote.begin(), o.force_quote.end(), q.columns[i].name) != o.force_quote.end();
    EvalContext ctx;
    ctx.state = st;
    q.root->Open(&ctx);
    if (!to_file) sink->CopyOutBegin(q.columns.size(), o.binary);
    std::vector<Type> types;
    for (const auto& c : q.columns) types.push_back(c.type);
    if (o.binary) emit(CopyBinaryHeader());
    if (o.header && o.csv) {
      std::string h;
      for (size_t i = 0; i < q.columns.size(); i++) h += (i ? std::string(1, o.delimiter) : "") + QuoteCsv(q.columns[i].name, o, false);
      emit(h + "\n");
    }
    size_t count = 0;
    Row r;
    std::string line;
    while (q.root->Next(&r)) {
      line.clear();
      if (o.binary) {
        AppendCopyBinaryRow(types, r, &line);
        emit(line);
        count++;
        continue;
      }
      for (size_t i = 0; i < q.columns.size(); i++) {
        if (i) line += o.delimiter;
        if (r[i].is_null()) { line += o.null_string; continue; }
        std::string v = FormatText(q.columns[i].type, r[i], st->dt);
        if (o.csv) line += QuoteCsv(v, o, force[i]);
        else AppendEscapedText(v, o, &line);
      }
      line += '\n';
      emit(line);
      count++;
    }
    if (o.binary) emit(CopyBinaryTrailer());
    if (to_file) {
      file.flush();
      if (!file) throw Error(sqlstate::kIoError, "could not write to file \"" + std::string(stmt->filename) + "\"");
    } else {
      sink->CopyOutEnd();
    }
    sink->Complete("COPY " + std::to_string(count));
    return;
  }
  // COPY table FROM
  if (stmt->query) throw Error(sqlstate::kSyntaxError, "COPY FROM requires a table");
  const TableDef* t;
  try {
    t = planner.ResolveTable(stmt->relation, TableLockMode::kRowExclusive);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
  RequireRelationPrivileges(st, t->oid, privilege::kInsert);
  if (RowSecurityApplies(st, *t))
    throw Error(sqlstate::kFeatureNotSupported, "COPY FROM not supported with row-level security").WithHint("Use INSERT statements instead.");
  std::vector<int> cols;
  if (stmt->n_attlist) {
    for (size_t i = 0; i < stmt->n_attlist; i++) {
      std::string c = StrVal(stmt->attlist[i]);
      int k = t->FindColumn(c);
      if (k < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + c + "\" of relation \"" + t->name + "\" does not exist");
      if (t->columns[static_cast<size_t>(k)].generated) ThrowGeneratedInCopy(c);
      if (std::find(cols.begin(), cols.end(), k) != cols.end()) throw Error(sqlstate::kDuplicateColumn, "column \"" + c + "\" specified more than once");
      cols.push_back(k);
    }
  } else {
    // generated columns are computed (TableWriter::Insert), never read
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!t->columns[c].dropped && !t->columns[c].generated) cols.push_back(static_cast<int>(c));
  }
  std::ifstream file;
  if (to_file) {
    file.open(stmt->filename, std::ios::binary);
    if (!file) throw Error(sqlstate::kUndefinedFile, "could not open file \"" + std::string(stmt->filename) + "\" for reading: No such file or directory");
  } else {
    sink->CopyInBegin(cols.size(), o.binary);
  }
  auto next_chunk = [&](std::string* chunk) {
    if (!to_file) return sink->CopyInRead(chunk);
    char buf[65536];
    file.read(buf, sizeof buf);
    chunk->assign(buf, static_cast<size_t>(file.gcount()));
    return !chunk->empty();
  };
  TableWriter writer(&planner, t);
  TriggerRunner* triggers = writer.triggers();
  if (triggers) triggers->BeforeStatement(TriggerDef::kInsert);
  int64_t line_no = 0, count = 0;
  std::string context_prefix = "COPY " + t->name + ", line ";
  // One input row's fields (nullopt: NULL) into the table; `parse` reads a field's value.
  auto store = [&](const std::vector<std::optional<std::string>>& fields,
                   const std::function<Value(const ColumnDef&, const std::string&)>& parse) {
    Row row(t->columns.size());
    std::vector<bool> given(t->columns.size(), false);
    for (size_t i = 0; i < cols.size(); i++) {
      const ColumnDef& cd = t->columns[static_cast<size_t>(cols[i])];
      given[static_cast<size_t>(cols[i])] = true;
      try {
        if (fields[i]) row[static_cast<size_t>(cols[i])] = parse(cd, *fields[i]);
        writer.CheckDomain(static_cast<size_t>(cols[i]), row[static_cast<size_t>(cols[i])]);
      } catch (Error& e) {
        e.WithContext(context_prefix + std::to_string(line_no) + ", column " + cd.name +
                      (!fields[i] ? ": null input" : o.binary ? "" : ": \"" + *fields[i] + "\""));
        throw;
      }
    }
    for (size_t c = 0; c < t->columns.size(); c++)
      if (!given[c] && !t->columns[c].dropped) row[c] = writer.DefaultFor(c);
    try {
      if (triggers) {
        std::optional<Row> changed = triggers->BeforeRow(TriggerDef::kInsert, nullptr, &row);
        if (!changed) return;
        row = std::move(*changed);
      }
      writer.Insert(row);
      if (triggers) triggers->AfterRow(TriggerDef::kInsert, nullptr, &row);
    } catch (Error& e) {
      if (e.context().empty()) e.WithContext(context_prefix + std::to_string(line_no));
      throw;
    }
    count++;
  };
  if (o.binary) {
    CopyBinaryReader reader(next_chunk);
    try {
      reader.ReadHeader();
      std::vector<std::optional<std::string>> fields;
      for (;;) {
        line_no++;
        if ((line_no & 1023) == 0) CheckInterrupts(st);
        try {
          if (!reader.ReadRow(cols.size(), &fields)) break;
        } catch (Error& e) {
          e.WithContext(context_prefix + std::to_string(line_no));
          throw;
        }
        store(fields, [](const ColumnDef& cd, const std::string& data) { return ApplyTypmod(cd.type, DecodeBinary(cd.type, data), false); });
      }
    } catch (Error&) {
      if (!to_file) { std::string rest; while (sink->CopyInRead(&rest)) {} }
      throw;
    }
    if (!to_file) { std::string rest; while (sink->CopyInRead(&rest)) {} }
    if (triggers) triggers->AfterStatement(TriggerDef::kInsert);
    sink->Complete("COPY " + std::to_string(count));
    return;
  }
  LineReader reader(next_chunk);
  std::string line;
  std::vector<bool> quoted;
  while (reader.ReadLine(&line, o.csv, o.quote, o.escape)) {
    line_no++;
    if ((line_no & 1023) == 0) CheckInterrupts(st);
    if (!o.csv && line == "\\.") break;
    if (o.header && line_no == 1) continue;
    try {
      try {
        VerifyUtf8(line);
      } catch (Error& e) {
        e.WithContext(context_prefix + std::to_string(line_no));
        throw;
      }
      std::vector<std::optional<std::string>> fields = o.csv ? SplitCsv(line, o, &quoted) : SplitText(line, o);
      if (o.csv && line == "\\.") break;
      if (fields.size() > cols.size())
        throw Error("22P04", "extra data after last expected column").WithContext(context_prefix + std::to_string(line_no) + ": \"" + Truncated(line) + "\"");
      if (fields.size() < cols.size())
        throw Error("22P04", "missing data for column \"" + t->columns[static_cast<size_t>(cols[fields.size()])].name + "\"")
            .WithContext(context_prefix + std::to_string(line_no) + ": \"" + Truncated(line) + "\"");
      if (o.csv)
        for (size_t i = 0; i < cols.size(); i++) {
          const std::string& name = t->columns[static_cast<size_t>(cols[i])].name;
          std::optional<std::string>& f = fields[i];
          if (!f && std::find(o.force_not_null.begin(), o.force_not_null.end(), name) != o.force_not_null.end()) f = "";
          if (f && quoted[i] && *f == o.null_string && std::find(o.force_null.begin(), o.force_null.end(), name) != o.force_null.end()) f.reset();
        }
      store(fields, [&](const ColumnDef& cd, const std::string& text) { return ApplyTypmod(cd.type, ParseText(cd.type, text, st->dt), false); });
    } catch (Error&) {
      // drain the rest of the client's data so the protocol stays in step
      if (!to_file) { std::string rest; while (sink->CopyInRead(&rest)) {} }
      throw;
    }
  }
  if (!to_file) { std::string rest; while (sink->CopyInRead(&rest)) {} }
  if (triggers) triggers->AfterStatement(TriggerDef::kInsert);
  sink->Complete("COPY " + std::to_string(count));
}

}  // namespace tusk
