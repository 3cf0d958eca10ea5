#include "catalog/text_search_def.hpp"

#include "catalog/catalog.hpp"
#include "catalog/serial.hpp"
#include "common/error.hpp"
#include "common/strings.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_lookup.hpp"
#include "types/tsearch/ts_template.hpp"

namespace tusk {

std::string FormatTsDictOptions(const std::vector<TsDictOption>& options) {
  std::string out;
  for (const TsDictOption& o : options) {
    if (!out.empty()) out += ", ";
    out += QuoteIdent(o.name) + " = ";
    const std::string value = o.value.value_or("");
    if (o.number) {
      out += value;
      continue;
    }
    if (value.find('\\') != std::string::npos) out += 'E';  // serialize_deflist's escape form
    out += '\'';
    for (char c : value) {
      if (c == '\'' || c == '\\') out += c;
      out += c;
    }
    out += '\'';
  }
  return out;
}

std::shared_ptr<const TsDictionary> BuildTsDictionary(const TsDictionaryDef& d) {
  const TsTemplate* t = FindTsTemplate(d.template_oid);
  if (!t) throw Error(sqlstate::kInternalError, "cache lookup failed for text search template " + std::to_string(d.template_oid));
  auto made = MakeTsDictionary(*t, d.options);
  // The made dictionary answers to the object's OID and name (ts_debug lists them).
  auto named = std::const_pointer_cast<TsDictionary>(made);
  named->oid = d.oid;
  named->name = d.name;
  return made;
}

std::shared_ptr<const TsConfig> BuildTsConfig(const TsConfigDef& c, const Catalog& cat) {
  return MakeTsConfig(c.oid, c.name, c.map, [&cat](uint32_t oid) -> std::shared_ptr<const TsDictionary> {
    if (const TsDictionary* builtin = FindBuiltinTsDictionary(oid))
      return std::shared_ptr<const TsDictionary>(std::shared_ptr<const TsDictionary>(), builtin);  // not owned
    auto it = cat.ts_dictionaries().find(oid);
    return it == cat.ts_dictionaries().end() ? nullptr : it->second->dictionary;
  });
}

// ---- format 18: the dictionaries, then the configurations ----
void WriteTextSearchObjects(CatalogWriter& w, const Catalog& c) {
  w.U(c.ts_dictionaries().size());
  for (const auto& [oid, d] : c.ts_dictionaries()) {
    w.U(oid); w.S(d->schema); w.S(d->name); w.U(d->template_oid);
    w.U(d->options.size());
    for (const auto& o : d->options) { w.S(o.name); w.S(o.value.value_or("")); w.U(o.number); }
  }
  w.U(c.ts_configs().size());
  for (const auto& [oid, cfg] : c.ts_configs()) {
    w.U(oid); w.S(cfg->schema); w.S(cfg->name); w.U(cfg->parser_oid);
    w.U(cfg->map.size());
    for (const auto& [type, dicts] : cfg->map) {
      w.U(static_cast<uint64_t>(type));
      w.U(dicts.size());
      for (uint32_t d : dicts) w.U(d);
    }
  }
}

void ReadTextSearchObjects(CatalogReader& r, Catalog* c) {
  for (size_t n = r.Count(); n > 0; n--) {
    auto d = std::make_shared<TsDictionaryDef>();
    d->oid = r.U32(); d->schema = r.S(); d->name = r.S(); d->template_oid = r.U32();
    for (size_t k = r.Count(); k > 0; k--) {
      TsDictOption o;
      o.name = r.S(); o.value = r.S(); o.number = r.U();
      d->options.push_back(std::move(o));
    }
    d->dictionary = BuildTsDictionary(*d);
    const uint32_t oid = d->oid;  // read before the pointer moves
    c->PutTsDictionary(oid, std::move(d));
  }
  for (size_t n = r.Count(); n > 0; n--) {
    auto cfg = std::make_shared<TsConfigDef>();
    cfg->oid = r.U32(); cfg->schema = r.S(); cfg->name = r.S(); cfg->parser_oid = r.U32();
    for (size_t k = r.Count(); k > 0; k--) {
      int type = static_cast<int>(r.U());
      std::vector<uint32_t>& dicts = cfg->map[type];
      for (size_t m = r.Count(); m > 0; m--) dicts.push_back(r.U32());
    }
    cfg->config = BuildTsConfig(*cfg, *c);
    const uint32_t oid = cfg->oid;
    c->PutTsConfig(oid, std::move(cfg));
  }
}

}  // namespace tusk
