#include "plpgsql/parser.hpp"

#include <cctype>
#include <initializer_list>

#include "common/error.hpp"
#include "parser/parser.hpp"
#include "plpgsql/scanner.hpp"

namespace tusk::plpgsql {

namespace {

using Kind = Token::Kind;

class Parser {
 public:
  Parser(const std::string& body, const Signature& sig) : body_(body), toks_(Scan(body)), sig_(sig) { Declare(sig); }

  Function Run() {
    try {
      CompilerOptions();
      std::string label = Label();
      fn_.body = ParseBlock(label);
      Accept(";");
      if (Peek().kind != Kind::kEnd) Syntax("text after the end of the function body");
    } catch (Error& e) {
      // without a position, an error says where the compiler was (PostgreSQL's
      // plpgsql_compile_error_callback)
      if (e.position() == 0 && !syntax_error_) {
        std::string line = "compilation of PL/pgSQL function \"" + (sig_.name.empty() ? std::string("inline_code_block") : sig_.name) +
                           "\" near line " + std::to_string(toks_[pos_ > 0 ? pos_ - 1 : 0].line);
        e.WithContext(e.context().empty() ? line : e.context() + "\n" + line);
      }
      throw;
    }
    return std::move(fn_);
  }

 private:
  // #option dump, #print_strict_params on|off, #variable_conflict error|use_variable|use_column:
  // the options a body may start with.
  void CompilerOptions() {
    while (Peek().IsOp("#")) {
      Take();
      const Token& option = Take();
      const Token& value = Take();
      auto choose = [&](std::initializer_list<const char*> words) -> int {
        int i = 0;
        for (const char* w : words) {
          if (value.kind == Kind::kIdent && value.text == w) return i;
          i++;
        }
        CompileError(sqlstate::kSyntaxError, "syntax error at or near \"" + value.text + "\"", value);
      };
      if (option.kind == Kind::kIdent && option.text == "option") choose({"dump"});
      else if (option.kind == Kind::kIdent && option.text == "print_strict_params") {
        if (choose({"off", "on"}) == 1)
          CompileError(sqlstate::kFeatureNotSupported, "#print_strict_params on is not supported yet", value);
      }
      else if (option.kind == Kind::kIdent && option.text == "variable_conflict") fn_.variable_conflict = choose({"error", "use_variable", "use_column"});
      else CompileError(sqlstate::kSyntaxError, "syntax error at or near \"" + option.text + "\"", option);
    }
  }

  // ---- tokens ----
  const Token& Peek(size_t ahead = 0) const {
    size_t i = pos_ + ahead;
    return i < toks_.size() ? toks_[i] : toks_.back();
  }
  const Token& Take() {
    const Token& t = Peek();
    if (pos_ < toks_.size() - 1) pos_++;
    return t;
  }
  bool Accept(std::string_view word) {
    const Token& t = Peek();
    if (t.Is(word) || t.IsOp(word)) {
      Take();
      return true;
    }
    return false;
  }
  void Expect(std::string_view word) {
    if (!Accept(word)) Syntax("expected \"" + std::string(word) + "\"");
  }
  [[noreturn]] void Syntax(const std::string& what) {
    syntax_error_ = true;  // worded by libpg_query's grammar where it can (validate.cpp)
    throw Error(sqlstate::kSyntaxError, "syntax error in PL/pgSQL function body at line " + std::to_string(Peek().line) + ": " + what);
  }
  // An error PostgreSQL reports while compiling, pointing at a token of the body.
  [[noreturn]] static void CompileError(const char* state, const std::string& message, const Token& at, std::string hint = "") {
    Error e(state, message);
    if (!hint.empty()) e.WithHint(std::move(hint));
    throw e.WithPosition(static_cast<int>(at.begin) + 1);
  }
  void CheckAssignable(int var, const Token& at) const {
    if (fn_.vars[static_cast<size_t>(var)].constant)
      CompileError(sqlstate::kErrorInAssignment, "variable \"" + fn_.vars[static_cast<size_t>(var)].name + "\" is declared CONSTANT", at);
  }
  [[noreturn]] void Unsupported(const std::string& what) const {
    throw Error(sqlstate::kFeatureNotSupported, "PL/pgSQL " + what + " is not supported yet (line " + std::to_string(Peek().line) + ")");
  }
  std::string Ident() {
    const Token& t = Take();
    if (t.kind != Kind::kIdent) Syntax("expected a name");
    return t.text;
  }

