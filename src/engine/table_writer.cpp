#include "engine/table_writer.hpp"

#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "partition/key_parts.hpp"
#include "partition/maintenance.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/referenced_keys.hpp"
#include "partition/routing.hpp"
#include "types/compare.hpp"
#include "types/domain.hpp"
#include "types/text_io.hpp"
#include "triggers/trigger_runner.hpp"

namespace tusk {

TableWriter::TableWriter(Planner* planner, const TableDef* table) : planner_(planner), table_(table) {
  access_ = std::make_unique<TableAccess>(planner->state(), table, planner->BindIndexes(*table));
  if (!table->triggers.empty()) triggers_ = std::make_unique<TriggerRunner>(planner, table);
  if (table->partition_key) {
    router_ = std::make_unique<PartitionRouter>(*planner->state()->catalog, *table, &Keys());
    const Catalog& cat = *planner->state()->catalog;
    std::vector<const TableDef*> pending{table};
    for (size_t k = 0; k < pending.size(); k++) {
      scheduled_ |= pending[k]->partition_schedule != nullptr;
      for (uint32_t p : PartitionsOf(cat, pending[k]->oid))
        if (cat.FindTable(p)->partition_key) pending.push_back(cat.FindTable(p));
    }
  }
  defaults_.resize(table->columns.size());
  defaults_bound_.assign(table->columns.size(), false);
  Scope scope;
  scope.Add(planner->TableScopeRel(table, table->name));
  for (size_t i = 0; i < table->columns.size(); i++) {
    const ColumnDef& col = table->columns[i];
    if (!col.generated || col.dropped) continue;
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(col.default_sql, &holder);
    generated_.emplace_back(i, planner->binder().Coerce(planner->binder().BindStored(e, scope, table->schema), col.type,
                                                        CastContext::kAssignment, -1, "column \"" + col.name + "\""));
    holders_.push_back(std::move(holder));
  }
}

TableWriter::~TableWriter() = default;

// Bound when a row is first checked: a writer made for a foreign key's lookup in the referenced
// table checks no row of it.
void TableWriter::BindChecks() {
  checks_bound_ = true;
  Scope scope;
  scope.Add(planner_->TableScopeRel(table_, table_->name));
  for (const auto& c : table_->constraints) {
    if (c.kind != 'c') continue;
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(c.check_sql, &holder);
    checks_.emplace_back(&c, planner_->binder().BindStored(e, scope, table_->schema));
    holders_.push_back(std::move(holder));
  }
}

void TableWriter::ComputeGenerated(Row* row) {
  if (generated_.empty()) return;
  EvalContext ctx;
  ctx.row = row;
  ctx.state = planner_->state();
  try {
    // A generation expression reads ordinary columns only, so the order does not matter.
    for (const auto& [column, e] : generated_) (*row)[column] = e->Eval(ctx);
  } catch (Error& e) {
    e.ClearPosition();  // it would point into the stored expression, not the statement
    throw;
  }
}

Value TableWriter::DefaultFor(size_t column) {
  try {
    return EvalDefault(column);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
}

Value TableWriter::EvalDefault(size_t column) {
  const ColumnDef& col = table_->columns[column];
  if (!defaults_bound_[column]) {
    defaults_bound_[column] = true;
    if (col.generated) {
      // no default: ComputeGenerated gives its value
    } else if (!col.default_sql.empty()) {
      std::unique_ptr<Script> holder;
      Node* e = ParseStoredExpr(col.default_sql, &holder);
      Scope empty;
      defaults_[column] = planner_->binder().Coerce(planner_->binder().BindStored(e, empty, table_->schema), col.type, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
      holders_.push_back(std::move(holder));
    } else if (col.identity) {
      // identity columns draw from their sequence
      for (const auto& [oid, s] : planner_->state()->catalog->sequences())
        if (s.owner_table == table_->oid && s.owner_column == static_cast<int>(column)) {
          std::string call = "nextval(" + QuoteLiteral(QuoteIdent(s.schema) + "." + QuoteIdent(s.name)) + "::regclass)";
          std::unique_ptr<Script> holder;
          Node* e = ParseStoredExpr(call, &holder);
          Scope empty;
          defaults_[column] = planner_->binder().Coerce(planner_->binder().Bind(e, empty), col.type, CastContext::kAssignment, -1);
          holders_.push_back(std::move(holder));
        }
    } else if (col.type.domain && !IsArrayOfDomain(col.type)) {
      // A column of a domain type without a default of its own takes the domain's (the nearest
      // level's that has one); with none, NULL, which the domain's NOT NULL may refuse.
      std::string sql, schema;
      for (Type t = col.type; t.domain && sql.empty(); t = DomainBase(t)) {
        auto d = planner_->state()->catalog->FindDomainByOid(t.domain->oid);
        if (!d) d = t.domain;
        sql = d->default_sql;
        schema = d->schema;
      }
      Scope empty;
      ExprP e = std::make_shared<ConstExpr>(Value::Null(), Type(oid::kUnknown));
      if (!sql.empty()) {
        std::unique_ptr<Script> holder;
        e = planner_->binder().BindStored(ParseStoredExpr(sql, &holder), empty, schema);
        holders_.push_back(std::move(holder));
      }
      defaults_[column] = planner_->binder().Coerce(e, col.type, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
    }
  }
  if (!defaults_[column]) return Value::Null();
  Row none;
  EvalContext ctx;
  ctx.row = &none;
  ctx.state = planner_->state();
  return defaults_[column]->Eval(ctx);
}

void TableWriter::CheckDomain(size_t column, const Value& v) {
  const ColumnDef& col = table_->columns[column];
  if (!col.type.domain) return;
  ExprP& check = domain_checks_[column];
  if (!check) {
    auto value = std::make_shared<ColumnExpr>(0, 0, BaseTypeOf(col.type), "VALUE");
    check = planner_->binder().Coerce(value, col.type, CastContext::kAssignment, -1);
  }
  Row row{v};
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = planner_->state();
  check->Eval(ctx);
}

std::string TableWriter::FailingRow(const Row& row) {
  if (!RowValuesVisible(planner_->state(), *table_)) return "";  // not the user's to see
  std::string r = "Failing row contains (";
  bool first = true;
  for (size_t i = 0; i < table_->columns.size(); i++) {
    if (table_->columns[i].dropped) continue;
    if (!first) r += ", ";
    first = false;
    r += row[i].is_null() ? "null" : FormatText(table_->columns[i].type, row[i], planner_->state()->dt);
  }
  return r + ").";
}

void TableWriter::CheckRow(const Row& row, const Row* old_row, bool routed) {
  for (size_t i = 0; i < table_->columns.size(); i++) {
    const ColumnDef& c = table_->columns[i];
    if (!c.dropped && c.not_null && row[i].is_null())
      throw Error(sqlstate::kNotNullViolation, "null value in column \"" + c.name + "\" of relation \"" + table_->name + "\" violates not-null constraint")
          .WithDetail(FailingRow(row)).WithConstraint(table_->name, "");
  }
  if (!checks_bound_) BindChecks();
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = planner_->state();
  for (const auto& [c, e] : checks_) {
    Value v = e->Eval(ctx);
    if (!v.is_null() && !v.b())
      throw Error(sqlstate::kCheckViolation, "new row for relation \"" + table_->name + "\" violates check constraint \"" + c->name + "\"")
          .WithDetail(FailingRow(row)).WithConstraint(table_->name, c->name);
  }
  for (const auto& [view, e] : view_checks_)
    if (!IsTrue(e->Eval(ctx)))
      throw Error(sqlstate::kWithCheckOptionViolation, "new row violates check option for view \"" + view + "\"")
          .WithDetail(FailingRow(row));
  if (table_->partition_parent && !routed && !RowFitsPartition(*planner_->state()->catalog, *table_, row, Keys()))
    throw Error(sqlstate::kCheckViolation, "new row for relation \"" + table_->name + "\" violates partition constraint")
        .WithDetail(FailingRow(row)).WithConstraint(table_->name, "");
  for (const auto& c : table_->constraints) {
    if (c.kind != 'f') continue;
    if (old_row) {
      bool changed = false;
      for (int col : c.columns) {
        const Value& a = row[static_cast<size_t>(col)];
        const Value& b = (*old_row)[static_cast<size_t>(col)];
        if (a.is_null() != b.is_null() || (!a.is_null() && CompareValues(table_->columns[static_cast<size_t>(col)].type, a, b) != 0)) changed = true;
      }
      if (!changed) continue;
    }
    CheckForeignKey(c, row);
  }
}

TableWriter* TableWriter::WriterFor(uint32_t table) {
  if (table == table_->oid) return this;
  auto it = others_.find(table);
  if (it != others_.end()) return it->second.get();
  const TableDef* t = RoutingCatalog().FindTable(table);
  if (!t) throw Error(sqlstate::kUndefinedTable, "referenced table no longer exists");
  auto w = std::make_unique<TableWriter>(planner_, t);
  w->depth_ = depth_ + 1;
  if (w->depth_ > 64) throw Error(sqlstate::kProgramLimitExceeded, "foreign key cascade is too deep");
  TableWriter* raw = w.get();
  others_[table] = std::move(w);
  return raw;
}

const BoundIndex* TableWriter::UniqueIndexOn(TableWriter* w, const std::vector<int>& cols) {
  for (const auto& bi : w->access().indexes()) {
    if (!bi.def->unique || bi.predicate || bi.def->columns.size() != cols.size()) continue;
    bool match = true;
    for (size_t i = 0; i < cols.size(); i++) match &= bi.def->columns[i].column == cols[i];
    if (match) return &bi;
  }
  return nullptr;
}

void TableWriter::CheckForeignKey(const ConstraintDef& fk, const Row& row) {
  Row key;
  for (int col : fk.columns) {
    if (row[static_cast<size_t>(col)].is_null()) return;  // MATCH SIMPLE: any NULL passes
    key.push_back(row[static_cast<size_t>(col)]);
  }
  TableWriter* parent = WriterFor(fk.ref_table);
  // Compare in the referenced column's type.
  for (size_t i = 0; i < key.size(); i++) {
    const Type& from = table_->columns[static_cast<size_t>(fk.columns[i])].type;
    const Type& to = parent->table().columns[static_cast<size_t>(fk.ref_columns[i])].type;
    if (from != to) key[i] = CastValue(key[i], from, to, CastContext::kImplicit, planner_->state()->dt);
  }
  // A partitioned table's key is in the partition it routes to (the key holds the partition
  // key), if any.
  TableWriter* holder = parent;
  if (parent->router_) {
    Row probe(parent->table().columns.size(), Value::Null());
    for (size_t i = 0; i < key.size(); i++) probe[static_cast<size_t>(fk.ref_columns[i])] = key[i];
    uint32_t leaf = parent->router_->FindLeaf(probe);
    holder = leaf ? WriterFor(leaf) : nullptr;
  }
  const BoundIndex* idx = holder ? UniqueIndexOn(holder, fk.ref_columns) : nullptr;
  if (holder && !idx)
    throw Error(sqlstate::kInvalidForeignKey, "there is no unique constraint matching given keys for referenced table \"" + holder->table().name + "\"");
  // Like PostgreSQL's RI check: the parent row is locked FOR KEY SHARE, which waits for a
  // concurrent DELETE (or key change) of it and then sees whether it is still there.
  std::string tkey;
  Row parent_row;
  if (holder && holder->access().LookupUnique(*idx, key, &tkey, false) &&
      LockRowVersion(planner_->state(), &holder->table(), tkey, RowLockStrength::kKeyShare, LockWait::kBlock, &parent_row) == LockResult::kFound)
    return;
  std::string cols, vals;
  for (size_t i = 0; i < fk.columns.size(); i++) {
    if (i) { cols += ", "; vals += ", "; }
    const ColumnDef& c = table_->columns[static_cast<size_t>(fk.columns[i])];
    cols += c.name;
    vals += FormatText(c.type, row[static_cast<size_t>(fk.columns[i])], planner_->state()->dt);
  }
  throw Error(sqlstate::kForeignKeyViolation, "insert or update on table \"" + table_->name + "\" violates foreign key constraint \"" + fk.name + "\"")
      .WithDetail(RowValuesVisible(planner_->state(), *table_)
                      ? "Key (" + cols + ")=(" + vals + ") is not present in table \"" + parent->table().name + "\"."
                      : "Key is not present in table \"" + parent->table().name + "\".")
      .WithConstraint(table_->name, fk.name);
}

void TableWriter::ReferencedRowChanging(const Row& old_row, const Row* new_row, uint32_t left_to_caller) {
  const Catalog& cat = *planner_->state()->catalog;
  // A key referencing this table or a partitioned table above it references this row.
  std::vector<uint32_t> referenced;
  for (const TableDef* t = table_; t && t->oid != left_to_caller; t = t->partition_parent ? cat.FindTable(t->partition_parent) : nullptr)
    referenced.push_back(t->oid);
  for (const auto& [oid, child] : cat.tables()) {
    for (const auto& fk : child.constraints) {
      if (fk.kind != 'f' || std::find(referenced.begin(), referenced.end(), fk.ref_table) == referenced.end()) continue;
      // Did the referenced key change?
      Row key;
      bool has_null = false, changed = new_row == nullptr;
      for (int col : fk.ref_columns) {
        const Value& v = old_row[static_cast<size_t>(col)];
        has_null |= v.is_null();
        key.push_back(v);
        if (new_row) {
          const Value& nv = (*new_row)[static_cast<size_t>(col)];
          if (nv.is_null() || CompareValues(table_->columns[static_cast<size_t>(col)].type, v, nv) != 0) changed = true;
        }
      }
      if (has_null || !changed) continue;
      TableWriter* cw = WriterFor(child.oid);
      // Find referencing rows: child.fkcol = key (index used when there is one).
      std::vector<ExprP> conds;
      for (size_t i = 0; i < fk.columns.size(); i++) {
        const ColumnDef& cc = child.columns[static_cast<size_t>(fk.columns[i])];
        ExprP col = std::make_shared<ColumnExpr>(fk.columns[i], 0, cc.type, cc.name);
        ExprP val = std::make_shared<ConstExpr>(key[i], table_->columns[static_cast<size_t>(fk.ref_columns[i])].type);
        conds.push_back(planner_->binder().MakeComparison("=", col, val, -1));
      }
      bool unused;
      OpP scan = planner_->PlanTableScan(&child, child.name, conds, true, {}, &unused);
      EvalContext ctx;
      ctx.state = planner_->state();
      // Referencing rows committed by others while we waited for the row lock count too:
      // read the newest data, not the statement's snapshot.
      const rocksdb::Snapshot* snapshot = ctx.state->snapshot;
      ctx.state->snapshot = nullptr;
      std::vector<Row> rows;
      try {
        rows = RunToVector(scan.get(), &ctx);
      } catch (...) {
        ctx.state->snapshot = snapshot;
        throw;
      }
      ctx.state->snapshot = snapshot;
      if (rows.empty()) continue;
      FkAction action = new_row ? fk.on_update : fk.on_delete;
      if (action == FkAction::kNoAction || action == FkAction::kRestrict) {
        std::string cols, vals;
        for (size_t i = 0; i < fk.ref_columns.size(); i++) {
          if (i) { cols += ", "; vals += ", "; }
          const ColumnDef& c = table_->columns[static_cast<size_t>(fk.ref_columns[i])];
          cols += c.name;
          vals += FormatText(c.type, key[i], planner_->state()->dt);
        }
        const std::string name = ReferencedPartitionConstraintName(cat, child, fk, table_->oid);
        throw Error(sqlstate::kForeignKeyViolation, "update or delete on table \"" + table_->name + "\" violates foreign key constraint \"" + name + "\" on table \"" + child.name + "\"")
            .WithDetail(RowValuesVisible(planner_->state(), *table_)
                            ? "Key (" + cols + ")=(" + vals + ") is still referenced from table \"" + child.name + "\"."
                            : "Key is still referenced from table \"" + child.name + "\".")
            .WithConstraint(child.name, name);
      }
      for (Row& r : rows) {
        std::string rkey = r.back().s();
        r.pop_back();
        Row latest;
        RowLockStrength strength = action == FkAction::kCascade && !new_row ? RowLockStrength::kUpdate
                                   : cw->access().UpdateLockFor(fk.columns);
        if (!cw->access().LockRow(rkey, &latest, strength)) continue;
        if (action == FkAction::kCascade && !new_row) {
          cw->Delete(rkey, latest);
          continue;
        }
        Row updated = latest;
        for (size_t i = 0; i < fk.columns.size(); i++) {
          size_t c = static_cast<size_t>(fk.columns[i]);
          if (action == FkAction::kCascade) updated[c] = (*new_row)[static_cast<size_t>(fk.ref_columns[i])];
          else if (action == FkAction::kSetNull) updated[c] = Value::Null();
          else updated[c] = cw->DefaultFor(c);
        }
        cw->Update(rkey, latest, updated);
      }
    }
  }
}

const Row& TableWriter::WithGenerated(const Row& given, Row* computed) {
  if (generated_.empty()) return given;
  *computed = given;
  ComputeGenerated(computed);
  return *computed;
}

// Errors raised while evaluating stored expressions (checks, index expressions, cascades)
// carry no cursor position: it would point into the stored text, not the client's statement.
TableWriter* TableWriter::PartitionWriterFor(const std::string& key) {
  return WriterFor(RelationOfKey(key));
}

TableAccess& TableWriter::AccessFor(const std::string& key) {
  return router_ ? PartitionWriterFor(key)->access() : *access_;
}

TableWriter& TableWriter::WriterForRow(const Row& row) { return router_ ? *WriterFor(LeafForRow(row)) : *this; }

PartitionKeyParts& TableWriter::Keys() {
  if (!keys_) keys_ = std::make_unique<PartitionKeyParts>(planner_);
  return *keys_;
}

const Catalog& TableWriter::RoutingCatalog() const { return routing_catalog_ ? *routing_catalog_ : *planner_->state()->catalog; }

uint32_t TableWriter::LeafForRow(const Row& row) {
  ExecState* st = planner_->state();
  if (scheduled_) {
    const TableDef* unplaced = router_->Unplaced(row);
    if (unplaced && unplaced->partition_schedule &&
        MakePartitionOnDemand(st, unplaced->oid, Keys().Values(*unplaced, row)[0], &declined_partitions_)) {
      routing_catalog_ = st->session->CurrentCatalog();
      router_ = std::make_unique<PartitionRouter>(*routing_catalog_, *routing_catalog_->FindTable(table_->oid), &Keys());
    }
  }
  return router_->LeafFor(row, st->session->DateTime());
}

namespace {
// Every partition below a table with its bound (the bound's identity changes with it).
std::vector<std::pair<uint32_t, const void*>> PartitionLayout(const Catalog& cat, uint32_t table) {
  std::vector<std::pair<uint32_t, const void*>> out;
  std::vector<uint32_t> pending{table};
  for (size_t k = 0; k < pending.size(); k++)
    for (uint32_t p : PartitionsOf(cat, pending[k])) {
      out.emplace_back(p, cat.FindTable(p)->partition_bound.get());
      pending.push_back(p);
    }
  return out;
}
}  // namespace

void TableWriter::CheckPartitionsCurrent() {
  if (!router_) return;
  ExecState* st = planner_->state();
  std::shared_ptr<const Catalog> current = st->session->CurrentCatalog();
  if (current == st->catalog || current == routing_catalog_) return;
  const TableDef* now = current->FindTable(table_->oid);
  if (now && PartitionLayout(*current, table_->oid) == PartitionLayout(*st->catalog, table_->oid)) return;
  // This transaction's own change (a statement run inside this one, as a function's, made a
  // partition: its catalog is then not the published one, and no other transaction's DDL can
  // land before it ends): route by it, as PostgreSQL's next command sees its own DDL.
  if (now && current != st->session->db()->catalog(st->session->database_oid())) {
    routing_catalog_ = current;
    router_ = std::make_unique<PartitionRouter>(*routing_catalog_, *now, &Keys());
    return;
  }
  throw Error(sqlstate::kSerializationFailure, "could not serialize access due to concurrent change of the partitions of \"" + table_->name + "\"")
      .WithHint("The transaction might succeed if retried.");
}

TableWriter& TableWriter::WriterForKey(const std::string& key) {
  return router_ ? *PartitionWriterFor(key) : *this;
}

void TableWriter::FirePartitionsAfterRowTriggers() {
  if (!router_) return;
  const Catalog& cat = *planner_->state()->catalog;
  std::vector<TriggerRunner*> runners;
  for (auto& [oid, w] : others_) {
    if (!w->triggers()) continue;
    for (const TableDef* p = &w->table(); p && p->partition_parent; p = cat.FindTable(p->partition_parent))
      if (p->partition_parent == table_->oid) {
        runners.push_back(w->triggers());
        break;
      }
  }
  if (!runners.empty()) TriggerRunner::FlushAfterRows(runners);
}

bool TableWriter::StaysInPartition(const std::string& key, const Row& row) {
  return !router_ || RowFitsPartition(RoutingCatalog(), PartitionWriterFor(key)->table(), row, Keys());
}

void TableWriter::CheckPolicies(const std::vector<PolicyCheck>& checks, const Row& row) {
  if (checks.empty()) return;
  EvalContext ctx;
  ctx.row = &row;
  ctx.state = planner_->state();
  for (const PolicyCheck& c : checks)
    if (!IsTrue(c.condition->Eval(ctx))) ThrowPolicyViolation(c, table_->name);
}

std::string TableWriter::Insert(const Row& given) {
  if (router_) {
    Row computed;
    const Row& row = WithGenerated(given, &computed);
    return WriterFor(LeafForRow(row))->InsertRow(row, true);
  }
  return InsertRow(given, false);
}

std::string TableWriter::InsertRow(const Row& given, bool routed) {
  try {
    Row computed;
    const Row& row = WithGenerated(given, &computed);
    CheckRow(row, nullptr, routed);
    return access_->Insert(row);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
}

std::string TableWriter::Update(const std::string& key, const Row& old_row, const Row& given) {
  if (router_) {
    TableWriter* partition = PartitionWriterFor(key);
    Row computed;
    const Row& new_row = WithGenerated(given, &computed);
    CheckPolicies(update_policy_checks_, new_row);
    if (RowFitsPartition(RoutingCatalog(), partition->table(), new_row, Keys())) return partition->UpdateRow(key, old_row, new_row, true);
    partition->Delete(key, old_row, table_->oid);
    std::string new_key = WriterFor(LeafForRow(new_row))->InsertRow(new_row, true);
    ReferencedRowChanging(old_row, &new_row);
    return new_key;
  }
  return UpdateRow(key, old_row, given, false);
}

std::string TableWriter::UpdateRow(const std::string& key, const Row& old_row, const Row& given, bool routed) {
  try {
    Row computed;
    const Row& new_row = WithGenerated(given, &computed);
    if (!routed) CheckPolicies(update_policy_checks_, new_row);
    // Referencing rows are handled after the new version exists (PostgreSQL's RI triggers
    // fire AFTER the row change), so cascaded children find their new parent.
    CheckRow(new_row, &old_row, routed);
    std::string new_key = access_->Update(key, old_row, new_row);
    ReferencedRowChanging(old_row, &new_row);
    return new_key;
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
}

void TableWriter::Delete(const std::string& key, const Row& row, uint32_t moving) {
  if (router_) return PartitionWriterFor(key)->Delete(key, row, moving);
  try {
    access_->Delete(key, row);
    ReferencedRowChanging(row, nullptr, moving);
  } catch (Error& e) {
    e.ClearPosition();
    throw;
  }
}

}  // namespace tusk
