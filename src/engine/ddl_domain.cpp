// CREATE DOMAIN, ALTER DOMAIN, DROP DOMAIN and the renames of a domain and its constraints,
// with PostgreSQL 15's checks and messages (commands/typecmds.c). A domain's definition lives in
// the catalog (types/domain.hpp); ALTER DOMAIN puts a new version in place (Catalog::ReplaceDomain).
#include <algorithm>
#include <functional>

#include "access/scans.hpp"
#include "common/error.hpp"
#include "engine/ddl_domain.hpp"
#include "views/dependencies.hpp"
#include "engine/ddl_util.hpp"
#include "catalog/system/catalogs.hpp"
#include "execution/domain_check.hpp"
#include "parser/parser.hpp"
#include "parser/walk.hpp"

namespace tusk {

namespace {

struct QualifiedName {
  std::string schema, name;
  std::string Shown() const { return schema.empty() ? name : schema + "." + name; }
};

QualifiedName NameOf(Node** items, size_t n) {
  QualifiedName q;
  if (n == 0) return q;
  q.name = StrVal(items[n - 1]);
  if (n > 1) q.schema = StrVal(items[n - 2]);
  return q;
}

// The domain a statement names; 42704 when there is no such type, 42809 when it is no domain.
std::shared_ptr<const DomainDef> ResolveDomain(ExecState* st, const QualifiedName& q) {
  if (auto d = st->catalog->FindDomain(q.schema, q.name, st->session->SearchPath())) {
    if (d->oid < oid::kFirstUserOid)
      throw Error(sqlstate::kFeatureNotSupported, "changing information_schema's domain " + d->name + " is not supported");
    return d;
  }
  if (st->catalog->FindEnum(q.schema, q.name, st->session->SearchPath()) || (q.schema.empty() && BuiltinTypeByName(q.name)))
    throw Error(sqlstate::kWrongObjectType, q.name + " is not a domain");
  throw Error(sqlstate::kUndefinedObject, "type \"" + q.Shown() + "\" does not exist");
}

// Whether values of `t` are (at some level) of domain `oid`: 0 the value itself, 1 its
// elements (an array of the domain), -1 not at all.
int DomainUse(const Type& t, uint32_t oid) {
  for (Type x = t; x.domain; x = DomainBase(x))
    if (x.domain->oid == oid) return IsArrayOfDomain(x) ? 1 : 0;
  return -1;
}

bool NameTakenInSchema(const Catalog& cat, const std::string& schema, const std::string& name) {
  for (const auto& [o, d] : cat.domains())
    if (d->schema == schema)
      for (const auto& c : d->checks)
        if (c.name == name) return true;
  for (const auto& [o, t] : cat.tables())
    if (t.schema == schema)
      for (const auto& c : t.constraints)
        if (c.name == name) return true;
  return false;
}

// PostgreSQL's ChooseConstraintName(domain, NULL, "check", namespace): <domain>_check, then
// <domain>_check1, ... until no constraint of the schema has the name.
std::string ChooseDomainCheckName(const Catalog& cat, const DomainDef& d) {
  std::string base = d.name.substr(0, 63 - 6) + "_check";
  std::string name = base;
  for (int n = 1; NameTakenInSchema(cat, d.schema, name); n++) name = base + std::to_string(n);
  return name;
}

// Validates a CHECK (expression over VALUE) and adds it to `d`.
void AddCheck(ExecState* st, Catalog* cat, DomainDef* d, PgQuery__Constraint* c) {
  if (c->is_no_inherit)
    throw Error(sqlstate::kInvalidObjectDefinition, "check constraints for domains cannot be marked NO INHERIT");
  std::string name;
  if (c->conname && *c->conname) {
    name = c->conname;
    if (d->FindCheck(name) >= 0)
      throw Error(sqlstate::kDuplicateObject, "constraint \"" + name + "\" for domain \"" + d->name + "\" already exists");
  } else {
    name = ChooseDomainCheckName(*cat, *d);
  }
  Node* expr = c->raw_expr;
  bool subquery = false;
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK) subquery = true;
    return true;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
  if (subquery) throw Error(sqlstate::kFeatureNotSupported, "cannot use subquery in check constraint");
  std::string sql = DeparseExpr(expr);
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.catalog = std::make_shared<Catalog>(*cat);
  Planner planner(&bind_state, &params);
  try {
    planner.binder().BindDomainCheck(sql, DomainValueType(*d), d->schema);
  } catch (Error& e) {
    e.ClearPosition();  // PostgreSQL reports a domain CHECK's errors without a position
    throw;
  }
  d->checks.push_back({cat->AllocateOid(), name, sql, !c->skip_validation});
}

// DEFAULT expr: no column references, and of a type that assigns to the base type.
std::string CheckedDefault(ExecState* st, const DomainDef& d, Node* expr) {
  CheckDefaultExpression(expr);
  ParamTypes params;
  Planner planner(st, &params);
  Scope none;
  try {
    planner.binder().Coerce(planner.binder().Bind(expr, none), BaseTypeOf(d.base), CastContext::kAssignment, -1);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
  return DeparseExpr(expr);
}

void RejectTableOnlyConstraint(PgQuery__Constraint* c) {
  switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: throw Error(sqlstate::kSyntaxError, "unique constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: throw Error(sqlstate::kSyntaxError, "primary key constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: throw Error(sqlstate::kSyntaxError, "exclusion constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: throw Error(sqlstate::kSyntaxError, "foreign key constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
      throw Error(sqlstate::kFeatureNotSupported, "specifying constraint deferrability not supported for domains");
    default: break;
  }
}

void CreateDomain(PgQuery__CreateDomainStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  QualifiedName q = NameOf(stmt->domainname, stmt->n_domainname);
  auto d = std::make_shared<DomainDef>();
  d->schema = CreationSchema(st, q.schema.empty() ? nullptr : q.schema.c_str());
  d->name = q.name;
  if (cat->FindDomain(d->schema, d->name, {}) || cat->FindEnum(d->schema, d->name, {}) ||
      (d->schema == "pg_catalog" && BuiltinTypeByName(d->name)) || cat->FindRelation(d->schema, d->name, {}))
    throw Error(sqlstate::kDuplicateObject, "type \"" + d->name + "\" already exists");
  {
    ParamTypes params;
    Planner planner(st, &params);
    try {
      d->base = planner.binder().ResolveType(stmt->type_name);
    } catch (Error& e) {
      e.ClearPosition();
      throw;
    }
  }
  const BuiltinTypeInfo* info = d->base.array || d->base.domain || d->base.enumdef ? nullptr : FindBuiltinType(d->base.id);
  if (info && info->typtype == 'p')
    throw Error(sqlstate::kDatatypeMismatch, "\"" + NameListToString(stmt->type_name->names, stmt->type_name->n_names) + "\" is not a valid base type for a domain");
  if (stmt->coll_clause) {
    std::string coll = NameListToString(stmt->coll_clause->collname, stmt->coll_clause->n_collname);
    if (coll.rfind("pg_catalog.", 0) == 0) coll = coll.substr(11);  // the collations live there (pg_dump qualifies them)
    if (CollationOf(BaseTypeOf(d->base)) == 0)
      throw Error(sqlstate::kDatatypeMismatch, "collations are not supported by type " + TypeName(BaseTypeOf(d->base)));
    if (!CollationOidByName(coll))
      throw Error(sqlstate::kUndefinedObject, "collation \"" + coll + "\" for encoding \"UTF8\" does not exist");
    d->collation = coll;
  }
  d->oid = cat->AllocateOid();
  d->array_oid = cat->AllocateOid();
  if (d->base.domain) d->default_sql = d->base.domain->default_sql;  // inherited, as PostgreSQL does
  bool saw_default = false, saw_null = false, saw_not_null = false;
  for (size_t i = 0; i < stmt->n_constraints; i++) {
    auto* c = stmt->constraints[i]->constraint;
    RejectTableOnlyConstraint(c);
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        if (saw_default) throw Error(sqlstate::kSyntaxError, "multiple default expressions");
        saw_default = true;
        d->default_sql = CheckedDefault(st, *d, c->raw_expr);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        if (saw_null) throw Error(sqlstate::kSyntaxError, "conflicting NULL/NOT NULL constraints");
        saw_not_null = true;
        d->not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        if (saw_not_null) throw Error(sqlstate::kSyntaxError, "conflicting NULL/NOT NULL constraints");
        saw_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        AddCheck(st, cat, d.get(), c);
        break;
      default:
        throw Error(sqlstate::kFeatureNotSupported, "this constraint is not supported for domains");
    }
  }
  cat->AddDomain(d);
  sink->Complete("CREATE DOMAIN");
}

// Every live column whose values are (at some level) of the domain, with how (DomainUse).
struct ColumnUse {
  const TableDef* table;
  size_t column;
  int how;
};
std::vector<ColumnUse> ColumnsUsing(const Catalog& cat, uint32_t domain) {
  std::vector<ColumnUse> out;
  for (const auto& [o, t] : cat.tables())
    for (size_t i = 0; i < t.columns.size(); i++) {
      if (t.columns[i].dropped) continue;
      int how = DomainUse(t.columns[i].type, domain);
      if (how >= 0) out.push_back({&t, i, how});
    }
  return out;
}

// Checks the stored values of every column of the domain with `check` (each value, or each
// element of an array of the domain).
void CheckStoredValues(ExecState* st, Catalog* cat, uint32_t domain, const std::function<void(const Value&, const ColumnUse&)>& check) {
  ExecState scan_state = *st;
  scan_state.catalog = std::make_shared<Catalog>(*cat);
  for (const ColumnUse& use : ColumnsUsing(*scan_state.catalog, domain)) {
    SeqScanOp scan(use.table, "", false);
    EvalContext ctx;
    ctx.state = &scan_state;
    scan.Open(&ctx);
    Row r;
    while (scan.Next(&r)) {
      const Value& v = r[use.column];
      if (use.how == 1 && !v.is_null()) {
        for (const Value& e : v.arr()) check(e, use);
      } else {
        check(v, use);
      }
    }
  }
}

// Fails with PostgreSQL's message when a stored value does not satisfy the CHECK.
void ValidateCheck(ExecState* st, Catalog* cat, const DomainDef& d, const DomainCheck& c) {
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.catalog = std::make_shared<Catalog>(*cat);
  Planner planner(&bind_state, &params);
  ExprP e = planner.binder().BindDomainCheck(c.check_sql, DomainValueType(d), d.schema);
  CheckStoredValues(st, cat, d.oid, [&](const Value& v, const ColumnUse& use) {
    Row row{v};
    EvalContext ctx;
    ctx.row = &row;
    ctx.state = &bind_state;
    Value ok = e->Eval(ctx);
    if (!ok.is_null() && !ok.b())
      throw Error(sqlstate::kCheckViolation, "column \"" + use.table->columns[use.column].name + "\" of table \"" + use.table->name +
                                                 "\" contains values that violate the new constraint");
  });
}

void AlterDomain(PgQuery__AlterDomainStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  QualifiedName q = NameOf(stmt->type_name, stmt->n_type_name);
  auto nd = std::make_shared<DomainDef>(*ResolveDomain(st, q));
  switch (stmt->subtype[0]) {
    case 'T':  // SET DEFAULT / DROP DEFAULT
      nd->default_sql = stmt->def ? CheckedDefault(st, *nd, stmt->def) : "";
      break;
    case 'N':  // DROP NOT NULL
      nd->not_null = false;
      break;
    case 'O':  // SET NOT NULL
      if (!nd->not_null) {
        CheckStoredValues(st, cat, nd->oid, [&](const Value& v, const ColumnUse& use) {
          if (v.is_null())
            throw Error(sqlstate::kNotNullViolation, "column \"" + use.table->columns[use.column].name + "\" of table \"" +
                                                         use.table->name + "\" contains null values");
        });
      }
      nd->not_null = true;
      break;
    case 'C': {  // ADD CONSTRAINT
      auto* c = stmt->def->constraint;
      RejectTableOnlyConstraint(c);
      if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL || c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NULL)
        throw Error(sqlstate::kSyntaxError, "use ALTER DOMAIN .. [ SET | DROP ] NOT NULL instead");
      if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        throw Error(sqlstate::kFeatureNotSupported, "this constraint is not supported for domains");
      AddCheck(st, cat, nd.get(), c);
      if (nd->checks.back().validated) ValidateCheck(st, cat, *nd, nd->checks.back());
      break;
    }
    case 'X': {  // DROP CONSTRAINT
      int i = nd->FindCheck(stmt->name);
      if (i < 0) {
        if (stmt->missing_ok) {
          Notice(sink, "constraint \"" + std::string(stmt->name) + "\" of domain \"" + nd->name + "\" does not exist, skipping");
          break;
        }
        throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(stmt->name) + "\" of domain \"" + nd->name + "\" does not exist");
      }
      nd->checks.erase(nd->checks.begin() + i);
      break;
    }
    case 'V': {  // VALIDATE CONSTRAINT
      int i = nd->FindCheck(stmt->name);
      if (i < 0)
        throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(stmt->name) + "\" of domain \"" + nd->name + "\" does not exist");
      DomainCheck& c = nd->checks[static_cast<size_t>(i)];
      if (!c.validated) ValidateCheck(st, cat, *nd, c);
      c.validated = true;
      break;
    }
    default:
      throw Error(sqlstate::kFeatureNotSupported, "this ALTER DOMAIN is not supported");
  }
  cat->ReplaceDomain(nd);
  sink->Complete("ALTER DOMAIN");
}

