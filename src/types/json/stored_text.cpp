#include "types/json/stored_text.hpp"

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "types/json/escapes.hpp"

namespace tusk {

void StoredJsonbCursor::Corrupt() { throw Error(sqlstate::kDataCorrupted, "invalid stored jsonb value"); }

void StoredJsonbCursor::AppendString(std::string* out) {
  Expect("\"");
  for (;;) {
    const size_t run = i_;
    while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\') i_++;
    out->append(s_.substr(run, i_ - run));
    if (Peek() == '"') {
      i_++;
      return;
    }
    i_++;  // the backslash
    switch (Peek()) {
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case '/': *out += '/'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'u': {
        i_++;
        uint32_t cp = HexQuad();
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
          Expect("\\u");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (HexQuad() - 0xDC00);
        }
        AppendUtf8(out, cp);
        continue;
      }
      default: Corrupt();
    }
    i_++;
  }
}

uint32_t StoredJsonbCursor::HexQuad() {
  uint32_t cp = 0;
  for (int k = 0; k < 4; k++) {
    const int digit = HexDigitValue(Peek());
    if (digit < 0) Corrupt();
    cp = cp * 16 + static_cast<uint32_t>(digit);
    i_++;
  }
  return cp;
}

std::string_view StoredJsonbCursor::Number() {
  const size_t start = i_;
  auto numeric = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 'e' || c == 'E' || c == '+'; };
  while (i_ < s_.size() && numeric(s_[i_])) i_++;
  if (i_ == start) Corrupt();
  return s_.substr(start, i_ - start);
}

void StoredJsonbCursor::SkipValue() {
  switch (Peek()) {
    case '{':
    case '[': {
      // Brackets inside strings do not count; a string ends at a quote no backslash escapes.
      size_t depth = 0;
      do {
        const char c = Peek();
        if (c == '"') {
          for (i_++; Peek() != '"'; i_++)
            if (s_[i_] == '\\') i_++;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
        i_++;
      } while (depth > 0);
      return;
    }
    case '"':
      for (i_++; Peek() != '"'; i_++)
        if (s_[i_] == '\\') i_++;
      i_++;
      return;
    case 't': Expect("true"); return;
    case 'f': Expect("false"); return;
    case 'n': Expect("null"); return;
    default: Number();
  }
}

}  // namespace tusk
