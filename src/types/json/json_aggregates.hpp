// json_agg, jsonb_agg, json_object_agg, jsonb_object_agg: bound as aggregates that keep their
// inputs (converted with to_json[b] per row) and build the document when the group ends.
#pragma once
#include <string>

#include "binder/binder.hpp"
#include "execution/operators.hpp"

namespace tusk {

bool IsJsonAggregate(const std::string& name);
bool IsJsonObjectAggregate(const std::string& name);  // the two-argument ones
// Fills spec (already holding the bound arguments) in: arguments as json[b], result type, and
// the finishing step; 42883 via fail for arguments it cannot take.
void BindJsonAggregate(Binder& b, AggSpec* spec, int location);

}  // namespace tusk
