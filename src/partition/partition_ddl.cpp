#include "partition/partition_ddl.hpp"

#include <algorithm>

#include "binder/volatility.hpp"
#include "catalog/system/opclasses.hpp"
#include "common/error.hpp"
#include "engine/ddl_util.hpp"
#include "parser/walk.hpp"
#include "partition/bounds.hpp"
#include "partition/key_parts.hpp"
#include "planner/planner.hpp"
#include "planner/table_expression_binder.hpp"
#include "types/compare.hpp"
#include "types/text_io.hpp"

namespace tusk {

std::vector<uint32_t> PartitionsOf(const Catalog& cat, uint32_t parent) {
  std::vector<uint32_t> out;
  for (const auto& [oid, t] : cat.tables())
    if (t.partition_parent == parent) out.push_back(oid);
  return out;
}

std::vector<const TableDef*> LeavesOf(const Catalog& cat, const TableDef& t) {
  if (!t.partition_key) return {&t};
  std::vector<const TableDef*> out;
  for (uint32_t p : PartitionsOf(cat, t.oid))
    for (const TableDef* leaf : LeavesOf(cat, *cat.FindTable(p))) out.push_back(leaf);
  return out;
}

namespace {
bool IsSystemColumn(const std::string& name) {
  return name == "tableoid" || name == "ctid" || name == "xmin" || name == "xmax" || name == "cmin" || name == "cmax";
}

// A key column's checks: it exists, is not a system or generated column.
int KeyColumn(const TableDef& t, const std::string& name, int location) {
  int column = t.FindColumn(name);
  if (column < 0 && IsSystemColumn(name))
    ThrowAt(sqlstate::kInvalidObjectDefinition, "cannot use system column \"" + name + "\" in partition key", location);
  if (column < 0) ThrowAt(sqlstate::kUndefinedColumn, "column \"" + name + "\" named in partition key does not exist", location);
  const ColumnDef& c = t.columns[static_cast<size_t>(column)];
  if (c.generated)
    throw Error(sqlstate::kInvalidObjectDefinition, "cannot use generated column in partition key")
        .WithDetail("Column \"" + c.name + "\" is a generated column.")
        .WithPosition(location + 1);
  return column;
}

// A key expression: bound over the table's row (the binder refuses aggregates, window
// functions and set-returning calls in this clause), then PostgreSQL's checks.
ExprP BindKeyExpression(ExecState* st, const Catalog& cat, const TableDef& t, Node* expr, int location) {
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
      throw Error(sqlstate::kFeatureNotSupported, "cannot use subquery in partition key expression");
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      auto* cr = n->column_ref;
      Node* last = cr->fields[cr->n_fields - 1];
      if (last->node_case != PG_QUERY__NODE__NODE_STRING) return true;
      const std::string name = last->string->sval;
      if (t.FindColumn(name) < 0 && IsSystemColumn(name))
        throw Error(sqlstate::kFeatureNotSupported, "partition key expressions cannot contain system column references");
      int column = t.FindColumn(name);
      if (column >= 0 && t.columns[static_cast<size_t>(column)].generated)
        throw Error(sqlstate::kInvalidObjectDefinition, "cannot use generated column in partition key")
            .WithDetail("Column \"" + name + "\" is a generated column.")
            .WithPosition(location + 1);
    }
    return true;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
  ExprP e;
  try {
    e = TableExpressionBinder(st, cat, t, "partition key expressions").Bind(expr);
  } catch (Error& err) {
    err.ClearPosition();  // PostgreSQL points at nothing in a key expression
    throw;
  }
  if (ExprVolatility(*e) != 'i')
    throw Error(sqlstate::kInvalidObjectDefinition, "functions in partition key expression must be marked IMMUTABLE");
  if (!UsesRow(e)) throw Error(sqlstate::kInvalidObjectDefinition, "cannot use constant expression as partition key");
  return e;
}
}  // namespace

