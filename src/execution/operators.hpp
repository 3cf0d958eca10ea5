// Physical operators. Each pulls rows from its children (Open, then Next until false). Rows are
// flat vectors of Values; an operator's output columns are described by names and types.
// EXPLAIN prints the tree in PostgreSQL's text shape ("->  " children, 2-space detail lines).
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "execution/expr.hpp"
#include "execution/memory.hpp"

namespace tusk {

class Operator {
 public:
  virtual ~Operator() = default;
  // (Re)starts the operator. ctx supplies the state and any outer rows; it outlives the scan.
  virtual void Open(EvalContext* ctx) = 0;
  virtual bool Next(Row* out) = 0;
  // Adds this node's lines: `label` then detail lines, children indented under "->  ".
  virtual void Explain(std::vector<std::string>* out, int depth) const = 0;
  // Drops what the last execution kept between Next calls (iterators, buffered rows).
  virtual void Release() {}
  // Whether its rows may differ from one Open to the next within one statement execution,
  // because they depend on enclosing queries' rows (or on volatile functions): true unless the
  // operator knows better. A hash join builds the table of an inner side that does not once.
  virtual bool ReadsEnclosingRows() const { return true; }
  std::vector<std::string> names;
  std::vector<Type> types;

 protected:
  // Called by Open of operators that override Release: registers them, once per execution,
  // to be released when the statement ends.
  void ReleaseAtEnd(EvalContext* ctx);

 private:
  friend void ReleaseOpened(ExecState* st);
  bool release_pending_ = false;
};
using OpP = std::shared_ptr<Operator>;

// Helper to print a node line and its details in PostgreSQL's indentation.
void ExplainLine(std::vector<std::string>* out, int depth, const std::string& text, bool detail = false);

// One row with no columns (SELECT without FROM).
class ResultOp : public Operator {
 public:
  void Open(EvalContext*) override { done_ = false; }
  bool Next(Row* out) override { if (done_) return false; done_ = true; out->clear(); return true; }
  void Explain(std::vector<std::string>* out, int depth) const override { ExplainLine(out, depth, "Result"); }
 private:
  bool done_ = false;
};

class ValuesOp : public Operator {
 public:
  std::vector<std::vector<ExprP>> rows;
  void Open(EvalContext* ctx) override { ctx_ = ctx; pos_ = 0; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
 private:
  EvalContext* ctx_ = nullptr;
  size_t pos_ = 0;
};

class FilterOp : public Operator {
 public:
  FilterOp(OpP child, ExprP pred) : child(std::move(child)), pred(std::move(pred)) { names = this->child->names; types = this->child->types; }
  void Open(EvalContext* ctx) override { ctx_ = ctx; child->Open(ctx); }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  bool ReadsEnclosingRows() const override;
  OpP child;
  ExprP pred;
 private:
  EvalContext* ctx_ = nullptr;
};

class ProjectOp : public Operator {
 public:
  ProjectOp(OpP child, std::vector<ExprP> exprs) : child(std::move(child)), exprs(std::move(exprs)) {}
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override { child->Explain(out, depth); }
  bool ReadsEnclosingRows() const override;
  OpP child;
  std::vector<ExprP> exprs;
 private:
  EvalContext* ctx_ = nullptr;
  Row in_;
  // Plain column references take their value from the input row instead of copying it: the
  // input row is read for the last time here. moves_[i] is the input column of exprs[i], or -1.
  std::vector<int> moves_;
  bool identity_ = false;  // every input column, in order: the input row is the output row
  bool analyzed_ = false;  // moves_ and identity_ are set (at the first Open)
};

class NestedLoopJoinOp : public Operator {
 public:
  enum Kind { kInner, kLeft, kRight, kFull };
  NestedLoopJoinOp(OpP left, OpP right, ExprP cond, Kind kind);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { right_rows_ = {}; right_matched_ = {}; held_.Clear(); }
  OpP left, right;
  ExprP cond;
  Kind kind;
 private:
  EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"Nested Loop"};
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  Row left_row_;
  bool have_left_ = false, left_matched_ = false, left_done_ = false;
  size_t rpos_ = 0, unmatched_pos_ = 0;
};

class HashJoinOp : public Operator {
 public:
  enum Kind { kInner, kLeft };
  // Equi-join: left_keys[i] (evaluated on left rows) = right_keys[i] (on right rows); `extra`
  // is evaluated on the joined row.
  HashJoinOp(OpP left, OpP right, std::vector<ExprP> left_keys, std::vector<ExprP> right_keys,
             ExprP extra, Kind kind, std::string cond_sql);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { table_ = {}; matches_ = {}; held_.Clear(); built_exec_ = 0; }
  OpP left, right;
  std::vector<ExprP> left_keys, right_keys;
  ExprP extra;
  Kind kind;
  std::string cond_sql;
 private:
  EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"Hash"};
  std::unordered_multimap<size_t, Row> table_;
  std::vector<Row> matches_;
  size_t mpos_ = 0;
  Row left_row_;
  // The statement execution whose right side the table holds (0: none). In a correlated
  // subquery the join is opened again for every outer row; a right side that reads none of
  // them gives the same table each time, and reading and hashing it again per outer row was
  // most of such a query's time (100k outer rows over an 8,000-row table: minutes).
  uint64_t built_exec_ = 0;
  int right_reads_enclosing_ = -1;  // unknown until the first Open (deferred plans resolve late)
  bool KeysEqual(const Row& l, const Row& r);
  std::vector<Value> LeftKey(const Row& l);
};

