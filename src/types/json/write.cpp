// Writing jsonb: the canonical text of jsonb's output function, and jsonb_pretty's layout.
#include <cstdio>

#include "types/json/jsonb.hpp"
#include "types/json/to_json.hpp"

namespace tusk {

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

namespace {
void AppendScalar(const Jsonb& v, std::string* out) {
  switch (v.kind) {
    case Jsonb::Kind::kNull: *out += "null"; break;
    case Jsonb::Kind::kString: EscapeJsonString(v.text, out); break;
    case Jsonb::Kind::kNumber: *out += v.text; break;
    case Jsonb::Kind::kBool: *out += v.boolean ? "true" : "false"; break;
    default: break;
  }
}
}  // namespace

void AppendJsonb(const Jsonb& v, std::string* out) {
  if (v.is_array()) {
    *out += '[';
    for (size_t i = 0; i < v.items.size(); i++) {
      if (i) *out += ", ";
      AppendJsonb(v.items[i], out);
    }
    *out += ']';
  } else if (v.is_object()) {
    *out += '{';
    for (size_t i = 0; i < v.members.size(); i++) {
      if (i) *out += ", ";
      EscapeJsonString(v.members[i].first, out);
      *out += ": ";
      AppendJsonb(v.members[i].second, out);
    }
    *out += '}';
  } else {
    AppendScalar(v, out);
  }
}

std::string WriteJsonb(const Jsonb& v) {
  std::string out;
  AppendJsonb(v, &out);
  return out;
}

namespace {
// jsonb_pretty walks the same token stream as PostgreSQL's JsonbToCStringWorker, whose
// placement of line breaks (an empty container opens and closes on lines of its own, a
// container after a key stays on the key's line) this reproduces.
struct Token {
  enum Type { kBeginArray, kBeginObject, kKey, kValue, kElem, kEndArray, kEndObject } type;
  const Jsonb* v;
  const std::string* key;
};

void Tokenize(const Jsonb& v, std::vector<Token>* out) {
  if (v.is_array()) {
    out->push_back({Token::kBeginArray, &v, nullptr});
    for (const Jsonb& e : v.items) {
      if (e.is_scalar()) out->push_back({Token::kElem, &e, nullptr});
      else Tokenize(e, out);
    }
    out->push_back({Token::kEndArray, &v, nullptr});
  } else {
    out->push_back({Token::kBeginObject, &v, nullptr});
    for (const auto& [key, value] : v.members) {
      out->push_back({Token::kKey, nullptr, &key});
      if (value.is_scalar()) out->push_back({Token::kValue, &value, nullptr});
      else Tokenize(value, out);
    }
    out->push_back({Token::kEndObject, &v, nullptr});
  }
}

void Indent(std::string* out, bool indent, int level) {
  if (!indent) return;
  *out += '\n';
  for (int i = 0; i < level; i++) *out += "    ";
}
}  // namespace

std::string WriteJsonbPretty(const Jsonb& v) {
  std::string out;
  if (v.is_scalar()) {  // a raw scalar prints as itself
    AppendScalar(v, &out);
    return out;
  }
  std::vector<Token> tokens;
  Tokenize(v, &tokens);
  bool first = true, use_indent = false, last_was_key = false;
  int level = 0;
  for (size_t i = 0; i < tokens.size(); i++) {
    bool redo = false;
    const Token& t = tokens[i];
    switch (t.type) {
      case Token::kBeginArray:
      case Token::kBeginObject:
        if (!first) out += ",";
        Indent(&out, use_indent && !last_was_key, level);
        out += t.type == Token::kBeginArray ? '[' : '{';
        first = true;
        level++;
        break;
      case Token::kKey:
        if (!first) out += ",";
        first = true;
        Indent(&out, use_indent, level);
        EscapeJsonString(*t.key, &out);
        out += ": ";
        if (tokens[i + 1].type == Token::kValue) {
          first = false;
          AppendScalar(*tokens[++i].v, &out);
        } else {
          redo = true;  // the container that follows starts on this line
        }
        break;
      case Token::kValue:
      case Token::kElem:
        if (!first) out += ",";
        first = false;
        Indent(&out, use_indent, level);
        AppendScalar(*t.v, &out);
        break;
      case Token::kEndArray:
      case Token::kEndObject:
        level--;
        Indent(&out, use_indent, level);
        out += t.type == Token::kEndArray ? ']' : '}';
        first = false;
        break;
    }
    use_indent = true;
    last_was_key = redo;
  }
  return out;
}

std::string JsonbAsText(const Jsonb& v) {
  if (v.kind == Jsonb::Kind::kString) return v.text;
  return WriteJsonb(v);
}

const char* JsonbTypeName(const Jsonb& v) {
  switch (v.kind) {
    case Jsonb::Kind::kNull: return "null";
    case Jsonb::Kind::kString: return "string";
    case Jsonb::Kind::kNumber: return "number";
    case Jsonb::Kind::kBool: return "boolean";
    case Jsonb::Kind::kArray: return "array";
    case Jsonb::Kind::kObject: return "object";
  }
  return "null";
}

}  // namespace tusk
