// What the maintenance statements share (maintenance.cpp: VACUUM, ANALYZE, CHECKPOINT;
// reindex.cpp; cluster.cpp).
#pragma once
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"

namespace tusk {

class ResultSink;

// A statement option's Boolean value, as PostgreSQL's defGetBoolean reads it (no value: true).
bool OptionIsOn(PgQuery__DefElem* option);
// ANALYZE of one table (analyze.cpp): statistics of the given columns (positions; empty: all).
void AnalyzeTable(ExecState* st, const TableDef& t, const std::vector<int>& columns, bool verbose, ResultSink* sink);
// Rewrites the storage of a table and its indexes without their deleted keys.
void CompactRelation(ExecState* st, const TableDef& t);
// "CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s" since `start` (VERBOSE's DETAIL).
struct CpuClock {
  CpuClock();
  std::string Report() const;
  double user_, system_, wall_;
};

}  // namespace tusk
