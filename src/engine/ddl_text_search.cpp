// CREATE / ALTER / DROP TEXT SEARCH DICTIONARY and CONFIGURATION, as PostgreSQL 15's
// tsearchcmds.c does them: a dictionary is a template (simple or snowball) and options, checked
// by making the dictionary; a configuration is the default parser and a map from token types
// to dictionaries. A configuration depends on the dictionaries it maps (DROP ... CASCADE drops
// it). Each change puts a new definition in the transaction's catalog, its runtime part made
// again (and those of the configurations using a changed dictionary).
#include "engine/ddl_text_search.hpp"

#include <algorithm>

#include "catalog/system/catalogs.hpp"
#include "catalog/text_search_def.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/ddl_util.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_lookup.hpp"
#include "types/tsearch/ts_template.hpp"

namespace tusk {

namespace {

constexpr TsObjectKind kConfig = TsObjectKind::kConfig, kDictionary = TsObjectKind::kDictionary;

std::vector<std::string> NamesOf(Node* const* items, size_t n) {
  std::vector<std::string> names;
  for (size_t i = 0; i < n; i++) names.push_back(StrVal(items[i]));
  return names;
}

// An any_name: a list of strings, or one.
std::vector<std::string> NamesOf(Node* object) {
  if (object->node_case == PG_QUERY__NODE__NODE_LIST) return NamesOf(object->list->items, object->list->n_items);
  return {StrVal(object)};
}

TsNameScope ScopeOf(ExecState* st) { return {st->catalog.get(), st->session->SearchPath(), st->session->database()}; }

std::optional<TsObjectKind> KindOf(PgQuery__ObjectType type) {
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION) return kConfig;
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY) return kDictionary;
  return std::nullopt;
}

bool IsParserOrTemplate(PgQuery__ObjectType type) {
  return type == PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER || type == PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE;
}

[[noreturn]] void NoParsersOrTemplates(const char* verb) {
  throw Error(sqlstate::kFeatureNotSupported, std::string(verb) + " of text search parsers and templates is not supported")
      .WithDetail("Tusk has PostgreSQL's default parser and the simple and snowball templates only.");
}

// The kind of object a statement names: a dictionary or configuration; nullopt for others;
// parsers and templates refused.
std::optional<TsObjectKind> TextSearchKind(PgQuery__ObjectType type, const char* verb) {
  if (IsParserOrTemplate(type)) NoParsersOrTemplates(verb);
  return KindOf(type);
}

const char* KindKeyword(TsObjectKind kind) { return kind == kConfig ? "CONFIGURATION" : "DICTIONARY"; }

// How PostgreSQL's messages name an object: its name, schema-qualified unless visible.
std::string Described(TsObjectKind kind, uint32_t oid, const TsNameScope& scope) {
  return std::string(TsObjectWords(kind)) + " " + TsObjectName(kind, oid, scope).value_or(std::to_string(oid));
}

bool IsBuiltin(uint32_t oid) { return oid < oid::kFirstUserOid; }

[[noreturn]] void BuiltinUnchangeable(TsObjectKind kind, uint32_t oid, const TsNameScope& scope) {
  throw Error(sqlstate::kFeatureNotSupported, "changing the built-in " + Described(kind, oid, scope) + " is not supported")
      .WithHint("Make a copy with CREATE TEXT SEARCH " + std::string(KindKeyword(kind)) + " and change that.");
}

// The user object a name finds, with PostgreSQL's errors; a built-in one is refused.
uint32_t UserObject(TsObjectKind kind, const std::vector<std::string>& names, const TsNameScope& scope) {
  uint32_t oid = LookupTsObject(kind, names, scope);
  if (IsBuiltin(oid)) BuiltinUnchangeable(kind, oid, scope);
  return oid;
}

