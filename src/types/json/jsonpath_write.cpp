// jsonpath's canonical text, as PostgreSQL's printJsonPathItem writes it: keys always quoted,
// no blanks around accessors, parentheses only where an operand binds less tightly than its
// operator (and around the whole path's top operator).
#include "common/stack_depth.hpp"
#include "types/json/jsonpath.hpp"
#include "types/json/to_json.hpp"

namespace tusk {

namespace {

int Priority(Jpi t) {
  switch (t) {
    case Jpi::kOr: return 0;
    case Jpi::kAnd: return 1;
    case Jpi::kEqual: case Jpi::kNotEqual: case Jpi::kLess: case Jpi::kGreater: case Jpi::kLessOrEqual:
    case Jpi::kGreaterOrEqual: case Jpi::kStartsWith: return 2;
    case Jpi::kAdd: case Jpi::kSub: return 3;
    case Jpi::kMul: case Jpi::kDiv: case Jpi::kMod: return 4;
    case Jpi::kPlus: case Jpi::kMinus: return 5;
    default: return 6;
  }
}

bool IsBinary(Jpi t) {
  switch (t) {
    case Jpi::kAnd: case Jpi::kOr: case Jpi::kEqual: case Jpi::kNotEqual: case Jpi::kLess: case Jpi::kGreater:
    case Jpi::kLessOrEqual: case Jpi::kGreaterOrEqual: case Jpi::kAdd: case Jpi::kSub: case Jpi::kMul: case Jpi::kDiv:
    case Jpi::kMod: case Jpi::kStartsWith: return true;
    default: return false;
  }
}

void Print(const JsonPathItem& v, bool in_key, bool brackets, std::string* out) {
  CheckStackDepth();
  auto operand = [&](const JsonPathItem& arg) { Print(arg, false, Priority(arg.type) <= Priority(v.type), out); };
  if (IsBinary(v.type)) {
    if (brackets) *out += '(';
    operand(*v.left);
    *out += ' ';
    *out += JsonPathOperationName(v.type);
    *out += ' ';
    operand(*v.right);
    if (brackets) *out += ')';
  } else {
    switch (v.type) {
      case Jpi::kNull: *out += "null"; break;
      case Jpi::kKey:
        if (in_key) *out += '.';
        EscapeJsonString(v.text, out);
        break;
      case Jpi::kString: EscapeJsonString(v.text, out); break;
      case Jpi::kVariable:
        *out += '$';
        EscapeJsonString(v.text, out);
        break;
      case Jpi::kNumeric:
        if (v.next) *out += '(';
        *out += v.text;
        if (v.next) *out += ')';
        break;
      case Jpi::kBool: *out += v.boolean ? "true" : "false"; break;
      case Jpi::kLikeRegex:
        if (brackets) *out += '(';
        operand(*v.left);
        *out += " like_regex ";
        EscapeJsonString(v.text, out);
        if (v.flags) {
          *out += " flag \"";
          if (v.flags & kRegexIcase) *out += 'i';
          if (v.flags & kRegexDotall) *out += 's';
          if (v.flags & kRegexMline) *out += 'm';
          if (v.flags & kRegexWspace) *out += 'x';
          if (v.flags & kRegexQuote) *out += 'q';
          *out += '"';
        }
        if (brackets) *out += ')';
        break;
      case Jpi::kPlus: case Jpi::kMinus:
        if (brackets) *out += '(';
        *out += v.type == Jpi::kPlus ? '+' : '-';
        operand(*v.left);
        if (brackets) *out += ')';
        break;
      case Jpi::kFilter:
        *out += "?(";
        Print(*v.left, false, false, out);
        *out += ')';
        break;
      case Jpi::kNot:
        *out += "!(";
        Print(*v.left, false, false, out);
        *out += ')';
        break;
      case Jpi::kIsUnknown:
        *out += '(';
        Print(*v.left, false, false, out);
        *out += ") is unknown";
        break;
      case Jpi::kExists:
        *out += "exists (";
        Print(*v.left, false, false, out);
        *out += ')';
        break;
      case Jpi::kCurrent: *out += '@'; break;
      case Jpi::kRoot: *out += '$'; break;
      case Jpi::kLast: *out += "last"; break;
      case Jpi::kAnyArray: *out += "[*]"; break;
      case Jpi::kAnyKey:
        if (in_key) *out += '.';
        *out += '*';
        break;
      case Jpi::kIndexArray:
        *out += '[';
        for (size_t i = 0; i < v.from.size(); i++) {
          if (i) *out += ',';
          Print(*v.from[i], false, false, out);
          if (v.to[i]) {
            *out += " to ";
            Print(*v.to[i], false, false, out);
          }
        }
        *out += ']';
        break;
      case Jpi::kAny: {
        if (in_key) *out += '.';
        auto level = [](uint32_t l) { return l == kAnyLast ? std::string("last") : std::to_string(l); };
        if (v.first == 0 && v.last == kAnyLast) *out += "**";
        else if (v.first == v.last) *out += "**{" + level(v.first) + "}";
        else *out += "**{" + level(v.first) + " to " + level(v.last) + "}";
        break;
      }
      case Jpi::kDatetime:
        *out += ".datetime(";
        if (v.left) Print(*v.left, false, false, out);
        *out += ')';
        break;
      default:  // the other item methods
        *out += '.';
        *out += JsonPathOperationName(v.type);
        *out += "()";
        break;
    }
  }
  if (v.next) Print(*v.next, true, true, out);
}

}  // namespace

const char* JsonPathOperationName(Jpi type) {
  switch (type) {
    case Jpi::kAnd: return "&&";
    case Jpi::kOr: return "||";
    case Jpi::kEqual: return "==";
    case Jpi::kNotEqual: return "!=";
    case Jpi::kLess: return "<";
    case Jpi::kGreater: return ">";
    case Jpi::kLessOrEqual: return "<=";
    case Jpi::kGreaterOrEqual: return ">=";
    case Jpi::kPlus: case Jpi::kAdd: return "+";
    case Jpi::kMinus: case Jpi::kSub: return "-";
    case Jpi::kMul: return "*";
    case Jpi::kDiv: return "/";
    case Jpi::kMod: return "%";
    case Jpi::kStartsWith: return "starts with";
    case Jpi::kLikeRegex: return "like_regex";
    case Jpi::kType: return "type";
    case Jpi::kSize: return "size";
    case Jpi::kKeyValue: return "keyvalue";
    case Jpi::kDouble: return "double";
    case Jpi::kAbs: return "abs";
    case Jpi::kFloor: return "floor";
    case Jpi::kCeiling: return "ceiling";
    case Jpi::kDatetime: return "datetime";
    default: return "?";
  }
}

std::string WriteJsonPath(const JsonPath& path) {
  std::string out = path.lax ? "" : "strict ";
  Print(*path.root, false, true, &out);
  return out;
}

}  // namespace tusk
