// Which words a headline shows (PostgreSQL's prsd_headline selectors). A cover is the
// earliest shortest run of words that satisfies the query, both ends matching operands, of at
// most max_cover words. Without MaxFragments: the best cover (one wholly inside MaxWords
// first, then the most distinct matches, then a good last word) grown to at least MinWords,
// stopping on a good word, or the first MinWords words when nothing matches. With
// MaxFragments: covers cut into pieces of at most MaxWords, the best ones (most matches, then
// fewest words) taken and stretched around until MaxWords, non-overlapping. HighlightAll
// shows the whole text.
#include <algorithm>
#include <climits>

#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_headline.hpp"
#include "types/tsearch/ts_match.hpp"

namespace tusk {

namespace {

bool ReplaceToken(int t) { return t == kTsTag; }
bool SkipToken(int t) { return t == kTsUrl || t == kTsNumHword || t == kTsAsciiHword || t == kTsHword; }
bool NonWord(int t) { return t == kTsBlank || ReplaceToken(t) || SkipToken(t); }
bool NoEnd(int t) {
  return NonWord(t) || t == kTsSciFloat || t == kTsVersion || t == kTsFloat || t == kTsInt || t == kTsUint ||
         t == kTsTag || t == kTsProtocol || t == kTsEntity;
}

class Selector {
 public:
  Selector(std::vector<HlWord>& w, const TsQuery& q, const HlOptions& o) : w_(w), q_(q), o_(o) {
    max_cover_ = std::max(o.max_words * 10, 100);
    if (o.max_fragments > 0) max_cover_ *= o.max_fragments;
  }

  void Words() {
    int bestb = -1, beste = -1, bestlen = -1;
    bool bestcover = false;
    if (o_.highlight_all) {
      Mark(0, Count() - 1);
      return;
    }
    int p = 0, q = 0;
    while (Cover(&p, &q)) {
      int curlen = 0, poslen = 0, posb = p, pose = p, i;
      for (i = p; i <= q && curlen < o_.max_words; i++) {
        if (!NonWord(w_[i].type)) curlen++;
        if (Interesting(i)) poslen++;
        pose = i;
      }
      if (curlen < o_.max_words) {
        // Room left: go on to a good last word past the cover (the word at q seen again).
        for (i = i - 1; i < Count() && curlen < o_.max_words; i++) {
          if (i > q) {
            if (!NonWord(w_[i].type)) curlen++;
            if (Interesting(i)) poslen++;
          }
          pose = i;
          if (BadEnd(i)) continue;
          if (curlen >= o_.min_words) break;
        }
        if (curlen < o_.min_words) {  // the text ended first: grow to the left
          for (i = p - 1; i >= 0; i--) {
            if (!NonWord(w_[i].type)) curlen++;
            if (Interesting(i)) poslen++;
            if (curlen >= o_.max_words) break;
            if (BadEnd(i)) continue;
            if (curlen >= o_.min_words) break;
          }
          posb = i >= 0 ? i : 0;
        }
      } else {
        // Full: drop bad last words while more than MinWords are left.
        if (i > q) i = q;
        for (; curlen > o_.min_words; i--) {
          if (!BadEnd(i)) break;
          if (!NonWord(w_[i].type)) curlen--;
          if (Interesting(i)) poslen--;
          pose = i - 1;
        }
      }
      bool poscover = posb <= p && pose >= q;
      if (poscover > bestcover || (poscover == bestcover && poslen > bestlen) ||
          (poscover == bestcover && poslen == bestlen && !BadEnd(pose) && BadEnd(beste))) {
        bestb = posb;
        beste = pose;
        bestlen = poslen;
        bestcover = poscover;
      }
      p++;
    }
    if (bestlen < 0) {
      bestb = 0;
      beste = FirstWords();
    }
    Mark(bestb, beste);
  }

  void Fragments() {
    struct Piece {
      int start, end, poslen, curlen;
      bool chosen = false, excluded = false;
    };
    std::vector<Piece> pieces;
    int p = 0, q = 0;
    while (Cover(&p, &q)) {
      int start = p, end = q;
      while (start <= end) {
        int curlen, poslen;
        NextPiece(&start, &end, &curlen, &poslen);
        pieces.push_back({start, end, poslen, curlen});
        start = end + 1;
        end = q;
      }
      p++;
    }
    int marked = 0;
    for (int f = 0; f < o_.max_fragments; f++) {
      int maxitems = 0, minwords = INT_MAX, best = -1;
      for (int i = 0; i < static_cast<int>(pieces.size()); i++) {
        const Piece& c = pieces[i];
        if (!c.chosen && !c.excluded && (maxitems < c.poslen || (maxitems == c.poslen && minwords > c.curlen))) {
          maxitems = c.poslen;
          minwords = c.curlen;
          best = i;
        }
      }
      if (best < 0) break;
      Piece& c = pieces[best];
      c.chosen = true;
      int start = c.start, end = c.end, curlen = c.curlen, i;
      if (curlen < o_.max_words) {
        // Half the room on each side: back to the text's start or a shown word, then forward
        // to a good first word; then forward until full, and back to a good last word.
        int maxstretch = (o_.max_words - curlen) / 2, stretch = 0, marker = start;
        for (i = start - 1; i >= 0 && stretch < maxstretch && !w_[i].in; i--) {
          if (!NonWord(w_[i].type)) {
            curlen++;
            stretch++;
          }
          marker = i;
        }
        for (i = marker; i < start && BadEnd(i); i++)
          if (!NonWord(w_[i].type)) curlen--;
        start = i;
        marker = end;
        for (i = end + 1; i < Count() && curlen < o_.max_words && !w_[i].in; i++) {
          if (!NonWord(w_[i].type)) curlen++;
          marker = i;
        }
        for (i = marker; i > end && BadEnd(i); i--)
          if (!NonWord(w_[i].type)) curlen--;
        end = i;
      }
      c.start = start;
      c.end = end;
      c.curlen = curlen;
      Mark(start, end);
      marked++;
      for (int k = 0; k < static_cast<int>(pieces.size()); k++) {
        Piece& o = pieces[k];
        if (k != best && ((o.start >= start && o.start <= end) || (o.end >= start && o.end <= end) || (o.start < start && o.end > end)))
          o.excluded = true;
      }
    }
    if (marked <= 0) Mark(0, FirstWords());
  }

