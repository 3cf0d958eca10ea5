// What the maintenance statements share (maintenance.cpp: VACUUM, ANALYZE, CHECKPOINT;
// reindex.cpp; cluster.cpp).
#pragma once
#include <string>

#include "catalog/catalog.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"

namespace tusk {

// A statement option's Boolean value, as PostgreSQL's defGetBoolean reads it (no value: true).
bool OptionIsOn(PgQuery__DefElem* option);
// Rewrites the storage of a table and its indexes without their deleted keys.
void CompactRelation(ExecState* st, const TableDef& t);
// "CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s" since `start` (VERBOSE's DETAIL).
struct CpuClock {
  CpuClock();
  std::string Report() const;
  double user_, system_, wall_;
};

}  // namespace tusk