// What depends on a domain, as DROP lists it: the domains over it (and what depends on them),
// then the columns of its type.
void CollectDependents(const Catalog& cat, const DomainDef& d, std::vector<std::string>* lines,
                       std::vector<uint32_t>* domains, bool* columns) {
  for (const auto& [o, other] : cat.domains())
    if (other->base.domain && other->base.domain->oid == d.oid) {
      lines->push_back("type " + other->name + " depends on type " + d.name);
      domains->push_back(other->oid);
      CollectDependents(cat, *other, lines, domains, columns);
    }
  for (const auto& [o, t] : cat.tables())
    for (const auto& c : t.columns) {
      if (c.dropped || !c.type.domain || c.type.domain->oid != d.oid) continue;
      lines->push_back("column " + c.name + " of table " + t.name + " depends on type " + (IsArrayOfDomain(c.type) ? d.name + "[]" : d.name));
      *columns = true;
    }
}

}  // namespace

bool DropDomain(PgQuery__DropStmt* stmt, Node* object, ExecState* st, ResultSink* sink, bool domain_only) {
  Catalog* cat = st->session->MutableCatalog(st);
  QualifiedName q;
  if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) q = NameOf(object->type_name->names, object->type_name->n_names);
  else if (object->node_case == PG_QUERY__NODE__NODE_LIST) q = NameOf(object->list->items, object->list->n_items);
  auto d = cat->FindDomain(q.schema, q.name, st->session->SearchPath());
  if (d && d->oid < oid::kFirstUserOid)
    throw Error(sqlstate::kFeatureNotSupported, "dropping information_schema's domain " + d->name + " is not supported");
  if (!d) {
    if (!domain_only) return false;  // DROP TYPE: an enum, or no such type
    if (cat->FindEnum(q.schema, q.name, st->session->SearchPath()))
      throw Error(sqlstate::kWrongObjectType, "\"" + q.name + "\" is not a domain");
    if (stmt->missing_ok) {
      Notice(sink, "type \"" + q.Shown() + "\" does not exist, skipping");
      return true;
    }
    throw Error(sqlstate::kUndefinedObject, "type \"" + q.Shown() + "\" does not exist");
  }
  std::vector<std::string> lines;
  std::vector<uint32_t> domains;
  bool columns = false;
  CollectDependents(*cat, *d, &lines, &domains, &columns);
  if (!lines.empty()) {
    std::string detail;
    for (const auto& l : lines) detail += (detail.empty() ? "" : "\n") + l;
    if (stmt->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
      throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop type " + d->name + " because other objects depend on it")
          .WithDetail(detail).WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
    if (columns) throw Error(sqlstate::kFeatureNotSupported, "DROP DOMAIN ... CASCADE with dependent columns is not supported yet");
    if (lines.size() == 1) {
      Notice(sink, "drop cascades to " + lines[0].substr(0, lines[0].find(" depends on ")));
    } else {
      std::string cascades;
      for (const auto& l : lines) cascades += (cascades.empty() ? "" : "\n") + ("drop cascades to " + l.substr(0, l.find(" depends on ")));
      sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion, "drop cascades to " + std::to_string(lines.size()) + " other objects", cascades});
    }
    for (uint32_t o : domains) cat->DropDomain(o);
  }
  {  // views whose queries name the domain
    auto without = std::make_shared<Catalog>(*cat);
    without->DropDomain(d->oid);
    Dependents views;
    AddViewsBrokenBy(st, *cat, without, "type " + d->name, &views);
    DropDependents(st, cat, "type " + d->name, views, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE, sink);
  }
  cat->DropDomain(d->oid);
  for (auto it = cat->comments().begin(); it != cat->comments().end();) {
    auto key = (it++)->first;
    if (std::get<0>(key) == class_oid::kPgType && std::get<1>(key) == d->oid) cat->SetComment(key, "");
  }
  return true;
}

