// jsonpath's lexer and parser: PostgreSQL 15's jsonpath_scan.l and jsonpath_gram.y as a
// recursive-descent parser. Expressions and predicates share one precedence ladder; where the
// grammar wants one and gets the other, the error names the token after it, as the LALR parser's
// does. Errors quote the scanner's last text the way PostgreSQL's yyerror does: a quoted
// string's closing quote, the blanks that ended a bare word, "at end" after the last token.
#include <cstring>

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "function/regex_engine.hpp"
#include "types/json/escapes.hpp"
#include "types/json/jsonpath.hpp"
#include "types/numeric.hpp"

namespace tusk {

namespace {

bool IsSpecial(char c) { return c && std::strchr("?%$.[]{}()|&!=<>@#,*:-+/", c); }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsOther(char c) { return c && !IsSpecial(c) && !IsBlank(c) && c != '\\' && c != '"'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
struct Token {
  enum Kind { kEnd, kWord, kString, kVariable, kNumeric, kInt, kOp } kind = kEnd;
  std::string value;  // a word's, string's or variable's characters; a number's text; an operator
  std::string shown;  // what an error at this token quotes
  bool at_end = false;
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Token Next() {
    for (;;) {
      while (p_ < s_.size() && IsBlank(s_[p_])) p_++;
      if (s_.compare(p_, 2, "/*") == 0) {
        size_t end = s_.find("*/", p_ + 2);
        if (end == std::string_view::npos) Fail("unexpected end of comment", "", true);
        p_ = end + 2;
        continue;
      }
      break;
    }
    Token t;
    if (p_ >= s_.size()) {
      t.at_end = true;
      return t;
    }
    char c = s_[p_];
    static const char* kTwo[] = {"&&", "||", "**", "<=", "==", "<>", "!=", ">="};
    for (const char* op : kTwo)
      if (s_.compare(p_, 2, op) == 0) return Op(std::string(op) == "<>" ? "!=" : op, 2);
    if (c == '$' && p_ + 1 < s_.size() && s_[p_ + 1] == '"') {
      p_ += 2;
      t.kind = Token::kVariable;
      t.value = Quoted();
      t.shown = "\"";
      return t;
    }
    if (c == '$' && IsOther(Peek(1))) {
      size_t start = p_++;
      while (IsOther(Peek(0))) p_++;
      t.kind = Token::kVariable;
      t.value = std::string(s_.substr(start + 1, p_ - start - 1));
      t.shown = std::string(s_.substr(start, p_ - start));
      return t;
    }
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return Number();
    if (IsSpecial(c)) return Op(std::string(1, c), 1);
    if (c == '"') {
      p_++;
      t.kind = Token::kString;
      t.value = Quoted();
      t.shown = "\"";
      return t;
    }
    return Word();
  }

  [[noreturn]] void Fail(const std::string& message, const std::string& shown, bool at_end) {
    if (at_end) throw Error(sqlstate::kSyntaxError, message + " at end of jsonpath input");
    throw Error(sqlstate::kSyntaxError, message + " at or near \"" + shown + "\" of jsonpath input");
  }

 private:
  std::string_view s_;
  size_t p_ = 0;

  char Peek(size_t k) const { return p_ + k < s_.size() ? s_[p_ + k] : '\0'; }

  Token Op(std::string op, size_t len) {
    Token t;
    t.kind = Token::kOp;
    t.shown = std::string(s_.substr(p_, len));
    t.value = std::move(op);
    p_ += len;
    return t;
  }

  // The longest of integer, decimal and real, as flex picks; a letter or digit right after it
  // is "trailing junk".
  Token Number() {
    size_t start = p_, q = p_;
    // flex takes the longest match: a run of name characters longer than any number rule's
    // match is a word ("0x1f", "1abc").
    size_t word = p_;
    while (word < s_.size() && IsOther(s_[word])) word++;
    bool decimal = false;
    if (s_[q] == '.') {
      decimal = true;
      q++;
      while (q < s_.size() && IsDigit(s_[q])) q++;
    } else {
      if (s_[q] == '0') q++;
      else while (q < s_.size() && IsDigit(s_[q])) q++;
      if (q < s_.size() && s_[q] == '.') {
        decimal = true;
        q++;
        while (q < s_.size() && IsDigit(s_[q])) q++;
      }
    }
    bool real = false;
    if (q < s_.size() && (s_[q] == 'e' || s_[q] == 'E')) {
      size_t e = q + 1;
      bool sign = e < s_.size() && (s_[e] == '+' || s_[e] == '-');
      if (sign) e++;
      if (e < s_.size() && IsDigit(s_[e])) {
        while (e < s_.size() && IsDigit(s_[e])) e++;
        q = e;
        real = true;
      } else if (sign && e - start >= word - start) {
        p_ = e;
        Fail("invalid numeric literal", std::string(s_.substr(start, e - start)), false);
      }
    }
    if (word > q + 1 || (word > q && !(q < s_.size() && IsOther(s_[q])))) return Word();
    if (q < s_.size() && IsOther(s_[q])) {
      p_ = q + 1;
      Fail("trailing junk after numeric literal", std::string(s_.substr(start, q + 1 - start)), false);
    }
    p_ = q;
    Token t;
    t.kind = decimal || real ? Token::kNumeric : Token::kInt;
    t.value = std::string(s_.substr(start, q - start));
    t.shown = t.value;
    return t;
  }

  // One backslash escape at p_ (pointing at the backslash), appended to out.
  void Escape(std::string* out) {
    char e = Peek(1);
    switch (e) {
      case 'b': *out += '\b'; p_ += 2; return;
      case 'f': *out += '\f'; p_ += 2; return;
      case 'n': *out += '\n'; p_ += 2; return;
      case 'r': *out += '\r'; p_ += 2; return;
      case 't': *out += '\t'; p_ += 2; return;
      case 'v': *out += '\v'; p_ += 2; return;
      case '\0':
        if (p_ + 1 >= s_.size()) Fail("unexpected end after backslash", "", true);
        break;
      case 'x': {
        int h1 = HexDigitValue(Peek(2)), h2 = HexDigitValue(Peek(3));
        if (h1 < 0 || h2 < 0) Fail("invalid hex character sequence", std::string(s_.substr(p_, h1 < 0 ? 2 : 3)), false);
        int v = h1 * 16 + h2;
        if (v == 0)
          throw Error("22P05", "unsupported Unicode escape sequence").WithDetail("\\u0000 cannot be converted to text.");
        AppendUtf8(out, static_cast<uint32_t>(v));
        p_ += 4;
        return;
      }
      case 'u': {
        uint32_t cp = Unicode();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low = Peek(0) == '\\' && Peek(1) == 'u' ? Unicode() : 0;
          if (low < 0xDC00 || low > 0xDFFF) throw Error(sqlstate::kSyntaxError, "invalid Unicode surrogate pair");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          throw Error(sqlstate::kSyntaxError, "invalid Unicode surrogate pair");
        }
        if (cp == 0) throw Error("22P05", "unsupported Unicode escape sequence")
                          .WithDetail("\\u0000 cannot be converted to text.");
        AppendUtf8(out, cp);
        return;
      }
      default:
        break;
    }
    *out += e;
    p_ += 2;
  }

  // \uXXXX or \u{X...} at p_; advances past it.
  uint32_t Unicode() {
    size_t start = p_;
    p_ += 2;
    uint32_t cp = 0;
    int n = 0;
    if (Peek(0) == '{') {
      p_++;
      while (n < 6 && HexDigitValue(Peek(0)) >= 0) cp = cp * 16 + static_cast<uint32_t>(HexDigitValue(s_[p_++])), n++;
      if (n == 0 || Peek(0) != '}') Fail("invalid unicode sequence", std::string(s_.substr(start, p_ - start)), false);
      p_++;
    } else {
      while (n < 4 && HexDigitValue(Peek(0)) >= 0) cp = cp * 16 + static_cast<uint32_t>(HexDigitValue(s_[p_++])), n++;
      if (n < 4) Fail("invalid unicode sequence", std::string(s_.substr(start, p_ - start)), false);
    }
    return cp;
  }

  // The characters of a quoted string or variable name, p_ just after the opening quote.
  std::string Quoted() {
    std::string out;
    for (;;) {
      if (p_ >= s_.size()) Fail("unexpected end of quoted string", "", true);
      char c = s_[p_];
      if (c == '"') {
        p_++;
        return out;
      }
      if (c == '\\') Escape(&out);
      else out += c, p_++;
    }
  }

  // A bare word: a key, or a keyword. The error text of a word is what ended it.
  Token Word() {
    Token t;
    t.kind = Token::kWord;
    for (;;) {
      char c = Peek(0);
      if (c == '\\') Escape(&t.value);
      else if (IsOther(c)) t.value += c, p_++;
      else break;
    }
    size_t q = p_;
    while (q < s_.size() && IsBlank(s_[q])) q++;
    if (p_ >= s_.size()) t.at_end = true;
    t.shown = std::string(s_.substr(p_, q - p_));
    return t;
  }
};

// The keyword a word is, or "" for a plain name: case-insensitive, except null, true and false.
std::string Keyword(const std::string& w) {
  static const char* kWords[] = {"is", "to", "abs", "lax", "flag", "last", "null", "size", "true", "type", "with",
                                 "false", "floor", "double", "exists", "starts", "strict", "ceiling", "unknown",
                                 "datetime", "keyvalue", "like_regex"};
  for (const char* k : kWords) {
    if (w.size() != std::strlen(k)) continue;
    bool same = true;
    for (size_t i = 0; i < w.size() && same; i++) same = std::tolower(static_cast<unsigned char>(w[i])) == k[i];
    if (!same) continue;
    if ((!std::strcmp(k, "null") || !std::strcmp(k, "true") || !std::strcmp(k, "false")) && w != k) return "";
    return k;
  }
  return "";
}

JsonPathItemP Make(Jpi type) {
  auto v = std::make_shared<JsonPathItem>();
  v->type = type;
  return v;
}

JsonPathItemP Binary(Jpi type, JsonPathItemP l, JsonPathItemP r) {
  auto v = Make(type);
  v->left = std::move(l);
  v->right = std::move(r);
  return v;
}

// What the grammar produced: an expression or a predicate (a boolean condition).
struct Parsed {
  JsonPathItemP item;
  bool predicate = false;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : lex_(text) { Advance(); }