  // ---- names ----
  int AddVar(Variable v, const std::string& label = "") {
    fn_.vars.push_back(std::move(v));
    int id = static_cast<int>(fn_.vars.size()) - 1;
    ns_.push_back({label, fn_.vars.back().name, id});
    scope_dirty_ = true;
    return id;
  }
  int Implicit(const std::string& name, const std::string& type, const std::string& label = "") {
    Variable v;
    v.name = name;
    v.type.text = type;
    v.implicit = true;
    v.line = Peek().line;
    return AddVar(std::move(v), label);
  }
  void Declare(const Signature& sig) {
    for (size_t i = 0; i < sig.params.size(); i++) {
      Variable v;
      v.name = "$" + std::to_string(i + 1);
      v.implicit = true;
      v.arg = static_cast<int>(i);
      int id = AddVar(std::move(v), sig.name);
      if (!sig.params[i].name.empty()) ns_.push_back({sig.name, sig.params[i].name, id});
      if (sig.params[i].in) fn_.params.push_back(id);
      if (sig.params[i].out) fn_.out_params.push_back(id);
    }
    fn_.found_var = Implicit("found", "boolean", sig.name);
    if (sig.trigger) {
      Variable n;
      n.name = "new";
      n.type.kind = TypeRef::Kind::kRecord;
      n.implicit = true;
      AddVar(n, sig.name);
      n.name = "old";
      AddVar(n, sig.name);
      for (auto [name, type] : std::initializer_list<std::pair<const char*, const char*>>{
               {"tg_name", "name"}, {"tg_when", "text"}, {"tg_level", "text"}, {"tg_op", "text"}, {"tg_relid", "oid"},
               {"tg_relname", "name"}, {"tg_table_name", "name"}, {"tg_table_schema", "name"}, {"tg_nargs", "integer"},
               {"tg_argv", "text[]"}})
        Implicit(name, type, sig.name);
    }
  }
  // The variable `name` (`label.name` when qualified) visible here, or -1.
  int Lookup(const std::string& name, const std::string& label = "") const {
    for (auto it = ns_.rbegin(); it != ns_.rend(); ++it)
      if (it->var >= 0 && it->name == name && (label.empty() || it->label == label)) return it->var;
    return -1;
  }
  int Scope() {
    if (scope_dirty_ || fn_.scopes.empty()) {
      std::vector<Visible> v;
      for (auto it = ns_.rbegin(); it != ns_.rend(); ++it)
        if (it->var >= 0) v.push_back(*it);
      fn_.scopes.push_back(std::move(v));
      scope_dirty_ = false;
    }
    return static_cast<int>(fn_.scopes.size()) - 1;
  }
  size_t PushScope() { return ns_.size(); }
  void PopScope(size_t mark) {
    ns_.resize(mark);
    scope_dirty_ = true;
  }

  // ---- SQL spans ----
  Sql MakeSql(std::string text, int line, SqlMode mode, size_t begin) {
    Sql sql;
    sql.id = fn_.sql_count++;
    sql.text = std::move(text);
    sql.line = line;
    sql.scope = Scope();
    sql.mode = mode;
    sql.offset = static_cast<long>(begin);
    return sql;
  }
  // Tokens up to (not including) one of `stops` at parenthesis depth 0; the text they span.
  Sql ReadSql(std::initializer_list<std::string_view> stops, const char* what, SqlMode mode = SqlMode::kExpression) {
    return Checked(ReadSpan(stops, what, mode));
  }
  Sql ReadSpan(std::initializer_list<std::string_view> stops, const char* what, SqlMode mode) {
    const Token& first = Peek();
    int depth = 0;
    size_t begin = first.begin, end = first.begin;
    for (;;) {
      const Token& t = Peek();
      if (t.kind == Kind::kEnd) Syntax(std::string("missing end of ") + what);
      if (depth == 0)
        for (auto s : stops)
          if (t.Is(s) || t.IsOp(s)) {
            if (end == begin) Syntax(std::string("missing ") + what);
            return MakeSql(body_.substr(begin, end - begin), first.line, mode, begin);
          }
      if (t.IsOp("(") || t.IsOp("[")) depth++;
      if ((t.IsOp(")") || t.IsOp("]")) && depth > 0) depth--;
      end = t.end;
      Take();
    }
  }
  // SQL text is parsed when the function is created, as PostgreSQL does: a syntax error points
  // into the body.
  static Sql Checked(Sql sql) {
    try {
      ParseSql(sql.Parsed());
    } catch (Error& e) {
      if (e.position() > 0) {
        long at = sql.offset + std::max(1L, static_cast<long>(e.position()) - sql.ParsedPrefix());
        e.ClearPosition().WithPosition(static_cast<int>(at));
      }
      throw;
    }
    return sql;
  }

  // A list of expressions separated by commas, up to one of `stops`.
  std::vector<Sql> ReadSqlList(std::initializer_list<std::string_view> stops) {
    std::vector<Sql> out;
    std::vector<std::string_view> with_comma(stops);
    with_comma.push_back(",");
    for (;;) {
      const Token& first = Peek();
      int depth = 0;
      size_t begin = first.begin, end = first.begin;
      for (;;) {
        const Token& t = Peek();
        if (t.kind == Kind::kEnd) Syntax("missing end of expression list");
        bool stop = false;
        if (depth == 0)
          for (auto s : with_comma) stop |= t.Is(s) || t.IsOp(s);
        if (stop) break;
        if (t.IsOp("(") || t.IsOp("[")) depth++;
        if ((t.IsOp(")") || t.IsOp("]")) && depth > 0) depth--;
        end = t.end;
        Take();
      }
      out.push_back(Checked(MakeSql(body_.substr(begin, end - begin), first.line, SqlMode::kExpression, begin)));
      if (!Accept(",")) return out;
    }
  }

