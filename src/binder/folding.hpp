// What binder/*.cpp share to build calls: strict calls folded to their value when every
// argument is a constant (as PostgreSQL's planner folds immutable operators), and the numeric
// and date/time ranks that decide an operator's result type.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "execution/expr.hpp"

namespace tusk {

bool IsUnknownLiteral(const ExprP& e);
// int2, int4, int8, numeric, float4, float8 for ranks 1 to 6 (NumericRank's).
uint32_t RankType(int rank);
// date 1, timestamp 2, timestamptz 3, 0 for the others.
int DateTimeRank(uint32_t type);
// An immutable expression whose inputs are all constants, computed now.
ExprP FoldConstant(ExprP e);
// A strict call: NULL when an argument is a NULL constant, its value when all are constants.
ExprP FoldCall(std::shared_ptr<CallExpr> call);
ExprP MakeCall(Type t, const std::string& name, std::vector<ExprP> args, ScalarFn fn, bool infix = true);

}  // namespace tusk