  bool Empty() const { return tok_.kind == Token::kEnd; }

  JsonPath Path() {
    JsonPath path;
    std::string mode = WordKeyword();
    if (mode == "strict" || mode == "lax") {
      path.lax = mode == "lax";
      Advance();
    }
    path.root = Or().item;
    if (tok_.kind != Token::kEnd) SyntaxError();
    return path;
  }

 private:
  Lexer lex_;
  Token tok_;

  void Advance() { tok_ = lex_.Next(); }
  [[noreturn]] void SyntaxError() { lex_.Fail("syntax error", tok_.shown, tok_.at_end); }
  bool IsOp(const char* op) const { return tok_.kind == Token::kOp && tok_.value == op; }
  std::string WordKeyword() const { return tok_.kind == Token::kWord ? Keyword(tok_.value) : ""; }
  void Expect(const char* op) {
    if (!IsOp(op)) SyntaxError();
    Advance();
  }
  JsonPathItemP Predicate(const Parsed& p) {
    if (!p.predicate) SyntaxError();
    return p.item;
  }
  JsonPathItemP Expression(const Parsed& p) {
    if (p.predicate) SyntaxError();
    return p.item;
  }

  Parsed Or() {
    CheckStackDepth();
    Parsed l = And();
    while (IsOp("||")) {
      Predicate(l);
      Advance();
      Parsed r = And();
      l = {Binary(Jpi::kOr, l.item, Predicate(r)), true};
    }
    return l;
  }

