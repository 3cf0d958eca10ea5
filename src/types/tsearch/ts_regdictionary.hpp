// regdictionary (OID 3769): a text search dictionary named by its OID, as PostgreSQL's
// regdictionaryin / regdictionaryout read and print it. The dictionaries are the built-in
// ones of ts_dictionary.hpp, all in pg_catalog.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "types/tsearch/ts_dictionary.hpp"

namespace tusk {

// Where a qualified name is read: the current database (a three-part name must begin with it)
// and which schemas exist (a dictionary in another schema than pg_catalog is "not there",
// in a missing schema the schema is). Without them: no database, pg_catalog and public.
struct TsNameScope {
  std::string database;
  std::function<bool(const std::string&)> schema_exists;
};

// regdictionary's text input: a number is an OID as it is, "-" is 0, anything else a name as
// PostgreSQL's stringToQualifiedNameList splits it ("english_stem", "pg_catalog.simple",
// "\"simple\""), with its errors (42602, 0A000, 3F000, 42704).
uint32_t ParseRegdictionary(std::string_view text, const TsNameScope* scope = nullptr);
// Its output: the name, or the number when no dictionary has the OID, "-" for 0.
std::string FormatRegdictionary(uint32_t oid);

}  // namespace tusk
