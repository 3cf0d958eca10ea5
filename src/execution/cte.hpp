// Common table expressions: a CTE's rows are computed once per statement execution and read
// by every reference (CteScanOp). WITH RECURSIVE iterates a working table (RecursiveUnionOp):
// the recursive term reads the rows the previous round produced (WorkTableScanOp) until a
// round adds nothing.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "execution/operators.hpp"

namespace tusk {

struct CteBuffer {
  uint64_t exec_id = 0;   // the statement execution the rows belong to
  bool filled = false;
  std::vector<Row> rows;
};

class CteScanOp : public Operator {
 public:
  CteScanOp(std::string name, std::string alias, OpP producer, std::shared_ptr<CteBuffer> buffer)
      : name(std::move(name)), alias(std::move(alias)), producer(std::move(producer)), buffer(std::move(buffer)) {}
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  std::string name, alias;
  OpP producer;
  std::shared_ptr<CteBuffer> buffer;
 private:
  size_t pos_ = 0;
};

class WorkTableScanOp : public Operator {
 public:
  WorkTableScanOp(std::string name, std::shared_ptr<std::vector<Row>> working)
      : name(std::move(name)), working(std::move(working)) {}
  void Open(EvalContext*) override { pos_ = 0; }
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  std::string name;
  std::shared_ptr<std::vector<Row>> working;
 private:
  size_t pos_ = 0;
};

class RecursiveUnionOp : public Operator {
 public:
  RecursiveUnionOp(OpP base, OpP recursive, bool all, std::shared_ptr<std::vector<Row>> working)
      : base(std::move(base)), recursive(std::move(recursive)), all(all), working(std::move(working)) {}
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  OpP base, recursive;
  bool all;
  std::shared_ptr<std::vector<Row>> working;
 private:
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

}  // namespace tusk