  std::string Label() {
    if (!Accept("<<")) return "";
    std::string label = Ident();
    Expect(">>");
    return label;
  }
  void EndLabel(const std::string& label) {
    if (Peek().kind == Kind::kIdent && !Peek().Is("loop") && !Peek().Is("if") && !Peek().Is("case")) {
      std::string got = Ident();
      if (!label.empty() && got != label) Syntax("end label \"" + got + "\" differs from block's label \"" + label + "\"");
    }
  }

  // ---- declarations ----
  // `in_list`: a cursor argument's type, which a comma or the closing parenthesis ends.
  TypeRef ReadType(bool in_list = false) {
    TypeRef type;
    const Token& first = Peek();
    size_t begin = first.begin, end = first.begin;
    type.offset = static_cast<long>(begin);
    std::vector<std::string> names;
    int depth = 0;
    for (;;) {
      const Token& t = Peek();
      if (t.kind == Kind::kEnd) Syntax("missing end of declaration");
      if (depth == 0 && (t.IsOp(";") || t.IsOp(":=") || t.IsOp("=") || t.Is("default") || t.Is("collate") ||
                         (t.Is("not") && Peek(1).Is("null"))))
        break;
      if (depth == 0 && in_list && (t.IsOp(",") || t.IsOp(")"))) break;
      if (depth == 0 && t.IsOp("%") && (Peek(1).Is("type") || Peek(1).Is("rowtype"))) {
        bool row = Peek(1).Is("rowtype");
        Take();
        Take();
        if (row) {
          type.kind = TypeRef::Kind::kRowType;
          type.names = names;
        } else if (names.size() == 1 && Lookup(names[0]) >= 0) {
          type.kind = TypeRef::Kind::kVariableType;
          type.var = Lookup(names[0]);
        } else {
          type.kind = TypeRef::Kind::kColumnType;
          type.names = names;
        }
        return type;
      }
      if (t.kind == Kind::kIdent) names.push_back(t.text);
      if (t.IsOp("(") || t.IsOp("[")) depth++;
      if ((t.IsOp(")") || t.IsOp("]")) && depth > 0) depth--;
      end = t.end;
      Take();
    }
    type.text = body_.substr(begin, end - begin);
    if (first.Is("record") && end == first.end) type.kind = TypeRef::Kind::kRecord;
    return type;
  }

  void ParseDeclarations(Block* block) {
    while (!Peek().Is("begin")) {
      if (Accept("declare")) continue;
      if (Peek().kind == Kind::kEnd) Syntax("missing BEGIN");
      Variable v;
      v.line = Peek().line;
      v.name = Ident();
      if (Accept("alias")) {
        Expect("for");
        const Token& t = Take();
        int target = Lookup(t.text);
        if (target < 0) Syntax("variable \"" + t.text + "\" does not exist");
        ns_.push_back({"", v.name, target});
        scope_dirty_ = true;
        Expect(";");
        continue;
      }
      if (Peek().Is("cursor") || Peek().Is("scroll") || (Peek().Is("no") && Peek(1).Is("scroll"))) {
        block->vars.push_back(ParseCursorDeclaration(std::move(v), block->label));
        continue;
      }
      v.constant = Accept("constant");
      v.type = ReadType();
      if (Accept("collate")) Ident();
      const Token& not_token = Peek();
      if (Accept("not")) {
        Expect("null");
        v.not_null = true;
      }
      if (Accept("default") || Accept(":=") || Accept("=")) v.default_value = ReadSql({";"}, "default value");
      if (v.not_null && !v.default_value)
        CompileError(sqlstate::kNullValueNotAllowed, "variable \"" + v.name + "\" must have a default value, since it's declared NOT NULL", not_token);
      Expect(";");
      block->vars.push_back(AddVar(std::move(v), block->label));
    }
  }

  // name [[NO] SCROLL] CURSOR [(arg type, ...)] {FOR | IS} query; the variable is a refcursor
  // whose value, the portal's name, starts as its own name (as in PostgreSQL).
  int ParseCursorDeclaration(Variable v, const std::string& label) {
    auto d = std::make_shared<CursorDecl>();
    if (Accept("no")) {
      Expect("scroll");
      d->scroll = 0;
    } else if (Accept("scroll")) {
      d->scroll = 1;
    }
    Expect("cursor");
    size_t mark = PushScope();  // the arguments are visible in the query alone
    if (Accept("(")) {
      do {
        Variable a;
        a.line = Peek().line;
        a.name = Ident();
        a.type = ReadType(true);
        d->args.push_back(AddVar(std::move(a)));
      } while (Accept(","));
      Expect(")");
    }
    if (!Accept("for")) Expect("is");
    d->query = ReadSql({";"}, "cursor query", SqlMode::kStatement);
    PopScope(mark);
    Expect(";");
    v.type.text = "refcursor";
    v.cursor = std::move(d);
    return AddVar(std::move(v), label);
  }

  // A query, or EXECUTE text [USING arguments], up to `stop`.
  void ReadQuerySource(std::string_view stop, bool* dynamic, Sql* query, std::vector<Sql>* using_args) {
    if (!Accept("execute")) {
      *query = ReadSql({stop}, "query", SqlMode::kStatement);
      return;
    }
    *dynamic = true;
    *query = ReadSql({"using", stop}, "query string");
    if (Accept("using")) *using_args = ReadSqlList({stop});
  }

