// A new index's build may write its keys straight to storage, outside the transaction
// (access/new_relation_writer.hpp). These tests look at the storage itself: the keys are
// there before the transaction commits when the build went past it, and gone whenever the
// index does not commit (the transaction, a savepoint or the statement rolled back).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "common/keycodec.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "storage/store.hpp"

namespace tusk {
namespace {

struct LastRowSink : ResultSink {
  Row last;
  void AddRow(const Row& r) override { last = r; }
};

class NewRelationWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tusk_unit_newrel_" + std::to_string(getpid()) + "_" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    db_ = Database::Open(dir_.string());
    session_ = std::make_unique<Session>(db_.get(), "postgres", "postgres");
    Run("CREATE TABLE items (id int PRIMARY KEY, a int, doc jsonb)");
    Run("INSERT INTO items SELECT i, i % 10, jsonb_build_object('k', i) FROM generate_series(1, 3000) i");
  }
  void TearDown() override {
    session_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Row Run(const std::string& sql) {
    LastRowSink sink;
    session_->ExecuteSimple(sql, &sink);
    return sink.last;
  }
  uint32_t Oid(const std::string& relation) {
    return static_cast<uint32_t>(Run("SELECT '" + relation + "'::regclass::oid::int8")[0].i());
  }
  // Keys under the relation's prefix that a reader outside every transaction sees.
  size_t CommittedKeys(uint32_t rel) {
    const std::string begin = RelationPrefix(rel), end = PrefixSuccessor(begin);
    std::unique_ptr<rocksdb::Iterator> it(db_->store()->db()->NewIterator(rocksdb::ReadOptions()));
    size_t n = 0;
    for (it->Seek(begin); it->Valid() && it->key().compare(end) < 0; it->Next()) n++;
    return n;
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Session> session_;
};

TEST_F(NewRelationWriterTest, KeysPastTheTransactionGoWithItsRollback) {
  Run("BEGIN");
  Run("CREATE INDEX items_a ON items (a)");
  Run("CREATE INDEX items_doc ON items USING gin (doc jsonb_path_ops)");
  const uint32_t btree = Oid("items_a"), gin = Oid("items_doc");
  EXPECT_EQ(CommittedKeys(btree), 3000u);  // written before the commit
  EXPECT_GT(CommittedKeys(gin), 0u);
  EXPECT_EQ(Run("SELECT count(*) FROM items WHERE a = 3")[0].i(), 300);
  Run("ROLLBACK");
  EXPECT_EQ(CommittedKeys(btree), 0u);
  EXPECT_EQ(CommittedKeys(gin), 0u);
}

TEST_F(NewRelationWriterTest, CommittedIndexKeepsItsKeys) {
  Run("CREATE INDEX items_a ON items (a)");
  EXPECT_EQ(CommittedKeys(Oid("items_a")), 3000u);
  Run("BEGIN");
  Run("CREATE INDEX items_b ON items (a, id)");
  const uint32_t b = Oid("items_b");
  Run("COMMIT");
  EXPECT_EQ(CommittedKeys(b), 3000u);
}

TEST_F(NewRelationWriterTest, SavepointRollbackRemovesOnlyItsIndexes) {
  Run("BEGIN");
  Run("CREATE INDEX items_a ON items (a)");
  const uint32_t kept = Oid("items_a");
  Run("SAVEPOINT s");
  Run("CREATE INDEX items_b ON items (a, id)");
  const uint32_t undone = Oid("items_b");
  Run("ROLLBACK TO SAVEPOINT s");
  EXPECT_EQ(CommittedKeys(undone), 0u);
  EXPECT_EQ(CommittedKeys(kept), 3000u);
  Run("COMMIT");
  EXPECT_EQ(CommittedKeys(kept), 3000u);
  EXPECT_EQ(CommittedKeys(undone), 0u);
}

TEST_F(NewRelationWriterTest, FailedBuildLeavesNothing) {
  Run("CREATE TABLE wide (id int PRIMARY KEY, pad text)");
  Run("INSERT INTO wide SELECT i, repeat('x', 900) || i FROM generate_series(1, 3000) i");
  Run("INSERT INTO wide VALUES (3001, 'dup'), (3002, 'dup')");
  // The duplicate is met at the last row, after batches of the other 2.7 MB were written.
  EXPECT_THROW(Run("CREATE UNIQUE INDEX wide_u ON wide (pad)"), Error);
  EXPECT_EQ(Run("SELECT count(*) FROM pg_class WHERE relname = 'wide_u'")[0].i(), 0);
  // The index had one of the next oids: nothing is left under them.
  const uint32_t table = Oid("wide");
  for (uint32_t rel = table + 1; rel < table + 64; rel++) EXPECT_EQ(CommittedKeys(rel), 0u) << rel;
}

TEST_F(NewRelationWriterTest, RepeatableReadKeepsKeysInTheTransaction) {
  Run("BEGIN ISOLATION LEVEL REPEATABLE READ");
  Run("SELECT count(*) FROM items");
  Run("CREATE INDEX items_a ON items (a)");
  const uint32_t rel = Oid("items_a");
  EXPECT_EQ(CommittedKeys(rel), 0u);  // its snapshot could not see them outside
  EXPECT_EQ(Run("SELECT count(*) FROM items WHERE a = 3")[0].i(), 300);
  Run("COMMIT");
  EXPECT_EQ(CommittedKeys(rel), 3000u);
}

}  // namespace
}  // namespace tusk