// A text search parser or template: pg_catalog's only (defGetQualifiedName's name, found as
// get_ts_parser_oid / get_ts_template_oid find it); 0 when none has the name.
template <typename Find>
uint32_t CatalogOnlyObject(const std::vector<std::string>& names, const char* words, const TsNameScope& scope, Find find) {
  if (names.size() > 3) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + Join(names, "."));
  if (names.size() == 3 && names[0] != scope.database)
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + Join(names, "."));
  if (names.size() >= 2) {
    const std::string& schema = names[names.size() - 2];
    if (schema != "pg_catalog" && !(scope.catalog && scope.catalog->FindSchema(schema)))
      throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
    if (schema != "pg_catalog") throw Error(sqlstate::kUndefinedObject, std::string(words) + " \"" + Join(names, ".") + "\" does not exist");
  }
  uint32_t oid = find(names.back());
  if (!oid) throw Error(sqlstate::kUndefinedObject, std::string(words) + " \"" + Join(names, ".") + "\" does not exist");
  return oid;
}

// A DefElem's value as PostgreSQL's defGetString reads it; nullopt when none was written.
std::optional<std::string> DefString(PgQuery__DefElem* d, bool* number) {
  *number = false;
  Node* a = d->arg;
  if (!a) return std::nullopt;
  switch (a->node_case) {
    case PG_QUERY__NODE__NODE_INTEGER: *number = true; return std::to_string(a->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT: *number = true; return std::string(a->float_->fval ? a->float_->fval : "");
    case PG_QUERY__NODE__NODE_BOOLEAN: return std::string(a->boolean->boolval ? "true" : "false");
    case PG_QUERY__NODE__NODE_STRING: return StrVal(a);
    case PG_QUERY__NODE__NODE_TYPE_NAME: {
      std::string s = Join(NamesOf(a->type_name->names, a->type_name->n_names), ".");
      for (size_t i = 0; i < a->type_name->n_array_bounds; i++) s += "[]";
      return s;
    }
    case PG_QUERY__NODE__NODE_LIST: return Join(NamesOf(a), ".");
    case PG_QUERY__NODE__NODE_A_STAR: return std::string("*");
    default: throw Error(sqlstate::kSyntaxError, std::string(d->defname) + " requires a parameter");
  }
}

// defGetQualifiedName: a name, possibly qualified.
std::vector<std::string> DefQualifiedName(PgQuery__DefElem* d) {
  Node* a = d->arg;
  if (!a) throw Error(sqlstate::kSyntaxError, std::string(d->defname) + " requires a parameter");
  if (a->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) return NamesOf(a->type_name->names, a->type_name->n_names);
  if (a->node_case == PG_QUERY__NODE__NODE_LIST) return NamesOf(a);
  if (a->node_case == PG_QUERY__NODE__NODE_STRING) return {StrVal(a)};
  throw Error(sqlstate::kSyntaxError, "argument of " + std::string(d->defname) + " must be a name");
}

std::vector<TsDictOption> DictOptions(Node* const* items, size_t n) {
  std::vector<TsDictOption> out;
  for (size_t i = 0; i < n; i++) {
    PgQuery__DefElem* d = items[i]->def_elem;
    TsDictOption o;
    o.name = d->defname;
    o.value = DefString(d, &o.number);
    out.push_back(std::move(o));
  }
  return out;
}

// The schema a new object goes to and its name (QualifiedNameGetCreationNamespace).
std::pair<std::string, std::string> CreationName(ExecState* st, const std::vector<std::string>& names) {
  if (names.size() > 3) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + Join(names, "."));
  if (names.size() == 3 && names[0] != st->session->database())
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + Join(names, "."));
  std::string schema = CreationSchema(st, names.size() > 1 ? names[names.size() - 2].c_str() : nullptr);
  return {schema, names.back()};
}

bool Taken(TsObjectKind kind, const std::string& schema, const std::string& name, const TsNameScope& scope) {
  return FindTsObject(kind, {schema, name}, scope).oid != 0;
}

// PostgreSQL reports a second object of a name in a schema as its catalog's unique index does.
void CheckNewName(TsObjectKind kind, const Catalog& cat, const std::string& schema, const std::string& name, const TsNameScope& scope) {
  if (!Taken(kind, schema, name, scope)) return;
  const bool config = kind == kConfig;
  throw Error(sqlstate::kUniqueViolation, std::string("duplicate key value violates unique constraint \"") +
                                              (config ? "pg_ts_config_cfgname_index" : "pg_ts_dict_dictname_index") + "\"")
      .WithDetail(std::string("Key (") + (config ? "cfgname, cfgnamespace" : "dictname, dictnamespace") + ")=(" + name + ", " +
                  std::to_string(NamespaceOid(cat, schema)) + ") already exists.");
}

