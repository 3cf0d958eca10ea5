#include "catalog/system/deparse.hpp"

#include "catalog/extensions.hpp"
#include "catalog/system/system_relation.hpp"
#include "engine/session.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"
#include "types/object_names.hpp"
#include "planner/planner.hpp"

namespace tusk {

namespace {
ExprP BindStored(ExecState* st, const TableDef* table, const std::string& sql, std::unique_ptr<Script>* holder) {
  ParamTypes params;
  Planner planner(st, &params);
  Scope scope;
  if (table) scope.Add(planner.TableScopeRel(table, table->name));
  NoFold no_fold;
  return planner.binder().BindStored(ParseStoredExpr(sql, holder), scope, table ? table->schema : "");
}

std::string Unwrap(const std::string& s) { return WhollyParenthesized(s) ? s.substr(1, s.size() - 2) : s; }

std::string ColumnList(const TableDef& t, const std::vector<int>& cols) {
  std::vector<std::string> names;
  for (int c : cols) names.push_back(QuoteIdent(t.columns[static_cast<size_t>(c)].name));
  return Join(names, ", ");
}

const char* ActionText(FkAction a) {
  switch (a) {
    case FkAction::kRestrict: return "RESTRICT";
    case FkAction::kCascade: return "CASCADE";
    case FkAction::kSetNull: return "SET NULL";
    case FkAction::kSetDefault: return "SET DEFAULT";
    default: return nullptr;
  }
}

// A relation's name as pg_get_*def prints it: schema-qualified unless search_path finds it.
std::string RelationText(ExecState* st, uint32_t oid) {
  auto name = st->dt.names ? st->dt.names->Name(oid::kRegclass, oid) : std::nullopt;
  return name ? *name : std::to_string(oid);
}
}  // namespace

std::string DeparseStoredExpr(ExecState* st, const TableDef* table, const std::string& sql, const Type* type, bool pretty) {
  std::unique_ptr<Script> holder;
  ExprP e = BindStored(st, table, sql, &holder);
  if (type && e->type.id == oid::kUnknown && !e->type.array) {
    // a default's literal takes the column's type (not its length: that check is a separate,
    // implicit step PostgreSQL does not print)
    Type base = *type;
    base.typmod = -1;
    ParamTypes params;
    Planner planner(st, &params);
    e = planner.binder().Coerce(e, base, CastContext::kAssignment, -1);
  }
  return PrintBound(st, e, pretty);
}

std::string PrintBound(ExecState* st, const ExprP& e, bool pretty) {
  std::unique_ptr<PrettySql> pretty_sql;
  if (pretty) pretty_sql = std::make_unique<PrettySql>();
  // An extension's function prints with its schema when search_path does not reach it.
  SqlNames names(st->dt, [st](const std::string& fn) {
    const AvailableExtension* ext = ExtensionOfFunction(fn);
    if (!ext) return fn;
    auto installed = st->catalog->extensions().find(ext->name);
    if (installed == st->catalog->extensions().end()) return fn;
    const std::string& schema = installed->second.schema;
    for (const auto& s : EffectiveSearchPath(*st->catalog, st->session->SearchPath()))
      if (s == schema) return fn;
    return QuoteIdent(schema) + "." + fn;
  });
  std::string text = e->ToSql();
  return pretty ? Unwrap(text) : text;
}

std::string DomainCheckDefinition(ExecState* st, const DomainDef& d, const DomainCheck& c, bool pretty) {
  ParamTypes params;
  Planner planner(st, &params);
  NoFold no_fold;
  ExprP e = planner.binder().BindDomainCheck(c.check_sql, DomainValueType(d), d.schema);
  return "CHECK (" + PrintBound(st, e, pretty) + ")" + (c.validated ? "" : " NOT VALID");
}

std::vector<int> ColumnsOfStoredExpr(ExecState* st, const TableDef& table, const std::string& sql) {
  std::unique_ptr<Script> holder;
  std::vector<int> cols;
  CollectColumns(BindStored(st, &table, sql, &holder), &cols);
  std::sort(cols.begin(), cols.end());
  cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
  for (int& c : cols) c++;
  return cols;
}

std::string ConstraintDefinition(ExecState* st, const TableDef& t, const ConstraintDef& c, bool pretty) {
  switch (c.kind) {
    case 'p': return "PRIMARY KEY (" + ColumnList(t, c.columns) + ")";
    case 'u': {
      const IndexDef* index = st->catalog->FindIndex(c.index);
      return std::string("UNIQUE ") + (index && index->nulls_not_distinct ? "NULLS NOT DISTINCT " : "") + "(" +
             ColumnList(t, c.columns) + ")";
    }
    case 'c': {
      // non-pretty keeps the expression's own parentheses: CHECK ((n > 0))
      return "CHECK (" + DeparseStoredExpr(st, &t, c.check_sql, nullptr, pretty) + ")";
    }
    case 'f': {
      const TableDef* ref = st->catalog->FindTable(c.ref_table);
      std::string out = "FOREIGN KEY (" + ColumnList(t, c.columns) + ") REFERENCES " + RelationText(st, c.ref_table) + "(" +
                        (ref ? ColumnList(*ref, c.ref_columns) : "") + ")";
      if (const char* a = ActionText(c.on_update)) out += std::string(" ON UPDATE ") + a;
      if (const char* a = ActionText(c.on_delete)) out += std::string(" ON DELETE ") + a;
      return out;
    }
    default: return "";
  }
}

std::string KeyExpressionDefinition(ExecState* st, const TableDef* table, const std::string& sql, bool pretty) {
  const std::string e = DeparseStoredExpr(st, table, sql, nullptr, pretty);
  // PostgreSQL's looks_like_function(), judged on the expression as written.
  std::unique_ptr<Script> holder;
  Node* n = ParseStoredExpr(sql, &holder);
  bool function_like = false;
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_FUNC_CALL:  // f(x), and SQL's syntax for calls: EXTRACT(year FROM d)
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
    case PG_QUERY__NODE__NODE_XML_EXPR:
      function_like = true;
      break;
    case PG_QUERY__NODE__NODE_A_EXPR:
      function_like = n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF;
      break;
    default:
      break;
  }
  return function_like ? e : "(" + e + ")";
}

