// The scan of a GIN index: PostgreSQL's Bitmap Heap Scan over a Bitmap Index Scan. Open reads
// each condition's entry ranges and combines their row keys (all / any of a condition's
// entries, and every condition); Next fetches those rows in key order, in batches, and keeps
// the ones the conditions (re-checked: entries only narrow) and the filter accept.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/iterator.h>
#include <rocksdb/slice.h>

#include "access/gin/posting_list.hpp"
#include "access/table_access.hpp"
#include "execution/operators.hpp"

namespace rocksdb { class PinnableSlice; class Status; }

namespace tusk {

struct GinQueryNode;  // access/gin/gin.hpp

class GinScanOp : public Operator {
 public:
  GinScanOp(const TableDef* table, std::string alias, BoundIndex index, bool emit_key);
  ~GinScanOp() override;
  // `index column op value`, with the whole condition for the re-check.
  struct Condition {
    size_t column;
    std::string op;
    ExprP value;
    ExprP cond;
  };
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;

  const TableDef* table;
  std::string alias;
  BoundIndex index;
  bool emit_key;
  std::vector<Condition> conditions;
  ExprP filter;  // the table's other conditions; null when none

 private:
  // The table keys the index gives for the conditions, in key order; false when every row of
  // the table is a candidate.
  bool CandidateKeys(std::vector<std::string>* keys);
  // The rows holding the entry under prefix, as the index has them.
  EntryPostings ReadEntry(const std::string& prefix);
  // The rows a query tree lets through, in key order; false when it does not narrow them.
  bool TreeRows(size_t column, const GinQueryNode& node, std::vector<std::string>* rows);
  // The rows holding any entry of the column that begins with `begins`.
  std::vector<std::string> PrefixRows(size_t column, const std::string& begins);
  bool Accepts(const Row& row);
  EvalContext* ctx_ = nullptr;
  // Each condition's value, computed once in Open: the re-check uses it as PostgreSQL's
  // re-check uses the scan keys, instead of computing the value again for every row.
  std::vector<Value> scan_keys_;
  std::vector<Value> recheck_args_;
  std::vector<std::string> keys_;
  size_t pos_ = 0;
  struct Batch;
  std::unique_ptr<Batch> batch_;
  // When no condition narrows the rows, the table itself is read in order (a regex without
  // three letters in a row, @> '{}'): fetching every row by key would cost a point read each.
  std::string table_end_;
  rocksdb::Slice table_upper_;
  std::unique_ptr<rocksdb::Iterator> every_row_;
};

}  // namespace tusk
