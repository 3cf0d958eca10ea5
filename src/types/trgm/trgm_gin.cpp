// gin_trgm_ops: GIN over text by trigrams. A row's entries are its text's trigrams; a query
// asks, for `%`, `%>` and `%>>`, for rows holding enough of the query's trigrams that the
// similarity could reach the session's threshold (shared / query trigrams, an upper bound, as
// pg_trgm's consistent function reasons); for LIKE, ILIKE and `=`, for rows holding every
// trigram the pattern's words must produce; for ~ and ~*, for rows holding the trigrams of the
// literals every match must contain (regex_literals.hpp), all of them or any of them as the
// pattern says. Candidates are always re-checked.
#include "access/gin/gin.hpp"
#include "common/stack_depth.hpp"
#include "types/trgm/regex_literals.hpp"
#include "types/trgm/trgm.hpp"

namespace tusk {

namespace {
GinQueryNode AllOf(const std::vector<Trigram>& trigrams) {
  GinQueryNode n;
  n.kind = GinQueryNode::Kind::kAnd;
  for (Trigram t : trigrams) {
    GinQueryNode e;
    e.kind = GinQueryNode::Kind::kEntry;
    e.entry = TrigramBytes(t);
    n.children.push_back(std::move(e));
  }
  return n;
}

GinQuery NoRow() {
  GinQuery g;
  g.entries.push_back(std::string());  // trigram entries are three bytes: no row has this one
  return g;
}

// Rows sharing enough of `trigrams` for shared / trigrams to reach `limit`.
GinQuery Similar(const std::vector<Trigram>& trigrams, double limit) {
  if (trigrams.empty()) return NoRow();
  const size_t n = trigrams.size();
  // At least one, even at a threshold of 0: GIN (PostgreSQL's too) only ever looks at rows
  // holding some entry of the query.
  size_t need = 1;
  while (need < n && static_cast<float>(need) / static_cast<float>(n) < limit) need++;
  GinQuery g;
  if (static_cast<float>(need) / static_cast<float>(n) < limit) return NoRow();  // a limit above 1
  auto tree = std::make_shared<GinQueryNode>(AllOf(trigrams));
  if (need < n) {
    tree->kind = GinQueryNode::Kind::kAtLeast;
    tree->at_least = need;
  }
  g.tree = std::move(tree);
  return g;
}

// The rows that may contain a regular expression's required literals.
GinQueryNode LiteralsNode(const RegexLiterals& r) {
  CheckStackDepth();
  using Kind = GinQueryNode::Kind;
  switch (r.kind) {
    case RegexLiterals::Kind::kNothing: return GinQueryNode();
    case RegexLiterals::Kind::kLiteral: {
      std::vector<Trigram> trigrams = ContainedLiteralTrigrams(r.literal);
      return trigrams.empty() ? GinQueryNode() : AllOf(trigrams);
    }
    case RegexLiterals::Kind::kAll:
    case RegexLiterals::Kind::kAny: {
      const bool any = r.kind == RegexLiterals::Kind::kAny;
      GinQueryNode n;
      n.kind = any ? Kind::kOr : Kind::kAnd;
      for (const RegexLiterals& c : r.children) {
        GinQueryNode child = LiteralsNode(c);
        if (child.kind == Kind::kEveryRow) {
          if (any) return GinQueryNode();  // that side narrows nothing
          continue;
        }
        n.children.push_back(std::move(child));
      }
      return n.children.empty() ? GinQueryNode() : n;
    }
  }
  return GinQueryNode();
}

GinQuery RegexQuery(const std::string& pattern) {
  GinQuery g;
  auto tree = std::make_shared<GinQueryNode>(LiteralsNode(RegexRequiredLiterals(pattern)));
  if (tree->kind == GinQueryNode::Kind::kEveryRow) g.every_row = true;
  else g.tree = std::move(tree);
  return g;
}

GinQuery AllTrigrams(const std::vector<Trigram>& trigrams) {
  GinQuery g;
  if (trigrams.empty()) g.every_row = true;  // a pattern without words narrows nothing
  for (Trigram t : trigrams) g.entries.push_back(TrigramBytes(t));
  return g;
}
}  // namespace

void RegisterTrigramGinOperatorClass() {
  GinOperatorClass c;
  c.name = "gin_trgm_ops";
  c.oid = 16200;  // Tusk's: PostgreSQL numbers it when CREATE EXTENSION pg_trgm runs
  c.input_type = oid::kText;
  c.accepts = [](const Type& t) { return !t.array && (t.id == oid::kText || t.id == oid::kVarchar); };
  c.operators = {"%", "%>", "%>>", "~~", "~~*", "~", "~*", "="};
  c.extract = [](const Type&, const Value& v, std::vector<std::string>* out) {
    for (Trigram t : TextTrigrams(v.s())) out->push_back(TrigramBytes(t));
  };
  c.query = [](const std::string& op, const Type&, const Value& v, EvalContext& ctx) {
    if (op == "~~" || op == "~~*") return AllTrigrams(LikePatternTrigrams(v.s()));
    if (op == "=") return AllTrigrams(TextTrigrams(v.s()));
    if (op == "~" || op == "~*") return RegexQuery(v.s());
    TrigramThresholds limits = SessionTrigramThresholds(ctx);
    double limit = op == "%" ? limits.similarity : op == "%>" ? limits.word_similarity : limits.strict_word_similarity;
    return Similar(TextTrigrams(v.s()), limit);
  };
  RegisterGinOperatorClass(std::move(c));
}

}  // namespace tusk
