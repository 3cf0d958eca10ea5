#include "engine/ddl_util.hpp"
#include "security/object_privileges.hpp"

#include <optional>
#include <unordered_set>

#include "access/gin/gin.hpp"
#include "access/gin/posting_list.hpp"
#include "access/new_relation_writer.hpp"
#include "binder/binder.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/rowcodec.hpp"
#include "common/strings.hpp"
#include "engine/table_writer.hpp"
#include "parser/walk.hpp"
#include "types/text_io.hpp"

namespace tusk {

std::string OptionValueText(PgQuery__DefElem* d) {
  Node* a = d->arg;
  if (!a) return "true";
  if (a->node_case == PG_QUERY__NODE__NODE_INTEGER) return std::to_string(a->integer->ival);
  if (a->node_case == PG_QUERY__NODE__NODE_FLOAT) return a->float_->fval;
  if (a->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return a->boolean->boolval ? "true" : "false";
  if (a->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && a->type_name->n_names)  // a bare word
    return StrVal(a->type_name->names[a->type_name->n_names - 1]);
  return StrVal(a);
}

void Notice(ResultSink* sink, const std::string& message) {
  sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion, message, ""});
}

std::string CreationSchema(ExecState* st, const char* explicit_schema, int location) {
  if (explicit_schema && *explicit_schema) {
    if (!st->catalog->FindSchema(explicit_schema)) {
      Error e(sqlstate::kUndefinedSchema, "schema \"" + std::string(explicit_schema) + "\" does not exist");
      if (location >= 0) e.WithPosition(location + 1);
      throw e;
    }
    RequireCreateInSchema(st, explicit_schema, location);
    return explicit_schema;
  }
  for (const auto& s : st->session->SearchPath())
    if (st->catalog->FindSchema(s) && s != "pg_catalog") {
      RequireCreateInSchema(st, s);
      return s;
    }
  throw Error(sqlstate::kUndefinedSchema, "no schema has been selected to create in");
}

std::string ChooseRelationName(const Catalog& cat, const std::string& schema, const std::string& table,
                               const std::vector<std::string>& cols, const std::string& suffix) {
  std::string base = table;
  for (const auto& c : cols) base += "_" + c;
  for (int n = 0;; n++) {
    std::string s = suffix + (n ? std::to_string(n) : "");
    std::string name = base + "_" + s;
    if (name.size() > 63) name = base.substr(0, 63 - s.size() - 1) + "_" + s;
    if (!cat.FindRelation(schema, name, {})) return name;
  }
}

bool ExprMentions(const std::string& sql, const std::string& column) {
  std::unique_ptr<Script> holder;
  Node* e = ParseStoredExpr(sql, &holder);
  bool found = false;
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      auto* cr = n->column_ref;
      Node* last = cr->fields[cr->n_fields - 1];
      if (last->node_case == PG_QUERY__NODE__NODE_STRING && column == last->string->sval) found = true;
    }
    return true;
  };
  if (visit(e)) WalkNodes(&e->base, visit);
  return found;
}

std::string UniqueIndexColumnName(const std::vector<std::string>& taken, const std::string& name) {
  std::string candidate = name;
  for (int i = 1; std::find(taken.begin(), taken.end(), candidate) != taken.end(); i++) {
    const std::string suffix = std::to_string(i);
    candidate = name.substr(0, std::min(name.size(), 63 - suffix.size())) + suffix;
  }
  return candidate;
}

std::vector<std::string> IndexColumnNames(const TableDef& t, const IndexDef& index) {
  std::vector<std::string> names;
  for (const IndexColumn& ic : index.columns) {
    std::string name = "expr";
    if (ic.column >= 0) {
      name = t.columns[static_cast<size_t>(ic.column)].name;
    } else {
      std::unique_ptr<Script> holder;
      std::string figured = FigureColname(ParseStoredExpr(ic.expr_sql, &holder));
      if (figured != "?column?") name = figured;
    }
    names.push_back(UniqueIndexColumnName(names, name));
  }
  return names;
}

