// Set-returning functions as row sources: FunctionScanOp (a function in FROM, optionally WITH
// ORDINALITY) and ProjectSetOp (SRFs in a select list, evaluated in lockstep per input row as
// PostgreSQL 10+ does: the row count is the longest set, shorter ones padded with NULLs).
#pragma once
#include "execution/operators.hpp"
#include "function/set_returning.hpp"

namespace tusk {

class FunctionScanOp : public Operator {
 public:
  FunctionScanOp(SetFunction fn, bool ordinality) : fn(std::move(fn)), ordinality(ordinality) {}
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  SetFunction fn;
  bool ordinality;
  bool lateral = false;  // arguments read columns of earlier FROM items
  // The function yields one value of a composite type (unnest over an array of them): its
  // fields are the columns, as PostgreSQL expands a composite result in FROM.
  size_t expand_fields = 0;
  // Starts the function for one row of the preceding FROM items; NextRow then yields its rows.
  void Start(const Row* left, EvalContext* ctx);
  bool NextRow(Row* out);
 private:
  RowGenerator rows_;
  const ExecState* state_ = nullptr;
  int64_t produced_ = 0;
};

// FROM a, f(a.x): the function runs once per row of the left input.
class DependentJoinOp : public Operator {
 public:
  // left_join: a LEFT JOIN LATERAL, whose ON condition `cond` decides which of the function's
  // rows join; a left row none of them joins comes out once, padded with NULLs.
  DependentJoinOp(OpP left, std::shared_ptr<FunctionScanOp> fn, ExprP cond = nullptr, bool left_join = false);
  void Open(EvalContext* ctx) override { ctx_ = ctx; left->Open(ctx); started_ = false; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP left;
  std::shared_ptr<FunctionScanOp> fn;
  ExprP cond;
  bool left_join;
 private:
  EvalContext* ctx_ = nullptr;
  Row left_row_;
  bool started_ = false;  // fn runs for left_row_
  bool joined_ = false;   // left_row_ has joined a row of fn
};

class ProjectSetOp : public Operator {
 public:
  // Output row: one column per target; targets[i] is a scalar expression unless srfs[i] is set.
  ProjectSetOp(OpP child, std::vector<ExprP> targets, std::vector<std::shared_ptr<SetFunction>> srfs)
      : child(std::move(child)), targets(std::move(targets)), srfs(std::move(srfs)) {}
  void Open(EvalContext* ctx) override { ctx_ = ctx; child->Open(ctx); running_ = false; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP child;
  std::vector<ExprP> targets;
  std::vector<std::shared_ptr<SetFunction>> srfs;
 private:
  EvalContext* ctx_ = nullptr;
  bool running_ = false;              // the functions run for input_
  Row input_;
  std::vector<RowGenerator> calls_;   // per target: its function's rows (empty once exhausted)
  int64_t produced_ = 0;
};

// FROM a, LATERAL (SELECT ... a.x ...): the subquery runs once per left row, which it sees as
// its enclosing row. LEFT JOIN LATERAL keeps left rows without matches (NULL-extended).
class LateralJoinOp : public Operator {
 public:
  LateralJoinOp(OpP left, OpP right, ExprP cond, bool left_join);
  void Open(EvalContext* ctx) override { ctx_ = ctx; left->Open(ctx); rows_.clear(); pos_ = 0; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP left, right;
  ExprP cond;
  bool left_join;
 private:
  EvalContext* ctx_ = nullptr;
  Row left_row_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

}  // namespace tusk
