// The parts of a partitioned table's key bound over its row, for one statement: a key column
// as a column reference, a key expression (PARTITION BY RANGE ((lower(name)))) as its tree,
// bound once by the statement's planner. Routing evaluates them over each row; pruning matches
// a scan's conditions against them.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"

namespace tusk {

class Planner;
class Script;

class PartitionKeyParts {
 public:
  // `planner` binds the expressions; null serves tables whose keys are columns only (a key
  // expression then is an internal error).
  explicit PartitionKeyParts(Planner* planner);
  ~PartitionKeyParts();
  // Partitioned table t's key parts, in key order, bound at the first call.
  const std::vector<ExprP>& Bound(const TableDef& t);
  // The same parts bound as a query's expressions over t named `alias` are (qualified names
  // when `qualified`), so that Key() compares them with the query's.
  std::vector<ExprP> BoundAs(const TableDef& t, const std::string& alias, bool qualified);
  // The key values of `row` (in t's column layout) for partitioned table t.
  std::vector<Value> Values(const TableDef& t, const Row& row);
  // Key part `part` as error details name it: the column's quoted name, or the expression as
  // PostgreSQL prints it there (`(b * 2)`, `lower(name)`).
  std::string PartName(const TableDef& t, size_t part);

 private:
  std::vector<ExprP> Bind(const TableDef& t, const std::string& alias, bool qualified);
  Planner* planner_;
  std::map<uint32_t, std::vector<ExprP>> bound_;
  std::vector<std::unique_ptr<Script>> holders_;  // the parse trees the expressions were bound from
};

}  // namespace tusk
