// The catalog: schemas, tables, columns, constraints, indexes, sequences, enum types, domains.
//
// A Catalog value is immutable once published. Readers take a shared_ptr snapshot at statement
// start; a transaction that runs DDL works on its own copy (copy-on-write), persists it in the
// same storage transaction under the catalog key, and publishes it when it commits. So DDL is
// transactional: ROLLBACK simply drops the copy.
#pragma once
#include <cstdint>
#include <map>
#include <tuple>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/cluster_catalog.hpp"
#include "security/acl.hpp"
#include "types/domain.hpp"
#include "types/type.hpp"

namespace tusk {

struct FunctionDef;  // catalog/function_def.hpp
struct TsDictionaryDef;  // catalog/text_search_def.hpp
struct TsConfigDef;
struct PartitionKeyDef;  // partition/partition_def.hpp
struct PartitionSchedule;  // partition/time_schedule.hpp
struct PartitionBoundDef;

struct ColumnDef {
  std::string name;
  Type type;
  bool not_null = false;
  std::string default_sql;     // SQL text of the DEFAULT expression; empty when none
  char identity = 0;           // 'a' GENERATED ALWAYS, 'd' BY DEFAULT, 0 not an identity
  bool dropped = false;        // dropped columns keep their slot, like pg_attribute
  uint32_t default_oid = 0;    // the default's pg_attrdef OID (AssignObjectOids)
  char generated = 0;          // 's' GENERATED ALWAYS AS (expr) STORED: default_sql holds the
                               // expression over the row (pg_attribute.attgenerated), 0 not one
};

struct IndexColumn {
  int column = -1;             // table column position, or -1 for an expression
  std::string expr_sql;        // the expression when column == -1
  bool desc = false;
  bool nulls_first = false;
  std::string opclass;         // an operator class given by name (text_pattern_ops); empty: the default
};

struct IndexDef {
  uint32_t oid = 0;
  uint32_t table = 0;
  std::string name;
  std::vector<IndexColumn> columns;
  bool unique = false;
  bool primary = false;
  bool nulls_not_distinct = false;  // UNIQUE NULLS NOT DISTINCT: NULLs count as equal
  std::string where_sql;       // partial index predicate; empty when none
  bool clustered = false;      // the table's CLUSTER index (pg_index.indisclustered)
  std::string am = "btree";    // the access method: btree, or gin (access/gin)
};

enum class FkAction : char { kNoAction = 'a', kRestrict = 'r', kCascade = 'c', kSetNull = 'n', kSetDefault = 'd' };

// A trigger (CREATE TRIGGER). `type` has PostgreSQL's pg_trigger.tgtype bits.
struct TriggerDef {
  static constexpr int16_t kRow = 1, kBefore = 2, kInsert = 4, kDelete = 8, kUpdate = 16, kTruncate = 32, kInstead = 64;
  uint32_t oid = 0;
  std::string name;
  uint32_t function = 0;
  int16_t type = 0;
  std::vector<int> columns;  // UPDATE OF these columns (positions); empty: any UPDATE
  std::string when_sql;      // WHEN (...) over OLD and NEW, as SQL text; "" none
  std::vector<std::string> args;
  char enabled = 'O';        // pg_trigger.tgenabled: O fires, D disabled
  std::string old_table, new_table;  // REFERENCING OLD / NEW TABLE AS name; "" none
  uint32_t parent = 0;       // a partition's copy of its partitioned table's row trigger: that
                             // trigger's OID (pg_trigger.tgparentid); 0 for the others
};

struct ConstraintDef {
  uint32_t oid = 0;            // pg_constraint OID (AssignObjectOids)
  std::string name;
  char kind = 'c';             // 'p' primary key, 'u' unique, 'c' check, 'f' foreign key
  uint32_t index = 0;          // backing index for 'p' and 'u'
  std::string check_sql;       // 'c'
  std::vector<int> columns;    // 'f': referencing columns; 'p'/'u': key columns
  uint32_t ref_table = 0;      // 'f'
  std::vector<int> ref_columns;
  FkAction on_delete = FkAction::kNoAction;
  FkAction on_update = FkAction::kNoAction;
};

// What makes a table a materialized view: its query, kept as a view's is (ViewDef), and whether
// REFRESH (or CREATE without WITH NO DATA) has filled the table with the query's rows.
ObjectSecurity PublicSchemaSecurity();
ObjectSecurity SystemSchemaSecurity();

// A row-level security policy (CREATE POLICY; security/row_security.hpp applies them).
struct PolicyDef {
  uint32_t oid = 0;
  std::string name;
  char command = '*';       // pg_policy.polcmd: '*' ALL, 'r' SELECT, 'a' INSERT, 'w' UPDATE, 'd' DELETE
  bool permissive = true;
  std::vector<uint32_t> roles;  // {0}: PUBLIC
  std::string using_sql, check_sql;  // "" when absent
};

// ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY and the table's policies (by name).
struct RowSecurity {
  bool enabled = false, forced = false;
  std::vector<PolicyDef> policies;
};

struct MaterializedDef {
  uint32_t rule_oid = 0;              // its _RETURN rule in pg_rewrite
  std::string query_sql;
  std::vector<std::string> search_path;
  std::vector<uint32_t> relations;    // the tables and views its query reads
  bool populated = false;
};

struct TableDef {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
  std::vector<ColumnDef> columns;
  std::vector<ConstraintDef> constraints;
  std::vector<uint32_t> indexes;
  uint32_t pk_index = 0;       // 0: rows are keyed by a hidden row id
  std::optional<MaterializedDef> materialized;  // set for a materialized view
  std::vector<TriggerDef> triggers;            // in creation order (they fire by name)
  // Its row type in pg_type (pg_class.reltype) and that type's array type; 0 until
  // AssignObjectOids gives them (at CREATE, or as a catalog before format 13 loads).
  uint32_t rowtype_oid = 0, rowtype_array_oid = 0;
  bool composite = false;  // CREATE TYPE ... AS (...): a row type only (relkind 'c'), never rows
  // Declarative partitioning (partition/): a partitioned table has a key and no rows of its own
  // (relkind 'p'); a partition names its parent and its bound.
  std::shared_ptr<const PartitionKeyDef> partition_key;
  uint32_t partition_parent = 0;
  std::shared_ptr<const PartitionBoundDef> partition_bound;
  // A partitioned table's automatic time partitions, when it has them.
  std::shared_ptr<const PartitionSchedule> partition_schedule;
  ObjectSecurity security;
  RowSecurity row_security;

