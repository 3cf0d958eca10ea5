// Tokens of a PL/pgSQL body, with the SQL lexer's rules for what they are made of (comments,
// quoted identifiers, string constants of every kind, dollar quoting, operators), so that the
// parser can find statement boundaries and keywords while SQL parts stay text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tusk::plpgsql {

struct Token {
  enum class Kind { kIdent, kString, kNumber, kParam, kOp, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;    // identifiers folded to lower case unless quoted; a string's value; else as written
  bool quoted = false; // a "quoted" identifier
  size_t begin = 0, end = 0;  // byte range in the body
  int line = 1;

  bool Is(std::string_view keyword) const { return kind == Kind::kIdent && !quoted && text == keyword; }
  bool IsOp(std::string_view op) const { return kind == Kind::kOp && text == op; }
};

// Every token of `body`, then one kEnd. Throws 42601 on an unterminated string or comment.
std::vector<Token> Scan(std::string_view body);

}  // namespace tusk::plpgsql