std::string ChooseConstraintName(const TableDef& t, const std::vector<std::string>& cols, const std::string& suffix) {
  std::string base = t.name;
  for (const auto& c : cols) base += "_" + c;
  for (int n = 0;; n++) {
    std::string s = suffix + (n ? std::to_string(n) : "");
    std::string name = base + "_" + s;
    if (name.size() > 63) name = base.substr(0, 63 - s.size() - 1) + "_" + s;
    bool taken = false;
    for (const auto& c : t.constraints) taken |= c.name == name;
    if (!taken) return name;
  }
}

std::vector<std::pair<std::string, Row>> ScanAll(ExecState* st, const TableDef* t) {
  SeqScanOp scan(t, "", true);
  EvalContext ctx;
  ctx.state = st;
  std::vector<std::pair<std::string, Row>> out;
  for (Row& r : RunToVector(&scan, &ctx)) {
    std::string k = r.back().s();
    r.pop_back();
    out.emplace_back(std::move(k), std::move(r));
  }
  return out;
}

void RekeyTable(ExecState* st, const TableDef& before, const TableDef& after) {
  auto rows = ScanAll(st, &before);
  ParamTypes params;
  ExecState s2 = *st;
  Planner planner(&s2, &params);
  TableAccess access(&s2, &after, planner.BindIndexes(after));
  for (auto& [k, r] : rows) CheckStatus(st->txn->Delete(k), "rekey");
  std::string v;
  for (auto& [k, r] : rows) {
    v.clear();
    EncodeRow(r, &v);
    WriteKey(st, access.MakeRowKey(r), v, "rekey");
  }
}

void BuildIndex(ExecState* st, const TableDef& t, const IndexDef& idx, IndexStorage storage) {
  ParamTypes params;
  Planner planner(st, &params);
  std::vector<BoundIndex> all = planner.BindIndexes(t);
  BoundIndex* bi = nullptr;
  for (auto& b : all) if (b.def->oid == idx.oid) bi = &b;
  if (!bi) return;
  SeqScanOp scan(&t, "", true);
  EvalContext ctx;
  ctx.state = st;
  scan.Open(&ctx);
  Row row;
  // The index's key space is new (its oid was just allocated) or emptied by REINDEX, and the
  // table's writers wait for this transaction (SHARE lock): duplicates can only be among the
  // keys this build makes, and no other transaction can ask for them, so they go without key
  // locks: into the write batch (WriteFreshKey), or for a new index maybe past the transaction.
  std::unordered_set<std::string> seen;
  std::optional<NewRelationWriter> fresh;
  if (storage == IndexStorage::kNew) fresh.emplace(st, idx.oid);
  auto write = [st, &fresh](const std::string& key, const std::string& value) {
    if (fresh) fresh->Put(key, value);
    else WriteFreshKey(st, key, value, "index build");
  };
  // A GIN index is built as posting lists: the scan meets rows in key order, so each entry's
  // rows come sorted and fill chunks of many rows, one key each.
  PostingListBuilder postings(write);
  while (scan.Next(&row)) {
    std::string tkey = row.back().s();
    row.pop_back();
    ctx.row = &row;
    if (bi->predicate && !IsTrue(bi->predicate->Eval(ctx))) continue;
    if (idx.am == "gin") {
      for (const std::string& entry : GinRowKeys(*bi, ctx)) postings.Add(entry, tkey);
      continue;
    }
    Row vals;
    bool unique_form;
    std::string key = EncodeIndexKey(*bi, ctx, &vals, &unique_form);
    if (unique_form) {
      if (!seen.insert(key).second) {
        std::string cols, text;
        for (size_t i = 0; i < vals.size(); i++) {
          if (i) { cols += ", "; text += ", "; }
          cols += bi->key_sql[i];
          text += vals[i].is_null() ? "null" : FormatText(bi->keys[i]->type, vals[i], st->dt);
        }
        throw Error(sqlstate::kUniqueViolation, "could not create unique index \"" + idx.name + "\"")
            .WithDetail("Key (" + cols + ")=(" + text + ") is duplicated.");
      }
    } else {
      key += tkey;
    }
    if (idx.primary) continue;  // the table itself is keyed by the primary key
    std::string value;
    AppendVarint(tkey.size(), &value);
    value += tkey;
    write(key, value);
  }
  postings.Flush();
  if (fresh) fresh->Finish();
}

