#include "execution/append.hpp"

namespace tusk {

AppendOp::AppendOp(std::vector<OpP> c) : children(std::move(c)) {}

void AppendOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  active_ = keep ? keep(ctx) : std::vector<bool>(children.size(), true);
  current_ = OpenNext(0);
}

size_t AppendOp::OpenNext(size_t from) {
  while (from < children.size() && !active_[from]) from++;
  if (from < children.size()) children[from]->Open(ctx_);
  return from;
}

bool AppendOp::Next(Row* out) {
  while (current_ < children.size()) {
    if (children[current_]->Next(out)) return true;
    // The next child opens only when reached, so a LIMIT satisfied early never scans it.
    current_ = OpenNext(current_ + 1);
  }
  return false;
}

void AppendOp::Explain(std::vector<std::string>* out, int depth) const {
  if (children.empty()) {
    ExplainLine(out, depth, "Result");
    ExplainLine(out, depth, "One-Time Filter: false", true);
    return;
  }
  ExplainLine(out, depth, "Append");
  for (const auto& c : children) c->Explain(out, depth + 1);
}

}  // namespace tusk
