#include "views/definition.hpp"

#include <deque>
#include <set>

#include "catalog/system/system_relation.hpp"
#include "binder/binder.hpp"
#include "parser/walk.hpp"

namespace tusk {

namespace {

// Nodes added to a parse tree being rewritten; they live as long as the tree is used.
class TreeEdits {
 public:
  char* Str(const std::string& s) { return strings_.emplace_back(s).data(); }
  Node* StringNode(const std::string& s) {
    PgQuery__String& str = string_nodes_.emplace_back();
    pg_query__string__init(&str);
    str.sval = Str(s);
    Node& n = nodes_.emplace_back();
    pg_query__node__init(&n);
    n.node_case = PG_QUERY__NODE__NODE_STRING;
    n.string = &str;
    return &n;
  }
  // A column reference of these fields, and a select-list item of a value.
  Node* ColumnRef(std::vector<Node*>& fields, int location) {
    PgQuery__ColumnRef& ref = column_refs_.emplace_back();
    pg_query__column_ref__init(&ref);
    ref.n_fields = fields.size();
    ref.fields = fields.data();
    ref.location = location;
    Node& n = nodes_.emplace_back();
    pg_query__node__init(&n);
    n.node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
    n.column_ref = &ref;
    return &n;
  }
  Node* Target(Node* val, int location) {
    PgQuery__ResTarget& target = targets_.emplace_back();
    pg_query__res_target__init(&target);
    target.name = Str("");
    target.val = val;
    target.location = location;
    Node& n = nodes_.emplace_back();
    pg_query__node__init(&n);
    n.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    n.res_target = &target;
    return &n;
  }
  // A select-list item reading qualifier.column (column alone when qualifier is empty).
  Node* ColumnTarget(const std::string& qualifier, const std::string& column, int location) {
    std::vector<Node*>& fields = arrays_.emplace_back();
    if (!qualifier.empty()) fields.push_back(StringNode(qualifier));
    fields.push_back(StringNode(column));
    return Target(ColumnRef(fields, location), location);
  }
  PgQuery__Alias* Alias(const std::string& name) {
    PgQuery__Alias& a = aliases_.emplace_back();
    pg_query__alias__init(&a);
    a.aliasname = Str(name);
    return &a;
  }
  std::vector<Node*>& Array() { return arrays_.emplace_back(); }
  Node* Wrap(PgQuery__SelectStmt* s) {
    Node& n = nodes_.emplace_back();
    pg_query__node__init(&n);
    n.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    n.select_stmt = s;
    return &n;
  }
  // SELECT * FROM (query) alias(columns)
  Node* SelectStarFromValues(Node* query, const std::string& alias, const std::vector<std::string>& columns) {
    PgQuery__Alias* a = Alias(alias);
    std::vector<Node*>& names = Array();
    for (const auto& c : columns) names.push_back(StringNode(c));
    a->n_colnames = names.size();
    a->colnames = names.data();
    PgQuery__RangeSubselect& sub = subselects_.emplace_back();
    pg_query__range_subselect__init(&sub);
    sub.subquery = query;
    sub.alias = a;
    Node& from = nodes_.emplace_back();
    pg_query__node__init(&from);
    from.node_case = PG_QUERY__NODE__NODE_RANGE_SUBSELECT;
    from.range_subselect = &sub;
    PgQuery__AStar& star = stars_.emplace_back();
    pg_query__a__star__init(&star);
    Node& star_node = nodes_.emplace_back();
    pg_query__node__init(&star_node);
    star_node.node_case = PG_QUERY__NODE__NODE_A_STAR;
    star_node.a_star = &star;
    std::vector<Node*>& fields = Array();
    fields.push_back(&star_node);
    Node* target_node = Target(ColumnRef(fields, -1), -1);
    std::vector<Node*>& targets = Array();
    targets.push_back(target_node);
    std::vector<Node*>& from_list = Array();
    from_list.push_back(&from);
    PgQuery__SelectStmt& sel = selects_.emplace_back();
    pg_query__select_stmt__init(&sel);
    sel.n_target_list = 1;
    sel.target_list = targets.data();
    sel.n_from_clause = 1;
    sel.from_clause = from_list.data();
    sel.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    return Wrap(&sel);
  }