  Parsed And() {
    Parsed l = Not();
    while (IsOp("&&")) {
      Predicate(l);
      Advance();
      Parsed r = Not();
      l = {Binary(Jpi::kAnd, l.item, Predicate(r)), true};
    }
    return l;
  }

  Parsed Not() {
    if (!IsOp("!")) return Comparison();
    Advance();
    auto v = Make(Jpi::kNot);
    if (WordKeyword() == "exists") {
      v->left = Exists();
    } else {
      Expect("(");
      v->left = Predicate(Or());
      Expect(")");
    }
    return {v, true};
  }

  JsonPathItemP Exists() {
    Advance();
    Expect("(");
    auto v = Make(Jpi::kExists);
    v->left = Expression(Or());
    Expect(")");
    return v;
  }

  Parsed Comparison() {
    Parsed l = Additive();
    static const std::pair<const char*, Jpi> kOps[] = {{"==", Jpi::kEqual}, {"!=", Jpi::kNotEqual}, {"<", Jpi::kLess},
                                                       {">", Jpi::kGreater}, {"<=", Jpi::kLessOrEqual}, {">=", Jpi::kGreaterOrEqual}};
    for (const auto& [op, type] : kOps) {
      if (!IsOp(op)) continue;
      Expression(l);
      Advance();
      Parsed r = Additive();
      return {Binary(type, l.item, Expression(r)), true};
    }
    std::string kw = WordKeyword();
    if (kw == "starts") {
      Expression(l);
      Advance();
      if (WordKeyword() != "with") SyntaxError();
      Advance();
      JsonPathItemP initial;
      if (tok_.kind == Token::kString) initial = Make(Jpi::kString);
      else if (tok_.kind == Token::kVariable) initial = Make(Jpi::kVariable);
      else SyntaxError();
      initial->text = tok_.value;
      Advance();
      return {Binary(Jpi::kStartsWith, l.item, initial), true};
    }
    if (kw == "like_regex") {
      Expression(l);
      Advance();
      if (tok_.kind != Token::kString) SyntaxError();
      auto v = Make(Jpi::kLikeRegex);
      v->left = l.item;
      v->text = tok_.value;
      Advance();
      if (WordKeyword() == "flag") {
        Advance();
        if (tok_.kind != Token::kString) SyntaxError();
        v->flags = RegexFlags(tok_.value);
        Advance();
      }
      CompileRegex(JsonPathRegexPattern(*v), (v->flags & kRegexIcase) != 0);  // 2201B now, as PostgreSQL
      return {v, true};
    }
    return l;
  }

