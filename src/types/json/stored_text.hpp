// A cursor over a stored jsonb value's canonical text (write.cpp's form: `{"key": value, ...}`,
// `[value, ...]`, strings escaped as EscapeJsonString escapes them), for the paths that read
// a stored value without building its Jsonb tree: GIN entry extraction, containment re-checks.
// The text is trusted as ReadStoredJsonb trusts it; a form it does not expect is reported as
// corrupt data (XX001).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tusk {

class StoredJsonbCursor {
 public:
  explicit StoredJsonbCursor(std::string_view text) : s_(text) {}

  [[noreturn]] static void Corrupt();
  bool at_end() const { return i_ == s_.size(); }
  size_t position() const { return i_; }
  std::string_view text() const { return s_; }

  char Peek() const {
    if (i_ >= s_.size()) Corrupt();
    return s_[i_];
  }
  void Expect(std::string_view what) {
    if (s_.substr(i_, what.size()) != what) Corrupt();
    i_ += what.size();
  }

  // Steps into the container at the cursor ('{' or '[').
  void Enter() { i_++; }
  // Inside a container: whether an element follows (moving past the ", " before it, unless it
  // is the first), or the container ends (moving past `close`).
  bool More(char close, bool first) {
    if (Peek() == close) {
      i_++;
      return false;
    }
    if (!first) Expect(", ");
    return true;
  }
  // A container at the cursor: each element read by `element`, which must move the cursor
  // past it, up to `close`.
  template <typename Element>
  void Elements(char close, Element element) {
    Enter();
    for (bool first = true; More(close, first); first = false) element();
  }

  // A quoted string at the cursor, its escapes decoded, appended to *out.
  void AppendString(std::string* out);
  // The number at the cursor, as stored (numeric's output form).
  std::string_view Number();
  // Moves past the value at the cursor.
  void SkipValue();

 private:
  uint32_t HexQuad();

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace tusk