// RENAME and SET SCHEMA: the name taken in the schema already (42710).
void CheckFreeName(TsObjectKind kind, const std::string& schema, const std::string& name, const TsNameScope& scope) {
  if (Taken(kind, schema, name, scope))
    throw Error(sqlstate::kDuplicateObject, std::string(TsObjectWords(kind)) + " \"" + name + "\" already exists in schema \"" + schema + "\"");
}

void PutConfig(Catalog* cat, std::shared_ptr<TsConfigDef> c) {
  c->config = BuildTsConfig(*c, *cat);
  const uint32_t oid = c->oid;  // read before the pointer moves
  cat->PutTsConfig(oid, std::move(c));
}

// Puts a changed dictionary in place, its runtime made again, and remakes the configurations
// that map it.
void PutDictionary(Catalog* cat, std::shared_ptr<TsDictionaryDef> d) {
  d->dictionary = BuildTsDictionary(*d);
  const uint32_t oid = d->oid;
  cat->PutTsDictionary(oid, std::move(d));
  std::vector<std::shared_ptr<TsConfigDef>> users;
  for (const auto& [c, cfg] : cat->ts_configs())
    for (const auto& [type, dicts] : cfg->map)
      if (std::find(dicts.begin(), dicts.end(), oid) != dicts.end()) {
        users.push_back(std::make_shared<TsConfigDef>(*cfg));
        break;
      }
  for (auto& cfg : users) PutConfig(cat, std::move(cfg));
}

// RENAME and SET SCHEMA: the object under its new schema and name (42710 when taken).
void PutRenamed(Catalog* cat, TsObjectKind kind, uint32_t oid, const std::string& schema, const std::string& name,
                const TsNameScope& scope) {
  CheckFreeName(kind, schema, name, scope);
  if (kind == kDictionary) {
    auto d = std::make_shared<TsDictionaryDef>(*cat->ts_dictionaries().at(oid));
    d->schema = schema;
    d->name = name;
    PutDictionary(cat, std::move(d));
  } else {
    auto c = std::make_shared<TsConfigDef>(*cat->ts_configs().at(oid));
    c->schema = schema;
    c->name = name;
    PutConfig(cat, std::move(c));
  }
}

void CreateDictionary(PgQuery__DefineStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  auto [schema, name] = CreationName(st, NamesOf(stmt->defnames, stmt->n_defnames));
  const TsTemplate* templ = nullptr;
  std::vector<Node*> options;
  for (size_t i = 0; i < stmt->n_definition; i++) {
    PgQuery__DefElem* d = stmt->definition[i]->def_elem;
    if (std::string(d->defname) == "template") {
      uint32_t oid = CatalogOnlyObject(DefQualifiedName(d), "text search template", scope, [](const std::string& n) {
        const TsTemplate* t = FindTsTemplate(n);
        return t ? t->oid : 0u;
      });
      templ = FindTsTemplate(oid);
    } else {
      options.push_back(stmt->definition[i]);
    }
  }
  if (!templ) throw Error(sqlstate::kInvalidObjectDefinition, "text search template is required");
  auto d = std::make_shared<TsDictionaryDef>();
  d->schema = schema;
  d->name = name;
  d->template_oid = templ->oid;
  d->options = DictOptions(options.data(), options.size());
  BuildTsDictionary(*d);  // the template's checks (verify_dictoptions)
  for (const auto& o : d->options)  // kept as text (serialize_deflist): each needs a value
    if (!o.value) throw Error(sqlstate::kSyntaxError, o.name + " requires a parameter");
  CheckNewName(kDictionary, *cat, schema, name, scope);
  d->oid = cat->AllocateOid();
  PutDictionary(cat, std::move(d));
  sink->Complete("CREATE TEXT SEARCH DICTIONARY");
}

