#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "catalog/text_search_def.hpp"
#include "types/tsearch/ts_lookup.hpp"
#include "types/tsearch/ts_template.hpp"
#include "catalog/function_def.hpp"
#include "partition/partition_def.hpp"
#include "partition/time_schedule.hpp"
#include "common/error.hpp"
#include "types/domain.hpp"

namespace tusk {
namespace {

// A table in public with a fresh OID and no columns yet.
TableDef NewTable(Catalog& c, const std::string& name) {
  TableDef t;
  t.oid = c.AllocateOid();
  t.schema = "public";
  t.name = name;
  return t;
}

TEST(Catalog, SerializeRoundTrip) {
  auto c = Catalog::Bootstrap();
  TableDef t = NewTable(*c, "users");
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
  IndexDef by_email;  // format 17: an index's access method other than btree
  by_email.oid = c->AllocateOid();
  by_email.table = t.oid;
  by_email.name = "users_email_gin";
  by_email.am = "gin";
  IndexColumn email_key;
  email_key.column = 1;
  by_email.columns = {email_key};
  t.indexes = {pk.oid, by_email.oid};
  ConstraintDef pkc;
  pkc.name = "users_pkey";
  pkc.kind = 'p';
  pkc.index = pk.oid;
  pkc.columns = {0};
  t.constraints.push_back(pkc);
  c->AddTable(t);
  c->AddIndex(pk);
  c->AddIndex(by_email);
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
  EXPECT_EQ(back->FindIndex(bt->pk_index)->am, "btree");
  EXPECT_EQ(back->FindIndex(by_email.oid)->am, "gin");
  EXPECT_TRUE(back->FindRelation("", "users_pkey", {"public"}).has_value());
  EXPECT_TRUE(back->HasExtension("plpgsql"));
}

// Format 12 keeps which columns are stored generated ones; a format 11 catalog (none) still reads.
TEST(Catalog, GeneratedColumnsRoundTrip) {
  auto c = Catalog::Bootstrap();
  TableDef t = NewTable(*c, "items");
  ColumnDef price;
  price.name = "price";
  price.type = Type(oid::kInt4);
  ColumnDef total;
  total.name = "total";
  total.type = Type(oid::kInt8);
  total.default_sql = "price * 2";
  total.generated = 's';
  t.columns = {price, total};
  c->AddTable(t);
  c->AssignObjectOids();
  auto back = Catalog::Deserialize(c->Serialize());
  const TableDef* bt = back->FindTable(t.oid);
  ASSERT_NE(bt, nullptr);
  EXPECT_EQ(bt->columns[0].generated, 0);
  EXPECT_EQ(bt->columns[1].generated, 's');
  EXPECT_EQ(bt->columns[1].default_sql, "price * 2");

  // The same catalog without generated columns, written as format 11 (no trailing list).
  auto plain = Catalog::Bootstrap();
  t.columns[1].generated = 0;
  plain->AddTable(t);
  for (uint32_t schema : {11u, 2200u, 13000u}) *plain->MutableSecurity(schema) = ObjectSecurity{};  // owners and grants: the default
  std::string bytes = plain->Serialize();
  ASSERT_EQ(bytes.front(), 22);
  // no generated columns, row types, functions, table triggers, view triggers, composite types,
  // indexes of other access methods than btree, text search dictionaries and configurations,
  // partition keys and bounds (with their expressions since 21), partition schedules, owners
  // and access lists, row-level security (22)
  ASSERT_EQ(bytes.substr(bytes.size() - 14), std::string(14, '\0'));
  bytes.front() = 11;
  bytes.resize(bytes.size() - 13);
  auto old = Catalog::Deserialize(bytes);
  ASSERT_NE(old->FindTable(t.oid), nullptr);
  EXPECT_EQ(old->FindTable(t.oid)->columns[1].generated, 0);
  EXPECT_EQ(old->FindTable(t.oid)->columns[1].default_sql, "price * 2");
}

// items (a int), added with its OIDs (its row type and that type's array type among them).
TableDef AddItemsTable(Catalog& c) {
  TableDef t = NewTable(c, "items");
  ColumnDef a;
  a.name = "a";
  a.type = Type(oid::kInt4);
  t.columns = {a};
  c.AddTable(t);
  c.AssignObjectOids();
  return t;
}

TEST(Catalog, RowTypesRoundTrip) {
  auto c = Catalog::Bootstrap();
  TableDef t = AddItemsTable(*c);
  const TableDef* given = c->FindTable(t.oid);
  ASSERT_NE(given->rowtype_oid, 0u);
  ASSERT_NE(given->rowtype_array_oid, given->rowtype_oid);
  auto back = Catalog::Deserialize(c->Serialize());
  const TableDef* bt = back->FindTable(t.oid);
  EXPECT_EQ(bt->rowtype_oid, given->rowtype_oid);
  EXPECT_EQ(bt->rowtype_array_oid, given->rowtype_array_oid);
  auto type = back->FindUserType(given->rowtype_oid);
  ASSERT_TRUE(type.has_value());
  EXPECT_EQ(type->id, given->rowtype_oid);
  ASSERT_NE(type->record, nullptr);
  EXPECT_EQ(type->record->names, std::vector<std::string>{"a"});
  EXPECT_TRUE(back->FindUserType(given->rowtype_array_oid)->array);
}

// A domain over a table's row type, and a column of a domain created after the table: each
// type is put back after the ones it is built from, not in creation order.
TEST(Catalog, TypesResolvedAfterWhatTheyAreBuiltFrom) {
  auto c = Catalog::Bootstrap();
  TableDef t = AddItemsTable(*c);
  uint32_t rowtype = c->FindTable(t.oid)->rowtype_oid;
  auto domain = [&](const std::string& name, Type base) {
    auto d = std::make_shared<DomainDef>();
    d->oid = c->AllocateOid();
    d->array_oid = c->AllocateOid();
    d->schema = "public";
    d->name = name;
    d->base = base;
    c->ReplaceDomain(d);
    return d->oid;
  };
  uint32_t item = domain("item", *c->FindUserType(rowtype));
  uint32_t positive = domain("positive", Type(oid::kInt4));
  TableDef altered = *c->FindTable(t.oid);  // ALTER TABLE items ADD COLUMN b positive
  ColumnDef b;
  b.name = "b";
  b.type = DomainType(c->FindDomainByOid(positive));
  altered.columns.push_back(b);
  c->AddTable(altered);

  auto back = Catalog::Deserialize(c->Serialize());
  const Type& base = back->FindDomainByOid(item)->base;
  ASSERT_NE(base.record, nullptr);
  EXPECT_EQ(base.record->names, (std::vector<std::string>{"a", "b"}));
  ASSERT_NE(base.record->types[1].domain, nullptr);
  EXPECT_EQ(base.record->types[1].domain->name, "positive");
  EXPECT_EQ(back->Serialize(), Catalog::Deserialize(back->Serialize())->Serialize());
}

// Format 15 keeps a table's triggers, every field of them.
TEST(Catalog, TriggersRoundTrip) {
  auto c = Catalog::Bootstrap();
  TableDef t = AddItemsTable(*c);
  TriggerDef g;
  g.oid = c->AllocateOid();
  g.name = "audit";
  g.function = 424242;
  g.type = TriggerDef::kRow | TriggerDef::kBefore | TriggerDef::kUpdate;
  g.columns = {0};
  g.when_sql = "old.a IS DISTINCT FROM new.a";
  g.args = {"x", "1"};
  g.enabled = 'D';
  c->MutableTable(t.oid)->triggers.push_back(g);
  auto back = Catalog::Deserialize(c->Serialize());
  const auto& triggers = back->FindTable(t.oid)->triggers;
  ASSERT_EQ(triggers.size(), 1u);
  EXPECT_EQ(triggers[0].oid, g.oid);
  EXPECT_EQ(triggers[0].name, "audit");
  EXPECT_EQ(triggers[0].function, 424242u);
  EXPECT_EQ(triggers[0].type, g.type);
  EXPECT_EQ(triggers[0].columns, g.columns);
  EXPECT_EQ(triggers[0].when_sql, g.when_sql);
  EXPECT_EQ(triggers[0].args, g.args);
  EXPECT_EQ(triggers[0].enabled, 'D');
}

// Format 16 keeps a view's triggers too (INSTEAD OF ROW, statement-level).
TEST(Catalog, ViewTriggersRoundTrip) {
  auto c = Catalog::Bootstrap();
  ViewDef v;
  v.oid = c->AllocateOid();
  v.rule_oid = c->AllocateOid();
  v.schema = "public";
  v.name = "v";
  ColumnDef a;
  a.name = "a";
  a.type = Type(oid::kInt4);
  v.columns = {a};
  v.query_sql = "SELECT 1 AS a";
  TriggerDef g;
  g.oid = c->AllocateOid();
  g.name = "route";
  g.function = 434343;
  g.type = TriggerDef::kRow | TriggerDef::kInstead | TriggerDef::kInsert | TriggerDef::kDelete;
  v.triggers = {g};
  c->AddView(v);
  auto back = Catalog::Deserialize(c->Serialize());
  const auto& triggers = back->FindView(v.oid)->triggers;
  ASSERT_EQ(triggers.size(), 1u);
  EXPECT_EQ(triggers[0].oid, g.oid);
  EXPECT_EQ(triggers[0].name, "route");
  EXPECT_EQ(triggers[0].function, 434343u);
  EXPECT_EQ(triggers[0].type, g.type);
  EXPECT_EQ(triggers[0].enabled, 'O');
}

TEST(Catalog, FunctionsRoundTrip) {
  auto c = Catalog::Bootstrap();
  auto f = std::make_shared<FunctionDef>();
  f->oid = c->AllocateOid();
  f->schema = "public";
  f->name = "add";
  f->args = {{"a", Type(oid::kInt4), 'i', ""}, {"b", Type(oid::kInt4), 'i', "10"}};
  f->result = Type(oid::kInt4);
  f->volatility = 'i';
  f->strict = true;
  f->body = "select a + b";
  f->config = {"search_path=public"};
  f->Describe();
  c->AddFunction(f);
  auto back = Catalog::Deserialize(c->Serialize());
  auto g = back->FindFunction(f->oid);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->name, "add");
  EXPECT_EQ(g->args.size(), 2u);
  EXPECT_EQ(g->args[1].default_sql, "10");
  EXPECT_TRUE(g->strict);
  EXPECT_EQ(g->volatility, 'i');
  EXPECT_EQ(g->body, "select a + b");
  EXPECT_EQ(g->config, f->config);
  EXPECT_STREQ(g->proc.arguments, "a integer, b integer DEFAULT 10");
  EXPECT_STREQ(g->proc.arg_types, "23 23");
  EXPECT_STREQ(g->proc.result, "integer");
}

TEST(Catalog, TextSearchObjectsRoundTrip) {
  auto c = Catalog::Bootstrap();
  auto d = std::make_shared<TsDictionaryDef>();
  d->oid = c->AllocateOid();
  d->schema = "public";
  d->name = "my_stop";
  d->template_oid = kTsSimpleTemplateOid;
  d->options = {{"stopwords", std::string("english"), false}, {"accept", std::string("0"), true}};
  d->dictionary = BuildTsDictionary(*d);
  c->PutTsDictionary(d->oid, d);
  auto cfg = std::make_shared<TsConfigDef>();
  cfg->oid = c->AllocateOid();
  cfg->schema = "public";
  cfg->name = "my_conf";
  cfg->map[1] = {d->oid, FindBuiltinTsDictionary("english_stem")->oid};
  cfg->config = BuildTsConfig(*cfg, *c);
  c->PutTsConfig(cfg->oid, cfg);

  auto back = Catalog::Deserialize(c->Serialize());
  ASSERT_EQ(back->ts_dictionaries().count(d->oid), 1u);
  const TsDictionaryDef& bd = *back->ts_dictionaries().at(d->oid);
  EXPECT_EQ(bd.name, "my_stop");
  EXPECT_EQ(FormatTsDictOptions(bd.options), "stopwords = 'english', accept = 0");
  EXPECT_EQ(bd.dictionary->Lexize("the"), std::vector<std::string>{});
  EXPECT_EQ(bd.dictionary->Lexize("cats"), std::nullopt);  // accept = 0: unknown words pass on
  const TsConfig* bc = FindTsConfig(back.get(), cfg->oid);
  ASSERT_NE(bc, nullptr);
  std::vector<TsWord> words = ParseTsWords(*bc, "The cats");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].lexeme, "cat");
  EXPECT_EQ(words[0].position, 2);
}

