#include "types/tsearch/tsvector_parser.hpp"

#include <cstdlib>

#include "common/error.hpp"
#include "types/tsearch/ts_ctype.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
enum class State { kWaitWord, kWaitEndWord, kWaitNextChar, kWaitEndQuoted, kWaitCharQuoted, kWaitPosInfo, kInPosInfo, kWaitPosDelim };

// atoi as PostgreSQL calls it on "123abc": strtol's clamped value, cut to an int.
int Atoi(std::string_view digits) {
  std::string s(digits.substr(0, 40));
  return static_cast<int>(static_cast<uint32_t>(static_cast<uint64_t>(std::strtol(s.c_str(), nullptr, 10))));
}
}  // namespace

std::string_view TsWordReader::Char() const {
  if (at_ >= text_.size()) return {};
  return text_.substr(at_, TsCharLength(text_.substr(at_)));
}

void TsWordReader::SyntaxError() const {
  throw Error(sqlstate::kSyntaxError,
              std::string("syntax error in ") + (in_tsquery_ ? "tsquery" : "tsvector") + ": \"" + std::string(text_) + "\"");
}

bool TsWordReader::Next(TsToken* token) {
  token->word.clear();
  token->positions.clear();
  State state = State::kWaitWord, after_escape = State::kWaitEndWord;
  auto& word = token->word;
  auto& pos = token->positions;
  for (;;) {
    std::string_view ch = Char();
    bool end = ch.empty();
    switch (state) {
      case State::kWaitWord:
        if (end) return false;
        if (!web_ && Is('\'')) {
          state = State::kWaitEndQuoted;
        } else if (!web_ && Is('\\')) {
          state = State::kWaitNextChar;
          after_escape = State::kWaitEndWord;
        } else if ((in_tsquery_ && IsTsOperatorChar(ch[0])) || (web_ && Is('"'))) {
          SyntaxError();
        } else if (!TsIsSpace(ch)) {
          word += ch;
          state = State::kWaitEndWord;
        }
        break;
      case State::kWaitNextChar:
        if (end)
          throw Error(sqlstate::kSyntaxError, "there is no escaped character: \"" + std::string(text_) + "\"");
        word += ch;
        state = after_escape;
        break;
      case State::kWaitEndWord:
        if (!web_ && Is('\\')) {
          state = State::kWaitNextChar;
          after_escape = State::kWaitEndWord;
        } else if (end || TsIsSpace(ch) || (in_tsquery_ && IsTsOperatorChar(ch[0])) || (web_ && Is('"'))) {
          if (word.empty()) SyntaxError();
          return true;
        } else if (Is(':')) {
          if (word.empty()) SyntaxError();
          if (in_tsquery_) return true;
          state = State::kInPosInfo;
        } else {
          word += ch;
        }
        break;
      case State::kWaitEndQuoted:
        if (Is('\'')) {
          state = State::kWaitCharQuoted;
        } else if (Is('\\')) {
          state = State::kWaitNextChar;
          after_escape = State::kWaitEndQuoted;
        } else if (end) {
          SyntaxError();
        } else {
          word += ch;
        }
        break;
      case State::kWaitCharQuoted:
        if (Is('\'')) {  // '' inside quotes is one quote
          word += '\'';
          state = State::kWaitEndQuoted;
          break;
        }
        if (word.empty()) SyntaxError();
        if (in_tsquery_) return true;
        state = State::kWaitPosInfo;
        continue;  // look at this character again, without moving on
      case State::kWaitPosInfo:
        if (!Is(':')) return true;
        state = State::kInPosInfo;
        break;
      case State::kInPosInfo: {
        if (end || !TsIsDigit(ch)) SyntaxError();
        int p = Atoi(text_.substr(at_));
        if (p >= kTsMaxPosition + 1) p = kTsMaxPosition;  // LIMITPOS
        uint16_t wep = TsMakePosition(p, 0);
        if (TsPosition(wep) == 0)
          throw Error(sqlstate::kSyntaxError, "wrong position info in tsvector: \"" + std::string(text_) + "\"");
        pos.push_back(wep);
        state = State::kWaitPosDelim;
        break;
      }
      case State::kWaitPosDelim: {
        if (Is(',')) {
          state = State::kInPosInfo;
          break;
        }
        if (end || TsIsSpace(ch)) return true;
        char c = static_cast<char>(ch[0] | 0x20);
        int weight = c == 'a' || ch[0] == '*' ? 3 : c == 'b' ? 2 : c == 'c' ? 1 : c == 'd' ? 0 : -1;
        if (weight >= 0 && ch.size() == 1) {
          if (TsWeight(pos.back())) SyntaxError();
          pos.back() = TsMakePosition(TsPosition(pos.back()), weight);
        } else if (!TsIsDigit(ch)) {
          SyntaxError();
        }
        break;
      }
    }
    if (end) return false;  // not reached: every state above returns or fails at the end
    at_ += ch.size();
  }
}

}  // namespace tusk
