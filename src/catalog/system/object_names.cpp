#include "catalog/system/object_names.hpp"

#include <cctype>

#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/tsearch/ts_lookup.hpp"

namespace tusk {

namespace {
// A relation's schema and name, user or system; false when the OID names none.
bool RelationById(const Catalog& cat, uint32_t oid, std::string* schema, std::string* name) {
  if (const TableDef* t = cat.FindTable(oid)) { *schema = t->schema; *name = t->name; return true; }
  if (const IndexDef* i = cat.FindIndex(oid)) { *schema = cat.SchemaOfRelation(i->table); *name = i->name; return true; }
  if (const SequenceDef* s = cat.FindSequence(oid)) { *schema = s->schema; *name = s->name; return true; }
  if (const ViewDef* v = cat.FindView(oid)) { *schema = v->schema; *name = v->name; return true; }
  if (const SystemRelation* r = FindSystemRelation(oid)) { *schema = r->schema; *name = r->name; return true; }
  return false;
}

// Splits a possibly qualified, possibly quoted name as SQL reads identifiers: unquoted parts
// fold to lower case.
std::vector<std::string> SplitQualifiedName(const std::string& text) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); i++) {
    char ch = text[i];
    if (ch == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') { parts.back() += '"'; i++; continue; }
      quoted = !quoted;
      continue;
    }
    if (ch == '.' && !quoted) { parts.emplace_back(); continue; }
    parts.back() += quoted ? ch : static_cast<char>(tolower(static_cast<unsigned char>(ch)));
  }
  return parts;
}

class CatalogNames : public ObjectNames {
 public:
  CatalogNames(std::shared_ptr<const Catalog> cat, std::shared_ptr<const ClusterCatalog> cluster,
               std::vector<std::string> path, std::string database)
      : cat_(std::move(cat)), cluster_(std::move(cluster)), path_(std::move(path)), database_(std::move(database)) {}

  std::optional<std::string> Name(uint32_t type, uint32_t oid) const override {
    switch (type) {
      case oid::kRegclass: {
        std::string schema, name;
        if (!RelationById(*cat_, oid, &schema, &name)) return std::nullopt;
        return RelationIsVisible(*cat_, oid, path_) ? QuoteIdent(name) : QuoteIdent(schema) + "." + QuoteIdent(name);
      }
      case oid::kRegtype: return TypeNameOf(oid);
      case oid::kRegproc: {
        std::optional<ListedProc> p = FindListedProc(*cat_, oid, ProcSet::kAll);
        if (!p) return std::nullopt;
        return RegprocName(*cat_, *p, path_);
      }
      case oid::kRegprocedure: {
        std::optional<ListedProc> p = FindListedProc(*cat_, oid, ProcSet::kAll);
        if (!p) return std::nullopt;
        std::string r = RegprocedureName(*cat_, *p, path_) + "(";
        std::vector<uint32_t> args = ProcArgTypes(*p->proc);
        for (size_t i = 0; i < args.size(); i++) r += (i ? "," : "") + TypeNameOf(args[i]).value_or(std::to_string(args[i]));
        return r + ")";
      }
      case oid::kRegnamespace:
        for (const auto& [id, s] : cat_->schemas())
          if (id == oid) return QuoteIdent(s.name);
        return std::nullopt;
      case oid::kRegconfig: return TsObjectName(TsObjectKind::kConfig, oid, TsScope());
      case oid::kRegdictionary: return TsObjectName(TsObjectKind::kDictionary, oid, TsScope());
      case oid::kRegrole:
        for (const auto& [id, r] : cluster_->roles())
          if (id == oid) return QuoteIdent(r.name);
        for (const auto& p : PredefinedRoles())
          if (p.oid == oid) return std::string(p.name);
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  uint32_t Lookup(uint32_t type, const std::string& text) const override {
    std::string trimmed = Trim(text);
    // a number is an OID as it is, and "-" is 0, as the reg* input functions take them
    if (trimmed == "-") return 0;
    if (!trimmed.empty() && trimmed.size() <= 10 && trimmed.find_first_not_of("0123456789") == std::string::npos) {
      uint64_t n = std::stoull(trimmed);
      if (n <= UINT32_MAX) return static_cast<uint32_t>(n);
    }
    switch (type) {
      case oid::kRegclass: {
        auto parts = SplitQualifiedName(trimmed);
        if (parts.size() > 3) throw Error(sqlstate::kSyntaxError, "improper relation name (too many dotted names): " + trimmed);
        auto found = FindRelationOid(*cat_, parts.size() > 1 ? parts[parts.size() - 2] : "", parts.back(), path_);
        if (!found) throw Error(sqlstate::kUndefinedTable, "relation \"" + trimmed + "\" does not exist");
        return *found;
      }
      case oid::kRegtype: return TypeByName(trimmed);
      case oid::kRegproc: {
        auto parts = SplitQualifiedName(trimmed);
        if (parts.size() > 3) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + trimmed);
        if (parts.size() == 3) {
          if (parts[0] != database_) throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + trimmed);
          parts.erase(parts.begin());
        }
        return RegprocByName(*cat_, parts, trimmed, path_);
      }
      case oid::kRegprocedure: return ProcedureBySignature(trimmed);
      case oid::kRegnamespace: {
        auto parts = SplitQualifiedName(trimmed);
        if (parts.size() != 1) throw Error(sqlstate::kInvalidName, "invalid name syntax");
        if (const SchemaDef* s = cat_->FindSchema(parts[0])) return s->oid;
        throw Error(sqlstate::kUndefinedSchema, "schema \"" + parts[0] + "\" does not exist");
      }
      case oid::kRegconfig: return ParseTsObjectName(TsObjectKind::kConfig, text, TsScope());
      case oid::kRegdictionary: return ParseTsObjectName(TsObjectKind::kDictionary, text, TsScope());
      case oid::kRegrole: {
        auto parts = SplitQualifiedName(trimmed);
        if (parts.size() != 1) throw Error(sqlstate::kInvalidName, "invalid name syntax");
        if (const RoleDef* r = cluster_->FindRole(parts[0])) return r->oid;
        for (const auto& p : PredefinedRoles())
          if (parts[0] == p.name) return p.oid;
        throw Error(sqlstate::kUndefinedObject, "role \"" + parts[0] + "\" does not exist");
      }
      default: throw Error(sqlstate::kInternalError, "not an OID alias type");
    }
  }

