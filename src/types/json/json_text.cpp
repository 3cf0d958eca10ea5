#include "types/json/json_text.hpp"

#include "common/stack_depth.hpp"

namespace tusk {

JsonTextMember::JsonTextMember(std::string k, JsonText v) : key(std::move(k)), value(std::move(v)) {}

std::string JsonText::Text() const {
  if (kind != Jsonb::Kind::kString) return std::string(raw);
  return ParseJsonb(raw).text;  // the string token alone: jsonb's reader decodes its escapes
}

namespace {
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  JsonText Value() {
    CheckStackDepth();
    Blanks();
    JsonText v;
    size_t start = i_;
    char c = i_ < s_.size() ? s_[i_] : '\0';
    if (c == '{') {
      v.kind = Jsonb::Kind::kObject;
      i_++;
      Blanks();
      if (Peek() == '}') {
        i_++;
      } else {
        for (;;) {
          Blanks();
          JsonText key = Value();
          Blanks();
          i_++;  // ':'
          JsonText value = Value();
          v.members.emplace_back(key.Text(), std::move(value));
          Blanks();
          if (s_[i_++] == '}') break;  // else ','
        }
      }
    } else if (c == '[') {
      v.kind = Jsonb::Kind::kArray;
      i_++;
      Blanks();
      if (Peek() == ']') {
        i_++;
      } else {
        for (;;) {
          v.items.push_back(Value());
          Blanks();
          if (s_[i_++] == ']') break;
        }
      }
    } else if (c == '"') {
      v.kind = Jsonb::Kind::kString;
      for (i_++; i_ < s_.size() && s_[i_] != '"'; i_++)
        if (s_[i_] == '\\') i_++;
      i_++;
    } else {
      while (i_ < s_.size() && !IsDelimiter(s_[i_])) i_++;
      std::string_view word = s_.substr(start, i_ - start);
      v.kind = word == "null" ? Jsonb::Kind::kNull : word == "true" || word == "false" ? Jsonb::Kind::kBool : Jsonb::Kind::kNumber;
    }
    v.raw = s_.substr(start, i_ - start);
    return v;
  }

 private:
  static bool IsDelimiter(char c) { return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void Blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) i_++;
  }
  std::string_view s_;
  size_t i_ = 0;
};
}  // namespace

JsonText ReadJsonText(std::string_view text) { return Reader(text).Value(); }

}  // namespace tusk
