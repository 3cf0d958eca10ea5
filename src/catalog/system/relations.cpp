// The relation catalogs: pg_class (user tables, indexes and sequences, and the system relations
// themselves), pg_attribute, pg_index, pg_am, pg_sequence, pg_inherits, pg_description, and
// the views pg_tables and pg_sequences over them.
#include <algorithm>
#include <map>

#include "access/gin/gin.hpp"
#include "access/statistics_store.hpp"
#include "catalog/system/catalogs.hpp"
#include "partition/partition_ddl.hpp"
#include "types/domain.hpp"
#include "catalog/system/deparse.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "catalog/system/opclasses.hpp"
#include "catalog/system/system_relation.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

namespace {
// A column of any relation, as pg_attribute needs it.
struct AttributeInfo {
  std::string name;
  Type type;
  bool not_null = false, has_default = false, dropped = false;
  char identity = 0;
  char generated = 0;  // 's' stored generated column
};

// A relation of any kind, as pg_class needs it.
struct RelationInfo {
  uint32_t oid;
  std::string name;
  uint32_t ns;
  char kind;  // 'r' table, 'i' index, 'S' sequence, 'v' view
  uint32_t am;
  std::vector<AttributeInfo> attributes;
  bool has_index = false, has_triggers = false, has_rules = false;
  std::vector<std::string> options = {};  // reloptions
  bool populated = true;
  int checks = 0;
  uint32_t reltype = 0;  // its row type in pg_type (tables and materialized views)
  bool has_subclass = false, is_partition = false;
  std::string partition_bound = {};  // relpartbound, as pg_get_expr prints it
};

Value TextArray(const std::vector<std::string>& items) {
  if (items.empty()) return Value::Null();
  std::vector<Value> elems;
  for (const auto& i : items) elems.push_back(Value::Str(i));
  return Value::Array(std::move(elems));
}

bool ReferencedByForeignKey(const Catalog& cat, uint32_t table) {
  for (const auto& [oid, t] : cat.tables())
    for (const auto& c : t.constraints)
      if (c.kind == 'f' && c.ref_table == table) return true;
  return false;
}

std::vector<RelationInfo> AllRelations(const Catalog& cat, const DateTimeContext& ctx = {}) {
  std::vector<RelationInfo> out;
  for (const auto& [oid, t] : cat.tables()) {
    RelationInfo r{oid, t.name, NamespaceOid(cat, t.schema), t.materialized ? 'm' : t.composite ? 'c' : t.partition_key ? 'p' : 'r',
                   t.composite || t.partition_key ? 0u : catalog_oid::kHeapAm, {}};
    r.has_subclass = !PartitionsOf(cat, oid).empty();
    if (t.partition_parent) {
      r.is_partition = true;
      const TableDef& parent = *cat.FindTable(t.partition_parent);
      r.partition_bound = PartitionBoundText(*parent.partition_key, PartitionKeyTypes(parent), *t.partition_bound, ctx);
    }
    r.has_rules = t.materialized.has_value();
    r.reltype = t.rowtype_oid;
    r.populated = !t.materialized || t.materialized->populated;
    for (const auto& c : t.columns) r.attributes.push_back({c.name, c.type, c.not_null, !c.default_sql.empty(), c.dropped, c.identity, c.generated});
    r.has_index = !t.indexes.empty();
    // PostgreSQL enforces foreign keys with triggers on both tables.
    r.has_triggers = ReferencedByForeignKey(cat, oid) || !t.triggers.empty();
    for (const auto& c : t.constraints) {
      r.checks += c.kind == 'c';
      r.has_triggers |= c.kind == 'f';
    }
    out.push_back(std::move(r));
  }
  for (const auto& [oid, i] : cat.indexes()) {
    const TableDef* t = cat.FindTable(i.table);
    if (!t) continue;
    // An index of a partitioned table is a partitioned index ('I'), as PostgreSQL's.
    RelationInfo r{oid, i.name, NamespaceOid(cat, t->schema), t->partition_key ? 'I' : 'i',
                   i.am == "gin" ? catalog_oid::kGinAm : catalog_oid::kBtreeAm, {}};
    int exprs = 0;
    for (const auto& k : i.columns) {
      if (k.column >= 0) {
        r.attributes.push_back({t->columns[static_cast<size_t>(k.column)].name, t->columns[static_cast<size_t>(k.column)].type});
      } else {
        // PostgreSQL names expression columns expr, expr1, expr2, ...; their type is not kept
        r.attributes.push_back({exprs ? "expr" + std::to_string(exprs) : "expr", Type(0)});
        exprs++;
      }
    }
    out.push_back(std::move(r));
  }
  for (const auto& [oid, s] : cat.sequences()) {
    RelationInfo r{oid, s.name, NamespaceOid(cat, s.schema), 'S', 0, {}};
    r.attributes = {{"last_value", Type(oid::kInt8), true}, {"log_cnt", Type(oid::kInt8), true}, {"is_called", Type(oid::kBool), true}};
    out.push_back(std::move(r));
  }
  for (const auto& [oid, v] : cat.views()) {
    RelationInfo r{oid, v.name, NamespaceOid(cat, v.schema), 'v', 0, {}};
    for (const auto& c : v.columns) r.attributes.push_back({c.name, c.type});
    r.has_rules = true;
    r.has_triggers = !v.triggers.empty();
    r.options = v.options;
    out.push_back(std::move(r));
  }
  for (const SystemRelation* s : SystemRelations()) {
    RelationInfo r{s->oid, s->name, NamespaceOid(cat, s->schema), s->kind, s->kind == 'r' ? catalog_oid::kHeapAm : 0, {}};
    for (const auto& c : s->columns) r.attributes.push_back({c.name, c.type});
    out.push_back(std::move(r));
  }
  return out;
}

// pg_type's storage facts for a column's type: length, by value, alignment, storage.
struct Storage {
  int length;
  bool byval;
  char align, storage;
};
Storage StorageOf(const Type& t) {
  if (t.array) {
    const BuiltinTypeInfo* e = FindBuiltinType(t.id);
    return {-1, false, e && e->align == 'd' ? 'd' : 'i', 'x'};
  }
  if (t.enumdef) return {4, true, 'i', 'p'};
  if (const BuiltinTypeInfo* b = FindBuiltinType(t.id)) return {b->length, b->byval, b->align, b->storage};
  return {-1, false, 'i', 'x'};
}

// relpages and reltuples as ANALYZE last counted them; before that what PostgreSQL 15 shows
// for a table never analyzed (0 pages, -1 rows) and for an index built when its table was
// empty (1 page, 0 rows).
// `read`: each table's figures, read once per scan (a table's indexes share its key).
std::pair<int64_t, float> RelationSize(ExecState& st, uint32_t rel, std::map<uint32_t, std::optional<RelationSizes>>* read) {
  const IndexDef* idx = st.catalog->FindIndex(rel);
  const uint32_t table = idx ? idx->table : rel;
  if (!st.catalog->FindTable(table)) return {0, -1};
  auto it = read->find(table);
  if (it == read->end()) it = read->emplace(table, ReadRelationSizes(st.db->store(), table)).first;
  const std::optional<RelationSizes>& sizes = it->second;
  if (!idx) return sizes ? std::pair<int64_t, float>{sizes->relpages, static_cast<float>(sizes->reltuples)} : std::pair<int64_t, float>{0, -1};
  if (sizes)
    for (const IndexSize& i : sizes->indexes)
      if (i.oid == rel) return {i.pages, static_cast<float>(i.tuples)};
  return {1, 0};
}

void RegisterClass() {
  SystemRelation r;
  r.oid = 1259;
  r.schema = "pg_catalog";
  r.name = "pg_class";
  r.columns = {{"oid", Type(oid::kOid)},                {"relname", Type(oid::kName)},           {"relnamespace", Type(oid::kOid)},
               {"reltype", Type(oid::kOid)},            {"reloftype", Type(oid::kOid)},          {"relowner", Type(oid::kOid)},
               {"relam", Type(oid::kOid)},              {"relfilenode", Type(oid::kOid)},        {"reltablespace", Type(oid::kOid)},
               {"relpages", Type(oid::kInt4)},          {"reltuples", Type(oid::kFloat4)},       {"relallvisible", Type(oid::kInt4)},
               {"reltoastrelid", Type(oid::kOid)},      {"relhasindex", Type(oid::kBool)},       {"relisshared", Type(oid::kBool)},
               {"relpersistence", Type(oid::kChar)},    {"relkind", Type(oid::kChar)},           {"relnatts", Type(oid::kInt2)},
               {"relchecks", Type(oid::kInt2)},         {"relhasrules", Type(oid::kBool)},       {"relhastriggers", Type(oid::kBool)},
               {"relhassubclass", Type(oid::kBool)},    {"relrowsecurity", Type(oid::kBool)},    {"relforcerowsecurity", Type(oid::kBool)},
               {"relispopulated", Type(oid::kBool)},    {"relreplident", Type(oid::kChar)},      {"relispartition", Type(oid::kBool)},
               {"relrewrite", Type(oid::kOid)},         {"relfrozenxid", Type(oid::kXid)},       {"relminmxid", Type(oid::kXid)},
               {"relacl", Type(oid::kAclitem, -1, true)}, {"reloptions", Type(oid::kText, -1, true)},
               {"relpartbound", Type(oid::kPgNodeTree)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    std::map<uint32_t, std::optional<RelationSizes>> sizes;
    for (const auto& rel : AllRelations(*st.catalog, st.session->DateTime())) {
      bool shared = rel.oid == 1260 || rel.oid == 1261 || rel.oid == 1262;  // pg_authid, pg_auth_members, pg_database
      auto [pages, tuples] = RelationSize(st, rel.oid, &sizes);
      const ObjectSecurity* sec = st.catalog->FindSecurity(rel.oid);
      const TableDef* table = st.catalog->FindTable(rel.oid);
      const bool rls = table && table->row_security.enabled, forced = table && table->row_security.forced;
      rows->push_back({OidValue(rel.oid), NameValue(rel.name), OidValue(rel.ns), OidValue(rel.reltype), OidValue(0),
                       OidValue(sec ? sec->owner : catalog_oid::kBootstrapSuperuser), OidValue(rel.am), OidValue(rel.kind == 'v' || rel.kind == 'p' ? 0 : rel.oid),
                       OidValue(0), Value::Int(pages), Value::Float(tuples), Value::Int(0), OidValue(0), Value::Bool(rel.has_index),
                       Value::Bool(shared), CharValue('p'), CharValue(rel.kind), Value::Int(static_cast<int64_t>(rel.attributes.size())),
                       Value::Int(rel.checks), Value::Bool(rel.has_rules), Value::Bool(rel.has_triggers), Value::Bool(rel.has_subclass),
                       Value::Bool(rls), Value::Bool(forced), Value::Bool(rel.populated),
                       CharValue(rel.kind == 'r' || rel.kind == 'm' || rel.kind == 'p' ? 'd' : 'n'), Value::Bool(rel.is_partition), OidValue(0),
                       Value::Int(0), Value::Int(0), sec ? AclArray(st, sec->acl) : Value::Null(), TextArray(rel.options),
                       rel.is_partition ? Value::Str(rel.partition_bound) : Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterAttribute() {
  SystemRelation r;
  r.oid = 1249;
  r.schema = "pg_catalog";
  r.name = "pg_attribute";
  r.columns = {{"attrelid", Type(oid::kOid)},       {"attname", Type(oid::kName)},          {"atttypid", Type(oid::kOid)},
               {"attstattarget", Type(oid::kInt4)}, {"attlen", Type(oid::kInt2)},           {"attnum", Type(oid::kInt2)},
               {"attndims", Type(oid::kInt4)},      {"attcacheoff", Type(oid::kInt4)},      {"atttypmod", Type(oid::kInt4)},
               {"attbyval", Type(oid::kBool)},      {"attalign", Type(oid::kChar)},         {"attstorage", Type(oid::kChar)},
               {"attcompression", Type(oid::kChar)}, {"attnotnull", Type(oid::kBool)},      {"atthasdef", Type(oid::kBool)},
               {"atthasmissing", Type(oid::kBool)}, {"attidentity", Type(oid::kChar)},      {"attgenerated", Type(oid::kChar)},
               {"attisdropped", Type(oid::kBool)},  {"attislocal", Type(oid::kBool)},       {"attinhcount", Type(oid::kInt4)},
               {"attcollation", Type(oid::kOid)},   {"attacl", Type(oid::kAclitem, -1, true)}, {"attoptions", Type(oid::kText, -1, true)},
               {"attfdwoptions", Type(oid::kText, -1, true)}, {"attmissingval", Type(oid::kAnyArray)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& rel : AllRelations(*st.catalog)) {
      for (size_t i = 0; i < rel.attributes.size(); i++) {
        const AttributeInfo& a = rel.attributes[i];
        int num = static_cast<int>(i) + 1;
        // a dropped column keeps its number under a name no one can write, as PostgreSQL's
        std::string name = a.dropped ? "........pg.dropped." + std::to_string(num) + "........" : a.name;
        Storage s = StorageOf(a.type);
        rows->push_back({OidValue(rel.oid), NameValue(name), OidValue(a.dropped ? 0 : CatalogTypeOid(a.type)), Value::Int(-1),
                         Value::Int(s.length), Value::Int(num), Value::Int(a.type.array && (!a.type.domain || IsArrayOfDomain(a.type)) ? 1 : 0), Value::Int(-1),
                         Value::Int(a.type.domain ? -1 : a.type.typmod), Value::Bool(s.byval), CharValue(s.align), CharValue(s.storage), CharValue(0),
                         Value::Bool(a.not_null), Value::Bool(a.has_default), Value::Bool(false), CharValue(a.identity),
                         CharValue(a.generated), Value::Bool(a.dropped), Value::Bool(true), Value::Int(0), OidValue(CollationOf(a.type)),
                         Value::Null(), Value::Null(), Value::Null(), Value::Null()});
      }
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterIndex() {
  SystemRelation r;
  r.oid = 2610;
  r.schema = "pg_catalog";
  r.name = "pg_index";
  r.columns = {{"indexrelid", Type(oid::kOid)},        {"indrelid", Type(oid::kOid)},           {"indnatts", Type(oid::kInt2)},
               {"indnkeyatts", Type(oid::kInt2)},      {"indisunique", Type(oid::kBool)},       {"indnullsnotdistinct", Type(oid::kBool)},
               {"indisprimary", Type(oid::kBool)},     {"indisexclusion", Type(oid::kBool)},    {"indimmediate", Type(oid::kBool)},
               {"indisclustered", Type(oid::kBool)},   {"indisvalid", Type(oid::kBool)},        {"indcheckxmin", Type(oid::kBool)},
               {"indisready", Type(oid::kBool)},       {"indislive", Type(oid::kBool)},         {"indisreplident", Type(oid::kBool)},
               {"indkey", Type(oid::kInt2Vector)},     {"indcollation", Type(oid::kOidVector)}, {"indclass", Type(oid::kOidVector)},
               {"indoption", Type(oid::kInt2Vector)},  {"indexprs", Type(oid::kPgNodeTree)},    {"indpred", Type(oid::kPgNodeTree)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, i] : st.catalog->indexes()) {
      const TableDef* t = st.catalog->FindTable(i.table);
      if (!t) continue;
      std::vector<Value> keys, collations, classes, options;
      for (const auto& k : i.columns) {
        Type type = k.column >= 0 ? t->columns[static_cast<size_t>(k.column)].type : Type(0);
        keys.push_back(Value::Int(k.column + 1));  // 0: an expression
        collations.push_back(OidValue(CollationOf(type)));
        if (i.am == "gin") {
          const GinOperatorClass* gin = k.opclass.empty() ? DefaultGinOperatorClass(type) : FindGinOperatorClass(k.opclass);
          classes.push_back(OidValue(gin ? gin->oid : 0));
        } else {
          const BtreeOpclass* opclass = k.opclass.empty() ? DefaultBtreeOpclass(type) : FindBtreeOpclass(k.opclass);
          classes.push_back(OidValue(opclass ? opclass->oid : 0));
        }
        options.push_back(Value::Int((k.desc ? 1 : 0) | (k.nulls_first ? 2 : 0)));
      }
      int64_t n = static_cast<int64_t>(i.columns.size());
      rows->push_back({OidValue(oid), OidValue(i.table), Value::Int(n), Value::Int(n), Value::Bool(i.unique), Value::Bool(i.nulls_not_distinct),
                       Value::Bool(i.primary), Value::Bool(false), Value::Bool(true), Value::Bool(i.clustered),
                       Value::Bool(IndexValid(*st.catalog, i)),
                       Value::Bool(false), Value::Bool(true), Value::Bool(true), Value::Bool(false),
                       Value::Array(std::move(keys), 0), Value::Array(std::move(collations), 0), Value::Array(std::move(classes), 0),
                       Value::Array(std::move(options), 0), Value::Null(), Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterAm() {
  SystemRelation r;
  r.oid = 2601;
  r.schema = "pg_catalog";
  r.name = "pg_am";
  r.columns = {{"oid", Type(oid::kOid)}, {"amname", Type(oid::kName)}, {"amhandler", Type(oid::kRegproc)}, {"amtype", Type(oid::kChar)}};
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    // the access methods Tusk has: tables (heap's role), btree and gin indexes
    rows->push_back({OidValue(catalog_oid::kHeapAm), NameValue("heap"), OidValue(0), CharValue('t')});
    rows->push_back({OidValue(catalog_oid::kBtreeAm), NameValue("btree"), OidValue(0), CharValue('i')});
    rows->push_back({OidValue(catalog_oid::kGinAm), NameValue("gin"), OidValue(0), CharValue('i')});
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterSequence() {
  SystemRelation r;
  r.oid = 2224;
  r.schema = "pg_catalog";
  r.name = "pg_sequence";
  r.columns = {{"seqrelid", Type(oid::kOid)},    {"seqtypid", Type(oid::kOid)},   {"seqstart", Type(oid::kInt8)},
               {"seqincrement", Type(oid::kInt8)}, {"seqmax", Type(oid::kInt8)},  {"seqmin", Type(oid::kInt8)},
               {"seqcache", Type(oid::kInt8)},   {"seqcycle", Type(oid::kBool)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, s] : st.catalog->sequences())
      rows->push_back({OidValue(oid), OidValue(s.type), Value::Int(s.start), Value::Int(s.increment), Value::Int(s.max),
                       Value::Int(s.min), Value::Int(s.cache), Value::Bool(s.cycle)});
  };
  RegisterSystemRelation(std::move(r));
}

// pg_collation: the collations that compare as Tusk does, bytewise (libc's C and POSIX, and
// the database default, which is C.UTF-8).
void RegisterCollation() {
  SystemRelation r;
  r.oid = 3456;
  r.schema = "pg_catalog";
  r.name = "pg_collation";
  Type t(oid::kText);
  r.columns = {{"oid", Type(oid::kOid)},   {"collname", Type(oid::kName)},    {"collnamespace", Type(oid::kOid)},
               {"collowner", Type(oid::kOid)}, {"collprovider", Type(oid::kChar)}, {"collisdeterministic", Type(oid::kBool)},
               {"collencoding", Type(oid::kInt4)}, {"collcollate", t}, {"collctype", t}, {"colliculocale", t}, {"collversion", t}};
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    struct C { uint32_t oid; const char* name; char provider; int encoding; const char* locale; };
    const C kCollations[] = {{catalog_oid::kDefaultCollation, "default", 'd', -1, nullptr}, {catalog_oid::kCCollation, "C", 'c', -1, "C"},
                             {951, "POSIX", 'c', -1, "POSIX"}, {12340, "ucs_basic", 'c', 6, "C"}, {12341, "C.utf8", 'c', 6, "C.utf8"}};
    for (const C& c : kCollations) {
      Value locale = c.locale ? Value::Str(c.locale) : Value::Null();
      rows->push_back({OidValue(c.oid), NameValue(c.name), OidValue(catalog_oid::kPgCatalog), OidValue(catalog_oid::kBootstrapSuperuser),
                       CharValue(c.provider), Value::Bool(true), Value::Int(c.encoding), locale, locale, Value::Null(), Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

// pg_opclass and pg_opfamily: btree's operator classes (opclasses.hpp).
void RegisterOpclass() {
  SystemRelation r;
  r.oid = 2616;
  r.schema = "pg_catalog";
  r.name = "pg_opclass";
  Type o(oid::kOid);
  r.columns = {{"oid", o}, {"opcmethod", o}, {"opcname", Type(oid::kName)}, {"opcnamespace", o}, {"opcowner", o},
               {"opcfamily", o}, {"opcintype", o}, {"opcdefault", Type(oid::kBool)}, {"opckeytype", o}};
  r.rows = [](ExecState&, std::vector<Row>* rows) {
    for (const auto& c : BtreeOpclasses())
      rows->push_back({OidValue(c.oid), OidValue(catalog_oid::kBtreeAm), NameValue(c.name), OidValue(catalog_oid::kPgCatalog),
                       OidValue(catalog_oid::kBootstrapSuperuser), OidValue(c.family), OidValue(c.input_type), Value::Bool(c.is_default),
                       OidValue(0)});
    for (const auto& c : GinOperatorClasses())  // each its own family, under the class's OID
      rows->push_back({OidValue(c.oid), OidValue(catalog_oid::kGinAm), NameValue(c.name), OidValue(catalog_oid::kPgCatalog),
                       OidValue(catalog_oid::kBootstrapSuperuser), OidValue(c.oid), OidValue(c.input_type), Value::Bool(c.is_default),
                       OidValue(0)});
  };
  RegisterSystemRelation(std::move(r));
  SystemRelation f;
  f.oid = 2753;
  f.schema = "pg_catalog";
  f.name = "pg_opfamily";
  f.columns = {{"oid", o}, {"opfmethod", o}, {"opfname", Type(oid::kName)}, {"opfnamespace", o}, {"opfowner", o}};
  f.rows = [](ExecState&, std::vector<Row>* rows) {
    for (const auto& fam : BtreeOpfamilies())
      rows->push_back({OidValue(fam.oid), OidValue(catalog_oid::kBtreeAm), NameValue(fam.name), OidValue(catalog_oid::kPgCatalog),
                       OidValue(catalog_oid::kBootstrapSuperuser)});
    for (const auto& c : GinOperatorClasses())
      rows->push_back({OidValue(c.oid), OidValue(catalog_oid::kGinAm), NameValue(c.name), OidValue(catalog_oid::kPgCatalog),
                       OidValue(catalog_oid::kBootstrapSuperuser)});
  };
  RegisterSystemRelation(std::move(f));
}

void RegisterTablesView() {
  SystemRelation r;
  r.oid = 12033;
  r.schema = "pg_catalog";
  r.name = "pg_tables";
  r.kind = 'v';
  r.columns = {{"schemaname", Type(oid::kName)}, {"tablename", Type(oid::kName)},   {"tableowner", Type(oid::kName)},
               {"tablespace", Type(oid::kName)}, {"hasindexes", Type(oid::kBool)},  {"hasrules", Type(oid::kBool)},
               {"hastriggers", Type(oid::kBool)}, {"rowsecurity", Type(oid::kBool)}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    const Catalog& cat = *st.catalog;
    std::string owner = OwnerName(st);
    for (const auto& rel : AllRelations(cat)) {
      if (rel.kind != 'r' && rel.kind != 'p') continue;
      std::string schema;
      for (const auto& [oid, s] : cat.schemas())
        if (oid == rel.ns) schema = s.name;
      const TableDef* t = cat.FindTable(rel.oid);
      rows->push_back({NameValue(schema), NameValue(rel.name), NameValue(t ? RoleNameOf(st, t->security.owner) : owner), Value::Null(),
                       Value::Bool(rel.has_index), Value::Bool(false), Value::Bool(rel.has_triggers),
                       Value::Bool(t && t->row_security.enabled)});
    }
  };
  RegisterSystemRelation(std::move(r));
}
// pg_indexes: each index with its CREATE INDEX statement.
void RegisterIndexesView() {
  SystemRelation r;
  r.oid = 12043;
  r.schema = "pg_catalog";
  r.name = "pg_indexes";
  r.kind = 'v';
  r.columns = {{"schemaname", Type(oid::kName)}, {"tablename", Type(oid::kName)}, {"indexname", Type(oid::kName)},
               {"tablespace", Type(oid::kName)}, {"indexdef", Type(oid::kText)}};
  r.rows = [](ExecState& state, std::vector<Row>* rows) {
    ExecState* st = &state;
    for (const auto& [oid, ix] : st->catalog->indexes()) {
      const TableDef* t = st->catalog->FindTable(ix.table);
      if (!t) continue;
      rows->push_back({NameValue(t->schema), NameValue(t->name), NameValue(ix.name), Value::Null(),
                       Value::Str(IndexDefinition(st, ix, 0, false))});
    }
  };
  RegisterSystemRelation(std::move(r));
}

// pg_sequences: each sequence's settings and the last value it handed out.
void RegisterSequencesView() {
  SystemRelation r;
  r.oid = 12048;
  r.schema = "pg_catalog";
  r.name = "pg_sequences";
  r.kind = 'v';
  Type i8(oid::kInt8);
  r.columns = {{"schemaname", Type(oid::kName)}, {"sequencename", Type(oid::kName)}, {"sequenceowner", Type(oid::kName)},
               {"data_type", Type(oid::kRegtype)}, {"start_value", i8}, {"min_value", i8}, {"max_value", i8},
               {"increment_by", i8}, {"cycle", Type(oid::kBool)}, {"cache_size", i8}, {"last_value", i8}};
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& [oid, s] : st.catalog->sequences()) {
      auto last = st.db->LastValue(s);
      rows->push_back({NameValue(s.schema), NameValue(s.name), NameValue(RoleNameOf(st, s.security.owner)), OidValue(s.type), Value::Int(s.start),
                       Value::Int(s.min), Value::Int(s.max), Value::Int(s.increment), Value::Bool(s.cycle), Value::Int(s.cache),
                       last ? Value::Int(*last) : Value::Null()});
    }
  };
  RegisterSystemRelation(std::move(r));
}

}  // namespace

uint32_t CollationOidByName(const std::string& name) {
  if (name == "default") return catalog_oid::kDefaultCollation;
  if (name == "C") return catalog_oid::kCCollation;
  if (name == "POSIX") return 951;
  if (name == "ucs_basic") return 12340;
  if (name == "C.utf8") return 12341;
  return 0;
}

uint32_t CollationOf(const Type& t) {
  for (Type x = IsArrayOfDomain(t) ? t.Element() : t; x.domain; x = DomainBase(x))
    if (!x.domain->collation.empty()) return CollationOidByName(x.domain->collation);
  if (t.id == oid::kName) return catalog_oid::kCCollation;
  return IsStringType(t.id) && t.id != oid::kChar ? catalog_oid::kDefaultCollation : 0;
}

void RegisterRelationCatalogs() {
  RegisterClass();
  RegisterAttribute();
  RegisterIndex();
  RegisterAm();
  RegisterSequence();
  RegisterCollation();
  RegisterOpclass();
  RegisterTablesView();
  RegisterIndexesView();
  RegisterSequencesView();
}

}  // namespace tusk
