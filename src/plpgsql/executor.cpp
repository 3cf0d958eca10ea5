// The PL/pgSQL interpreter. Variables are the parameters of every SQL text in the body: an
// expression runs as `SELECT expr` planned once per catalog and variable types, with names
// resolved through the scope it was written in (Binder::FunctionParameters::resolve); other
// statements run through the session as nested statements. A block with an EXCEPTION clause
// runs in a subtransaction.
#include <mutex>
#include <set>
#include <unordered_map>

#include "security/plan_user.hpp"
#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "common/strings.hpp"
#include "engine/cursors.hpp"
#include "engine/session.hpp"
#include "execution/operators.hpp"
#include "parser/parser.hpp"
#include "parser/walk.hpp"
#include "planner/planner.hpp"
#include "plpgsql/condition_names.hpp"
#include "plpgsql/function.hpp"
#include "plpgsql/parser.hpp"
#include "routines/body_position.hpp"
#include "types/arrays.hpp"
#include "types/cast.hpp"
#include "types/text_io.hpp"

namespace tusk {
namespace plpgsql {

// SQL text of the body, parsed once and planned (a SELECT) for one catalog and variable types.
struct CachedSql {
  std::unique_ptr<Script> script;
  // A SELECT of expressions only (no FROM, no subquery): PostgreSQL evaluates such an expression
  // directly, so an error while running it names no SQL text.
  bool simple = false;
  std::shared_ptr<const Catalog> catalog;
  PlanUser planned_for;
  std::vector<Type> types;
  uint64_t types_version = 0;  // the frame's types_version_ when `types` was last found the same
  std::optional<PlannedQuery> select;
  // A simple expression's bound form (the plan's one projected expression over one empty row),
  // evaluated without running the plan.
  const Expr* direct = nullptr;
  // A statement run through the session, with its kept plan (param_types: the variables' types
  // it was planned for; nested_version as types_version above).
  std::unique_ptr<PreparedStatement> nested;
  uint64_t nested_version = 0;
};

struct Compiled {
  Function fn;
  std::string context;  // "PL/pgSQL function f(integer)"
  std::vector<CachedSql> sql;  // by Sql::id
  // Declared variables' types, resolved once per catalog.
  std::shared_ptr<const Catalog> types_catalog;
  std::vector<std::optional<Type>> types;
  int active = 0;  // frames running this body now: its plans are not re-entrant
};

namespace {

// SQLSTATEs given as text (RAISE ... USING ERRCODE) live as long as the process, as Error
// keeps a pointer.
const char* InternState(const std::string& code) {
  static std::mutex mu;
  static std::set<std::string> codes;
  std::lock_guard<std::mutex> lock(mu);
  return codes.insert(code).first->c_str();
}

std::string SqlstateOfCondition(const std::string& name) {
  for (const ConditionName& c : ConditionNames())
    if (name == c.name) return c.sqlstate;
  throw Error(sqlstate::kUndefinedObject, "unrecognized exception condition \"" + name + "\"");
}

bool IsSqlstate(const std::string& s) {
  if (s.size() != 5) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

// Rows a nested statement returns, and its command tag.
struct Collect : ResultSink {
  std::vector<ColumnInfo> columns;
  std::vector<Row> rows;
  std::string tag;
  void Columns(const std::vector<ColumnInfo>& cols) override { columns = cols; }
  void AddRow(const Row& row) override { rows.push_back(row); }
  void Complete(const std::string& t) override { tag = t; }
  void SendNotice(const Notice& n) override { notices.push_back(n); }
  void CallTargets(const std::vector<int>& params) override { call_targets = params; }
  std::vector<Notice> notices;
  std::vector<int> call_targets;  // CALL: the variable each output column goes to
};

// The number at the end of a command tag ("UPDATE 3", "INSERT 0 1"), 0 when none.
int64_t TagCount(const std::string& tag) {
  size_t sp = tag.rfind(' ');
  if (sp == std::string::npos) return 0;
  try {
    return std::stoll(tag.substr(sp + 1));
  } catch (...) {
    return 0;
  }
}

enum class Flow { kNormal, kExit, kContinue, kReturn };

struct Signal {
  Flow flow = Flow::kNormal;
  // EXIT / CONTINUE's label (in the statement, which outlives the run); null: none. A pointer,
  // so that every statement's signal is passed back without touching a string.
  const std::string* label = nullptr;
  bool Labelled() const { return label && !label->empty(); }
};

// One more CONTEXT line, under those the error has (innermost first, as PostgreSQL lists them).
void AddContextLine(Error& e, const std::string& line) { e.WithContext(e.context().empty() ? line : e.context() + "\n" + line); }

bool IsSimpleExpression(Node* stmt) {
  if (stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return false;
  const PgQuery__SelectStmt* q = stmt->select_stmt;
  if (q->n_from_clause || q->where_clause || q->n_group_clause || q->having_clause || q->n_window_clause || q->n_sort_clause ||
      q->limit_count || q->limit_offset || q->n_distinct_clause || q->with_clause || q->n_values_lists ||
      q->op != PG_QUERY__SET_OPERATION__SETOP_NONE || q->n_locking_clause)
    return false;
  bool sublink = false;
  WalkNodes(&q->base, [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK) sublink = true;
    return !sublink;
  });
  return !sublink;
}

// An error in SQL text of the body says where, as PostgreSQL's SPI does: a cursor position
// moves into the text as shown (QUERY, and LINE under it), otherwise the text becomes a CONTEXT
// line. `offset` is where the shown text's position 1 is in the parsed text, less one.
void NameQuery(Error& e, SqlMode mode, const std::string& shown, int offset) {
  if (e.position() > 0) {
    e.MoveIntoQuery(shown, -offset);
    return;
  }
  const char* what = mode == SqlMode::kExpression ? "SQL expression" : mode == SqlMode::kAssignment ? "PL/pgSQL assignment" : "SQL statement";
  std::string line = std::string(what) + " \"" + shown + "\"";
  AddContextLine(e, line);
}
void NameQuery(Error& e, const Sql& sql, int parsed_prefix) { NameQuery(e, sql.mode, sql.Shown(), parsed_prefix - sql.shown_start); }

// Whether a plan made for parameters of type `a` serves `b`: the same type, and for a row type
// the same fields (a record variable takes the shape of what is assigned to it).
bool SameShape(const Type& a, const Type& b) {
  if (!(a == b) || a.typmod != b.typmod || a.enumdef != b.enumdef || a.domain != b.domain) return false;
  if (a.record == b.record) return true;
  if (!a.record || !b.record || a.record->names != b.record->names || a.record->types.size() != b.record->types.size())
    return false;
  for (size_t i = 0; i < a.record->types.size(); i++)
    if (!SameShape(a.record->types[i], b.record->types[i])) return false;
  return true;
}

bool SameShapes(const std::vector<Type>& a, const std::vector<Type>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (!SameShape(a[i], b[i])) return false;
  return true;
}

// A fresh value for Frame::types_version_ (per thread, as the compiled functions are).
uint64_t NextTypesVersion() {
  thread_local uint64_t next = 0;
  return ++next;
}

const char* StatementName(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::kBlock: return "statement block";
    case StmtKind::kAssign: return "assignment";
    case StmtKind::kIf: return "IF";
    case StmtKind::kCase: return "CASE";
    case StmtKind::kLoop: return "LOOP";
    case StmtKind::kWhile: return "WHILE";
    case StmtKind::kForInt: return "FOR with integer loop variable";
    case StmtKind::kForQuery: return static_cast<const ForQuery&>(s).dynamic ? "FOR over EXECUTE statement" : "FOR over SELECT rows";
    case StmtKind::kForEach: return "FOREACH over array";
    case StmtKind::kExit: return static_cast<const Exit&>(s).is_exit ? "EXIT" : "CONTINUE";
    case StmtKind::kReturn: return "RETURN";
    case StmtKind::kReturnNext: return "RETURN NEXT";
    case StmtKind::kReturnQuery: return "RETURN QUERY";
    case StmtKind::kRaise: return "RAISE";
    case StmtKind::kAssert: return "ASSERT";
    case StmtKind::kPerform: return "PERFORM";
    case StmtKind::kExecSql: return "SQL statement";
    case StmtKind::kDynExecute: return "EXECUTE";
    case StmtKind::kGetDiagnostics: return "GET DIAGNOSTICS";
    case StmtKind::kNull: return "NULL";
    case StmtKind::kCall: return "CALL";
    case StmtKind::kOpen: return "OPEN";
    case StmtKind::kFetch: return static_cast<const Fetch&>(s).move ? "MOVE" : "FETCH";
    case StmtKind::kClose: return "CLOSE";
    case StmtKind::kTransaction: return static_cast<const EndTransaction&>(s).commit ? "COMMIT" : "ROLLBACK";
    case StmtKind::kForCursor: return "FOR over cursor";
  }
  return "statement";
}

class Frame {
 public:
  Frame(std::shared_ptr<Compiled> c, ExecState* st, const FunctionDef* def)
      : hold_(std::move(c)), c_(hold_.get()), fn_(c_->fn), st_(st), def_(def) {
    c_->active++;
    values_.assign(fn_.vars.size(), Value::Null());
    types_.assign(fn_.vars.size(), Type(oid::kUnknown));
    types_version_ = NextTypesVersion();
  }
  ~Frame() { c_->active--; }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  // Types every variable as declared (arguments from the definition).
  void TypeVariables() {
    for (size_t i = 0; i < fn_.vars.size(); i++) {
      const Variable& v = fn_.vars[i];
      if (v.arg >= 0) {
        SetType(i, def_->args[static_cast<size_t>(v.arg)].type);
        continue;
      }
      SetType(i, DeclaredType(static_cast<int>(i)));
    }
  }