  int FindColumn(const std::string& col) const;  // -1 when absent (or dropped)
  int LiveColumnCount() const;
};

// A view (CREATE VIEW). Its query is kept as SQL text that binds the same way whatever the
// session's search_path later is: every relation named with its schema (and an alias), every *
// written out as the columns it stood for when the view was made, and the remaining names
// (types, functions, operators) resolved along `search_path`, the one it was created under
// (views/README.md).
struct ViewDef {
  uint32_t oid = 0;
  uint32_t rule_oid = 0;              // its _RETURN rule in pg_rewrite
  std::string schema;
  std::string name;
  std::vector<ColumnDef> columns;     // name and type of each output column
  std::string query_sql;
  std::vector<std::string> search_path;
  std::vector<uint32_t> relations;    // the tables and views its query reads (pg_depend)
  std::vector<std::string> options;   // reloptions: check_option=local, security_barrier=true, ...
  std::vector<TriggerDef> triggers;   // INSTEAD OF row triggers and statement triggers
  ObjectSecurity security;
};

struct SequenceDef {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
  uint32_t type = oid::kInt8;
  int64_t start = 1, increment = 1, min = 1, max = INT64_MAX, cache = 1;
  bool cycle = false;
  uint32_t owner_table = 0;    // OWNED BY table.column (serial, identity)
  int owner_column = -1;
  ObjectSecurity security;
};

struct SchemaDef {
  uint32_t oid = 0;
  std::string name;
  ObjectSecurity security;
};

// An installed extension (pg_extension). plpgsql comes with every database, with
// PostgreSQL's OID for it, so that tools treat it as built in.
struct ExtensionDef {
  uint32_t oid = 0;
  std::string name;
  std::string schema;
  std::string version;
  // Its member functions' OIDs: a block of kExtensionMemberOids starting here, member i (in
  // PostgreSQL's creation order, catalog/system/builtin_procs.inc) taking members_oid + i.
  uint32_t members_oid = 0;
};
inline constexpr uint32_t kPlpgsqlExtensionOid = 13559;
inline constexpr uint32_t kExtensionMemberOids = 512;

// The OIDs of the catalogs that list objects (pg_depend's and pg_description's classid).
namespace class_oid {
inline constexpr uint32_t kPgClass = 1259, kPgType = 1247, kPgNamespace = 2615, kPgConstraint = 2606,
                          kPgAttrdef = 2604, kPgExtension = 3079, kPgProc = 1255, kPgOperator = 2617,
                          kPgRewrite = 2618, kPgTsDict = 3600, kPgTsParser = 3601, kPgTsConfig = 3602,
                          kPgTsTemplate = 3764;
}  // namespace class_oid

// A table's row type: its live columns as fields, named as the table.
std::shared_ptr<const RecordDef> RowTypeOf(const TableDef& t);

enum class RelKind : char { kTable = 'r', kIndex = 'i', kSequence = 'S', kView = 'v', kMatview = 'm', kComposite = 'c' };

class Catalog {
 public:
  static std::shared_ptr<Catalog> Bootstrap();
  std::string Serialize() const;
  // Throws XX001 when the bytes are not a catalog. A catalog written before roles moved to the
  // cluster catalog (format 7 and older) hands its roles to *legacy_roles.
  static std::shared_ptr<Catalog> Deserialize(const std::string& bytes, std::vector<RoleDef>* legacy_roles = nullptr);

