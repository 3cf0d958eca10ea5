#include "views/updatable.hpp"

#include <deque>
#include <map>

#include "binder/binder.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "engine/session.hpp"
#include "parser/walk.hpp"
#include "planner/planner.hpp"

namespace tusk {

// Nodes made while rewriting; they live as long as the rewritten statement.
struct RewriteNodes {
  std::deque<Node> nodes;
  std::deque<PgQuery__ResTarget> targets;
  std::deque<PgQuery__RangeVar> range_vars;
  std::deque<PgQuery__Alias> aliases;
  std::deque<PgQuery__BoolExpr> bool_exprs;
  std::deque<std::string> strings;
  std::deque<std::vector<Node*>> arrays;
  char* Str(const std::string& s) { return strings.emplace_back(s).data(); }
};

ViewWrite::ViewWrite() = default;
ViewWrite::~ViewWrite() = default;

namespace {

enum class Verb { kInsert, kUpdate, kDelete };

// One view being written through: its query, its single FROM relation, and what each of its
// columns stands for (an expression over that relation, qualified by `base_alias`).
struct Level {
  const ViewDef* view = nullptr;
  PgQuery__SelectStmt* query = nullptr;
  PgQuery__RangeVar* base = nullptr;
  std::string base_alias;
  std::vector<std::string> names;
  std::map<std::string, Node*> columns;
};

// A deep copy of a parse tree in `arena` (protobuf-c's pack and unpack).
Node* CopyTree(ParseArena& arena, Node* n) {
  if (!n) return nullptr;
  size_t len = pg_query__node__get_packed_size(n);
  std::string buf(len, '\0');
  pg_query__node__pack(n, reinterpret_cast<uint8_t*>(buf.data()));
  Node* copy = pg_query__node__unpack(arena.allocator(), len, reinterpret_cast<const uint8_t*>(buf.data()));
  if (!copy) throw Error(sqlstate::kInternalError, "could not copy a parse tree");
  return copy;
}

[[noreturn]] void NotUpdatable(const ViewDef& v, Verb verb, const std::string& detail) {
  const char* command = verb == Verb::kInsert ? "INSERT" : verb == Verb::kUpdate ? "UPDATE" : "DELETE";
  const char* doing = verb == Verb::kInsert ? "inserting into" : verb == Verb::kUpdate ? "updating" : "deleting from";
  const char* what = verb == Verb::kInsert ? "insert into" : verb == Verb::kUpdate ? "update" : "delete from";
  throw Error(sqlstate::kObjectNotInPrerequisiteState, std::string("cannot ") + what + " view \"" + v.name + "\"")
      .WithDetail(detail)
      .WithHint(std::string("To enable ") + doing + " the view, provide an INSTEAD OF " + command + " trigger or an unconditional ON " +
                command + " DO INSTEAD rule.");
}

bool ReturnsKind(PgQuery__SelectStmt* q, bool window) {
  bool found = false;
  for (size_t i = 0; i < q->n_target_list && !found; i++) {
    Node* v = q->target_list[i]->res_target->val;
    auto visit = [&](Node* x) {
      if (found || x->node_case == PG_QUERY__NODE__NODE_SUB_LINK) return false;
      if (x->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
        auto* f = x->func_call;
        if (window ? f->over != nullptr : (!f->over && IsAggregateName(StrVal(f->funcname[f->n_funcname - 1])))) found = true;
      }
      return !found;
    };
    if (visit(v)) WalkNodes(&v->base, visit);
  }
  return found;
}

// PostgreSQL's view_query_is_auto_updatable, with its DETAIL for the first reason it fails.
void CheckAutoUpdatable(const Catalog& cat, const ViewDef& v, PgQuery__SelectStmt* q, Verb verb) {
  if (q->n_distinct_clause) NotUpdatable(v, verb, "Views containing DISTINCT are not automatically updatable.");
  if (q->n_group_clause) NotUpdatable(v, verb, "Views containing GROUP BY are not automatically updatable.");
  if (q->having_clause) NotUpdatable(v, verb, "Views containing HAVING are not automatically updatable.");
  if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
    NotUpdatable(v, verb, "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.");
  if (q->with_clause) NotUpdatable(v, verb, "Views containing WITH are not automatically updatable.");
  if (q->limit_count || q->limit_offset) NotUpdatable(v, verb, "Views containing LIMIT or OFFSET are not automatically updatable.");
  if (ReturnsKind(q, false)) NotUpdatable(v, verb, "Views that return aggregate functions are not automatically updatable.");
  if (ReturnsKind(q, true)) NotUpdatable(v, verb, "Views that return window functions are not automatically updatable.");
  bool single = q->n_from_clause == 1 && q->from_clause[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR && !q->n_values_lists;
  if (single) {
    auto* rv = q->from_clause[0]->range_var;
    auto rel = cat.FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, {});
    single = rel && (rel->first == RelKind::kTable || rel->first == RelKind::kView);
  }
  if (!single) NotUpdatable(v, verb, "Views that do not select from a single table or view are not automatically updatable.");
}

// The base column a view column writes to: a plain reference to a column of the base relation.
std::string WritableColumn(const Level& level, const std::string& name) {
  Node* e = level.columns.at(name);
  if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return "";
  auto* ref = e->column_ref;
  if (ref->n_fields != 2 || StrVal(ref->fields[0]) != level.base_alias) return "";
  return StrVal(ref->fields[1]);
}

// Replaces references to the view's columns in `root`: unqualified ones outside subqueries
// (unless `unqualified` is false), and ones qualified by the name the statement gives the view
// anywhere. Each becomes a copy of the
// expression the column stands for.
void Substitute(Node* root, const Level& level, const std::string& view_ref, ParseArena& arena, bool unqualified = true) {
  if (!root) return;
  auto replace = [&](Node* n, bool unqualified_too) {
    auto* ref = n->column_ref;
    std::string col;
    if (ref->n_fields == 1 && unqualified_too) col = StrVal(ref->fields[0]);
    else if (ref->n_fields == 2 && StrVal(ref->fields[0]) == view_ref) col = StrVal(ref->fields[1]);
    auto it = level.columns.find(col);
    if (col.empty() || it == level.columns.end()) return;
    *n = *CopyTree(arena, it->second);
  };
  std::vector<Node*> sublinks;
  auto top = [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK) { sublinks.push_back(n); return false; }
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) { replace(n, unqualified); return false; }
    return true;
  };
  if (top(root)) WalkNodes(&root->base, top);
  for (Node* s : sublinks)
    WalkNodes(&s->base, [&](Node* n) {
      if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) { replace(n, false); return false; }
      return true;
    });
}

