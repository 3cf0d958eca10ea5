#include "types/tsearch/ts_regdictionary.hpp"

#include <vector>

#include "common/error.hpp"

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

}  // namespace

uint32_t ParseRegdictionary(std::string_view text, const TsNameScope* scope) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos && text.size() <= 10)
    return static_cast<uint32_t>(std::stoull(std::string(text)));  // an OID as it is
  if (text == "-") return 0;
  std::vector<std::string> parts = SplitName(text);
  if (parts.size() > 3) throw Error(sqlstate::kSyntaxError, "improper qualified name (too many dotted names): " + Joined(parts));
  if (parts.size() == 3 && (!scope || parts[0] != scope->database))
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented: " + Joined(parts));
  if (parts.size() >= 2) {
    const std::string& schema = parts[parts.size() - 2];
    bool exists = schema == "pg_catalog" || (scope && scope->schema_exists ? scope->schema_exists(schema) : schema == "public");
    if (!exists) throw Error(sqlstate::kUndefinedSchema, "schema \"" + schema + "\" does not exist");
    if (schema != "pg_catalog")
      throw Error(sqlstate::kUndefinedObject, "text search dictionary \"" + Joined(parts) + "\" does not exist");
  }
  if (const TsDictionary* d = FindTsDictionary(parts.back())) return d->oid;
  throw Error(sqlstate::kUndefinedObject, "text search dictionary \"" + Joined(parts) + "\" does not exist");
}

std::string FormatRegdictionary(uint32_t oid) {
  if (oid == 0) return "-";
  const TsDictionary* d = FindTsDictionary(oid);
  return d ? d->name : std::to_string(oid);
}

}  // namespace tusk
