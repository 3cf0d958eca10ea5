#include "plpgsql/scanner.hpp"

#include <cctype>
#include <cstring>

#include "common/error.hpp"

namespace tusk::plpgsql {

namespace {
bool IdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }
bool OpChar(char c) { return c && std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    for (;;) {
      SkipSpace();
      Token t;
      t.begin = pos_;
      t.line = line_;
      if (pos_ >= s_.size()) {
        t.end = pos_;
        out.push_back(t);
        return out;
      }
      Next(&t);
      t.end = pos_;
      out.push_back(std::move(t));
    }
  }

 private:
  char At(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  void Advance(size_t n = 1) {
    for (size_t i = 0; i < n && pos_ < s_.size(); i++) line_ += s_[pos_++] == '\n';
  }
  [[noreturn]] void Fail(const std::string& what) { throw Error(sqlstate::kSyntaxError, what); }

  void SkipSpace() {
    for (;;) {
      char c = At(pos_);
      if (std::isspace(static_cast<unsigned char>(c))) {
        Advance();
      } else if (c == '-' && At(pos_ + 1) == '-') {
        while (pos_ < s_.size() && s_[pos_] != '\n') Advance();
      } else if (c == '/' && At(pos_ + 1) == '*') {
        int depth = 0;
        do {
          if (pos_ >= s_.size()) Fail("unterminated /* comment");
          if (At(pos_) == '/' && At(pos_ + 1) == '*') { depth++; Advance(2); }
          else if (At(pos_) == '*' && At(pos_ + 1) == '/') { depth--; Advance(2); }
          else Advance();
        } while (depth > 0);
      } else {
        return;
      }
    }
  }

  // '...' with '' for a quote; `backslashes`: E'...' escapes too.
  std::string QuotedString(bool backslashes) {
    std::string v;
    Advance();  // opening quote
    for (;;) {
      if (pos_ >= s_.size()) Fail("unterminated quoted string");
      char c = s_[pos_];
      if (c == '\'' && At(pos_ + 1) == '\'') { v += '\''; Advance(2); continue; }
      if (c == '\'') { Advance(); break; }
      if (backslashes && c == '\\' && pos_ + 1 < s_.size()) { v += s_[pos_ + 1]; Advance(2); continue; }
      v += c;
      Advance();
    }
    return v;
  }

  void Next(Token* t) {
    char c = At(pos_);
    unsigned char uc = static_cast<unsigned char>(c);
    // E'...', B'...', X'...', N'...'
    if ((c == 'e' || c == 'E' || c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && At(pos_ + 1) == '\'') {
      Advance();
      t->kind = Token::Kind::kString;
      t->text = QuotedString(c == 'e' || c == 'E');
      return;
    }
    if (IdentStart(uc)) {
      size_t start = pos_;
      while (IdentChar(static_cast<unsigned char>(At(pos_)))) Advance();
      t->kind = Token::Kind::kIdent;
      for (char ch : s_.substr(start, pos_ - start)) t->text += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return;
    }
    if (c == '"') {
      Advance();
      t->kind = Token::Kind::kIdent;
      t->quoted = true;
      for (;;) {
        if (pos_ >= s_.size()) Fail("unterminated quoted identifier");
        if (s_[pos_] == '"' && At(pos_ + 1) == '"') { t->text += '"'; Advance(2); continue; }
        if (s_[pos_] == '"') { Advance(); break; }
        t->text += s_[pos_];
        Advance();
      }
      return;
    }
    if (c == '\'') {
      t->kind = Token::Kind::kString;
      t->text = QuotedString(false);
      return;
    }
    if (c == '$') {
      if (std::isdigit(static_cast<unsigned char>(At(pos_ + 1)))) {
        size_t start = pos_;
        Advance();
        while (std::isdigit(static_cast<unsigned char>(At(pos_)))) Advance();
        t->kind = Token::Kind::kParam;
        t->text = std::string(s_.substr(start, pos_ - start));
        return;
      }
      // $tag$ ... $tag$
      size_t close = pos_ + 1;
      while (close < s_.size() && IdentChar(static_cast<unsigned char>(s_[close])) && s_[close] != '$') close++;
      if (close < s_.size() && s_[close] == '$') {
        std::string tag(s_.substr(pos_, close - pos_ + 1));
        size_t body = close + 1;
        size_t stop = s_.find(tag, body);
        if (stop == std::string_view::npos) Fail("unterminated dollar-quoted string");
        t->kind = Token::Kind::kString;
        t->text = std::string(s_.substr(body, stop - body));
        Advance(stop + tag.size() - pos_);
        return;
      }
    }
    if (std::isdigit(uc) || (c == '.' && std::isdigit(static_cast<unsigned char>(At(pos_ + 1))))) {
      size_t start = pos_;
      while (std::isdigit(static_cast<unsigned char>(At(pos_)))) Advance();
      if (At(pos_) == '.' && At(pos_ + 1) != '.') {  // not the `..` of a FOR range
        Advance();
        while (std::isdigit(static_cast<unsigned char>(At(pos_)))) Advance();
      }
      if ((At(pos_) == 'e' || At(pos_) == 'E') &&
          (std::isdigit(static_cast<unsigned char>(At(pos_ + 1))) ||
           ((At(pos_ + 1) == '+' || At(pos_ + 1) == '-') && std::isdigit(static_cast<unsigned char>(At(pos_ + 2)))))) {
        Advance(2);
        while (std::isdigit(static_cast<unsigned char>(At(pos_)))) Advance();
      }
      t->kind = Token::Kind::kNumber;
      t->text = std::string(s_.substr(start, pos_ - start));
      return;
    }
    t->kind = Token::Kind::kOp;
    for (std::string_view two : {":=", "::", "..", "=>"})
      if (c == two[0] && At(pos_ + 1) == two[1]) {
        t->text = std::string(two);
        Advance(2);
        return;
      }
    if (OpChar(c)) {
      // the SQL lexer's rule: an operator is the longest run of operator characters, except
      // that a trailing + or - is its own token unless the run has one of ~ ! @ # % ^ & | ` ?
      size_t start = pos_, end = pos_;
      while (OpChar(At(end)) && !(At(end) == '-' && At(end + 1) == '-') && !(At(end) == '/' && At(end + 1) == '*')) end++;
      std::string op(s_.substr(start, end - start));
      if (op.size() > 1 && op.find_first_of("~!@#%^&|`?") == std::string::npos)
        while (op.size() > 1 && (op.back() == '+' || op.back() == '-')) op.pop_back();
      t->text = op;
      Advance(op.size());
      return;
    }
    t->text = std::string(1, c);
    Advance();
  }

  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1;
};
}  // namespace

std::vector<Token> Scan(std::string_view body) { return Scanner(body).Run(); }

}  // namespace tusk::plpgsql
