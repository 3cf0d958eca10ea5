// Scan operators: a full table scan in key order, and an index range scan (equality prefix plus
// an optional range on the next column, either direction). Both read the statement snapshot
// merged with the transaction's own writes. With emit_key, the row's storage key is appended
// as an extra trailing column (for UPDATE and DELETE).
#pragma once
#include <memory>

#include <rocksdb/utilities/transaction.h>

#include "access/table_access.hpp"
#include "execution/operators.hpp"

namespace tusk {

// Names and types of a table's rows, as its scans emit them (with the storage key last).
void SetTableColumns(Operator* op, const TableDef* t, bool emit_key);

class SeqScanOp : public Operator {
 public:
  SeqScanOp(const TableDef* table, std::string alias, bool emit_key);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override { it_.reset(); }
  bool ReadsEnclosingRows() const override { return false; }  // every row, in the statement's snapshot
  const TableDef* table;
  std::string alias;
  bool emit_key;
 private:
  EvalContext* ctx_ = nullptr;
  std::unique_ptr<rocksdb::Iterator> it_;
  std::string prefix_, end_;
};

class IndexScanOp : public Operator {
 public:
  IndexScanOp(const TableDef* table, std::string alias, BoundIndex index, bool emit_key);
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  void Release() override {
    it_.reset();
    batch_keys_ = {};
    std::vector<rocksdb::PinnableSlice>().swap(batch_rows_);
    batch_status_ = {};
  }
  bool ReadsEnclosingRows() const override;

  const TableDef* table;
  std::string alias;
  BoundIndex index;
  bool emit_key;
  std::vector<ExprP> eq;       // values for the leading index columns
  ExprP lower, upper;          // range on column eq.size() (in SQL order of that column)
  bool lower_inclusive = true, upper_inclusive = true;
  // Or a row comparison (cols...) row_op (row_bound...) over the columns after eq, all ordered
  // the same way: one range in key order.
  std::vector<ExprP> row_bound;
  std::string row_op;
  bool backward = false;
  // The query reads only the index's key columns (a primary key), or no column of the row (a
  // secondary index, whose rows are then not read).
  bool index_only = false;
  std::vector<std::string> cond_sql;  // for EXPLAIN "Index Cond"
 private:
  bool Fetch(const std::string& table_key, const std::string& value, Row* out);
  EvalContext* ctx_ = nullptr;
  std::unique_ptr<rocksdb::Iterator> it_;
  // What it_ reads: an inner scan re-opened per outer row reuses its iterator (building one
  // was a tenth of a nested loop's inner scan) when the transaction and snapshot are the same.
  const rocksdb::Transaction* it_txn_ = nullptr;
  const rocksdb::Snapshot* it_snapshot_ = nullptr;
  std::string start_, end_;  // [start_, end_) in key order
  rocksdb::Slice upper_bound_;  // end_, for the iterator: RocksDB reads the bound through this
  bool empty_ = false, first_ = true;
  bool point_ = false;      // a single key of a unique index: read with Get
  std::string point_key_;
  // A secondary index's rows are read in batches with one MultiGet (LSM lookups share work
  // across keys). The batch starts at 8 rows and doubles up to 64: starting at 1 made a join's
  // inner scan of ten rows cost four MultiGets (tasks_report 286 -> 347 tps with 8), while a
  // LIMIT 1 reads at most seven rows too many.
  bool FillBatch();
  std::vector<std::string> batch_keys_;
  std::vector<rocksdb::PinnableSlice> batch_rows_;
  std::vector<rocksdb::Status> batch_status_;
  static constexpr size_t kFirstBatch = 8;
  size_t batch_pos_ = 0, batch_limit_ = kFirstBatch;
  bool scan_done_ = false;
};

}  // namespace tusk
