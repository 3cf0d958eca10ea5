#include "types/tsearch/tsquery.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "common/error.hpp"
#include "common/legacy_crc32.hpp"
#include "common/notices.hpp"
#include "common/rowcodec.hpp"
#include "common/strings.hpp"
#include "common/stack_depth.hpp"
#include "types/tsearch/ts_ctype.hpp"
#include "types/tsearch/ts_wire.hpp"
#include "types/tsearch/tsvector.hpp"
#include "types/tsearch/tsvector_parser.hpp"

namespace tusk {

namespace {

int Priority(TsOp op) {
  switch (op) {
    case TsOp::kNot: return 4;
    case TsOp::kPhrase: return 3;
    case TsOp::kAnd: return 2;
    case TsOp::kOr: return 1;
    default: return 0;
  }
}

[[noreturn]] void Corrupt() { throw Error(sqlstate::kDataCorrupted, "corrupt tsquery value"); }

// findoprnd: walks the subtree at *pos (operator, right subtree, left subtree), setting each
// binary operator's left offset; false when the items do not form one tree.
bool Link(std::vector<TsQueryItem>& items, size_t* pos, int depth) {
  if (*pos >= items.size() || depth > 100000) return false;
  if (depth % 64 == 0) CheckStackDepth();
  TsQueryItem& it = items[*pos];
  size_t at = (*pos)++;
  if (it.op == TsOp::kOperand || it.op == TsOp::kStop) return true;
  if (!Link(items, pos, depth + 1)) return false;  // NOT's operand, or the right operand
  if (it.op == TsOp::kNot) return true;
  items[at].left = static_cast<uint32_t>(*pos - at);
  return Link(items, pos, depth + 1);
}

}  // namespace

// The first thing operands are ordered by.
int32_t TsQueryOperandCrc(std::string_view s) { return static_cast<int32_t>(LegacyCrc32(s)); }

// What PostgreSQL's VARSIZE of the query is: header, 12 bytes per item, NUL-ended operands.
size_t TsQueryPgSize(const TsQuery& q) {
  size_t n = 8 + 12 * q.items.size();
  for (const auto& it : q.items)
    if (it.op == TsOp::kOperand) n += it.word.size() + 1;
  return n;
}

namespace {

// A query as a tree, for removing stop-word places (PostgreSQL's clean_stopword_intree).
struct Node {
  TsQueryItem item;
  std::unique_ptr<Node> left, right;  // NOT: its operand is `right`
};

std::unique_ptr<Node> Tree(const TsQuery& q, size_t i) {
  CheckStackDepth();
  auto n = std::make_unique<Node>();
  n->item = q.items[i];
  if (n->item.op != TsOp::kOperand && n->item.op != TsOp::kStop) {
    n->right = Tree(q, i + 1);
    if (n->item.op != TsOp::kNot) n->left = Tree(q, i + n->item.left);
  }
  return n;
}

// Drops stop-word places; a phrase that loses an operand passes its distance on, so that
// 'cat the sat' keeps 'cat' <2> 'sat'. ladd / radd: distance owed to the left / right.
std::unique_ptr<Node> CleanStops(std::unique_ptr<Node> n, int* ladd, int* radd) {
  CheckStackDepth();
  *ladd = *radd = 0;
  if (n->item.op == TsOp::kOperand) return n;
  if (n->item.op == TsOp::kStop) return nullptr;
  if (n->item.op == TsOp::kNot) {
    n->right = CleanStops(std::move(n->right), ladd, radd);
    return n->right ? std::move(n) : nullptr;
  }
  int lladd, lradd, rladd, rradd;
  n->left = CleanStops(std::move(n->left), &lladd, &lradd);
  n->right = CleanStops(std::move(n->right), &rladd, &rradd);
  bool phrase = n->item.op == TsOp::kPhrase;
  int distance = phrase ? n->item.distance : 0;
  if (!n->left && !n->right) {
    *ladd = *radd = phrase ? lladd + distance + rladd : std::max(lladd, rladd);
    return nullptr;
  }
  if (!n->left) {
    *ladd = phrase ? lladd + distance + rladd : rladd;
    *radd = rradd;
    return std::move(n->right);
  }
  if (!n->right) {
    *ladd = lladd;
    *radd = phrase ? lradd + distance + rradd : lradd;
    return std::move(n->left);
  }
  if (phrase) {
    n->item.distance = static_cast<uint16_t>(n->item.distance + lradd + rladd);
    *ladd = lladd;
    *radd = rradd;
  }
  return n;
}

void Flatten(const Node& n, std::vector<TsQueryItem>* out) {
  out->push_back(n.item);
  if (n.right) Flatten(*n.right, out);
  if (n.left) Flatten(*n.left, out);
}

TsQuery WithoutStopWords(const TsQuery& q) {
  int ladd, radd;
  std::unique_ptr<Node> root = CleanStops(Tree(q, 0), &ladd, &radd);
  TsQuery out;
  if (!root) {
    RaiseNotice({"NOTICE", "00000", "text-search query contains only stop words or doesn't contain lexemes, ignored"});
    return out;
  }
  Flatten(*root, &out.items);
  LinkTsQuery(&out);
  return out;
}

// The reader of tsquery text (gettoken_query_standard + makepol).
class QueryParser {
 public:
  QueryParser(std::string_view text, const TsOperandFn* operand, TsQuerySyntax syntax)
      : text_(text), words_(text, true, syntax == TsQuerySyntax::kWeb), operand_(operand), syntax_(syntax), out_(text) {}