void CreateConfiguration(PgQuery__DefineStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  auto [schema, name] = CreationName(st, NamesOf(stmt->defnames, stmt->n_defnames));
  uint32_t parser = 0, source = 0;
  for (size_t i = 0; i < stmt->n_definition; i++) {
    PgQuery__DefElem* d = stmt->definition[i]->def_elem;
    std::string option = d->defname;
    if (option == "parser")
      parser = CatalogOnlyObject(DefQualifiedName(d), "text search parser", scope,
                                 [](const std::string& n) { return n == DefaultTsParser().name ? DefaultTsParser().oid : 0u; });
    else if (option == "copy")
      source = LookupTsObject(kConfig, DefQualifiedName(d), scope);
    else
      throw Error(sqlstate::kSyntaxError, "text search configuration parameter \"" + option + "\" not recognized");
  }
  if (parser && source) throw Error(sqlstate::kSyntaxError, "cannot specify both PARSER and COPY options");
  auto c = std::make_shared<TsConfigDef>();
  if (source) {
    c->map = TsConfigMapping(*FindTsConfig(cat, source));
    parser = kTsDefaultParserOid;  // every configuration's: Tusk has one parser
  }
  if (!parser) throw Error(sqlstate::kInvalidObjectDefinition, "text search parser is required");
  CheckNewName(kConfig, *cat, schema, name, scope);
  c->oid = cat->AllocateOid();
  c->schema = schema;
  c->name = name;
  c->parser_oid = parser;
  PutConfig(cat, std::move(c));
  sink->Complete("CREATE TEXT SEARCH CONFIGURATION");
}

void AlterDictionary(PgQuery__AlterTSDictionaryStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  uint32_t oid = UserObject(kDictionary, NamesOf(stmt->dictname, stmt->n_dictname), scope);
  auto d = std::make_shared<TsDictionaryDef>(*cat->ts_dictionaries().at(oid));
  // Each option given replaces the one of its name, at the end; one without a value removes it.
  for (const TsDictOption& o : DictOptions(stmt->options, stmt->n_options)) {
    std::erase_if(d->options, [&](const TsDictOption& old) { return old.name == o.name; });
    if (o.value) d->options.push_back(o);
  }
  PutDictionary(cat, std::move(d));
  sink->Complete("ALTER TEXT SEARCH DICTIONARY");
}

// Token type names to the parser's ids, each once, in the order given (getTokenTypes).
std::vector<std::pair<int, std::string>> TokenTypes(Node* const* items, size_t n) {
  std::vector<std::pair<int, std::string>> out;
  for (const std::string& name : NamesOf(items, n)) {
    if (std::any_of(out.begin(), out.end(), [&](const auto& t) { return t.second == name; })) continue;
    int id = 0;
    for (const auto& t : DefaultTokenTypes())
      if (name == t.alias) id = t.id;
    if (!id) throw Error(sqlstate::kInvalidParameterValue, "token type \"" + name + "\" does not exist");
    out.emplace_back(id, name);
  }
  return out;
}

void AlterConfiguration(PgQuery__AlterTSConfigurationStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  const std::vector<std::string> names = NamesOf(stmt->cfgname, stmt->n_cfgname);
  TsFound found = FindTsObject(kConfig, names, scope);  // a missing schema is a missing configuration here
  if (!found.oid) throw Error(sqlstate::kUndefinedObject, "text search configuration \"" + Join(names, ".") + "\" does not exist");
  if (IsBuiltin(found.oid)) BuiltinUnchangeable(kConfig, found.oid, scope);
  auto c = std::make_shared<TsConfigDef>(*cat->ts_configs().at(found.oid));
  const auto tokens = TokenTypes(stmt->tokentype, stmt->n_tokentype);
  if (stmt->n_dicts > 0) {  // ADD / ALTER MAPPING
    if (stmt->override)
      for (const auto& t : tokens) c->map.erase(t.first);
    std::vector<uint32_t> dicts;
    for (size_t i = 0; i < stmt->n_dicts; i++) dicts.push_back(LookupTsObject(kDictionary, NamesOf(stmt->dicts[i]), scope));
    if (stmt->replace) {  // ... REPLACE old WITH new, for the token types given or all
      for (auto& entry : c->map) {
        const auto type = entry.first;  // clang 14 cannot capture a structured binding in a lambda
        if (!tokens.empty() && std::none_of(tokens.begin(), tokens.end(), [&](const auto& t) { return t.first == type; })) continue;
        std::replace(entry.second.begin(), entry.second.end(), dicts[0], dicts[1]);
      }
    } else {
      for (const auto& t : tokens) {
        std::vector<uint32_t>& mapped = c->map[t.first];
        if (!mapped.empty())  // its first place is taken, as pg_ts_config_map's unique index reports
          throw Error(sqlstate::kUniqueViolation, "duplicate key value violates unique constraint \"pg_ts_config_map_index\"")
              .WithDetail("Key (mapcfg, maptokentype, mapseqno)=(" + std::to_string(c->oid) + ", " + std::to_string(t.first) +
                          ", 1) already exists.");
        mapped = dicts;
      }
    }
  } else {  // DROP MAPPING [IF EXISTS] FOR ...
    for (const auto& t : tokens) {
      if (c->map.erase(t.first)) continue;
      if (!stmt->missing_ok) throw Error(sqlstate::kUndefinedObject, "mapping for token type \"" + t.second + "\" does not exist");
      Notice(sink, "mapping for token type \"" + t.second + "\" does not exist, skipping");
    }
  }
  PutConfig(cat, std::move(c));
  sink->Complete("ALTER TEXT SEARCH CONFIGURATION");
}

