// Resolving the relations a query names: tables of the catalog, or system relations.
#include "catalog/system/system_relation.hpp"
#include "catalog/system/system_scan.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "planner/planner.hpp"
#include "access/table_locks.hpp"
#include "planner/row_locking.hpp"
#include "security/object_privileges.hpp"

namespace tusk {

const SystemRelation* Planner::ResolveSystem(PgQuery__RangeVar* rv) {
  return ResolveSystemRelation(*st_->catalog, rv->schemaname ? rv->schemaname : "", rv->relname, binder_.SearchPath());
}

namespace {
// Reading needs SELECT; FOR UPDATE / SHARE also UPDATE, as PostgreSQL 15 asks.
uint32_t ReadPrivileges(TableLockMode mode) {
  return mode == TableLockMode::kRowShare ? privilege::kSelect | privilege::kUpdate : privilege::kSelect;
}
}  // namespace

const TableDef* Planner::ResolveTable(PgQuery__RangeVar* rv, TableLockMode mode, bool nowait) {
  std::string schema = rv->schemaname ? rv->schemaname : "";
  std::string name = rv->relname;
  // reached for a system relation only by statements that would change it
  if (const SystemRelation* sys = ResolveSystem(rv)) {
    if (sys->kind == 'v')
      throw Error(sqlstate::kObjectNotInPrerequisiteState, "cannot change view \"" + sys->name + "\"").WithPosition(rv->location + 1);
    throw Error(sqlstate::kInsufficientPrivilege, "permission denied: \"" + sys->name + "\" is a system catalog");
  }
  if (!schema.empty()) RequireSchemaUsage(st_, schema, rv->location);
  auto rel = st_->catalog->FindRelation(schema, name, binder_.SearchPath());
  if (!rel) ThrowAt(sqlstate::kUndefinedTable, "relation \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist", rv->location);
  if (cte_modified_tables_.count(rel->second))
    throw Error(sqlstate::kFeatureNotSupported, "reading or changing \"" + name + "\" in a statement whose WITH clause modifies it is not supported yet")
        .WithPosition(rv->location + 1);
  if (rel->first == RelKind::kMatview) {
    // Read like a table once REFRESH has filled it; never changed by DML.
    if (mode == TableLockMode::kRowShare && locking_)
      throw Error(sqlstate::kWrongObjectType, "cannot lock rows in materialized view \"" + name + "\"");
    if (mode == TableLockMode::kRowExclusive)
      throw Error(sqlstate::kWrongObjectType, "cannot change materialized view \"" + name + "\"");
    const TableDef* t = st_->catalog->FindTable(rel->second);
    bool reads = mode == TableLockMode::kAccessShare || mode == TableLockMode::kRowShare;
    if (reads && !t->materialized->populated)
      throw Error(sqlstate::kObjectNotInPrerequisiteState, "materialized view \"" + name + "\" has not been populated")
          .WithHint("Use the REFRESH MATERIALIZED VIEW command.");
    LockRelation(st_, rel->second, mode, nowait);
    if (reads) RequireRelationPrivileges(st_, t->oid, ReadPrivileges(mode), check_as_user_);
    return t;
  }
  if (rel->first != RelKind::kTable) {
    if (rel->first == RelKind::kComposite) ThrowAt(sqlstate::kWrongObjectType, "\"" + name + "\" is a composite type", rv->location);
    if (rel->first == RelKind::kView)
      throw Error(sqlstate::kFeatureNotSupported, "changing the rows of view \"" + name + "\" is not supported yet").WithPosition(rv->location + 1);
    if (rel->first == RelKind::kSequence)
      throw Error(sqlstate::kWrongObjectType, "cannot change sequence \"" + name + "\"").WithPosition(rv->location + 1);
    ThrowAt(sqlstate::kWrongObjectType, "\"" + name + "\" is an index", rv->location);
  }
  LockRelation(st_, rel->second, mode, nowait);
  if (mode == TableLockMode::kAccessShare || mode == TableLockMode::kRowShare)
    RequireRelationPrivileges(st_, rel->second, ReadPrivileges(mode), check_as_user_);
  return st_->catalog->FindTable(rel->second);
}

ScopeRel Planner::TableScopeRel(const TableDef* t, const std::string& alias) {
  ScopeRel r;
  r.alias = alias.empty() ? t->name : alias;
  r.table_oid = t->oid;
  r.relation_oid = t->oid;
  for (const auto& c : t->columns) {
    r.columns.push_back(c.dropped ? "" : c.name);
    r.types.push_back(c.type);
  }
  return r;
}

std::shared_ptr<const SystemRelation> Planner::SequenceRelation(PgQuery__RangeVar* rv) {
  auto rel = st_->catalog->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, binder_.SearchPath());
  if (!rel || rel->first != RelKind::kSequence) return nullptr;
  const SequenceDef* seq = st_->catalog->FindSequence(rel->second);
  auto r = std::make_shared<SystemRelation>();
  r->oid = seq->oid;
  r->schema = seq->schema;
  r->name = seq->name;
  r->kind = 'S';
  r->columns = {{"last_value", Type(oid::kInt8)}, {"log_cnt", Type(oid::kInt8)}, {"is_called", Type(oid::kBool)}};
  uint32_t seq_oid = seq->oid;
  r->rows = [seq_oid](ExecState& st, std::vector<Row>* rows) {
    const SequenceDef* s = st.catalog->FindSequence(seq_oid);
    if (!s) return;
    auto last = st.db->LastValue(*s);
    // Tusk hands values out without PostgreSQL's WAL-logged batches: log_cnt is always 0.
    rows->push_back({Value::Int(last ? *last : s->start), Value::Int(0), Value::Bool(last.has_value())});
  };
  return r;
}

