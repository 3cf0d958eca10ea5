// tsvector @@ tsquery, as PostgreSQL's TS_execute decides it: three-valued (a lexeme stored
// without positions makes a phrase "maybe"), phrases evaluated over positions (a <N> b: b
// exactly N positions after a; & inside a phrase: at the same position).
#pragma once
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

enum class TsTernary { kNo, kYes, kMaybe };

// `phrase_maybe`: a phrase that cannot be decided (no positions) is kMaybe, not kNo (what an
// index's re-check wants); @@ passes false.
TsTernary TsExecute(const TsVector& v, const TsQuery& q, bool phrase_maybe);
// @@: false for the empty query.
bool TsMatches(const TsVector& v, const TsQuery& q);

}  // namespace tusk