namespace {
std::vector<std::string> ColumnNames(const TableDef& t, const std::vector<int>& cols) {
  std::vector<std::string> names;
  for (int c : cols) names.push_back(t.columns[static_cast<size_t>(c)].name);
  return names;
}

}  // namespace

void AddKeyConstraint(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::vector<int>& cols, bool build) {
  bool primary = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
  if (primary && t->pk_index)
    throw Error(sqlstate::kInvalidTableDefinition, "multiple primary keys for table \"" + t->name + "\" are not allowed").WithPosition(c->location + 1);
  if (c->n_including || (c->indexname && *c->indexname) || (c->indexspace && *c->indexspace))
    throw Error(sqlstate::kFeatureNotSupported, "this key constraint option is not supported yet");
  std::string name = c->conname && *c->conname ? c->conname
                     : primary ? ChooseRelationName(*cat, t->schema, t->name, {}, "pkey")
                               : ChooseRelationName(*cat, t->schema, t->name, ColumnNames(*t, cols), "key");
  if (cat->FindRelation(t->schema, name, {}))
    throw Error(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
  IndexDef idx;
  idx.oid = cat->AllocateOid();
  idx.table = t->oid;
  idx.name = name;
  idx.unique = true;
  idx.primary = primary;
  idx.nulls_not_distinct = c->nulls_not_distinct;
  for (int col : cols) {
    IndexColumn ic;
    ic.column = col;
    idx.columns.push_back(ic);
    if (primary) t->columns[static_cast<size_t>(col)].not_null = true;
  }
  ConstraintDef cd;
  cd.name = name;
  cd.kind = primary ? 'p' : 'u';
  cd.index = idx.oid;
  cd.columns = cols;
  TableDef before = *t;
  t->constraints.push_back(cd);
  t->indexes.push_back(idx.oid);
  if (primary) t->pk_index = idx.oid;
  cat->AddIndex(idx);
  if (build) {
    st->catalog = std::make_shared<Catalog>(*cat);
    if (primary) {
      // existing rows must be non-null in the key and are re-keyed by it
      std::vector<bool> has_null(cols.size());
      SeqScanOp scan(&before, "", false);
      EvalContext ctx;
      ctx.state = st;
      scan.Open(&ctx);
      Row r;
      while (scan.Next(&r))
        for (size_t i = 0; i < cols.size(); i++) has_null[i] = has_null[i] || r[static_cast<size_t>(cols[i])].is_null();
      for (size_t i = 0; i < cols.size(); i++)
        if (has_null[i])
          throw Error(sqlstate::kNotNullViolation, "column \"" + t->columns[static_cast<size_t>(cols[i])].name + "\" of relation \"" + t->name + "\" contains null values");
    }
    BuildIndex(st, *st->catalog->FindTable(t->oid), idx, IndexStorage::kNew);
    if (primary) RekeyTable(st, before, *st->catalog->FindTable(t->oid));
  }
}

namespace {
// The columns a CHECK expression mentions, in order of appearance (for its default name).
std::vector<std::string> ReferencedColumns(Node* expr) {
  std::vector<std::string> out;
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      auto* cr = n->column_ref;
      Node* last = cr->fields[cr->n_fields - 1];
      if (last->node_case == PG_QUERY__NODE__NODE_STRING) {
        std::string name = last->string->sval;
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
      }
    }
    return true;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
  return out;
}
}  // namespace