  TsQuery Parse() {
    Level();
    TsQuery q;
    q.items.assign(out_.polish.rbegin(), out_.polish.rend());
    if (q.items.empty()) {
      RaiseNotice({"NOTICE", "00000", "text-search query doesn't contain lexemes: \"" + std::string(text_) + "\""});
      return q;
    }
    LinkTsQuery(&q);
    return out_.stops ? WithoutStopWords(q) : q;
  }

 private:
  enum class Token { kValue, kOperator, kOpen, kClose, kEnd, kError };
  struct Pending {
    TsOp op;
    uint16_t distance;
  };

  [[noreturn]] void SyntaxError() const {
    throw Error(sqlstate::kSyntaxError, "syntax error in tsquery: \"" + std::string(text_) + "\"");
  }
  bool At(char c) const { return at_ < text_.size() && text_[at_] == c; }
  std::string_view Char() const { return at_ < text_.size() ? text_.substr(at_, TsCharLength(text_.substr(at_))) : std::string_view(); }

  // One level of parentheses: operands go out as they come, operators wait on a stack of 32
  // until one of lower priority (NOT: of lower or equal) arrives.
  void Level() {
    CheckStackDepth();
    Pending stack[32];
    int depth = 0;
    auto clean = [&](TsOp op) {
      while (depth > 0) {
        int top = Priority(stack[depth - 1].op);
        if ((op != TsOp::kNot && Priority(op) > top) || (op == TsOp::kNot && Priority(op) >= top)) break;
        depth--;
        PushOperator(stack[depth].op, stack[depth].distance);
      }
    };
    for (;;) {
      switch (Next()) {
        case Token::kValue: PushValue(); break;
        case Token::kOperator:
          clean(op_);
          if (depth == 32) throw Error(sqlstate::kProgramLimitExceeded, "tsquery stack too small");
          stack[depth++] = {op_, distance_};
          break;
        case Token::kOpen: Level(); break;
        case Token::kClose: clean(TsOp::kOr); return;
        case Token::kEnd: clean(TsOp::kOr); return;
        case Token::kError: SyntaxError();
      }
    }
  }

  void PushValue() {
    if (operand_) (*operand_)(out_, token_.word, weight_, prefix_);
    else out_.PushValue(std::move(token_.word), weight_, prefix_);
  }
  void PushOperator(TsOp op, uint16_t distance) { out_.PushOperator(op, distance); }

  // ":" then any run of a-d, A-D and * (get_modifiers).
  void Modifiers() {
    weight_ = 0;
    prefix_ = false;
    if (!At(':')) return;
    for (at_++; at_ < text_.size(); at_++) {
      switch (text_[at_]) {
        case 'a': case 'A': weight_ |= 8; break;
        case 'b': case 'B': weight_ |= 4; break;
        case 'c': case 'C': weight_ |= 2; break;
        case 'd': case 'D': weight_ |= 1; break;
        case '*': prefix_ = true; break;
        default: return;
      }
    }
  }

