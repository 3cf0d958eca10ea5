// The substitution behind ts_rewrite (ts_rewrite.hpp), as PostgreSQL's tsquery_rewrite.c
// performs it: tried at a node first, then (unless it replaced the node) in its children.
#include <vector>

#include "common/stack_depth.hpp"
#include "types/tsearch/ts_rewrite.hpp"
#include "types/tsearch/ts_query_tree.hpp"

namespace tusk {

namespace {

TsQueryNodeP Substitute(const TsQueryNode* substitute) {
  if (!substitute) return nullptr;
  TsQueryNodeP copy = CopyTsTree(*substitute);
  copy->nochange = true;
  return copy;
}

// Tries the target at `node` itself (PostgreSQL's findeq): the node, the node with some of its
// children replaced, or (a match with nothing to substitute) null.
TsQueryNodeP MatchHere(TsQueryNodeP node, const TsQueryNode& target, const TsQueryNode* substitute) {
  if ((node->sign & target.sign) != target.sign || (node->item.op == TsOp::kOperand) != (target.item.op == TsOp::kOperand))
    return node;
  if (node->nochange) return node;
  if (node->item.op == TsOp::kOperand) {
    if (node->crc != target.crc || !EqualTsTrees(*node, target)) return node;
    return Substitute(substitute);
  }
  if (node->item.op != target.item.op) return node;
  size_t n = node->children.size(), m = target.children.size();
  if (n == m) return EqualTsTrees(*node, target) ? Substitute(substitute) : std::move(node);
  if (n < m || m == 0) return node;
  // AND / OR: target's children among the node's, both lists sorted, found in one pass
  std::vector<bool> matched(n, false);
  size_t i = 0, j = 0, found = 0;
  while (i < n && j < m) {
    int c = CompareTsTrees(*node->children[i], *target.children[j]);
    if (c == 0) {
      matched[i++] = true;
      j++;
      found++;
    } else if (c < 0) {
      i++;
    } else {
      break;
    }
  }
  if (found != m) return node;
  std::vector<TsQueryNodeP> kept;
  for (size_t k = 0; k < n; k++)
    if (!matched[k]) kept.push_back(std::move(node->children[k]));
  if (TsQueryNodeP s = Substitute(substitute)) kept.push_back(std::move(s));
  node->children = std::move(kept);
  // PostgreSQL sorts the node again here (the substitute included, all the way down); what is
  // left of it with fewer than two children is the caller's to simplify
  SortTsTree(*node);
  return node;
}

}  // namespace

TsQueryNodeP RewriteTsTree(TsQueryNodeP root, const TsQueryNode& target, const TsQueryNode* substitute) {
  CheckStackDepth();
  root = MatchHere(std::move(root), target, substitute);
  if (!root || root->nochange || root->item.op == TsOp::kOperand) return root;
  std::vector<TsQueryNodeP> kept;
  for (auto& c : root->children)
    if (TsQueryNodeP r = RewriteTsTree(std::move(c), target, substitute)) kept.push_back(std::move(r));
  root->children = std::move(kept);
  if (root->children.empty()) return nullptr;
  if (root->children.size() == 1 && root->item.op != TsOp::kNot) return std::move(root->children[0]);
  return root;
}

}  // namespace tusk
