#include "catalog/catalog.hpp"

#include <cerrno>
#include <cstdlib>
#include <set>

#include "catalog/extensions.hpp"
#include "catalog/function_def.hpp"
#include "catalog/information_schema_domains.hpp"
#include "catalog/text_search_def.hpp"
#include "catalog/serial.hpp"
#include "security/security_serial.hpp"
#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "partition/partition_def.hpp"
#include "partition/time_schedule.hpp"

namespace tusk {

int TableDef::FindColumn(const std::string& col) const {
  for (size_t i = 0; i < columns.size(); i++)
    if (!columns[i].dropped && columns[i].name == col) return static_cast<int>(i);
  return -1;
}

int TableDef::LiveColumnCount() const {
  int n = 0;
  for (const auto& c : columns) n += !c.dropped;
  return n;
}

std::shared_ptr<Catalog> Catalog::Bootstrap() {
  auto c = std::make_shared<Catalog>();
  c->AddSchema({11, "pg_catalog", SystemSchemaSecurity()});
  c->AddSchema({2200, "public", PublicSchemaSecurity()});
  c->AddSchema({13000, "information_schema", SystemSchemaSecurity()});
  c->AddExtension({kPlpgsqlExtensionOid, "plpgsql", "pg_catalog", "1.0"});
  c->SetBuiltinComments();
  for (const auto& d : InformationSchemaDomains()) c->AddDomain(d);
  return c;
}

void Catalog::SetBuiltinComments() {
  if (schemas_.count(11)) SetComment({class_oid::kPgNamespace, 11, 0}, "system catalog schema");
  if (schemas_.count(2200)) SetComment({class_oid::kPgNamespace, 2200, 0}, "standard public schema");
  for (const auto& [name, e] : extensions_)
    if (const AvailableExtension* a = FindAvailableExtension(name)) SetComment({class_oid::kPgExtension, e.oid, 0}, a->comment);
}

const SchemaDef* Catalog::FindSchema(const std::string& name) const {
  for (const auto& [oid, s] : schemas_)
    if (s.name == name) return &s;
  return nullptr;
}

void Catalog::IndexRelationNames() {
  auto names = std::make_shared<std::map<std::pair<std::string, std::string>, std::pair<RelKind, uint32_t>>>();
  // In FindRelation's order of precedence: the first kind to claim a name keeps it.
  for (const auto& [oid, t] : tables_)
    names->emplace(std::make_pair(t.schema, t.name),
                   std::make_pair(t.materialized ? RelKind::kMatview : t.composite ? RelKind::kComposite : RelKind::kTable, oid));
  for (const auto& [oid, q] : sequences_) names->emplace(std::make_pair(q.schema, q.name), std::make_pair(RelKind::kSequence, oid));
  for (const auto& [oid, i] : indexes_) names->emplace(std::make_pair(SchemaOfRelation(i.table), i.name), std::make_pair(RelKind::kIndex, oid));
  for (const auto& [oid, v] : views_) names->emplace(std::make_pair(v.schema, v.name), std::make_pair(RelKind::kView, oid));
  relation_index_.names = std::move(names);
}

std::optional<std::pair<RelKind, uint32_t>> Catalog::FindRelation(
    const std::string& schema, const std::string& name, const std::vector<std::string>& search_path) const {
  auto in_schema = [&](const std::string& sch) -> std::optional<std::pair<RelKind, uint32_t>> {
    if (const auto& names = relation_index_.names) {
      auto it = names->find({sch, name});
      if (it == names->end()) return std::nullopt;
      return it->second;
    }
    for (const auto& [oid, t] : tables_)
      if (t.schema == sch && t.name == name)
        return std::make_pair(t.materialized ? RelKind::kMatview : t.composite ? RelKind::kComposite : RelKind::kTable, oid);
    for (const auto& [oid, s] : sequences_)
      if (s.schema == sch && s.name == name) return std::make_pair(RelKind::kSequence, oid);
    for (const auto& [oid, i] : indexes_)
      if (SchemaOfRelation(i.table) == sch && i.name == name) return std::make_pair(RelKind::kIndex, oid);
    for (const auto& [oid, v] : views_)
      if (v.schema == sch && v.name == name) return std::make_pair(RelKind::kView, oid);
    return std::nullopt;
  };
  if (!schema.empty()) return in_schema(schema);
  for (const auto& s : search_path)
    if (auto r = in_schema(s)) return r;
  return std::nullopt;
}

const ViewDef* Catalog::FindView(uint32_t oid) const {
  auto it = views_.find(oid);
  return it == views_.end() ? nullptr : &it->second;
}
ViewDef* Catalog::MutableView(uint32_t oid) {
  auto it = views_.find(oid);
  return it == views_.end() ? nullptr : &it->second;
}
std::vector<TriggerDef>* Catalog::MutableTriggers(uint32_t relation) {
  if (TableDef* t = MutableTable(relation)) return &t->triggers;
  if (ViewDef* v = MutableView(relation)) return &v->triggers;
  return nullptr;
}

const TableDef* Catalog::FindTable(uint32_t oid) const {
  auto it = tables_.find(oid);
  return it == tables_.end() ? nullptr : &it->second;
}
// PostgreSQL 15's public schema: owned by pg_database_owner (the database's owner holds it),
// which may create in it; everyone may use it.
ObjectSecurity PublicSchemaSecurity() {
  constexpr uint32_t kDatabaseOwner = 6171;
  return {kDatabaseOwner, Acl{{kDatabaseOwner, kDatabaseOwner, privilege::kUsage | privilege::kCreate, 0},
                              {kPublicRole, kDatabaseOwner, privilege::kUsage, 0}}};
}

// pg_catalog and information_schema: the bootstrap superuser's, everyone may use them.
ObjectSecurity SystemSchemaSecurity() {
  return {10, Acl{{10, 10, privilege::kUsage | privilege::kCreate, 0}, {kPublicRole, 10, privilege::kUsage, 0}}};
}

const ObjectSecurity* Catalog::FindSecurity(uint32_t oid) const {
  if (auto it = functions_.find(oid); it != functions_.end()) return &it->second->security;
  return const_cast<Catalog*>(this)->MutableSecurity(oid);
}

void Catalog::SetFunctionSecurity(uint32_t oid, ObjectSecurity security) {
  auto it = functions_.find(oid);
  if (it == functions_.end()) return;
  auto f = it->second->Clone();
  f->security = std::move(security);
  it->second = std::move(f);
}

ObjectSecurity* Catalog::MutableSecurity(uint32_t oid) {
  if (auto it = tables_.find(oid); it != tables_.end()) return &it->second.security;
  if (auto it = views_.find(oid); it != views_.end()) return &it->second.security;
  if (auto it = sequences_.find(oid); it != sequences_.end()) return &it->second.security;
  if (auto it = schemas_.find(oid); it != schemas_.end()) return &it->second.security;
  return nullptr;
}

TableDef* Catalog::MutableTable(uint32_t oid) {
  auto it = tables_.find(oid);
  return it == tables_.end() ? nullptr : &it->second;
}
const IndexDef* Catalog::FindIndex(uint32_t oid) const {
  auto it = indexes_.find(oid);
  return it == indexes_.end() ? nullptr : &it->second;
}
IndexDef* Catalog::MutableIndex(uint32_t oid) {
  auto it = indexes_.find(oid);
  return it == indexes_.end() ? nullptr : &it->second;
}
const SequenceDef* Catalog::FindSequence(uint32_t oid) const {
  auto it = sequences_.find(oid);
  return it == sequences_.end() ? nullptr : &it->second;
}
SequenceDef* Catalog::MutableSequence(uint32_t oid) {
  auto it = sequences_.find(oid);
  return it == sequences_.end() ? nullptr : &it->second;
}

namespace {
// A user type (enum or domain) named `name` in `schema`, or else the first along the search path.
template <typename Def>
std::shared_ptr<const Def> FindNamedType(const std::map<uint32_t, std::shared_ptr<const Def>>& defs, const std::string& schema,
                                         const std::string& name, const std::vector<std::string>& search_path) {
  auto in_schema = [&](const std::string& sch) -> std::shared_ptr<const Def> {
    for (const auto& [oid, d] : defs)
      if (d->schema == sch && d->name == name) return d;
    return nullptr;
  };
  if (!schema.empty()) return in_schema(schema);
  for (const auto& s : search_path)
    if (auto d = in_schema(s)) return d;
  return nullptr;
}
}  // namespace

std::shared_ptr<const EnumDef> Catalog::FindEnum(const std::string& schema, const std::string& name,
                                                 const std::vector<std::string>& search_path) const {
  return FindNamedType(enums_, schema, name, search_path);
}

std::shared_ptr<const EnumDef> Catalog::FindEnumByOid(uint32_t oid) const {
  auto it = enums_.find(oid);
  return it == enums_.end() ? nullptr : it->second;
}

std::shared_ptr<const DomainDef> Catalog::FindDomain(const std::string& schema, const std::string& name,
                                                     const std::vector<std::string>& search_path) const {
  return FindNamedType(domains_, schema, name, search_path);
}

std::shared_ptr<const DomainDef> Catalog::FindDomainByOid(uint32_t oid) const {
  auto it = domains_.find(oid);
  return it == domains_.end() ? nullptr : it->second;
}

std::shared_ptr<const RecordDef> RowTypeOf(const TableDef& t) {
  auto r = std::make_shared<RecordDef>();
  for (const auto& c : t.columns) {
    if (c.dropped) continue;
    r->names.push_back(c.name);
    r->types.push_back(c.type);
  }
  r->type_oid = t.rowtype_oid;
  r->array_oid = t.rowtype_array_oid;
  r->relid = t.oid;
  r->schema = t.schema;
  r->name = t.name;
  return r;
}

const TableDef* Catalog::FindRowType(const std::string& schema, const std::string& name,
                                     const std::vector<std::string>& search_path) const {
  auto rel = FindRelation(schema, name, search_path);
  if (!rel || (rel->first != RelKind::kTable && rel->first != RelKind::kMatview && rel->first != RelKind::kComposite)) return nullptr;
  const TableDef* t = FindTable(rel->second);
  return t && t->rowtype_oid ? t : nullptr;
}

std::optional<Type> Catalog::FindUserType(uint32_t oid) const {
  for (const auto& [id, e] : enums_)
    if (e->type_oid == oid || e->array_oid == oid) return e->array_oid == oid ? Type::Enum(e).ArrayOf() : Type::Enum(e);
  for (const auto& [id, d] : domains_)
    if (d->oid == oid || d->array_oid == oid) return d->array_oid == oid ? DomainType(d).ArrayOf() : DomainType(d);
  for (const auto& [id, t] : tables_)
    if (t.rowtype_oid && (t.rowtype_oid == oid || t.rowtype_array_oid == oid)) {
      Type row = Type::Record(RowTypeOf(t));
      return t.rowtype_array_oid == oid ? row.ArrayOf() : row;
    }
  return std::nullopt;
}

std::string Catalog::SchemaOfRelation(uint32_t oid) const {
  if (auto* t = FindTable(oid)) return t->schema;
  if (auto* s = FindSequence(oid)) return s->schema;
  if (auto* i = FindIndex(oid)) return SchemaOfRelation(i->table);
  if (auto* v = FindView(oid)) return v->schema;
  return "";
}

std::string Catalog::RelationName(uint32_t oid) const {
  if (auto* t = FindTable(oid)) return t->name;
  if (auto* s = FindSequence(oid)) return s->name;
  if (auto* i = FindIndex(oid)) return i->name;
  if (auto* v = FindView(oid)) return v->name;
  return "";
}

void Catalog::AssignObjectOids() {
  for (auto& [oid, t] : tables_) {
    if (!t.rowtype_oid) {
      t.rowtype_oid = AllocateOid();
      t.rowtype_array_oid = AllocateOid();
    }
    for (auto& c : t.constraints)
      if (!c.oid) c.oid = AllocateOid();
    for (auto& col : t.columns) {
      if (col.default_sql.empty()) col.default_oid = 0;
      else if (!col.default_oid) col.default_oid = AllocateOid();
    }
  }
}

namespace {
bool SameFields(const RecordDef& a, const RecordDef& b) {
  if (a.names != b.names || a.types.size() != b.types.size()) return false;
  for (size_t i = 0; i < a.types.size(); i++) {
    const Type &x = a.types[i], &y = b.types[i];
    if (x.id != y.id || x.typmod != y.typmod || x.array != y.array || x.domain != y.domain || x.enumdef != y.enumdef)
      return false;
    // a field of a composite type that changed itself (ALTER TYPE of a type nested in this one)
    if (x.record != y.record && (!x.record || !y.record || !SameFields(*x.record, *y.record))) return false;
  }
  return a.schema == b.schema && a.name == b.name;
}
}  // namespace

void Catalog::RefreshRowTypes() {
  // The current version of `t` when it is a table's row type whose fields changed.
  auto changed = [&](const Type& t) -> std::optional<Type> {
    if (t.domain || !t.record || t.id == oid::kRecord) return std::nullopt;
    for (const auto& [oid, table] : tables_)
      if (table.rowtype_oid == t.id) {
        auto now = RowTypeOf(table);
        if (SameFields(*now, *t.record)) return std::nullopt;
        Type row = Type::Record(now);
        return t.array ? row.ArrayOf() : row;
      }
    return std::nullopt;
  };
  // Columns of tables and attributes of composite types, until none changes: a composite type
  // inside another changes that one's row type too.
  for (bool again = true; again;) {
    again = false;
    for (auto& [oid, table] : tables_)
      for (auto& c : table.columns)
        if (auto now = changed(c.type)) {
          c.type = *now;
          again = true;
        }
  }
  std::vector<std::shared_ptr<const DomainDef>> domains;
  for (const auto& [oid, d] : domains_)
    if (auto now = changed(d->base)) {
      auto nd = std::make_shared<DomainDef>(*d);
      nd->base = *now;
      domains.push_back(std::move(nd));
    }
  for (auto& d : domains) ReplaceDomain(std::move(d));
  for (auto& [oid, f] : functions_) {
    bool any = changed(f->result).has_value();
    for (const auto& a : f->args) any = any || changed(a.type).has_value();
    if (!any) continue;
    auto nf = f->Clone();
    for (auto& a : nf->args)
      if (auto now = changed(a.type)) a.type = *now;
    if (auto now = changed(nf->result)) nf->result = *now;
    nf->Describe();
    f = std::move(nf);
  }
}

// ---- serialization: a flat stream of varints and length-prefixed strings ----
namespace {
// 2: constraints and column defaults carry OIDs, index columns an operator class. A format 1
// catalog is read as well; its objects get OIDs as it loads (the same ones at every load,
// until the next DDL writes format 2).
// 3: extensions with OID, schema, version; 4: comments; 5: indexes' NULLS NOT DISTINCT;
// 6: extensions' member OID blocks; 7: indexes' CLUSTER mark; 8: no roles (the cluster catalog
// has them); 9: enum labels' OIDs (written last); 10: domains (after them; a column of a
// domain type stores the domain's OID); 11: views and materialized views (after the domains)
// 12: stored generated columns (after the materialized views; see WriteGeneratedColumns)
// 13: tables' row type OIDs (after the generated columns; see WriteRowTypes)
// 14: user-defined functions and procedures (after the row types; see WriteFunctions)
// 15: triggers (after the functions; see WriteTriggers); 16: views' triggers (after the tables'),
// transition table names, then composite types (the tables that are only a row type)
// 17: the indexes that are not btree, with their access method
// 18: text search dictionaries and configurations (after the access methods; catalog/text_search_def.hpp)
// 19: partition keys and bounds (partition/partition_def.hpp)
// 20: automatic time partitions' schedules (written last; partition/time_schedule.hpp)
// 21: partition keys' expressions (in the partition keys of format 19)
// 22: owners, access lists and row-level security (written last; security/security_serial.hpp)
constexpr uint64_t kCatalogFormat = 22;

// A stored Type naming a user type by OID, with that type's definition put back (a domain
// and a table's row type are written as their OID, an array of them with the array flag).
Type ResolveStoredType(const Catalog& c, const Type& stored) {
  if (stored.id < oid::kFirstUserOid) return stored;
  if (auto d = c.FindDomainByOid(stored.id)) return stored.array ? DomainType(d).ArrayOf() : DomainType(d);
  if (auto row = c.FindUserType(stored.id); row && row->record && !row->array)
    return stored.array ? row->ArrayOf() : *row;
  Type t = stored;
  t.enumdef = c.FindEnumByOid(stored.id);
  return t;
}

// Puts the definitions back into a loaded catalog's stored types, each user type after the
// ones it is built from (a domain's base; the columns of a table, for its row type), whatever
// order they were created in: a domain may be over a table's row type, ALTER TABLE ADD COLUMN
// may use a newer domain. A cycle, which no catalog Tusk writes has, is corruption.
class StoredTypeResolver {
 public:
  StoredTypeResolver(const Catalog& c, std::map<uint32_t, std::shared_ptr<const DomainDef>>* domains,
                     std::map<uint32_t, TableDef>* tables)
      : c_(c), domains_(*domains), tables_(*tables) {}