  // The cursor variable a statement names.
  int CursorVariable() {
    std::string name = Ident();
    int var = Lookup(name);
    if (var < 0) Syntax("\"" + name + "\" is not a known variable");
    return var;
  }

  // A bound cursor's arguments, `(a, b)` or by name `(b := 2, a => 1)`, in declaration order;
  // PostgreSQL's read_cursor_args checks their number when the function is created.
  std::vector<Sql> CursorArguments(int var, const Token& at) {
    const Variable& v = fn_.vars[static_cast<size_t>(var)];
    const std::vector<int>& params = v.cursor->args;
    std::vector<Sql> out;
    if (params.empty()) {
      if (Peek().IsOp("(")) CompileError(sqlstate::kSyntaxError, "cursor \"" + v.name + "\" has no arguments", Peek());
      return out;
    }
    if (!Peek().IsOp("(")) CompileError(sqlstate::kSyntaxError, "cursor \"" + v.name + "\" has arguments", at);
    Take();
    std::vector<std::optional<Sql>> given(params.size());
    size_t positional = 0;
    const Token* comma = &at;  // PostgreSQL points at the comma before an argument too many
    for (;;) {
      const Token& arg_at = Peek();
      size_t slot = positional;
      if (arg_at.kind == Kind::kIdent && (Peek(1).IsOp(":=") || Peek(1).IsOp("=>"))) {
        std::string name = Ident();
        Take();
        slot = params.size();
        for (size_t i = 0; i < params.size(); i++)
          if (fn_.vars[static_cast<size_t>(params[i])].name == name) slot = i;
        if (slot == params.size())
          CompileError(sqlstate::kSyntaxError, "cursor \"" + v.name + "\" has no argument named \"" + name + "\"", arg_at);
        if (given[slot]) CompileError(sqlstate::kSyntaxError, "value for parameter \"" + name + "\" of cursor \"" + v.name + "\" specified more than once", arg_at);
      } else {
        positional++;
      }
      if (slot >= params.size()) CompileError(sqlstate::kSyntaxError, "too many arguments for cursor \"" + v.name + "\"", *comma);
      given[slot] = ReadSql({",", ")"}, "cursor argument");
      if (Peek().IsOp(",")) {
        comma = &Take();
        continue;
      }
      break;
    }
    const Token& close = Peek();
    Expect(")");
    for (auto& g : given) {
      if (!g) CompileError(sqlstate::kSyntaxError, "not enough arguments for cursor \"" + v.name + "\"", close);
      out.push_back(std::move(*g));
    }
    return out;
  }

  std::unique_ptr<Stmt> ParseOpen(int line) {
    Take();
    auto s = At(line, std::make_unique<Open>());
    const Token& at = Peek();
    s->var = CursorVariable();
    const Variable& v = fn_.vars[static_cast<size_t>(s->var)];
    if (v.cursor) {
      s->args = CursorArguments(s->var, at);
    } else {
      if (Accept("no")) {
        Expect("scroll");
        s->scroll = 0;
      } else if (Accept("scroll")) {
        s->scroll = 1;
      }
      Expect("for");
      ReadQuerySource(";", &s->dynamic, &s->query, &s->using_args);
    }
    Expect(";");
    return s;
  }

  // FETCH / MOVE [NEXT | PRIOR | FIRST | LAST | ABSOLUTE n | RELATIVE n | FORWARD [n | ALL] |
  // BACKWARD [n | ALL] | n | ALL] [FROM | IN] cursor [INTO target]
  std::unique_ptr<Stmt> ParseFetch(int line) {
    auto s = At(line, std::make_unique<Fetch>());
    s->move = Take().Is("move");
    using D = Fetch::Direction;
    auto count_until_cursor = [&]() {
      if (Accept("all")) s->count = INT64_MAX;
      else if (!Peek().Is("from") && !Peek().Is("in")) s->count_sql = ReadSql({"from", "in"}, "cursor position");
    };
    if (Accept("next")) {
    } else if (Accept("prior")) {
      s->direction = D::kBackward;
    } else if (Accept("first")) {
      s->direction = D::kAbsolute;
    } else if (Accept("last")) {
      s->direction = D::kAbsolute;
      s->count = -1;
    } else if (Peek().Is("absolute") || Peek().Is("relative")) {
      s->direction = Take().Is("absolute") ? D::kAbsolute : D::kRelative;
      s->count_sql = ReadSql({"from", "in"}, "cursor position");
    } else if (Accept("forward")) {
      count_until_cursor();
    } else if (Accept("backward")) {
      s->direction = D::kBackward;
      count_until_cursor();
    } else if (Accept("all")) {
      s->count = INT64_MAX;
    }
    if (!Accept("from")) Accept("in");
    s->var = CursorVariable();
    if (!s->move) {
      if ((s->count_sql && (s->direction == D::kForward || s->direction == D::kBackward)) || s->count == INT64_MAX)
        Syntax("FETCH statement cannot return multiple rows");
      Expect("into");
      s->into = ReadTarget();
    }
    Expect(";");
    return s;
  }