OpP Planner::PlanSystemScan(const SystemRelation* sys, PgQuery__RangeVar* rv, Scope* scope,
                            std::shared_ptr<const SystemRelation> owned) {
  ScopeRel rel;
  rel.alias = rv->alias ? rv->alias->aliasname : sys->name;
  rel.relation_oid = sys->oid;
  for (size_t k = 0; k < sys->columns.size(); k++) {
    rel.columns.push_back(rv->alias && k < rv->alias->n_colnames ? StrVal(rv->alias->colnames[k]) : sys->columns[k].name);
    rel.types.push_back(sys->columns[k].type);
  }
  for (const auto& r : scope->rels)
    if (r.alias == rel.alias)
      throw Error(sqlstate::kDuplicateAlias, "table name \"" + rel.alias + "\" specified more than once");
  if (locking_ && locking_->For(rel.alias))
    throw Error(sqlstate::kFeatureNotSupported, locking_->Name() + " of a system catalog is not supported").WithPosition(rv->location + 1);
  scope->Add(rel);
  return std::make_shared<SystemScanOp>(sys, rv->alias ? rv->alias->aliasname : "", std::move(owned));
}

OpP Planner::PlanSystemView(const SystemRelation* sys, PgQuery__RangeVar* rv, Scope* scope) {
  std::vector<DefinedColumn> columns;
  for (const auto& c : sys->columns) columns.push_back({c.name, c.type});
  return PlanDefinedView(sys->definition, columns, sys->oid, sys->schema + "." + sys->name, nullptr, rv, scope, "system view");
}

const ViewDef* Planner::ResolveView(PgQuery__RangeVar* rv) {
  auto rel = st_->catalog->FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, binder_.SearchPath());
  return rel && rel->first == RelKind::kView ? st_->catalog->FindView(rel->second) : nullptr;
}

OpP Planner::PlanView(const ViewDef* v, PgQuery__RangeVar* rv, Scope* scope) {
  if (std::find(expanding_views_.begin(), expanding_views_.end(), v->oid) != expanding_views_.end())
    throw Error(sqlstate::kInvalidObjectDefinition, "infinite recursion detected in rules for relation \"" + v->name + "\"");
  LockRelation(st_, v->oid, TableLockMode::kAccessShare);
  RequireRelationPrivileges(st_, v->oid, privilege::kSelect, check_as_user_);
  std::vector<DefinedColumn> columns;
  for (const auto& c : v->columns) columns.push_back({c.name, c.type});
  expanding_views_.push_back(v->oid);
  // The view's own query is not part of a definition being captured (CREATE VIEW over a view).
  DefinitionCapture* capture = capture_;
  set_capture(nullptr);
  // The view's relations are read with its owner's privileges (and policies), unless it is
  // security_invoker.
  struct Restore {
    Planner* p;
    DefinitionCapture* capture;
    uint32_t check_as;
    ~Restore() { p->set_capture(capture); p->expanding_views_.pop_back(); p->check_as_user_ = check_as; }
  } restore{this, capture, check_as_user_};
  check_as_user_ = ViewCheckUser(*v, check_as_user_ ? check_as_user_ : (st_->session ? st_->session->CurrentUserId() : 0));
  return PlanDefinedView(v->query_sql, columns, v->oid, v->schema + "." + v->name, &v->search_path, rv, scope, "view");
}

OpP Planner::PlanDefinedView(const std::string& sql, const std::vector<DefinedColumn>& columns, uint32_t relation_oid,
                             const std::string& qualified_name, const std::vector<std::string>* path, PgQuery__RangeVar* rv,
                             Scope* scope, const char* what) {
  stored_exprs_.push_back(ParseSql(sql));
  bool correlated = false;
  auto saved_path = binder_.search_path_override;
  if (path) binder_.search_path_override = *path;
  struct RestorePath {
    Binder* b;
    std::optional<std::vector<std::string>> saved;
    ~RestorePath() { b->search_path_override = std::move(saved); }
  } restore_path{&binder_, std::move(saved_path)};
  PlannedQuery q = PlanNested(stored_exprs_.back()->statements[0].stmt, nullptr, 0, &correlated);
  if (q.columns.size() != columns.size())
    throw Error(sqlstate::kInternalError, "the definition of " + qualified_name + " returns " + std::to_string(q.columns.size()) +
                                              " columns, not " + std::to_string(columns.size()));
  ScopeRel rel;
  rel.alias = rv->alias ? rv->alias->aliasname : rv->relname;
  rel.relation_oid = relation_oid;
  for (size_t k = 0; k < columns.size(); k++) {
    rel.columns.push_back(rv->alias && k < rv->alias->n_colnames ? StrVal(rv->alias->colnames[k]) : columns[k].name);
    // A column declared of a domain (information_schema's) has that type: the definition
    // computes values of its base type that satisfy it, as PostgreSQL's casts to it check.
    const Type& declared = columns[k].type;
    const Type& computed = q.columns[k].type;
    bool relabel = declared.domain && declared.id == computed.id && declared.array == computed.array;
    rel.types.push_back(relabel ? declared : computed);
  }
  for (const auto& r : scope->rels)
    if (r.alias == rel.alias)
      throw Error(sqlstate::kDuplicateAlias, "table name \"" + rel.alias + "\" specified more than once");
  if (locking_ && locking_->For(rel.alias))
    throw Error(sqlstate::kFeatureNotSupported, locking_->Name() + " of a " + what + " is not supported yet").WithPosition(rv->location + 1);
  scope->Add(rel);
  return q.root;
}

}  // namespace tusk
