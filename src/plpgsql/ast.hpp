// The tree of a PL/pgSQL function body, as plpgsql/parser.cpp reads it. SQL inside the body
// (expressions, queries, statements) stays text: the executor plans it as SQL with the
// function's variables as parameters, resolving names through the scope it was written in.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tusk::plpgsql {

// A name visible at some point of the body: a variable, reachable as `name` or `label.name`.
struct Visible {
  std::string label;  // the enclosing block's or loop's label ("" none); the function's name for its parameters
  std::string name;
  int var = -1;
};

// What SQL text of the body is, which decides how it is parsed (an expression is a SELECT's
// target list) and how an error's CONTEXT line names it, as in PostgreSQL.
enum class SqlMode { kExpression, kAssignment, kStatement };

// SQL text written in the body, with where it starts (1-based line and byte offset in the body)
// and the names visible there (Function::scopes).
struct Sql {
  int id = -1;  // numbers the SQL texts of a body from 0 (Function::sql_count), for caches
  std::string text;
  int line = 0;
  int scope = 0;
  SqlMode mode = SqlMode::kExpression;
  long offset = 0;
  // What an error shows as the query: for an assignment's value, the whole "x := value" (the
  // value starting at shown_start); else the text itself.
  std::string shown;
  int shown_start = 0;

  const std::string& Shown() const { return shown.empty() ? text : shown; }
  // The text the SQL parser reads, and how many bytes were put before `text` to make it.
  std::string Parsed() const { return mode == SqlMode::kStatement ? text : "SELECT " + text; }
  int ParsedPrefix() const { return mode == SqlMode::kStatement ? 0 : 7; }
};

// How a variable's type was written.
struct TypeRef {
  enum class Kind { kNamed, kRecord, kVariableType, kColumnType, kRowType };
  Kind kind = Kind::kNamed;
  std::string text;                  // kNamed: the type as written ("numeric(10,2)", "int[]")
  std::vector<std::string> names;    // kColumnType: [schema.]table.column; kRowType: [schema.]table
  int var = -1;                      // kVariableType: the variable whose type this copies
  long offset = -1;                  // where it is written in the body (a byte offset)
};

// A bound cursor's declaration: name [[NO] SCROLL] CURSOR [(arguments)] FOR query.
struct CursorDecl {
  int scroll = -1;        // -1 not said, 0 NO SCROLL, 1 SCROLL
  std::vector<int> args;  // variables holding the arguments (visible in the query alone)
  Sql query;
};

struct Variable {
  std::string name;
  TypeRef type;
  bool constant = false, not_null = false;
  std::optional<Sql> default_value;
  int line = 0;
  bool implicit = false;  // made by the language (found, loop variables, sqlstate ...), not declared
  int arg = -1;           // a parameter: its position among the function's arguments
  std::shared_ptr<CursorDecl> cursor;  // a bound cursor variable (its type is refcursor)
};

// Where a value goes: one variable, one field of a row variable, an element of an array
// variable; or several variables in turn (SELECT ... INTO a, b).
struct Target {
  std::vector<int> vars;
  std::string field;              // var.field := ...
  std::vector<Sql> subscripts;    // var[i][j] := ...
};

enum class StmtKind {
  kBlock, kAssign, kIf, kCase, kLoop, kWhile, kForInt, kForQuery, kForEach, kExit, kReturn,
  kReturnNext, kReturnQuery, kRaise, kAssert, kPerform, kExecSql, kDynExecute, kGetDiagnostics,
  kNull, kCall, kOpen, kFetch, kClose, kForCursor, kTransaction,
};

struct Stmt {
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  int line = 0;
};
using StmtList = std::vector<std::unique_ptr<Stmt>>;

struct ExceptionHandler {
  std::vector<std::string> conditions;  // condition names ("others", "division_by_zero") or 5-character SQLSTATEs
  StmtList body;
};

struct Block : Stmt {
  Block() : Stmt(StmtKind::kBlock) {}
  std::string label;
  std::vector<int> vars;  // declared here, initialised in order at entry
  StmtList body;
  std::vector<ExceptionHandler> handlers;
  int sqlstate_var = -1, sqlerrm_var = -1;  // visible in the handlers
};

struct Assign : Stmt {
  Assign() : Stmt(StmtKind::kAssign) {}
  Target target;
  Sql value;
};

struct If : Stmt {
  If() : Stmt(StmtKind::kIf) {}
  struct Branch {
    Sql condition;
    StmtList body;
  };
  std::vector<Branch> branches;  // IF, then each ELSIF
  std::optional<StmtList> else_body;
};

struct Case : Stmt {
  Case() : Stmt(StmtKind::kCase) {}
  std::optional<Sql> subject;  // CASE x WHEN ...: each WHEN's values are compared with it
  struct When {
    Sql condition;  // searched: the condition; simple: the values ("1, 2")
    StmtList body;
  };
  std::vector<When> whens;
  std::optional<StmtList> else_body;
};

struct Loop : Stmt {  // LOOP, WHILE
  explicit Loop(StmtKind k) : Stmt(k) {}
  std::string label;
  std::optional<Sql> condition;  // WHILE's
  StmtList body;
};

