// Row values: ROW(...) and (a, b) constructors, a FROM item's whole row (`t`, `t.*`), field
// selection ((x).f), and conversions between row types (PostgreSQL's
// coerce_record_to_complex). A row value is an array of its fields (types/value.hpp); its type
// names a RecordDef (types/type.hpp).
#include "binder/binder.hpp"
#include "catalog/catalog.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "execution/row_exprs.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {
std::shared_ptr<const RecordDef> AnonymousRecord(const std::vector<ExprP>& fields) {
  auto r = std::make_shared<RecordDef>();
  for (size_t i = 0; i < fields.size(); i++) {
    r->names.push_back("f" + std::to_string(i + 1));
    // an untyped literal stays one, for a cast of the row to pin it (ROW('1', 2)::t)
    r->types.push_back(fields[i]->type);
  }
  return r;
}
}  // namespace

ExprP Binder::BindRowConstructor(PgQuery__RowExpr* r, const Scope& scope, AggContext* agg) {
  std::vector<ExprP> fields;
  for (size_t i = 0; i < r->n_args; i++) {
    Node* a = r->args[i];
    // ROW(t.*, x): t.* stands for t's columns, one field each
    if (a->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && a->column_ref->n_fields == 2 &&
        a->column_ref->fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
      ExprP whole = BindNode(a, scope, agg);
      auto* row = dynamic_cast<RowExpr*>(whole.get());
      if (row) {
        for (const auto& f : row->fields) fields.push_back(f);
        continue;
      }
      for (size_t k = 0; k < whole->type.record->types.size(); k++)
        fields.push_back(std::make_shared<FieldSelectExpr>(whole, k, whole->type.record->names[k]));
      continue;
    }
    fields.push_back(BindNode(a, scope, agg));
  }
  return std::make_shared<RowExpr>(Type::Record(AnonymousRecord(fields)), std::move(fields));
}

ExprP Binder::WholeRow(const ScopeRel& rel, int level) {
  const TableDef* table = rel.table_oid ? catalog().FindTable(rel.table_oid) : nullptr;
  std::vector<ExprP> fields;
  int null_marker = -1;
  for (size_t i = 0; i < rel.columns.size(); i++) {
    if (rel.columns[i].empty()) continue;  // dropped
    // A NOT NULL column read as NULL: the row is the NULL side of an outer join.
    if (null_marker < 0 && table && i < table->columns.size() && table->columns[i].not_null)
      null_marker = static_cast<int>(fields.size());
    fields.push_back(std::make_shared<ColumnExpr>(rel.offset + static_cast<int>(i), level, rel.types[i], QuoteIdent(rel.columns[i])));
  }
  std::shared_ptr<const RecordDef> type;
  if (table && table->rowtype_oid) {
    type = RowTypeOf(*table);
  } else {
    auto r = std::make_shared<RecordDef>();
    for (size_t i = 0; i < rel.columns.size(); i++)
      if (!rel.columns[i].empty()) {
        r->names.push_back(rel.columns[i]);
        r->types.push_back(rel.types[i]);
      }
    type = r;
  }
  return std::make_shared<RowExpr>(Type::Record(type), std::move(fields), QuoteIdent(rel.alias), null_marker);
}

ExprP Binder::FindWholeRow(const std::string& name, const Scope& scope, int location) {
  int level = 0;
  for (const Scope* s = &scope; s; s = s->parent, level++)
    for (const auto& r : s->rels)
      if (r.alias == name) {
        NoteReach(s, level);
        if (r.table_oid && stored_schema_.empty()) read_tables.insert(r.table_oid);
        for (OuterColumnWatch* w : outer_watches_)
          if (w->scope == s)
            for (size_t i = 0; i < r.columns.size(); i++)
              if (!r.columns[i].empty()) w->reads.push_back({r.offset + static_cast<int>(i), location, r.alias + ".*"});
        return WholeRow(r, level);
      }
  return nullptr;
}