  static int RegexFlags(const std::string& flags) {
    int f = 0;
    for (char c : flags) {
      switch (c) {
        case 'i': f |= kRegexIcase; break;
        case 's': f |= kRegexDotall; break;
        case 'm': f |= kRegexMline; break;
        case 'x': f |= kRegexWspace; break;
        case 'q': f |= kRegexQuote; break;
        default:
          throw Error(sqlstate::kSyntaxError, "invalid input syntax for type jsonpath")
              .WithDetail(std::string("Unrecognized flag character \"") + c + "\" in LIKE_REGEX predicate.");
      }
    }
    if ((f & kRegexWspace) && !(f & kRegexQuote))
      throw Error(sqlstate::kFeatureNotSupported, "XQuery \"x\" flag (expanded regular expressions) is not implemented");
    return f;
  }

  Parsed Additive() {
    Parsed l = Multiplicative();
    while (IsOp("+") || IsOp("-")) {
      Jpi type = IsOp("+") ? Jpi::kAdd : Jpi::kSub;
      Expression(l);
      Advance();
      Parsed r = Multiplicative();
      l = {Binary(type, l.item, Expression(r)), false};
    }
    return l;
  }

  Parsed Multiplicative() {
    Parsed l = Unary();
    while (IsOp("*") || IsOp("/") || IsOp("%")) {
      Jpi type = IsOp("*") ? Jpi::kMul : IsOp("/") ? Jpi::kDiv : Jpi::kMod;
      Expression(l);
      Advance();
      Parsed r = Unary();
      l = {Binary(type, l.item, Expression(r)), false};
    }
    return l;
  }