struct ForInt : Stmt {
  ForInt() : Stmt(StmtKind::kForInt) {}
  std::string label;
  int var = -1;
  bool reverse = false;
  Sql lower, upper;
  std::optional<Sql> step;
  StmtList body;
};

// FOR target IN query LOOP, or IN EXECUTE text [USING ...]
struct ForQuery : Stmt {
  ForQuery() : Stmt(StmtKind::kForQuery) {}
  std::string label;
  Target target;
  bool dynamic = false;
  Sql query;
  std::vector<Sql> using_args;
  StmtList body;
};

struct ForEach : Stmt {
  ForEach() : Stmt(StmtKind::kForEach) {}
  std::string label;
  Target target;
  int slice = 0;
  Sql array;
  StmtList body;
};

struct Exit : Stmt {  // EXIT / CONTINUE [label] [WHEN cond]
  Exit() : Stmt(StmtKind::kExit) {}
  bool is_exit = true;
  std::string label;
  std::optional<Sql> condition;
};

struct Return : Stmt {  // RETURN [expr], RETURN NEXT [expr]
  explicit Return(StmtKind k) : Stmt(k) {}
  std::optional<Sql> value;
  int var = -1;  // RETURN of one variable, named alone (`RETURN outer.x`): no SQL involved
};

struct ReturnQuery : Stmt {
  ReturnQuery() : Stmt(StmtKind::kReturnQuery) {}
  bool dynamic = false;
  Sql query;
  std::vector<Sql> using_args;
};

struct Raise : Stmt {
  Raise() : Stmt(StmtKind::kRaise) {}
  std::string level = "exception";  // debug, log, info, notice, warning, exception
  bool reraise = false;             // a bare RAISE in a handler
  std::string condition;            // RAISE division_by_zero / RAISE SQLSTATE '22012': name or SQLSTATE
  std::optional<std::string> format;
  std::vector<Sql> params;
  std::vector<std::pair<std::string, Sql>> options;  // USING name = expr (lower-case names)
};

struct Assert : Stmt {
  Assert() : Stmt(StmtKind::kAssert) {}
  Sql condition;
  std::optional<Sql> message;
};

// PERFORM query; an SQL statement [INTO [STRICT] target]; CALL
struct ExecSql : Stmt {
  explicit ExecSql(StmtKind k) : Stmt(k) {}
  Sql sql;  // PERFORM: the query as a SELECT
  std::optional<Target> into;
  bool strict = false;
};

struct DynExecute : Stmt {
  DynExecute() : Stmt(StmtKind::kDynExecute) {}
  Sql query;
  std::optional<Target> into;
  bool strict = false;
  std::vector<Sql> using_args;
};

struct GetDiagnostics : Stmt {
  GetDiagnostics() : Stmt(StmtKind::kGetDiagnostics) {}
  bool stacked = false;
  std::vector<std::pair<int, std::string>> items;  // (variable, item name upper-case)
};

// OPEN cursor [(arguments)] | OPEN cursor [[NO] SCROLL] FOR query | FOR EXECUTE text [USING ...]
struct Open : Stmt {
  Open() : Stmt(StmtKind::kOpen) {}
  int var = -1;
  int scroll = -1;
  std::vector<Sql> args;  // a bound cursor's arguments, in its declaration's order
  bool dynamic = false;
  Sql query;  // unbound cursors: the query, or EXECUTE's text
  std::vector<Sql> using_args;
};

// FETCH [direction] [FROM | IN] cursor INTO target, and MOVE (no target)
struct Fetch : Stmt {
  Fetch() : Stmt(StmtKind::kFetch) {}
  enum class Direction { kForward, kBackward, kAbsolute, kRelative };
  int var = -1;
  bool move = false;
  Direction direction = Direction::kForward;
  int64_t count = 1;           // when `count_sql` is absent; INT64_MAX for ALL
  std::optional<Sql> count_sql;
  Target into;
};

struct Close : Stmt {
  Close() : Stmt(StmtKind::kClose) {}
  int var = -1;
};

// COMMIT / ROLLBACK [AND [NO] CHAIN]: ends the transaction and starts the next (procedures and
// DO blocks run outside a transaction block only)
struct EndTransaction : Stmt {
  EndTransaction() : Stmt(StmtKind::kTransaction) {}
  bool commit = true;
  bool chain = false;  // the next transaction keeps this one's characteristics
};

// FOR record IN bound_cursor [(arguments)] LOOP: opens the cursor, reads it row by row, closes it
struct ForCursor : Stmt {
  ForCursor() : Stmt(StmtKind::kForCursor) {}
  std::string label;
  int var = -1;     // the loop's record variable
  int cursor = -1;  // the cursor variable
  std::vector<Sql> args;
  StmtList body;
};

struct Function {
  // #variable_conflict: 0 error (the default), 1 use_variable, 2 use_column.
  int variable_conflict = 0;
  std::vector<Variable> vars;
  std::vector<std::vector<Visible>> scopes;  // innermost name first
  std::unique_ptr<Block> body;
  int found_var = -1;
  int sql_count = 0;
  std::vector<int> params;  // the variables of the call's arguments, in order
  std::vector<int> out_params;  // OUT / INOUT / TABLE parameters' variables
};

}  // namespace tusk::plpgsql