 private:
  std::deque<std::string> strings_;
  std::deque<PgQuery__String> string_nodes_;
  std::deque<PgQuery__ColumnRef> column_refs_;
  std::deque<PgQuery__ResTarget> targets_;
  std::deque<PgQuery__Alias> aliases_;
  std::deque<Node> nodes_;
  std::deque<std::vector<Node*>> arrays_;
  std::deque<PgQuery__RangeSubselect> subselects_;
  std::deque<PgQuery__AStar> stars_;
  std::deque<PgQuery__SelectStmt> selects_;
};

// Calls f for root and every node below it.
void ForEachNode(Node* root, const std::function<void(Node*)>& f) {
  f(root);
  WalkNodes(&root->base, [&](Node* n) { f(n); return true; });
}

// The user type (enum or domain) a one-part type name means along `path`, as its schema; empty
// when it names none.
std::string UserTypeSchema(const Catalog& cat, const std::string& name, const std::vector<std::string>& path) {
  if (auto e = cat.FindEnum("", name, path)) return e->schema;
  if (auto d = cat.FindDomain("", name, path)) return d->schema;
  return "";
}

}  // namespace

std::string CanonicalViewQuery(const Catalog& cat, Node* select, const DefinitionCapture& capture,
                               const std::vector<std::string>& search_path) {
  TreeEdits edits;
  std::vector<std::string> path = EffectiveSearchPath(cat, search_path);
  ForEachNode(select, [&](Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_SELECT_STMT: {
        auto* s = n->select_stmt;
        bool any = false;
        for (size_t i = 0; i < s->n_target_list && !any; i++) any = capture.stars.count(s->target_list[i]->res_target);
        if (!any) return;
        std::vector<Node*>& list = edits.Array();
        for (size_t i = 0; i < s->n_target_list; i++) {
          auto* rt = s->target_list[i]->res_target;
          auto it = capture.stars.find(rt);
          if (it == capture.stars.end()) { list.push_back(s->target_list[i]); continue; }
          for (const auto& c : it->second) list.push_back(edits.ColumnTarget(c.qualifier, c.column, rt->location));
        }
        s->n_target_list = list.size();
        s->target_list = list.data();
        return;
      }
      case PG_QUERY__NODE__NODE_RANGE_VAR: {
        auto* rv = n->range_var;
        auto it = capture.relations.find(rv);
        if (it == capture.relations.end()) return;
        if (!rv->alias) rv->alias = edits.Alias(rv->relname);
        rv->schemaname = edits.Str(it->second.schema);
        return;
      }
      case PG_QUERY__NODE__NODE_COLUMN_REF: {
        auto* ref = n->column_ref;
        auto it = capture.column_qualifiers.find(ref);
        if (it == capture.column_qualifiers.end() || ref->n_fields != 1) return;
        std::vector<Node*>& fields = edits.Array();
        fields.push_back(edits.StringNode(it->second));
        fields.push_back(ref->fields[0]);
        ref->n_fields = fields.size();
        ref->fields = fields.data();
        return;
      }
      case PG_QUERY__NODE__NODE_TYPE_NAME: {
        auto* tn = n->type_name;
        if (tn->n_names != 1) return;
        std::string schema = UserTypeSchema(cat, StrVal(tn->names[0]), path);
        if (schema.empty()) return;
        std::vector<Node*>& names = edits.Array();
        names.push_back(edits.StringNode(schema));
        names.push_back(tn->names[0]);
        tn->n_names = names.size();
        tn->names = names.data();
        return;
      }
      default: return;
    }
  });
  return DeparseStatement(select);
}

std::string ViewDefinitionText(const Catalog& cat, const ViewDef& v, const std::vector<std::string>& search_path) {
  return DefinitionText(cat, v.query_sql, v.search_path, v.columns, search_path);
}

std::optional<std::string> RelationDefinitionText(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path) {
  if (const ViewDef* v = cat.FindView(oid)) return ViewDefinitionText(cat, *v, search_path);
  const TableDef* t = cat.FindTable(oid);
  if (!t || !t->materialized) return std::nullopt;
  return DefinitionText(cat, t->materialized->query_sql, t->materialized->search_path, t->columns, search_path);
}

