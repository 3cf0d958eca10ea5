#include "planner/recursion_check.hpp"

#include "common/error.hpp"
#include "parser/walk.hpp"

namespace tusk {

namespace {

// Where the walk is: where a reference is allowed, or why not.
enum class Place { kAllowed, kSubquery, kOuterJoin, kIntersect, kExcept };

struct Checker {
  const std::string& name;
  int references = 0;

  [[noreturn]] void Fail(const std::string& why, int location) {
    ThrowAt(sqlstate::kInvalidRecursion, "recursive reference to query \"" + name + "\" must not appear " + why, location);
  }

  void Children(const ProtobufCMessage* msg, Place place) {
    WalkNodes(msg, [&](Node* child) {
      Visit(child, place);
      return false;  // Visit descends itself
    });
  }

  void Select(PgQuery__SelectStmt* s, Place place) {
    if (!s) return;
    auto side = [&](PgQuery__SelectStmt* arm, Place p) {
      Node n = PG_QUERY__NODE__INIT;
      n.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
      n.select_stmt = arm;
      Visit(&n, p);
    };
    switch (s->op) {
      case PG_QUERY__SET_OPERATION__SETOP_UNION:
        side(s->larg, place);
        side(s->rarg, place);
        return;
      // As PostgreSQL: INTERSECT ALL on either side, EXCEPT ALL on the left and any EXCEPT on
      // the right (plain INTERSECT and the left of EXCEPT are allowed).
      case PG_QUERY__SET_OPERATION__SETOP_INTERSECT: {
        Place p = s->all && place == Place::kAllowed ? Place::kIntersect : place;
        side(s->larg, p);
        side(s->rarg, p);
        return;
      }
      case PG_QUERY__SET_OPERATION__SETOP_EXCEPT:
        side(s->larg, s->all && place == Place::kAllowed ? Place::kExcept : place);
        side(s->rarg, place == Place::kAllowed ? Place::kExcept : place);
        return;
      default:
        Children(&s->base, place);
    }
  }

  void Visit(Node* n, Place place) {
    if (!n) return;
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR: {
        auto* rv = n->range_var;
        if ((rv->schemaname && *rv->schemaname) || name != rv->relname) return;
        switch (place) {
          case Place::kSubquery: Fail("within a subquery", rv->location);
          case Place::kOuterJoin: Fail("within an outer join", rv->location);
          case Place::kIntersect: Fail("within INTERSECT", rv->location);
          case Place::kExcept: Fail("within EXCEPT", rv->location);
          case Place::kAllowed: break;
        }
        if (++references > 1) Fail("more than once", rv->location);
        return;
      }
      case PG_QUERY__NODE__NODE_SELECT_STMT:
        Select(n->select_stmt, place);
        return;
      case PG_QUERY__NODE__NODE_SUB_LINK:
        Visit(n->sub_link->testexpr, place);
        Visit(n->sub_link->subselect, Place::kSubquery);
        return;
      case PG_QUERY__NODE__NODE_JOIN_EXPR: {
        auto* j = n->join_expr;
        Place nullable = place == Place::kAllowed ? Place::kOuterJoin : place;
        bool left_nullable = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
        bool right_nullable = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT || j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
        Visit(j->larg, left_nullable ? nullable : place);
        Visit(j->rarg, right_nullable ? nullable : place);
        Visit(j->quals, place);
        return;
      }
      default:
        Children(reinterpret_cast<const ProtobufCMessage*>(n), place);
    }
  }
};

}  // namespace

void CheckRecursiveTerm(Node* term, const std::string& name) {
  Checker c{name};
  c.Visit(term, Place::kAllowed);
}

}  // namespace tusk