Node* NewNode(RewriteNodes& made, PgQuery__Node__NodeCase kind) {
  Node& n = made.nodes.emplace_back();
  pg_query__node__init(&n);
  n.node_case = kind;
  return &n;
}

Node* And(RewriteNodes& made, Node* a, Node* b) {
  if (!a) return b;
  if (!b) return a;
  PgQuery__BoolExpr& e = made.bool_exprs.emplace_back();
  pg_query__bool_expr__init(&e);
  e.boolop = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
  std::vector<Node*>& args = made.arrays.emplace_back(std::vector<Node*>{a, b});
  e.n_args = 2;
  e.args = args.data();
  Node* n = NewNode(made, PG_QUERY__NODE__NODE_BOOL_EXPR);
  n->bool_expr = &e;
  return n;
}

// The statement's target, renamed to the base relation under the alias the view's query gave it.
PgQuery__RangeVar* BaseTarget(RewriteNodes& made, const Level& level) {
  PgQuery__RangeVar& rv = made.range_vars.emplace_back();
  pg_query__range_var__init(&rv);
  rv.schemaname = made.Str(level.base->schemaname ? level.base->schemaname : "");
  rv.relname = made.Str(level.base->relname);
  rv.inh = true;
  rv.relpersistence = made.Str("p");
  PgQuery__Alias& a = made.aliases.emplace_back();
  pg_query__alias__init(&a);
  a.aliasname = made.Str(level.base_alias);
  rv.alias = &a;
  return &rv;
}

