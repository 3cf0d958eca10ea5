#include "types/json.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {
struct JNode {
  enum Kind { kNull, kTrue, kFalse, kNumber, kString, kArray, kObject } kind = kNull;
  std::string text;  // number text or decoded string
  std::vector<std::unique_ptr<JNode>> items;
  std::vector<std::pair<std::string, std::unique_ptr<JNode>>> members;
};

class JsonParser {
 public:
  JsonParser(std::string_view s, const char* type) : s_(s), type_(type) {}

  std::unique_ptr<JNode> ParseDocument() {
    auto n = ParseValue();
    Space();
    if (i_ < s_.size()) Fail("Expected end of input, but found \"" + Token() + "\".");
    return n;
  }

 private:
  [[noreturn]] void Fail(const std::string& detail) {
    throw Error(sqlstate::kInvalidTextRepresentation,
                std::string("invalid input syntax for type ") + type_).WithDetail(detail);
  }
  std::string Token() {
    if (i_ >= s_.size()) return "";
    size_t b = i_, e = i_;
    while (e < s_.size() && (isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_' || s_[e] == '.' ||
                             s_[e] == '-' || s_[e] == '+'))
      e++;
    if (e == b) e = b + 1;
    return std::string(s_.substr(b, e - b));
  }
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) i_++;
  }
  std::unique_ptr<JNode> ParseValue() {
    Space();
    if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
    auto n = std::make_unique<JNode>();
    char c = s_[i_];
    if (c == '{') {
      n->kind = JNode::kObject;
      i_++;
      Space();
      if (i_ < s_.size() && s_[i_] == '}') { i_++; return n; }
      for (;;) {
        Space();
        if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
        if (s_[i_] != '"') Fail("Expected string, but found \"" + Token() + "\".");
        std::string key = ParseString();
        Space();
        if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
        if (s_[i_] != ':') Fail("Expected \":\", but found \"" + Token() + "\".");
        i_++;
        n->members.emplace_back(key, ParseValue());
        Space();
        if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
        if (s_[i_] == ',') { i_++; continue; }
        if (s_[i_] == '}') { i_++; break; }
        Fail("Expected \",\" or \"}\", but found \"" + Token() + "\".");
      }
    } else if (c == '[') {
      n->kind = JNode::kArray;
      i_++;
      Space();
      if (i_ < s_.size() && s_[i_] == ']') { i_++; return n; }
      for (;;) {
        n->items.push_back(ParseValue());
        Space();
        if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
        if (s_[i_] == ',') { i_++; continue; }
        if (s_[i_] == ']') { i_++; break; }
        Fail("Expected \",\" or \"]\", but found \"" + Token() + "\".");
      }
    } else if (c == '"') {
      n->kind = JNode::kString;
      n->text = ParseString();
    } else if (c == '-' || isdigit(static_cast<unsigned char>(c))) {
      std::string tok = Token();
      size_t b = i_;
      if (s_[i_] == '-') i_++;
      if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) Fail("Token \"" + tok + "\" is invalid.");
      if (s_[i_] == '0' && i_ + 1 < s_.size() && isdigit(static_cast<unsigned char>(s_[i_ + 1])))
        Fail("Token \"" + tok + "\" is invalid.");
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
      if (i_ < s_.size() && s_[i_] == '.') {
        i_++;
        if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) Fail("Token \"" + tok + "\" is invalid.");
        while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
      }
      if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
        i_++;
        if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) i_++;
        if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) Fail("Token \"" + tok + "\" is invalid.");
        while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
      }
      if (i_ < s_.size() && (isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_'))
        Fail("Token \"" + tok + "\" is invalid.");
      n->kind = JNode::kNumber;
      n->text = std::string(s_.substr(b, i_ - b));
    } else {
      std::string tok = Token();
      if (tok == "true") n->kind = JNode::kTrue;
      else if (tok == "false") n->kind = JNode::kFalse;
      else if (tok == "null") n->kind = JNode::kNull;
      else Fail("Token \"" + tok + "\" is invalid.");
      i_ += tok.size();
    }
    return n;
  }
  std::string ParseString() {
    i_++;  // opening quote
    std::string r;
    while (i_ < s_.size() && s_[i_] != '"') {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20) Fail("Character with value 0x" + Hex2(c) + " must be escaped.");
      if (c != '\\') { r += s_[i_++]; continue; }
      i_++;
      if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
      char e = s_[i_++];
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
          uint32_t cp = Hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
              i_ += 2;
              uint32_t lo = Hex4();
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
          }
          if (cp == 0)
            throw Error("22P05", "unsupported Unicode escape sequence")
                .WithDetail("\\u0000 cannot be converted to text.");
          AppendUtf8(&r, cp);
          break;
        }
        default:
          Fail("Escape sequence \"\\" + std::string(1, e) + "\" is invalid.");
      }
    }
    if (i_ >= s_.size()) Fail("The input string ended unexpectedly.");
    i_++;
    return r;
  }
  uint32_t Hex4() {
    if (i_ + 4 > s_.size()) Fail("\"\\u\" must be followed by four hexadecimal digits.");
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
      char c = s_[i_++];
      int h = isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (h < 0) Fail("\"\\u\" must be followed by four hexadecimal digits.");
      v = v * 16 + static_cast<uint32_t>(h);
    }
    return v;
  }
  static std::string Hex2(unsigned c) {
    const char* h = "0123456789abcdef";
    return std::string{h[c >> 4], h[c & 15]};
  }
  static void AppendUtf8(std::string* r, uint32_t cp) {
    if (cp < 0x80) { *r += static_cast<char>(cp); }
    else if (cp < 0x800) { *r += static_cast<char>(0xC0 | (cp >> 6)); *r += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { *r += static_cast<char>(0xE0 | (cp >> 12)); *r += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); *r += static_cast<char>(0x80 | (cp & 0x3F)); }
    else { *r += static_cast<char>(0xF0 | (cp >> 18)); *r += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); *r += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); *r += static_cast<char>(0x80 | (cp & 0x3F)); }
  }

  std::string_view s_;
  const char* type_;
  size_t i_ = 0;
};