  // OIDs come from the data directory's counter once the catalog has one (engine/database.cpp);
  // before, from its own (where a catalog written by an older Tusk left it).
  void set_oid_source(std::shared_ptr<OidSource> oids) { oids_ = std::move(oids); }
  uint32_t next_oid() const { return next_oid_; }
  uint32_t AllocateOid() { return oids_ ? oids_->Next() : next_oid_++; }
  // The first of `count` consecutive OIDs.
  uint32_t AllocateOids(uint32_t count) {
    uint32_t first = AllocateOid();
    for (uint32_t i = 1; i < count; i++) AllocateOid();
    return first;
  }
  // Gives every relation that owns storage keys (tables, materialized views, indexes,
  // sequences) a new OID and rewrites every reference to it: CREATE DATABASE's copy of a
  // template, whose relations must not share the template's key prefixes. Other objects keep
  // their OIDs, as in PostgreSQL's copy. Returns each old OID's new one.
  std::map<uint32_t, uint32_t> RenumberRelations();
  // Gives an OID to each constraint and column default that has none yet. DDL calls it after
  // changing a table, so that pg_constraint and pg_attrdef can name every one of them.
  void AssignObjectOids();
  // Domains and functions over a table's row type follow its columns as they are now (ALTER
  // TABLE adds, drops, renames, retypes them), as PostgreSQL's do. DDL calls it after a change.
  void RefreshRowTypes();

