// CREATE [OR REPLACE] VIEW.
#include "security/object_privileges.hpp"
#include "views/view_ddl.hpp"

#include <algorithm>

#include "access/table_locks.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "parser/walk.hpp"
#include "planner/planner.hpp"
#include "views/definition.hpp"

namespace tusk {

std::vector<std::string> ViewOptions(Node** options, size_t n_options) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n_options; i++) {
    auto* d = options[i]->def_elem;
    std::string name = d->defname;
    std::string value = OptionValueText(d);
    if (name == "check_option") {
      if (value != "local" && value != "cascaded")
        throw Error(sqlstate::kInvalidParameterValue, "invalid value for enum option \"check_option\": " + value)
            .WithDetail("Valid values are \"local\" and \"cascaded\".");
    } else if (name == "security_barrier" || name == "security_invoker") {
      std::string v = value;
      std::transform(v.begin(), v.end(), v.begin(), ::tolower);
      static const char* const kTrue[] = {"true", "on", "yes", "1", "t", "y"};
      static const char* const kFalse[] = {"false", "off", "no", "0", "f", "n"};
      bool ok = std::any_of(std::begin(kTrue), std::end(kTrue), [&](const char* s) { return v == s; }) ||
                std::any_of(std::begin(kFalse), std::end(kFalse), [&](const char* s) { return v == s; });
      if (!ok) throw Error(sqlstate::kInvalidParameterValue, "invalid value for boolean option \"" + name + "\": " + value);
    } else {
      throw Error(sqlstate::kInvalidParameterValue, "unrecognized parameter \"" + name + "\"");
    }
    out.push_back(name + "=" + value);
  }
  return out;
}

namespace {

// The reloptions of CREATE VIEW: WITH (...) and then WITH [LOCAL | CASCADED] CHECK OPTION.
std::vector<std::string> ViewOptions(PgQuery__ViewStmt* stmt) {
  std::vector<std::string> out = tusk::ViewOptions(stmt->options, stmt->n_options);
  if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION) out.push_back("check_option=local");
  if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION) out.push_back("check_option=cascaded");
  return out;
}

}  // namespace

// PostgreSQL's refusals of a view's query before it is analysed.
void CheckViewQuery(Node* query, bool materialized) {
  if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) throw Error(sqlstate::kFeatureNotSupported, "a view's query must be a SELECT");
  auto* s = query->select_stmt;
  if (s->into_clause) throw Error(sqlstate::kFeatureNotSupported, "views must not contain SELECT INTO");
  bool modifying = false;
  auto check_with = [&](PgQuery__WithClause* with) {
    for (size_t i = 0; with && i < with->n_ctes; i++) {
      Node* q = with->ctes[i]->common_table_expr->ctequery;
      modifying |= q && q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT;
    }
  };
  check_with(s->with_clause);
  WalkNodes(&query->base, [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) check_with(n->select_stmt->with_clause);
    return true;
  });
  if (modifying)
    throw Error(sqlstate::kFeatureNotSupported, materialized ? "materialized views must not use data-modifying statements in WITH"
                                                             : "views must not contain data-modifying statements in WITH");
}

ViewQuery PlanViewQuery(ExecState* st, const Catalog& cat, Node* query, Node** aliases, size_t n_aliases, uint32_t self,
                        const char* too_many_names) {
  ViewQuery out;
  out.search_path = st->session->SearchPath();
  ParamTypes params;
  Planner planner(st, &params);
  DefinitionCapture capture;
  planner.set_capture(&capture);
  PlannedQuery q = planner.PlanSelect(query, nullptr);
  planner.set_capture(nullptr);
  if (n_aliases > q.columns.size()) throw Error(sqlstate::kSyntaxError, too_many_names);
  for (size_t i = 0; i < q.columns.size(); i++) {
    ColumnDef c;
    c.name = i < n_aliases ? StrVal(aliases[i]) : q.columns[i].name;
    c.type = q.columns[i].type;
    for (const auto& earlier : out.columns)
      if (earlier.name == c.name) throw Error(sqlstate::kDuplicateColumn, "column \"" + c.name + "\" specified more than once");
    out.columns.push_back(std::move(c));
  }
  out.query_sql = CanonicalViewQuery(cat, query, capture, out.search_path);
  for (const auto& [node, rel] : capture.relations)
    if (rel.user && rel.oid != self && std::find(out.relations.begin(), out.relations.end(), rel.oid) == out.relations.end())
      out.relations.push_back(rel.oid);
  std::sort(out.relations.begin(), out.relations.end());
  return out;
}

namespace {

// CREATE OR REPLACE VIEW over an existing view: PostgreSQL's checkViewColumns.
void CheckReplacementColumns(const ViewDef& old, const std::vector<ColumnDef>& columns) {
  if (columns.size() < old.columns.size()) throw Error(sqlstate::kInvalidTableDefinition, "cannot drop columns from view");
  for (size_t i = 0; i < old.columns.size(); i++) {
    const ColumnDef& was = old.columns[i];
    const ColumnDef& now = columns[i];
    if (was.name != now.name)
      throw Error(sqlstate::kInvalidTableDefinition, "cannot change name of view column \"" + was.name + "\" to \"" + now.name + "\"")
          .WithHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
    if (!(was.type == now.type))
      throw Error(sqlstate::kInvalidTableDefinition, "cannot change data type of view column \"" + was.name + "\" from " +
                                                         TypeName(was.type) + " to " + TypeName(now.type));
  }
}

}  // namespace

void ExecuteCreateView(PgQuery__ViewStmt* stmt, ExecState* st, ResultSink* sink) {
  auto* rv = stmt->view;
  if (rv->relpersistence == std::string("t")) throw Error(sqlstate::kFeatureNotSupported, "temporary views are not supported yet");
  std::vector<std::string> options = ViewOptions(stmt);
  CheckViewQuery(stmt->query, false);
  Catalog* cat = st->session->MutableCatalog(st);
  std::string schema = CreationSchema(st, rv->schemaname);  // PostgreSQL reports no position here
  auto existing = cat->FindRelation(schema, rv->relname, {});
  struct Defining {
    ExecState* st;
    bool saved;
    ~Defining() { st->defining = saved; }
  } defining{st, std::exchange(st->defining, true)};
  ViewQuery q = PlanViewQuery(st, *cat, stmt->query, stmt->aliases, stmt->n_aliases, existing ? existing->second : 0,
                              "CREATE VIEW specifies more column names than columns");
  ViewDef v;
  if (existing) {
    if (!stmt->replace) throw Error(sqlstate::kDuplicateTable, "relation \"" + std::string(rv->relname) + "\" already exists");
    if (existing->first != RelKind::kView)
      throw Error(sqlstate::kWrongObjectType, "\"" + std::string(rv->relname) + "\" is not a view");
    LockRelation(st, existing->second, TableLockMode::kAccessExclusive);
    const ViewDef* old = cat->FindView(existing->second);
    CheckReplacementColumns(*old, q.columns);
    v.oid = old->oid;
    v.rule_oid = old->rule_oid;
    v.triggers = old->triggers;
  } else {
    v.oid = cat->AllocateOid();
    v.rule_oid = cat->AllocateOid();
  }
  v.schema = schema;
  v.name = rv->relname;
  v.columns = std::move(q.columns);
  v.query_sql = std::move(q.query_sql);
  v.search_path = std::move(q.search_path);
  v.relations = std::move(q.relations);
  v.options = std::move(options);
  v.security.owner = NewObjectOwner(st);
  cat->AddView(std::move(v));
  sink->Complete("CREATE VIEW");
}

}  // namespace tusk
