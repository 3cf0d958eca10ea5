#include "execution/append.hpp"

namespace tusk {

AppendOp::AppendOp(std::vector<OpP> c) : children(std::move(c)) {}

void AppendOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  current_ = 0;
  if (!children.empty()) children[0]->Open(ctx);
}

bool AppendOp::Next(Row* out) {
  while (current_ < children.size()) {
    if (children[current_]->Next(out)) return true;
    // The next child opens only when reached, so a LIMIT satisfied early never scans it.
    if (++current_ < children.size()) children[current_]->Open(ctx_);
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
