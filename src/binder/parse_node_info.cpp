// What the binder reads off raw parse nodes without binding them: the column name PostgreSQL
// gives an expression (FigureColname) and the statement offset an error cursor points at.
#include "binder/binder.hpp"

namespace tusk {

static std::string FigureColnameStrength(Node* node, int* strength) {
  *strength = 2;
  if (!node) { *strength = 0; return "?column?"; }
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      auto* r = node->column_ref;
      Node* last = r->fields[r->n_fields - 1];
      if (last->node_case == PG_QUERY__NODE__NODE_STRING) return last->string->sval;
      return "?column?";
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL: {
      auto* f = node->func_call;
      return StrVal(f->funcname[f->n_funcname - 1]);
    }
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      int inner_strength;
      std::string inner = FigureColnameStrength(node->type_cast->arg, &inner_strength);
      if (inner_strength > 1) return inner;
      auto* tn = node->type_cast->type_name;
      *strength = 1;
      return StrVal(tn->names[tn->n_names - 1]);
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      // (x).field is named by its last field, as PostgreSQL's FigureColname
      auto* ind = node->a_indirection;
      for (size_t i = ind->n_indirection; i > 0; i--) {
        Node* n = ind->indirection[i - 1];
        if (n->node_case == PG_QUERY__NODE__NODE_STRING) {
          *strength = 2;
          return n->string->sval;
        }
        if (n->node_case == PG_QUERY__NODE__NODE_A_STAR) break;
      }
      return FigureColnameStrength(ind->arg, strength);
    }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      if (node->case_expr->defresult) {
        int st;
        std::string d = FigureColnameStrength(node->case_expr->defresult, &st);
        if (st > 1) return d;
      }
      *strength = 1;
      return "case";
    }
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: return "coalesce";
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: return node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
    case PG_QUERY__NODE__NODE_A_EXPR:
      if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return "nullif";
      *strength = 0;
      return "?column?";
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return "array";
    case PG_QUERY__NODE__NODE_ROW_EXPR: return "row";
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: return "grouping";
    case PG_QUERY__NODE__NODE_SUB_LINK: {
      auto* s = node->sub_link;
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) return "exists";
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) return "array";
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) {
        auto* sel = s->subselect->select_stmt;
        if (sel && sel->n_target_list == 1) {
          auto* rt = sel->target_list[0]->res_target;
          if (rt->name && *rt->name) return rt->name;
          return FigureColname(rt->val);
        }
      }
      return "?column?";
    }
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: {
      switch (node->sqlvalue_function->op) {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: return "current_date";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME: case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N: return "current_time";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP: case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N: return "current_timestamp";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME: case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N: return "localtime";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP: case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: return "localtimestamp";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE: return "current_role";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: return "current_user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER: return "user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: return "session_user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG: return "current_catalog";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA: return "current_schema";
        default: return "?column?";
      }
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: return FigureColnameStrength(node->collate_clause->arg, strength);
    default: *strength = 0; return "?column?";
  }
}

std::string FigureColname(Node* node) {
  int strength;
  return FigureColnameStrength(node, &strength);
}

int ExprLocation(Node* n) {
  if (!n) return -1;
  auto leftmost = [](int a, int b) { return a < 0 ? b : b < 0 ? a : std::min(a, b); };
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST: return n->a_const->location;
    case PG_QUERY__NODE__NODE_COLUMN_REF: return n->column_ref->location;
    case PG_QUERY__NODE__NODE_PARAM_REF: return n->param_ref->location;
    case PG_QUERY__NODE__NODE_A_EXPR: return leftmost(n->a_expr->location, ExprLocation(n->a_expr->lexpr));
    case PG_QUERY__NODE__NODE_FUNC_CALL: return n->func_call->location;
    case PG_QUERY__NODE__NODE_TYPE_CAST: return leftmost(n->type_cast->location, ExprLocation(n->type_cast->arg));
    case PG_QUERY__NODE__NODE_BOOL_EXPR: {
      int loc = n->bool_expr->location;
      for (size_t i = 0; i < n->bool_expr->n_args; i++) loc = leftmost(loc, ExprLocation(n->bool_expr->args[i]));
      return loc;
    }
    case PG_QUERY__NODE__NODE_NULL_TEST: return leftmost(n->null_test->location, ExprLocation(n->null_test->arg));
    case PG_QUERY__NODE__NODE_BOOLEAN_TEST: return leftmost(n->boolean_test->location, ExprLocation(n->boolean_test->arg));
    case PG_QUERY__NODE__NODE_SUB_LINK: return leftmost(n->sub_link->location, ExprLocation(n->sub_link->testexpr));
    case PG_QUERY__NODE__NODE_CASE_EXPR: return n->case_expr->location;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: return n->coalesce_expr->location;
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: return n->min_max_expr->location;
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return n->a_array_expr->location;
    case PG_QUERY__NODE__NODE_A_INDIRECTION: return ExprLocation(n->a_indirection->arg);
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return n->sqlvalue_function->location;
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: return ExprLocation(n->collate_clause->arg);
    case PG_QUERY__NODE__NODE_ROW_EXPR: return n->row_expr->location;
    case PG_QUERY__NODE__NODE_RES_TARGET: return n->res_target->location;
    default: return -1;
  }
}

}  // namespace tusk
