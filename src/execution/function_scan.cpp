#include "execution/function_scan.hpp"

namespace tusk {

void FunctionScanOp::Start(const Row* left, EvalContext* ctx) {
  Row none;
  EvalContext c = *ctx;
  c.row = left ? left : &none;
  std::vector<Value> args;
  for (const auto& a : fn.args) args.push_back(a->Eval(c));
  state_ = ctx->state;
  produced_ = 0;
  rows_ = fn.generate(args, c);
}

bool FunctionScanOp::NextRow(Row* out) {
  if (!rows_ || !rows_(out)) return false;
  if ((++produced_ & 1023) == 0) CheckInterrupts(state_);
  if (expand_fields) {
    Value row = out->empty() ? Value::Null() : std::move((*out)[0]);
    if (row.is_null()) out->assign(expand_fields, Value::Null());
    else *out = row.arr();
    out->resize(expand_fields, Value::Null());
  }
  if (ordinality) out->push_back(Value::Int(produced_));
  return true;
}

void FunctionScanOp::Open(EvalContext* ctx) { Start(nullptr, ctx); }

DependentJoinOp::DependentJoinOp(OpP l, std::shared_ptr<FunctionScanOp> f, ExprP c, bool outer)
    : left(std::move(l)), fn(std::move(f)), cond(std::move(c)), left_join(outer) {
  names = left->names;
  names.insert(names.end(), fn->names.begin(), fn->names.end());
  types = left->types;
  types.insert(types.end(), fn->types.begin(), fn->types.end());
}

bool DependentJoinOp::Next(Row* out) {
  for (;;) {
    Row r;
    if (started_ && fn->NextRow(&r)) {
      *out = left_row_;
      out->insert(out->end(), r.begin(), r.end());
      if (cond) {
        EvalContext c = *ctx_;
        c.row = out;
        if (!IsTrue(cond->Eval(c))) continue;
      }
      joined_ = true;
      return true;
    }
    if (started_ && left_join && !joined_) {
      started_ = false;
      *out = left_row_;
      out->resize(types.size());
      return true;
    }
    if (!left->Next(&left_row_)) return false;
    fn->Start(&left_row_, ctx_);
    started_ = true;
    joined_ = false;
  }
}

void DependentJoinOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, left_join ? "Nested Loop Left Join" : "Nested Loop");
  if (cond) ExplainLine(out, depth, "Join Filter: " + cond->ToSql(), true);
  left->Explain(out, depth + 1);
  fn->Explain(out, depth + 1);
}

bool FunctionScanOp::Next(Row* out) { return NextRow(out); }

void FunctionScanOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "Function Scan on " + fn.name);
}

// The functions of one input row advance in lockstep: an output row takes the next row of each,
// NULL for those already exhausted, until all are.
bool ProjectSetOp::Next(Row* out) {
  for (;;) {
    if (running_) {
      out->assign(targets.size(), Value::Null());
      bool any = false;
      Row r;
      for (size_t i = 0; i < targets.size(); i++) {
        if (!srfs[i] || !calls_[i]) continue;
        if (calls_[i](&r)) {
          int column = srfs[i]->select_column;
          (*out)[i] = column < 0 ? Value::Array(std::move(r), 1) : std::move(r[static_cast<size_t>(column)]);
          any = true;
        }
        else calls_[i] = nullptr;
      }
      if (any) {
        // The other targets are evaluated per output row, as PostgreSQL's ProjectSet does.
        EvalContext c = *ctx_;
        c.row = &input_;
        for (size_t i = 0; i < targets.size(); i++)
          if (!srfs[i]) (*out)[i] = targets[i]->Eval(c);
        if ((++produced_ & 1023) == 0) CheckCancel(ctx_);
        return true;
      }
      running_ = false;
    }
    if (!child->Next(&input_)) return false;
    EvalContext c = *ctx_;
    c.row = &input_;
    calls_.assign(targets.size(), nullptr);
    for (size_t i = 0; i < targets.size(); i++) {
      if (!srfs[i]) continue;
      std::vector<Value> args;
      for (const auto& a : srfs[i]->args) args.push_back(a->Eval(c));
      calls_[i] = srfs[i]->generate(args, c);
    }
    running_ = true;
  }
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
    MemoryCharge held("Nested Loop");
    std::vector<Row> right_rows = RunToVector(right.get(), &sub, &held);
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
