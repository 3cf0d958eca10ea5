// Text to trigrams as pg_trgm's generate_trgm and generate_wildcard_trgm make them. A word is a
// run of letters and digits (text search's character classes); it is lower-cased, given two
// spaces before and one after, and each three characters in a row of it are a trigram. Three
// one-byte characters are the trigram's bytes; a run with a multibyte character is three bytes
// of its legacy CRC-32 (the low three, as pg_trgm copies them from a little-endian integer).
#include <algorithm>
#include <cstdio>

#include "common/legacy_crc32.hpp"
#include "types/trgm/trgm.hpp"
#include "types/tsearch/ts_ctype.hpp"

namespace tusk {

Trigram PackTrigram(const char* b) {
  // Flipping the sign bit makes unsigned order of the packed value signed-char order of bytes.
  auto flip = [](char c) { return static_cast<uint32_t>(static_cast<unsigned char>(c) ^ 0x80u); };
  return (flip(b[0]) << 16) | (flip(b[1]) << 8) | flip(b[2]);
}

std::string TrigramBytes(Trigram t) {
  std::string b(3, '\0');
  for (int i = 0; i < 3; i++) b[i] = static_cast<char>(((t >> (16 - 8 * i)) & 0xff) ^ 0x80);
  return b;
}

std::string TrigramText(Trigram t) {
  std::string b = TrigramBytes(t);
  bool printable = std::all_of(b.begin(), b.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  });
  if (printable) return b;
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%06x", static_cast<unsigned>(t ^ 0x808080u));
  return hex;
}

namespace {
bool IsWordChar(std::string_view ch) { return TsIsAlpha(ch) || TsIsDigit(ch); }

// The length of the character at s[i], reading past the end as one-byte characters (the
// trigram loop asks for the length just past a word's padding).
size_t CharAt(std::string_view s, size_t i) { return i < s.size() ? TsCharLength(s.substr(i)) : 1; }

Trigram Compact(std::string_view run) {
  if (run.size() == 3) return PackTrigram(run.data());
  uint32_t crc = LegacyCrc32(run);
  const char b[3] = {static_cast<char>(crc & 0xff), static_cast<char>((crc >> 8) & 0xff), static_cast<char>((crc >> 16) & 0xff)};
  return PackTrigram(b);
}

// The trigrams of one padded word (make_trigrams): `chars` is its length in characters as the
// caller counted them before lower-casing.
void AddTrigrams(std::string_view padded, size_t chars, std::vector<Trigram>* out) {
  if (chars < 3) return;
  if (padded.size() > chars) {
    size_t first = CharAt(padded, 0), middle = CharAt(padded, first), last = CharAt(padded, first + middle);
    for (size_t at = 0; at + first + middle + last <= padded.size();) {
      out->push_back(Compact(padded.substr(at, first + middle + last)));
      at += first;
      first = middle;
      middle = last;
      last = CharAt(padded, at + first + middle);
    }
    return;
  }
  for (size_t at = 0; at + 2 < padded.size(); at++) out->push_back(PackTrigram(padded.data() + at));
}

void SortDistinct(std::vector<Trigram>* t) {
  std::sort(t->begin(), t->end());
  t->erase(std::unique(t->begin(), t->end()), t->end());
}
}  // namespace

void TextTrigramsInOrder(std::string_view text, std::vector<Trigram>* out, std::vector<uint8_t>* bounds) {
  size_t i = 0;
  std::string padded;
  while (i < text.size()) {
    size_t len = TsCharLength(text.substr(i));
    if (!IsWordChar(text.substr(i, len))) {
      i += len;
      continue;
    }
    size_t begin = i, chars = 0;
    while (i < text.size()) {
      len = TsCharLength(text.substr(i));
      if (!IsWordChar(text.substr(i, len))) break;
      i += len;
      chars++;
    }
    padded = "  ";
    padded += TsLower(text.substr(begin, i - begin));
    padded += ' ';
    size_t first = out->size();
    AddTrigrams(padded, chars + 3, out);
    if (bounds) {
      bounds->resize(out->size(), 0);
      (*bounds)[first] |= kTrigramWordStart;
      (*bounds)[out->size() - 1] |= kTrigramWordEnd;
    }
  }
}

std::vector<Trigram> TextTrigrams(std::string_view text) {
  std::vector<Trigram> t;
  TextTrigramsInOrder(text, &t, nullptr);
  SortDistinct(&t);
  return t;
}

float TrigramSetSimilarity(const std::vector<Trigram>& a, const std::vector<Trigram>& b, bool inexact) {
  if (a.empty() || b.empty()) return 0.0f;
  int common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else common++, i++, j++;
  }
  int la = static_cast<int>(a.size()), lb = inexact ? common : static_cast<int>(b.size());
  return static_cast<float>(common) / static_cast<float>(la + lb - common);
}

float TrigramSimilarity(std::string_view a, std::string_view b) { return TrigramSetSimilarity(TextTrigrams(a), TextTrigrams(b)); }

namespace {
bool IsWildcard(char c) { return c == '%' || c == '_'; }

// The next run of word characters of a LIKE pattern (get_wildcard_part), padded on each side
// unless a wildcard is next to it there; escapes are dropped. npos when none is left.
size_t NextLikeWord(std::string_view p, size_t at, std::string* word, size_t* chars) {
  bool leading_wildcard = false, escaped = false;
  while (at < p.size()) {
    size_t len = TsCharLength(p.substr(at));
    std::string_view ch = p.substr(at, len);
    if (escaped) {
      if (IsWordChar(ch)) break;
      escaped = false;
      leading_wildcard = false;
    } else if (ch == "\\") {
      escaped = true;
    } else if (IsWildcard(ch[0]) && len == 1) {
      leading_wildcard = true;
    } else if (IsWordChar(ch)) {
      break;
    } else {
      leading_wildcard = false;
    }
    at += len;
  }
  if (at >= p.size()) return std::string_view::npos;
  word->clear();
  *chars = 0;
  if (!leading_wildcard) {
    *word = "  ";
    *chars = 2;
  }
  bool trailing_wildcard = false;
  while (at < p.size()) {
    size_t len = TsCharLength(p.substr(at));
    std::string_view ch = p.substr(at, len);
    if (escaped) {
      if (!IsWordChar(ch)) {
        at--;  // back to the escape, so that the next word starts there
        break;
      }
      *word += ch;
      ++*chars;
      escaped = false;
    } else if (ch == "\\") {
      escaped = true;
    } else if (IsWildcard(ch[0]) && len == 1) {
      trailing_wildcard = true;
      break;
    } else if (IsWordChar(ch)) {
      *word += ch;
      ++*chars;
    } else {
      break;
    }
    at += len;
  }
  if (!trailing_wildcard) {
    *word += ' ';
    ++*chars;
  }
  return at;
}
}  // namespace

std::vector<Trigram> LikePatternTrigrams(std::string_view pattern) {
  std::vector<Trigram> t;
  std::string word;
  size_t chars = 0;
  for (size_t at = 0; (at = NextLikeWord(pattern, at, &word, &chars)) != std::string_view::npos;)
    AddTrigrams(TsLower(word), chars, &t);
  SortDistinct(&t);
  return t;
}

std::vector<Trigram> ContainedLiteralTrigrams(std::string_view literal) {
  std::string like = "%";
  for (char c : literal) {
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += c;
  }
  return LikePatternTrigrams(like + "%");
}

}  // namespace tusk