  // The trigger's NEW, OLD and TG_* variables (declared after FOUND, in this order).
  void SetTrigger(const TriggerCall& call) {
    trigger_ = &call;
    size_t v = static_cast<size_t>(fn_.found_var) + 1;
    auto row = [&](const Row* r) {
      SetType(v, call.row_type);
      values_[v++] = r ? Value::Array(*r) : Value::Null();
    };
    row(call.new_row);
    row(call.old_row);
    auto text = [&](const std::string& s) { values_[v++] = Value::Str(s); };
    text(call.name);
    text(call.when);
    text(call.level);
    text(call.op);
    values_[v++] = Value::Int(call.relid);
    text(call.table);
    text(call.table);
    text(call.schema);
    values_[v++] = Value::Int(static_cast<int64_t>(call.args.size()));
    std::vector<Value> args;
    for (const auto& a : call.args) args.push_back(Value::Str(a));
    values_[v++] = args.empty() ? Value::Null() : Value::Array(std::move(args), 0);
  }

  std::optional<Row> TakeTriggerResult() { return std::move(trigger_result_); }

  void SetArguments(std::vector<Value> args) {
    for (size_t i = 0; i < args.size() && i < fn_.params.size(); i++) values_[static_cast<size_t>(fn_.params[i])] = std::move(args[i]);
  }

  void Run() {
    Signal s = RunStmt(*fn_.body);
    if (s.flow != Flow::kReturn && trigger_)
      throw Error("2F005", "control reached end of trigger procedure without RETURN").WithContext(c_->context);
    if (s.flow != Flow::kReturn && def_ && !def_->retset && NeedsReturn())
      throw Error("2F005", "control reached end of function without RETURN").WithContext(c_->context);
    if (s.flow != Flow::kReturn && def_ && !fn_.out_params.empty() && !def_->retset) ReturnOutParams();
  }

  std::vector<Row> TakeResult() { return std::move(result_); }
  // The body may COMMIT / ROLLBACK (a procedure or DO block run non-atomic).
  void SetNonAtomic(bool nonatomic) { nonatomic_ = nonatomic; }

 private:
  bool NeedsReturn() const {
    if (!def_ || def_->kind == 'p') return false;
    if (def_->result.id == oid::kVoid && !def_->result.array) return false;
    return fn_.out_params.empty();
  }

  void SetType(size_t var, Type t) {
    if (!SameShape(types_[var], t)) types_version_ = NextTypesVersion();
    types_[var] = std::move(t);
  }

  // ---- SQL ----
  Binder::FunctionParameters Names(const Sql& e) const {
    Binder::FunctionParameters names;
    names.conflict = static_cast<Binder::FunctionParameters::Conflict>(fn_.variable_conflict);
    const std::vector<Visible>* visible = &fn_.scopes[static_cast<size_t>(e.scope)];
    names.resolve = [visible](const std::string& label, const std::string& name) {
      for (const Visible& v : *visible)
        if (v.name == name && (label.empty() || v.label == label)) return v.var;
      return -1;
    };
    names.reading_field = [this](int var) {
      const Type& t = types_[static_cast<size_t>(var)];
      if (t.id == oid::kRecord && !t.array && !t.record)
        throw Error(sqlstate::kObjectNotInPrerequisiteState, "record \"" + VarName(var) + "\" is not assigned yet")
            .WithDetail("The tuple structure of a not-yet-assigned record is indeterminate.");
    };
    return names;
  }

  // Runs with the variables as parameters: st->params holds their values meanwhile (lent, not
  // copied: nothing of this frame reads them until it ends), and a new execution id makes
  // uncorrelated subqueries run again.
  struct AsParameters {
    AsParameters(ExecState* st, std::vector<Value>* lent) : st(st), lent(lent), saved(std::move(st->params)), exec(st->exec_id) {
      static std::atomic<uint64_t> next{3ull << 61};
      st->params = std::move(*lent);
      st->exec_id = next++;
    }
    ~AsParameters() {
      *lent = std::move(st->params);
      st->params = std::move(saved);
      st->exec_id = exec;
    }
    ExecState* st;
    std::vector<Value>* lent;
    std::vector<Value> saved;
    uint64_t exec;
  };

  // `text`: what to parse the first time (e.Parsed() when null).
  CachedSql& Parsed(const Sql& e, const std::string* text_or_null) {
    CachedSql& c = c_->sql[static_cast<size_t>(e.id)];
    if (!c.script) {
      const std::string text = text_or_null ? *text_or_null : e.Parsed();
      c.script = ParseSql(text);
      if (c.script->statements.size() != 1)
        throw Error(sqlstate::kSyntaxError, "query \"" + text + "\" is not a single statement");
      c.simple = e.mode != SqlMode::kStatement && IsSimpleExpression(c.script->statements[0].stmt);
    }
    return c;
  }

  // A SELECT (an expression, or a query of the body): its rows and columns.
  std::vector<Row> Select(const Sql& e, std::vector<ColumnInfo>* columns) {
    return RunSelect(e, nullptr, e.ParsedPrefix(), types_, &values_, columns);
  }

  // `text` (a SELECT holding e's text after `prefix` bytes; null: e.Parsed()) planned for these
  // parameter types, again when they or the catalog changed.
  CachedSql& PlanSelect(const Sql& e, const std::string* text, int prefix, const std::vector<Type>& types) {
    CachedSql& cached = c_->sql[static_cast<size_t>(e.id)];
    if (cached.select && cached.catalog == st_->catalog && &types == &types_ && cached.types_version == types_version_ &&
        cached.planned_for == PlanUser::Of(st_))
      return cached;
    try {
      CachedSql& c = Parsed(e, text);
      if (!c.select || c.catalog != st_->catalog || !SameShapes(c.types, types) || c.planned_for != PlanUser::Of(st_)) {
        c.select.reset();
        c.direct = nullptr;
        ExecState plan_state = *st_;
        ParamTypes params;
        params.types = types;
        Planner planner(&plan_state, &params);
        Binder::FunctionParameters names = Names(e);
        planner.binder().function_parameters = &names;
        if (e.mode == SqlMode::kAssignment) planner.KeepUnknownTargets();  // a literal takes the variable's type
        c.select = planner.PlanSelect(c.script->statements[0].stmt, nullptr);
        c.catalog = st_->catalog;
        c.planned_for = PlanUser::Of(st_);
        c.types = types;
        auto* project = dynamic_cast<ProjectOp*>(c.select->root.get());
        if (c.simple && project && project->exprs.size() == 1 && dynamic_cast<ResultOp*>(project->child.get()))
          c.direct = project->exprs[0].get();
      }
      c.types_version = &types == &types_ ? types_version_ : 0;
      return c;
    } catch (Error& err) {
      NameQuery(err, e, prefix);
      throw;
    }
  }

