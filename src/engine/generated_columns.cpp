#include "engine/generated_columns.hpp"

#include "binder/volatility.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "function/set_returning.hpp"
#include "parser/walk.hpp"
#include "planner/table_expression_binder.hpp"
#include "types/cast.hpp"

namespace tusk {

namespace {
// The column a ColumnRef names when it is a plain (optionally table-qualified) column of `t`;
// empty otherwise.
std::string RefColumnName(const PgQuery__ColumnRef* cr) {
  Node* last = cr->fields[cr->n_fields - 1];
  return last->node_case == PG_QUERY__NODE__NODE_STRING ? last->string->sval : "";
}

bool IsSystemColumnName(const std::string& name) {
  return name == "ctid" || name == "xmin" || name == "cmin" || name == "xmax" || name == "cmax";
}

// What PostgreSQL's transformExpr refuses in a generation expression before it binds names:
// subqueries, set-returning functions, system columns and whole-row references, in the order
// they appear.
void CheckRawExpression(const TableDef& t, Node* expr) {
  auto visit = [&](Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_SUB_LINK:
        ThrowAt(sqlstate::kFeatureNotSupported, "cannot use subquery in column generation expression", n->sub_link->location);
      case PG_QUERY__NODE__NODE_FUNC_CALL: {
        auto* f = n->func_call;
        if (IsSetReturningFunction(StrVal(f->funcname[f->n_funcname - 1])))
          ThrowAt(sqlstate::kFeatureNotSupported, "set-returning functions are not allowed in column generation expressions",
                  f->location);
        break;
      }
      case PG_QUERY__NODE__NODE_COLUMN_REF: {
        auto* cr = n->column_ref;
        std::string name = RefColumnName(cr);
        bool star = cr->fields[cr->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
        bool whole_row = (star && (cr->n_fields == 1 || StrVal(cr->fields[cr->n_fields - 2]) == t.name)) ||
                         (cr->n_fields == 1 && name == t.name && t.FindColumn(name) < 0);
        if (whole_row)
          throw Error(sqlstate::kInvalidObjectDefinition, "cannot use whole-row variable in column generation expression")
              .WithDetail("This would cause the generated column to depend on its own value.")
              .WithPosition(cr->location + 1);
        if (IsSystemColumnName(name) && t.FindColumn(name) < 0)
          ThrowAt(sqlstate::kInvalidColumnReference, "cannot use system column \"" + name + "\" in column generation expression",
                  cr->location);
        break;
      }
      default:
        break;
    }
    return true;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
}

// PostgreSQL's check_nested_generated: a generation expression reads ordinary columns only.
void CheckNoGeneratedReference(const TableDef& t, Node* expr) {
  auto visit = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      int c = t.FindColumn(RefColumnName(n->column_ref));
      if (c >= 0 && t.columns[static_cast<size_t>(c)].generated)
        throw Error(sqlstate::kInvalidObjectDefinition,
                    "cannot use generated column \"" + t.columns[static_cast<size_t>(c)].name + "\" in column generation expression")
            .WithDetail("A generated column cannot reference another generated column.")
            .WithPosition(n->column_ref->location + 1);
    }
    return true;
  };
  if (visit(expr)) WalkNodes(&expr->base, visit);
}
}  // namespace

std::string CheckGenerationExpression(ExecState* st, const Catalog& cat, const TableDef& t, size_t column, Node* expr) {
  const ColumnDef& col = t.columns[column];
  CheckRawExpression(t, expr);
  TableExpressionBinder binder(st, cat, t, "column generation expressions");
  ExprP e = binder.Bind(expr);
  CheckNoGeneratedReference(t, expr);
  if (ExprVolatility(*e) != 'i') throw Error(sqlstate::kInvalidObjectDefinition, "generation expression is not immutable");
  if (!CanCast(e->type, col.type, CastContext::kAssignment))
    throw Error(sqlstate::kDatatypeMismatch, "column \"" + col.name + "\" is of type " + TypeName(col.type) +
                                                 " but default expression is of type " + TypeName(e->type))
        .WithHint("You will need to rewrite or cast the expression.");
  binder.planner().binder().Coerce(e, col.type, CastContext::kAssignment, -1, "column \"" + col.name + "\"");
  return DeparseExpr(expr);
}

std::vector<size_t> GeneratedColumnsReading(const TableDef& t, size_t column) {
  std::vector<size_t> out;
  const std::string& name = t.columns[column].name;
  for (size_t i = 0; i < t.columns.size(); i++) {
    const ColumnDef& c = t.columns[i];
    if (!c.generated || c.dropped || i == column) continue;
    std::unique_ptr<Script> holder;
    Node* e = ParseStoredExpr(c.default_sql, &holder);
    bool reads = false;
    auto visit = [&](Node* n) {
      if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && RefColumnName(n->column_ref) == name) reads = true;
      return !reads;
    };
    if (visit(e)) WalkNodes(&e->base, visit);
    if (reads) out.push_back(i);
  }
  return out;
}

void ThrowGeneratedInsert(const ColumnDef& col) {
  throw Error(sqlstate::kGeneratedAlways, "cannot insert a non-DEFAULT value into column \"" + col.name + "\"")
      .WithDetail("Column \"" + col.name + "\" is a generated column.");
}

void ThrowGeneratedUpdate(const ColumnDef& col) {
  throw Error(sqlstate::kGeneratedAlways, "column \"" + col.name + "\" can only be updated to DEFAULT")
      .WithDetail("Column \"" + col.name + "\" is a generated column.");
}

}  // namespace tusk