Node* Target(RewriteNodes& made, const std::string& name, Node* val, PgQuery__ResTarget* like) {
  PgQuery__ResTarget& t = made.targets.emplace_back();
  pg_query__res_target__init(&t);
  if (like) t = *like;
  t.name = made.Str(name);
  t.val = val;
  Node* n = NewNode(made, PG_QUERY__NODE__NODE_RES_TARGET);
  n->res_target = &t;
  return n;
}

// RETURNING over the view: * becomes the view's columns; references are substituted.
void RewriteReturning(Node*** list, size_t* n, const Level& level, const std::string& view_ref, ViewWrite* out, RewriteNodes& made) {
  std::vector<Node*>& items = made.arrays.emplace_back();
  for (size_t i = 0; i < *n; i++) {
    auto* rt = (*list)[i]->res_target;
    Node* v = rt->val;
    bool star = v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR &&
                (v->column_ref->n_fields == 1 || StrVal(v->column_ref->fields[0]) == view_ref);
    if (star) {
      for (const auto& name : level.names) items.push_back(Target(made, name, CopyTree(out->arena, level.columns.at(name)), nullptr));
      continue;
    }
    // An unnamed reference keeps the view column's name as the output column's name.
    std::string name = rt->name && *rt->name ? rt->name : FigureColname(v);
    Substitute(v, level, view_ref, out->arena);
    items.push_back(Target(made, name, v, nullptr));
  }
  *list = items.data();
  *n = items.size();
}

// ON CONFLICT through a view: the conflict target's columns and the DO UPDATE assignments name
// base columns; the view's columns read in them (the target's, and EXCLUDED's, the proposed
// row's) become the expressions they stand for.
void RewriteOnConflict(PgQuery__OnConflictClause* oc, const Level& level, const std::string& view_ref, ViewWrite* out, RewriteNodes& made) {
  Level excluded = level;  // the view's columns over the proposed row: base_alias.x -> excluded.x
  for (auto& [name, expr] : excluded.columns) {
    expr = CopyTree(out->arena, expr);
    auto rename = [&](Node* n) {
      if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && n->column_ref->n_fields == 2 &&
          StrVal(n->column_ref->fields[0]) == level.base_alias) {
        std::vector<Node*>& fields = made.arrays.emplace_back();
        Node* qualifier = NewNode(made, PG_QUERY__NODE__NODE_STRING);
        PgQuery__String* str = reinterpret_cast<PgQuery__String*>(out->arena.Allocate(sizeof(PgQuery__String)));
        pg_query__string__init(str);
        str->sval = made.Str("excluded");
        qualifier->string = str;
        fields.push_back(qualifier);
        fields.push_back(n->column_ref->fields[1]);
        n->column_ref->fields = fields.data();
      }
      return true;
    };
    if (rename(expr)) WalkNodes(&expr->base, rename);
  }
  auto substitute = [&](Node* n) {
    Substitute(n, excluded, "excluded", out->arena, false);
    Substitute(n, level, view_ref, out->arena);
  };
  if (oc->infer && oc->infer->conname && *oc->infer->conname)
    throw Error(sqlstate::kUndefinedObject, "constraint \"" + std::string(oc->infer->conname) + "\" for table \"" + level.view->name +
                                                "\" does not exist");
  // In DO UPDATE, a bare column name could mean the view's row or EXCLUDED's.
  auto refuse_bare = [&](Node* root) {
    auto visit = [&](Node* n) {
      if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK) return false;
      if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
        auto* ref = n->column_ref;
        if (ref->n_fields == 1 && level.columns.count(StrVal(ref->fields[0])))
          ThrowAt(sqlstate::kAmbiguousColumn, "column reference \"" + StrVal(ref->fields[0]) + "\" is ambiguous", ref->location);
        return false;
      }
      return true;
    };
    if (root && visit(root)) WalkNodes(&root->base, visit);
  };
  for (size_t i = 0; i < oc->n_target_list; i++) refuse_bare(oc->target_list[i]->res_target->val);
  refuse_bare(oc->where_clause);
  if (oc->infer) {
    for (size_t i = 0; i < oc->infer->n_index_elems; i++) {
      auto* elem = oc->infer->index_elems[i]->index_elem;
      if (elem->name) {
        std::string base = level.columns.count(elem->name) ? WritableColumn(level, elem->name) : "";
        if (base.empty())
          throw Error(sqlstate::kUndefinedColumn, "column \"" + std::string(elem->name) + "\" does not exist")
              .WithPosition(oc->infer->location + 1);  // as for a table (engine/dml.cpp)
        elem->name = made.Str(base);
      }
      Substitute(elem->expr, level, view_ref, out->arena);
    }
    Substitute(oc->infer->where_clause, level, view_ref, out->arena);
  }
  for (size_t i = 0; i < oc->n_target_list; i++) {
    auto* rt = oc->target_list[i]->res_target;
    std::string name = rt->name;
    if (!level.columns.count(name))
      throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" + level.view->name + "\" does not exist");
    std::string base = WritableColumn(level, name);
    if (base.empty())
      throw Error(sqlstate::kFeatureNotSupported, "cannot update column \"" + name + "\" of view \"" + level.view->name + "\"")
          .WithDetail("View columns that are not columns of their base relation are not updatable.");
    rt->name = made.Str(base);
    substitute(rt->val);
  }
  substitute(oc->where_clause);
}