  // The planned SELECT run with these values as parameters.
  std::vector<Row> RunSelect(const Sql& e, const std::string* text, int prefix, const std::vector<Type>& types,
                             std::vector<Value>* values, std::vector<ColumnInfo>* columns) {
    CachedSql& c = PlanSelect(e, text, prefix, types);
    if (columns) *columns = c.select->columns;
    AsParameters scope(st_, values);
    EvalContext ctx;
    ctx.state = st_;
    Row none;
    ctx.row = &none;
    try {
      return RunToVector(c.select->root.get(), &ctx);
    } catch (Error& err) {
      if (!c.simple) NameQuery(err, e, prefix);
      throw;
    }
  }

  // The value and its type; the type is the cached plan's, good until `e` is evaluated again.
  std::pair<Value, const Type&> Eval(const Sql& e) {
    CachedSql& c = PlanSelect(e, nullptr, e.ParsedPrefix(), types_);
    if (c.direct) {
      // No subquery in it: the variables are read where they are, and no execution id is needed.
      EvalContext ctx;
      ctx.state = st_;
      ctx.params = &values_;
      Row none;
      ctx.row = &none;
      return {c.direct->Eval(ctx), c.select->columns[0].type};
    }
    std::vector<ColumnInfo> columns;
    std::vector<Row> rows = Select(e, &columns);
    if (columns.size() != 1)
      throw Error(sqlstate::kSyntaxError, "query \"SELECT " + e.text + "\" returned " + std::to_string(columns.size()) + " columns");
    if (rows.size() > 1)
      throw Error(sqlstate::kCardinalityViolation, "query \"SELECT " + e.text + "\" returned more than one row");
    return {rows.empty() ? Value::Null() : std::move(rows[0][0]), c.select->columns[0].type};
  }

  bool Condition(const Sql& e) {
    auto [v, t] = Eval(e);
    if (v.is_null()) return false;
    if (t.id != oid::kBool || t.array) v = CastValue(v, t, Type(oid::kBool), CastContext::kAssignment, st_->dt);
    return v.b();
  }

  int64_t EvalInt(const Sql& e, const std::string& null_message) {
    auto [v, t] = Eval(e);
    if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, null_message);
    return CastValue(v, t, Type(oid::kInt4), CastContext::kAssignment, st_->dt).i();
  }

  std::string Text(const Value& v, const Type& t) const { return v.is_null() ? "" : FormatText(t, v, st_->dt); }

  // Any statement of the body other than a SELECT with INTO: through the session.
  Collect RunNested(const Sql& e) {
    Collect sink;
    try {
      CachedSql& c = Parsed(e, nullptr);
      Node* node = c.script->statements[0].stmt;
      if (!c.nested) {
        c.nested = std::make_unique<PreparedStatement>();
        c.nested->stmt = node;
        c.nested->in_function = true;
        c.nested->param_types = types_;
      } else if (c.nested_version != types_version_ && !SameShapes(c.nested->param_types, types_)) {
        c.nested->plan.reset();
        c.nested->param_types = types_;
      }
      c.nested_version = types_version_;
      Binder::FunctionParameters names = Names(e);
      Binder::FunctionParametersScope scope_names(&names);
      AsParameters scope(st_, &values_);
      st_->session->RunNested(node, st_, types_, &sink, c.nested.get(), nonatomic_);
    } catch (Error& err) {
      NameQuery(err, e, 0);
      throw;
    }
    for (const Notice& n : sink.notices) Notify(n);
    return sink;
  }

  // EXECUTE's text with USING values as $1, $2, ...: no variable is visible in it.
  Collect RunDynamic(const std::string& text, const std::vector<Sql>& using_args) {
    std::vector<Value> values;
    std::vector<Type> types;
    for (const Sql& a : using_args) {
      auto [v, t] = Eval(a);
      values.push_back(std::move(v));
      types.push_back(t.id == oid::kUnknown && !t.array ? Type(oid::kText) : t);
    }
    Collect sink;
    try {
      auto script = ParseSql(text);
      if (script->statements.empty()) throw Error(sqlstate::kSyntaxError, "cannot execute an empty query string");
      if (script->statements.size() > 1) throw Error(sqlstate::kSyntaxError, "cannot insert multiple commands into a prepared statement");
      Binder::FunctionParametersScope hide(nullptr);
      AsParameters scope(st_, &values);
      st_->session->RunNested(script->statements[0].stmt, st_, types, &sink);
    } catch (Error& err) {
      NameQuery(err, SqlMode::kStatement, text, 0);
      throw;
    }
    for (const Notice& n : sink.notices) Notify(n);
    return sink;
  }

  void Notify(const Notice& n) {
    if (st_->notify) st_->notify(n);
  }

  // ---- variables ----
  Type DeclaredType(int var) {
    if (c_->types_catalog != st_->catalog) {
      c_->types.assign(fn_.vars.size(), std::nullopt);
      c_->types_catalog = st_->catalog;
    }
    std::optional<Type>& t = c_->types[static_cast<size_t>(var)];
    const TypeRef& ref = fn_.vars[static_cast<size_t>(var)].type;
    if (ref.kind == TypeRef::Kind::kVariableType) return types_[static_cast<size_t>(ref.var)];
    if (!t) t = ResolveType(ref);
    return *t;
  }

  Type ResolveType(const TypeRef& t) {
    switch (t.kind) {
      case TypeRef::Kind::kRecord: return Type(oid::kRecord);
      case TypeRef::Kind::kVariableType: return types_[static_cast<size_t>(t.var)];
      case TypeRef::Kind::kNamed: return TypeOfQuery("SELECT NULL::" + t.text);
      case TypeRef::Kind::kRowType: {
        std::string name;
        for (const auto& n : t.names) name += (name.empty() ? "" : ".") + QuoteIdent(n);
        return TypeOfQuery("SELECT NULL::" + name);
      }
      case TypeRef::Kind::kColumnType: {
        if (t.names.size() < 2) throw Error(sqlstate::kUndefinedObject, "invalid type name \"" + (t.names.empty() ? std::string() : t.names[0]) + "%TYPE\"");
        std::string table;
        for (size_t i = 0; i + 1 < t.names.size(); i++) table += (table.empty() ? "" : ".") + QuoteIdent(t.names[i]);
        return TypeOfQuery("SELECT " + QuoteIdent(t.names.back()) + " FROM " + table + " LIMIT 0");
      }
    }
    return Type(oid::kUnknown);
  }

  Type TypeOfQuery(const std::string& sql) {
    auto script = ParseSql(sql);
    ExecState plan_state = *st_;
    ParamTypes params;
    Planner planner(&plan_state, &params);
    return planner.PlanSelect(script->statements[0].stmt, nullptr).columns[0].type;
  }

  const std::string& VarName(int var) const { return fn_.vars[static_cast<size_t>(var)].name; }

  // A value converted to a row type's fields, field by field.
  Value ToRow(const Value& v, const Type& from, const Type& to) {
    if (v.is_null() || (from.record == to.record && from.id == to.id)) return v;
    if (!from.IsRow()) return CastValue(v, from, to, CastContext::kAssignment, st_->dt);
    const std::vector<Value>& fields = v.arr();
    if (!to.record) return v;
    std::vector<Value> out;
    for (size_t i = 0; i < to.record->types.size(); i++) {
      Value f = i < fields.size() ? fields[i] : Value::Null();
      Type ft = from.record && i < from.record->types.size() ? from.record->types[i] : Type(oid::kText);
      if (!f.is_null() && !(ft == to.record->types[i])) f = CastValue(f, ft, to.record->types[i], CastContext::kAssignment, st_->dt);
      out.push_back(f);
    }
    return Value::Array(std::move(out));
  }

