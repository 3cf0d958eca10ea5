#include "common/strings.hpp"

#include <cctype>

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

std::string QuoteIdent(std::string_view s) {
  bool safe = !s.empty() && (std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_');
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

}  // namespace tusk
