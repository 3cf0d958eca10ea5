#include "types/tsearch/ts_ctype.hpp"

#include <locale.h>
#include <wctype.h>

#include <cctype>

namespace tusk {

namespace {

locale_t Utf8Locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

wint_t Decode(std::string_view ch) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(ch[i]) & 0x3f; };
  unsigned char c = static_cast<unsigned char>(ch[0]);
  switch (ch.size()) {
    case 2: return ((c & 0x1f) << 6) | b(1);
    case 3: return ((c & 0x0f) << 12) | (b(1) << 6) | b(2);
    case 4: return ((c & 0x07) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
    default: return c;
  }
}

template <int (*Narrow)(int), int (*Wide)(wint_t, locale_t)>
bool Is(std::string_view ch) {
  if (ch.empty()) return false;
  if (ch.size() == 1) return Narrow(static_cast<unsigned char>(ch[0])) != 0;
  return Wide(Decode(ch), Utf8Locale()) != 0;
}

int NarrowSpace(int c) { return std::isspace(c); }
int NarrowAlpha(int c) { return std::isalpha(c); }
int NarrowDigit(int c) { return std::isdigit(c); }

}  // namespace

size_t TsCharLength(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
  return n < s.size() ? n : s.size();
}

bool TsIsSpace(std::string_view ch) { return Is<NarrowSpace, iswspace_l>(ch); }
bool TsIsAlpha(std::string_view ch) { return Is<NarrowAlpha, iswalpha_l>(ch); }
bool TsIsDigit(std::string_view ch) { return Is<NarrowDigit, iswdigit_l>(ch); }

}  // namespace tusk