struct SortKey;

struct AggSpec {
  std::string name;            // count, sum, avg, min, max, ...
  ExprP arg;                   // null for count(*)
  ExprP arg2;                  // string_agg's delimiter; percentile fraction
  bool distinct = false;
  ExprP filter;
  Type result;
  // ORDER BY inside the call (or WITHIN GROUP): inputs are sorted before accumulating.
  std::vector<std::shared_ptr<SortKey>> order;
  // An aggregate that keeps every input (NULLs too) and its second argument, and computes its
  // result from them when the group ends (json_agg and the like).
  std::function<Value(const std::vector<Value>& inputs, const std::vector<Value>& seconds)> finish;
};

// Groups its input by the group expressions (hash) and computes aggregates. Output row: group
// values, then aggregate results. With no group expressions, exactly one row.
class AggregateOp : public Operator {
 public:
  AggregateOp(OpP child, std::vector<ExprP> groups, std::vector<AggSpec> aggs);
  // GROUPING SETS / ROLLUP / CUBE: each set lists the group expressions it groups by; the
  // others are NULL in its rows. The set's index follows the aggregates in the output row.
  std::vector<std::vector<int>> sets;
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { results_ = {}; held_.Clear(); }
  OpP child;
  std::vector<ExprP> groups;
  std::vector<AggSpec> aggs;
 private:
  EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"HashAggregate"};
  std::vector<Row> results_;
  size_t pos_ = 0;
};

struct SortKey {
  ExprP expr;
  bool desc = false;
  bool nulls_first = false;
};

class SortOp : public Operator {
 public:
  SortOp(OpP child, std::vector<SortKey> keys) : child(std::move(child)), keys(std::move(keys)) { names = this->child->names; types = this->child->types; }
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { rows_ = {}; held_.Clear(); }
  OpP child;
  std::vector<SortKey> keys;
  std::vector<std::string> key_sql;  // for EXPLAIN
 private:
  void Materialize();
  EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"Sort"};
  bool sorted_ = false;
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

class LimitOp : public Operator {
 public:
  LimitOp(OpP child, ExprP limit, ExprP offset) : child(std::move(child)), limit(std::move(limit)), offset(std::move(offset)) { names = this->child->names; types = this->child->types; }
  // FETCH FIRST ... WITH TIES: rows equal to the last one on these keys are returned too.
  std::vector<SortKey> ties;
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP child;
  ExprP limit, offset;
 private:
  bool SameTies(const Row& a, const Row& b);
  int64_t remaining_ = -1, skip_ = 0;
  EvalContext* ctx_ = nullptr;
  Row last_;
  bool have_last_ = false;
  bool child_opened_ = false;
};

// DISTINCT ON: keeps the first row of each run of equal key columns (input sorted by them).
class DistinctOnOp : public Operator {
 public:
  DistinctOnOp(OpP child, std::vector<int> keys) : child(std::move(child)), keys(std::move(keys)) { names = this->child->names; types = this->child->types; }
  void Open(EvalContext* ctx) override { child->Open(ctx); have_ = false; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP child;
  std::vector<int> keys;
 private:
  Row last_;
  bool have_ = false;
};

// DISTINCT over whole rows (first `width` columns), keeping first occurrences in order.
class DistinctOp : public Operator {
 public:
  DistinctOp(OpP child, size_t width) : child(std::move(child)), width(width) { names = this->child->names; types = this->child->types; }
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { seen_ = {}; held_.Clear(); }
  OpP child;
  size_t width;
 private:
  const EvalContext* ctx_ = nullptr;
  MemoryCharge held_{"HashAggregate"};
  std::unordered_multimap<size_t, Row> seen_;
};

// UNION / INTERSECT / EXCEPT [ALL].
class SetOpOp : public Operator {
 public:
  enum Kind { kUnion, kIntersect, kExcept };
  SetOpOp(OpP left, OpP right, Kind kind, bool all);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { rows_ = {}; held_.Clear(); }
  OpP left, right;
  Kind kind;
  bool all;
 private:
  MemoryCharge held_{"SetOp"};
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

// Releases every operator opened under st (see ExecState::opened).
void ReleaseOpened(ExecState* st);

// A statement run inside another's execution with the same ExecState (a data-modifying WITH
// query, a partition made on demand): its plan and operators are gone when it returns, so the
// operators it registered for release must leave the running statement's list (a kept plan of
// the running statement releases that list when it ends).
class ForgetOpenedSince {
 public:
  explicit ForgetOpenedSince(ExecState* st);
  ~ForgetOpenedSince();
  ForgetOpenedSince(const ForgetOpenedSince&) = delete;
  ForgetOpenedSince& operator=(const ForgetOpenedSince&) = delete;

 private:
  ExecState* st_;
  size_t before_;
};

// Throws 57014 when the client asked to cancel the running statement.
void CheckCancel(const EvalContext* ctx);

// Runs a plan to completion into a vector (used by DML and subqueries), charging its rows to
// `held` (which the caller keeps as long as the rows), or only while filling when null.
std::vector<Row> RunToVector(Operator* op, EvalContext* ctx, MemoryCharge* held = nullptr);
size_t HashRow(const std::vector<Type>& types, const Row& r, size_t width);
bool RowsEqual(const std::vector<Type>& types, const Row& a, const Row& b, size_t width);

}  // namespace tusk