std::string DefinitionText(const Catalog& cat, const std::string& query_sql, const std::vector<std::string>& created_path,
                           const std::vector<ColumnDef>& columns, const std::vector<std::string>& search_path) {
  auto script = ParseSql(query_sql);
  Node* select = script->statements.at(0).stmt;
  std::vector<std::string> path = EffectiveSearchPath(cat, search_path);
  std::vector<std::string> view_path = EffectiveSearchPath(cat, created_path);
  TreeEdits edits;
  ForEachNode(select, [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      auto* rv = n->range_var;
      if (!rv->schemaname || !*rv->schemaname) return;
      auto named = cat.FindRelation(rv->schemaname, rv->relname, {});
      auto unqualified = cat.FindRelation("", rv->relname, path);
      const SystemRelation* sys = FindSystemRelation(rv->schemaname, rv->relname);
      bool visible = sys ? ResolveSystemRelation(cat, "", rv->relname, search_path) == sys && !unqualified
                         : named && unqualified && *named == *unqualified;
      if (visible) rv->schemaname = edits.Str("");
      if (rv->alias && rv->alias->n_colnames == 0 && std::string(rv->alias->aliasname) == rv->relname) rv->alias = nullptr;
    } else if (n->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      auto* tn = n->type_name;
      if (tn->n_names != 2) return;
      std::string schema = StrVal(tn->names[0]), name = StrVal(tn->names[1]);
      if (schema == "pg_catalog" || UserTypeSchema(cat, name, view_path) != schema) return;
      if (UserTypeSchema(cat, name, path) != schema) return;
      tn->names = &tn->names[1];
      tn->n_names = 1;
    }
  });
  // The view's column names, as PostgreSQL prints them: an alias wherever the query's own name
  // for a column differs (a column list given to CREATE VIEW, ALTER VIEW RENAME COLUMN).
  Node* leftmost = select;
  while (leftmost->select_stmt->op != PG_QUERY__SET_OPERATION__SETOP_NONE && leftmost->select_stmt->larg)
    leftmost = edits.Wrap(leftmost->select_stmt->larg);
  auto* s = leftmost->select_stmt;
  if (s->n_values_lists) {
    // SELECT * FROM (VALUES ...) "*VALUES*"(names): the names ride on the alias.
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(c.name);
    return " " + DeparseStatement(edits.SelectStarFromValues(select, "*VALUES*", names)) + ";";
  }
  for (size_t i = 0; i < s->n_target_list && i < columns.size(); i++) {
    auto* rt = s->target_list[i]->res_target;
    std::string current = rt->name && *rt->name ? rt->name : FigureColname(rt->val);
    if (current != columns[i].name) rt->name = edits.Str(columns[i].name);
  }
  return " " + DeparseStatement(select) + ";";
}

std::string RenameRelationInQuery(const std::string& query_sql, const std::string& schema, const std::string& name,
                                  const std::string& new_schema, const std::string& new_name) {
  auto script = ParseSql(query_sql);
  Node* select = script->statements.at(0).stmt;
  TreeEdits edits;
  ForEachNode(select, [&](Node* n) {
    if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) return;
    auto* rv = n->range_var;
    if (!rv->schemaname || rv->schemaname != schema || rv->relname != name) return;
    rv->schemaname = edits.Str(new_schema);
    rv->relname = edits.Str(new_name);
  });
  return DeparseStatement(select);
}

std::optional<std::string> RenameColumnInQuery(const std::string& query_sql, const std::string& schema, const std::string& name,
                                               const std::string& column, const std::string& new_column) {
  auto script = ParseSql(query_sql);
  Node* select = script->statements.at(0).stmt;
  std::set<std::string> aliases, other_aliases;
  bool ambiguous = false;
  ForEachNode(select, [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      auto* rv = n->range_var;
      std::string alias = rv->alias ? rv->alias->aliasname : rv->relname;
      bool ours = rv->schemaname && rv->schemaname == schema && rv->relname == name;
      (ours ? aliases : other_aliases).insert(alias);
    } else if (n->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT || n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION ||
               n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR || n->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) {
      PgQuery__Alias* a = n->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT ? n->range_subselect->alias
                          : n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION ? n->range_function->alias
                          : n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR ? n->join_expr->alias : nullptr;
      if (a) other_aliases.insert(a->aliasname);
      if (n->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) other_aliases.insert(n->common_table_expr->ctename);
      if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR)
        for (size_t i = 0; i < n->join_expr->n_using_clause; i++) ambiguous |= StrVal(n->join_expr->using_clause[i]) == column;
    } else if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      ambiguous |= n->column_ref->n_fields == 1 && StrVal(n->column_ref->fields[0]) == column;
    }
  });
  for (const auto& a : aliases) ambiguous |= other_aliases.count(a) > 0;
  if (ambiguous) return std::nullopt;
  TreeEdits edits;
  ForEachNode(select, [&](Node* n) {
    if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
    auto* ref = n->column_ref;
    if (ref->n_fields != 2 || !aliases.count(StrVal(ref->fields[0])) || StrVal(ref->fields[1]) != column) return;
    std::vector<Node*>& fields = edits.Array();
    fields.push_back(ref->fields[0]);
    fields.push_back(edits.StringNode(new_column));
    ref->fields = fields.data();
  });
  return DeparseStatement(select);
}

std::string RenameSchemaInQuery(const std::string& query_sql, const std::string& schema, const std::string& new_name) {
  auto script = ParseSql(query_sql);
  Node* select = script->statements.at(0).stmt;
  TreeEdits edits;
  ForEachNode(select, [&](Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      auto* rv = n->range_var;
      if (rv->schemaname && rv->schemaname == schema) rv->schemaname = edits.Str(new_name);
    } else if (n->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      auto* tn = n->type_name;
      if (tn->n_names == 2 && StrVal(tn->names[0]) == schema) {
        std::vector<Node*>& names = edits.Array();
        names.push_back(edits.StringNode(new_name));
        names.push_back(tn->names[1]);
        tn->names = names.data();
      }
    }
  });
  return DeparseStatement(select);
}

}  // namespace tusk
