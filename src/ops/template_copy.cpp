// A row's key after its table's prefix, and its value, do not depend on the table's OID: the
// template's keys are copied as they are under the copy's prefix (NewRelationWriter: past the
// transaction's write batch when the session allows it). An index's keys do hold its table's
// OID (each entry points at a row key), so every index is built again over the copied rows, as
// CREATE INDEX builds one. The template has no other sessions (CREATE DATABASE waited for them
// to go).
#include "ops/template_copy.hpp"

#include <memory>

#include <rocksdb/db.h>

#include "access/new_relation_writer.hpp"
#include "access/statistics_store.hpp"
#include "catalog/catalog.hpp"
#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "engine/database.hpp"
#include "engine/ddl_util.hpp"
#include "execution/exec_state.hpp"
#include "storage/store.hpp"

namespace tusk {

namespace {
void CopyTableRows(ExecState* st, uint32_t from, uint32_t to) {
  NewRelationWriter writer(st, to);
  const std::string begin = RelationPrefix(from), end = PrefixSuccessor(begin);
  std::string key = RelationPrefix(to);
  const size_t prefix_size = key.size();
  rocksdb::Slice upper(end);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(st->db->store()->db()->NewIterator(ro));
  size_t rows = 0;
  for (it->Seek(begin); it->Valid(); it->Next()) {
    key.resize(prefix_size);
    key.append(it->key().data() + begin.size(), it->key().size() - begin.size());
    writer.Put(key, it->value().ToString());
    if (++rows % 4096 == 0) CheckInterrupts(st);
  }
  CheckStatus(it->status(), "copy template rows");
  writer.Finish();
}

// Releases the snapshot the index builds read the copied rows through.
struct SnapshotHolder {
  rocksdb::DB* db;
  const rocksdb::Snapshot* snapshot;
  ~SnapshotHolder() { db->ReleaseSnapshot(snapshot); }
};
}  // namespace

void CopyTemplateRows(ExecState* st, const Catalog& source, const std::shared_ptr<const Catalog>& copy,
                      const std::map<uint32_t, uint32_t>& renumbered) {
  Store* store = st->db->store();
  std::vector<const TableDef*> tables;
  for (const auto& [from, t] : source.tables()) {
    auto to = renumbered.find(from);
    if (to == renumbered.end()) continue;  // a composite type: no rows
    CopyTableRows(st, from, to->second);
    tables.push_back(copy->FindTable(to->second));
    if (auto statistics = ReadTableStatistics(st, from)) WriteTableStatistics(st, to->second, *statistics);
    if (auto sizes = ReadRelationSizes(store, from)) WriteRelationSizes(store, to->second, *sizes);
  }
  // The builds read the copy's rows, written since the statement's snapshot was taken.
  SnapshotHolder fresh{store->db(), store->db()->GetSnapshot()};
  ExecState in_copy = *st;
  in_copy.catalog = copy;
  in_copy.snapshot = fresh.snapshot;
  for (const TableDef* table : tables)
    for (uint32_t index : table->indexes)
      if (const IndexDef* def = copy->FindIndex(index); def && !def->primary)  // the table is keyed by its primary key
        BuildIndex(&in_copy, *table, *def, IndexStorage::kNew);
  for (const auto& [from, seq] : source.sequences())
    st->db->CopySequenceState(seq, *copy->FindSequence(renumbered.at(from)));
}

}  // namespace tusk
