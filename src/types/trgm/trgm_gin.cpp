// gin_trgm_ops: GIN over text by trigrams. A row's entries are its text's trigrams; a query
// asks, for `%`, `%>` and `%>>`, for rows holding enough of the query's trigrams that the
// similarity could reach the session's threshold (shared / query trigrams, an upper bound, as
// pg_trgm's consistent function reasons); for LIKE, ILIKE and `=`, for rows holding every
// trigram the pattern's words must produce. Candidates are always re-checked.
#include "access/gin/gin.hpp"
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
  size_t need = 0;
  while (need < n && static_cast<float>(need) / static_cast<float>(n) < limit) need++;
  GinQuery g;
  if (need == 0) {
    g.every_row = true;
    return g;
  }
  if (static_cast<float>(need) / static_cast<float>(n) < limit) return NoRow();  // a limit above 1
  auto tree = std::make_shared<GinQueryNode>(AllOf(trigrams));
  if (need < n) {
    tree->kind = GinQueryNode::Kind::kAtLeast;
    tree->at_least = need;
  }
  g.tree = std::move(tree);
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
  c.operators = {"%", "%>", "%>>", "~~", "~~*", "="};
  c.extract = [](const Type&, const Value& v, std::vector<std::string>* out) {
    for (Trigram t : TextTrigrams(v.s())) out->push_back(TrigramBytes(t));
  };
  c.query = [](const std::string& op, const Type&, const Value& v, EvalContext& ctx) {
    if (op == "~~" || op == "~~*") return AllTrigrams(LikePatternTrigrams(v.s()));
    if (op == "=") return AllTrigrams(TextTrigrams(v.s()));
    TrigramThresholds limits = SessionTrigramThresholds(ctx);
    double limit = op == "%" ? limits.similarity : op == "%>" ? limits.word_similarity : limits.strict_word_similarity;
    return Similar(TextTrigrams(v.s()), limit);
  };
  RegisterGinOperatorClass(std::move(c));
}

}  // namespace tusk
