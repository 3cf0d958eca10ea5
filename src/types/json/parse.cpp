// Reading JSON text: json's validation and jsonb's input, with PostgreSQL's error reports.
#include <cstdio>

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "types/json/escapes.hpp"
#include "types/json/json.hpp"
#include "types/json/jsonb.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {

// A JSON lexer and recursive-descent parser whose error reports match PostgreSQL's jsonapi:
// the same token boundaries, DETAIL texts and "JSON data, line N: ..." context.
class JsonParser {
 public:
  // stored: the text is a stored jsonb value's canonical form, so numbers and key order stand.
  JsonParser(std::string_view s, const char* type, bool stored = false) : s_(s), type_(type), stored_(stored) {}
  // json's input function only checks the text: \u0000 passes, as it is never converted.
  bool validate_only = false;

  Jsonb ParseDocument() {
    Lex();
    auto n = ParseValue();
    if (tok_ != kEnd) Fail("Expected end of input, but found \"" + TokenText() + "\".");
    return n;
  }

 private:
  enum Tok { kObjStart, kObjEnd, kArrStart, kArrEnd, kComma, kColon, kString, kNumber, kTrue, kFalse, kNull, kEnd };

  [[noreturn]] void Fail(const std::string& detail) {
    // Context: the current line up to the end of the offending token, at most 49 bytes.
    size_t ctx_start = line_start_, ctx_end = tok_end_;
    while (ctx_end - ctx_start >= 50) {
      ctx_start++;
      while (ctx_start < ctx_end && (static_cast<unsigned char>(s_[ctx_start]) & 0xC0) == 0x80) ctx_start++;
    }
    std::string prefix = ctx_start > line_start_ ? "..." : "";
    std::string suffix = tok_ != kEnd && ctx_end < s_.size() && s_[ctx_end] != '\n' && s_[ctx_end] != '\r' ? "..." : "";
    throw Error(sqlstate::kInvalidTextRepresentation, std::string("invalid input syntax for type ") + type_)
        .WithDetail(detail)
        .WithContext("JSON data, line " + std::to_string(line_) + ": " + prefix + std::string(s_.substr(ctx_start, ctx_end - ctx_start)) + suffix);
  }
  [[noreturn]] void FailEnd() { Fail("The input string ended unexpectedly."); }
  [[noreturn]] void FailInvalid() { Fail("Token \"" + TokenText() + "\" is invalid."); }
  std::string TokenText() const { return std::string(s_.substr(tok_start_, tok_end_ - tok_start_)); }

