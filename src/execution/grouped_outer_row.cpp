#include "execution/grouped_outer_row.hpp"

#include "common/error.hpp"

namespace tusk {

GroupedOuterRowOp::GroupedOuterRowOp(OpP c, int from_width, std::vector<std::pair<int, int>> from_group)
    : child(std::move(c)), from_width_(from_width), from_group_(std::move(from_group)) {
  names = child->names;
  types = child->types;
}

void GroupedOuterRowOp::Open(EvalContext* ctx) {
  ctx_ = *ctx;
  row_.assign(static_cast<size_t>(from_width_), Value::Null());
  if (!ctx_.outer.empty() && ctx_.outer[0]) {
    const Row& group = *ctx_.outer[0];
    for (const auto& [from, at] : from_group_) {
      if (static_cast<size_t>(at) >= group.size() || from >= from_width_)
        throw Error(sqlstate::kInternalError, "grouped row has no column " + std::to_string(at));
      row_[static_cast<size_t>(from)] = group[static_cast<size_t>(at)];
    }
    ctx_.outer[0] = &row_;
  }
  child->Open(&ctx_);
}

}  // namespace tusk
