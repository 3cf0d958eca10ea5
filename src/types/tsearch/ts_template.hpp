// Text search templates (pg_ts_template) and the parser (pg_ts_parser): PostgreSQL 15's, with
// its OIDs. A dictionary is made from a template and options; Tusk makes those of `simple`
// and `snowball`, and knows the others (ispell, synonym, thesaurus) by name only, to refuse
// them clearly (0A000). The one parser is PostgreSQL's default (default_parser.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tusk {

class TsDictionary;
struct TsDictOption;

inline constexpr uint32_t kTsSimpleTemplateOid = 3727, kTsSnowballTemplateOid = 13150;
// Where PostgreSQL (Debian's postgresql-15) reads stop-word files: messages name it.
inline constexpr const char* kTsearchDataDir = "/usr/share/postgresql/15/tsearch_data/";

struct TsTemplate {
  uint32_t oid;
  const char* name;
  uint32_t init_proc, lexize_proc;  // pg_ts_template.tmplinit, tmpllexize (pg_proc OIDs)
  const char* description;
  // Makes a dictionary from options, with the template's errors; null: not supported in Tusk.
  std::shared_ptr<const TsDictionary> (*make)(const std::vector<TsDictOption>& options);
};
const std::vector<TsTemplate>& TsTemplates();  // in OID order
const TsTemplate* FindTsTemplate(uint32_t oid);
const TsTemplate* FindTsTemplate(const std::string& name);
// A dictionary of the template: the template's errors, or 0A000 for one Tusk cannot run.
std::shared_ptr<const TsDictionary> MakeTsDictionary(const TsTemplate& t, const std::vector<TsDictOption>& options);

struct TsParserInfo {
  uint32_t oid;
  const char* name;
  uint32_t start, token, end, headline, lextype;  // pg_proc OIDs of its methods
  const char* description;
};
const TsParserInfo& DefaultTsParser();

}  // namespace tusk