  void Store(int var, Value v, const Type& from, bool initializing = false) {
    size_t i = static_cast<size_t>(var);
    const Variable& d = fn_.vars[i];
    if (d.constant && !initializing) throw Error(sqlstate::kErrorInAssignment, "variable \"" + d.name + "\" is declared CONSTANT");
    const Type& t = types_[i];
    if (d.type.kind == TypeRef::Kind::kRecord && d.arg < 0) {
      if (!v.is_null() && !from.IsRow())
        throw Error(sqlstate::kDatatypeMismatch, "cannot assign non-composite value to a record variable");
      SetType(i, from.id == oid::kUnknown ? Type(oid::kRecord) : from);
      values_[i] = std::move(v);
      return;
    }
    if (t.IsRow() || (t.record && !t.array)) {
      values_[i] = ToRow(v, from, t);
    } else {
      static const Type kText(oid::kText);
      const Type& src = from.id == oid::kUnknown && !from.array ? kText : from;
      if (!v.is_null() && (!(src == t) || (t.typmod >= 0 && src.typmod != t.typmod)))
        v = CastValue(v, src, t, CastContext::kAssignment, st_->dt);
      values_[i] = std::move(v);
    }
    if (values_[i].is_null() && d.not_null)
      throw Error(sqlstate::kNullValueNotAllowed, "null value cannot be assigned to variable \"" + d.name + "\" declared NOT NULL");
  }

  // A result row assigned to INTO's targets.
  void StoreRow(const Target& target, const Row* row, const std::vector<ColumnInfo>& columns) {
    if (target.vars.size() == 1) {
      int var = target.vars[0];
      const Type& t = types_[static_cast<size_t>(var)];
      bool record_var = fn_.vars[static_cast<size_t>(var)].type.kind == TypeRef::Kind::kRecord;
      if (record_var || (t.record && !t.array)) {
        if (!row) {
          // no row: every field NULL (the row prints as "(,)", unlike a NULL record)
          Type to = record_var ? RowType(columns) : t;
          Store(var, Value::Array(std::vector<Value>(to.record ? to.record->types.size() : 0, Value::Null())), to);
          return;
        }
        // one column of the row's type itself, or the row's columns as its fields
        if (!record_var && columns.size() == 1 && columns[0].type.IsRow()) {
          Store(var, (*row)[0], columns[0].type);
          return;
        }
        Store(var, Value::Array(*row), RowType(columns));
        return;
      }
    }
    for (size_t k = 0; k < target.vars.size(); k++) {
      Value v = row && k < row->size() ? (*row)[k] : Value::Null();
      Type from = k < columns.size() ? columns[k].type : Type(oid::kText);
      Store(target.vars[k], v, from);
    }
  }

  static Type RowType(const std::vector<ColumnInfo>& columns) {
    auto r = std::make_shared<RecordDef>();
    for (const auto& c : columns) {
      r->names.push_back(c.name);
      r->types.push_back(c.type);
    }
    return Type::Record(r);
  }

  void AssignTarget(const Target& target, Value v, const Type& from) {
    int var = target.vars[0];
    size_t i = static_cast<size_t>(var);
    if (!target.field.empty()) {
      const Type& t = types_[i];
      if (!t.record) {
        if (t.IsRow()) throw Error(sqlstate::kObjectNotInPrerequisiteState, "record \"" + VarName(var) + "\" is not assigned yet")
            .WithDetail("The tuple structure of a not-yet-assigned record is indeterminate.");
        throw Error(sqlstate::kSyntaxError, "\"" + VarName(var) + "." + target.field + "\" is not a known variable");
      }
      int f = t.record->FieldIndex(target.field);
      if (f < 0) throw Error(sqlstate::kUndefinedColumn, "record \"" + VarName(var) + "\" has no field \"" + target.field + "\"");
      std::vector<Value> fields = values_[i].is_null() ? std::vector<Value>(t.record->types.size(), Value::Null()) : values_[i].arr();
      const Type& ft = t.record->types[static_cast<size_t>(f)];
      Value nv = v;
      if (!nv.is_null() && !(from == ft)) nv = CastValue(nv, from.id == oid::kUnknown ? Type(oid::kText) : from, ft, CastContext::kAssignment, st_->dt);
      fields[static_cast<size_t>(f)] = nv;
      values_[i] = Value::Array(std::move(fields));
      return;
    }
    if (!target.subscripts.empty()) {
      const Type& t = types_[i];
      if (!t.array) throw Error(sqlstate::kDatatypeMismatch, "cannot subscript type " + TypeName(t) + " because it does not support subscripting");
      if (target.subscripts.size() > 1) throw Error(sqlstate::kFeatureNotSupported, "assignment to an element of a multidimensional array is not supported yet");
      int64_t index = EvalInt(target.subscripts[0], "array subscript in assignment must not be null");
      Type elem = t;
      elem.array = false;
      Value nv = v;
      if (!nv.is_null() && !(from == elem)) nv = CastValue(nv, from.id == oid::kUnknown ? Type(oid::kText) : from, elem, CastContext::kAssignment, st_->dt);
      values_[i] = ArrayWithElementSet(values_[i], index, nv);
      return;
    }
    Store(var, std::move(v), from);
  }

  // ---- statements ----
  Signal RunList(const StmtList& list) {
    for (const auto& s : list) {
      Signal sig = RunStmt(*s);
      if (sig.flow != Flow::kNormal) return sig;
    }
    return {};
  }

  Signal RunStmt(const Stmt& s) {
    CheckInterrupts(st_);
    try {
      return Dispatch(s);
    } catch (Error& e) {
      // the innermost statement of this function names where the error happened
      if (!context_added_) {
        std::string line = c_->context + " line " + std::to_string(s.line) + " at " + StatementName(s);
        AddContextLine(e, line);
        context_added_ = true;
      }
      throw;
    }
  }

  Signal Dispatch(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::kBlock: return RunBlock(static_cast<const Block&>(s));
      case StmtKind::kAssign: {
        const auto& a = static_cast<const Assign&>(s);
        auto [v, t] = Eval(a.value);
        bool literal = t.id == oid::kUnknown && !t.array && !v.is_null();
        try {
          AssignTarget(a.target, std::move(v), t);
        } catch (Error& e) {
          // PostgreSQL coerces a literal to the variable's type while parsing the assignment,
          // so its input error points at the literal
          if (literal && e.position() == 0 && std::string_view(e.state()).substr(0, 2) == "22") {
            size_t lead = a.value.text.find_first_not_of(" \t\r\n");
            e.WithPosition(static_cast<int>(lead == std::string::npos ? 0 : lead) + 1);
            NameQuery(e, a.value, 0);
          }
          throw;
        }
        return {};
      }
      case StmtKind::kIf: {
        const auto& i = static_cast<const If&>(s);
        for (const auto& b : i.branches)
          if (Condition(b.condition)) return RunList(b.body);
        if (i.else_body) return RunList(*i.else_body);
        return {};
      }
      case StmtKind::kCase: return RunCase(static_cast<const Case&>(s));
      case StmtKind::kLoop:
      case StmtKind::kWhile: return RunLoop(static_cast<const Loop&>(s));
      case StmtKind::kForInt: return RunForInt(static_cast<const ForInt&>(s));
      case StmtKind::kForQuery: return RunForQuery(static_cast<const ForQuery&>(s));
      case StmtKind::kForEach: return RunForEach(static_cast<const ForEach&>(s));
      case StmtKind::kExit: {
        const auto& x = static_cast<const Exit&>(s);
        if (x.condition && !Condition(*x.condition)) return {};
        return {x.is_exit ? Flow::kExit : Flow::kContinue, &x.label};
      }
      case StmtKind::kReturn: return RunReturn(static_cast<const Return&>(s));
      case StmtKind::kReturnNext: return RunReturnNext(static_cast<const Return&>(s));
      case StmtKind::kReturnQuery: return RunReturnQuery(static_cast<const ReturnQuery&>(s));
      case StmtKind::kRaise: RunRaise(static_cast<const Raise&>(s)); return {};
      case StmtKind::kAssert: {
        const auto& a = static_cast<const Assert&>(s);
        auto [v, t] = Eval(a.condition);
        if (!v.is_null() && (t.id == oid::kBool ? v.b() : CastValue(v, t, Type(oid::kBool), CastContext::kAssignment, st_->dt).b())) return {};
        std::string message = "assertion failed";
        if (a.message) {
          auto [m, mt] = Eval(*a.message);
          if (!m.is_null()) message = Text(m, mt);
        }
        throw Error("P0004", message);
      }
      case StmtKind::kPerform: {
        const auto& p = static_cast<const ExecSql&>(s);
        std::vector<Row> rows = Select(p.sql, nullptr);
        SetFound(!rows.empty(), static_cast<int64_t>(rows.size()));
        return {};
      }
      case StmtKind::kExecSql:
      case StmtKind::kCall: RunExecSql(static_cast<const ExecSql&>(s)); return {};
      case StmtKind::kDynExecute: RunDynExecute(static_cast<const DynExecute&>(s)); return {};
      case StmtKind::kGetDiagnostics: RunGetDiagnostics(static_cast<const GetDiagnostics&>(s)); return {};
      case StmtKind::kNull: return {};
      case StmtKind::kOpen: RunOpen(static_cast<const Open&>(s)); return {};
      case StmtKind::kFetch: RunFetch(static_cast<const Fetch&>(s)); return {};
      case StmtKind::kClose: {
        std::string name = CursorName(static_cast<const Close&>(s).var);
        CursorSet& cursors = st_->session->mutable_cursors();
        if (!cursors.Has(name)) throw Error(sqlstate::kInvalidCursorName, "cursor \"" + name + "\" does not exist");
        cursors.Drop(name);
        return {};
      }
      case StmtKind::kForCursor: return RunForCursor(static_cast<const ForCursor&>(s));
      case StmtKind::kTransaction: {
        const auto& t = static_cast<const EndTransaction&>(s);
        if (!nonatomic_) throw Error(sqlstate::kInvalidTransactionTermination, "invalid transaction termination");
        if (st_->session->active_subtransactions() > 0)
          throw Error(sqlstate::kInvalidTransactionTermination,
                      t.commit ? "cannot commit while a subtransaction is active" : "cannot roll back while a subtransaction is active");
        st_->session->EndTransactionInStatement(st_, t.commit, t.chain);
        return {};
      }
    }
    return {};
  }

