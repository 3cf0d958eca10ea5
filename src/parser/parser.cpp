#include "parser/parser.hpp"

#include <unordered_map>

#include "common/error.hpp"

namespace tusk {

namespace {
// Some texts are parsed again and again: the stored expressions every statement that writes a
// table binds (defaults, CHECKs, a trigger's WHEN), the statements a client repeats (BEGIN,
// COMMIT). Each thread keeps the packed parse trees of the texts it parsed last: unpacking one
// into a new arena skips libpg_query's parser and the packing of its nodes, two thirds of a
// parse. The tree depends on the text alone (libpg_query parses with fixed settings).
class PackedTrees {
 public:
  const std::string* Find(const std::string& sql) const {
    auto it = trees_.find(sql);
    return it == trees_.end() ? nullptr : &it->second;
  }
  void Add(const std::string& sql, std::string packed) {
    const size_t size = sql.size() + packed.size();
    if (size > kMaxBytes / 16) return;
    if (bytes_ + size > kMaxBytes) {  // full: start again, the texts in use come back at once
      trees_.clear();
      bytes_ = 0;
    }
    if (trees_.emplace(sql, std::move(packed)).second) bytes_ += size;
  }

 private:
  static constexpr size_t kMaxBytes = 1u << 20;
  std::unordered_map<std::string, std::string> trees_;
  size_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<Script> Script::FromPacked(const std::string& packed) {
  auto script = std::make_unique<Script>();
  PgQuery__ParseResult* result = pg_query__parse_result__unpack(script->arena_.allocator(), packed.size(),
                                                                reinterpret_cast<const uint8_t*>(packed.data()));
  if (!result) throw Error(sqlstate::kInternalError, "could not decode parse tree");
  for (size_t i = 0; i < result->n_stmts; i++) {
    PgQuery__RawStmt* rs = result->stmts[i];
    script->statements.push_back({rs->stmt, rs->stmt_location, rs->stmt_len});
  }
  return script;
}

std::unique_ptr<Script> ParseSql(const std::string& sql) {
  thread_local PackedTrees recent;
  if (const std::string* packed = recent.Find(sql)) return Script::FromPacked(*packed);
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
  if (r.error) {
    std::string msg = r.error->message;
    // PostgreSQL reports the cursor in characters; internally positions are byte offsets.
    int chars = r.error->cursorpos, pos = 0;
    for (int seen = 0; pos < static_cast<int>(sql.size()) && seen < chars - 1; pos++)
      if ((static_cast<unsigned char>(sql[static_cast<size_t>(pos)]) & 0xC0) != 0x80) seen++;
    while (pos < static_cast<int>(sql.size()) && (static_cast<unsigned char>(sql[static_cast<size_t>(pos)]) & 0xC0) == 0x80) pos++;
    pos = chars > 0 ? pos + 1 : 0;
    pg_query_free_protobuf_parse_result(r);
    const char* state = sqlstate::kSyntaxError;
    if (msg.find("unterminated quoted string") != std::string::npos ||
        msg.find("unterminated") != std::string::npos)
      state = sqlstate::kSyntaxError;
    if (msg.find("invalid Unicode escape") != std::string::npos) state = "22025";
    if (msg.find("out of range") != std::string::npos && msg.find("integer") != std::string::npos)
      state = sqlstate::kNumericValueOutOfRange;
    Error e(state, msg);
    e.WithPosition(pos);
    // Hints the grammar adds that libpg_query does not carry.
    if (msg == "subquery in FROM must have an alias") e.WithHint("For example, FROM (SELECT ...) [AS] foo.");
    throw e;
  }
  std::string packed(r.parse_tree.data, r.parse_tree.len);
  pg_query_free_protobuf_parse_result(r);
  auto script = Script::FromPacked(packed);
  recent.Add(sql, std::move(packed));
  return script;
}

std::string DeparseStatement(Node* stmt) {
  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = stmt;
  PgQuery__RawStmt* raws[1] = {&raw};
  PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
  result.version = 150001;
  result.n_stmts = 1;
  result.stmts = raws;
  size_t len = pg_query__parse_result__get_packed_size(&result);
  std::string buf(len, '\0');
  pg_query__parse_result__pack(&result, reinterpret_cast<uint8_t*>(buf.data()));
  PgQueryProtobuf pb{len, buf.data()};
  PgQueryDeparseResult d = pg_query_deparse_protobuf(pb);
  if (d.error) {
    std::string msg = d.error->message;
    pg_query_free_deparse_result(d);
    throw Error(sqlstate::kInternalError, "could not deparse a statement: " + msg);
  }
  std::string text = d.query;
  pg_query_free_deparse_result(d);
  return text;
}

std::string DeparseExpr(Node* expr) {
  PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
  target.val = expr;
  target.name = const_cast<char*>("");
  PgQuery__Node target_node = PG_QUERY__NODE__INIT;
  target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
  target_node.res_target = &target;
  PgQuery__Node* targets[1] = {&target_node};
  PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
  select.n_target_list = 1;
  select.target_list = targets;
  select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
  PgQuery__Node stmt_node = PG_QUERY__NODE__INIT;
  stmt_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
  stmt_node.select_stmt = &select;
  std::string text = DeparseStatement(&stmt_node);
  if (text.rfind("SELECT ", 0) == 0) text = text.substr(7);
  return text;
}

Node* ParseStoredExpr(const std::string& text, std::unique_ptr<Script>* holder) {
  *holder = ParseSql("SELECT " + text);
  Node* stmt = (*holder)->statements.at(0).stmt;
  return stmt->select_stmt->target_list[0]->res_target->val;
}

}  // namespace tusk