void AddCheckConstraint(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::string& column, bool validate) {
  Node* expr = c->raw_expr;
  // Validate the expression against the table.
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.catalog = std::make_shared<Catalog>(*cat);
  Planner planner(&bind_state, &params);
  Scope scope;
  scope.Add(planner.TableScopeRel(t, t->name));
  planner.binder().set_clause("check constraints");
  ExprP e = planner.binder().CoerceToBool(planner.binder().Bind(expr, scope), "CHECK", -1);
  std::vector<std::string> cols;
  if (!column.empty()) cols.push_back(column);
  else {
    auto refs = ReferencedColumns(expr);
    if (!refs.empty()) cols.push_back(refs[0]);
  }
  std::string name = c->conname && *c->conname ? c->conname : ChooseConstraintName(*t, cols, "check");
  for (const auto& existing : t->constraints)
    if (existing.name == name)
      throw Error(sqlstate::kDuplicateObject, "constraint \"" + name + "\" for relation \"" + t->name + "\" already exists");
  ConstraintDef cd;
  cd.name = name;
  cd.kind = 'c';
  cd.check_sql = DeparseExpr(expr);
  if (validate && !c->skip_validation) {
    SeqScanOp scan(t, "", false);
    EvalContext ctx;
    ctx.state = &bind_state;
    scan.Open(&ctx);
    Row r;
    while (scan.Next(&r)) {
      ctx.row = &r;
      Value v = e->Eval(ctx);
      if (!v.is_null() && !v.b())
        throw Error(sqlstate::kCheckViolation, "check constraint \"" + name + "\" of relation \"" + t->name + "\" is violated by some row");
    }
  }
  t->constraints.push_back(cd);
}

std::pair<RelKind, uint32_t> ResolveRelation(ExecState* st, PgQuery__RangeVar* rv) {
  std::string schema = rv->schemaname ? rv->schemaname : "";
  std::string name = rv->relname;
  auto rel = st->catalog->FindRelation(schema, name, st->session->SearchPath());
  if (!rel) throw Error(sqlstate::kUndefinedTable, "relation \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist");
  if (rel->first == RelKind::kComposite) throw Error(sqlstate::kWrongObjectType, "\"" + name + "\" is a composite type");
  return *rel;
}