  void SetFound(bool found, int64_t rows) {
    values_[static_cast<size_t>(fn_.found_var)] = Value::Bool(found);
    row_count_ = rows;
  }

  // A block's variables, each NULL or its default, in order. An error names this phase of the
  // block and the variable's line, as PostgreSQL's does.
  void InitializeVariables(const Block& b) {
    for (int var : b.vars) {
      const Variable& d = fn_.vars[static_cast<size_t>(var)];
      try {
        SetType(static_cast<size_t>(var), DeclaredType(var));
        values_[static_cast<size_t>(var)] = Value::Null();
        if (d.cursor && !d.default_value) values_[static_cast<size_t>(var)] = Value::Str(d.name);  // the portal's name
        if (d.default_value) {
          auto [v, t] = Eval(*d.default_value);
          Store(var, v, t, /*initializing=*/true);  // the default is a constant's one assignment
        } else if (d.not_null) {
          throw Error(sqlstate::kNullValueNotAllowed, "variable \"" + d.name + "\" must have a default value, since it's declared NOT NULL");
        }
      } catch (Error& e) {
        if (!context_added_) {
          std::string line = c_->context + " line " + std::to_string(d.line) + " during statement block local variable initialization";
          AddContextLine(e, line);
          context_added_ = true;
        }
        throw;
      }
    }
  }

  Signal RunBlock(const Block& b) {
    InitializeVariables(b);
    if (b.handlers.empty()) return BlockBody(b);
    Session::Subtransaction sub(st_->session);
    try {
      Signal s = BlockBody(b);
      sub.Release();
      return s;
    } catch (Error& e) {
      if (std::string_view(e.state()) == sqlstate::kQueryCanceled) throw;
      sub.Rollback();
      st_->catalog = st_->session->CurrentCatalog();
      context_added_ = false;
      for (const auto& h : b.handlers) {
        if (!Matches(h, e)) continue;
        values_[static_cast<size_t>(b.sqlstate_var)] = Value::Str(e.state());
        values_[static_cast<size_t>(b.sqlerrm_var)] = Value::Str(e.what());
        SetType(static_cast<size_t>(b.sqlstate_var), Type(oid::kText));
        SetType(static_cast<size_t>(b.sqlerrm_var), Type(oid::kText));
        Error caught = e;
        const Error* saved = handling_;
        handling_ = &caught;
        struct Restore {
          const Error** slot;
          const Error* saved;
          ~Restore() { *slot = saved; }
        } restore{&handling_, saved};
        return RunList(h.body);
      }
      throw;
    }
  }

  Signal BlockBody(const Block& b) {
    Signal s = RunList(b.body);
    if ((s.flow == Flow::kExit) && s.Labelled() && *s.label == b.label) return {};
    return s;
  }

  static bool Matches(const ExceptionHandler& h, const Error& e) {
    std::string state = e.state();
    for (const std::string& c : h.conditions) {
      if (c == "others") {
        if (state != "P0004") return true;  // OTHERS does not catch ASSERT failures
        continue;
      }
      if (IsSqlstate(c)) {
        // a class (xx000) matches every code of the class
        if (c == state || (c.substr(2) == "000" && c.substr(0, 2) == state.substr(0, 2))) return true;
        continue;
      }
      for (const ConditionName& n : ConditionNames()) {
        if (c != n.name) continue;
        std::string code = n.sqlstate;
        if (code == state || (code.substr(2) == "000" && code.substr(0, 2) == state.substr(0, 2))) return true;
      }
    }
    return false;
  }

  // What a loop does with its body's signal: true when the loop ends (`*out` is passed on).
  static bool LoopEnds(const std::string& label, const Signal& s, Signal* out) {
    *out = {};
    switch (s.flow) {
      case Flow::kNormal: return false;
      case Flow::kReturn: *out = s; return true;
      case Flow::kExit:
        if (!s.Labelled() || *s.label == label) return true;
        *out = s;
        return true;
      case Flow::kContinue:
        if (!s.Labelled() || *s.label == label) return false;
        *out = s;
        return true;
    }
    return false;
  }

  Signal RunLoop(const Loop& l) {
    for (;;) {
      CheckInterrupts(st_);
      if (l.condition && !Condition(*l.condition)) return {};
      Signal out;
      if (LoopEnds(l.label, RunList(l.body), &out)) return out;
    }
  }

  Signal RunForInt(const ForInt& f) {
    int64_t lower = EvalInt(f.lower, "lower bound of FOR loop cannot be null"), upper = EvalInt(f.upper, "upper bound of FOR loop cannot be null");
    int64_t step = f.step ? EvalInt(*f.step, "BY value of FOR loop cannot be null") : 1;
    if (step <= 0) throw Error(sqlstate::kInvalidParameterValue, "BY value of FOR loop must be greater than zero");
    size_t var = static_cast<size_t>(f.var);
    SetType(var, Type(oid::kInt4));
    bool found = false;
    Signal out;
    for (int64_t i = lower; f.reverse ? i >= upper : i <= upper; i += f.reverse ? -step : step) {
      found = true;
      values_[var] = Value::Int(i);
      if (LoopEnds(f.label, RunList(f.body), &out)) break;
      if ((!f.reverse && i > INT32_MAX - step) || (f.reverse && i < INT32_MIN + step)) break;
    }
    values_[static_cast<size_t>(fn_.found_var)] = Value::Bool(found);
    return out;
  }

  Signal RunForQuery(const ForQuery& f) {
    std::vector<ColumnInfo> columns;
    std::vector<Row> rows;
    if (f.dynamic) {
      auto [q, qt] = Eval(f.query);
      if (q.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "query string argument of EXECUTE is null");
      Collect c = RunDynamic(Text(q, qt), f.using_args);
      rows = std::move(c.rows);
      columns = std::move(c.columns);
    } else {
      rows = QueryRows(f.query, &columns);
    }
    Signal out;
    for (const Row& r : rows) {
      StoreRow(f.target, &r, columns);
      if (LoopEnds(f.label, RunList(f.body), &out)) break;
    }
    values_[static_cast<size_t>(fn_.found_var)] = Value::Bool(!rows.empty());
    return out;
  }

  // ---- cursors (portals in the session's CursorSet, so SQL's FETCH reaches them too) ----
  // The portal a cursor variable names; 22004 when it is NULL.
  std::string CursorName(int var) {
    const Value& v = values_[static_cast<size_t>(var)];
    if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "cursor variable \"" + VarName(var) + "\" is null");
    return v.s();
  }