  // Unary + and - fold into a number they stand before (makeItemUnary).
  Parsed Unary() {
    CheckStackDepth();
    if (!IsOp("+") && !IsOp("-")) return Accessors();
    bool minus = IsOp("-");
    Advance();
    JsonPathItemP arg = Expression(Unary());
    if (arg->type == Jpi::kNumeric && !arg->next) {
      if (minus) {
        Numeric n;
        Numeric::Parse(arg->text, &n);
        arg->text = n.Neg().ToString();
      }
      return {arg, false};
    }
    auto v = Make(minus ? Jpi::kMinus : Jpi::kPlus);
    v->left = arg;
    return {v, false};
  }

  Parsed Accessors() {
    Parsed p = Primary();
    if (p.item->type == Jpi::kExists && p.predicate) return p;
    JsonPathItemP tail = p.item;
    while (tail->next) tail = tail->next;
    while (JsonPathItemP a = Accessor()) {
      tail->next = a;
      tail = a;
      p.predicate = false;
    }
    return p;
  }

  Parsed Primary() {
    std::string kw = WordKeyword();
    JsonPathItemP v;
    switch (tok_.kind) {
      case Token::kString:
        v = Make(Jpi::kString);
        v->text = tok_.value;
        break;
      case Token::kVariable:
        v = Make(Jpi::kVariable);
        v->text = tok_.value;
        break;
      case Token::kNumeric:
      case Token::kInt: {
        v = Make(Jpi::kNumeric);
        Numeric n;
        Numeric::Parse(tok_.value, &n);
        v->text = n.ToString();
        break;
      }
      case Token::kWord:
        if (kw == "null") v = Make(Jpi::kNull);
        else if (kw == "true" || kw == "false") v = Make(Jpi::kBool), v->boolean = kw == "true";
        else if (kw == "last") v = Make(Jpi::kLast);
        else if (kw == "exists") return {Exists(), true};
        else SyntaxError();
        break;
      case Token::kOp:
        if (IsOp("$")) v = Make(Jpi::kRoot);
        else if (IsOp("@")) v = Make(Jpi::kCurrent);
        else if (IsOp("(")) return Parenthesized();
        else SyntaxError();
        break;
      default:
        SyntaxError();
    }
    Advance();
    return {v, false};
  }

  // ( expr ) or ( predicate ), the latter maybe followed by IS UNKNOWN.
  Parsed Parenthesized() {
    Advance();
    Parsed inner = Or();
    Expect(")");
    if (inner.predicate && WordKeyword() == "is") {
      Advance();
      if (WordKeyword() != "unknown") SyntaxError();
      Advance();
      auto v = Make(Jpi::kIsUnknown);
      v->left = inner.item;
      return {v, true};
    }
    return inner;
  }

  // One accessor, or null when the next token starts none.
  JsonPathItemP Accessor() {
    if (IsOp("[")) return Subscripts();
    if (IsOp("?")) {
      Advance();
      Expect("(");
      auto v = Make(Jpi::kFilter);
      v->left = Predicate(Or());
      Expect(")");
      return v;
    }
    if (!IsOp(".")) return nullptr;
    Advance();
    if (IsOp("*")) {
      Advance();
      return Make(Jpi::kAnyKey);
    }
    if (IsOp("**")) return AnyPath();
    if (tok_.kind == Token::kString) {
      auto v = Make(Jpi::kKey);
      v->text = tok_.value;
      Advance();
      return v;
    }
    if (tok_.kind != Token::kWord) SyntaxError();
    std::string kw = WordKeyword();
    std::string name = tok_.value;
    Advance();
    static const std::pair<const char*, Jpi> kMethods[] = {{"abs", Jpi::kAbs}, {"size", Jpi::kSize}, {"type", Jpi::kType},
                                                           {"floor", Jpi::kFloor}, {"double", Jpi::kDouble},
                                                           {"ceiling", Jpi::kCeiling}, {"keyvalue", Jpi::kKeyValue}};
    if (IsOp("(")) {
      for (const auto& [method, type] : kMethods)
        if (kw == method) {
          Advance();
          Expect(")");
          return Make(type);
        }
      if (kw == "datetime") {
        Advance();
        auto v = Make(Jpi::kDatetime);
        if (tok_.kind == Token::kString) {
          v->left = Make(Jpi::kString);
          v->left->text = tok_.value;
          Advance();
        }
        Expect(")");
        return v;
      }
      SyntaxError();
    }
    auto v = Make(Jpi::kKey);
    v->text = name;
    return v;
  }

