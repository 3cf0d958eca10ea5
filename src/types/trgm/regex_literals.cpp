#include "types/trgm/regex_literals.hpp"

#include <cctype>
#include <optional>
#include <set>

#include "common/stack_depth.hpp"
#include "common/utf8.hpp"

namespace tusk {

namespace {
using Kind = RegexLiterals::Kind;
constexpr size_t kMaxExact = 16;       // exact strings a node may keep
constexpr size_t kMaxExactBytes = 64;  // and how long each

RegexLiterals Nothing() { return {}; }
RegexLiterals Literal(std::string s) {
  RegexLiterals r;
  r.kind = Kind::kLiteral;
  r.literal = std::move(s);
  return r;
}
RegexLiterals Combine(Kind kind, RegexLiterals a, RegexLiterals b) {
  if (kind == Kind::kAll) {
    if (a.kind == Kind::kNothing) return b;
    if (b.kind == Kind::kNothing) return a;
  } else if (a.kind == Kind::kNothing || b.kind == Kind::kNothing) {
    return Nothing();  // one side may match without any literal
  }
  RegexLiterals r;
  r.kind = kind;
  for (RegexLiterals* side : {&a, &b}) {
    if (side->kind == kind) for (auto& c : side->children) r.children.push_back(std::move(c));
    else r.children.push_back(std::move(*side));
  }
  return r;
}

// What a part of the pattern matches: the exact strings when known (a small set), and what
// every match holds besides.
struct Info {
  std::optional<std::set<std::string>> exact;
  RegexLiterals must;

  // Everything known about it as one requirement.
  RegexLiterals Required() const {
    RegexLiterals r = must;
    if (exact) {
      RegexLiterals any;
      bool first = true;
      for (const auto& s : *exact) {
        RegexLiterals lit = s.empty() ? Nothing() : Literal(s);
        any = first ? lit : Combine(Kind::kAny, std::move(any), std::move(lit));
        first = false;
      }
      r = Combine(Kind::kAll, std::move(r), std::move(any));
    }
    return r;
  }
  void Forget() {  // keep what the exact strings require, not the strings
    must = Required();
    exact.reset();
  }
};

Info Exact(std::string s) {
  Info i;
  i.exact = std::set<std::string>{std::move(s)};
  return i;
}
Info Anything() { return Info(); }

Info Concat(Info a, Info b) {
  if (a.exact && b.exact && a.exact->size() * b.exact->size() <= kMaxExact) {
    std::set<std::string> both;
    bool too_long = false;
    for (const auto& x : *a.exact)
      for (const auto& y : *b.exact) {
        too_long |= x.size() + y.size() > kMaxExactBytes;
        both.insert(x + y);
      }
    if (!too_long) {
      Info r;
      r.exact = std::move(both);
      r.must = Combine(Kind::kAll, std::move(a.must), std::move(b.must));
      return r;
    }
  }
  a.Forget();
  b.Forget();
  Info r;
  r.must = Combine(Kind::kAll, std::move(a.must), std::move(b.must));
  return r;
}

Info Alternate(Info a, Info b) {
  Info r;
  if (a.exact && b.exact && a.exact->size() + b.exact->size() <= kMaxExact) {
    r.exact = std::move(a.exact);
    r.exact->insert(b.exact->begin(), b.exact->end());
    r.must = Combine(Kind::kAny, std::move(a.must), std::move(b.must));
    return r;
  }
  r.must = Combine(Kind::kAny, a.Required(), b.Required());
  return r;
}

// A recursive-descent reader of the pattern. `ok` turns false on anything it cannot place
// (an unbalanced parenthesis, expanded syntax): the caller then requires nothing.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}
  bool ok = true;

  Info Pattern() {
    Info r = Branches();
    if (i_ < p_.size()) ok = false;  // a ')' without its '('
    return r;
  }

 private:
  std::string_view p_;
  size_t i_ = 0;

  bool More() const { return i_ < p_.size(); }
  char Peek() const { return p_[i_]; }

  Info Branches() {
    CheckStackDepth();
    Info r = Branch();
    while (ok && More() && Peek() == '|') {
      i_++;
      r = Alternate(std::move(r), Branch());
    }
    return r;
  }

  Info Branch() {
    Info r = Exact("");
    while (ok && More() && Peek() != '|' && Peek() != ')') r = Concat(std::move(r), Quantified());
    return r;
  }

  // An atom and the quantifiers after it.
  Info Quantified() {
    Info atom = Atom();
    while (ok && More()) {
      char c = Peek();
      size_t least = 0;
      if (c == '*' || c == '?') {
        i_++;
        least = 0;
        if (c == '?' && atom.exact) {  // x? is x or nothing
          atom.exact->insert("");
          atom.must = Nothing();
          SkipLazy();
          continue;
        }
      } else if (c == '+') {
        i_++;
        least = 1;
      } else if (c == '{' && i_ + 1 < p_.size() && std::isdigit(static_cast<unsigned char>(p_[i_ + 1]))) {
        std::optional<size_t> m = Bound();
        if (!m) return Anything();
        least = *m;
      } else {
        break;
      }
      SkipLazy();
      if (least == 0) atom = Anything();
      else atom.Forget();  // at least once: what one match requires
    }
    return atom;
  }

  void SkipLazy() {
    if (More() && Peek() == '?') i_++;
  }

