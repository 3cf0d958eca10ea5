// The scan of a correlated subquery that tests `column = outer value` (b.thousand = a.unique2)
// and has no index for it: instead of reading the whole table again for every outer row, the
// first Open of a statement execution reads the scan once (its uncorrelated conditions already
// applied), hashes the rows by the column, and every Open looks up the outer value. The rest of
// the conditions (those that read outer rows) are checked on the matches. A subquery over a
// 10,000-row table run for 10,000 outer rows reads 10,000 rows instead of 10^8.
// EXPLAIN prints the scan and filter it stands for, as PostgreSQL plans them.
#pragma once
#include <unordered_map>
#include <utility>
#include <vector>

#include "execution/operators.hpp"

namespace tusk {

class HashedLookupOp : public Operator {
 public:
  // scan: the table's rows after its uncorrelated conditions; key: the column, on scan rows;
  // probe: the outer value (reads no scan row); residual: the other correlated conditions, or
  // null; shown: the plan this replaces, for EXPLAIN.
  HashedLookupOp(OpP scan, ExprP key, ExprP probe, ExprP residual, OpP shown);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override { shown->Explain(out, depth); }
  void Release() override;
  OpP scan, shown;
  ExprP key, probe, residual;

 private:
  void Build(EvalContext* ctx);
  EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"Hash"};
  bool built_ = false;
  uint64_t built_exec_ = 0;
  std::vector<std::pair<Value, Row>> rows_;          // (key, row) in scan order
  std::unordered_multimap<size_t, size_t> table_;   // key hash -> position in rows_
  std::vector<size_t> matches_;
  size_t pos_ = 0;
};

}  // namespace tusk