// How many values an INSERT without a column list gives: the widest VALUES row, or the
// width of its query.
size_t SourceWidth(ExecState* st, PgQuery__InsertStmt* ins) {
  if (!ins->select_stmt) return 0;
  auto* sel = ins->select_stmt->select_stmt;
  if (sel->n_values_lists) {
    size_t widest = 0;
    for (size_t r = 0; r < sel->n_values_lists; r++) widest = std::max(widest, sel->values_lists[r]->list->n_items);
    return widest;
  }
  ParamTypes params;
  params.allow_new = true;
  Planner planner(st, &params);
  return planner.PlanSelect(ins->select_stmt, nullptr).columns.size();
}

}  // namespace

std::unique_ptr<ViewWrite> RewriteWriteOnView(ExecState* st, Node* original) {
  PgQuery__RangeVar* target = original->node_case == PG_QUERY__NODE__NODE_INSERT_STMT   ? original->insert_stmt->relation
                              : original->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ? original->update_stmt->relation
                                                                                         : original->delete_stmt->relation;
  const Catalog& cat = *st->catalog;
  std::vector<std::string> path = st->session->SearchPath();
  auto first = cat.FindRelation(target->schemaname ? target->schemaname : "", target->relname, EffectiveSearchPath(cat, path));
  if (!first || first->first != RelKind::kView) return nullptr;

  auto out = std::make_unique<ViewWrite>();
  RewriteNodes& made = *out->nodes.emplace_back(std::make_unique<RewriteNodes>());
  Node* stmt = out->stmt = CopyTree(out->arena, original);
  Verb verb = stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT ? Verb::kInsert
              : stmt->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ? Verb::kUpdate : Verb::kDelete;
  bool cascaded = false;
  std::vector<std::pair<std::string, Node*>> checks;  // outermost first, over the current target
  std::string check_alias;
  uint32_t view_oid = first->second;
  for (int depth = 0; view_oid; depth++) {
    if (depth > 100) throw Error(sqlstate::kInvalidObjectDefinition, "infinite recursion detected in rules for relation");
    const ViewDef* v = cat.FindView(view_oid);
    out->views.push_back(view_oid);
    Level level;
    level.view = v;
    out->holders.push_back(ParseSql(v->query_sql));
    level.query = out->holders.back()->statements.at(0).stmt->select_stmt;
    CheckAutoUpdatable(cat, *v, level.query, verb);
    level.base = level.query->from_clause[0]->range_var;
    level.base_alias = level.base->alias ? level.base->alias->aliasname : level.base->relname;
    for (size_t i = 0; i < v->columns.size() && i < level.query->n_target_list; i++) {
      level.names.push_back(v->columns[i].name);
      level.columns[v->columns[i].name] = level.query->target_list[i]->res_target->val;
    }
    bool any_writable = false;
    for (const auto& name : level.names) any_writable |= !WritableColumn(level, name).empty();
    if (verb != Verb::kDelete && !any_writable)
      NotUpdatable(*v, verb, "Views that have no updatable columns are not automatically updatable.");

    PgQuery__RangeVar** relation = verb == Verb::kInsert ? &stmt->insert_stmt->relation
                                   : verb == Verb::kUpdate ? &stmt->update_stmt->relation : &stmt->delete_stmt->relation;
    std::string view_ref = (*relation)->alias ? (*relation)->alias->aliasname : (*relation)->relname;
    // Checks gathered so far read this view's columns: they now read its base's.
    for (auto& [name, cond] : checks) Substitute(cond, level, check_alias, out->arena);
    Node* view_where = level.query->where_clause ? CopyTree(out->arena, level.query->where_clause) : nullptr;

    if (verb == Verb::kInsert) {
      auto* ins = stmt->insert_stmt;
      if (ins->on_conflict_clause) RewriteOnConflict(ins->on_conflict_clause, level, view_ref, out.get(), made);
      std::vector<Node*>& cols = made.arrays.emplace_back();
      std::vector<std::pair<std::string, PgQuery__ResTarget*>> given;
      if (ins->n_cols) {
        for (size_t i = 0; i < ins->n_cols; i++) given.emplace_back(ins->cols[i]->res_target->name, ins->cols[i]->res_target);
      } else {
        size_t width = std::min(SourceWidth(st, ins), level.names.size());
        for (size_t i = 0; i < width; i++) given.emplace_back(level.names[i], nullptr);
      }
      for (auto& [name, rt] : given) {
        if (!level.columns.count(name)) {
          Error e(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" + v->name + "\" does not exist");
          if (rt) e.WithPosition(rt->location + 1);
          throw e;
        }
        std::string base = WritableColumn(level, name);
        if (base.empty())
          throw Error(sqlstate::kFeatureNotSupported, "cannot insert into column \"" + name + "\" of view \"" + v->name + "\"")
              .WithDetail("View columns that are not columns of their base relation are not updatable.");
        cols.push_back(Target(made, base, nullptr, rt));
      }
      ins->cols = cols.data();
      ins->n_cols = cols.size();
      RewriteReturning(&ins->returning_list, &ins->n_returning_list, level, view_ref, out.get(), made);
    } else if (verb == Verb::kUpdate) {
      auto* up = stmt->update_stmt;
      for (size_t i = 0; i < up->n_target_list; i++) {
        auto* rt = up->target_list[i]->res_target;
        std::string name = rt->name;
        if (!level.columns.count(name))
          throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" + v->name + "\" does not exist")
              .WithPosition(rt->location + 1);
        std::string base = WritableColumn(level, name);
        if (base.empty())
          throw Error(sqlstate::kFeatureNotSupported, "cannot update column \"" + name + "\" of view \"" + v->name + "\"")
              .WithDetail("View columns that are not columns of their base relation are not updatable.");
        rt->name = made.Str(base);
        Substitute(rt->val, level, view_ref, out->arena);
      }
      if (up->where_clause && up->where_clause->node_case == PG_QUERY__NODE__NODE_CURRENT_OF_EXPR)
        throw Error(sqlstate::kFeatureNotSupported, "WHERE CURRENT OF on a view is not supported yet");
      Substitute(up->where_clause, level, view_ref, out->arena);
      up->where_clause = And(made, view_where, up->where_clause);
      RewriteReturning(&up->returning_list, &up->n_returning_list, level, view_ref, out.get(), made);
    } else {
      auto* del = stmt->delete_stmt;
      if (del->where_clause && del->where_clause->node_case == PG_QUERY__NODE__NODE_CURRENT_OF_EXPR)
        throw Error(sqlstate::kFeatureNotSupported, "WHERE CURRENT OF on a view is not supported yet");
      Substitute(del->where_clause, level, view_ref, out->arena);
      del->where_clause = And(made, view_where, del->where_clause);
      RewriteReturning(&del->returning_list, &del->n_returning_list, level, view_ref, out.get(), made);
    }
    *relation = BaseTarget(made, level);

    // CHECK OPTION: this view's own, or any view's above it that cascades.
    std::string option;
    for (const auto& o : v->options)
      if (o.rfind("check_option=", 0) == 0) option = o.substr(13);
    cascaded |= option == "cascaded";
    if (verb != Verb::kDelete && (cascaded || !option.empty()) && level.query->where_clause)
      checks.emplace_back(v->name, CopyTree(out->arena, level.query->where_clause));
    check_alias = level.base_alias;

    auto next = cat.FindRelation(level.base->schemaname ? level.base->schemaname : "", level.base->relname, {});
    view_oid = next && next->first == RelKind::kView ? next->second : 0;
  }
  // Innermost first, the order PostgreSQL checks them in.
  for (auto it = checks.rbegin(); it != checks.rend(); ++it)
    out->checks.push_back({it->first, DeparseExpr(it->second), check_alias});
  return out;
}

