#include "types/tsearch/ts_ctype.hpp"

#include <locale.h>
#include <wctype.h>

#include <cctype>

#include "common/utf8.hpp"

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

}  // namespace

locale_t TsUtf8Locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

uint32_t TsCodePoint(std::string_view ch) { return Utf8CodePoint(ch); }
size_t TsCharLength(std::string_view s) { return Utf8CharLength(s); }

bool TsIsSpace(std::string_view ch) { return Is<NarrowSpace, iswspace_l>(ch); }
bool TsIsAlpha(std::string_view ch) { return Is<NarrowAlpha, iswalpha_l>(ch); }
bool TsIsDigit(std::string_view ch) { return Is<NarrowDigit, iswdigit_l>(ch); }

std::string TsLower(std::string_view s) { return Utf8Lower(s); }

}  // namespace tusk
