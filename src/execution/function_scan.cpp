#include "execution/function_scan.hpp"

namespace tusk {

std::vector<Row> FunctionScanOp::RowsFor(const Row* left, EvalContext* ctx) {
  Row none;
  EvalContext c = *ctx;
  c.row = left ? left : &none;
  std::vector<Value> args;
  for (const auto& a : fn.args) args.push_back(a->Eval(c));
  std::vector<Row> rows = fn.generate(args, c);
  if (ordinality)
    for (size_t i = 0; i < rows.size(); i++) rows[i].push_back(Value::Int(static_cast<int64_t>(i + 1)));
  return rows;
}

void FunctionScanOp::Open(EvalContext* ctx) {
  rows_ = RowsFor(nullptr, ctx);
  pos_ = 0;
}

DependentJoinOp::DependentJoinOp(OpP l, std::shared_ptr<FunctionScanOp> f) : left(std::move(l)), fn(std::move(f)) {
  names = left->names;
  names.insert(names.end(), fn->names.begin(), fn->names.end());
  types = left->types;
  types.insert(types.end(), fn->types.begin(), fn->types.end());
}

bool DependentJoinOp::Next(Row* out) {
  while (pos_ >= rows_.size()) {
    if (!left->Next(&left_row_)) return false;
    rows_ = fn->RowsFor(&left_row_, ctx_);
    pos_ = 0;
  }
  *out = left_row_;
  const Row& r = rows_[pos_++];
  out->insert(out->end(), r.begin(), r.end());
  return true;
}

void DependentJoinOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Nested Loop");
  left->Explain(out, depth + 1);
  fn->Explain(out, depth + 1);
}

bool FunctionScanOp::Next(Row* out) {
  if (pos_ >= rows_.size()) return false;
  *out = std::move(rows_[pos_++]);
  return true;
}

void FunctionScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Function Scan on " + fn.name);
}

bool ProjectSetOp::Next(Row* out) {
  while (pos_ >= pending_.size()) {
    Row in;
    if (!child->Next(&in)) return false;
    EvalContext c = *ctx_;
    c.row = &in;
    std::vector<std::vector<Row>> sets(targets.size());
    size_t n = 0;
    for (size_t i = 0; i < targets.size(); i++) {
      if (!srfs[i]) continue;
      std::vector<Value> args;
      for (const auto& a : srfs[i]->args) args.push_back(a->Eval(c));
      sets[i] = srfs[i]->generate(args, c);
      n = std::max(n, sets[i].size());
    }
    pending_.assign(n, Row(targets.size()));
    for (size_t i = 0; i < targets.size(); i++) {
      if (srfs[i]) {
        for (size_t k = 0; k < sets[i].size(); k++) pending_[k][i] = sets[i][k][0];
      } else if (n) {
        Value v = targets[i]->Eval(c);
        for (size_t k = 0; k < n; k++) pending_[k][i] = v;
      }
    }
    pos_ = 0;
  }
  *out = std::move(pending_[pos_++]);
  return true;
}

void ProjectSetOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "ProjectSet");
  child->Explain(out, depth + 1);
}

LateralJoinOp::LateralJoinOp(OpP l, OpP r, ExprP c, bool lj) : left(std::move(l)), right(std::move(r)), cond(std::move(c)), left_join(lj) {
  names = left->names;
  names.insert(names.end(), right->names.begin(), right->names.end());
  types = left->types;
  types.insert(types.end(), right->types.begin(), right->types.end());
}

bool LateralJoinOp::Next(Row* out) {
  while (pos_ >= rows_.size()) {
    if (!left->Next(&left_row_)) return false;
    EvalContext sub = *ctx_;
    sub.outer.insert(sub.outer.begin(), &left_row_);
    std::vector<Row> right_rows = RunToVector(right.get(), &sub);
    rows_.clear();
    pos_ = 0;
    for (auto& r : right_rows) {
      Row joined = left_row_;
      joined.insert(joined.end(), r.begin(), r.end());
      if (cond) {
        EvalContext c = *ctx_;
        c.row = &joined;
        if (!IsTrue(cond->Eval(c))) continue;
      }
      rows_.push_back(std::move(joined));
    }
    if (rows_.empty() && left_join) {
      Row padded = left_row_;
      padded.resize(types.size());
      rows_.push_back(std::move(padded));
    }
  }
  *out = std::move(rows_[pos_++]);
  return true;
}

void LateralJoinOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, left_join ? "Nested Loop Left Join" : "Nested Loop");
  left->Explain(out, depth + 1);
  right->Explain(out, depth + 1);
}

}  // namespace tusk
