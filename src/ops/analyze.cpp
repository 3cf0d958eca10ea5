// ANALYZE of one table: a sample of its rows (all of them up to 300 × default_statistics_target,
// else a uniform reservoir sample over one pass), each column's statistics computed from it
// (column_statistics.hpp), and the table's row count, written in the statement's transaction
// (access/statistics_store.hpp). pg_stats, pg_statistic and pg_class.reltuples show them; the
// planner estimates selectivities from them.
#include <algorithm>
#include <cmath>
#include <random>

#include "access/scans.hpp"
#include "access/statistics_store.hpp"
#include "common/keycodec.hpp"
#include "engine/database.hpp"
#include "engine/statements.hpp"
#include "ops/column_statistics.hpp"
#include "ops/maintenance.hpp"
#include "planner/planner.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
constexpr int64_t kPageBytes = 8192;

struct Sample {
  std::vector<Row> rows;  // in storage order
  double total_rows = 0;
};

Sample SampleRows(ExecState* st, const TableDef& t, size_t target_rows) {
  // A scan of its own: the statement's list of open operators must not keep a local one.
  ExecState scan_state = *st;
  scan_state.opened.clear();
  SeqScanOp scan(&t, "", false);
  EvalContext ctx;
  ctx.state = &scan_state;
  scan.Open(&ctx);
  std::vector<std::pair<uint64_t, Row>> reservoir;
  std::mt19937_64 random(std::random_device{}());
  uint64_t seen = 0;
  Row row;
  while (scan.Next(&row)) {
    if (reservoir.size() < target_rows) {
      reservoir.emplace_back(seen, std::move(row));
    } else {
      uint64_t slot = std::uniform_int_distribution<uint64_t>(0, seen)(random);
      if (slot < target_rows) reservoir[slot] = {seen, std::move(row)};
    }
    seen++;
  }
  scan.Release();
  std::sort(reservoir.begin(), reservoir.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Sample s;
  s.total_rows = static_cast<double>(seen);
  for (auto& [pos, r] : reservoir) s.rows.push_back(std::move(r));
  return s;
}

// 8 kB pages the relation's keys would fill (PostgreSQL's relpages).
int64_t Pages(Store* store, uint32_t rel) {
  std::string prefix = RelationPrefix(rel);
  const int64_t bytes = static_cast<int64_t>(store->ApproximateSize(prefix, PrefixSuccessor(prefix)));
  return (bytes + kPageBytes - 1) / kPageBytes;
}

int StatisticsTarget(ExecState* st) {
  auto v = st->session->GetSetting("default_statistics_target");
  return v ? std::max(1, std::stoi(*v)) : 100;
}
}  // namespace

void AnalyzeTable(ExecState* st, const TableDef& t, const std::vector<int>& columns, bool verbose, ResultSink* sink) {
  if (verbose) sink->SendNotice({"INFO", "00000", "analyzing \"" + t.schema + "." + t.name + "\"", ""});
  const int target = StatisticsTarget(st);
  Sample sample = SampleRows(st, t, static_cast<size_t>(target) * 300);
  Store* store = st->db->store();

  TableStatistics stats = ReadTableStatistics(st, t.oid).value_or(TableStatistics{});
  // An empty table keeps the column statistics it had, as in PostgreSQL.
  if (!sample.rows.empty()) {
    for (size_t col = 0; col < t.columns.size(); col++) {
      const ColumnDef& def = t.columns[col];
      const int attnum = static_cast<int>(col) + 1;
      if (def.dropped) continue;
      if (!columns.empty() && std::find(columns.begin(), columns.end(), static_cast<int>(col)) == columns.end()) continue;
      std::vector<Value> values;
      values.reserve(sample.rows.size());
      for (const Row& r : sample.rows) values.push_back(r[col]);
      ColumnStatistics c = ComputeColumnStatistics(def.type, values, sample.total_rows, target);
      c.attnum = attnum;
      auto old = std::find_if(stats.columns.begin(), stats.columns.end(), [&](const auto& s) { return s.attnum == attnum; });
      if (old != stats.columns.end()) *old = std::move(c);
      else stats.columns.push_back(std::move(c));
      CheckInterrupts(st);
    }
    std::sort(stats.columns.begin(), stats.columns.end(), [](const auto& a, const auto& b) { return a.attnum < b.attnum; });
    WriteTableStatistics(st, t.oid, stats);
  }

  RelationSizes sizes;
  sizes.reltuples = sample.total_rows;
  sizes.relpages = sample.total_rows > 0 ? Pages(store, t.oid) : 0;
  // A partial index holds the share of the sample its predicate admits.
  ParamTypes params;
  ExecState bind_state = *st;
  bind_state.opened.clear();
  Planner planner(&bind_state, &params);
  for (const BoundIndex& idx : planner.BindIndexes(t)) {
    double tuples = sample.total_rows;
    if (idx.predicate && !sample.rows.empty()) {
      EvalContext ctx;
      ctx.state = &bind_state;
      size_t admitted = 0;
      for (const Row& r : sample.rows) {
        ctx.row = &r;
        Value v = idx.predicate->Eval(ctx);
        admitted += !v.is_null() && v.b();
      }
      tuples = std::ceil(static_cast<double>(admitted) / static_cast<double>(sample.rows.size()) * sample.total_rows);
    }
    sizes.indexes.push_back({idx.def->oid, std::max<int64_t>(1, Pages(store, idx.def->oid)), tuples});
  }
  WriteRelationSizes(store, t.oid, sizes);
  st->db->statistics().Forget(t.oid);
  st->session->NoteAnalyzed(t.oid);
  if (verbose) {
    char detail[256];
    snprintf(detail, sizeof detail,
             "\"%s\": scanned %lld of %lld pages, containing %.0f live rows and 0 dead rows; %zu rows in sample, %.0f "
             "estimated total rows",
             t.name.c_str(), static_cast<long long>(sizes.relpages), static_cast<long long>(sizes.relpages),
             sample.total_rows, sample.rows.size(), sample.total_rows);
    sink->SendNotice({"INFO", "00000", detail, ""});
  }
}

}  // namespace tusk