 private:
  int Count() const { return static_cast<int>(w_.size()); }
  // A word that matches an operand (its first entry).
  bool Interesting(int i) const { return w_[i].item >= 0 && !w_[i].repeated; }
  // Not a word to end on: not a word, or short, unless it matches.
  bool BadEnd(int i) const {
    return (NoEnd(w_[i].type) || static_cast<int>(w_[i].text.size()) <= o_.short_word) && !Interesting(i);
  }
  // The last index of the first MinWords words (-1 for an empty text).
  int FirstWords() const {
    int curlen = 0, last = -1;
    for (int i = 0; i < Count() && curlen < o_.min_words; i++) {
      if (!NonWord(w_[i].type)) curlen++;
      last = i;
    }
    return last;
  }
  int NextMatch(int from) const {
    for (int i = from; i < Count(); i++)
      if (w_[i].item >= 0) return i;
    return -1;
  }

  // Whether words [from, from + len) satisfy the query (positions from their words).
  bool Holds(int from, int len) const {
    return TsExecuteWith(q_, [this, from, len](size_t index, std::vector<uint16_t>* positions) {
      bool found = false;
      for (int i = from; i < from + len; i++) {
        if (w_[i].item != static_cast<int>(index)) continue;
        if (!positions) return TsTernary::kYes;
        found = true;
        if (positions->empty() || positions->back() < w_[i].pos) positions->push_back(static_cast<uint16_t>(w_[i].pos));
      }
      return found ? TsTernary::kYes : TsTernary::kNo;
    });
  }

  // The earliest shortest cover starting at or after *p (PostgreSQL's hlCover).
  bool Cover(int* p, int* q) const {
    if (q_.empty()) return false;
    int pmin = NextMatch(*p);
    while (pmin >= 0) {
      int nextpmin = -1, pmax = pmin;
      do {
        if (Holds(pmin, pmax - pmin + 1)) {
          *p = pmin;
          *q = pmax;
          return true;
        }
        int nextpmax = NextMatch(pmax + 1);
        if (pmax == pmin) nextpmin = nextpmax;
        pmax = nextpmax;
      } while (pmax >= 0 && pmax - pmin < max_cover_);
      pmin = nextpmin;
    }
    return false;
  }

  // The next piece of a cover (get_next_fragment): from its first match, at most MaxWords
  // words, cut back to a match when it had to be cut.
  void NextPiece(int* start, int* end, int* curlen, int* poslen) const {
    for (int i = *start; i <= *end; i++) {
      *start = i;
      if (Interesting(i)) break;
    }
    *curlen = *poslen = 0;
    int i;
    for (i = *start; i <= *end && *curlen < o_.max_words; i++) {
      if (!NonWord(w_[i].type)) *curlen += 1;
      if (Interesting(i)) *poslen += 1;
    }
    if (*end > i) {
      *end = i;
      for (i = *end; i >= *start; i--) {
        *end = i;
        if (Interesting(i)) break;
        if (!NonWord(w_[i].type)) *curlen -= 1;
      }
    }
  }

  // mark_fragment: words [from, to] shown, matches selected; tags become a space and URLs and
  // whole hyphenated words are left out (their parts are shown), except that HighlightAll keeps tags.
  void Mark(int from, int to) {
    for (int i = from; i <= to; i++) {
      HlWord& x = w_[i];
      if (x.item >= 0) x.selected = true;
      if (!o_.highlight_all && ReplaceToken(x.type)) x.replace = true;
      else if (SkipToken(x.type)) x.skip = true;
      x.in = !x.repeated;
    }
  }

  std::vector<HlWord>& w_;
  const TsQuery& q_;
  const HlOptions& o_;
  int max_cover_;
};

}  // namespace

void SelectHeadline(std::vector<HlWord>& words, const TsQuery& q, const HlOptions& o) {
  Selector s(words, q, o);
  if (o.max_fragments == 0) s.Words();
  else s.Fragments();
}

}  // namespace tusk