ExprP Binder::SelectField(ExprP base, const std::string& field, int location) {
  if (!base->type.IsRow())
    ThrowAt(sqlstate::kWrongObjectType, "column notation ." + field + " applied to type " + TypeName(base->type) +
                                            ", which is not a composite type", location);
  int i = base->type.record ? base->type.record->FieldIndex(field) : -1;
  if (i < 0) {
    // (t).f on a FROM item's whole row reads as t.f
    if (auto* row = dynamic_cast<RowExpr*>(base.get()); row && !row->shown.empty())
      ThrowAt(sqlstate::kUndefinedColumn, "column " + row->shown + "." + field + " does not exist", location);
    if (base->type.record && base->type.record->type_oid)
      ThrowAt(sqlstate::kUndefinedColumn, "column \"" + field + "\" not found in data type " + TypeName(base->type), location);
    ThrowAt(sqlstate::kUndefinedColumn, "could not identify column \"" + field + "\" in record data type", location);
  }
  // (ROW(a, b)).f2 is b itself
  if (auto* row = dynamic_cast<RowExpr*>(base.get()); row && row->null_marker < 0) return row->fields[static_cast<size_t>(i)];
  return std::make_shared<FieldSelectExpr>(base, static_cast<size_t>(i), field);
}

ExprP Binder::CoerceRow(ExprP e, const Type& to, CastContext ctx, int location) {
  if (to.id == oid::kRecord) return e;  // every row is a record
  const RecordDef* from = e->type.record.get();
  if (!from) ThrowAt(sqlstate::kCannotCoerce, "cannot cast type " + TypeName(e->type) + " to " + TypeName(to), location);
  const RecordDef& target = *to.record;
  if (from->types.size() != target.types.size())
    throw Error(sqlstate::kCannotCoerce, "cannot cast type " + TypeName(e->type) + " to " + TypeName(to))
        .WithDetail(from->types.size() > target.types.size() ? "Input has too many columns." : "Input has too few columns.")
        .WithPosition(location + 1);
  auto* row = dynamic_cast<RowExpr*>(e.get());
  std::vector<ExprP> converted;
  for (size_t i = 0; i < target.types.size(); i++) {
    ExprP field = row && row->null_marker < 0 ? row->fields[i] : std::make_shared<ColumnExpr>(static_cast<int>(i), 0, from->types[i], from->names[i]);
    if (!CanCast(field->type, target.types[i], ctx))
      throw Error(sqlstate::kCannotCoerce, "cannot cast type " + TypeName(e->type) + " to " + TypeName(to))
          .WithDetail("Cannot cast type " + TypeName(field->type) + " to " + TypeName(target.types[i]) + " in column " + std::to_string(i + 1) + ".")
          .WithPosition(location + 1);
    int at = location;
    if (auto* k = dynamic_cast<ConstExpr*>(field.get()); k && k->location >= 0) at = k->location;
    converted.push_back(Coerce(field, target.types[i], ctx, at));
  }
  if (row && row->null_marker < 0) return std::make_shared<RowExpr>(to, std::move(converted));
  return std::make_shared<RowConvertExpr>(to, std::move(e), std::move(converted));
}

ExprP Binder::CompareRows(const std::string& op, ExprP l, ExprP r) {
  // PostgreSQL's record_eq / record_cmp: field by field, each pair of the same type (checked as
  // the comparison reaches it), two NULLs equal and a NULL after any value.
  std::shared_ptr<const RecordDef> x = l->type.record, y = r->type.record;
  std::function<bool(int)> test = ComparisonTest(op);
  std::string shown = op == "!=" ? "<>" : op;
  ScalarFn compare = [x, y, test](const std::vector<Value>& a, EvalContext&) {
    const auto& u = a[0].arr();
    const auto& v = a[1].arr();
    int c = 0;
    for (size_t i = 0; i < u.size() && i < v.size() && c == 0; i++) {
      const Type& tu = x->types[i];
      const Type& tv = y->types[i];
      if (tu != tv)
        throw Error(sqlstate::kDatatypeMismatch, "cannot compare dissimilar column types " + TypeName(tu) + " and " + TypeName(tv) +
                                                     " at record column " + std::to_string(i + 1));
      c = CompareNullable(tu, u[i], v[i], false);
    }
    if (c == 0 && u.size() != v.size())
      throw Error(sqlstate::kDatatypeMismatch, "cannot compare record types with different numbers of columns");
    return Value::Bool(test(c));
  };
  return std::make_shared<CallExpr>(Type(oid::kBool), shown, std::vector<ExprP>{std::move(l), std::move(r)}, std::move(compare), true, true);
}

}  // namespace tusk

namespace tusk {

Type Binder::RecordResultType(const std::string& function) {
  if (!from_function)
    throw Error(sqlstate::kFeatureNotSupported, "could not determine row type for result of " + function)
        .WithHint("Provide a non-null record argument, or call the function in the FROM clause using a column definition list.");
  if (!from_function->record)
    ThrowAt(sqlstate::kSyntaxError, "a column definition list is required for functions returning \"record\"", from_function->call_location);
  from_function->taken = true;
  return *from_function->record;
}

}  // namespace tusk
