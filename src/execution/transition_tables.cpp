#include "execution/transition_tables.hpp"

#include "common/error.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

const TransitionTable* TransitionTables::Find(const std::string& name) const {
  for (const TransitionTable& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

void TransitionScanOp::Open(EvalContext* ctx) {
  const TransitionTable* t = ctx->state && ctx->state->transitions ? ctx->state->transitions->Find(name_) : nullptr;
  // a plan cached with a trigger function, run by another trigger that does not name the table
  if (!t) throw Error(sqlstate::kUndefinedTable, "relation \"" + name_ + "\" does not exist");
  rows_ = t->rows;
  pos_ = 0;
}

bool TransitionScanOp::Next(Row* out) {
  if (!rows_ || pos_ >= rows_->size()) return false;
  *out = (*rows_)[pos_++];
  return true;
}

void TransitionScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Named Tuplestore Scan" + (alias_.empty() ? std::string() : " on " + alias_));
}

}  // namespace tusk
