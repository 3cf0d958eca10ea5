#include "types/tsearch/ts_template.hpp"

#include "common/error.hpp"
#include "types/tsearch/ts_dictionary.hpp"

namespace tusk {

const std::vector<TsTemplate>& TsTemplates() {
  static const std::vector<TsTemplate> all = {
      {kTsSimpleTemplateOid, "simple", 3725, 3726, "simple dictionary: just lower case and check for stopword", MakeSimpleDictionary},
      {3730, "synonym", 3728, 3729, "synonym dictionary: replace word by its synonym", nullptr},
      {3733, "ispell", 3731, 3732, "ispell dictionary", nullptr},
      {3742, "thesaurus", 3740, 3741, "thesaurus dictionary: phrase by phrase substitution", nullptr},
      {kTsSnowballTemplateOid, "snowball", 13148, 13149, "snowball stemmer", MakeSnowballDictionary},
  };
  return all;
}

const TsTemplate* FindTsTemplate(uint32_t oid) {
  for (const auto& t : TsTemplates())
    if (t.oid == oid) return &t;
  return nullptr;
}

const TsTemplate* FindTsTemplate(const std::string& name) {
  for (const auto& t : TsTemplates())
    if (name == t.name) return &t;
  return nullptr;
}

std::shared_ptr<const TsDictionary> MakeTsDictionary(const TsTemplate& t, const std::vector<TsDictOption>& options) {
  if (!t.make)
    throw Error(sqlstate::kFeatureNotSupported, "text search template \"" + std::string(t.name) + "\" is not supported")
        .WithDetail("Tusk makes dictionaries of the simple and snowball templates only.");
  return t.make(options);
}

const TsParserInfo& DefaultTsParser() {
  static const TsParserInfo parser{3722, "default", 3717, 3718, 3719, 3720, 3721, "default word parser"};
  return parser;
}

}  // namespace tusk
