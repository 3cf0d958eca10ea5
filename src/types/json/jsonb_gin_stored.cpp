// jsonb_path_ops' extraction straight from a stored value's canonical text (write.cpp's form:
// `{"key": value, ...}`, `[value, ...]`, strings escaped as EscapeJsonString escapes them).
// An index build and every write extract the entries of each row's document; building its
// Jsonb tree first (parsing, and a string and a vector per node) was a tenth of a GIN index
// build, for entries that need only each leaf's key path and text. The text is trusted as
// ReadStoredJsonb trusts it; a form it does not expect is reported as corrupt data (XX001).
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "types/json/escapes.hpp"
#include "types/json/jsonb_gin.hpp"

namespace tusk {

namespace {

class StoredPathWalker {
 public:
  StoredPathWalker(std::string_view text, std::vector<std::string>* out) : s_(text), out_(out) {}

  void Run() {
    Value(0);
    if (i_ != s_.size()) Corrupt();
  }

 private:
  [[noreturn]] static void Corrupt() { throw Error(sqlstate::kDataCorrupted, "invalid stored jsonb value"); }

  char Peek() const {
    if (i_ >= s_.size()) Corrupt();
    return s_[i_];
  }
  void Expect(std::string_view what) {
    if (s_.substr(i_, what.size()) != what) Corrupt();
    i_ += what.size();
  }

  void Value(size_t path) {
    CheckStackDepth();
    switch (Peek()) {
      case '{': Object(path); return;
      case '[': Array(path); return;
      default: Leaf(path);
    }
  }

  // A container at i_: each element read by `element`, up to `close`.
  template <typename Element>
  void Elements(char close, Element element) {
    i_++;
    for (bool first = true; Peek() != close; first = false) {
      if (!first) Expect(", ");
      element();
    }
    i_++;
  }

  void Object(size_t path) {
    Elements('}', [&] {
      scratch_.clear();
      AppendString(&scratch_);
      const size_t member_path = JsonbGinPathStep(path, scratch_);
      Expect(": ");
      Value(member_path);
    });
  }

  // Array levels do not count in a path: containment reaches through them.
  void Array(size_t path) {
    Elements(']', [&] { Value(path); });
  }

  // The leaf's scalar entry, as JsonbGinScalarEntry makes it from the parsed value.
  void Leaf(size_t path) {
    scratch_.clear();
    const char c = Peek();
    if (c == '"') {
      scratch_ += 'S';
      AppendString(&scratch_);
    } else if (c == 't') {
      Expect("true");
      scratch_ = "Bt";
    } else if (c == 'f') {
      Expect("false");
      scratch_ = "Bf";
    } else if (c == 'n') {
      Expect("null");
      scratch_ = "Z";
    } else {
      const size_t start = i_;
      while (i_ < s_.size() && (IsDigit(s_[i_]) || s_[i_] == '-' || s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+'))
        i_++;
      if (i_ == start) Corrupt();
      AppendJsonbGinNumberEntry(s_.substr(start, i_ - start), &scratch_);
    }
    out_->push_back(JsonbGinLeafEntry(path, scratch_));
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  // A quoted string at i_, its escapes decoded, appended to *out.
  void AppendString(std::string* out) {
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

  uint32_t HexQuad() {
    uint32_t cp = 0;
    for (int k = 0; k < 4; k++) {
      const int digit = HexDigitValue(Peek());
      if (digit < 0) Corrupt();
      cp = cp * 16 + static_cast<uint32_t>(digit);
      i_++;
    }
    return cp;
  }

  std::string_view s_;
  std::vector<std::string>* out_;
  size_t i_ = 0;
  std::string scratch_;  // a key, then a leaf's entry: neither is needed once hashed
};

}  // namespace

void JsonbStoredPathEntries(std::string_view canonical, std::vector<std::string>* out) {
  StoredPathWalker(canonical, out).Run();
}

}  // namespace tusk