  // "<->" or "<N>" (parse_phrase_operator): a character must follow the '>'.
  bool PhraseOperator() {
    size_t p = at_;
    if (p >= text_.size() || text_[p] != '<') return false;
    p++;
    long d = 1;
    if (p < text_.size() && text_[p] == '-') {
      p++;
    } else {
      if (p >= text_.size() || !TsIsDigit(text_.substr(p, 1))) return false;
      size_t start = p;
      while (p < text_.size() && text_[p] >= '0' && text_[p] <= '9') p++;
      std::string digits(text_.substr(start, p - start));
      errno = 0;
      d = std::strtol(digits.c_str(), nullptr, 10);
      if (errno == ERANGE || d < 0 || d > kTsMaxPhraseDistance)
        throw Error(sqlstate::kInvalidParameterValue,
                    "distance in phrase operator must be an integer value between zero and 16384 inclusive");
    }
    if (p >= text_.size() || text_[p] != '>') return false;
    p++;
    if (p >= text_.size()) return false;
    distance_ = static_cast<uint16_t>(d);
    at_ = p;
    return true;
  }

  Token Next() {
    if (syntax_ == TsQuerySyntax::kWeb) return NextWeb();
    if (syntax_ == TsQuerySyntax::kPlain) {  // the whole text is one operand (plainto_tsquery, phraseto_tsquery)
      if (at_ >= text_.size()) return Token::kEnd;
      token_.word.assign(text_);
      at_ = text_.size();
      weight_ = 0;
      prefix_ = false;
      return Token::kValue;
    }
    for (;; at_ += std::max<size_t>(1, Char().size())) {
      if (waiting_operand_) {
        if (At('!')) {
          at_++;
          first_ = false;
          op_ = TsOp::kNot;
          return Token::kOperator;
        }
        if (At('(')) {
          at_++;
          first_ = false;
          open_++;
          return Token::kOpen;
        }
        if (At(':')) SyntaxError();
        if (at_ < text_.size() && TsIsSpace(Char())) continue;
        words_.set_offset(at_);
        if (words_.Next(&token_)) {
          at_ = words_.offset();
          Modifiers();
          waiting_operand_ = false;
          first_ = false;
          return Token::kValue;
        }
        if (first_) return Token::kEnd;
        throw Error(sqlstate::kSyntaxError, "no operand in tsquery: \"" + std::string(text_) + "\"");
      }
      if (At('&') || At('|')) {
        op_ = At('&') ? TsOp::kAnd : TsOp::kOr;
        at_++;
        waiting_operand_ = true;
        return Token::kOperator;
      }
      if (PhraseOperator()) {
        op_ = TsOp::kPhrase;
        waiting_operand_ = true;
        return Token::kOperator;
      }
      if (At(')')) {
        at_++;
        return --open_ < 0 ? Token::kError : Token::kClose;
      }
      if (at_ >= text_.size()) return open_ ? Token::kError : Token::kEnd;
      if (!TsIsSpace(Char())) return Token::kError;
    }
  }

  // websearch_to_tsquery's reader: "quoted text" is one operand (a phrase), `or` between
  // operands is |, `-` before one is !, other operator characters are ignored, and operands
  // side by side are joined by &.
  Token NextWeb() {
    weight_ = 0;
    prefix_ = false;
    for (;; at_ += std::max<size_t>(1, Char().size())) {
      if (waiting_operand_) {
        if (At('-')) {
          at_++;
          first_ = false;
          op_ = TsOp::kNot;
          return Token::kOperator;
        }
        if (At('"')) {
          size_t start = ++at_;
          while (at_ < text_.size() && text_[at_] != '"') at_++;
          token_.word.assign(text_.substr(start, at_ - start));
          if (at_ < text_.size()) at_++;
          waiting_operand_ = false;
          first_ = false;
          return Token::kValue;
        }
        if (at_ < text_.size() && IsTsOperatorChar(text_[at_])) continue;  // ignored: the loop steps past it
        if (at_ >= text_.size() || TsIsSpace(Char())) {
          if (at_ >= text_.size()) {
            if (!first_) out_.PushStop();  // an operator waits for an operand that never came
            return Token::kEnd;
          }
          continue;
        }
        words_.set_offset(at_);
        if (words_.Next(&token_)) {
          at_ = words_.offset();
          waiting_operand_ = false;
          first_ = false;
          return Token::kValue;
        }
        if (!first_) out_.PushStop();
        return Token::kEnd;
      }
      if (at_ >= text_.size()) return Token::kEnd;
      if (OrOperator()) {
        waiting_operand_ = true;
        op_ = TsOp::kOr;
        return Token::kOperator;
      }
      if (IsTsOperatorChar(text_[at_])) continue;
      if (!TsIsSpace(Char())) {  // operands side by side: an implicit &
        waiting_operand_ = true;
        op_ = TsOp::kAnd;
        return Token::kOperator;
      }
    }
  }