  // OPEN: a bound cursor with its arguments, or a query, or EXECUTE's text. A NULL refcursor
  // gets a generated portal name, as PostgreSQL's SPI_cursor_open does.
  void RunOpen(const Open& o) {
    Value& cv = values_[static_cast<size_t>(o.var)];
    if (cv.is_null()) {
      static std::atomic<uint64_t> unnamed{0};
      cv = Value::Str("<unnamed portal " + std::to_string(++unnamed) + ">");
    }
    std::string name = cv.s();
    CursorSet& cursors = st_->session->mutable_cursors();
    if (cursors.Has(name)) throw Error("42P03", "cursor \"" + name + "\" already in use");
    const Variable& v = fn_.vars[static_cast<size_t>(o.var)];
    if (v.cursor) return OpenBound(*v.cursor, o.args, name);
    if (!o.dynamic) return OpenQuery(o.query, name, o.scroll);
    auto [q, qt] = Eval(o.query);
    if (q.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "query string argument of EXECUTE is null");
    std::string text = Text(q, qt);
    std::vector<Value> values;
    std::vector<Type> types;
    for (const Sql& a : o.using_args) {
      auto [av, at] = Eval(a);
      values.push_back(av);
      types.push_back(at.id == oid::kUnknown && !at.array ? Type(oid::kText) : at);
    }
    std::shared_ptr<Script> script(ParseSql(text).release());
    if (script->statements.size() != 1) throw Error(sqlstate::kSyntaxError, "cannot open multi-query plan as cursor");
    Binder::FunctionParametersScope hide(nullptr);
    cursors.OpenForFunction(name, script, script->statements[0].stmt, std::move(types), std::move(values), o.scroll == 1,
                            st_->session->savepoint_depth(), st_);
  }

  void OpenBound(const CursorDecl& d, const std::vector<Sql>& args, const std::string& name) {
    for (size_t i = 0; i < args.size() && i < d.args.size(); i++) {
      auto [v, t] = Eval(args[i]);
      Store(d.args[i], v, t);
    }
    OpenQuery(d.query, name, d.scroll);
  }

  // The query planned with the variables as parameters, their values as they are now.
  void OpenQuery(const Sql& q, const std::string& name, int scroll) {
    try {
      std::shared_ptr<Script> script(ParseSql(q.Parsed()).release());
      Binder::FunctionParameters names = Names(q);
      Binder::FunctionParametersScope scope(&names);
      st_->session->mutable_cursors().OpenForFunction(name, script, script->statements[0].stmt, types_, values_, scroll == 1,
                                                      st_->session->savepoint_depth(), st_);
    } catch (Error& err) {
      NameQuery(err, q, 0);
      throw;
    }
  }

  void RunFetch(const Fetch& f) {
    std::string name = CursorName(f.var);
    int64_t count = f.count;
    if (f.count_sql) count = EvalInt(*f.count_sql, "cursor position must not be null");
    PgQuery__FetchDirection direction = PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD;
    switch (f.direction) {
      case Fetch::Direction::kForward: break;
      case Fetch::Direction::kBackward: direction = PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD; break;
      case Fetch::Direction::kAbsolute: direction = PG_QUERY__FETCH_DIRECTION__FETCH_ABSOLUTE; break;
      case Fetch::Direction::kRelative: direction = PG_QUERY__FETCH_DIRECTION__FETCH_RELATIVE; break;
    }
    CursorSet& cursors = st_->session->mutable_cursors();
    std::vector<Row> rows;
    uint64_t n = cursors.FetchRows(name, direction, count, st_, f.move ? nullptr : &rows);
    if (!f.move) StoreRow(f.into, rows.empty() ? nullptr : &rows[0], *cursors.Columns(name));
    SetFound(n > 0, static_cast<int64_t>(n));
  }

  Signal RunForCursor(const ForCursor& f) {
    std::string name = CursorName(f.cursor);
    CursorSet& cursors = st_->session->mutable_cursors();
    if (cursors.Has(name)) throw Error("42P03", "cursor \"" + name + "\" already in use");
    OpenBound(*fn_.vars[static_cast<size_t>(f.cursor)].cursor, f.args, name);
    cursors.Pin(name);
    Target target;
    target.vars = {f.var};
    Signal out;
    bool any = false;
    try {
      std::vector<ColumnInfo> columns = *cursors.Columns(name);
      std::vector<Row> rows;
      while (rows.clear(), cursors.FetchRows(name, PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD, 1, st_, &rows) > 0) {
        any = true;
        StoreRow(target, &rows[0], columns);
        if (LoopEnds(f.label, RunList(f.body), &out)) break;
      }
    } catch (...) {
      if (cursors.Has(name)) cursors.Drop(name);
      throw;
    }
    if (cursors.Has(name)) cursors.Drop(name);
    values_[static_cast<size_t>(fn_.found_var)] = Value::Bool(any);
    return out;
  }

  // A query's rows: a SELECT planned once, anything else (INSERT ... RETURNING) run nested.
  std::vector<Row> QueryRows(const Sql& q, std::vector<ColumnInfo>* columns) {
    CachedSql& c = Parsed(q, nullptr);
    if (c.script->statements[0].stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) return Select(q, columns);
    Collect sink = RunNested(q);
    *columns = sink.columns;
    return std::move(sink.rows);
  }

  Signal RunForEach(const ForEach& f) {
    auto [a, t] = Eval(f.array);
    if (a.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "FOREACH expression must not be null");
    if (!t.array) throw Error(sqlstate::kDatatypeMismatch, "FOREACH expression must yield an array, not type " + TypeName(t));
    Signal out;
    if (f.slice > 0) {
      // each item is an array of the last `slice` dimensions, its lower bounds 1
      ArrayShape shape = ShapeOf(a);
      size_t ndim = shape.dims.size();
      if (static_cast<size_t>(f.slice) > ndim)
        throw Error(sqlstate::kArraySubscriptError,
                    "slice dimension (" + std::to_string(f.slice) + ") is out of the valid range 0.." + std::to_string(ndim));
      ArrayShape item;
      item.dims.assign(shape.dims.end() - f.slice, shape.dims.end());
      item.lower.assign(static_cast<size_t>(f.slice), 1);
      size_t per = 1;
      for (int32_t d : item.dims) per *= static_cast<size_t>(d);
      const std::vector<Value>& all = a.arr();
      for (size_t at = 0; per > 0 && at < all.size(); at += per) {
        Row one{ArrayWithShape(std::vector<Value>(all.begin() + static_cast<long>(at), all.begin() + static_cast<long>(at + per)), item)};
        StoreRowTyped(f.target, one, {t});
        if (LoopEnds(f.label, RunList(f.body), &out)) break;
      }
      return out;
    }
    Type elem = t;
    elem.array = false;
    for (const Value& e : a.arr()) {
      Row one{e};
      StoreRowTyped(f.target, one, {elem});
      if (LoopEnds(f.label, RunList(f.body), &out)) break;
    }
    return out;
  }

  void StoreRowTyped(const Target& target, const Row& row, const std::vector<Type>& types) {
    std::vector<ColumnInfo> columns;
    for (const Type& t : types) columns.push_back({"", t, 0, 0});
    // a row value spreads over several targets
    if (target.vars.size() > 1 && types.size() == 1 && types[0].IsRow() && types[0].record && !row[0].is_null()) {
      const Row& fields = row[0].arr();
      std::vector<ColumnInfo> fc;
      for (size_t i = 0; i < types[0].record->types.size(); i++) fc.push_back({types[0].record->names[i], types[0].record->types[i], 0, 0});
      StoreRow(target, &fields, fc);
      return;
    }
    StoreRow(target, &row, columns);
  }

  // ---- results ----
  std::vector<Type> ResultColumns() const {
    if (def_->result.record) return def_->result.record->types;
    return {def_->result};
  }

  Row ResultRow(const Value& v, const Type& t) {
    if (def_->result.record) {
      if (v.is_null()) return Row(def_->result.record->types.size(), Value::Null());
      if (!t.IsRow()) throw Error(sqlstate::kDatatypeMismatch, "cannot return non-composite value from function returning composite type");
      return ToRow(v, t, def_->result).arr();
    }
    Value out = v;
    Type from = t.id == oid::kUnknown && !t.array ? Type(oid::kText) : t;
    if (!out.is_null() && !(from == def_->result)) out = CastValue(out, from, def_->result, CastContext::kAssignment, st_->dt);
    return Row{out};
  }

  Row OutParamsRow() {
    Row r;
    for (int var : fn_.out_params) r.push_back(values_[static_cast<size_t>(var)]);
    if (!def_->result.record && r.size() == 1) return r;
    return r;
  }

