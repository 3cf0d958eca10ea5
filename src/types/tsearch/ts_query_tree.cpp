// The tree form of a tsquery that ts_rewrite works on (ts_query_tree.hpp).
#include "types/tsearch/ts_query_tree.hpp"

#include <cstring>

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "types/tsearch/ts_pg_qsort.hpp"

namespace tusk {

namespace {
uint32_t OperandSign(int32_t crc) { return 1u << (static_cast<uint32_t>(crc) % 32); }

// PostgreSQL's QueryItemType values order operators (2) against operands (1).
int KindRank(const TsQueryNode& n) { return n.item.op == TsOp::kOperand ? 1 : 2; }

// Bytes as memcmp compares them, then the shorter first.
int CompareWords(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return 0;
}

void Emit(const TsQueryNode& n, std::vector<TsQueryItem>* out) {
  CheckStackDepth();
  size_t at = out->size();
  out->push_back(n.item);
  if (n.item.op == TsOp::kOperand) return;
  out->back().left = 0;
  Emit(*n.children[0], out);
  if (n.children.size() == 2) {
    (*out)[at].left = static_cast<uint32_t>(out->size() - at);
    Emit(*n.children[1], out);
  }
}

void CountSize(const TsQueryNode& n, size_t* nodes, size_t* bytes) {
  CheckStackDepth();
  ++*nodes;
  if (n.item.op == TsOp::kOperand) *bytes += n.item.word.size() + 1;
  for (const auto& c : n.children) CountSize(*c, nodes, bytes);
}
}  // namespace

TsQueryNodeP TsQueryToTree(const TsQuery& q, size_t at) {
  CheckStackDepth();
  auto n = std::make_unique<TsQueryNode>();
  n->item = q.items[at];
  if (n->item.op == TsOp::kOperand) {
    n->crc = TsQueryOperandCrc(n->item.word);
    n->sign = OperandSign(n->crc);
    return n;
  }
  n->children.push_back(TsQueryToTree(q, at + 1));
  n->sign = n->children[0]->sign;
  if (n->item.op != TsOp::kNot) {
    n->children.push_back(TsQueryToTree(q, at + n->item.left));
    n->sign |= n->children[1]->sign;
  }
  return n;
}

TsQuery TsTreeToQuery(const TsQueryNode& root) {
  size_t nodes = 0, bytes = 0;
  CountSize(root, &nodes, &bytes);
  // PostgreSQL's TSQUERY_TOO_BIG: 16 bytes of header and operands, then 12 per item, in 1GB.
  constexpr size_t kMaxAlloc = 0x3fffffff;
  if (bytes > kMaxAlloc - 8 || nodes > (kMaxAlloc - 8 - bytes) / 12)
    throw Error(sqlstate::kProgramLimitExceeded, "tsquery is too large");
  TsQuery q;
  q.items.reserve(nodes);
  Emit(root, &q.items);
  return q;
}

TsQueryNodeP CopyTsTree(const TsQueryNode& n) {
  CheckStackDepth();
  auto c = std::make_unique<TsQueryNode>();
  c->item = n.item;
  c->crc = n.crc;
  c->sign = n.sign;
  c->nochange = n.nochange;
  for (const auto& child : n.children) c->children.push_back(CopyTsTree(*child));
  return c;
}

int CompareTsTrees(const TsQueryNode& a, const TsQueryNode& b) {
  CheckStackDepth();
  if (KindRank(a) != KindRank(b)) return KindRank(a) > KindRank(b) ? -1 : 1;
  if (a.item.op == TsOp::kOperand) {
    if (a.crc != b.crc) return a.crc > b.crc ? -1 : 1;
    return CompareWords(a.item.word, b.item.word);
  }
  if (a.item.op != b.item.op) return a.item.op > b.item.op ? -1 : 1;
  if (a.children.size() != b.children.size()) return a.children.size() > b.children.size() ? -1 : 1;
  for (size_t i = 0; i < a.children.size(); i++)
    if (int c = CompareTsTrees(*a.children[i], *b.children[i])) return c;
  if (a.item.op == TsOp::kPhrase && a.item.distance != b.item.distance) return a.item.distance > b.item.distance ? -1 : 1;
  return 0;
}

bool EqualTsTrees(const TsQueryNode& a, const TsQueryNode& b) {
  return a.sign == b.sign && CompareTsTrees(a, b) == 0;
}

void FlattenTsTree(TsQueryNode& n) {
  CheckStackDepth();
  if (n.item.op == TsOp::kOperand) return;
  for (auto& c : n.children) FlattenTsTree(*c);
  if (n.item.op != TsOp::kAnd && n.item.op != TsOp::kOr) return;
  std::vector<TsQueryNodeP> merged;
  for (auto& c : n.children) {
    if (c->item.op == n.item.op) {
      for (auto& g : c->children) merged.push_back(std::move(g));
    } else {
      merged.push_back(std::move(c));
    }
  }
  n.children = std::move(merged);
}

void SortTsTree(TsQueryNode& n) {
  CheckStackDepth();
  if (n.item.op == TsOp::kOperand) return;
  for (auto& c : n.children) SortTsTree(*c);
  if (n.children.size() > 1 && n.item.op != TsOp::kPhrase)
    PgQuickSort(n.children.data(), static_cast<ptrdiff_t>(n.children.size()),
                [](const TsQueryNodeP& x, const TsQueryNodeP& y) { return CompareTsTrees(*x, *y); });
}

void BinaryTsTree(TsQueryNode& n) {
  CheckStackDepth();
  if (n.item.op == TsOp::kOperand) return;
  for (auto& c : n.children) BinaryTsTree(*c);
  // the first two children become a new node of the same operator, which takes the first
  // place; the last child moves into the second place
  while (n.children.size() > 2) {
    auto pair = std::make_unique<TsQueryNode>();
    pair->item.op = n.item.op;
    pair->children.push_back(std::move(n.children[0]));
    pair->children.push_back(std::move(n.children[1]));
    pair->sign = pair->children[0]->sign | pair->children[1]->sign;
    n.children[0] = std::move(pair);
    n.children[1] = std::move(n.children.back());
    n.children.pop_back();
  }
}

void ClearTsTreeNoChange(TsQueryNode& n) {
  CheckStackDepth();
  n.nochange = false;
  for (auto& c : n.children) ClearTsTreeNoChange(*c);
}

}  // namespace tusk
