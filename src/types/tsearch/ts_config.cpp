#include "types/tsearch/ts_config.hpp"

#include "common/error.hpp"
#include "common/notices.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {

struct Language {
  uint32_t oid;
  const char* name;
};
// The Snowball configurations, with the OIDs PostgreSQL 15's initdb gives them.
const Language kLanguages[] = {
    {13152, "arabic"},     {13154, "armenian"},  {13156, "basque"},     {13158, "catalan"},  {13160, "danish"},
    {13162, "dutch"},      {13164, "english"},   {13166, "finnish"},    {13168, "french"},   {13170, "german"},
    {13172, "greek"},      {13174, "hindi"},     {13176, "hungarian"},  {13178, "indonesian"}, {13180, "irish"},
    {13182, "italian"},    {13184, "lithuanian"}, {13186, "nepali"},    {13188, "norwegian"}, {13190, "portuguese"},
    {13192, "romanian"},   {13194, "russian"},   {13196, "serbian"},    {13198, "spanish"},  {13200, "swedish"},
    {13202, "tamil"},      {13204, "turkish"},   {13206, "yiddish"},
};

// The token types a language's stemmer takes; the other mapped ones go through simple. Blanks,
// tags, protocols and entities are mapped to nothing: they give no lexeme and no position.
bool Stemmed(int type) {
  return type == kTsAsciiWord || type == kTsWord || type == kTsHwordPart || type == kTsHwordAsciiPart ||
         type == kTsAsciiHword || type == kTsHword;
}
bool Mapped(int type) { return type != kTsBlank && type != kTsTag && type != kTsProtocol && type != kTsEntity; }

bool Ascii(int type) { return type == kTsAsciiWord || type == kTsAsciiHword || type == kTsHwordAsciiPart; }

TsConfig Make(uint32_t oid, const std::string& name, const TsDictionary* words) {
  TsConfig c;
  c.oid = oid;
  c.name = name;
  c.map.resize(kTsEntity + 1);
  const TsDictionary* simple = FindBuiltinTsDictionary("simple");
  // Languages written in another alphabet stem words of ASCII letters as English, as
  // PostgreSQL's snowball_create.sql sets them up.
  const TsDictionary* ascii = name == "russian" || name == "hindi" ? FindBuiltinTsDictionary("english_stem") : words;
  for (int t = 1; t <= kTsEntity; t++)
    if (Mapped(t)) c.map[t] = {!Stemmed(t) ? simple : Ascii(t) ? ascii : words};
  return c;
}

}  // namespace

const std::vector<TsConfig>& BuiltinTsConfigs() {
  static const std::vector<TsConfig> all = [] {
    std::vector<TsConfig> c;
    c.push_back(Make(3748, "simple", FindBuiltinTsDictionary("simple")));
    for (const auto& l : kLanguages) c.push_back(Make(l.oid, l.name, FindBuiltinTsDictionary(std::string(l.name) + "_stem")));
    return c;
  }();
  return all;
}

const TsConfig* FindBuiltinTsConfig(uint32_t oid) {
  for (const auto& c : BuiltinTsConfigs())
    if (c.oid == oid) return &c;
  return nullptr;
}

const TsConfig* FindBuiltinTsConfig(std::string_view name) {
  for (const auto& c : BuiltinTsConfigs())
    if (c.name == name) return &c;
  return nullptr;
}

std::shared_ptr<const TsConfig> MakeTsConfig(uint32_t oid, const std::string& name, const std::map<int, std::vector<uint32_t>>& map,
                                             const TsDictionaryResolver& dictionary) {
  auto c = std::make_shared<TsConfig>();
  c->oid = oid;
  c->name = name;
  c->map.resize(kTsEntity + 1);
  for (const auto& [type, dicts] : map) {
    if (type <= 0 || type > kTsEntity) continue;
    for (uint32_t d : dicts) {
      std::shared_ptr<const TsDictionary> found = dictionary(d);
      if (!found) throw Error(sqlstate::kInternalError, "cache lookup failed for text search dictionary " + std::to_string(d));
      c->map[static_cast<size_t>(type)].push_back(found.get());
      c->owned.push_back(std::move(found));
    }
  }
  return c;
}

std::map<int, std::vector<uint32_t>> TsConfigMapping(const TsConfig& config) {
  std::map<int, std::vector<uint32_t>> out;
  for (size_t t = 1; t < config.map.size(); t++)
    for (const TsDictionary* d : config.map[t]) out[static_cast<int>(t)].push_back(d->oid);
  return out;
}

}  // namespace tusk
