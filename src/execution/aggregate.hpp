// Aggregate computation shared by grouping (AggregateOp) and window functions: a running state
// per aggregate call, fed one value at a time and finished into the result.
#pragma once
#include <unordered_map>
#include <vector>

#include "execution/operators.hpp"
#include "types/numeric.hpp"

namespace tusk {

struct AggState {
  int64_t count = 0;
  bool has = false;
  Value acc;
  Numeric num;
  double fsum = 0;
  Interval isum;
  std::vector<Value> items;
  std::vector<Value> delims;
  std::unordered_multimap<size_t, Value> seen;
};

// Adds one input value (and string_agg's delimiter) to the state.
void Accumulate(const AggSpec& a, AggState& s, const Value& v, const Value& extra);
Value Finish(const AggSpec& a, AggState& s);

}  // namespace tusk