void SetSchema(TsObjectKind kind, PgQuery__AlterObjectSchemaStmt* stmt, ExecState* st, ResultSink* sink) {
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  const std::vector<std::string> names = NamesOf(stmt->object);
  TsFound found = FindTsObject(kind, names, scope);
  if (!found.oid && stmt->missing_ok) {
    Notice(sink, std::string(TsObjectWords(kind)) + " \"" + Join(names, ".") + "\" does not exist, skipping");
    sink->Complete(std::string("ALTER TEXT SEARCH ") + KindKeyword(kind));
    return;
  }
  uint32_t oid = UserObject(kind, names, scope);
  const std::string schema = stmt->newschema;
  if (!cat->FindSchema(schema)) throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
  std::string old_schema, name;
  TsObjectById(kind, cat, oid, &old_schema, &name);
  if (old_schema != schema) PutRenamed(cat, kind, oid, schema, name, scope);  // the same schema: nothing to do
  sink->Complete(std::string("ALTER TEXT SEARCH ") + KindKeyword(kind));
}

// DROP of one object (its name already resolved); a dictionary's configurations go with it
// under CASCADE.
void DropOne(TsObjectKind kind, uint32_t oid, bool cascade, Catalog* cat, const TsNameScope& scope, ResultSink* sink) {
  const std::string shown = Described(kind, oid, scope);
  if (oid < 12000)  // initdb's pinned objects (simple): PostgreSQL refuses too
    throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop " + shown + " because it is required by the database system");
  if (IsBuiltin(oid))
    throw Error(sqlstate::kFeatureNotSupported, "dropping the built-in " + shown + " is not supported");
  if (kind == kConfig) {
    cat->DropTsConfig(oid);
    return;
  }
  std::vector<uint32_t> users;
  for (const auto& [c, cfg] : cat->ts_configs())
    for (const auto& [type, dicts] : cfg->map)
      if (std::find(dicts.begin(), dicts.end(), oid) != dicts.end()) {
        users.push_back(c);
        break;
      }
  std::vector<std::string> depends, cascades;
  for (uint32_t c : users) {
    depends.push_back(Described(kConfig, c, scope) + " depends on " + shown);
    cascades.push_back("drop cascades to " + Described(kConfig, c, scope));
  }
  if (!users.empty() && !cascade)
    throw Error(sqlstate::kDependentObjectsStillExist, "cannot drop " + shown + " because other objects depend on it")
        .WithDetail(Join(depends, "\n"))
        .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
  if (users.size() == 1) Notice(sink, cascades[0]);
  if (users.size() > 1)
    sink->SendNotice({"NOTICE", sqlstate::kSuccessfulCompletion, "drop cascades to " + std::to_string(users.size()) + " other objects",
                      Join(cascades, "\n")});
  for (uint32_t c : users) cat->DropTsConfig(c);
  cat->DropTsDictionary(oid);
}

}  // namespace

