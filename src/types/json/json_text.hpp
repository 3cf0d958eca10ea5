// The json type's values as written: json keeps its input text, so its operators return a
// value's own text (whitespace inside it kept) and see every key, duplicates included, in order.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "types/json/jsonb.hpp"

namespace tusk {

struct JsonTextMember;

struct JsonText {
  Jsonb::Kind kind = Jsonb::Kind::kNull;
  std::string_view raw;           // the value's text in the input, without surrounding blanks
  std::vector<JsonText> items;    // an array's elements
  std::vector<JsonTextMember> members;  // an object's pairs in input order, duplicates kept
  // A string's characters (escapes decoded); other kinds: raw as it is.
  std::string Text() const;
};

struct JsonTextMember {
  JsonTextMember(std::string k, JsonText v);
  std::string key;
  JsonText value;
};

// Reads valid json text (a json value, checked by its input function). The views point into
// text, which must outlive the result.
JsonText ReadJsonText(std::string_view text);

}  // namespace tusk
