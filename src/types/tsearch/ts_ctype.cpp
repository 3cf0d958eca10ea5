#include "types/tsearch/ts_ctype.hpp"

#include <locale.h>
#include <wctype.h>

#include <cctype>

namespace tusk {

namespace {

template <int (*Narrow)(int), int (*Wide)(wint_t, locale_t)>
bool Is(std::string_view ch) {
  if (ch.empty()) return false;
  if (ch.size() == 1) return Narrow(static_cast<unsigned char>(ch[0])) != 0;
  return Wide(TsCodePoint(ch), TsUtf8Locale()) != 0;
}

int NarrowSpace(int c) { return std::isspace(c); }
int NarrowAlpha(int c) { return std::isalpha(c); }
int NarrowDigit(int c) { return std::isdigit(c); }

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
  }
}

}  // namespace

locale_t TsUtf8Locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

uint32_t TsCodePoint(std::string_view ch) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(ch[i]) & 0x3f); };
  uint32_t c = static_cast<unsigned char>(ch[0]);
  switch (ch.size()) {
    case 2: return ((c & 0x1f) << 6) | b(1);
    case 3: return ((c & 0x0f) << 12) | (b(1) << 6) | b(2);
    case 4: return ((c & 0x07) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
    default: return c;
  }
}

size_t TsCharLength(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
  return n < s.size() ? n : s.size();
}

bool TsIsSpace(std::string_view ch) { return Is<NarrowSpace, iswspace_l>(ch); }
bool TsIsAlpha(std::string_view ch) { return Is<NarrowAlpha, iswalpha_l>(ch); }
bool TsIsDigit(std::string_view ch) { return Is<NarrowDigit, iswdigit_l>(ch); }

std::string TsLower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    size_t n = TsCharLength(s);
    if (n == 1) {
      unsigned char c = static_cast<unsigned char>(s[0]);
      out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    } else {
      AppendUtf8(static_cast<uint32_t>(towlower_l(TsCodePoint(s.substr(0, n)), TsUtf8Locale())), &out);
    }
    s.remove_prefix(n);
  }
  return out;
}

}  // namespace tusk
