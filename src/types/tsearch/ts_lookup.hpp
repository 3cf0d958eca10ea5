// Text search configurations and dictionaries by OID and by name: the built-in ones (all in
// pg_catalog) and those a database's catalog has (catalog/text_search_def.hpp). The one place
// the functions (through ts_session.hpp), regconfig and regdictionary (3734, 3769), the
// default_text_search_config setting, the pg_ts_* catalogs and DDL find them. A null catalog
// has the built-in ones only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_dictionary.hpp"

namespace tusk {

class Catalog;

const TsConfig* FindTsConfig(const Catalog* cat, uint32_t oid);
const TsDictionary* FindTsDictionary(const Catalog* cat, uint32_t oid);

enum class TsObjectKind { kConfig, kDictionary };

// Where a name is read: the catalog, the session's search_path and database (a three-part
// name must begin with it).
struct TsNameScope {
  const Catalog* catalog = nullptr;
  std::vector<std::string> search_path;
  std::string database;
};

// What a name (split, as DDL's any_name gives it) finds: the OID (0: nothing), or the schema
// it names that does not exist. Throws for a name of more than three parts (42601) or of
// another database (0A000).
struct TsFound {
  uint32_t oid = 0;
  std::string missing_schema;  // set when the name's schema does not exist
};
TsFound FindTsObject(TsObjectKind kind, const std::vector<std::string>& names, const TsNameScope& scope);
// The same, with PostgreSQL's errors when it finds nothing (3F000, 42704).
uint32_t LookupTsObject(TsObjectKind kind, const std::vector<std::string>& names, const TsNameScope& scope);

// regconfig's and regdictionary's text input: a number is an OID as it is, "-" is 0, anything
// else a name as PostgreSQL's stringToQualifiedNameList splits it ("english",
// "pg_catalog.simple", "\"My dict\""), with its errors (42602, 42601, 0A000, 3F000, 42704).
uint32_t ParseTsObjectName(TsObjectKind kind, std::string_view text, const TsNameScope& scope);
// A name split as regconfig's input splits it (errors 42602).
std::vector<std::string> SplitTsObjectName(std::string_view text);
// Their output: the name, schema-qualified when the search path does not find it unqualified;
// nullopt when nothing has the OID (printed as the number; 0 prints "-").
std::optional<std::string> TsObjectName(TsObjectKind kind, uint32_t oid, const TsNameScope& scope);
// The schema and name of an object; false when nothing has the OID.
bool TsObjectById(TsObjectKind kind, const Catalog* cat, uint32_t oid, std::string* schema, std::string* name);
// Whether the search path finds the object by its unqualified name (pg_ts_config_is_visible).
bool TsObjectIsVisible(TsObjectKind kind, uint32_t oid, const TsNameScope& scope);
// "text search configuration" / "text search dictionary", as messages name the kind.
const char* TsObjectWords(TsObjectKind kind);

}  // namespace tusk
