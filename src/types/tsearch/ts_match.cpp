#include "types/tsearch/ts_match.hpp"

#include <algorithm>
#include <climits>

#include "common/stack_depth.hpp"

namespace tusk {

namespace {

// What a phrase node yields: the sorted end positions of its matches (as PostgreSQL keeps
// them, in 16-bit slots), whether they are the positions where it does NOT match, and its
// width (the phrase's length minus one).
struct PhraseData {
  std::vector<uint16_t> pos;
  bool negate = false;
  int width = 0;
};

enum Emit { kBoth = 1, kLeftOnly = 2, kRightOnly = 4 };

class Executor {
 public:
  Executor(const TsVector* v, const TsQuery& q, const TsOperandCheck* check) : v_(v), q_(q), check_(check) {}

  TsTernary Bool(size_t i, bool phrase_maybe) {
    CheckStackDepth();
    const TsQueryItem& it = q_.items[i];
    switch (it.op) {
      case TsOp::kOperand: return Operand(it, nullptr);
      case TsOp::kNot:
        switch (Bool(i + 1, phrase_maybe)) {
          case TsTernary::kNo: return TsTernary::kYes;
          case TsTernary::kYes: return TsTernary::kNo;
          default: return TsTernary::kMaybe;
        }
      case TsOp::kAnd: {
        TsTernary l = Bool(i + it.left, phrase_maybe);
        if (l == TsTernary::kNo) return l;
        TsTernary r = Bool(i + 1, phrase_maybe);
        return r == TsTernary::kYes ? l : r;
      }
      case TsOp::kOr: {
        TsTernary l = Bool(i + it.left, phrase_maybe);
        if (l == TsTernary::kYes) return l;
        TsTernary r = Bool(i + 1, phrase_maybe);
        return r == TsTernary::kNo ? l : r;
      }
      case TsOp::kPhrase: {
        TsTernary r = Phrase(i, nullptr);
        return r == TsTernary::kMaybe && !phrase_maybe ? TsTernary::kNo : r;
      }
      case TsOp::kStop: break;  // never left in a finished query
    }
    return TsTernary::kNo;
  }

 private:
  // One lexeme's match (checkclass_str): with `data`, its positions of the wanted weights.
  static TsTernary Lexeme(const TsLexeme& l, const TsQueryItem& it, PhraseData* data) {
    if (l.positions.empty()) return data ? TsTernary::kMaybe : TsTernary::kYes;
    if (it.weight && data) {
      for (uint16_t p : l.positions)
        if (it.weight & (1 << TsWeight(p))) data->pos.push_back(p);
      return data->pos.empty() ? TsTernary::kNo : TsTernary::kYes;
    }
    if (it.weight) {
      for (uint16_t p : l.positions)
        if (it.weight & (1 << TsWeight(p))) return TsTernary::kYes;
      return TsTernary::kNo;
    }
    if (data) data->pos = l.positions;
    return TsTernary::kYes;
  }

  // checkcondition_str: the exact lexeme, or with :* every lexeme it begins.
  TsTernary Operand(const TsQueryItem& it, PhraseData* data) {
    if (check_) return (*check_)(static_cast<size_t>(&it - q_.items.data()), data ? &data->pos : nullptr);
    const auto& lx = v_->lexemes;
    auto at = std::lower_bound(lx.begin(), lx.end(), it.word,
                               [](const TsLexeme& l, const std::string& w) { return CompareLexemes(l.word, w) < 0; });
    TsTernary res = TsTernary::kNo;
    if (at != lx.end() && at->word == it.word) res = Lexeme(*at, it, data);
    if (!it.prefix || (res == TsTernary::kYes && !data)) return res;
    if (data) data->pos.clear();
    res = TsTernary::kNo;
    std::vector<uint16_t> all;
    for (; (res != TsTernary::kYes || data) && at != lx.end() && at->word.compare(0, it.word.size(), it.word) == 0; ++at) {
      PhraseData one;
      TsTernary sub = Lexeme(*at, it, data ? &one : nullptr);
      if (sub == TsTernary::kNo) continue;
      if (!data) {
        if (sub == TsTernary::kYes || res == TsTernary::kNo) res = sub;
        continue;
      }
      if (sub == TsTernary::kMaybe) return TsTernary::kMaybe;
      all.insert(all.end(), one.pos.begin(), one.pos.end());
    }
    if (data && !all.empty()) {
      std::stable_sort(all.begin(), all.end(), [](uint16_t a, uint16_t b) { return TsPosition(a) < TsPosition(b); });
      all.erase(std::unique(all.begin(), all.end(), [](uint16_t a, uint16_t b) { return TsPosition(a) == TsPosition(b); }),
                all.end());
      data->pos = std::move(all);
      return TsTernary::kYes;
    }
    return res;
  }

