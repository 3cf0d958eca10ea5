// Text search's catalogs: pg_ts_parser, pg_ts_template, pg_ts_dict, pg_ts_config and
// pg_ts_config_map, with PostgreSQL 15's built-in rows (types/tsearch has those objects) and
// the catalog's own (catalog/text_search_def.hpp); and PostgreSQL's comments on the built-in
// ones (pg_description).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/descriptions.hpp"
#include "catalog/system/system_relation.hpp"
#include "catalog/text_search_def.hpp"
#include "execution/exec_state.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_dictionary.hpp"
#include "types/tsearch/ts_template.hpp"

namespace tusk {

namespace {

using catalog_oid::kBootstrapSuperuser;
using catalog_oid::kPgCatalog;

Value TextOrNull(const std::string& s) { return s.empty() ? Value::Null() : Value::Str(s); }

void Register(uint32_t catalog_oid, std::function<void(ExecState&, std::vector<Row>*)> rows) {
  SystemRelation r = ShapedCatalog(catalog_oid);
  r.rows = std::move(rows);
  RegisterSystemRelation(std::move(r));
}

// The language a built-in Snowball object is for: english_stem, english -> english.
std::string Language(const std::string& name) {
  return name.size() > 5 && name.compare(name.size() - 5, 5, "_stem") == 0 ? name.substr(0, name.size() - 5) : name;
}

}  // namespace

std::vector<Description> BuiltinTextSearchDescriptions() {
  std::vector<Description> out;
  const TsParserInfo& p = DefaultTsParser();
  out.push_back({p.oid, class_oid::kPgTsParser, 0, p.description});
  for (const TsTemplate& t : TsTemplates()) out.push_back({t.oid, class_oid::kPgTsTemplate, 0, t.description});
  for (const auto& d : BuiltinTsDictionaries())
    out.push_back({d.oid, class_oid::kPgTsDict, 0,
                   d.template_oid == kTsSimpleTemplateOid ? FindTsTemplate(d.template_oid)->description
                                                          : "snowball stemmer for " + Language(d.name) + " language"});
  for (const TsConfig& c : BuiltinTsConfigs())
    out.push_back({c.oid, class_oid::kPgTsConfig, 0,
                   c.name == "simple" ? "simple configuration" : "configuration for " + c.name + " language"});
  return out;
}

void RegisterTextSearchCatalogs() {
  Register(class_oid::kPgTsParser, [](ExecState&, std::vector<Row>* rows) {
    const TsParserInfo& p = DefaultTsParser();
    rows->push_back({OidValue(p.oid), NameValue(p.name), OidValue(kPgCatalog), OidValue(p.start), OidValue(p.token),
                     OidValue(p.end), OidValue(p.headline), OidValue(p.lextype)});
  });
  Register(class_oid::kPgTsTemplate, [](ExecState&, std::vector<Row>* rows) {
    for (const TsTemplate& t : TsTemplates())
      rows->push_back({OidValue(t.oid), NameValue(t.name), OidValue(kPgCatalog), OidValue(t.init_proc), OidValue(t.lexize_proc)});
  });
  Register(class_oid::kPgTsDict, [](ExecState& st, std::vector<Row>* rows) {
    for (const auto& d : BuiltinTsDictionaries())
      rows->push_back({OidValue(d.oid), NameValue(d.name), OidValue(kPgCatalog), OidValue(kBootstrapSuperuser),
                       OidValue(d.template_oid), TextOrNull(d.init_options)});
    for (const auto& [oid, d] : st.catalog->ts_dictionaries())
      rows->push_back({OidValue(oid), NameValue(d->name), OidValue(NamespaceOid(*st.catalog, d->schema)),
                       OidValue(kBootstrapSuperuser), OidValue(d->template_oid), TextOrNull(FormatTsDictOptions(d->options))});
  });
  Register(class_oid::kPgTsConfig, [](ExecState& st, std::vector<Row>* rows) {
    for (const TsConfig& c : BuiltinTsConfigs())
      rows->push_back({OidValue(c.oid), NameValue(c.name), OidValue(kPgCatalog), OidValue(kBootstrapSuperuser),
                       OidValue(kTsDefaultParserOid)});
    for (const auto& [oid, c] : st.catalog->ts_configs())
      rows->push_back({OidValue(oid), NameValue(c->name), OidValue(NamespaceOid(*st.catalog, c->schema)),
                       OidValue(kBootstrapSuperuser), OidValue(c->parser_oid)});
  });
  Register(3603, [](ExecState& st, std::vector<Row>* rows) {  // pg_ts_config_map
    auto add = [rows](uint32_t config, const std::map<int, std::vector<uint32_t>>& map) {
      for (const auto& [type, dicts] : map)
        for (size_t i = 0; i < dicts.size(); i++)
          rows->push_back({OidValue(config), Value::Int(type), Value::Int(static_cast<int64_t>(i + 1)), OidValue(dicts[i])});
    };
    for (const TsConfig& c : BuiltinTsConfigs()) add(c.oid, TsConfigMapping(c));
    for (const auto& [oid, c] : st.catalog->ts_configs()) add(oid, c->map);
  });
}

}  // namespace tusk