  // {m}, {m,}, {m,n}: m; nullopt (and not ok) when malformed.
  std::optional<size_t> Bound() {
    size_t close = p_.find('}', i_);
    if (close == std::string_view::npos) {
      ok = false;
      return std::nullopt;
    }
    std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
    size_t digits = 0;
    while (digits < body.size() && body[digits] >= '0' && body[digits] <= '9') digits++;
    if (digits == 0 || digits > 3) {
      ok = false;
      return std::nullopt;
    }
    i_ = close + 1;
    return static_cast<size_t>(std::stoi(std::string(body.substr(0, digits))));
  }

  Info Atom() {
    char c = Peek();
    switch (c) {
      case '(': {
        i_++;
        if (More() && Peek() == '?') {
          // (?:...) groups; (?=...) (?!...) (?<=...) (?<!...) look around and match nothing.
          std::string_view rest = p_.substr(i_);
          bool look = rest.starts_with("?=") || rest.starts_with("?!") || rest.starts_with("?<=") || rest.starts_with("?<!");
          if (!rest.starts_with("?:") && !look) {
            ok = false;
            return Anything();
          }
          i_ += rest.starts_with("?<") ? 3 : 2;
          Branches();
          Close();
          return look ? Exact("") : Anything();
        }
        Info r = Branches();
        Close();
        return r;
      }
      case '[': SkipBracket(); return Anything();
      case '.': i_++; return Anything();
      case '^':
      case '$': i_++; return Exact("");
      case '\\': return Escape();
      case '*':
      case '+':
      case '?': ok = false; return Anything();  // a quantifier with nothing before it
      case '{':
        if (i_ + 1 < p_.size() && std::isdigit(static_cast<unsigned char>(p_[i_ + 1]))) {
          ok = false;
          return Anything();
        }
        i_++;
        return Exact("{");  // not a bound: an ordinary character
      default: {
        size_t n = Utf8CharLength(p_.substr(i_));
        std::string ch(p_.substr(i_, n));
        i_ += n;
        return Exact(std::move(ch));
      }
    }
  }

  void Close() {
    if (More() && Peek() == ')') i_++;
    else ok = false;
  }

  Info Escape() {
    i_++;
    if (!More()) {
      ok = false;
      return Anything();
    }
    char c = Peek();
    if (!std::isalnum(static_cast<unsigned char>(c))) {  // an escaped ordinary character
      size_t n = Utf8CharLength(p_.substr(i_));
      std::string ch(p_.substr(i_, n));
      i_ += n;
      return Exact(std::move(ch));
    }
    i_++;
    switch (c) {
      case 'n': return Exact("\n");
      case 't': return Exact("\t");
      case 'r': return Exact("\r");
      case 'f': return Exact("\f");
      case 'v': return Exact("\v");
      case 'A': case 'Z': case 'm': case 'M': case 'y': case 'Y': return Exact("");
      default:
        // Classes (\d \w \s ...), character codes (\x41, \u00e9, \0, octal) and
        // back-references match something this reader does not work out. A code's digits are
        // part of it (skipping a few too many only asks for less).
        if (c == 'x' || c == 'u' || c == 'U' || std::isdigit(static_cast<unsigned char>(c)))
          while (More() && std::isxdigit(static_cast<unsigned char>(Peek()))) i_++;
        if (c == 'c' && More()) i_ += Utf8CharLength(p_.substr(i_));  // \cX: a control character
        return Anything();
    }
  }

  // [...] with [:class:], [.coll.], [=equiv=] and escapes (\]) inside.
  void SkipBracket() {
    i_++;
    if (More() && Peek() == '^') i_++;
    if (More() && Peek() == ']') {
      // PostgreSQL reads []a] as a class holding ], the engine Tusk runs (ECMAScript) as an
      // empty class and then a]: the two readings split the pattern differently, so neither is
      // trusted.
      ok = false;
      return;
    }
    while (More() && Peek() != ']') {
      if (Peek() == '\\') {
        i_ += i_ + 1 < p_.size() ? 2 : 1;
        continue;
      }
      if (Peek() == '[' && i_ + 1 < p_.size() && (p_[i_ + 1] == ':' || p_[i_ + 1] == '.' || p_[i_ + 1] == '=')) {
        char kind = p_[i_ + 1];
        size_t end = p_.find(std::string{kind, ']'}, i_ + 2);
        if (end == std::string_view::npos) {
          ok = false;
          return;
        }
        i_ = end + 2;
        continue;
      }
      i_++;
    }
    if (More()) i_++;
    else ok = false;
  }
};
}  // namespace

RegexLiterals RegexRequiredLiterals(std::string_view pattern) {
  // ***= makes the rest a literal; ***: is the default (ARE); embedded options first.
  if (pattern.starts_with("***=")) return pattern.size() > 4 ? Literal(std::string(pattern.substr(4))) : Nothing();
  if (pattern.starts_with("***:")) pattern.remove_prefix(4);
  if (pattern.starts_with("(?")) {
    size_t close = pattern.find(')');
    if (close == std::string_view::npos) return Nothing();
    std::string_view flags = pattern.substr(2, close - 2);
    if (flags.find_first_not_of("bcegimnpqstw") != std::string_view::npos) return Nothing();  // x, or not options
    if (flags.find_first_of("bex") != std::string_view::npos) return Nothing();  // other syntaxes
    pattern.remove_prefix(close + 1);
    if (flags.find('q') != std::string_view::npos) return pattern.empty() ? Nothing() : Literal(std::string(pattern));
  }
  Reader reader(pattern);
  Info info = reader.Pattern();
  if (!reader.ok) return Nothing();
  return info.Required();
}

}  // namespace tusk
