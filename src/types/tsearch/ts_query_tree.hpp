// A tsquery as a tree whose AND and OR nodes may have any number of children, as PostgreSQL's
// tsquery_util.c keeps one (QTNode) for ts_rewrite: built from the items, flattened (nested ANDs
// and ORs merged into their parent), children sorted into a canonical order, compared, and
// rebuilt into binary items.
//
// Each node carries PostgreSQL's signature: a bit per operand (its CRC modulo 32), the union of
// the children's for an operator. It is computed only where PostgreSQL computes it (building,
// splitting into binary nodes) and copied otherwise, never refreshed when children change:
// matching reads it, so a stale signature has to stay stale here too.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "types/tsearch/tsquery.hpp"

namespace tusk {

struct TsQueryNode {
  TsQueryItem item;       // the operand or operator (its `left` is not kept up to date)
  int32_t crc = 0;        // operand: TsQueryOperandCrc of its word
  uint32_t sign = 0;
  bool nochange = false;  // ts_rewrite: put here by a substitution, not to be searched again
  // NOT: its operand; PHRASE: right, then left (the items' order); AND / OR: any number.
  std::vector<std::unique_ptr<TsQueryNode>> children;
};
using TsQueryNodeP = std::unique_ptr<TsQueryNode>;

// The subtree of a non-empty query at item `at`, and back to items (binary nodes only);
// 54000 "tsquery is too large" past PostgreSQL's size limit.
TsQueryNodeP TsQueryToTree(const TsQuery& q, size_t at = 0);
TsQuery TsTreeToQuery(const TsQueryNode& root);

TsQueryNodeP CopyTsTree(const TsQueryNode& n);
// PostgreSQL's QTNodeCompare: operators before operands; NOT, AND, OR, PHRASE in descending
// order; more children first; then child by child, then phrase distance. Operands by CRC
// (descending), then bytes and length. Weights and prefix flags are not compared.
int CompareTsTrees(const TsQueryNode& a, const TsQueryNode& b);
// Equal signatures and CompareTsTrees == 0 (QTNEq).
bool EqualTsTrees(const TsQueryNode& a, const TsQueryNode& b);

void FlattenTsTree(TsQueryNode& n);  // QTNTernary: a child AND of an AND (OR of an OR) merged in
void SortTsTree(TsQueryNode& n);     // QTNSort: AND and OR children, everywhere, PostgreSQL's qsort
void BinaryTsTree(TsQueryNode& n);   // QTNBinary: AND / OR of n > 2 children as nested pairs
void ClearTsTreeNoChange(TsQueryNode& n);

}  // namespace tusk
