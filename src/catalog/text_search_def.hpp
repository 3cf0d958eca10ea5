// Text search dictionaries and configurations users make (CREATE TEXT SEARCH DICTIONARY /
// CONFIGURATION), as a database's Catalog keeps them. Each is immutable once made and shared
// (std::shared_ptr<const ...>): DDL puts a changed copy in place. Beside what pg_ts_dict,
// pg_ts_config and pg_ts_config_map list, each holds what parsing uses (made by Build* below
// when the object is made or changed, or the catalog is read), so that finding one costs a
// map search.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tusk {

class TsDictionary;
struct TsConfig;
class Catalog;
struct CatalogWriter;
struct CatalogReader;

inline constexpr uint32_t kTsDefaultParserOid = 3722;

// One option of a dictionary (pg_ts_dict.dictinitoption lists them as "name = 'value', ...").
struct TsDictOption {
  std::string name;
  std::optional<std::string> value;  // none: written without one (kept options always have one)
  bool number = false;  // written as a number (accept = 0): printed without quotes
};
// The options as pg_ts_dict.dictinitoption shows them: "language = 'english', accept = 0".
std::string FormatTsDictOptions(const std::vector<TsDictOption>& options);

struct TsDictionaryDef {
  uint32_t oid = 0;
  std::string schema, name;
  uint32_t template_oid = 0;               // pg_ts_template: simple or snowball
  std::vector<TsDictOption> options;        // in the order given (ALTER appends)
  std::shared_ptr<const TsDictionary> dictionary;  // what Lexize runs
};

struct TsConfigDef {
  uint32_t oid = 0;
  std::string schema, name;
  uint32_t parser_oid = kTsDefaultParserOid;
  std::map<int, std::vector<uint32_t>> map;  // token type -> dictionaries, in mapseqno order
  std::shared_ptr<const TsConfig> config;    // the map with its dictionaries resolved
};

// The runtime parts: a dictionary made from its template and options (with the template's
// errors: CREATE and ALTER check options by making one), a configuration's map with its
// dictionaries found in `cat` (built-in or the catalog's).
std::shared_ptr<const TsDictionary> BuildTsDictionary(const TsDictionaryDef& d);
std::shared_ptr<const TsConfig> BuildTsConfig(const TsConfigDef& c, const Catalog& cat);

// Format 18 of the catalog: the dictionaries, then the configurations (catalog.cpp calls these
// last). Reading makes each object's runtime part again.
void WriteTextSearchObjects(CatalogWriter& w, const Catalog& c);
void ReadTextSearchObjects(CatalogReader& r, Catalog* c);

}  // namespace tusk