TEST(Catalog, PartitioningRoundTrip) {
  auto c = Catalog::Bootstrap();
  ColumnDef ts, region;
  ts.name = "ts";
  ts.type = Type(oid::kTimestamptz);
  region.name = "region";
  region.type = Type(oid::kText);
  TableDef parent = NewTable(*c, "events");
  parent.columns = {ts, region};
  auto key = std::make_shared<PartitionKeyDef>();
  key->strategy = 'r';
  key->columns = {0, 1};
  parent.partition_key = key;
  auto schedule = std::make_shared<PartitionSchedule>();
  schedule->every.month = 1;
  schedule->premake = 5;
  schedule->retention = Interval{3600 * 1000000LL, 2, 0};
  schedule->keep_retired = true;
  schedule->time_zone = "Europe/Berlin";
  parent.partition_schedule = schedule;
  c->AddTable(parent);
  TableDef range = NewTable(*c, "events_jan");
  range.columns = parent.columns;
  range.partition_parent = parent.oid;
  auto bound = std::make_shared<PartitionBoundDef>();
  bound->lower = {{RangeDatum::kValue, Value::Int(1000)}, {RangeDatum::kMinValue, Value::Null()}};
  bound->upper = {{RangeDatum::kValue, Value::Int(2000)}, {RangeDatum::kValue, Value::Str("m\x01")}};
  range.partition_bound = bound;
  c->AddTable(range);
  TableDef fallback = NewTable(*c, "events_rest");
  fallback.columns = parent.columns;
  fallback.partition_parent = parent.oid;
  auto default_bound = std::make_shared<PartitionBoundDef>();
  default_bound->is_default = true;
  fallback.partition_bound = default_bound;
  c->AddTable(fallback);

  auto back = Catalog::Deserialize(c->Serialize());
  const TableDef* p = back->FindTable(parent.oid);
  ASSERT_TRUE(p->partition_key);
  EXPECT_EQ(p->partition_key->strategy, 'r');
  EXPECT_EQ(p->partition_key->columns, (std::vector<int>{0, 1}));
  ASSERT_TRUE(p->partition_schedule);
  EXPECT_EQ(p->partition_schedule->every.month, 1);
  EXPECT_EQ(p->partition_schedule->premake, 5);
  ASSERT_TRUE(p->partition_schedule->retention);
  EXPECT_EQ(p->partition_schedule->retention->time, 3600 * 1000000LL);
  EXPECT_EQ(p->partition_schedule->retention->day, 2);
  EXPECT_TRUE(p->partition_schedule->keep_retired);
  EXPECT_EQ(p->partition_schedule->time_zone, "Europe/Berlin");
  const TableDef* r = back->FindTable(range.oid);
  EXPECT_EQ(r->partition_parent, parent.oid);
  ASSERT_TRUE(r->partition_bound);
  ASSERT_EQ(r->partition_bound->lower.size(), 2u);
  EXPECT_EQ(r->partition_bound->lower[0].value.i(), 1000);
  EXPECT_EQ(r->partition_bound->lower[1].kind, RangeDatum::kMinValue);
  EXPECT_EQ(r->partition_bound->upper[1].value.s(), "m\x01");
  EXPECT_FALSE(r->partition_bound->is_default);
  EXPECT_TRUE(back->FindTable(fallback.oid)->partition_bound->is_default);
  EXPECT_FALSE(back->FindTable(fallback.oid)->partition_key);
}