  void ReturnOutParams() { result_.push_back(OutParamsRow()); }

  // RETURN's form was checked against the function's result when the body was parsed.
  std::pair<Value, Type> Returned(const Return& r) {
    if (r.var >= 0) return {values_[static_cast<size_t>(r.var)], types_[static_cast<size_t>(r.var)]};
    return Eval(*r.value);
  }

  Signal RunReturn(const Return& r) {
    if (!def_) return {Flow::kReturn, nullptr};  // DO
    if (!r.value && r.var < 0) {
      if (!fn_.out_params.empty() && !def_->retset) ReturnOutParams();
      return {Flow::kReturn, nullptr};
    }
    auto [v, t] = Returned(r);
    if (!trigger_) {
      result_.push_back(ResultRow(v, t));
    } else if (v.is_null()) {
      trigger_result_.reset();
    } else {
      if (!t.IsRow()) throw Error(sqlstate::kDatatypeMismatch, "returned row structure does not match the structure of the triggering table");
      trigger_result_ = ToRow(v, t, trigger_->row_type).arr();
    }
    return {Flow::kReturn, nullptr};
  }

  Signal RunReturnNext(const Return& r) {
    if (!r.value && r.var < 0) {
      result_.push_back(OutParamsRow());
      return {};
    }
    auto [v, t] = Returned(r);
    result_.push_back(ResultRow(v, t));
    return {};
  }

  Signal RunReturnQuery(const ReturnQuery& r) {
    std::vector<ColumnInfo> columns;
    std::vector<Row> rows;
    if (r.dynamic) {
      auto [q, qt] = Eval(r.query);
      if (q.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "query string argument of EXECUTE is null");
      Collect c = RunDynamic(Text(q, qt), r.using_args);
      rows = std::move(c.rows);
      columns = std::move(c.columns);
    } else {
      rows = QueryRows(r.query, &columns);
    }
    std::vector<Type> want = ResultColumns();
    if (columns.size() != want.size())
      throw Error(sqlstate::kDatatypeMismatch, "structure of query does not match function result type")
          .WithDetail("Number of returned columns (" + std::to_string(columns.size()) + ") does not match expected column count (" +
                      std::to_string(want.size()) + ").");
    for (Row& row : rows) {
      for (size_t k = 0; k < want.size(); k++)
        if (!row[k].is_null() && !(columns[k].type == want[k])) row[k] = CastValue(row[k], columns[k].type, want[k], CastContext::kAssignment, st_->dt);
      result_.push_back(std::move(row));
    }
    SetFound(!rows.empty(), static_cast<int64_t>(rows.size()));
    return {};
  }

  // ---- RAISE ----
  void RunRaise(const Raise& r) {
    if (r.reraise) {
      if (!handling_) throw Error("0Z002", "RAISE without parameters cannot be used outside an exception handler");
      context_added_ = true;  // the error goes on as it was, with its own context
      throw Error(*handling_);
    }
    std::string code = r.level == "exception" ? "P0001" : r.level == "warning" ? "01000" : "00000";
    std::string message, detail, hint;
    if (!r.condition.empty()) {
      code = IsSqlstate(r.condition) ? r.condition : SqlstateOfCondition(r.condition);
      message = r.condition;
    }
    if (r.format) {
      message.clear();
      size_t param = 0;
      const std::string& f = *r.format;
      for (size_t i = 0; i < f.size(); i++) {
        if (f[i] == '%' && i + 1 < f.size() && f[i + 1] == '%') {
          message += '%';
          i++;
        } else if (f[i] == '%') {
          auto [v, t] = Eval(r.params[param++]);
          message += v.is_null() ? "<NULL>" : Text(v, t);
        } else {
          message += f[i];
        }
      }
    }
    std::set<std::string> given;
    if (r.format) given.insert("message");
    if (!r.condition.empty()) given.insert("errcode");
    for (const auto& [name, expr] : r.options) {
      std::string option = name;
      for (char& ch : option) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (!given.insert(name).second) throw Error(sqlstate::kSyntaxError, "RAISE option already specified: " + option);
      auto [v, t] = Eval(expr);
      if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "RAISE statement option cannot be null");
      std::string text = Text(v, t);
      if (name == "message") message = text;
      else if (name == "detail") detail = text;
      else if (name == "hint") hint = text;
      else if (name == "errcode") code = IsSqlstate(text) ? text : SqlstateOfCondition(text);
    }
    if (message.empty() && !r.format) message = code;
    if (r.level == "exception") {
      Error e(InternState(code), message);
      if (!detail.empty()) e.WithDetail(detail);
      if (!hint.empty()) e.WithHint(hint);
      throw e;
    }
    std::string severity = r.level;
    for (char& ch : severity) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    Notice n{InternState(severity), InternState(code), message, detail, hint, ""};
    Notify(n);
  }

  // ---- SQL statements ----
  void RunExecSql(const ExecSql& s) {
    CachedSql& c = Parsed(s.sql, nullptr);
    Node* node = c.script->statements[0].stmt;
    bool select = node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT;
    if (select && !s.into)
      throw Error(sqlstate::kSyntaxError, "query has no destination for result data")
          .WithHint("If you want to discard the results of a SELECT, use PERFORM instead.");
    std::vector<ColumnInfo> columns;
    std::vector<Row> rows;
    int64_t count = 0;
    if (select) {
      rows = Select(s.sql, &columns);
      count = static_cast<int64_t>(rows.size());
    } else {
      Collect sink = RunNested(s.sql);
      if (s.into && sink.columns.empty())
        throw Error(sqlstate::kSyntaxError, "INTO used with a command that cannot return data");
      if (s.kind == StmtKind::kCall && !sink.rows.empty()) {
        AssignCallOutputs(sink);
        sink.rows.clear();
      }
      rows = std::move(sink.rows);
      columns = std::move(sink.columns);
      count = TagCount(sink.tag);
    }
    if (s.into) Into(*s.into, s.strict, rows, columns);
    SetFound(s.into ? !rows.empty() : count > 0, s.into && select ? std::min<int64_t>(count, 1) : count);
  }

  // A CALL's output parameters, back into the variables given for them.
  void AssignCallOutputs(const Collect& sink) {
    for (size_t k = 0; k < sink.columns.size() && k < sink.call_targets.size(); k++) {
      int var = sink.call_targets[k];
      if (var < 0 || static_cast<size_t>(var) >= values_.size())
        throw Error(sqlstate::kSyntaxError, "procedure parameter \"" + sink.columns[k].name +
                                                "\" is an output parameter but corresponding argument is not writable");
      Store(var, k < sink.rows[0].size() ? sink.rows[0][k] : Value::Null(), sink.columns[k].type);
    }
  }

  // INTO [STRICT]; only a static query's "more than one row" has a hint, as in PostgreSQL.
  void Into(const Target& target, bool strict, const std::vector<Row>& rows, const std::vector<ColumnInfo>& columns, bool dynamic = false) {
    if (strict && rows.empty()) throw Error("P0002", "query returned no rows");
    if (strict && rows.size() > 1) {
      Error e("P0003", "query returned more than one row");
      if (!dynamic) e.WithHint("Make sure the query returns a single row, or use LIMIT 1.");
      throw e;
    }
    StoreRow(target, rows.empty() ? nullptr : &rows[0], columns);
  }

  void RunDynExecute(const DynExecute& s) {
    auto [q, qt] = Eval(s.query);
    if (q.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "query string argument of EXECUTE is null");
    Collect c = RunDynamic(Text(q, qt), s.using_args);
    if (s.into) {
      if (c.columns.empty()) throw Error(sqlstate::kSyntaxError, "INTO used with a command that cannot return data");
      Into(*s.into, s.strict, c.rows, c.columns, /*dynamic=*/true);
    }
    int64_t count = c.columns.empty() || !c.tag.empty() ? TagCount(c.tag) : static_cast<int64_t>(c.rows.size());
    if (c.tag.rfind("SELECT", 0) == 0) count = static_cast<int64_t>(c.rows.size());
    row_count_ = count;  // EXECUTE sets ROW_COUNT but not FOUND, as in PostgreSQL
  }

  void RunGetDiagnostics(const GetDiagnostics& g) {
    for (const auto& [var, item] : g.items) {
      if (!g.stacked) {
        if (item == "ROW_COUNT") Store(var, Value::Int(row_count_), Type(oid::kInt8));
        else if (item == "PG_CONTEXT") Store(var, Value::Str(c_->context), Type(oid::kText));
        else throw Error(sqlstate::kSyntaxError, "diagnostics item " + item + " is not allowed in GET CURRENT DIAGNOSTICS");
        continue;
      }
      if (!handling_) throw Error("0Z002", "GET STACKED DIAGNOSTICS cannot be used outside an exception handler");
      const Error& e = *handling_;
      std::string v;
      if (item == "RETURNED_SQLSTATE") v = e.state();
      else if (item == "MESSAGE_TEXT") v = e.what();
      else if (item == "PG_EXCEPTION_DETAIL") v = e.detail();
      else if (item == "PG_EXCEPTION_HINT") v = e.hint();
      else if (item == "PG_EXCEPTION_CONTEXT") v = e.context();
      else if (item == "CONSTRAINT_NAME") v = e.constraint();
      else if (item == "TABLE_NAME") v = e.table();
      else if (item == "COLUMN_NAME" || item == "PG_DATATYPE_NAME" || item == "SCHEMA_NAME") v = "";
      else throw Error(sqlstate::kSyntaxError, "diagnostics item " + item + " is not allowed in GET STACKED DIAGNOSTICS");
      Store(var, Value::Str(v), Type(oid::kText));
    }
  }

  Signal RunCase(const Case& c) {
    std::optional<std::pair<Value, Type>> subject;
    if (c.subject) subject = Eval(*c.subject);
    for (const auto& w : c.whens) {
      bool hit;
      if (subject) {
        // compare the subject with each value of the WHEN list through SQL: `$n IN (values)`
        hit = CaseMatches(*subject, w.condition);
      } else {
        hit = Condition(w.condition);
      }
      if (hit) return RunList(w.body);
    }
    if (c.else_body) return RunList(*c.else_body);
    throw Error("20000", "case not found").WithHint("CASE statement is missing ELSE part.");
  }

  bool CaseMatches(const std::pair<Value, Type>& subject, const Sql& values) {
    // The subject becomes one more parameter, past the variables.
    std::vector<Type> types = types_;
    types.push_back(subject.second.id == oid::kUnknown && !subject.second.array ? Type(oid::kText) : subject.second);
    std::vector<Value> params = values_;
    params.push_back(subject.first);
    std::string prefix = "SELECT $" + std::to_string(types_.size() + 1) + " IN (";
    std::string text = prefix + values.text + ")";
    std::vector<Row> rows = RunSelect(values, &text, static_cast<int>(prefix.size()), types, &params, nullptr);
    return !rows.empty() && !rows[0][0].is_null() && rows[0][0].b();
  }

  std::shared_ptr<Compiled> hold_;
  Compiled* c_;
  const Function& fn_;
  ExecState* st_;
  const FunctionDef* def_;
  std::vector<Value> values_;
  bool nonatomic_ = false;
  std::vector<Type> types_;
  // Changes whenever a variable's type changes shape (SetType), so that a cached plan checks the
  // types it was planned for only then, not at each evaluation.
  uint64_t types_version_ = 0;
  std::vector<Row> result_;
  int64_t row_count_ = 0;
  const Error* handling_ = nullptr;
  bool context_added_ = false;  // set while an error leaves the function
  const TriggerCall* trigger_ = nullptr;
  std::optional<Row> trigger_result_;
};

}  // namespace