 private:
  TsNameScope TsScope() const { return {cat_.get(), path_, database_}; }

  // 'name(type, type)': the name as regproc reads it, each argument type as regtype does.
  uint32_t ProcedureBySignature(const std::string& text) const {
    size_t open = text.find('(');
    if (open == std::string::npos) throw Error(sqlstate::kInvalidTextRepresentation, "expected a left parenthesis");
    if (text.back() != ')') throw Error(sqlstate::kInvalidTextRepresentation, "expected a right parenthesis");
    auto parts = SplitQualifiedName(Trim(text.substr(0, open)));
    std::vector<uint32_t> args;
    std::string inner = text.substr(open + 1, text.size() - open - 2);
    if (!Trim(inner).empty()) {
      // split at commas outside parentheses and quotes ("numeric(10,2)", "\"a,b\"")
      int depth = 0;
      bool quoted = false;
      std::string cur;
      for (char c : inner + ",") {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') depth++;
        if (!quoted && c == ')') depth--;
        if (c == ',' && !quoted && depth == 0) {
          if (Trim(cur).empty()) throw Error(sqlstate::kInvalidTextRepresentation, "expected a type name");
          args.push_back(TypeByName(Trim(cur)));
          cur.clear();
          continue;
        }
        cur += c;
      }
    }
    if (parts.size() == 3) {
      if (parts[0] != database_) throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + text);
      parts.erase(parts.begin());
    }
    return RegprocedureBySignature(*cat_, parts, args, text, path_);
  }

  // format_type's spelling without a type modifier: enums qualified unless visible.
  std::optional<std::string> TypeNameOf(uint32_t oid) const {
    if (FindBuiltinType(oid)) return TypeName(Type(oid));
    if (uint32_t elem = ElementOfArrayOid(oid)) return TypeName(Type(elem)) + "[]";
    for (const auto& [id, e] : cat_->enums()) {
      if (e->type_oid != oid && e->array_oid != oid) continue;
      std::string name = TypeIsVisible(*cat_, e->type_oid, path_) ? QuoteIdent(e->name) : QuoteIdent(e->schema) + "." + QuoteIdent(e->name);
      return e->array_oid == oid ? name + "[]" : name;
    }
    for (const auto& [id, d] : cat_->domains()) {
      if (d->oid != oid && d->array_oid != oid) continue;
      std::string name = TypeIsVisible(*cat_, d->oid, path_) ? QuoteIdent(d->name) : QuoteIdent(d->schema) + "." + QuoteIdent(d->name);
      return d->array_oid == oid ? name + "[]" : name;
    }
    for (const auto& [id, t] : cat_->tables()) {
      if (!t.rowtype_oid || (t.rowtype_oid != oid && t.rowtype_array_oid != oid)) continue;
      std::string name = TypeIsVisible(*cat_, t.rowtype_oid, path_) ? QuoteIdent(t.name) : QuoteIdent(t.schema) + "." + QuoteIdent(t.name);
      return t.rowtype_array_oid == oid ? name + "[]" : name;
    }
    return std::nullopt;
  }

  // A type name as SQL writes it: 'integer', 'int4', 'character varying(10)', 'text[]',
  // '"char"', 'public.mood'. A type modifier is read and dropped, as regtypein does.
  uint32_t TypeByName(const std::string& text) const {
    std::string s = text;
    bool array = false;
    while (s.size() > 2 && s.compare(s.size() - 2, 2, "[]") == 0) {
      array = true;
      s = Trim(s.substr(0, s.size() - 2));
    }
    if (size_t paren = s.find('('); paren != std::string::npos && s.back() == ')') s = Trim(s.substr(0, paren));
    bool quoted_char = s == "\"char\"";
    auto parts = SplitQualifiedName(s);
    std::string name = parts.back();
    std::string schema = parts.size() > 1 ? parts[parts.size() - 2] : "";
    uint32_t found = 0;
    if (schema.empty() || schema == "pg_catalog") {
      if (name == "char" && !quoted_char) name = "bpchar";  // unquoted char is character(1)
      if (auto b = BuiltinTypeByName(name)) found = *b;
      // the pseudo-types by their pg_type names ("any", anycompatiblearray, cstring, ...)
      for (const BuiltinTypeInfo* b : BuiltinTypes())
        if (!found && b->typtype == 'p' && name == b->name) found = b->oid;
      if (!found && name.size() > 1 && name[0] == '_')
        if (auto b = BuiltinTypeByName(name.substr(1))) {
          found = *b;
          array = true;
        }
    }
    if (!found)
      if (auto e = cat_->FindEnum(schema, name, path_)) found = e->type_oid;
    if (!found)
      if (auto d = cat_->FindDomain(schema, name, path_)) return array ? d->array_oid : d->oid;
    if (!found && name.size() > 1 && name[0] == '_')
      if (auto d = cat_->FindDomain(schema, name.substr(1), path_); d && !array) return d->array_oid;
    if (!found)
      if (const TableDef* t = cat_->FindRowType(schema, name, EffectiveSearchPath(*cat_, path_))) return array ? t->rowtype_array_oid : t->rowtype_oid;
    if (!found) throw Error(sqlstate::kUndefinedObject, "type \"" + text + "\" does not exist");
    if (!array) return found;
    for (const auto& [id, e] : cat_->enums())
      if (e->type_oid == found) return e->array_oid;
    uint32_t a = ArrayOidOf(found);
    if (!a) throw Error(sqlstate::kUndefinedObject, "type \"" + text + "\" does not exist");
    return a;
  }

  std::shared_ptr<const Catalog> cat_;
  std::shared_ptr<const ClusterCatalog> cluster_;
  std::vector<std::string> path_;
  std::string database_;
};
}  // namespace

