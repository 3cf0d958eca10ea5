// tsvector @@ tsquery, as PostgreSQL's TS_execute decides it: three-valued (a lexeme stored
// without positions makes a phrase "maybe"), phrases evaluated over positions (a <N> b: b
// exactly N positions after a; & inside a phrase: at the same position).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

enum class TsTernary { kNo, kYes, kMaybe };

// `phrase_maybe`: a phrase that cannot be decided (no positions) is kMaybe, not kNo (what an
// index's re-check wants); @@ passes false.
TsTernary TsExecute(const TsVector& v, const TsQuery& q, bool phrase_maybe);
// @@: false for the empty query.
bool TsMatches(const TsVector& v, const TsQuery& q);

// The query evaluated over something else than a tsvector (ts_rank_cd's covers, headlines):
// `check` says whether the operand at item `index` is there and, when `positions` is not
// null (inside a phrase), fills them in ascending order. A phrase it cannot decide is no
// match (TS_execute with TS_EXEC_EMPTY).
using TsOperandCheck = std::function<TsTernary(size_t index, std::vector<uint16_t>* positions)>;
bool TsExecuteWith(const TsQuery& q, const TsOperandCheck& check);

}  // namespace tusk
