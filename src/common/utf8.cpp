#include "common/utf8.hpp"

#include <locale.h>
#include <wctype.h>


namespace tusk {

size_t Utf8CharLength(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
  return n < s.size() ? n : s.size();
}

uint32_t Utf8CodePoint(std::string_view ch) {
  unsigned char c = static_cast<unsigned char>(ch[0]);
  if (ch.size() == 1) return c;
  uint32_t cp = c & (0x7f >> ch.size());
  for (size_t i = 1; i < ch.size(); i++) cp = (cp << 6) | (static_cast<unsigned char>(ch[i]) & 0x3f);
  return cp;
}

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

namespace {
locale_t Utf8Locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

template <int (*Narrow)(int), wint_t (*Wide)(wint_t, locale_t)>
std::string MapCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    size_t n = Utf8CharLength(s);
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (n == 1) out.push_back(c < 0x80 ? static_cast<char>(Narrow(c)) : static_cast<char>(c));
    else AppendUtf8(static_cast<uint32_t>(Wide(Utf8CodePoint(s.substr(0, n)), Utf8Locale())), &out);
    s.remove_prefix(n);
  }
  return out;
}
// ASCII letters only (C.UTF-8's), without a call into the C library per byte.
int NarrowLower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
int NarrowUpper(int c) { return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c; }
}  // namespace

std::string Utf8Lower(std::string_view s) { return MapCase<NarrowLower, towlower_l>(s); }
std::string Utf8Upper(std::string_view s) { return MapCase<NarrowUpper, towupper_l>(s); }

}  // namespace tusk