std::shared_ptr<const ObjectNames> MakeObjectNames(std::shared_ptr<const Catalog> cat, std::shared_ptr<const ClusterCatalog> cluster,
                                                   std::vector<std::string> search_path, std::string database) {
  return std::make_shared<CatalogNames>(std::move(cat), std::move(cluster), std::move(search_path), std::move(database));
}

std::optional<uint32_t> FindRelationOid(const Catalog& cat, const std::string& schema, const std::string& name,
                                        const std::vector<std::string>& search_path) {
  if (const SystemRelation* r = ResolveSystemRelation(cat, schema, name, search_path)) return r->oid;
  if (auto rel = cat.FindRelation(schema, name, schema.empty() ? EffectiveSearchPath(cat, search_path) : std::vector<std::string>{}))
    return rel->second;
  return std::nullopt;
}

bool RelationIsVisible(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path) {
  std::string schema, name;
  if (!RelationById(cat, oid, &schema, &name)) return false;
  auto found = FindRelationOid(cat, "", name, search_path);
  return found && *found == oid;
}

bool TypeIsVisible(const Catalog& cat, uint32_t oid, const std::vector<std::string>& search_path) {
  if (FindBuiltinType(oid) || ElementOfArrayOid(oid)) return true;  // pg_catalog comes first
  for (const auto& [id, e] : cat.enums()) {
    if (e->type_oid != oid && e->array_oid != oid) continue;
    auto found = cat.FindEnum("", e->name, EffectiveSearchPath(cat, search_path));
    return found && found->type_oid == e->type_oid;
  }
  for (const auto& [id, d] : cat.domains()) {
    if (d->oid != oid && d->array_oid != oid) continue;
    auto found = cat.FindDomain("", d->name, EffectiveSearchPath(cat, search_path));
    return found && found->oid == d->oid;
  }
  for (const auto& [id, t] : cat.tables()) {
    if (!t.rowtype_oid || (t.rowtype_oid != oid && t.rowtype_array_oid != oid)) continue;
    const TableDef* found = cat.FindRowType("", t.name, EffectiveSearchPath(cat, search_path));
    return found && found->oid == t.oid;
  }
  return false;
}

}  // namespace tusk
