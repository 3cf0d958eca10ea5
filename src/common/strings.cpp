#include "common/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "common/error.hpp"

namespace tusk {

int64_t ParseDurationMs(std::string_view text) {
  std::string s = ToLower(text);
  size_t pos = 0;
  double n = 0;
  try {
    n = std::stod(s, &pos);
  } catch (...) {
    return 0;
  }
  std::string unit = s.substr(pos);
  unit.erase(0, unit.find_first_not_of(' '));
  double ms = unit.empty() || unit == "ms" ? n : unit == "s" ? n * 1000 : unit == "min" ? n * 60000
            : unit == "h" ? n * 3600000 : unit == "d" ? n * 86400000 : unit == "us" ? n / 1000 : n;
  return static_cast<int64_t>(ms);
}

int64_t ParseMemoryBytes(std::string_view text) {
  std::string s = ToLower(Trim(text));
  size_t pos = 0;
  double n = 0;
  try {
    n = std::stod(s, &pos);
  } catch (...) {
    return -1;
  }
  std::string unit = Trim(s.substr(pos));
  double scale = unit.empty() || unit == "b" ? 1 : unit == "kb" ? 1024.0 : unit == "mb" ? 1024.0 * 1024 : unit == "gb" ? 1024.0 * 1024 * 1024
               : unit == "tb" ? 1024.0 * 1024 * 1024 * 1024 : -1;
  if (scale < 0 || !(n >= 0) || n * scale >= 9.2e18) return -1;  // also NaN and values past int64
  return static_cast<int64_t>(n * scale);
}

std::string ToLower(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string ToUpper(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) b++;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) e--;
  return std::string(s.substr(b, e - b));
}

namespace {
// PostgreSQL 15's keywords that are not unreserved (pg_get_keywords() WHERE catcode <> 'U'), in
// order: an identifier spelled like one must be quoted.
bool IsQuotedKeyword(std::string_view s) {
  static const std::string_view kKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
    "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
    "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
    "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
    "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
    "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
    "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
    "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
    "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
    "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
    "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
    "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
    "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
    "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
    "xmlserialize", "xmltable"
  };
  return std::binary_search(std::begin(kKeywords), std::end(kKeywords), s);
}
}  // namespace

std::string QuoteIdent(std::string_view s) {
  bool safe = !s.empty() && (std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_') && !IsQuotedKeyword(s);
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      safe = false;
  if (safe) return std::string(s);
  std::string r = "\"";
  for (char c : s) {
    if (c == '"') r += '"';
    r += c;
  }
  return r + "\"";
}

std::string QuoteLiteral(std::string_view s) {
  std::string r = "'";
  for (char c : s) {
    if (c == '\'') r += '\'';
    r += c;
  }
  return r + "'";
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string r;
  for (size_t i = 0; i < parts.size(); i++) {
    if (i) r += sep;
    r += parts[i];
  }
  return r;
}

void VerifyUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    bool ok = c != 0 && len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; k++) ok = (byte(i + k) & 0xc0) == 0x80;
    if (ok && len == 2) ok = c >= 0xc2;                                    // overlong
    if (ok && len == 3) ok = !(c == 0xe0 && byte(i + 1) < 0xa0) && !(c == 0xed && byte(i + 1) >= 0xa0);  // overlong, surrogate
    if (ok && len == 4) ok = !(c == 0xf0 && byte(i + 1) < 0x90) && c <= 0xf4 && !(c == 0xf4 && byte(i + 1) >= 0x90);
    if (!ok) {
      // the bytes of the character that failed, as PostgreSQL reports them
      std::string bytes;
      size_t n = std::min(std::max<size_t>(len, 1), s.size() - i);
      char hex[8];
      for (size_t k = 0; k < n; k++) {
        snprintf(hex, sizeof hex, "%s0x%02x", k ? " " : "", byte(i + k));
        bytes += hex;
      }
      throw Error("22021", "invalid byte sequence for encoding \"UTF8\": " + bytes);
    }
    i += len;
  }
}

}  // namespace tusk