  void ResolveAll() {
    for (const auto& [oid, d] : domains_)
      if (oid >= oid::kFirstUserOid) ResolveDomain(oid);  // information_schema's are built in
    for (auto& [oid, t] : tables_) ResolveTable(t);
  }

  Type Resolve(const Type& stored) {
    if (stored.id >= oid::kFirstUserOid) {
      if (domains_.count(stored.id)) {
        ResolveDomain(stored.id);
      } else {
        for (auto& [oid, t] : tables_)
          if (t.rowtype_oid == stored.id) { ResolveTable(t); break; }
      }
    }
    return ResolveStoredType(c_, stored);
  }

 private:
  void ResolveDomain(uint32_t oid) {
    if (!Enter(&domains_done_, oid)) return;
    auto d = std::make_shared<DomainDef>(*domains_.at(oid));
    d->base = Resolve(d->base);
    domains_[oid] = std::move(d);
    Leave(oid);
  }

  void ResolveTable(TableDef& t) {
    if (!Enter(&tables_done_, t.oid)) return;
    for (auto& col : t.columns) col.type = Resolve(col.type);
    Leave(t.oid);
  }

  bool Enter(std::set<uint32_t>* done, uint32_t oid) {
    if (!done->insert(oid).second) {
      if (visiting_.count(oid)) CatalogReader::Bad();  // built from itself
      return false;
    }
    visiting_.insert(oid);
    return true;
  }
  void Leave(uint32_t oid) { visiting_.erase(oid); }