// The name index of a published catalog answers as the full search does, and a copy (made to
// be changed) does not keep it: a rename in the copy is found at once.
TEST(Catalog, RelationNameIndexAgreesWithTheSearch) {
  auto c = Catalog::Bootstrap();
  c->AddSchema({c->AllocateOid(), "app", {}});
  for (const char* schema : {"public", "app"}) {
    TableDef t = NewTable(*c, "orders");
    t.schema = schema;
    c->AddTable(t);
    IndexDef ix;
    ix.oid = c->AllocateOid();
    ix.table = t.oid;
    ix.name = "orders_idx";
    c->AddIndex(ix);
    SequenceDef q;
    q.oid = c->AllocateOid();
    q.schema = schema;
    q.name = "orders_seq";
    c->AddSequence(q);
  }
  ViewDef v;
  v.oid = c->AllocateOid();
  v.schema = "app";
  v.name = "recent";
  c->AddView(v);
  auto plain = std::make_shared<Catalog>(*c);
  c->IndexRelationNames();
  const std::vector<std::vector<std::string>> paths = {{"public"}, {"app"}, {"app", "public"}, {"nowhere"}};
  for (const char* schema : {"", "public", "app", "nowhere"})
    for (const char* name : {"orders", "orders_idx", "orders_seq", "recent", "missing"})
      for (const auto& path : paths)
        EXPECT_EQ(c->FindRelation(schema, name, path), plain->FindRelation(schema, name, path)) << schema << "." << name;
  Catalog copy(*c);
  uint32_t orders = c->FindRelation("public", "orders", {})->second;
  copy.MutableTable(orders)->name = "orders_2024";
  EXPECT_TRUE(copy.FindRelation("public", "orders_2024", {}));
  EXPECT_FALSE(copy.FindRelation("public", "orders", {}));
}

TEST(Catalog, CorruptBytesAreAnError) {
  auto c = Catalog::Bootstrap();
  std::string bytes = c->Serialize();
  EXPECT_THROW(Catalog::Deserialize(bytes.substr(0, bytes.size() / 2)), Error);
}

}  // namespace
}  // namespace tusk
