#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "common/error.hpp"

namespace tusk {
namespace {

TEST(Catalog, SerializeRoundTrip) {
  auto c = Catalog::Bootstrap();
  TableDef t;
  t.oid = c->AllocateOid();
  t.schema = "public";
  t.name = "users";
  ColumnDef id;
  id.name = "id";
  id.type = Type(oid::kInt4);
  id.not_null = true;
  ColumnDef email;
  email.name = "email";
  email.type = Type(oid::kVarchar, 259);
  email.default_sql = "'x'";
  t.columns = {id, email};
  IndexDef pk;
  pk.oid = c->AllocateOid();
  pk.table = t.oid;
  pk.name = "users_pkey";
  pk.unique = pk.primary = true;
  IndexColumn key;
  key.column = 0;
  key.opclass = "int4_ops";
  pk.columns = {key};
  t.pk_index = pk.oid;
  t.indexes = {pk.oid};
  ConstraintDef pkc;
  pkc.name = "users_pkey";
  pkc.kind = 'p';
  pkc.index = pk.oid;
  pkc.columns = {0};
  t.constraints.push_back(pkc);
  c->AddTable(t);
  c->AddIndex(pk);
  c->AssignObjectOids();
  const TableDef* ct = c->FindTable(t.oid);
  EXPECT_NE(ct->constraints[0].oid, 0u);
  EXPECT_NE(ct->columns[1].default_oid, 0u);  // email has a default
  EXPECT_EQ(ct->columns[0].default_oid, 0u);
  auto back = Catalog::Deserialize(c->Serialize());
  auto rel = back->FindRelation("", "users", {"public"});
  ASSERT_TRUE(rel.has_value());
  const TableDef* bt = back->FindTable(rel->second);
  ASSERT_NE(bt, nullptr);
  EXPECT_EQ(bt->columns.size(), 2u);
  EXPECT_EQ(bt->columns[1].type.typmod, 259);
  EXPECT_EQ(bt->columns[1].default_sql, "'x'");
  EXPECT_EQ(bt->columns[1].default_oid, ct->columns[1].default_oid);
  EXPECT_EQ(bt->constraints[0].oid, ct->constraints[0].oid);
  EXPECT_EQ(back->FindIndex(bt->pk_index)->columns[0].opclass, "int4_ops");
  EXPECT_EQ(back->FindIndex(bt->pk_index)->name, "users_pkey");
  EXPECT_TRUE(back->FindRelation("", "users_pkey", {"public"}).has_value());
  EXPECT_TRUE(back->HasExtension("plpgsql"));
}

TEST(Catalog, CorruptBytesAreAnError) {
  auto c = Catalog::Bootstrap();
  std::string bytes = c->Serialize();
  EXPECT_THROW(Catalog::Deserialize(bytes.substr(0, bytes.size() / 2)), Error);
}

}  // namespace
}  // namespace tusk