void AddForeignKey(ExecState* st, Catalog* cat, TableDef* t, PgQuery__Constraint* c, const std::vector<int>& cols, bool validate) {
  auto* rv = c->pktable;
  std::string schema = rv->schemaname ? rv->schemaname : "";
  auto rel = cat->FindRelation(schema, rv->relname, st->session->SearchPath());
  if (!rel && !(schema.empty() && std::string(rv->relname) == t->name))
    throw Error(sqlstate::kUndefinedTable, "relation \"" + std::string(rv->relname) + "\" does not exist");
  TableDef* parent = rel ? cat->MutableTable(rel->second) : t;
  if (parent && parent->composite) parent = nullptr;
  if (!parent) throw Error(sqlstate::kWrongObjectType, "referenced relation \"" + std::string(rv->relname) + "\" is not a table");
  if (parent != t) RequireRelationPrivileges(st, parent->oid, privilege::kReferences);
  std::vector<int> ref_cols;
  if (c->n_pk_attrs == 0) {
    if (!parent->pk_index)
      throw Error(sqlstate::kInvalidForeignKey, "there is no primary key for referenced table \"" + parent->name + "\"");
    for (const auto& ic : cat->FindIndex(parent->pk_index)->columns) ref_cols.push_back(ic.column);
  } else {
    for (size_t i = 0; i < c->n_pk_attrs; i++) {
      std::string n = StrVal(c->pk_attrs[i]);
      int col = parent->FindColumn(n);
      if (col < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + n + "\" referenced in foreign key constraint does not exist");
      ref_cols.push_back(col);
    }
  }
  if (ref_cols.size() != cols.size())
    throw Error(sqlstate::kInvalidForeignKey, "number of referencing and referenced columns for foreign key disagree");
  // The referenced columns need a unique index (in any column order).
  bool has_unique = false;
  for (uint32_t io : parent->indexes) {
    const IndexDef* idx = cat->FindIndex(io);
    if (!idx || !idx->unique || !idx->where_sql.empty() || idx->columns.size() != ref_cols.size()) continue;
    std::vector<int> a, b = ref_cols;
    for (const auto& ic : idx->columns) a.push_back(ic.column);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) {
      has_unique = true;
      // store ref columns in index order so lookups encode keys in the right order
      std::vector<int> ordered_ref, ordered_cols;
      for (const auto& ic : idx->columns) {
        size_t pos = static_cast<size_t>(std::find(ref_cols.begin(), ref_cols.end(), ic.column) - ref_cols.begin());
        ordered_ref.push_back(ic.column);
        ordered_cols.push_back(cols[pos]);
      }
      ref_cols = ordered_ref;
      const_cast<std::vector<int>&>(cols) = ordered_cols;
      break;
    }
  }
  if (!has_unique)
    throw Error(sqlstate::kInvalidForeignKey, "there is no unique constraint matching given keys for referenced table \"" + parent->name + "\"");
  std::vector<std::string> names;
  for (int col : cols) names.push_back(t->columns[static_cast<size_t>(col)].name);
  std::string name = c->conname && *c->conname ? c->conname : ChooseConstraintName(*t, names, "fkey");
  for (size_t i = 0; i < cols.size(); i++) {
    const Type& a = t->columns[static_cast<size_t>(cols[i])].type;
    const Type& b = parent->columns[static_cast<size_t>(ref_cols[i])].type;
    if (!(a == b) && !CanCast(a, b, CastContext::kImplicit) && !CanCast(b, a, CastContext::kImplicit))
      throw Error(sqlstate::kDatatypeMismatch, "foreign key constraint \"" + name + "\" cannot be implemented")
          .WithDetail("Key columns \"" + t->columns[static_cast<size_t>(cols[i])].name + "\" and \"" + parent->columns[static_cast<size_t>(ref_cols[i])].name +
                      "\" are of incompatible types: " + TypeName(a) + " and " + TypeName(b) + ".");
  }
  auto action = [](const std::string& a) {
    switch (a.empty() ? 'a' : a[0]) {
      case 'r': return FkAction::kRestrict;
      case 'c': return FkAction::kCascade;
      case 'n': return FkAction::kSetNull;
      case 'd': return FkAction::kSetDefault;
      default: return FkAction::kNoAction;
    }
  };
  if (c->fk_matchtype && std::string(c->fk_matchtype) == "f")
    throw Error(sqlstate::kFeatureNotSupported, "MATCH FULL is not supported yet");
  ConstraintDef cd;
  cd.name = name;
  cd.kind = 'f';
  cd.columns = cols;
  cd.ref_table = parent->oid;
  cd.ref_columns = ref_cols;
  cd.on_delete = action(c->fk_del_action ? c->fk_del_action : "");
  cd.on_update = action(c->fk_upd_action ? c->fk_upd_action : "");
  for (const auto& existing : t->constraints)
    if (existing.name == name)
      throw Error(sqlstate::kDuplicateObject, "constraint \"" + name + "\" for relation \"" + t->name + "\" already exists");
  t->constraints.push_back(cd);
  if (validate && !c->skip_validation) {
    ExecState vs = *st;
    vs.catalog = std::make_shared<Catalog>(*cat);
    ParamTypes params;
    Planner planner(&vs, &params);
    const TableDef* tt = vs.catalog->FindTable(t->oid);
    TableWriter writer(&planner, tt);
    SeqScanOp scan(tt, "", false);
    EvalContext ctx;
    ctx.state = &vs;
    scan.Open(&ctx);
    Row r;
    while (scan.Next(&r)) writer.CheckRow(r, nullptr);
  }
}