namespace {
// A view's query, its base relation and whether PostgreSQL would write through it.
struct ViewShape {
  std::unique_ptr<Script> script;
  PgQuery__SelectStmt* query = nullptr;
  std::optional<std::pair<RelKind, uint32_t>> base;
  bool updatable = false;
};
ViewShape ShapeOf(const Catalog& cat, const ViewDef& v) {
  ViewShape s;
  s.script = ParseSql(v.query_sql);
  s.query = s.script->statements.at(0).stmt->select_stmt;
  try {
    CheckAutoUpdatable(cat, v, s.query, Verb::kDelete);
  } catch (const Error&) {
    return s;
  }
  auto* rv = s.query->from_clause[0]->range_var;
  s.base = cat.FindRelation(rv->schemaname ? rv->schemaname : "", rv->relname, {});
  s.updatable = true;
  return s;
}
}  // namespace

int UpdatableEvents(const Catalog& cat, uint32_t oid) {
  constexpr int kUpdate = 4, kInsert = 8, kDelete = 16;
  if (const TableDef* t = cat.FindTable(oid)) return t->materialized ? 0 : kUpdate | kInsert | kDelete;
  const ViewDef* v = cat.FindView(oid);
  if (!v) return 0;
  ViewShape s = ShapeOf(cat, *v);
  if (!s.updatable) return 0;
  int events = kDelete;
  for (size_t i = 0; i < v->columns.size(); i++)
    if (ColumnIsUpdatable(cat, oid, static_cast<int>(i) + 1)) events |= kUpdate | kInsert;
  return events & UpdatableEvents(cat, s.base->second);
}