  static bool AlnumChar(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

  // Reads the next token into tok_/tok_start_/tok_end_ (and str_ for strings).
  void Lex() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      if (s_[i_] == '\n') { line_++; line_start_ = i_ + 1; }
      i_++;
    }
    tok_start_ = i_;
    if (i_ >= s_.size()) { tok_ = kEnd; tok_end_ = i_; return; }
    tok_ = kNull;  // not at the end: error context may get a "..." suffix
    char c = s_[i_];
    switch (c) {
      case '{': tok_ = kObjStart; tok_end_ = ++i_; return;
      case '}': tok_ = kObjEnd; tok_end_ = ++i_; return;
      case '[': tok_ = kArrStart; tok_end_ = ++i_; return;
      case ']': tok_ = kArrEnd; tok_end_ = ++i_; return;
      case ',': tok_ = kComma; tok_end_ = ++i_; return;
      case ':': tok_ = kColon; tok_end_ = ++i_; return;
      case '"': LexString(); return;
      default: break;
    }
    if (c == '-' || isdigit(static_cast<unsigned char>(c))) { LexNumber(); return; }
    size_t p = i_;
    while (p < s_.size() && AlnumChar(static_cast<unsigned char>(s_[p]))) p++;
    if (p == i_) {
      tok_end_ = i_ + 1;
      while (tok_end_ < s_.size() && (static_cast<unsigned char>(s_[tok_end_]) & 0xC0) == 0x80) tok_end_++;
      FailInvalid();
    }
    tok_end_ = p;
    std::string_view w = s_.substr(i_, p - i_);
    i_ = p;
    if (w == "true") tok_ = kTrue;
    else if (w == "false") tok_ = kFalse;
    else if (w == "null") tok_ = kNull;
    else FailInvalid();
  }

  void LexNumber() {
    size_t p = i_;
    bool ok = true;
    if (s_[p] == '-') p++;
    if (p < s_.size() && s_[p] == '0') p++;
    else if (p < s_.size() && isdigit(static_cast<unsigned char>(s_[p]))) { while (p < s_.size() && isdigit(static_cast<unsigned char>(s_[p]))) p++; }
    else ok = false;
    if (ok && p < s_.size() && s_[p] == '.') {
      p++;
      if (p >= s_.size() || !isdigit(static_cast<unsigned char>(s_[p]))) ok = false;
      while (p < s_.size() && isdigit(static_cast<unsigned char>(s_[p]))) p++;
    }
    if (ok && p < s_.size() && (s_[p] == 'e' || s_[p] == 'E')) {
      p++;
      if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) p++;
      if (p >= s_.size() || !isdigit(static_cast<unsigned char>(s_[p]))) ok = false;
      while (p < s_.size() && isdigit(static_cast<unsigned char>(s_[p]))) p++;
    }
    // Trailing letters or digits make the whole run an invalid token.
    bool junk = false;
    while (p < s_.size() && AlnumChar(static_cast<unsigned char>(s_[p]))) { p++; junk = true; }
    tok_end_ = p;
    if (!ok || junk) FailInvalid();
    num_ = std::string(s_.substr(i_, p - i_));
    i_ = p;
    tok_ = kNumber;
  }

  void LexString() {
    size_t p = i_ + 1;
    std::string r;
    for (;;) {
      if (p >= s_.size()) { tok_end_ = p; FailInvalid(); }
      unsigned char c = static_cast<unsigned char>(s_[p]);
      if (c == '"') break;
      if (c < 0x20) {
        tok_end_ = p + 1;
        char b[8];
        std::snprintf(b, sizeof b, "0x%02x", c);
        Fail(std::string("Character with value ") + b + " must be escaped.");
      }
      if (c != '\\') { r += static_cast<char>(c); p++; continue; }
      p++;
      if (p >= s_.size()) { tok_end_ = p; FailInvalid(); }
      char e = s_[p++];
      switch (e) {
        case '"': r += '"'; break;
        case '\\': r += '\\'; break;
        case '/': r += '/'; break;
        case 'b': r += '\b'; break;
        case 'f': r += '\f'; break;
        case 'n': r += '\n'; break;
        case 'r': r += '\r'; break;
        case 't': r += '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          for (int k = 0; k < 4; k++, p++) {
            int h = p < s_.size() ? HexDigitValue(s_[p]) : -1;
            if (h < 0) { tok_end_ = std::min(p + 1, s_.size()); Fail("\"\\u\" must be followed by four hexadecimal digits."); }
            cp = cp * 16 + static_cast<uint32_t>(h);
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo = 0;
            bool pair = p + 6 <= s_.size() && s_[p] == '\\' && s_[p + 1] == 'u';
            if (pair) {
              for (int k = 0; k < 4; k++) { int h = HexDigitValue(s_[p + 2 + static_cast<size_t>(k)]); if (h < 0) pair = false; else lo = lo * 16 + static_cast<uint32_t>(h); }
            }
            if (!pair || lo < 0xDC00 || lo > 0xDFFF) { tok_end_ = p; Fail("Unicode high surrogate must not be followed by another high surrogate."); }
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            tok_end_ = p;
            Fail("Unicode low surrogate must follow a high surrogate.");
          }
          if (cp == 0 && !validate_only)
            throw Error("22P05", "unsupported Unicode escape sequence").WithDetail("\\u0000 cannot be converted to text.");
          AppendUtf8(&r, cp);
          break;
        }
        default: {
          size_t end = p;
          while (end < s_.size() && (static_cast<unsigned char>(s_[end]) & 0xC0) == 0x80) end++;
          tok_end_ = end;
          Fail("Escape sequence \"\\" + std::string(s_.substr(p - 1, end - p + 1)) + "\" is invalid.");
        }
      }
    }
    tok_end_ = p + 1;
    i_ = p + 1;
    str_ = r;
    tok_ = kString;
  }

  Jsonb ParseValue() {
    CheckStackDepth();
    Jsonb n;
    switch (tok_) {
      case kObjStart: {
        n.kind = Jsonb::Kind::kObject;
        Lex();
        if (tok_ == kObjEnd) { Lex(); return n; }
        if (tok_ == kEnd) FailEnd();
        if (tok_ != kString) Fail("Expected string or \"}\", but found \"" + TokenText() + "\".");
        for (;;) {
          std::string key = std::move(str_);
          Lex();
          if (tok_ == kEnd) FailEnd();
          if (tok_ != kColon) Fail("Expected \":\", but found \"" + TokenText() + "\".");
          Lex();
          if (tok_ == kEnd) FailEnd();
          n.members.emplace_back(std::move(key), ParseValue());
          if (tok_ == kEnd) FailEnd();
          if (tok_ == kObjEnd) {
            Lex();
            if (!stored_) n.SortMembers();
            return n;
          }
          if (tok_ != kComma) Fail("Expected \",\" or \"}\", but found \"" + TokenText() + "\".");
          Lex();
          if (tok_ == kEnd) FailEnd();
          if (tok_ != kString) Fail("Expected string, but found \"" + TokenText() + "\".");
        }
      }
      case kArrStart: {
        n.kind = Jsonb::Kind::kArray;
        Lex();
        if (tok_ == kArrEnd) { Lex(); return n; }
        for (;;) {
          if (tok_ == kEnd) FailEnd();
          n.items.push_back(ParseValue());
          if (tok_ == kEnd) FailEnd();
          if (tok_ == kArrEnd) { Lex(); return n; }
          if (tok_ != kComma) Fail("Expected \",\" or \"]\", but found \"" + TokenText() + "\".");
          Lex();
        }
      }
      case kString: n.kind = Jsonb::Kind::kString; n.text = std::move(str_); break;
      case kNumber: {
        n.kind = Jsonb::Kind::kNumber;
        if (stored_) {
          n.text = std::move(num_);
        } else {
          Numeric num;
          Numeric::Parse(num_, &num);
          n.text = num.ToString();
        }
        break;
      }
      case kTrue: n.kind = Jsonb::Kind::kBool; n.boolean = true; break;
      case kFalse: n.kind = Jsonb::Kind::kBool; break;
      case kNull: break;
      case kEnd: FailEnd();
      default: Fail("Expected JSON value, but found \"" + TokenText() + "\".");
    }
    Lex();
    return n;
  }

  std::string_view s_;
  const char* type_;
  bool stored_;
  size_t i_ = 0;
  Tok tok_ = kEnd;
  size_t tok_start_ = 0, tok_end_ = 0;
  std::string str_, num_;
  int line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

void JsonValidate(std::string_view text, const char* type_name) {
  JsonParser parser(text, type_name);
  parser.validate_only = true;
  parser.ParseDocument();
}

Jsonb ParseJsonb(std::string_view text) { return JsonParser(text, "json").ParseDocument(); }

Jsonb ReadStoredJsonb(std::string_view canonical) { return JsonParser(canonical, "jsonb", true).ParseDocument(); }

std::string JsonbNormalize(std::string_view text) { return WriteJsonb(ParseJsonb(text)); }

}  // namespace tusk
