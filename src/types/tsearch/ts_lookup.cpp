#include "types/tsearch/ts_lookup.hpp"

#include <algorithm>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/system/system_relation.hpp"
#include "catalog/text_search_def.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"

namespace tusk {

namespace {

bool Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// At most 63 bytes, not cutting a UTF-8 character (NAMEDATALEN).
std::string Truncated(std::string s) {
  if (s.size() <= 63) return s;
  size_t n = 63;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) n--;
  return s.substr(0, n);
}

[[noreturn]] void BadName() { throw Error(sqlstate::kInvalidName, "invalid name syntax"); }

// The dot-separated identifiers of a name (SplitIdentifierString): "quoted" ones as written (a
// doubled quote for one), others folded to lower case (ASCII letters); blanks around them.
std::vector<std::string> SplitName(std::string_view s) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < s.size() && Space(s[i])) i++;
  if (i == s.size()) BadName();
  for (;;) {
    std::string part;
    if (s[i] == '"') {
      for (i++;; i++) {
        if (i == s.size()) BadName();
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') i++;
          else break;
        }
        part += s[i];
      }
      i++;
    } else {
      size_t start = i;
      while (i < s.size() && s[i] != '.' && !Space(s[i])) {
        char c = s[i++];
        part += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
      if (i == start) BadName();
    }
    parts.push_back(Truncated(std::move(part)));
    while (i < s.size() && Space(s[i])) i++;
    if (i == s.size()) return parts;
    if (s[i] != '.') BadName();
    for (i++; i < s.size() && Space(s[i]);) i++;
    if (i == s.size()) BadName();
  }
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); i++) out += (i ? "." : "") + parts[i];
  return out;
}


// Every object of the kind, built-in ones first: OID, schema, name.
template <typename F>
void ForEachTsObject(TsObjectKind kind, const Catalog* cat, F&& f) {
  if (kind == TsObjectKind::kConfig) {
    for (const TsConfig& c : BuiltinTsConfigs()) f(c.oid, std::string("pg_catalog"), c.name);
    if (cat)
      for (const auto& [oid, c] : cat->ts_configs()) f(oid, c->schema, c->name);
  } else {
    for (const auto& d : BuiltinTsDictionaries()) f(d.oid, std::string("pg_catalog"), std::string(d.name));
    if (cat)
      for (const auto& [oid, d] : cat->ts_dictionaries()) f(oid, d->schema, d->name);
  }
}

uint32_t FindInSchema(TsObjectKind kind, const Catalog* cat, const std::string& schema, const std::string& name) {
  uint32_t found = 0;
  ForEachTsObject(kind, cat, [&](uint32_t oid, const std::string& s, const std::string& n) {
    if (!found && s == schema && n == name) found = oid;
  });
  return found;
}

bool SchemaExists(const Catalog* cat, const std::string& schema) {
  return schema == "pg_catalog" || (cat ? cat->FindSchema(schema) != nullptr : schema == "public");
}

std::vector<std::string> PathOf(const TsNameScope& scope) {
  if (scope.catalog) return EffectiveSearchPath(*scope.catalog, scope.search_path);
  std::vector<std::string> path{"pg_catalog"};
  for (const auto& s : scope.search_path)
    if (s == "public" && std::find(path.begin(), path.end(), s) == path.end()) path.push_back(s);
  return path;
}

}  // namespace

const TsConfig* FindTsConfig(const Catalog* cat, uint32_t oid) {
  if (const TsConfig* c = FindBuiltinTsConfig(oid)) return c;
  if (!cat) return nullptr;
  auto it = cat->ts_configs().find(oid);
  return it == cat->ts_configs().end() ? nullptr : it->second->config.get();
}

const TsDictionary* FindTsDictionary(const Catalog* cat, uint32_t oid) {
  if (const TsDictionary* d = FindBuiltinTsDictionary(oid)) return d;
  if (!cat) return nullptr;
  auto it = cat->ts_dictionaries().find(oid);
  return it == cat->ts_dictionaries().end() ? nullptr : it->second->dictionary.get();
}

const char* TsObjectWords(TsObjectKind kind) {
  return kind == TsObjectKind::kConfig ? "text search configuration" : "text search dictionary";
}

TsFound FindTsObject(TsObjectKind kind, const std::vector<std::string>& names, const TsNameScope& scope) {
  if (names.size() > 3) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + Joined(names));
  if (names.size() == 3 && names[0] != scope.database)
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + Joined(names));
  TsFound found;
  if (names.size() >= 2) {
    const std::string& schema = names[names.size() - 2];
    if (!SchemaExists(scope.catalog, schema)) found.missing_schema = schema;
    else found.oid = FindInSchema(kind, scope.catalog, schema, names.back());
    return found;
  }
  for (const auto& schema : PathOf(scope))
    if ((found.oid = FindInSchema(kind, scope.catalog, schema, names.back()))) break;
  return found;
}

uint32_t LookupTsObject(TsObjectKind kind, const std::vector<std::string>& names, const TsNameScope& scope) {
  TsFound found = FindTsObject(kind, names, scope);
  if (!found.missing_schema.empty()) throw Error(sqlstate::kUndefinedSchema, "schema \"" + found.missing_schema + "\" does not exist");
  if (!found.oid) throw Error(sqlstate::kUndefinedObject, std::string(TsObjectWords(kind)) + " \"" + Joined(names) + "\" does not exist");
  return found.oid;
}

uint32_t ParseTsObjectName(TsObjectKind kind, std::string_view text, const TsNameScope& scope) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos && text.size() <= 10)
    return static_cast<uint32_t>(std::stoull(std::string(text)));  // an OID as it is
  if (text == "-") return 0;
  return LookupTsObject(kind, SplitName(text), scope);
}

std::vector<std::string> SplitTsObjectName(std::string_view text) { return SplitName(text); }

bool TsObjectById(TsObjectKind kind, const Catalog* cat, uint32_t oid, std::string* schema, std::string* name) {
  bool found = false;
  ForEachTsObject(kind, cat, [&](uint32_t o, const std::string& s, const std::string& n) {
    if (found || o != oid) return;
    *schema = s;
    *name = n;
    found = true;
  });
  return found;
}

bool TsObjectIsVisible(TsObjectKind kind, uint32_t oid, const TsNameScope& scope) {
  std::string schema, name;
  if (!TsObjectById(kind, scope.catalog, oid, &schema, &name)) return false;
  for (const auto& s : PathOf(scope))
    if (uint32_t found = FindInSchema(kind, scope.catalog, s, name)) return found == oid;
  return false;
}

std::optional<std::string> TsObjectName(TsObjectKind kind, uint32_t oid, const TsNameScope& scope) {
  std::string schema, name;
  if (!TsObjectById(kind, scope.catalog, oid, &schema, &name)) return std::nullopt;
  if (TsObjectIsVisible(kind, oid, scope)) return QuoteIdent(name);
  return QuoteIdent(schema) + "." + QuoteIdent(name);
}

}  // namespace tusk
