// tsvector_ops: GIN over tsvector. An entry is a lexeme; a tsquery asks for the rows its
// operands could match: & and <-> need all their narrowing sides, | needs every side to
// narrow, ! narrows nothing, a prefix operand (foo:*) is every lexeme it begins. Candidates are
// re-checked against @@ (weights, phrase positions, NOT), as PostgreSQL's GIN re-checks them.
#include "access/gin/gin.hpp"
#include "common/stack_depth.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
GinQueryNode QueryTreeNode(const TsQuery& q, size_t i) {
  CheckStackDepth();
  const TsQueryItem& it = q.items[i];
  GinQueryNode n;
  using Kind = GinQueryNode::Kind;
  switch (it.op) {
    case TsOp::kOperand:
      n.kind = it.prefix ? Kind::kPrefix : Kind::kEntry;
      n.entry = it.word;
      return n;
    case TsOp::kAnd:
    case TsOp::kPhrase:
    case TsOp::kOr: {
      GinQueryNode l = QueryTreeNode(q, i + it.left), r = QueryTreeNode(q, i + 1);
      bool any = it.op == TsOp::kOr;
      if (l.kind == Kind::kEveryRow || r.kind == Kind::kEveryRow) {
        if (any) return n;                               // one side matches without entries
        return l.kind == Kind::kEveryRow ? r : l;        // the other side narrows (or neither)
      }
      n.kind = any ? Kind::kOr : Kind::kAnd;
      n.children.push_back(std::move(l));
      n.children.push_back(std::move(r));
      return n;
    }
    default:  // NOT, and anything else, matches rows without its entries
      return n;
  }
}
}  // namespace

void RegisterTsVectorGinOperatorClass() {
  GinOperatorClass c;
  c.name = "tsvector_ops";
  c.oid = 10073;
  c.is_default = true;
  c.input_type = oid::kTsvector;
  c.accepts = [](const Type& t) { return !t.array && t.id == oid::kTsvector; };
  c.operators = {"@@", "@@@"};
  c.extract = [](const Type&, const Value& v, std::vector<std::string>* out) {
    for (auto& l : DecodeTsVector(v.s()).lexemes) out->push_back(std::move(l.word));
  };
  c.query = [](const std::string&, const Type&, const Value& v, EvalContext&) {
    GinQuery g;
    TsQuery q = DecodeTsQuery(v.s());
    if (q.empty()) {  // the empty query matches nothing: an entry no row has
      g.entries.push_back(std::string());
      return g;
    }
    auto tree = std::make_shared<GinQueryNode>(QueryTreeNode(q, 0));
    if (tree->kind == GinQueryNode::Kind::kEveryRow) g.every_row = true;
    else g.tree = std::move(tree);
    return g;
  };
  RegisterGinOperatorClass(std::move(c));
}

}  // namespace tusk