  // ---- statements ----
  std::unique_ptr<Block> ParseBlock(const std::string& label) {
    auto block = std::make_unique<Block>();
    block->line = Peek().line;
    block->label = label;
    size_t mark = PushScope();
    ns_.push_back({label, "", -1});  // the block's label marker
    if (Accept("declare")) ParseDeclarations(block.get());
    block->line = Peek().line;
    Expect("begin");
    block->body = ParseStatements();
    if (Accept("exception")) {
      size_t inner = PushScope();
      block->sqlstate_var = Implicit("sqlstate", "text");
      block->sqlerrm_var = Implicit("sqlerrm", "text");
      while (Accept("when")) {
        ExceptionHandler h;
        do {
          if (Accept("sqlstate")) {
            const Token& code = Take();
            if (code.kind != Kind::kString) Syntax("expected a SQLSTATE string");
            h.conditions.push_back(code.text);
          } else {
            h.conditions.push_back(Ident());
          }
        } while (Accept("or"));
        Expect("then");
        h.body = ParseStatements();
        block->handlers.push_back(std::move(h));
      }
      PopScope(inner);
    }
    Expect("end");
    EndLabel(label);
    PopScope(mark);
    return block;
  }

  bool AtListEnd() const {
    const Token& t = Peek();
    return t.kind == Kind::kEnd || t.Is("end") || t.Is("else") || t.Is("elsif") || t.Is("elseif") || t.Is("when") ||
           t.Is("exception");
  }

  StmtList ParseStatements() {
    StmtList out;
    while (!AtListEnd()) out.push_back(ParseStatement());
    return out;
  }

  template <typename T>
  std::unique_ptr<T> At(int line, std::unique_ptr<T> s) {
    s->line = line;
    return s;
  }

  std::unique_ptr<Stmt> ParseStatement() {
    int line = Peek().line;
    std::string label = Label();
    const Token& t = Peek();
    if (t.Is("declare") || t.Is("begin")) {
      auto b = ParseBlock(label);
      Expect(";");
      return b;
    }
    if (t.Is("loop") || t.Is("while") || t.Is("for") || t.Is("foreach")) return ParseLoop(label, line);
    if (!label.empty()) Syntax("a label must be followed by a block or a loop");
    if (t.kind != Kind::kIdent || t.quoted) return ParseSqlStatement(line);
    const std::string word = t.text;
    if (word == "if") return ParseIf(line);
    if (word == "case") return ParseCase(line);
    if (word == "exit" || word == "continue") {
      Take();
      auto s = At(line, std::make_unique<Exit>());
      s->is_exit = word == "exit";
      if (Peek().kind == Kind::kIdent && !Peek().Is("when")) s->label = Ident();
      if (Accept("when")) s->condition = ReadSql({";"}, "condition");
      Expect(";");
      return s;
    }
    if (word == "return") return ParseReturn(line);
    if (word == "raise") return ParseRaise(line);
    if (word == "assert") {
      Take();
      auto s = At(line, std::make_unique<Assert>());
      s->condition = ReadSql({",", ";"}, "condition");
      if (Accept(",")) s->message = ReadSql({";"}, "message");
      Expect(";");
      return s;
    }
    if (word == "perform") {
      Take();
      auto s = At(line, std::make_unique<ExecSql>(StmtKind::kPerform));
      // PostgreSQL runs (and shows) the query with SELECT in place of PERFORM
      s->sql = Checked(SelectFor(ReadSpan({";"}, "query", SqlMode::kStatement)));
      Expect(";");
      return s;
    }
    if (word == "execute") return ParseExecute(line);
    if (word == "get") return ParseGetDiagnostics(line);
    if (word == "null" && Peek(1).IsOp(";")) {
      Take();
      Take();
      return At(line, std::make_unique<Stmt>(StmtKind::kNull));
    }
    if (word == "open") return ParseOpen(line);
    if (word == "fetch" || word == "move") return ParseFetch(line);
    if (word == "close") {
      Take();
      auto s = At(line, std::make_unique<Close>());
      s->var = CursorVariable();
      Expect(";");
      return s;
    }
    if (word == "commit" || word == "rollback") {
      Take();
      auto s = At(line, std::make_unique<EndTransaction>());
      s->commit = word == "commit";
      if (Accept("and")) {
        s->chain = !Accept("no");
        Expect("chain");
      }
      Expect(";");
      return s;
    }
    if (word == "call") {
      auto s = At(line, std::make_unique<ExecSql>(StmtKind::kCall));
      s->sql = ReadSql({";"}, "statement", SqlMode::kStatement);
      Expect(";");
      return s;
    }
    if (auto a = TryAssignment(line)) return a;
    return ParseSqlStatement(line);
  }

