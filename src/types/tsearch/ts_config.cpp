#include "types/tsearch/ts_config.hpp"

#include <cctype>

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
  const TsDictionary* simple = FindTsDictionary("simple");
  // Languages written in another alphabet stem words of ASCII letters as English, as
  // PostgreSQL's snowball_create.sql sets them up.
  const TsDictionary* ascii = name == "russian" || name == "hindi" ? FindTsDictionary("english_stem") : words;
  for (int t = 1; t <= kTsEntity; t++)
    if (Mapped(t)) c.map[t] = {!Stemmed(t) ? simple : Ascii(t) ? ascii : words};
  return c;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void NoSuchConfig(std::string_view name) {
  throw Error(sqlstate::kUndefinedObject, "text search configuration \"" + std::string(name) + "\" does not exist");
}

}  // namespace

const std::vector<TsConfig>& TsConfigs() {
  static const std::vector<TsConfig> all = [] {
    std::vector<TsConfig> c;
    c.push_back(Make(3748, "simple", FindTsDictionary("simple")));
    for (const auto& l : kLanguages) c.push_back(Make(l.oid, l.name, FindTsDictionary(std::string(l.name) + "_stem")));
    return c;
  }();
  return all;
}

const TsConfig* FindTsConfig(uint32_t oid) {
  for (const auto& c : TsConfigs())
    if (c.oid == oid) return &c;
  return nullptr;
}

const TsConfig& TsConfigByName(std::string_view text) {
  // An identifier, possibly qualified by pg_catalog; unquoted names fold to lower case.
  std::string name(text);
  size_t a = name.find_first_not_of(" \t\n\r\f\v"), b = name.find_last_not_of(" \t\n\r\f\v");
  name = a == std::string::npos ? "" : name.substr(a, b - a + 1);
  auto unquote = [](std::string part) {
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') return part.substr(1, part.size() - 2);
    return Lower(part);
  };
  size_t dot = name.find('.');
  std::string schema, config = unquote(name);
  if (dot != std::string::npos && name.front() != '"') {
    schema = unquote(name.substr(0, dot));
    config = unquote(name.substr(dot + 1));
    if (schema != "pg_catalog") {
      if (config.find('.') != std::string::npos) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + name);
      throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
    }
  }
  for (const auto& c : TsConfigs())
    if (c.name == config) return c;
  NoSuchConfig(name);
}

uint32_t ParseRegconfig(std::string_view text) {
  std::string_view t = text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  if (!t.empty() && t.size() <= 10 && t.find_first_not_of("0123456789") == std::string_view::npos)
    return static_cast<uint32_t>(std::stoull(std::string(t)));  // an OID as it is, as regconfigin reads it
  if (t == "-") return 0;
  return TsConfigByName(text).oid;
}

std::string FormatRegconfig(uint32_t oid) {
  if (oid == 0) return "-";
  const TsConfig* c = FindTsConfig(oid);
  return c ? c->name : std::to_string(oid);
}

}  // namespace tusk