  // Lookups return nullptr when absent.
  const SchemaDef* FindSchema(const std::string& name) const;
  // Indexes relations by (schema, name) for FindRelation: called on a catalog about to be shared
  // read-only (published). A copy, made to be changed, has no index and searches every relation.
  void IndexRelationNames();
  // Resolves an unqualified or qualified relation name through search_path.
  std::optional<std::pair<RelKind, uint32_t>> FindRelation(const std::string& schema,
                                                           const std::string& name,
                                                           const std::vector<std::string>& search_path) const;
  const TableDef* FindTable(uint32_t oid) const;
  TableDef* MutableTable(uint32_t oid);
  const IndexDef* FindIndex(uint32_t oid) const;
  IndexDef* MutableIndex(uint32_t oid);
  const SequenceDef* FindSequence(uint32_t oid) const;
  SequenceDef* MutableSequence(uint32_t oid);
  const ViewDef* FindView(uint32_t oid) const;
  ViewDef* MutableView(uint32_t oid);
  // The owner and access list of a table, view, sequence, schema or function; null for other
  // OIDs. A function's is changed by replacing it (SetFunctionSecurity), as functions are shared.
  const ObjectSecurity* FindSecurity(uint32_t oid) const;
  ObjectSecurity* MutableSecurity(uint32_t oid);
  void SetFunctionSecurity(uint32_t oid, ObjectSecurity security);
  // The triggers of a table or view; null for any other OID.
  std::vector<TriggerDef>* MutableTriggers(uint32_t relation);
  std::shared_ptr<const EnumDef> FindEnum(const std::string& schema, const std::string& name,
                                          const std::vector<std::string>& search_path) const;
  std::shared_ptr<const EnumDef> FindEnumByOid(uint32_t oid) const;
  std::shared_ptr<const DomainDef> FindDomain(const std::string& schema, const std::string& name,
                                              const std::vector<std::string>& search_path) const;
  std::shared_ptr<const DomainDef> FindDomainByOid(uint32_t oid) const;
  // A user type (enum or domain) by its OID, as a column of it would have it; nullopt when the
  // OID names neither (nor their array types, which give the array Type).
  std::optional<Type> FindUserType(uint32_t oid) const;
  // The table (or materialized view) whose row type is named so, through search_path.
  const TableDef* FindRowType(const std::string& schema, const std::string& name,
                              const std::vector<std::string>& search_path) const;
  std::string SchemaOfRelation(uint32_t oid) const;
  std::string RelationName(uint32_t oid) const;

  // Mutations (on a private copy, see above).
  void AddSchema(SchemaDef s) { schemas_[s.oid] = std::move(s); }
  void DropSchema(uint32_t oid) { schemas_.erase(oid); }
  void AddTable(TableDef t) { tables_[t.oid] = std::move(t); }
  void DropTable(uint32_t oid) { tables_.erase(oid); }
  void AddIndex(IndexDef i) { indexes_[i.oid] = std::move(i); }
  void DropIndex(uint32_t oid) { indexes_.erase(oid); }
  void AddSequence(SequenceDef s) { sequences_[s.oid] = std::move(s); }
  void DropSequence(uint32_t oid) { sequences_.erase(oid); }
  void AddView(ViewDef v) { views_[v.oid] = std::move(v); }
  void DropView(uint32_t oid) { views_.erase(oid); }
  void AddEnum(std::shared_ptr<const EnumDef> e) { enums_[e->type_oid] = std::move(e); }
  void DropEnum(uint32_t oid) { enums_.erase(oid); }
  // Puts an enum's new version in place, in the catalog and in every column of its type.
  void ReplaceEnum(std::shared_ptr<const EnumDef> e);
  void AddDomain(std::shared_ptr<const DomainDef> d) { domains_[d->oid] = std::move(d); }
  void DropDomain(uint32_t oid) { domains_.erase(oid); }
  // Puts a domain's new version in place, in the catalog, in the domains over it and in every
  // column of its type.
  void ReplaceDomain(std::shared_ptr<const DomainDef> d);
  // At commit: the labels added in the transaction become usable (EnumDef::uncommitted).
  void CommitEnumLabels();
  bool HasExtension(const std::string& name) const { return extensions_.count(name) > 0; }
  void AddExtension(ExtensionDef e) { extensions_[e.name] = std::move(e); }
  void DropExtension(const std::string& name) { extensions_.erase(name); }
  const std::map<std::string, ExtensionDef>& extensions() const { return extensions_; }
  // COMMENT ON: the comment of an object, keyed as pg_description is (the class is the OID of
  // the catalog listing the object, class_oid below) (class OID, object OID,
  // column number or 0). An empty comment removes it.
  using CommentKey = std::tuple<uint32_t, uint32_t, int32_t>;
  void SetComment(const CommentKey& key, const std::string& text) {
    if (text.empty()) comments_.erase(key); else comments_[key] = text;
  }
  const std::map<CommentKey, std::string>& comments() const { return comments_; }
  // The comments initdb and CREATE EXTENSION give: the built-in schemas', the extensions'.
  void SetBuiltinComments();