bool ColumnIsUpdatable(const Catalog& cat, uint32_t oid, int attnum) {
  if (const TableDef* t = cat.FindTable(oid)) return !t->materialized;
  const ViewDef* v = cat.FindView(oid);
  if (!v || attnum < 1 || static_cast<size_t>(attnum) > v->columns.size()) return false;
  ViewShape s = ShapeOf(cat, *v);
  if (!s.updatable || static_cast<size_t>(attnum) > s.query->n_target_list) return false;
  Node* e = s.query->target_list[attnum - 1]->res_target->val;
  auto* base = s.query->from_clause[0]->range_var;
  std::string alias = base->alias ? base->alias->aliasname : base->relname;
  if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || e->column_ref->n_fields != 2 || StrVal(e->column_ref->fields[0]) != alias) return false;
  std::string column = StrVal(e->column_ref->fields[1]);
  if (const TableDef* t = cat.FindTable(s.base->second)) return t->FindColumn(column) >= 0;
  const ViewDef* inner = cat.FindView(s.base->second);
  for (size_t i = 0; inner && i < inner->columns.size(); i++)
    if (inner->columns[i].name == column) return ColumnIsUpdatable(cat, inner->oid, static_cast<int>(i) + 1);
  return false;
}

}  // namespace tusk
