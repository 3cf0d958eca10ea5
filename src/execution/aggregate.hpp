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
  Numeric sumsq;   // variance family over integers/numerics
  double fsum = 0;
  double fsumsq = 0;
  Interval isum;
  std::vector<Value> items;
  std::vector<Value> delims;
  std::unordered_multimap<size_t, Value> seen;
  struct Pending { Row keys; Value value, extra; };
  std::vector<Pending> ordered;  // inputs of an aggregate with ORDER BY, sorted at the end
};

// Adds one input value (and string_agg's delimiter) to the state.
void Accumulate(const AggSpec& a, AggState& s, const Value& v, const Value& extra);
Value Finish(const AggSpec& a, AggState& s);
// For aggregates with ORDER BY: sorts the buffered inputs and accumulates them in order.
void FeedOrdered(const AggSpec& a, AggState& s);
bool IsOrderedSetAggregate(const std::string& name);

}  // namespace tusk