std::string IndexDefinition(ExecState* st, const IndexDef& index, int column, bool pretty) {
  const TableDef* t = st->catalog->FindTable(index.table);
  if (!t) return "";
  auto key = [&](const IndexColumn& k) {
    std::string text;
    if (k.column >= 0) {
      text = QuoteIdent(t->columns[static_cast<size_t>(k.column)].name);
    } else {
      text = KeyExpressionDefinition(st, t, k.expr_sql, pretty);
    }
    return text;
  };
  if (column > 0) return column <= static_cast<int>(index.columns.size()) ? key(index.columns[static_cast<size_t>(column - 1)]) : "";
  std::vector<std::string> keys;
  for (const auto& k : index.columns) {
    std::string text = key(k);
    if (!k.opclass.empty()) text += " " + k.opclass;
    if (k.desc) text += " DESC";
    if (k.desc && !k.nulls_first) text += " NULLS LAST";
    if (!k.desc && k.nulls_first) text += " NULLS FIRST";
    keys.push_back(text);
  }
  // pretty names the table as the search path finds it; otherwise always with its schema
  std::string table = pretty ? RelationText(st, t->oid) : QuoteIdent(t->schema) + "." + QuoteIdent(t->name);
  // An index of a partitioned table holds no rows of its own: ON ONLY, as PostgreSQL prints it.
  std::string out = std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " + QuoteIdent(index.name) + " ON " +
                    (t->partition_key ? "ONLY " : "") + table +
                    " USING " + index.am + " (" + Join(keys, ", ") + ")";
  if (index.nulls_not_distinct) out += " NULLS NOT DISTINCT";
  if (!index.where_sql.empty()) out += " WHERE " + DeparseStoredExpr(st, t, index.where_sql, nullptr, pretty);
  return out;
}

std::string TriggerDefinition(ExecState* st, const TableDef& table, const TriggerDef& g, bool pretty) {
  std::string out = "CREATE TRIGGER " + QuoteIdent(g.name) + " ";
  out += (g.type & TriggerDef::kBefore) ? "BEFORE" : (g.type & TriggerDef::kInstead) ? "INSTEAD OF" : "AFTER";
  bool first = true;
  auto event = [&](int16_t bit, const char* name) {
    if (!(g.type & bit)) return;
    out += first ? " " : " OR ";
    out += name;
    first = false;
    if (bit == TriggerDef::kUpdate && !g.columns.empty()) {
      out += " OF ";
      for (size_t i = 0; i < g.columns.size(); i++)
        out += (i ? ", " : "") + QuoteIdent(table.columns[static_cast<size_t>(g.columns[i])].name);
    }
  };
  event(TriggerDef::kInsert, "INSERT");
  event(TriggerDef::kDelete, "DELETE");
  event(TriggerDef::kUpdate, "UPDATE");
  event(TriggerDef::kTruncate, "TRUNCATE");
  out += " ON " + (pretty ? RelationText(st, table.oid) : QuoteIdent(table.schema) + "." + QuoteIdent(table.name));
  if (!g.old_table.empty() || !g.new_table.empty()) {
    out += " REFERENCING";
    if (!g.old_table.empty()) out += " OLD TABLE AS " + QuoteIdent(g.old_table);
    if (!g.new_table.empty()) out += " NEW TABLE AS " + QuoteIdent(g.new_table);
  }
  out += (g.type & TriggerDef::kRow) ? " FOR EACH ROW" : " FOR EACH STATEMENT";
  if (!g.when_sql.empty()) {
    // bound over OLD and NEW, printed with the casts binding adds, as PostgreSQL prints tgqual
    ParamTypes params;
    Planner planner(st, &params);
    Scope scope;
    scope.Add(planner.TableScopeRel(&table, "old"));
    scope.Add(planner.TableScopeRel(&table, "new"));
    scope.qualify_names = true;
    NoFold no_fold;
    std::unique_ptr<Script> holder;
    ExprP when = planner.binder().BindStored(ParseStoredExpr(g.when_sql, &holder), scope, table.schema);
    out += " WHEN (" + PrintBound(st, when, pretty) + ")";
  }
  auto fn = st->dt.names ? st->dt.names->Name(oid::kRegproc, g.function) : std::nullopt;
  out += " EXECUTE FUNCTION " + (fn ? *fn : std::to_string(g.function)) + "(";
  for (size_t i = 0; i < g.args.size(); i++) out += (i ? ", " : "") + QuoteLiteral(g.args[i]);
  return out + ")";
}

}  // namespace tusk
