// ts_headline's options: a list of name=value pairs as PostgreSQL's deserialize_deflist reads
// it (names bare or "double-quoted"; values bare, 'single-quoted' (E'...' too, \\ for a
// backslash), or "double-quoted", a doubled quote standing for one; pairs apart by commas or
// blanks), then prsd_headline's names (any case) and checks, with PostgreSQL's errors.
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "common/error.hpp"
#include "types/text_io.hpp"
#include "types/tsearch/ts_headline.hpp"
#include "types/type.hpp"

namespace tusk {

namespace {

struct Option {
  std::string name, value;
};

bool Blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

[[noreturn]] void BadList(std::string_view text) {
  throw Error(sqlstate::kSyntaxError, "invalid parameter list format: \"" + std::string(text) + "\"");
}

// A bare value that reads as an int becomes that int (defGetString prints it back: "007" is
// "7"); anything else stays as written.
std::string BareValue(const std::string& v) {
  if (v.empty()) return v;
  errno = 0;
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (errno == 0 && *end == '\0' && n >= INT_MIN && n <= INT_MAX) return std::to_string(n);
  return v;
}

std::vector<Option> ReadList(std::string_view text) {
  enum State { kWaitKey, kKey, kQuotedKey, kWaitEq, kWaitValue, kSingleQuoted, kDoubleQuoted, kBare };
  State state = kWaitKey;
  std::vector<Option> out;
  std::string key, value;
  auto finish = [&](bool quoted) {
    out.push_back({key, quoted ? value : BareValue(value)});
    key.clear();
    value.clear();
    state = kWaitKey;
  };
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    bool doubled = i + 1 < text.size() && text[i + 1] == c;
    switch (state) {
      case kWaitKey:
        if (Blank(c) || c == ',') break;
        if (c == '"') state = kQuotedKey;
        else {
          key.push_back(c);
          state = kKey;
        }
        break;
      case kKey:
        if (Blank(c)) state = kWaitEq;
        else if (c == '=') state = kWaitValue;
        else key.push_back(c);
        break;
      case kQuotedKey:
        if (c != '"') key.push_back(c);
        else if (doubled) key.push_back(text[i++]);
        else state = kWaitEq;
        break;
      case kWaitEq:
        if (c == '=') state = kWaitValue;
        else if (!Blank(c)) BadList(text);
        break;
      case kWaitValue:
        if (c == '\'') state = kSingleQuoted;
        else if (c == 'E' && i + 1 < text.size() && text[i + 1] == '\'') {
          i++;
          state = kSingleQuoted;
        } else if (c == '"') state = kDoubleQuoted;
        else if (!Blank(c)) {
          value.push_back(c);
          state = kBare;
        }
        break;
      case kSingleQuoted:
        if (c == '\'') {
          if (doubled) value.push_back(text[i++]);
          else finish(true);
        } else if (c == '\\' && doubled) value.push_back(text[i++]);
        else value.push_back(c);
        break;
      case kDoubleQuoted:
        if (c != '"') value.push_back(c);
        else if (doubled) value.push_back(text[i++]);
        else finish(true);
        break;
      case kBare:
        if (c == ',' || Blank(c)) finish(false);
        else value.push_back(c);
        break;
    }
  }
  if (state == kBare) finish(false);
  else if (state != kWaitKey) BadList(text);
  return out;
}

bool Named(const std::string& name, const char* want) {
  if (name.size() != std::char_traits<char>::length(want)) return false;
  for (size_t i = 0; i < name.size(); i++)
    if (std::tolower(static_cast<unsigned char>(name[i])) != std::tolower(static_cast<unsigned char>(want[i]))) return false;
  return true;
}

int Int(const std::string& v) { return static_cast<int>(ParseInteger(v, oid::kInt4)); }

bool True(const std::string& v) {
  for (const char* yes : {"1", "on", "true", "t", "y", "yes"})
    if (Named(v, yes)) return true;
  return false;
}

[[noreturn]] void Bad(const std::string& message) { throw Error(sqlstate::kInvalidParameterValue, message); }

}  // namespace

void CheckHeadlineOptionList(std::string_view text) { ReadList(text); }

HlOptions ParseHeadlineOptions(std::string_view text) {
  HlOptions o;
  for (const Option& opt : ReadList(text)) {
    const std::string& v = opt.value;
    if (Named(opt.name, "MaxWords")) o.max_words = Int(v);
    else if (Named(opt.name, "MinWords")) o.min_words = Int(v);
    else if (Named(opt.name, "ShortWord")) o.short_word = Int(v);
    else if (Named(opt.name, "MaxFragments")) o.max_fragments = Int(v);
    else if (Named(opt.name, "StartSel")) o.start_sel = v;
    else if (Named(opt.name, "StopSel")) o.stop_sel = v;
    else if (Named(opt.name, "FragmentDelimiter")) o.fragment_delimiter = v;
    else if (Named(opt.name, "HighlightAll")) o.highlight_all = True(v);
    else Bad("unrecognized headline parameter: \"" + opt.name + "\"");
  }
  if (!o.highlight_all) {  // HighlightAll ignores the others
    if (o.min_words >= o.max_words) Bad("MinWords should be less than MaxWords");
    if (o.min_words <= 0) Bad("MinWords should be positive");
    if (o.short_word < 0) Bad("ShortWord should be >= 0");
    if (o.max_fragments < 0) Bad("MaxFragments should be >= 0");
  }
  const std::pair<const char*, const std::string*> strings[] = {
      {"StartSel", &o.start_sel}, {"StopSel", &o.stop_sel}, {"FragmentDelimiter", &o.fragment_delimiter}};
  for (const auto& [name, s] : strings)
    if (s->size() > 32767) Bad(std::string("value for \"") + name + "\" is too long");
  return o;
}

}  // namespace tusk
