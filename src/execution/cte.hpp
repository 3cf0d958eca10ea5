// Common table expressions: a CTE's rows are computed once per statement execution and read
// by every reference (CteScanOp), as lazily as PostgreSQL reads them: a reference pulls the
// next row from the CTE's query only when it needs it, so `LIMIT` stops an endless CTE.
// WITH RECURSIVE iterates a working table (RecursiveUnionOp): the recursive term reads the rows
// the previous round produced (WorkTableScanOp) until a round adds nothing; each row is handed
// on as soon as it is produced.
// A CTE that reads a column of an enclosing query (correlated) is run again each time a
// reference is opened, since its rows change with that query's row. A CTE read by one
// reference keeps no rows.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "execution/operators.hpp"

namespace tusk {

// The rows of one CTE, shared by its references, and the state of the query producing them.
struct CteBuffer {
  uint64_t exec_id = 0;   // the statement execution the rows belong to
  bool started = false;   // the producer is open for exec_id (or rows were filled eagerly)
  bool filled = false;    // every row is in `rows`
  std::vector<Row> rows;
  // References planned: with one, rows are handed on without being kept (PostgreSQL inlines
  // such a CTE), so an endless recursion read up to a LIMIT holds no memory; a second scan of
  // the same reference runs the query again.
  int readers = 0;
  MemoryCharge held{"CTE Scan"};
  bool prefilled = false;  // rows of an INSERT/UPDATE/DELETE ... RETURNING, filled before the query runs
  // The producer's evaluation context: an uncorrelated CTE needs no outer row, and its context
  // must outlive whichever reference happened to open it.
  EvalContext ctx;
  // Makes rows[i] available, pulling from the producer as needed; false past the last row.
  bool Fetch(Operator* producer, size_t i);
};

class CteScanOp : public Operator {
 public:
  CteScanOp(std::string name, std::string alias, OpP producer, std::shared_ptr<CteBuffer> buffer)
      : name(std::move(name)), alias(std::move(alias)), producer(std::move(producer)), buffer(std::move(buffer)) {}
  // A correlated CTE: its query reads the outer rows of the level that defined it, which are
  // the reference's outer rows after the first `nested` ones (the reference may sit in
  // subqueries of that level).
  bool correlated = false;
  size_t nested = 0;
  void Open(EvalContext* ctx) override;
  bool Next(Row* out) override;
  void Explain(std::vector<std::string>* out, int depth) const override;
  std::string name, alias;
  OpP producer;
  std::shared_ptr<CteBuffer> buffer;
 private:
  size_t pos_ = 0;
  bool streaming_ = false;     // the only reader: rows come straight from the producer
  bool streamed_all_ = false;
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
  void Release() override;
  OpP base, recursive;
  bool all;
  std::shared_ptr<std::vector<Row>> working;
 private:
  bool Fresh(const Row& r);  // UNION: whether r is not a duplicate (remembering it)
  enum class Phase { kBase, kRecursive, kDone } phase_ = Phase::kDone;
  EvalContext* ctx_ = nullptr;
  std::vector<Row> round_;     // rows of the round being produced: the next working table
  std::vector<Row> distinct_;  // UNION: every row produced, with their hashes in seen_
  std::unordered_multimap<size_t, size_t> seen_;
  MemoryCharge round_held_{"Recursive Union"}, working_held_{"Recursive Union"}, distinct_held_{"Recursive Union"};
};

}  // namespace tusk