std::shared_ptr<const PartitionKeyDef> BuildPartitionKey(ExecState* st, const Catalog& cat, PgQuery__PartitionSpec* spec, const TableDef& t) {
  auto key = std::make_shared<PartitionKeyDef>();
  std::string strategy = spec->strategy;
  if (strategy == "range") key->strategy = 'r';
  else if (strategy == "list") key->strategy = 'l';
  else if (strategy == "hash") key->strategy = 'h';
  else throw Error(sqlstate::kInvalidParameterValue, "unrecognized partitioning strategy \"" + strategy + "\"");
  if (key->strategy == 'l' && spec->n_part_params > 1)
    throw Error(sqlstate::kInvalidObjectDefinition, "cannot use \"list\" partition strategy with more than one column");
  for (size_t i = 0; i < spec->n_part_params; i++) {
    auto* elem = spec->part_params[i]->partition_elem;
    if (elem->n_opclass || elem->n_collation)
      throw Error(sqlstate::kFeatureNotSupported, "operator classes and collations in partition keys are not supported yet").WithPosition(elem->location + 1);
    Node* expr = elem->expr;
    std::string name = elem->name ? elem->name : "";
    // A parenthesized column, ((a)), is the column, as in PostgreSQL.
    if (name.empty() && expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && expr->column_ref->n_fields == 1 &&
        expr->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING && t.FindColumn(expr->column_ref->fields[0]->string->sval) >= 0)
      name = expr->column_ref->fields[0]->string->sval;
    Type type;
    if (!name.empty()) {
      int column = KeyColumn(t, name, elem->location);
      type = t.columns[static_cast<size_t>(column)].type;
      key->columns.push_back(column);
      key->exprs.emplace_back();
      key->expr_types.emplace_back();
    } else {
      ExprP e = BindKeyExpression(st, cat, t, expr, elem->location);
      type = e->type;
      key->columns.push_back(-1);
      key->exprs.push_back(DeparseExpr(expr));
      key->expr_types.push_back(type);
    }
    if (key->strategy == 'h') CheckHashableKeyType(type);
    else if (!DefaultBtreeOpclass(type))
      throw Error(sqlstate::kUndefinedObject, "data type " + TypeName(type) + " has no default operator class for access method \"btree\"")
          .WithHint("You must specify a btree operator class or define a default btree operator class for the data type.");
  }
  return key;
}

void CheckUniqueIncludesKey(const TableDef& t, const std::string& constraint_kind, const std::vector<int>& columns) {
  if (!t.partition_key) return;
  for (int k : t.partition_key->columns)
    if (k < 0)
      throw Error(sqlstate::kFeatureNotSupported, "unsupported " + constraint_kind + " constraint with partition key definition")
          .WithDetail(constraint_kind + " constraints cannot be used when partition keys include expressions.");
    else if (std::find(columns.begin(), columns.end(), k) == columns.end())
      throw Error(sqlstate::kFeatureNotSupported, "unique constraint on partitioned table must include all partitioning columns")
          .WithDetail(constraint_kind + " constraint on table \"" + t.name + "\" lacks column \"" + t.columns[static_cast<size_t>(k)].name +
                      "\" which is part of the partition key.");
}

