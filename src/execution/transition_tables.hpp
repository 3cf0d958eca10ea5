// Transition tables (CREATE TRIGGER ... REFERENCING OLD / NEW TABLE AS name): the rows a
// statement changed, which the queries of the AFTER trigger it fires read by name, as a WITH
// query's name is read (PostgreSQL's ephemeral named relations). The trigger runner collects
// the rows; the function's ExecState points at them while it runs, and a scan finds them
// there when it opens, so a plan cached with the function reads each firing's rows.
#pragma once
#include <string>
#include <vector>

#include "execution/operators.hpp"

namespace tusk {

struct TransitionTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<Type> types;
  const std::vector<Row>* rows = nullptr;
};

struct TransitionTables {
  std::vector<TransitionTable> tables;
  const TransitionTable* Find(const std::string& name) const;
};

class TransitionScanOp : public Operator {
 public:
  TransitionScanOp(std::string name, std::string alias) : name_(std::move(name)), alias_(std::move(alias)) {}
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;

 private:
  std::string name_, alias_;
  const std::vector<Row>* rows_ = nullptr;
  size_t pos_ = 0;
};

}  // namespace tusk