Signature SignatureOf(const FunctionDef& def) {
  Signature sig;
  sig.name = def.name;
  for (const FunctionArg& a : def.args)
    sig.params.push_back({a.name, a.mode == 'i' || a.mode == 'b' || a.mode == 'v', a.mode == 'o' || a.mode == 'b' || a.mode == 't'});
  sig.trigger = def.result.id == oid::kTrigger && !def.result.array;
  sig.retset = def.retset;
  sig.procedure = def.kind == 'p';
  for (const Signature::Param& p : sig.params) sig.has_out |= p.out;
  sig.returns_void = sig.procedure ? !sig.has_out : def.result.id == oid::kVoid && !def.result.array;
  return sig;
}

namespace {
// `statement`: the client's statement text holding the body (a DO), or "" (a function called).
std::shared_ptr<Compiled> Compile(const std::string& body, const Signature& sig, std::string context, const std::string& statement = "") {
  auto c = std::make_shared<Compiled>();
  try {
    c->fn = Parse(body, sig);
    c->sql.resize(static_cast<size_t>(c->fn.sql_count));
  } catch (Error& e) {
    if (e.position() > 0 && !MovePositionIntoStatement(e, statement, body)) {
      std::string line = "compilation of PL/pgSQL function \"" + (sig.name.empty() ? std::string("inline_code_block") : sig.name) + "\"";
      AddContextLine(e, line);
    }
    throw;
  }
  c->context = std::move(context);
  return c;
}

// Compiled functions, per thread (a session runs on one thread at a time), so that a function is
// parsed once rather than by each statement that calls it (a row trigger fired by many INSERTs).
// A copy is reused while the body stays the same (CREATE OR REPLACE changes it; its argument and
// result types cannot change) and no frame is running it: a recursive call gets another copy.
// A trigger function has a copy per table it fires on (`trigger_relid`, 0 for a plain call), as
// in PostgreSQL: NEW and OLD have that table's row type, so one table's plans never replace
// another's when the same function serves both.
std::shared_ptr<Compiled> CompiledFunction(const FunctionDef& def, uint32_t trigger_relid = 0) {
  struct Entry {
    std::string body;
    std::vector<std::shared_ptr<Compiled>> copies;
  };
  thread_local std::unordered_map<uint64_t, Entry> cache;
  if (cache.size() >= 256) cache.clear();  // running frames keep their copies alive
  Entry& entry = cache[uint64_t{def.oid} << 32 | trigger_relid];
  if (entry.body != def.body) {
    entry.body = def.body;
    entry.copies.clear();
  }
  for (const auto& c : entry.copies)
    if (c->active == 0) return c;
  auto compiled = Compile(def.body, SignatureOf(def), "PL/pgSQL function " + def.Signature());
  if (entry.copies.size() < 16) entry.copies.push_back(compiled);
  return compiled;
}

}  // namespace
}  // namespace plpgsql

namespace {
// The transition tables a function's queries see: its trigger's, none for any other function.
class TransitionScope {
 public:
  TransitionScope(ExecState* st, const TransitionTables* t) : st_(st), saved_(st->transitions) { st->transitions = t; }
  ~TransitionScope() { st_->transitions = saved_; }
  TransitionScope(const TransitionScope&) = delete;
  TransitionScope& operator=(const TransitionScope&) = delete;

 private:
  ExecState* st_;
  const TransitionTables* saved_;
};
}  // namespace

std::vector<Row> RunPlpgsqlFunction(const FunctionDef& def, std::vector<Value> args, ExecState* st) {
  CheckStackDepth();
  TransitionScope transitions(st, nullptr);
  plpgsql::Frame frame(plpgsql::CompiledFunction(def), st, &def);
  frame.SetNonAtomic(def.kind == 'p' && st->session && st->session->TakeNonAtomicCall(def.oid));
  frame.TypeVariables();
  frame.SetArguments(std::move(args));
  frame.Run();
  return frame.TakeResult();
}

std::optional<Row> RunPlpgsqlTrigger(const FunctionDef& def, const TriggerCall& call, ExecState* st) {
  CheckStackDepth();
  TransitionScope transitions(st, call.transitions);
  plpgsql::Frame frame(plpgsql::CompiledFunction(def, call.relid), st, &def);
  frame.TypeVariables();
  frame.SetTrigger(call);
  frame.Run();
  return frame.TakeTriggerResult();
}

void RunDoBlock(const std::string& body, ExecState* st, bool nonatomic) {
  CheckStackDepth();
  TransitionScope transitions(st, nullptr);
  auto compiled = plpgsql::Compile(body, plpgsql::Signature{}, "PL/pgSQL function inline_code_block",
                                   st->session ? st->session->query_string() : std::string());
  plpgsql::Frame frame(std::move(compiled), st, nullptr);
  frame.SetNonAtomic(nonatomic);
  frame.TypeVariables();
  frame.Run();
}

}  // namespace tusk