  // TS_phrase_output: merges the two position lists shifted by the offsets, keeping the
  // positions `emit` asks for; without `data` it answers whether any would be kept.
  static TsTernary Output(PhraseData* data, const PhraseData& l, const PhraseData& r, int emit, int loff, int roff) {
    size_t li = 0, ri = 0;
    while (li < l.pos.size() || ri < r.pos.size()) {
      int lp, rp, out = 0;
      if (li < l.pos.size()) lp = TsPosition(l.pos[li]) + loff;
      else if (!(emit & kRightOnly)) break;
      else lp = INT_MAX;
      if (ri < r.pos.size()) rp = TsPosition(r.pos[ri]) + roff;
      else if (!(emit & kLeftOnly)) break;
      else rp = INT_MAX;
      if (lp < rp) {
        if (emit & kLeftOnly) out = lp;
        li++;
      } else if (lp == rp) {
        if (emit & kBoth) out = rp;
        li++;
        ri++;
      } else {
        if (emit & kRightOnly) out = rp;
        ri++;
      }
      if (out > 0) {
        if (!data) return TsTernary::kYes;
        data->pos.push_back(static_cast<uint16_t>(out));
      }
    }
    return data && !data->pos.empty() ? TsTernary::kYes : TsTernary::kNo;
  }

  TsTernary Phrase(size_t i, PhraseData* data) {
    CheckStackDepth();
    const TsQueryItem& it = q_.items[i];
    switch (it.op) {
      case TsOp::kOperand: return Operand(it, data);
      case TsOp::kNot:
        switch (Phrase(i + 1, data)) {
          case TsTernary::kNo:
            if (data) data->negate = true;
            return TsTernary::kYes;
          case TsTernary::kYes:
            if (data && !data->pos.empty()) {
              data->negate = !data->negate;
              return TsTernary::kYes;
            }
            if (data && data->negate) {
              data->negate = false;
              return TsTernary::kNo;
            }
            return TsTernary::kYes;
          default: return TsTernary::kMaybe;
        }
      case TsOp::kAnd:
      case TsOp::kPhrase: {
        PhraseData l, r;
        TsTernary lm = Phrase(i + it.left, &l);
        if (lm == TsTernary::kNo) return lm;
        TsTernary rm = Phrase(i + 1, &r);
        if (rm == TsTernary::kNo) return rm;
        if (lm == TsTernary::kMaybe || rm == TsTernary::kMaybe) return TsTernary::kMaybe;
        int loff, roff;
        if (it.op == TsOp::kPhrase) {
          loff = it.distance + r.width;
          roff = 0;
          if (data) data->width = it.distance + l.width + r.width;
        } else {
          int m = std::max(l.width, r.width);
          loff = m - l.width;
          roff = m - r.width;
          if (data) data->width = m;
        }
        if (l.negate && r.negate) {
          Output(data, l, r, kBoth | kLeftOnly | kRightOnly, loff, roff);
          if (data) data->negate = true;
          return TsTernary::kYes;
        }
        if (l.negate) return Output(data, l, r, kRightOnly, loff, roff);
        if (r.negate) return Output(data, l, r, kLeftOnly, loff, roff);
        return Output(data, l, r, kBoth, loff, roff);
      }
      case TsOp::kOr: {
        PhraseData l, r;
        TsTernary lm = Phrase(i + it.left, &l), rm = Phrase(i + 1, &r);
        if (lm == TsTernary::kNo && rm == TsTernary::kNo) return TsTernary::kNo;
        if (lm == TsTernary::kMaybe || rm == TsTernary::kMaybe) return TsTernary::kMaybe;
        if (lm == TsTernary::kNo) l.width = 0;
        if (rm == TsTernary::kNo) r.width = 0;
        int m = std::max(l.width, r.width), loff = m - l.width, roff = m - r.width;
        PhraseData scratch;
        PhraseData* out = data ? data : &scratch;  // an OR is never the top of a phrase
        out->width = m;
        if (l.negate || r.negate) {
          int emit = l.negate && r.negate ? kBoth : l.negate ? kLeftOnly : kRightOnly;
          Output(out, l, r, emit, loff, roff);
          out->negate = true;
          return TsTernary::kYes;
        }
        return Output(out, l, r, kBoth | kLeftOnly | kRightOnly, loff, roff);
      }
      case TsOp::kStop: break;  // never left in a finished query
    }
    return TsTernary::kNo;
  }

  const TsVector* v_;
  const TsQuery& q_;
  const TsOperandCheck* check_;
};

}  // namespace

TsTernary TsExecute(const TsVector& v, const TsQuery& q, bool phrase_maybe) {
  if (q.empty()) return TsTernary::kNo;
  return Executor(&v, q, nullptr).Bool(0, phrase_maybe);
}

bool TsExecuteWith(const TsQuery& q, const TsOperandCheck& check) {
  if (q.empty()) return false;
  return Executor(nullptr, q, &check).Bool(0, false) != TsTernary::kNo;
}

bool TsMatches(const TsVector& v, const TsQuery& q) { return TsExecute(v, q, false) != TsTernary::kNo; }

}  // namespace tusk