void EscapeJsonString(const std::string& s, std::string* out) {
  *out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          *out += b;
        } else {
          *out += static_cast<char>(c);
        }
    }
  }
  *out += '"';
}

void WriteJsonb(const JNode& n, std::string* out) {
  switch (n.kind) {
    case JNode::kNull: *out += "null"; break;
    case JNode::kTrue: *out += "true"; break;
    case JNode::kFalse: *out += "false"; break;
    case JNode::kNumber: {
      Numeric num;
      Numeric::Parse(n.text, &num);
      *out += num.ToString();
      break;
    }
    case JNode::kString: EscapeJsonString(n.text, out); break;
    case JNode::kArray: {
      *out += '[';
      for (size_t i = 0; i < n.items.size(); i++) {
        if (i) *out += ", ";
        WriteJsonb(*n.items[i], out);
      }
      *out += ']';
      break;
    }
    case JNode::kObject: {
      // Last duplicate wins; order by key length, then bytes.
      std::vector<const std::pair<std::string, std::unique_ptr<JNode>>*> ms;
      for (auto& m : n.members) {
        auto it = std::find_if(ms.begin(), ms.end(), [&](auto* p) { return p->first == m.first; });
        if (it != ms.end()) *it = &m;
        else ms.push_back(&m);
      }
      std::stable_sort(ms.begin(), ms.end(), [](auto* a, auto* b) {
        if (a->first.size() != b->first.size()) return a->first.size() < b->first.size();
        return a->first < b->first;
      });
      *out += '{';
      for (size_t i = 0; i < ms.size(); i++) {
        if (i) *out += ", ";
        EscapeJsonString(ms[i]->first, out);
        *out += ": ";
        WriteJsonb(*ms[i]->second, out);
      }
      *out += '}';
      break;
    }
  }
}
}  // namespace

void JsonValidate(std::string_view text, const char* type_name) {
  JsonParser(text, type_name).ParseDocument();
}

std::string JsonbNormalize(std::string_view text) {
  auto n = JsonParser(text, "json").ParseDocument();
  std::string out;
  WriteJsonb(*n, &out);
  return out;
}

}  // namespace tusk
