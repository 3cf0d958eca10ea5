// ts_rewrite's substitution (PostgreSQL's findsubquery, tsquery_rewrite.c), shared by the
// function's two forms (ts_rewrite.cpp: target and substitute given; ts_rewrite_query.cpp:
// pairs read from a query).
#pragma once
#include "types/tsearch/ts_query_tree.hpp"

namespace tusk {

// Replaces every occurrence of `target` in `root` with a copy of `substitute` (null: removes
// it), and returns what is left (null when nothing is). An AND or OR matches when its children
// include all of target's (both sorted, SortTsTree); an operator that loses all its children
// goes, one left with a single child (NOT aside) gives way to it. `target` must have been
// flattened and sorted, as `root`.
TsQueryNodeP RewriteTsTree(TsQueryNodeP root, const TsQueryNode& target, const TsQueryNode* substitute);

}  // namespace tusk