namespace {
const char* StrategyName(char s) { return s == 'r' ? "range" : s == 'l' ? "list" : "hash"; }

int NodeLocation(Node* n) {
  int location = -1;
  auto visit = [&](Node* x) {
    if (location >= 0) return false;
    if (x->node_case == PG_QUERY__NODE__NODE_A_CONST) location = x->a_const->location;
    else if (x->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) location = x->column_ref->location;
    else if (x->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) location = x->func_call->location;
    else if (x->node_case == PG_QUERY__NODE__NODE_A_EXPR) location = x->a_expr->location;
    else if (x->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) location = x->type_cast->location;
    return location < 0;
  };
  if (visit(n)) WalkNodes(&n->base, visit);
  return location;
}

// One bound value: a constant expression evaluated now, as a value of the key column's type.
Value BoundValue(ExecState* st, Planner& planner, Node* expr, const Type& type, const std::string& column) {
  int location = NodeLocation(expr);
  auto refuse = [&](Node* x) {
    if (x->node_case == PG_QUERY__NODE__NODE_COLUMN_REF)
      ThrowAt(sqlstate::kInvalidColumnReference, "cannot use column reference in partition bound expression", x->column_ref->location);
    if (x->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
      ThrowAt(sqlstate::kFeatureNotSupported, "cannot use subquery in partition bound", x->sub_link->location);
    return true;
  };
  refuse(expr);
  WalkNodes(&expr->base, refuse);
  Scope none;
  planner.binder().set_clause("partition bound");
  ExprP e = planner.binder().Bind(expr, none);
  try {
    e = planner.binder().Coerce(e, type, CastContext::kAssignment, location);
  } catch (Error& err) {
    if (std::string(err.state()) != sqlstate::kDatatypeMismatch && std::string(err.state()) != sqlstate::kCannotCoerce) throw;
    ThrowAt(sqlstate::kDatatypeMismatch, "specified value cannot be cast to type " + TypeName(type) + " for column \"" + column + "\"", location);
  }
  EvalContext ctx;
  ctx.state = st;
  try {
    return e->Eval(ctx);
  } catch (Error& err) {
    err.WithPosition(location + 1);
    throw;
  }
}

std::vector<RangeDatum> RangeDatums(ExecState* st, Planner& planner, const TableDef& parent, const std::vector<Type>& types,
                                    PgQuery__Node** nodes, size_t n, const char* which) {
  if (n != types.size())
    throw Error(sqlstate::kInvalidTableDefinition, std::string(which) + " must specify exactly one value per partitioning column");
  std::vector<RangeDatum> datums(n);
  for (size_t i = 0; i < n; i++) {
    // The grammar leaves MINVALUE and MAXVALUE as column references of those names.
    std::string word;
    if (nodes[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && nodes[i]->column_ref->n_fields == 1 &&
        nodes[i]->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING)
      word = nodes[i]->column_ref->fields[0]->string->sval;
    if (word == "minvalue") {
      datums[i].kind = RangeDatum::kMinValue;
    } else if (word == "maxvalue") {
      datums[i].kind = RangeDatum::kMaxValue;
    } else {
      const std::string column = PartitionKeyPartName(parent, i);
      datums[i].value = BoundValue(st, planner, nodes[i], types[i], column);
      if (datums[i].value.is_null()) throw Error(sqlstate::kInvalidTableDefinition, "cannot specify NULL in range bound");
    }
  }
  // After MINVALUE only MINVALUE, after MAXVALUE only MAXVALUE.
  for (size_t i = 1; i < n; i++) {
    RangeDatum::Kind before = datums[i - 1].kind;
    if (before != RangeDatum::kValue && datums[i].kind != before)
      ThrowAt(sqlstate::kDatatypeMismatch,
              before == RangeDatum::kMinValue ? "every bound following MINVALUE must also be MINVALUE"
                                              : "every bound following MAXVALUE must also be MAXVALUE",
              NodeLocation(nodes[i]));
  }
  return datums;
}

[[noreturn]] void ThrowOverlap(const std::string& child, const Catalog& cat, uint32_t with, int location) {
  ThrowAt(sqlstate::kInvalidObjectDefinition, "partition \"" + child + "\" would overlap partition \"" + cat.FindTable(with)->name + "\"", location);
}

void CheckHashModulus(const Catalog& cat, const std::vector<uint32_t>& siblings, const PartitionBoundDef& b, const std::string& child, int location) {
  // Existing (modulus, remainder) pairs in order; every modulus must divide the next larger one.
  std::vector<std::pair<std::pair<int32_t, int32_t>, uint32_t>> pairs;
  for (uint32_t s : siblings) {
    const PartitionBoundDef& sb = *cat.FindTable(s)->partition_bound;
    pairs.push_back({{sb.modulus, sb.remainder}, s});
  }
  if (pairs.empty()) return;
  std::sort(pairs.begin(), pairs.end());
  auto name = [&](uint32_t o) { return cat.FindTable(o)->name; };
  auto factor_error = [&](const std::string& detail) {
    throw Error(sqlstate::kInvalidObjectDefinition, "every hash partition modulus must be a factor of the next larger modulus").WithDetail(detail);
  };
  auto after = std::upper_bound(pairs.begin(), pairs.end(), std::make_pair(std::make_pair(b.modulus, b.remainder), UINT32_MAX));
  if (after == pairs.begin()) {
    if (pairs[0].first.first % b.modulus != 0)
      factor_error("The new modulus " + std::to_string(b.modulus) + " is not a factor of " + std::to_string(pairs[0].first.first) +
                   ", the modulus of existing partition \"" + name(pairs[0].second) + "\".");
  } else {
    const auto& prev = *(after - 1);
    if (b.modulus % prev.first.first != 0)
      factor_error("The new modulus " + std::to_string(b.modulus) + " is not divisible by " + std::to_string(prev.first.first) +
                   ", the modulus of existing partition \"" + name(prev.second) + "\".");
    if (after != pairs.end() && after->first.first % b.modulus != 0)
      factor_error("The new modulus " + std::to_string(b.modulus) + " is not a factor of " + std::to_string(after->first.first) +
                   ", the modulus of existing partition \"" + name(after->second) + "\".");
  }
  int32_t greatest = pairs.back().first.first;
  for (const auto& p : pairs) greatest = std::max(greatest, p.first.first);
  // The slots of the greatest modulus the new partition covers, in PostgreSQL's order.
  for (int64_t slot = b.remainder % greatest; slot < greatest; slot += b.modulus)
    for (const auto& p : pairs)
      if (slot % p.first.first == p.first.second) ThrowOverlap(child, cat, p.second, location);
}
}  // namespace

std::shared_ptr<const PartitionBoundDef> BuildPartitionBound(ExecState* st, Planner& planner, const Catalog& cat, const TableDef& parent,
                                                             const std::string& child, PgQuery__PartitionBoundSpec* spec) {
  const PartitionKeyDef& key = *parent.partition_key;
  std::vector<Type> types = PartitionKeyTypes(parent);
  std::vector<uint32_t> siblings = PartitionsOf(cat, parent.oid);
  uint32_t default_partition = 0;
  for (uint32_t s : siblings)
    if (cat.FindTable(s)->partition_bound->is_default) default_partition = s;
  std::erase(siblings, default_partition);
  auto b = std::make_shared<PartitionBoundDef>();
  if (spec->is_default) {
    if (key.strategy == 'h') throw Error(sqlstate::kInvalidTableDefinition, "a hash-partitioned table may not have a default partition");
    if (default_partition)
      ThrowAt(sqlstate::kInvalidObjectDefinition,
              "partition \"" + child + "\" conflicts with existing default partition \"" + cat.FindTable(default_partition)->name + "\"",
              spec->location);
    b->is_default = true;
    return b;
  }
  char given = spec->strategy && *spec->strategy ? spec->strategy[0] : 0;
  if (given != key.strategy)
    ThrowAt(sqlstate::kInvalidTableDefinition, std::string("invalid bound specification for a ") + StrategyName(key.strategy) + " partition",
            spec->location);
  const std::string first_column = PartitionKeyPartName(parent, 0);
  if (key.strategy == 'h') {
    if (spec->modulus <= 0)
      throw Error(sqlstate::kInvalidTableDefinition, "modulus for hash partition must be an integer value greater than zero");
    if (spec->remainder < 0)
      throw Error(sqlstate::kInvalidTableDefinition, "remainder for hash partition must be an integer value greater than or equal to zero");
    if (spec->remainder >= spec->modulus)
      throw Error(sqlstate::kInvalidTableDefinition, "remainder for hash partition must be less than modulus");
    b->modulus = spec->modulus;
    b->remainder = spec->remainder;
    CheckHashModulus(cat, siblings, *b, child, spec->location);
  } else if (key.strategy == 'l') {
    std::vector<int> locations;
    for (size_t i = 0; i < spec->n_listdatums; i++) {
      Value v = BoundValue(st, planner, spec->listdatums[i], types[0], first_column);
      bool duplicate = std::any_of(b->list.begin(), b->list.end(), [&](const Value& w) {
        return v.is_null() ? w.is_null() : !w.is_null() && CompareValues(types[0], v, w) == 0;
      });
      if (duplicate) continue;
      b->list.push_back(v);
      locations.push_back(NodeLocation(spec->listdatums[i]));
    }
    for (size_t i = 0; i < b->list.size(); i++)
      for (uint32_t s : siblings)
        if (BoundHolds('l', types, *cat.FindTable(s)->partition_bound, {b->list[i]})) ThrowOverlap(child, cat, s, locations[i]);
  } else {
    b->lower = RangeDatums(st, planner, parent, types, spec->lowerdatums, spec->n_lowerdatums, "FROM");
    b->upper = RangeDatums(st, planner, parent, types, spec->upperdatums, spec->n_upperdatums, "TO");
    auto datum_location = [](PgQuery__Node** nodes, size_t i) { return NodeLocation(nodes[i]); };
    if (CompareRangeBounds(types, b->lower, true, b->upper, false) >= 0) {
      DateTimeContext ctx = st->session->DateTime();
      throw Error(sqlstate::kInvalidObjectDefinition, "empty range bound specified for partition \"" + child + "\"")
          .WithDetail("Specified lower bound " + RangeDatumsText(b->lower, types, ctx) + " is greater than or equal to upper bound " +
                      RangeDatumsText(b->upper, types, ctx) + ".")
          .WithPosition(datum_location(spec->lowerdatums, 0) + 1);
    }
    // The partition holding the new lower bound overlaps; else the next one up must start at or
    // after the new upper bound.
    uint32_t next = 0;
    const PartitionBoundDef* next_bound = nullptr;
    for (uint32_t s : siblings) {
      const PartitionBoundDef& sb = *cat.FindTable(s)->partition_bound;
      size_t column = 0;
      if (CompareRangeBounds(types, sb.lower, true, b->lower, true) <= 0) {
        if (CompareRangeBounds(types, sb.upper, false, b->lower, true, &column) > 0)
          ThrowOverlap(child, cat, s, datum_location(spec->lowerdatums, column));
      } else if (!next_bound || CompareRangeBounds(types, sb.lower, true, next_bound->lower, true) < 0) {
        next = s;
        next_bound = &sb;
      }
    }
    size_t column = 0;
    if (next_bound && CompareRangeBounds(types, next_bound->lower, true, b->upper, false, &column) < 0)
      ThrowOverlap(child, cat, next, datum_location(spec->upperdatums, column));
  }
  if (default_partition) {
    // The DEFAULT partition may not keep rows the new partition would take.
    const TableDef* def = cat.FindTable(default_partition);
    PartitionKeyParts keys(&planner);
    for (const TableDef* leaf : LeavesOf(cat, *def))
      for (const auto& [k, row] : ScanAll(st, leaf)) {
        if (BoundHolds(key.strategy, types, *b, keys.Values(parent, row)))
          throw Error(sqlstate::kCheckViolation, "updated partition constraint for default partition \"" + def->name + "\" would be violated by some row")
              .WithConstraint(def->name, "");
      }
  }
  return b;
}

bool SameIndexDefinition(const IndexDef& a, const IndexDef& b) {
  if (a.unique != b.unique || a.am != b.am || a.where_sql != b.where_sql || a.nulls_not_distinct != b.nulls_not_distinct ||
      a.columns.size() != b.columns.size())
    return false;
  for (size_t i = 0; i < a.columns.size(); i++) {
    const IndexColumn& x = a.columns[i];
    const IndexColumn& y = b.columns[i];
    if (x.column != y.column || x.expr_sql != y.expr_sql || x.desc != y.desc || x.nulls_first != y.nulls_first || x.opclass != y.opclass)
      return false;
  }
  return true;
}
uint32_t PartitionIndexFor(const Catalog& cat, const TableDef& partition, const IndexDef& parent_index) {
  for (uint32_t i : partition.indexes)
    if (SameIndexDefinition(*cat.FindIndex(i), parent_index)) return i;
  return 0;
}

uint32_t ParentIndexOf(const Catalog& cat, const IndexDef& index) {
  const TableDef* t = cat.FindTable(index.table);
  const TableDef* parent = t && t->partition_parent ? cat.FindTable(t->partition_parent) : nullptr;
  if (!parent) return 0;
  for (uint32_t i : parent->indexes)
    if (PartitionIndexFor(cat, *t, *cat.FindIndex(i)) == index.oid) return i;
  return 0;
}

uint32_t ParentConstraintOf(const Catalog& cat, const TableDef& t, const ConstraintDef& c) {
  if ((c.kind != 'p' && c.kind != 'u') || !t.partition_parent) return 0;
  const IndexDef* index = cat.FindIndex(c.index);
  const uint32_t parent_index = index ? ParentIndexOf(cat, *index) : 0;
  if (!parent_index) return 0;
  for (const ConstraintDef& pc : cat.FindTable(t.partition_parent)->constraints)
    if (pc.index == parent_index) return pc.oid;
  return 0;
}

bool IndexValid(const Catalog& cat, const IndexDef& index) {
  const TableDef* t = cat.FindTable(index.table);
  if (!t || !t->partition_key) return true;
  for (uint32_t p : PartitionsOf(cat, t->oid)) {
    uint32_t child = PartitionIndexFor(cat, *cat.FindTable(p), index);
    if (!child || !IndexValid(cat, *cat.FindIndex(child))) return false;
  }
  return true;
}

void ApplyPartitionColumnOptions(ExecState* st, Catalog* cat, TableDef* child, PgQuery__ColumnDef* def,
                                 std::vector<std::pair<PgQuery__Constraint*, std::string>>* constraints) {
  int at = child->FindColumn(def->colname);
  if (at < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(def->colname) + "\" does not exist");
  ColumnDef& col = child->columns[static_cast<size_t>(at)];
  for (size_t i = 0; i < def->n_constraints; i++) {
    auto* c = def->constraints[i]->constraint;
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: col.not_null = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: break;  // a NOT NULL of the parent's stays
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
        ParamTypes params;
        ExecState bind_state = *st;
        bind_state.catalog = std::make_shared<Catalog>(*cat);
        Planner planner(&bind_state, &params);
        col.default_sql = CheckedDefaultSql(planner, col, c->raw_expr);
        col.default_oid = 0;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        throw Error(sqlstate::kFeatureNotSupported, "generated columns are not supported on partitions");
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        throw Error(sqlstate::kFeatureNotSupported, "identity columns are not supported on partitions");
      default:
        constraints->emplace_back(c, def->colname);
    }
  }
}

void InheritFromParent(Catalog* cat, const TableDef& parent, TableDef* child) {
  child->columns = parent.columns;
  for (ColumnDef& c : child->columns) {
    c.default_oid = 0;
    c.identity = 0;  // PostgreSQL 15 keeps identity on the partitioned table only
    if (parent.columns[static_cast<size_t>(&c - child->columns.data())].identity) c.default_sql.clear();
  }
  for (const ConstraintDef& c : parent.constraints) {
    if (c.kind != 'c' && c.kind != 'f') continue;
    ConstraintDef copy = c;
    copy.oid = 0;
    child->constraints.push_back(copy);
  }
  for (uint32_t index_oid : parent.indexes) {
    IndexDef ix = *cat->FindIndex(index_oid);
    const std::vector<std::string> names = IndexColumnNames(*child, ix);
    // A constraint's index is named as the constraint would be; a plain one with "idx".
    bool constraint = std::any_of(parent.constraints.begin(), parent.constraints.end(), [&](const ConstraintDef& c) { return c.index == index_oid; });
    const char* suffix = ix.primary ? "pkey" : constraint ? "key" : "idx";
    ix.oid = cat->AllocateOid();
    ix.table = child->oid;
    ix.name = ix.primary ? ChooseRelationName(*cat, child->schema, child->name, {}, "pkey")
                         : ChooseRelationName(*cat, child->schema, child->name, names, suffix);
    ix.clustered = false;
    child->indexes.push_back(ix.oid);
    if (ix.primary) child->pk_index = ix.oid;
    if (ix.primary || ix.unique) {
      for (const ConstraintDef& c : parent.constraints) {
        if (c.index != index_oid) continue;
        ConstraintDef copy = c;
        copy.oid = 0;
        copy.index = ix.oid;
        copy.name = ix.name;
        child->constraints.push_back(copy);
      }
    }
    cat->AddIndex(std::move(ix));
  }
}

bool AlterRecursesToPartitions(const PgQuery__AlterTableCmd* cmd) {
  switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: return true;  // a copy has the parent's name
    default: return false;
  }
}