  // name[.field][subscripts] := expr, when name is a variable.
  std::unique_ptr<Stmt> TryAssignment(int line) {
    size_t save = pos_;
    const Token& target_token = Peek();
    std::string first = Take().text;
    Target target;
    int var = -1;
    if (Peek().IsOp(".") && Peek(1).kind == Kind::kIdent) {
      std::string second = Peek(1).text;
      int qualified = Lookup(second, first);
      if (qualified >= 0 && (Peek(2).IsOp(":=") || Peek(2).IsOp("=") || Peek(2).IsOp("[") || Peek(2).IsOp("."))) {
        Take();
        Take();
        var = qualified;
      } else if ((var = Lookup(first)) >= 0) {
        Take();
        target.field = Take().text;
      }
    } else {
      var = Lookup(first);
    }
    if (var < 0) {
      pos_ = save;
      return nullptr;
    }
    if (target.field.empty() && Peek().IsOp(".") && Peek(1).kind == Kind::kIdent) {
      Take();
      target.field = Take().text;
    }
    while (Peek().IsOp("[")) {
      Take();
      target.subscripts.push_back(ReadSql({"]"}, "subscript"));
      Expect("]");
    }
    if (!Peek().IsOp(":=") && !Peek().IsOp("=")) {
      pos_ = save;
      return nullptr;
    }
    if (!target.field.empty() && !target.subscripts.empty()) Unsupported("assignment to an element of a field");
    Take();
    CheckAssignable(var, target_token);
    target.vars.push_back(var);
    auto s = At(line, std::make_unique<Assign>());
    s->target = std::move(target);
    s->value = ReadSql({";"}, "expression", SqlMode::kAssignment);
    s->value.shown = body_.substr(target_token.begin, static_cast<size_t>(s->value.offset) - target_token.begin) + s->value.text;
    s->value.shown_start = static_cast<int>(static_cast<size_t>(s->value.offset) - target_token.begin);
    Expect(";");
    return s;
  }

  Target ReadTarget() {
    Target target;
    do {
      const Token& at = Peek();
      std::string name = Ident();
      int var = Lookup(name);
      if (Peek().IsOp(".") && Peek(1).kind == Kind::kIdent) {
        int qualified = Lookup(Peek(1).text, name);
        if (qualified >= 0) {
          Take();
          Take();
          var = qualified;
        } else if (var >= 0) {
          Unsupported("a record field as an INTO target");
        }
      }
      if (var < 0) Syntax("\"" + name + "\" is not a known variable");
      CheckAssignable(var, at);
      target.vars.push_back(var);
    } while (Accept(","));
    return target;
  }

  // Any other statement is SQL, with perhaps INTO [STRICT] target (PostgreSQL's
  // make_execsql_stmt: not the INTO of INSERT INTO, MERGE INTO, IMPORT ... INTO).
  std::unique_ptr<Stmt> ParseSqlStatement(int line) {
    auto s = At(line, std::make_unique<ExecSql>(StmtKind::kExecSql));
    const Token& first = Peek();
    int first_line = first.line;
    size_t begin = first.begin, end = first.begin;
    size_t into_begin = 0, into_end = 0;
    bool first_merge_or_import = first.Is("merge") || first.Is("import");
    std::string prev;
    for (;;) {
      const Token& t = Peek();
      if (t.kind == Kind::kEnd) Syntax("missing \";\"");
      if (t.IsOp(";")) break;
      if (t.Is("into") && prev != "insert" && !first_merge_or_import) {
        if (s->into) Syntax("INTO specified more than once");
        into_begin = t.begin;
        Take();
        s->strict = Accept("strict");
        s->into = ReadTarget();
        into_end = Peek().begin;
        prev = "";
        continue;
      }
      prev = t.kind == Kind::kIdent && !t.quoted ? t.text : "";
      end = t.end;
      Take();
    }
    Expect(";");
    // INTO ... becomes spaces, so that positions in the text stay those of the body
    std::string text = s->into ? body_.substr(begin, into_begin - begin) + std::string(into_end - into_begin, ' ') +
                                     body_.substr(into_end, end > into_end ? end - into_end : 0)
                               : body_.substr(begin, end - begin);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    s->sql = Checked(MakeSql(text, first_line, SqlMode::kStatement, begin));
    return s;
  }

  std::unique_ptr<Stmt> ParseIf(int line) {
    Take();
    auto s = At(line, std::make_unique<If>());
    for (;;) {
      If::Branch b;
      b.condition = ReadSql({"then"}, "condition");
      Expect("then");
      b.body = ParseStatements();
      s->branches.push_back(std::move(b));
      if (Accept("elsif") || Accept("elseif")) continue;
      break;
    }
    if (Accept("else")) s->else_body = ParseStatements();
    Expect("end");
    Expect("if");
    Expect(";");
    return s;
  }

  std::unique_ptr<Stmt> ParseCase(int line) {
    Take();
    auto s = At(line, std::make_unique<Case>());
    if (!Peek().Is("when")) s->subject = ReadSql({"when"}, "expression");
    while (Accept("when")) {
      Case::When w;
      w.condition = ReadSql({"then"}, "condition");
      Expect("then");
      w.body = ParseStatements();
      s->whens.push_back(std::move(w));
    }
    if (Accept("else")) s->else_body = ParseStatements();
    Expect("end");
    Expect("case");
    Expect(";");
    return s;
  }

  void LoopEnd(const std::string& label) {
    Expect("end");
    Expect("loop");
    EndLabel(label);
    Expect(";");
  }

