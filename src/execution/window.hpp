// Window functions. WindowOp materializes its input, sorts it by each window's PARTITION BY
// and ORDER BY, and appends one column per window function call. Frames follow PostgreSQL:
// ROWS, RANGE (UNBOUNDED / CURRENT ROW, peers included) and GROUPS, with offsets and EXCLUDE.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "execution/operators.hpp"

namespace tusk {

struct WindowFrame {
  int options = 0;             // PostgreSQL FRAMEOPTION_* bits
  ExprP start_offset, end_offset;
};

struct WindowCall {
  std::string name;            // row_number, rank, lag, sum, ...
  std::vector<ExprP> args;
  AggSpec agg;                 // for aggregates used as window functions
  bool is_aggregate = false;
  std::vector<ExprP> partition;
  std::vector<SortKey> order;
  WindowFrame frame;
  Type type;
};

class WindowOp : public Operator {
 public:
  WindowOp(OpP child, std::vector<WindowCall> calls);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { rows_ = {}; held_.Clear(); }
  OpP child;
  std::vector<WindowCall> calls;
 private:
  MemoryCharge held_{"WindowAgg"};
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

// PostgreSQL's frame option bits (nodes/parsenodes.h).
namespace frame {
inline constexpr int kNonDefault = 0x1, kRange = 0x2, kRows = 0x4, kGroups = 0x8, kBetween = 0x10,
                     kStartUnboundedPreceding = 0x20, kEndUnboundedPreceding = 0x40,
                     kStartUnboundedFollowing = 0x80, kEndUnboundedFollowing = 0x100,
                     kStartCurrentRow = 0x200, kEndCurrentRow = 0x400, kStartOffsetPreceding = 0x800,
                     kEndOffsetPreceding = 0x1000, kStartOffsetFollowing = 0x2000,
                     kEndOffsetFollowing = 0x4000, kExcludeCurrentRow = 0x8000, kExcludeGroup = 0x10000,
                     kExcludeTies = 0x20000;
inline constexpr int kDefaults = kRange | kStartUnboundedPreceding | kEndCurrentRow;
}  // namespace frame

}  // namespace tusk