bool KeyUsesColumn(const TableDef& t, int column) {
  const PartitionKeyDef& key = *t.partition_key;
  const std::string& name = t.columns[static_cast<size_t>(column)].name;
  for (size_t i = 0; i < key.columns.size(); i++)
    if (key.columns[i] == column || (key.columns[i] < 0 && ExprMentions(key.exprs[i], name))) return true;
  return false;
}

namespace {
// The first partitioned table, t or one below it (depth first), whose key reads the column.
const TableDef* KeyedOnColumn(const Catalog& cat, const TableDef& t, int column) {
  if (!t.partition_key) return nullptr;
  if (KeyUsesColumn(t, column)) return &t;
  for (uint32_t p : PartitionsOf(cat, t.oid))
    if (const TableDef* keyed = KeyedOnColumn(cat, *cat.FindTable(p), column)) return keyed;
  return nullptr;
}
}  // namespace

void RefusePartitionedAlter(const Catalog& cat, const TableDef& t, PgQuery__AlterTableCmd* cmd, bool only, bool into_partition) {
  if (into_partition || (!t.partition_key && !t.partition_parent)) return;  // its parent passed
  const std::string column = cmd->name ? cmd->name : "";
  const int c = column.empty() ? -1 : t.FindColumn(column);
  if (t.partition_parent) {
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        throw Error(sqlstate::kInvalidTableDefinition, "cannot add column to a partition");
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (c < 0) return;  // the command's own "does not exist"
        throw Error(sqlstate::kInvalidTableDefinition, "cannot drop inherited column \"" + column + "\"");
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        throw Error(sqlstate::kInvalidTableDefinition, "cannot alter inherited column \"" + column + "\"");
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: {
        const TableDef* parent = cat.FindTable(t.partition_parent);
        if (c >= 0 && parent->columns[static_cast<size_t>(c)].not_null)
          throw Error(sqlstate::kInvalidTableDefinition, "column \"" + column + "\" is marked NOT NULL in parent table");
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: {
        const TableDef* parent = cat.FindTable(t.partition_parent);
        for (const ConstraintDef& own : t.constraints) {
          if (own.name != column) continue;
          bool inherited = (own.kind == 'p' || own.kind == 'u') ? ParentConstraintOf(cat, t, own) != 0
                                                                 : std::any_of(parent->constraints.begin(), parent->constraints.end(),
                                                                               [&](const ConstraintDef& pc) { return pc.kind == own.kind && pc.name == own.name; });
          if (inherited)
            throw Error(sqlstate::kInvalidTableDefinition, "cannot drop inherited constraint \"" + column + "\" of relation \"" + t.name + "\"");
        }
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        throw Error(sqlstate::kFeatureNotSupported, "this ALTER TABLE command on a partition is not supported yet");
      default:
        break;
    }
  }
  if (!t.partition_key) return;
  const bool has_partitions = !PartitionsOf(cat, t.oid).empty();
  switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
      if (only) throw Error(sqlstate::kInvalidTableDefinition, "column must be added to child tables too");
      // The partitions take a copy of the new column: its own constraints are not copied yet.
      auto* cd = cmd->def->column_def;
      for (size_t i = 0; i < cd->n_constraints; i++) {
        auto type = cd->constraints[i]->constraint->contype;
        if (type != PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL && type != PG_QUERY__CONSTR_TYPE__CONSTR_NULL &&
            type != PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT && type != PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
          throw Error(sqlstate::kFeatureNotSupported, "adding a column with a constraint to a partitioned table is not supported yet")
              .WithHint("Add the column, then the constraint.");
      }
      break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
      if (const TableDef* keyed = c >= 0 ? KeyedOnColumn(cat, t, c) : nullptr)
        throw Error(sqlstate::kInvalidTableDefinition,
                    "cannot drop column \"" + column + "\" because it is part of the partition key of relation \"" + keyed->name + "\"");
      if (only && has_partitions)
        throw Error(sqlstate::kInvalidTableDefinition, "cannot drop column from only the partitioned table when partitions exist")
            .WithHint("Do not specify the ONLY keyword.");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      if (only && c >= 0)
        for (uint32_t p : PartitionsOf(cat, t.oid))
          if (const TableDef* part = cat.FindTable(p); !part->columns[static_cast<size_t>(c)].not_null)
            throw Error(sqlstate::kInvalidTableDefinition, "constraint must be added to child tables too")
                .WithDetail("Column \"" + column + "\" of relation \"" + part->name + "\" is not already NOT NULL.")
                .WithHint("Do not specify the ONLY keyword.");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      if (only && has_partitions) throw Error(sqlstate::kFeatureNotSupported, "ALTER TABLE ONLY ... DROP NOT NULL on a partitioned table is not supported yet");
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
      break;  // ONLY: the partitioned table's own default, which rows written through it take
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
      auto type = cmd->def->constraint->contype;
      if (type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || type == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
        break;  // engine/ddl.cpp AddKeyToPartitionedTable
      if (type == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
        if (only)
          throw Error(sqlstate::kWrongObjectType, "cannot use ONLY for foreign key on partitioned table \"" + t.name + "\" referencing relation \"" +
                                                      std::string(cmd->def->constraint->pktable->relname) + "\"");
        if (cmd->def->constraint->skip_validation)
          throw Error(sqlstate::kFeatureNotSupported, "cannot add NOT VALID foreign key on partitioned table \"" + t.name + "\" referencing relation \"" +
                                                          std::string(cmd->def->constraint->pktable->relname) + "\"")
              .WithDetail("This feature is not yet supported on partitioned tables.");
        break;  // added to the partitions as a CHECK is
      }
      if (type != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        throw Error(sqlstate::kFeatureNotSupported, "this constraint on a partitioned table is not supported yet");
      if (only && has_partitions) throw Error(sqlstate::kInvalidTableDefinition, "constraint must be added to child tables too");
      break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
      for (const ConstraintDef& own : t.constraints) {
        if (own.name != column) continue;
        if (only && has_partitions && own.kind != 'p' && own.kind != 'u')  // a key's partitions' constraints go with it
          throw Error(sqlstate::kInvalidTableDefinition, "cannot remove constraint from only the partitioned table when partitions exist")
              .WithHint("Do not specify the ONLY keyword.");
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      if (const TableDef* keyed = c >= 0 ? KeyedOnColumn(cat, t, c) : nullptr)
        throw Error(sqlstate::kInvalidTableDefinition,
                    "cannot alter column \"" + column + "\" because it is part of the partition key of relation \"" + keyed->name + "\"");
      if (c >= 0 && only && has_partitions)
        throw Error(sqlstate::kInvalidTableDefinition, "type of inherited column \"" + column + "\" must be changed in child tables too");
      break;  // the partitions' columns change with it (AlterRecursesToPartitions)
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
      throw Error(sqlstate::kFeatureNotSupported, "this ALTER TABLE command on a partitioned table is not supported yet");
    default:
      break;
  }
}

void RefusePartitionedColumnRename(const Catalog& cat, const TableDef& t, const std::string& column, bool only) {
  if (t.partition_parent) throw Error(sqlstate::kInvalidTableDefinition, "cannot rename inherited column \"" + column + "\"");
  if (t.partition_key && only && !PartitionsOf(cat, t.oid).empty())
    throw Error(sqlstate::kInvalidTableDefinition, "inherited column \"" + column + "\" must be renamed in child tables too");
}

std::vector<uint32_t> TableAndPartitions(const Catalog& cat, uint32_t table) {
  std::vector<uint32_t> all{table};
  for (size_t k = 0; k < all.size(); k++)
    for (uint32_t p : PartitionsOf(cat, all[k])) all.push_back(p);
  return all;
}

}  // namespace tusk