  std::unique_ptr<Stmt> ParseLoop(const std::string& label, int line) {
    size_t mark = PushScope();
    ns_.push_back({label, "", -1});
    std::unique_ptr<Stmt> out;
    if (Accept("loop")) {
      auto s = At(line, std::make_unique<Loop>(StmtKind::kLoop));
      s->label = label;
      s->body = ParseStatements();
      LoopEnd(label);
      out = std::move(s);
    } else if (Accept("while")) {
      auto s = At(line, std::make_unique<Loop>(StmtKind::kWhile));
      s->label = label;
      s->condition = ReadSql({"loop"}, "condition");
      Expect("loop");
      s->body = ParseStatements();
      LoopEnd(label);
      out = std::move(s);
    } else if (Accept("foreach")) {
      auto s = At(line, std::make_unique<ForEach>());
      s->label = label;
      s->target = ReadTarget();
      if (Accept("slice")) {
        const Token& n = Take();
        if (n.kind != Kind::kNumber) Syntax("expected a SLICE number");
        s->slice = std::stoi(n.text);
      }
      Expect("in");
      Expect("array");
      s->array = ReadSql({"loop"}, "expression");
      Expect("loop");
      s->body = ParseStatements();
      LoopEnd(label);
      out = std::move(s);
    } else {
      Expect("for");
      out = ParseFor(label, line);
    }
    PopScope(mark);
    return out;
  }

  // Whether the tokens up to LOOP hold a `..` at depth 0: an integer range.
  bool IsIntegerRange() const {
    int depth = 0;
    for (size_t i = pos_; i < toks_.size() && toks_[i].kind != Kind::kEnd; i++) {
      const Token& t = toks_[i];
      if (t.IsOp("(") || t.IsOp("[")) depth++;
      if ((t.IsOp(")") || t.IsOp("]")) && depth > 0) depth--;
      if (depth == 0 && t.Is("loop")) return false;
      if (depth == 0 && t.IsOp("..")) return true;
    }
    return false;
  }

  std::unique_ptr<Stmt> ParseFor(const std::string& label, int line) {
    // FOR name IN [REVERSE] a .. b [BY c] LOOP: the name is a new integer variable of the loop
    if (Peek().kind == Kind::kIdent && Peek(1).Is("in")) {
      size_t save = pos_;
      std::string name = Ident();
      Expect("in");
      bool reverse = false;
      if (Peek().Is("reverse")) {
        Take();
        reverse = true;
      }
      if (reverse || IsIntegerRange()) {
        auto s = At(line, std::make_unique<ForInt>());
        s->label = label;
        s->reverse = reverse;
        s->lower = ReadSql({".."}, "lower bound");
        Expect("..");
        s->upper = ReadSql({"by", "loop"}, "upper bound");
        if (Accept("by")) s->step = ReadSql({"loop"}, "step");
        Expect("loop");
        s->var = Implicit(name, "integer", label);
        s->body = ParseStatements();
        LoopEnd(label);
        return s;
      }
      pos_ = save;
    }
    auto s = At(line, std::make_unique<ForQuery>());
    s->label = label;
    if (Peek().kind == Kind::kIdent && Peek(1).Is("in") && Peek(2).kind == Kind::kIdent && Lookup(Peek(2).text) >= 0 &&
        fn_.vars[static_cast<size_t>(Lookup(Peek(2).text))].cursor && (Peek(3).Is("loop") || Peek(3).IsOp("(")))
      return ParseForCursor(label, line);
    s->target = ReadTarget();
    Expect("in");
    ReadQuerySource("loop", &s->dynamic, &s->query, &s->using_args);
    Expect("loop");
    s->body = ParseStatements();
    LoopEnd(label);
    return s;
  }

  // FOR name IN cursor [(arguments)] LOOP: `name` is a new record variable of the loop.
  std::unique_ptr<Stmt> ParseForCursor(const std::string& label, int line) {
    auto s = At(line, std::make_unique<ForCursor>());
    s->label = label;
    std::string name = Ident();
    Expect("in");
    const Token& at = Peek();
    s->cursor = CursorVariable();
    s->args = CursorArguments(s->cursor, at);
    Expect("loop");
    Variable r;
    r.name = name;
    r.type.kind = TypeRef::Kind::kRecord;
    r.implicit = true;
    r.line = line;
    s->var = AddVar(std::move(r), label);
    s->body = ParseStatements();
    LoopEnd(label);
    return s;
  }