bool ExecuteTextSearchDdl(Node* stmt, ExecState* st, ResultSink* sink) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_DEFINE_STMT: {
      PgQuery__DefineStmt* d = stmt->define_stmt;
      if (d->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY) CreateDictionary(d, st, sink);
      else if (d->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION) CreateConfiguration(d, st, sink);
      else if (IsParserOrTemplate(d->kind)) NoParsersOrTemplates("CREATE");
      else return false;
      return true;
    }
    case PG_QUERY__NODE__NODE_ALTER_TSDICTIONARY_STMT: AlterDictionary(stmt->alter_tsdictionary_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_TSCONFIGURATION_STMT: AlterConfiguration(stmt->alter_tsconfiguration_stmt, st, sink); return true;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
      PgQuery__AlterObjectSchemaStmt* s = stmt->alter_object_schema_stmt;
      std::optional<TsObjectKind> kind = TextSearchKind(s->object_type, "ALTER");
      if (!kind) return false;
      SetSchema(*kind, s, st, sink);
      return true;
    }
    default: return false;
  }
}

bool DropTextSearchObjects(PgQuery__DropStmt* stmt, ExecState* st, ResultSink* sink) {
  std::optional<TsObjectKind> kind = TextSearchKind(stmt->remove_type, "DROP");
  if (!kind) return false;
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  for (size_t i = 0; i < stmt->n_objects; i++) {
    const std::vector<std::string> names = NamesOf(stmt->objects[i]);
    TsFound found = FindTsObject(*kind, names, scope);
    if (!found.missing_schema.empty()) {
      if (!stmt->missing_ok) throw Error(sqlstate::kUndefinedSchema, "schema \"" + found.missing_schema + "\" does not exist");
      Notice(sink, "schema \"" + found.missing_schema + "\" does not exist, skipping");
      continue;
    }
    if (!found.oid) {
      const std::string what = std::string(TsObjectWords(*kind)) + " \"" + Join(names, ".") + "\" does not exist";
      if (!stmt->missing_ok) throw Error(sqlstate::kUndefinedObject, what);
      Notice(sink, what + ", skipping");
      continue;
    }
    DropOne(*kind, found.oid, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE, cat, scope, sink);
  }
  sink->Complete(std::string("DROP TEXT SEARCH ") + KindKeyword(*kind));
  return true;
}

bool RenameTextSearchObject(PgQuery__RenameStmt* stmt, ExecState* st, ResultSink* sink) {
  std::optional<TsObjectKind> kind = TextSearchKind(stmt->rename_type, "ALTER");
  if (!kind) return false;
  Catalog* cat = st->session->MutableCatalog(st);
  const TsNameScope scope = ScopeOf(st);
  uint32_t oid = UserObject(*kind, NamesOf(stmt->object), scope);
  std::string schema, name;
  TsObjectById(*kind, cat, oid, &schema, &name);
  PutRenamed(cat, *kind, oid, schema, stmt->newname, scope);
  sink->Complete(std::string("ALTER TEXT SEARCH ") + KindKeyword(*kind));
  return true;
}

bool AlterTextSearchOwner(PgQuery__AlterOwnerStmt* stmt, ExecState* st, ResultSink* sink) {
  std::optional<TsObjectKind> kind = TextSearchKind(stmt->object_type, "ALTER");
  if (!kind) return false;
  const RoleDef owner = ResolveNewOwner(st, stmt->newowner);
  const TsNameScope scope = ScopeOf(st);
  uint32_t oid = LookupTsObject(*kind, NamesOf(stmt->object), scope);
  RequireBootstrapOwner(owner, Described(*kind, oid, scope));
  sink->Complete(std::string("ALTER TEXT SEARCH ") + KindKeyword(*kind));
  return true;
}

bool TextSearchCommentKey(PgQuery__CommentStmt* stmt, ExecState* st, Catalog::CommentKey* key) {
  std::optional<TsObjectKind> kind = TextSearchKind(stmt->objtype, "COMMENT ON");
  if (!kind) return false;
  uint32_t oid = UserObject(*kind, NamesOf(stmt->object), ScopeOf(st));
  *key = {*kind == kConfig ? class_oid::kPgTsConfig : class_oid::kPgTsDict, oid, 0};
  return true;
}

bool SchemaHasTextSearchObjects(const Catalog& cat, const std::string& schema) {
  for (const auto& [oid, d] : cat.ts_dictionaries())
    if (d->schema == schema) return true;
  for (const auto& [oid, c] : cat.ts_configs())
    if (c->schema == schema) return true;
  return false;
}

}  // namespace tusk