  // "or" (any case), not part of a word, with an operand somewhere after it.
  bool OrOperator() {
    if (text_.size() - at_ < 2 || (text_[at_] | 0x20) != 'o' || (text_[at_ + 1] | 0x20) != 'r') return false;
    size_t p = at_ + 2;
    if (p >= text_.size()) return false;
    std::string_view next = text_.substr(p, TsCharLength(text_.substr(p)));
    if (next == "-" || next == "_" || TsIsAlpha(next) || TsIsDigit(next)) return false;
    for (;;) {
      p += TsCharLength(text_.substr(p));
      if (p >= text_.size()) return false;
      if (!TsIsSpace(text_.substr(p, TsCharLength(text_.substr(p))))) break;
    }
    at_ += 2;
    return true;
  }

  std::string_view text_;
  TsWordReader words_;
  size_t at_ = 0;
  bool waiting_operand_ = true, first_ = true;
  int open_ = 0;
  TsToken token_;
  TsOp op_ = TsOp::kAnd;
  uint16_t distance_ = 1;
  uint8_t weight_ = 0;
  bool prefix_ = false;
  const TsOperandFn* operand_;
  TsQuerySyntax syntax_;
  TsQueryBuilder out_;
};

void Infix(const TsQuery& q, size_t i, int parent_priority, bool right_phrase, std::string* out) {
  CheckStackDepth();
  const TsQueryItem& it = q.items[i];
  if (it.op == TsOp::kOperand) {
    *out += '\'';
    for (char c : it.word) {
      if (c == '\'' || c == '\\') *out += c;
      *out += c;
    }
    *out += '\'';
    if (it.weight || it.prefix) {
      *out += ':';
      if (it.prefix) *out += '*';
      if (it.weight & 8) *out += 'A';
      if (it.weight & 4) *out += 'B';
      if (it.weight & 2) *out += 'C';
      if (it.weight & 1) *out += 'D';
    }
    return;
  }
  if (it.op == TsOp::kNot) {
    *out += '!';
    Infix(q, i + 1, 4, false, out);
    return;
  }
  int p = Priority(it.op);
  bool paren = p < parent_priority || (it.op == TsOp::kPhrase && right_phrase);
  if (paren) *out += "( ";
  Infix(q, i + it.left, p, false, out);
  switch (it.op) {
    case TsOp::kAnd: *out += " & "; break;
    case TsOp::kOr: *out += " | "; break;
    default: *out += it.distance == 1 ? " <-> " : " <" + std::to_string(it.distance) + "> ";
  }
  Infix(q, i + 1, p, it.op == TsOp::kPhrase, out);
  if (paren) *out += " )";
}

int CompareItems(const TsQuery& a, size_t i, const TsQuery& b, size_t j) {
  CheckStackDepth();
  const TsQueryItem &x = a.items[i], &y = b.items[j];
  bool xo = x.op != TsOp::kOperand, yo = y.op != TsOp::kOperand;
  if (xo != yo) return xo ? -1 : 1;  // an operator before an operand
  if (!xo) {
    int32_t cx = TsQueryOperandCrc(x.word), cy = TsQueryOperandCrc(y.word);
    if (cx != cy) return cx > cy ? -1 : 1;
    return CompareLexemes(x.word, y.word);
  }
  if (x.op != y.op) return static_cast<int>(x.op) > static_cast<int>(y.op) ? -1 : 1;
  if (int c = CompareItems(a, i + 1, b, j + 1)) return c;  // the right operand (NOT: its operand) first
  if (x.op != TsOp::kNot)
    if (int c = CompareItems(a, i + x.left, b, j + y.left)) return c;
  if (x.op == TsOp::kPhrase && x.distance != y.distance) return x.distance > y.distance ? -1 : 1;
  return 0;
}

// Appends the subtree at i without its NOT branches; false when nothing is left of it.
bool WithoutNot(const TsQuery& q, size_t i, TsQuery* out) {
  CheckStackDepth();
  const TsQueryItem& it = q.items[i];
  if (it.op == TsOp::kOperand) {
    out->items.push_back(it);
    return true;
  }
  if (it.op == TsOp::kNot) return false;
  TsQuery right, left;
  bool r = WithoutNot(q, i + 1, &right), l = WithoutNot(q, i + it.left, &left);
  if (it.op == TsOp::kOr && !(r && l)) return false;
  if (!r && !l) return false;
  if (!r || !l) {
    const TsQuery& kept = r ? right : left;
    out->items.insert(out->items.end(), kept.items.begin(), kept.items.end());
    return true;
  }
  TsQueryItem op = it;
  out->items.push_back(op);
  out->items.insert(out->items.end(), right.items.begin(), right.items.end());
  out->items.insert(out->items.end(), left.items.begin(), left.items.end());
  return true;
}

}  // namespace

void LinkTsQuery(TsQuery* q) {
  size_t pos = 0;
  if (!Link(q->items, &pos, 0) || pos != q->items.size()) Corrupt();
}

std::string EncodeTsQuery(const TsQuery& q) {
  std::string out;
  AppendVarint(q.items.size(), &out);
  for (const auto& it : q.items) {
    out.push_back(static_cast<char>(it.op));
    if (it.op == TsOp::kOperand) {
      out.push_back(static_cast<char>(it.weight));
      out.push_back(it.prefix ? 1 : 0);
      AppendVarint(it.word.size(), &out);
      out += it.word;
    } else {
      AppendVarint(it.distance, &out);
      AppendVarint(it.left, &out);
    }
  }
  return out;
}

TsQuery DecodeTsQuery(std::string_view in) {
  TsQuery q;
  uint64_t n = 0;
  if (!ReadVarint(&in, &n) || n > in.size()) Corrupt();
  q.items.resize(n);
  for (auto& it : q.items) {
    if (in.empty()) Corrupt();
    it.op = static_cast<TsOp>(in[0]);
    in.remove_prefix(1);
    if (it.op == TsOp::kOperand) {
      uint64_t len = 0;
      if (in.size() < 2) Corrupt();
      it.weight = static_cast<uint8_t>(in[0]);
      it.prefix = in[1] != 0;
      in.remove_prefix(2);
      if (!ReadVarint(&in, &len) || len > in.size()) Corrupt();
      it.word.assign(in.substr(0, len));
      in.remove_prefix(len);
    } else {
      uint64_t d = 0, left = 0;
      if (static_cast<uint8_t>(it.op) > 4 || !ReadVarint(&in, &d) || !ReadVarint(&in, &left)) Corrupt();
      it.distance = static_cast<uint16_t>(d);
      it.left = static_cast<uint32_t>(left);
    }
  }
  return q;
}

TsQuery CombineTsQueries(TsOp op, const TsQuery& a, const TsQuery* b, int distance) {
  TsQueryItem top;
  top.op = op;
  top.distance = op == TsOp::kPhrase ? static_cast<uint16_t>(distance) : 0;
  TsQuery q;
  q.items.push_back(top);
  if (b) q.items.insert(q.items.end(), b->items.begin(), b->items.end());  // the right operand first
  q.items.insert(q.items.end(), a.items.begin(), a.items.end());
  LinkTsQuery(&q);
  return q;
}

TsQuery ParseTsQuery(std::string_view text, const TsOperandFn* operand, TsQuerySyntax syntax) {
  return QueryParser(text, operand, syntax).Parse();
}

std::string ParseTsQueryText(std::string_view text) {
  text = text.substr(0, text.find('\0'));  // PostgreSQL's input functions read a C string
  VerifyUtf8(text);  // a client's text always is; the word reader relies on it
  return EncodeTsQuery(ParseTsQuery(text, nullptr, TsQuerySyntax::kStandard));
}

void TsQueryBuilder::PushValue(std::string word, uint8_t weight, bool prefix) {
  if (offset_ >= static_cast<size_t>(kTsMaxStringBytes))
    throw Error(sqlstate::kProgramLimitExceeded, "value is too big in tsquery: \"" + std::string(text_) + "\"");
  if (word.size() >= static_cast<size_t>(kTsMaxLexemeBytes))
    throw Error(sqlstate::kProgramLimitExceeded, "operand is too long in tsquery: \"" + std::string(text_) + "\"");
  TsQueryItem it;
  it.word = std::move(word);
  it.weight = weight;
  it.prefix = prefix;
  offset_ += it.word.size() + 1;
  polish.push_back(std::move(it));
}

void TsQueryBuilder::PushOperator(TsOp op, uint16_t distance) {
  TsQueryItem it;
  it.op = op;
  it.distance = op == TsOp::kPhrase ? distance : 0;
  polish.push_back(std::move(it));
}

void TsQueryBuilder::PushStop() {
  TsQueryItem it;
  it.op = TsOp::kStop;
  polish.push_back(std::move(it));
  stops = true;
}

std::string FormatTsQuery(const TsQuery& q, size_t root) {
  std::string out;
  if (!q.empty()) Infix(q, root, -1, false, &out);
  return out;
}

std::string FormatTsQueryText(std::string_view stored) { return FormatTsQuery(DecodeTsQuery(stored)); }

// Binary form (tsquerysend): uint32 item count; per item int8 type (1 operand, 2 operator);
// an operand's weight, prefix flag and NUL-ended text; an operator's code and, for <N>, int16 N.
std::string SendTsQuery(std::string_view stored) {
  TsQuery q = DecodeTsQuery(stored);
  std::string out;
  PutBigEndian(q.items.size(), 4, &out);
  for (const auto& it : q.items) {
    if (it.op == TsOp::kOperand) {
      PutBigEndian(1, 1, &out);
      PutBigEndian(it.weight, 1, &out);
      PutBigEndian(it.prefix ? 1 : 0, 1, &out);
      out += it.word;
      out.push_back('\0');
    } else {
      PutBigEndian(2, 1, &out);
      PutBigEndian(static_cast<uint8_t>(it.op), 1, &out);
      if (it.op == TsOp::kPhrase) PutBigEndian(it.distance, 2, &out);
    }
  }
  return out;
}

std::string ReceiveTsQuery(std::string_view binary) {
  auto bad = [](const std::string& what) { return Error(sqlstate::kInvalidBinaryRepresentation, "invalid tsquery: " + what); };
  WireReader in(binary);
  uint64_t n = in.Int(4);
  if (n > in.left()) throw bad("invalid size of tsquery");
  TsQuery q;
  size_t total = 0;
  for (uint64_t i = 0; i < n; i++) {
    TsQueryItem it;
    uint64_t type = in.Int(1);
    if (type == 1) {
      uint64_t weight = in.Int(1);
      it.prefix = in.Int(1) != 0;
      it.word = in.CString();
      if (weight > 0xf) throw bad("invalid weight bitmap");
      if (it.word.empty() || it.word.size() >= static_cast<size_t>(kTsMaxLexemeBytes)) throw bad("operand too long");
      total += it.word.size() + 1;
      if (total > static_cast<size_t>(kTsMaxStringBytes)) throw bad("total operand length exceeded");
      it.weight = static_cast<uint8_t>(weight);
    } else if (type == 2) {
      uint64_t op = in.Int(1);
      if (op < 1 || op > 4) throw bad("unrecognized operator type " + std::to_string(op));
      it.op = static_cast<TsOp>(op);
      if (it.op == TsOp::kPhrase) {
        uint64_t d = in.Int(2);
        if (d > kTsMaxPhraseDistance) throw bad("invalid phrase distance");
        it.distance = static_cast<uint16_t>(d);
      }
    } else {
      throw bad("unrecognized tsquery node type: " + std::to_string(type));
    }
    q.items.push_back(std::move(it));
  }
  in.ExpectEnd();
  size_t pos = 0;
  if (!q.items.empty() && (!Link(q.items, &pos, 0) || pos != q.items.size())) throw bad("malformed query tree");
  return EncodeTsQuery(q);
}

int CompareTsQueries(std::string_view as, std::string_view bs) {
  TsQuery a = DecodeTsQuery(as), b = DecodeTsQuery(bs);
  if (a.items.size() != b.items.size()) return a.items.size() < b.items.size() ? -1 : 1;
  size_t sa = TsQueryPgSize(a), sb = TsQueryPgSize(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (a.empty()) return 0;
  return CompareItems(a, 0, b, 0);
}

std::string TsQueryTree(const TsQuery& q) {
  if (q.empty()) return "";
  TsQuery kept;
  if (!WithoutNot(q, 0, &kept)) return "T";
  LinkTsQuery(&kept);
  return FormatTsQuery(kept);
}

}  // namespace tusk