  // RETURN's forms are checked against the function's result, as PostgreSQL's make_return_stmt
  // and make_return_next_stmt do.
  std::unique_ptr<Stmt> ParseReturn(int line) {
    const Token& keyword = Take();
    if (Accept("next")) {
      if (!sig_.retset) CompileError(sqlstate::kDatatypeMismatch, "cannot use RETURN NEXT in a non-SETOF function", keyword);
      auto s = At(line, std::make_unique<Return>(StmtKind::kReturnNext));
      if (sig_.has_out) {
        if (!Peek().IsOp(";"))
          CompileError(sqlstate::kDatatypeMismatch, "RETURN NEXT cannot have a parameter in function with OUT parameters", Peek());
      } else {
        ReturnValue(s.get());
      }
      Expect(";");
      return s;
    }
    if (Accept("query")) {
      if (!sig_.retset) CompileError(sqlstate::kDatatypeMismatch, "cannot use RETURN QUERY in a non-SETOF function", keyword);
      auto s = At(line, std::make_unique<ReturnQuery>());
      ReadQuerySource(";", &s->dynamic, &s->query, &s->using_args);
      Expect(";");
      return s;
    }
    auto s = At(line, std::make_unique<Return>(StmtKind::kReturn));
    const Token& after = Peek();
    bool bare = after.IsOp(";");
    if (sig_.retset) {
      if (!bare)
        CompileError(sqlstate::kDatatypeMismatch, "RETURN cannot have a parameter in function returning set", after,
                     "Use RETURN NEXT or RETURN QUERY.");
    } else if (sig_.returns_void) {
      if (!bare)
        CompileError(sqlstate::kDatatypeMismatch,
                     sig_.procedure ? "RETURN cannot have a parameter in a procedure" : "RETURN cannot have a parameter in function returning void",
                     after);
    } else if (sig_.has_out) {
      if (!bare) CompileError(sqlstate::kDatatypeMismatch, "RETURN cannot have a parameter in function with OUT parameters", after);
    } else {
      if (bare) CompileError(sqlstate::kSyntaxError, "missing expression at or near \";\"", after);
      ReturnValue(s.get());
    }
    Expect(";");
    return s;
  }
  // The value of RETURN [NEXT]: one variable named alone is taken as it is (so `outer.x` works,
  // though `outer` is reserved in SQL); anything else is an expression.
  void ReturnValue(Return* s) {
    if (Peek().kind == Kind::kIdent) {
      int var = -1;
      if (Peek(1).IsOp(";")) var = Lookup(Peek().text);
      else if (Peek(1).IsOp(".") && Peek(2).kind == Kind::kIdent && Peek(3).IsOp(";")) var = Lookup(Peek(2).text, Peek().text);
      if (var >= 0) {
        while (!Peek().IsOp(";")) Take();
        s->var = var;
        return;
      }
    }
    s->value = ReadSql({";"}, "expression");
  }

  std::unique_ptr<Stmt> ParseRaise(int line) {
    Take();
    auto s = At(line, std::make_unique<Raise>());
    for (const char* level : {"debug", "log", "info", "notice", "warning", "exception"})
      if (Accept(level)) s->level = level;
    if (Accept(";")) {
      s->reraise = true;
      return s;
    }
    if (Peek().kind == Kind::kString) {
      s->format = Take().text;
      if (Accept(",")) s->params = ReadSqlList({"using", ";"});
      size_t placeholders = 0;
      for (size_t i = 0; i < s->format->size(); i++)
        if ((*s->format)[i] == '%') {
          if (i + 1 < s->format->size() && (*s->format)[i + 1] == '%') i++;
          else placeholders++;
        }
      if (placeholders > s->params.size()) throw Error(sqlstate::kSyntaxError, "too few parameters specified for RAISE");
      if (placeholders < s->params.size()) throw Error(sqlstate::kSyntaxError, "too many parameters specified for RAISE");
    } else if (Accept("sqlstate")) {
      const Token& code = Take();
      if (code.kind != Kind::kString) Syntax("expected a SQLSTATE string");
      s->condition = code.text;
    } else if (!Peek().Is("using")) {
      s->condition = Ident();
    }
    if (Accept("using")) {
      do {
        std::string name = Ident();
        if (!Accept("=") && !Accept(":=")) Syntax("expected \"=\"");
        s->options.emplace_back(name, ReadSql({",", ";"}, "option value"));
      } while (Accept(","));
    }
    Expect(";");
    return s;
  }

  std::unique_ptr<Stmt> ParseExecute(int line) {
    Take();
    auto s = At(line, std::make_unique<DynExecute>());
    s->query = ReadSql({"into", "using", ";"}, "query string");
    for (;;) {
      if (Accept("into")) {
        if (s->into) Syntax("INTO specified more than once");
        s->strict = Accept("strict");
        s->into = ReadTarget();
      } else if (Accept("using")) {
        s->using_args = ReadSqlList({"into", ";"});
      } else {
        break;
      }
    }
    Expect(";");
    return s;
  }

  std::unique_ptr<Stmt> ParseGetDiagnostics(int line) {
    Take();
    auto s = At(line, std::make_unique<GetDiagnostics>());
    if (Accept("stacked")) s->stacked = true;
    else Accept("current");
    Expect("diagnostics");
    do {
      const Token& at = Peek();
      std::string name = Ident();
      int var = Lookup(name);
      if (var < 0) Syntax("\"" + name + "\" is not a known variable");
      CheckAssignable(var, at);
      if (!Accept("=") && !Accept(":=")) Syntax("expected \"=\"");
      std::string item = Ident();
      for (char& c : item) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      s->items.emplace_back(var, item);
    } while (Accept(","));
    Expect(";");
    return s;
  }

  // PERFORM's query as PostgreSQL runs it: SELECT in place of PERFORM.
  static Sql SelectFor(Sql query) {
    query.text = "SELECT " + query.text;
    query.offset -= 7;
    return query;
  }

  const std::string& body_;
  std::vector<Token> toks_;
  Signature sig_;
  bool syntax_error_ = false;
  size_t pos_ = 0;
  Function fn_;
  std::vector<Visible> ns_;
  bool scope_dirty_ = true;
};

}  // namespace

Function Parse(const std::string& body, const Signature& sig) { return Parser(body, sig).Run(); }

}  // namespace tusk::plpgsql
