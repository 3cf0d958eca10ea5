#include "access/statistics_store.hpp"

#include "access/read_view.hpp"
#include "access/table_access.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "execution/exec_state.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
std::string KeyOf(char space, uint32_t table) {
  std::string k(1, space);
  AppendUint32BE(table, &k);
  return k;
}

template <typename T>
std::optional<T> Decoded(T (*decode)(std::string_view), const std::string& bytes) {
  try {
    return decode(bytes);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<TableStatistics> ReadCommittedStatistics(Store* store, uint32_t table) {
  std::string bytes;
  if (!store->GetCommitted(StatisticsKey(table), &bytes)) return std::nullopt;
  return Decoded(DecodeTableStatistics, bytes);
}
}  // namespace

std::string StatisticsKey(uint32_t table) { return KeyOf('T', table); }
std::string SizesKey(uint32_t table) { return KeyOf('P', table); }

std::optional<TableStatistics> ReadTableStatistics(ExecState* st, uint32_t table) {
  std::string bytes;
  rocksdb::Status s = ReadKey(st, SnapshotReadOptions(st), StatisticsKey(table), &bytes);
  if (s.IsNotFound()) return std::nullopt;
  CheckStatus(s, "read statistics");
  return Decoded(DecodeTableStatistics, bytes);
}

void WriteTableStatistics(ExecState* st, uint32_t table, const TableStatistics& s) {
  CheckStatus(st->txn->Put(StatisticsKey(table), EncodeTableStatistics(s)), "write statistics");
}

std::optional<RelationSizes> ReadRelationSizes(Store* store, uint32_t table) {
  std::string bytes;
  if (!store->GetCommitted(SizesKey(table), &bytes)) return std::nullopt;
  return Decoded(DecodeRelationSizes, bytes);
}

void WriteRelationSizes(Store* store, uint32_t table, const RelationSizes& s) {
  store->PutNonTransactional(SizesKey(table), EncodeRelationSizes(s));
}

std::shared_ptr<const PlannerStatistics> StatisticsCache::Get(uint32_t table) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = loaded_.find(table);
  if (it != loaded_.end()) return it->second;
  std::shared_ptr<const PlannerStatistics> stats;
  std::optional<RelationSizes> sizes = ReadRelationSizes(store_, table);
  if (sizes) {
    auto s = std::make_shared<PlannerStatistics>();
    s->sizes = std::move(*sizes);
    if (auto columns = ReadCommittedStatistics(store_, table)) s->table = std::move(*columns);
    stats = std::move(s);
  }
  loaded_[table] = stats;
  return stats;
}

void StatisticsCache::Forget(uint32_t table) {
  std::lock_guard<std::mutex> lock(mu_);
  loaded_.erase(table);
}

}  // namespace tusk