  const std::map<uint32_t, SchemaDef>& schemas() const { return schemas_; }
  const std::map<uint32_t, TableDef>& tables() const { return tables_; }
  const std::map<uint32_t, IndexDef>& indexes() const { return indexes_; }
  const std::map<uint32_t, SequenceDef>& sequences() const { return sequences_; }
  const std::map<uint32_t, ViewDef>& views() const { return views_; }
  const std::map<uint32_t, std::shared_ptr<const EnumDef>>& enums() const { return enums_; }
  const std::map<uint32_t, std::shared_ptr<const DomainDef>>& domains() const { return domains_; }
  // User-defined functions and procedures (catalog/function_def.hpp).
  const std::map<uint32_t, std::shared_ptr<const FunctionDef>>& functions() const { return functions_; }
  void AddFunction(std::shared_ptr<const FunctionDef> f);
  void DropFunction(uint32_t oid) { functions_.erase(oid); }
  std::shared_ptr<const FunctionDef> FindFunction(uint32_t oid) const;
  // Text search dictionaries and configurations users made (catalog/text_search_def.hpp); the
  // built-in ones are not here (types/tsearch). Put adds or replaces by OID.
  const std::map<uint32_t, std::shared_ptr<const TsDictionaryDef>>& ts_dictionaries() const { return ts_dictionaries_; }
  const std::map<uint32_t, std::shared_ptr<const TsConfigDef>>& ts_configs() const { return ts_configs_; }
  void PutTsDictionary(uint32_t oid, std::shared_ptr<const TsDictionaryDef> d) { ts_dictionaries_[oid] = std::move(d); }
  void DropTsDictionary(uint32_t oid) { ts_dictionaries_.erase(oid); }
  void PutTsConfig(uint32_t oid, std::shared_ptr<const TsConfigDef> c) { ts_configs_[oid] = std::move(c); }
  void DropTsConfig(uint32_t oid) { ts_configs_.erase(oid); }

 private:
  uint32_t next_oid_ = oid::kFirstUserOid;
  std::shared_ptr<OidSource> oids_;
  std::map<uint32_t, SchemaDef> schemas_;
  std::map<uint32_t, TableDef> tables_;
  std::map<uint32_t, IndexDef> indexes_;
  std::map<uint32_t, SequenceDef> sequences_;
  std::map<uint32_t, ViewDef> views_;
  std::map<uint32_t, std::shared_ptr<const EnumDef>> enums_;
  std::map<uint32_t, std::shared_ptr<const DomainDef>> domains_;
  std::map<uint32_t, std::shared_ptr<const FunctionDef>> functions_;
  std::map<std::string, ExtensionDef> extensions_;
  std::map<CommentKey, std::string> comments_;
  std::map<uint32_t, std::shared_ptr<const TsDictionaryDef>> ts_dictionaries_;
  std::map<uint32_t, std::shared_ptr<const TsConfigDef>> ts_configs_;
  // FindRelation's index of a published catalog; copying a catalog leaves it behind.
  struct RelationNameIndex {
    std::shared_ptr<const std::map<std::pair<std::string, std::string>, std::pair<RelKind, uint32_t>>> names;
    RelationNameIndex() = default;
    RelationNameIndex(const RelationNameIndex&) {}
    RelationNameIndex& operator=(const RelationNameIndex&) {
      names.reset();
      return *this;
    }
  };
  RelationNameIndex relation_index_;
};

}  // namespace tusk