void CheckDefaultExpression(Node* expr) {
  int at = -1;
  auto visit = [&](Node* n) {
    if (at < 0 && n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) at = n->column_ref->location;
    return n->node_case != PG_QUERY__NODE__NODE_SUB_LINK;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
  if (at >= 0)
    throw Error(sqlstate::kInvalidColumnReference, "cannot use column reference in DEFAULT expression").WithPosition(at + 1);
}

SequenceDef AddColumnSequence(Catalog* cat, const std::string& schema, const std::string& table, const ColumnDef& col,
                              uint32_t table_oid, int position, PgQuery__Constraint* identity) {
  SequenceDef seq;
  seq.oid = cat->AllocateOid();
  seq.schema = schema;
  seq.name = ChooseRelationName(*cat, schema, table, {col.name}, "seq");
  seq.type = col.type.id;
  seq.max = col.type.id == oid::kInt2 ? 32767 : col.type.id == oid::kInt4 ? 2147483647 : INT64_MAX;
  seq.owner_table = table_oid;
  seq.owner_column = position;
  if (identity) {
    for (size_t i = 0; i < identity->n_options; i++) {
      auto* d = identity->options[i]->def_elem;
      std::string opt = d->defname;
      auto num = [&]() -> int64_t {
        Node* a = d->arg;
        if (a && a->node_case == PG_QUERY__NODE__NODE_INTEGER) return a->integer->ival;
        if (a && a->node_case == PG_QUERY__NODE__NODE_FLOAT) return std::stoll(a->float_->fval);
        return 0;
      };
      if (opt == "start") seq.start = num();
      else if (opt == "increment") seq.increment = num();
      else if (opt == "minvalue") { if (d->arg) seq.min = num(); }  // NO MINVALUE: the default
      else if (opt == "maxvalue") { if (d->arg) seq.max = num(); }
      else if (opt == "cache") seq.cache = num();
      else if (opt == "cycle") seq.cycle = true;
      else if (opt == "sequence_name") {  // SEQUENCE NAME [schema.]name, as pg_dump writes it
        auto* names = d->arg->list;
        seq.name = StrVal(names->items[names->n_items - 1]);
        if (names->n_items > 1) seq.schema = StrVal(names->items[names->n_items - 2]);
        if (cat->FindRelation(seq.schema, seq.name, {}))
          throw Error(sqlstate::kDuplicateTable, "relation \"" + seq.name + "\" already exists");
      }
    }
    if (seq.increment < 0) {
      if (seq.max == INT64_MAX || seq.max == 2147483647 || seq.max == 32767) seq.max = -1;
      seq.min = col.type.id == oid::kInt2 ? -32768 : col.type.id == oid::kInt4 ? INT32_MIN : INT64_MIN;
      seq.start = seq.max;
    }
  }
  // a serial's sequence belongs to its table's owner (a table being created: set with it)
  if (const TableDef* owner = cat->FindTable(seq.owner_table)) seq.security.owner = owner->security.owner;
  cat->AddSequence(seq);
  return seq;
}

void CheckStorableType(const Type& t, const std::string& column) {
  const BuiltinTypeInfo* b = FindBuiltinType(t.id);
  if (b && b->typtype == 'p' && t.id != oid::kUnknown)
    throw Error(sqlstate::kInvalidTableDefinition, "column \"" + column + "\" has pseudo-type " + TypeName(t));
  // a named row type (CREATE TYPE ... AS, a table's) is stored field by field; `record` is a pseudo-type
  if (t.record && !t.record->type_oid)
    throw Error(sqlstate::kInvalidTableDefinition, "column \"" + column + "\" has pseudo-type " + TypeName(t));
}

std::string CheckedDefaultSql(Planner& planner, const ColumnDef& col, Node* expr) {
  CheckDefaultExpression(expr);
  Scope empty;
  planner.binder().set_clause("DEFAULT expressions");
  ExprP e = planner.binder().Bind(expr, empty);
  planner.binder().Coerce(e, col.type, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
  planner.binder().set_clause("WHERE");
  return DeparseExpr(expr);
}

ColumnDef BuildColumn(ExecState* st, Catalog* cat, const std::string& schema, const std::string& table,
                      PgQuery__ColumnDef* def, uint32_t table_oid, int position,
                      std::vector<PgQuery__Constraint*>* deferred) {
  ColumnDef col;
  col.name = def->colname;
  auto* tn = def->type_name;
  std::string tname = tn->n_names ? StrVal(tn->names[tn->n_names - 1]) : "";
  bool serial = (tn->n_names == 1 || (tn->n_names == 2 && StrVal(tn->names[0]) == "pg_catalog")) &&
                (tname == "serial" || tname == "serial4" || tname == "bigserial" || tname == "serial8" ||
                 tname == "smallserial" || tname == "serial2") && tn->n_array_bounds == 0;
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.catalog = std::make_shared<Catalog>(*cat);
  Planner planner(&bind_state, &params);
  if (serial) {
    col.type = Type(tname == "bigserial" || tname == "serial8" ? oid::kInt8 : tname == "smallserial" || tname == "serial2" ? oid::kInt2 : oid::kInt4);
  } else {
    col.type = planner.binder().ResolveType(tn);
    CheckStorableType(col.type, col.name);
  }
  auto make_sequence = [&](PgQuery__Constraint* identity) {
    return AddColumnSequence(cat, schema, table, col, table_oid, position, identity);
  };
  if (serial) {
    SequenceDef seq = make_sequence(nullptr);
    // Qualified, so that the default finds its sequence whatever search_path is when it runs
    // (PostgreSQL keeps the sequence's OID); pg_get_expr prints it as search_path shows it.
    col.default_sql = "nextval(" + QuoteLiteral(QuoteIdent(schema) + "." + QuoteIdent(seq.name)) + "::regclass)";
    col.not_null = true;
  }
  bool saw_default = false, saw_identity = false, saw_generated = false;
  for (size_t i = 0; i < def->n_constraints; i++) {
    auto* c = def->constraints[i]->constraint;
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: col.not_null = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        if (col.not_null && !serial)
          throw Error(sqlstate::kSyntaxError, "conflicting NULL/NOT NULL declarations for column \"" + col.name + "\" of table \"" + table + "\"").WithPosition(c->location + 1);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
        if (serial) throw Error(sqlstate::kSyntaxError, "multiple default values specified for column \"" + col.name + "\" of table \"" + table + "\"").WithPosition(c->location + 1);
        col.default_sql = CheckedDefaultSql(planner, col, c->raw_expr);
        saw_default = true;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: {
        if (!IsIntegerType(col.type.id) || col.type.array)
          throw Error(sqlstate::kInvalidParameterValue, "identity column type must be smallint, integer, or bigint");
        col.identity = c->generated_when && c->generated_when[0] == 'a' ? 'a' : 'd';
        col.not_null = true;
        make_sequence(c);
        saw_identity = true;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        // Checked by the caller once the table has all its columns (CheckGenerationExpression).
        if (saw_generated)
          ThrowAt(sqlstate::kSyntaxError, "multiple generation clauses specified for column \"" + col.name + "\" of table \"" + table + "\"", c->location);
        col.generated = 's';
        col.default_sql = DeparseExpr(c->raw_expr);
        saw_generated = true;
        deferred->push_back(c);
        break;
      default:
        deferred->push_back(c);
    }
    auto both = [&](const char* what) {
      ThrowAt(sqlstate::kSyntaxError, std::string("both ") + what + " specified for column \"" + col.name + "\" of table \"" + table + "\"", c->location);
    };
    if (saw_default && saw_generated) both("default and generation expression");
    if (saw_identity && saw_generated) both("identity and generation expression");
  }
  return col;
}

}  // namespace tusk
