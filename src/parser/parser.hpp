// The SQL parser: PostgreSQL 15's own grammar through libpg_query. A script parses into a list
// of raw statements (protobuf-c structs in the Script's arena, freed with it). Syntax errors carry
// PostgreSQL's message and cursor position.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/parse_arena.hpp"

namespace tusk {

using Node = PgQuery__Node;

struct RawStatement {
  Node* stmt;            // owned by the Script
  int location;          // byte offset of the statement in the script
  int length;            // 0 means "to the end"
};

class Script {
 public:
  std::vector<RawStatement> statements;
 private:
  friend std::unique_ptr<Script> ParseSql(const std::string& sql);
  // A script of the statements in a packed parse tree (libpg_query's protobuf).
  static std::unique_ptr<Script> FromPacked(const std::string& packed);
  ParseArena arena_;  // holds every node of the tree
};

// Parses one or more statements; throws Error(42601) with the cursor position on bad syntax.
std::unique_ptr<Script> ParseSql(const std::string& sql);

// Turns a statement's parse tree back into SQL text (libpg_query's deparser: one line, names
// quoted where they need it).
std::string DeparseStatement(Node* stmt);

// Turns an expression back into SQL text (used to store defaults, CHECKs, index expressions).
std::string DeparseExpr(Node* expr);

// Parses "SELECT <expr>" text produced by DeparseExpr back into an expression tree; the Script
// keeps it alive.
Node* ParseStoredExpr(const std::string& text, std::unique_ptr<Script>* holder);

}  // namespace tusk