  JsonPathItemP Subscripts() {
    Advance();
    if (IsOp("*")) {
      Advance();
      Expect("]");
      return Make(Jpi::kAnyArray);
    }
    auto v = Make(Jpi::kIndexArray);
    for (;;) {
      v->from.push_back(Expression(Additive()));
      if (WordKeyword() == "to") {
        Advance();
        v->to.push_back(Expression(Additive()));
      } else {
        v->to.push_back(nullptr);
      }
      if (IsOp("]")) break;
      Expect(",");
    }
    Advance();
    return v;
  }

  JsonPathItemP AnyPath() {
    Advance();
    auto v = Make(Jpi::kAny);
    if (!IsOp("{")) return v;
    Advance();
    v->first = v->last = Level();
    if (WordKeyword() == "to") {
      Advance();
      v->last = Level();
    }
    Expect("}");
    return v;
  }

  uint32_t Level() {
    uint32_t level;
    if (tok_.kind == Token::kInt) {
      unsigned long long n = std::stoull(tok_.value.size() > 10 ? "99999999999" : tok_.value);
      if (n > 2147483647ULL)
        throw Error(sqlstate::kNumericValueOutOfRange, "value \"" + tok_.value + "\" is out of range for type integer");
      level = static_cast<uint32_t>(n);
    } else if (WordKeyword() == "last") {
      level = kAnyLast;
    } else {
      SyntaxError();
    }
    Advance();
    return level;
  }
};

// PostgreSQL's checks when it flattens the tree: `@` only inside a filter, `last` only inside
// an array subscript.
void Check(const JsonPathItem* v, int filters, bool subscript) {
  CheckStackDepth();
  for (; v; v = v->next.get()) {
    if (v->type == Jpi::kCurrent && filters <= 0)
      throw Error(sqlstate::kSyntaxError, "@ is not allowed in root expressions");
    if (v->type == Jpi::kLast && !subscript)
      throw Error(sqlstate::kSyntaxError, "LAST is allowed only in array subscripts");
    int inner = filters + (v->type == Jpi::kFilter ? 1 : 0);
    Check(v->left.get(), inner, subscript);
    Check(v->right.get(), inner, subscript);
    for (size_t i = 0; i < v->from.size(); i++) {
      Check(v->from[i].get(), filters, true);
      Check(v->to[i].get(), filters, true);
    }
  }
}

}  // namespace

std::string JsonPathRegexPattern(const JsonPathItem& like_regex) {
  std::string out;
  if (like_regex.flags & kRegexQuote) {
    for (char c : like_regex.text) {
      if (std::strchr("\\^$.|?*+()[]{}", c)) out += '\\';
      out += c;
    }
    return out;
  }
  // Without "s" a dot stops at a newline (the engine's default); with it, it does not. With "m",
  // ^ and $ also match at newlines (the pattern is only searched, so consuming one is harmless).
  const bool dotall = like_regex.flags & kRegexDotall, multiline = like_regex.flags & kRegexMline;
  bool bracket = false;
  const std::string& p = like_regex.text;
  for (size_t i = 0; i < p.size(); i++) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += c;
      out += p[++i];
    } else if (bracket) {
      if (c == ']') bracket = false;
      out += c;
    } else if (c == '[') {
      bracket = true;
      out += c;
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
    } else if (c == '.' && dotall) {
      out += "[\\s\\S]";
    } else if (c == '^' && multiline) {
      out += "(?:^|\n)";
    } else if (c == '$' && multiline) {
      out += "(?:$|(?=\n))";
    } else {
      out += c;
    }
  }
  return out;
}

JsonPath ParseJsonPath(std::string_view text) {
  // PostgreSQL reads the text as a C string: it ends at a NUL byte.
  text = text.substr(0, text.find('\0'));
  Parser parser(text);
  if (parser.Empty())
    throw Error(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type jsonpath: \"" + std::string(text) + "\"");
  JsonPath path = parser.Path();
  Check(path.root.get(), 0, false);
  return path;
}

}  // namespace tusk