bool RenameDomain(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  const bool constraint = stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT;
  if (stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN && !constraint) return false;
  Catalog* cat = st->session->MutableCatalog(st);
  Node* obj = stmt->object;
  QualifiedName q;
  if (obj->node_case == PG_QUERY__NODE__NODE_LIST) q = NameOf(obj->list->items, obj->list->n_items);
  else if (obj->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) q = NameOf(obj->type_name->names, obj->type_name->n_names);
  auto nd = std::make_shared<DomainDef>(*ResolveDomain(st, q));
  std::string newname = stmt->newname;
  if (constraint) {
    int i = nd->FindCheck(stmt->subname);
    if (i < 0)
      throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(stmt->subname) + "\" for domain " + nd->name + " does not exist");
    if (nd->FindCheck(newname) >= 0)
      throw Error(sqlstate::kDuplicateObject, "constraint \"" + newname + "\" for domain \"" + nd->name + "\" already exists");
    nd->checks[static_cast<size_t>(i)].name = newname;
  } else {
    if (cat->FindDomain(nd->schema, newname, {}) || cat->FindEnum(nd->schema, newname, {}) || cat->FindRelation(nd->schema, newname, {}))
      throw Error(sqlstate::kDuplicateObject, "type \"" + newname + "\" already exists");
    nd->name = newname;
  }
  cat->ReplaceDomain(nd);
  sink->Complete("ALTER DOMAIN");
  return true;
}

bool ExecuteDomainDdl(Node* stmt, ExecState* st, ResultSink* sink) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: CreateDomain(stmt->create_domain_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: AlterDomain(stmt->alter_domain_stmt, st, sink); return true;
    default: return false;
  }
}

}  // namespace tusk