  const Catalog& c_;
  std::map<uint32_t, std::shared_ptr<const DomainDef>>& domains_;
  std::map<uint32_t, TableDef>& tables_;
  std::set<uint32_t> domains_done_, tables_done_, visiting_;
};

// ---- format 12: stored generated columns ----
// A list of (table OID, column position) of the columns that are GENERATED ALWAYS AS (expr)
// STORED; their expression is the column's default_sql. Before format 12 there were none.
void WriteGeneratedColumns(CatalogWriter& w, const std::map<uint32_t, TableDef>& tables) {
  std::vector<std::pair<uint32_t, size_t>> generated;
  for (const auto& [oid, t] : tables)
    for (size_t i = 0; i < t.columns.size(); i++)
      if (t.columns[i].generated) generated.emplace_back(oid, i);
  w.U(generated.size());
  for (const auto& [oid, column] : generated) { w.U(oid); w.U(column); }
}

void ReadGeneratedColumns(CatalogReader& r, uint64_t format, std::map<uint32_t, TableDef>* tables) {
  for (size_t n = format >= 12 ? r.Count() : 0; n > 0; n--) {
    uint32_t oid = r.U32();
    uint64_t column = r.U();
    auto it = tables->find(oid);
    if (it == tables->end() || column >= it->second.columns.size()) CatalogReader::Bad();
    it->second.columns[column].generated = 's';
  }
}

// ---- format 13: tables' row types ----
// (table OID, row type OID, its array type OID) for each table that has them.
void WriteRowTypes(CatalogWriter& w, const std::map<uint32_t, TableDef>& tables) {
  size_t n = 0;
  for (const auto& [oid, t] : tables) n += t.rowtype_oid != 0;
  w.U(n);
  for (const auto& [oid, t] : tables)
    if (t.rowtype_oid) { w.U(oid); w.U(t.rowtype_oid); w.U(t.rowtype_array_oid); }
}

void ReadRowTypes(CatalogReader& r, uint64_t format, std::map<uint32_t, TableDef>* tables) {
  for (size_t n = format >= 13 ? r.Count() : 0; n > 0; n--) {
    uint32_t oid = r.U32();
    auto it = tables->find(oid);
    if (it == tables->end()) CatalogReader::Bad();
    it->second.rowtype_oid = r.U32();
    it->second.rowtype_array_oid = r.U32();
  }
}

// ---- format 14: functions and procedures ----
void WriteFunctions(CatalogWriter& w, const std::map<uint32_t, std::shared_ptr<const FunctionDef>>& functions) {
  w.U(functions.size());
  for (const auto& [oid, f] : functions) {
    w.U(oid); w.S(f->schema); w.S(f->name); w.U(static_cast<uint8_t>(f->kind)); w.U(f->language);
    w.U(f->args.size());
    for (const auto& a : f->args) { w.S(a.name); w.T(a.type); w.U(static_cast<uint8_t>(a.mode)); w.S(a.default_sql); }
    w.T(f->result); w.U(f->retset); w.U(static_cast<uint8_t>(f->volatility)); w.U(static_cast<uint8_t>(f->parallel));
    w.U(f->strict); w.U(f->security_definer); w.U(f->leakproof);
    w.S(std::to_string(f->cost)); w.S(std::to_string(f->rows)); w.S(f->body);
    w.U(f->config.size());
    for (const auto& c : f->config) w.S(c);
  }
}

// A float written as text (std::to_string); anything else is corruption.
float ReadFloat(CatalogReader& r) {
  std::string text = r.S();
  char* end = nullptr;
  errno = 0;
  float v = std::strtof(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) CatalogReader::Bad();
  return v;
}

void ReadFunctions(CatalogReader& r, uint64_t format, const Catalog& c, std::map<uint32_t, std::shared_ptr<const FunctionDef>>* out) {
  for (size_t n = format >= 14 ? r.Count() : 0; n > 0; n--) {
    auto f = std::make_shared<FunctionDef>();
    f->oid = r.U32(); f->schema = r.S(); f->name = r.S(); f->kind = static_cast<char>(r.U()); f->language = r.U32();
    for (size_t k = r.Count(); k > 0; k--) {
      FunctionArg a;
      a.name = r.S(); a.type = ResolveStoredType(c, r.T()); a.mode = static_cast<char>(r.U()); a.default_sql = r.S();
      f->args.push_back(std::move(a));
    }
    f->result = ResolveStoredType(c, r.T()); f->retset = r.U(); f->volatility = static_cast<char>(r.U());
    f->parallel = static_cast<char>(r.U()); f->strict = r.U(); f->security_definer = r.U(); f->leakproof = r.U();
    f->cost = ReadFloat(r); f->rows = ReadFloat(r); f->body = r.S();
    for (size_t k = r.Count(); k > 0; k--) f->config.push_back(r.S());
    f->Describe();
    (*out)[f->oid] = std::move(f);
  }
}

// ---- format 15: triggers (16: views' too, after the tables') ----
void WriteTrigger(CatalogWriter& w, uint32_t relation, const TriggerDef& g) {
  w.U(relation); w.U(g.oid); w.S(g.name); w.U(g.function); w.U(static_cast<uint16_t>(g.type));
  w.U(g.columns.size());
  for (int c : g.columns) w.I(c);
  w.S(g.when_sql);
  w.U(g.args.size());
  for (const auto& a : g.args) w.S(a);
  w.U(static_cast<uint8_t>(g.enabled));
  w.S(g.old_table); w.S(g.new_table);
}

template <typename Relation>
void WriteTriggersOf(CatalogWriter& w, const std::map<uint32_t, Relation>& relations) {
  size_t n = 0;
  for (const auto& [oid, rel] : relations) n += rel.triggers.size();
  w.U(n);
  for (const auto& [oid, rel] : relations)
    for (const TriggerDef& g : rel.triggers) WriteTrigger(w, oid, g);
}

void WriteTriggers(CatalogWriter& w, const std::map<uint32_t, TableDef>& tables, const std::map<uint32_t, ViewDef>& views) {
  WriteTriggersOf(w, tables);
  WriteTriggersOf(w, views);
}

template <typename Relation>
void ReadTriggersOf(CatalogReader& r, uint64_t format, std::map<uint32_t, Relation>* relations) {
  for (size_t n = r.Count(); n > 0; n--) {
    uint32_t relation = r.U32();
    auto it = relations->find(relation);
    if (it == relations->end()) CatalogReader::Bad();
    TriggerDef g;
    g.oid = r.U32(); g.name = r.S(); g.function = r.U32(); g.type = static_cast<int16_t>(r.U());
    for (size_t k = r.Count(); k > 0; k--) {
      int c = r.Int();
      if (c < 0 || static_cast<size_t>(c) >= it->second.columns.size()) CatalogReader::Bad();
      g.columns.push_back(c);
    }
    g.when_sql = r.S();
    for (size_t k = r.Count(); k > 0; k--) g.args.push_back(r.S());
    g.enabled = static_cast<char>(r.U());
    if (format >= 16) {
      g.old_table = r.S();
      g.new_table = r.S();
    }
    it->second.triggers.push_back(std::move(g));
  }
}

void ReadTriggers(CatalogReader& r, uint64_t format, std::map<uint32_t, TableDef>* tables, std::map<uint32_t, ViewDef>* views) {
  if (format >= 15) ReadTriggersOf(r, format, tables);
  if (format >= 16) ReadTriggersOf(r, format, views);
}

}  // namespace

void Catalog::AddFunction(std::shared_ptr<const FunctionDef> f) {
  uint32_t oid = f->oid;
  functions_[oid] = std::move(f);
}

std::shared_ptr<const FunctionDef> Catalog::FindFunction(uint32_t oid) const {
  auto it = functions_.find(oid);
  return it == functions_.end() ? nullptr : it->second;
}

void Catalog::ReplaceEnum(std::shared_ptr<const EnumDef> e) {
  for (auto& [oid, t] : tables_)
    for (auto& c : t.columns)
      if (c.type.id == e->type_oid) c.type.enumdef = e;
  for (auto& [oid, v] : views_)
    for (auto& c : v.columns)
      if (c.type.id == e->type_oid) c.type.enumdef = e;
  std::vector<std::shared_ptr<const DomainDef>> over;
  for (const auto& [oid, d] : domains_)
    if (d->base.id == e->type_oid && !d->base.domain) {
      auto nd = std::make_shared<DomainDef>(*d);
      nd->base.enumdef = e;
      over.push_back(std::move(nd));
    }
  enums_[e->type_oid] = std::move(e);
  for (auto& d : over) ReplaceDomain(std::move(d));
}

void Catalog::ReplaceDomain(std::shared_ptr<const DomainDef> d) {
  domains_[d->oid] = d;
  auto rewrap = [&](Type* t) {
    if (!t->domain || t->domain->oid != d->oid) return;
    bool array_of = IsArrayOfDomain(*t);
    *t = array_of ? DomainType(d).ArrayOf() : DomainType(d);
  };
  for (auto& [oid, t] : tables_)
    for (auto& c : t.columns) rewrap(&c.type);
  for (auto& [oid, v] : views_)
    for (auto& c : v.columns) rewrap(&c.type);
  std::vector<std::shared_ptr<const DomainDef>> over;
  for (const auto& [oid, o] : domains_)
    if (o->base.domain && o->base.domain->oid == d->oid) {
      auto nd = std::make_shared<DomainDef>(*o);
      rewrap(&nd->base);
      over.push_back(std::move(nd));
    }
  for (auto& o : over) ReplaceDomain(std::move(o));
}

void Catalog::CommitEnumLabels() {
  std::vector<std::shared_ptr<const EnumDef>> done;
  for (const auto& [oid, e] : enums_)
    if (!e->uncommitted.empty()) {
      auto committed = std::make_shared<EnumDef>(*e);
      committed->uncommitted.clear();
      done.push_back(std::move(committed));
    }
  for (auto& e : done) ReplaceEnum(std::move(e));
}

std::string Catalog::Serialize() const {
  CatalogWriter w;
  w.U(kCatalogFormat);
  w.U(next_oid_);
  w.U(schemas_.size());
  for (const auto& [oid, s] : schemas_) { w.U(oid); w.S(s.name); }
  w.U(enums_.size());
  for (const auto& [oid, e] : enums_) {
    w.U(e->type_oid); w.U(e->array_oid); w.S(e->schema); w.S(e->name);
    w.U(e->labels.size());
    for (const auto& l : e->labels) w.S(l);
  }
  w.U(tables_.size());
  for (const auto& [oid, t] : tables_) {
    w.U(t.oid); w.S(t.schema); w.S(t.name); w.U(t.pk_index);
    w.U(t.columns.size());
    for (const auto& c : t.columns) {
      w.S(c.name); w.T(c.type); w.U(c.not_null); w.S(c.default_sql); w.U(static_cast<uint8_t>(c.identity)); w.U(c.dropped);
      w.U(c.default_oid);
    }
    w.U(t.constraints.size());
    for (const auto& c : t.constraints) {
      w.U(c.oid); w.S(c.name); w.U(static_cast<uint8_t>(c.kind)); w.U(c.index); w.S(c.check_sql);
      w.U(c.columns.size()); for (int x : c.columns) w.I(x);
      w.U(c.ref_table);
      w.U(c.ref_columns.size()); for (int x : c.ref_columns) w.I(x);
      w.U(static_cast<uint8_t>(c.on_delete)); w.U(static_cast<uint8_t>(c.on_update));
    }
    w.U(t.indexes.size());
    for (uint32_t i : t.indexes) w.U(i);
  }
  w.U(indexes_.size());
  for (const auto& [oid, ix] : indexes_) {
    w.U(ix.oid); w.U(ix.table); w.S(ix.name); w.U(ix.unique); w.U(ix.primary); w.S(ix.where_sql);
    w.U(ix.columns.size());
    for (const auto& c : ix.columns) { w.I(c.column); w.S(c.expr_sql); w.U(c.desc); w.U(c.nulls_first); w.S(c.opclass); }
    w.U(ix.nulls_not_distinct);
    w.U(ix.clustered);
  }
  w.U(sequences_.size());
  for (const auto& [oid, s] : sequences_) {
    w.U(s.oid); w.S(s.schema); w.S(s.name); w.U(s.type); w.I(s.start); w.I(s.increment);
    w.I(s.min); w.I(s.max); w.I(s.cache); w.U(s.cycle); w.U(s.owner_table); w.I(s.owner_column);
  }
  w.U(extensions_.size());
  for (const auto& [name, e] : extensions_) { w.U(e.oid); w.S(e.name); w.S(e.schema); w.S(e.version); w.U(e.members_oid); }
  w.U(comments_.size());
  for (const auto& [key, text] : comments_) {
    w.U(std::get<0>(key)); w.U(std::get<1>(key)); w.I(std::get<2>(key)); w.S(text);
  }
  for (const auto& [oid, e] : enums_) {
    w.U(e->label_oids.size());
    for (uint32_t label : e->label_oids) w.U(label);
  }
  size_t user_domains = 0;  // information_schema's are built in, not stored
  for (const auto& [oid, d] : domains_) user_domains += oid >= oid::kFirstUserOid;
  w.U(user_domains);
  for (const auto& [oid, d] : domains_) {
    if (oid < oid::kFirstUserOid) continue;
    w.U(d->oid); w.U(d->array_oid); w.S(d->schema); w.S(d->name); w.T(d->base); w.U(d->not_null);
    w.S(d->default_sql); w.S(d->collation);
    w.U(d->checks.size());
    for (const auto& k : d->checks) { w.U(k.oid); w.S(k.name); w.S(k.check_sql); w.U(k.validated); }
  }
  w.U(views_.size());
  for (const auto& [oid, v] : views_) {
    w.U(v.oid); w.U(v.rule_oid); w.S(v.schema); w.S(v.name);
    w.U(v.columns.size());
    for (const auto& c : v.columns) { w.S(c.name); w.T(c.type); }
    w.S(v.query_sql);
    w.U(v.search_path.size());
    for (const auto& p : v.search_path) w.S(p);
    w.U(v.relations.size());
    for (uint32_t rel : v.relations) w.U(rel);
    w.U(v.options.size());
    for (const auto& o : v.options) w.S(o);
  }
  size_t matviews = 0;
  for (const auto& [oid, t] : tables_) matviews += t.materialized.has_value();
  w.U(matviews);
  for (const auto& [oid, t] : tables_) {
    if (!t.materialized) continue;
    const MaterializedDef& m = *t.materialized;
    w.U(oid); w.U(m.rule_oid); w.S(m.query_sql);
    w.U(m.search_path.size());
    for (const auto& p : m.search_path) w.S(p);
    w.U(m.relations.size());
    for (uint32_t rel : m.relations) w.U(rel);
    w.U(m.populated);
  }
  WriteGeneratedColumns(w, tables_);
  WriteRowTypes(w, tables_);
  WriteFunctions(w, functions_);
  WriteTriggers(w, tables_, views_);
  size_t composites = 0;
  for (const auto& [oid, t] : tables_) composites += t.composite;
  w.U(composites);
  for (const auto& [oid, t] : tables_)
    if (t.composite) w.U(oid);
  size_t other_methods = 0;
  for (const auto& [oid, ix] : indexes_) other_methods += ix.am != "btree";
  w.U(other_methods);
  for (const auto& [oid, ix] : indexes_)
    if (ix.am != "btree") { w.U(oid); w.S(ix.am); }
  WriteTextSearchObjects(w, *this);
  std::vector<const TableDef*> tables;
  for (const auto& [oid, t] : tables_) tables.push_back(&t);
  WritePartitioning(w, tables);
  WritePartitionSchedules(w, tables);
  WriteSecurity(w, *this);
  return w.out;
}

std::shared_ptr<Catalog> Catalog::Deserialize(const std::string& bytes, std::vector<RoleDef>* legacy_roles) {
  CatalogReader r{bytes};
  uint64_t format = r.U();
  if (format < 1 || format > kCatalogFormat) CatalogReader::Bad();
  bool v2 = format >= 2, v3 = format >= 3, v4 = format >= 4, v5 = format >= 5, v6 = format >= 6, v7 = format >= 7;
  auto c = std::make_shared<Catalog>();
  c->next_oid_ = r.U32();
  for (size_t n = r.Count(); n > 0; n--) { SchemaDef s; s.oid = r.U32(); s.name = r.S(); c->schemas_[s.oid] = s; }
  for (size_t n = r.Count(); n > 0; n--) {
    auto e = std::make_shared<EnumDef>();
    e->type_oid = r.U32(); e->array_oid = r.U32(); e->schema = r.S(); e->name = r.S();
    for (size_t k = r.Count(); k > 0; k--) e->labels.push_back(r.S());
    c->enums_[e->type_oid] = e;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef t;
    t.oid = r.U32(); t.schema = r.S(); t.name = r.S(); t.pk_index = r.U32();
    for (size_t k = r.Count(); k > 0; k--) {
      ColumnDef col;
      col.name = r.S(); col.type = r.T(); col.not_null = r.U(); col.default_sql = r.S();
      col.identity = static_cast<char>(r.U()); col.dropped = r.U();
      if (v2) col.default_oid = r.U32();
      t.columns.push_back(col);
    }
    for (size_t k = r.Count(); k > 0; k--) {
      ConstraintDef cd;
      if (v2) cd.oid = r.U32();
      cd.name = r.S(); cd.kind = static_cast<char>(r.U()); cd.index = r.U32(); cd.check_sql = r.S();
      for (size_t m = r.Count(); m > 0; m--) cd.columns.push_back(r.Int());
      cd.ref_table = r.U32();
      for (size_t m = r.Count(); m > 0; m--) cd.ref_columns.push_back(r.Int());
      cd.on_delete = static_cast<FkAction>(r.U()); cd.on_update = static_cast<FkAction>(r.U());
      t.constraints.push_back(cd);
    }
    for (size_t k = r.Count(); k > 0; k--) t.indexes.push_back(r.U32());
    c->tables_[t.oid] = t;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    IndexDef ix;
    ix.oid = r.U32(); ix.table = r.U32(); ix.name = r.S(); ix.unique = r.U(); ix.primary = r.U(); ix.where_sql = r.S();
    for (size_t k = r.Count(); k > 0; k--) {
      IndexColumn ic;
      ic.column = r.Int(); ic.expr_sql = r.S(); ic.desc = r.U(); ic.nulls_first = r.U();
      if (v2) ic.opclass = r.S();
      ix.columns.push_back(ic);
    }
    if (v5) ix.nulls_not_distinct = r.U();
    if (v7) ix.clustered = r.U();
    c->indexes_[ix.oid] = ix;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    SequenceDef s;
    s.oid = r.U32(); s.schema = r.S(); s.name = r.S(); s.type = r.U32(); s.start = r.I(); s.increment = r.I();
    s.min = r.I(); s.max = r.I(); s.cache = r.I(); s.cycle = r.U(); s.owner_table = r.U32(); s.owner_column = r.Int();
    c->sequences_[s.oid] = s;
  }
  for (size_t n = format < 8 ? r.Count() : 0; n > 0; n--) {
    RoleDef ro;
    ro.oid = r.U32(); ro.name = r.S(); ro.password = r.S(); ro.superuser = r.U(); ro.login = r.U();
    ro.createdb = r.U(); ro.createrole = r.U();
    if (legacy_roles) legacy_roles->push_back(ro);
  }
  for (size_t n = r.Count(); n > 0; n--) {
    ExtensionDef e;
    if (v3) {
      e.oid = r.U32(); e.name = r.S(); e.schema = r.S(); e.version = r.S();
    } else {  // before format 3 only the name was kept
      e.name = r.S();
      const AvailableExtension* a = FindAvailableExtension(e.name);
      e.oid = e.name == "plpgsql" ? kPlpgsqlExtensionOid : c->AllocateOid();
      e.schema = e.name == "plpgsql" ? "pg_catalog" : "public";
      e.version = a ? a->version : "1.0";
    }
    // Before format 6 no block was kept: one is reserved now, kept from the next write on.
    e.members_oid = v6 ? r.U32() : c->AllocateOids(kExtensionMemberOids);
    c->extensions_[e.name] = e;
  }
  if (v4) {
    for (size_t n = r.Count(); n > 0; n--) {
      uint32_t classoid = r.U32(), objoid = r.U32();
      int32_t sub = static_cast<int32_t>(r.Int());
      c->comments_[{classoid, objoid, sub}] = r.S();
    }
  } else {
    c->SetBuiltinComments();  // before format 4, comments were not kept; these were implied
  }
  for (auto& [oid, e] : c->enums_) {
    auto labelled = std::make_shared<EnumDef>(*e);
    if (format >= 9)
      for (size_t k = r.Count(); k > 0; k--) labelled->label_oids.push_back(r.U32());
    labelled->label_oids.resize(labelled->labels.size(), 0);
    e = labelled;
  }
  // Domains: information_schema's, built in; the users' (format 10), in OID order: a domain's
  // base, created before it, is resolved first.
  for (const auto& d : InformationSchemaDomains()) c->domains_[d->oid] = d;
  for (size_t n = format >= 10 ? r.Count() : 0; n > 0; n--) {
    auto d = std::make_shared<DomainDef>();
    d->oid = r.U32(); d->array_oid = r.U32(); d->schema = r.S(); d->name = r.S(); d->base = r.T();
    d->not_null = r.U(); d->default_sql = r.S(); d->collation = r.S();
    for (size_t k = r.Count(); k > 0; k--) {
      DomainCheck ch;
      ch.oid = r.U32(); ch.name = r.S(); ch.check_sql = r.S(); ch.validated = r.U();
      d->checks.push_back(ch);
    }
    c->domains_[d->oid] = d;
  }
  for (size_t n = format >= 11 ? r.Count() : 0; n > 0; n--) {
    ViewDef v;
    v.oid = r.U32(); v.rule_oid = r.U32(); v.schema = r.S(); v.name = r.S();
    for (size_t k = r.Count(); k > 0; k--) {
      ColumnDef col;
      col.name = r.S(); col.type = r.T();
      v.columns.push_back(std::move(col));
    }
    v.query_sql = r.S();
    for (size_t k = r.Count(); k > 0; k--) v.search_path.push_back(r.S());
    for (size_t k = r.Count(); k > 0; k--) v.relations.push_back(r.U32());
    for (size_t k = r.Count(); k > 0; k--) v.options.push_back(r.S());
    c->views_[v.oid] = std::move(v);
  }
  for (size_t n = format >= 11 ? r.Count() : 0; n > 0; n--) {
    uint32_t oid = r.U32();
    MaterializedDef m;
    m.rule_oid = r.U32(); m.query_sql = r.S();
    for (size_t k = r.Count(); k > 0; k--) m.search_path.push_back(r.S());
    for (size_t k = r.Count(); k > 0; k--) m.relations.push_back(r.U32());
    m.populated = r.U();
    auto it = c->tables_.find(oid);
    if (it == c->tables_.end()) CatalogReader::Bad();
    it->second.materialized = std::move(m);
  }
  ReadGeneratedColumns(r, format, &c->tables_);
  ReadRowTypes(r, format, &c->tables_);
  if (format < 13) c->AssignObjectOids();  // OIDs the catalog's format did not keep yet
  // Columns of enum, domain and row types point at the shared definitions.
  StoredTypeResolver types(*c, &c->domains_, &c->tables_);
  types.ResolveAll();
  for (auto& [oid, v] : c->views_)
    for (auto& col : v.columns) col.type = types.Resolve(col.type);
  ReadFunctions(r, format, *c, &c->functions_);  // its types are resolved ones by now
  ReadTriggers(r, format, &c->tables_, &c->views_);
  for (size_t n = format >= 16 ? r.Count() : 0; n > 0; n--) {
    auto it = c->tables_.find(r.U32());
    if (it == c->tables_.end()) CatalogReader::Bad();
    it->second.composite = true;
  }
  for (size_t n = format >= 17 ? r.Count() : 0; n > 0; n--) {
    auto it = c->indexes_.find(r.U32());
    if (it == c->indexes_.end()) CatalogReader::Bad();
    it->second.am = r.S();
  }
  if (format >= 18) ReadTextSearchObjects(r, c.get());
  auto table = [&](uint32_t oid) -> TableDef* {
    auto it = c->tables_.find(oid);
    return it == c->tables_.end() ? nullptr : &it->second;
  };
  if (format >= 19) ReadPartitioning(r, format, table);
  if (format >= 20) ReadPartitionSchedules(r, table);
  if (format >= 22) ReadSecurity(r, c.get());
  else {
    if (c->schemas_.count(2200)) c->schemas_[2200].security = PublicSchemaSecurity();
    for (uint32_t system : {11u, 13000u})
      if (c->schemas_.count(system)) c->schemas_[system].security = SystemSchemaSecurity();
  }
  return c;
}

}  // namespace tusk
