// ts_headline's pieces, as PostgreSQL 15 splits them: the text parsed into words that know
// which query operands they match (hlparsetext), the options (prsd_headline's), the choice of
// the words to show (mark_hl_words, or mark_hl_fragments when MaxFragments > 0), and the
// output with the matches marked (generateHeadline).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/tsquery.hpp"

namespace tusk {

// One token of the document. A token matching several query operands appears once more per
// extra operand, `repeated`, right after it (so that each operand has a word to point at).
struct HlWord {
  int type = 0;         // the default parser's token type
  std::string text;     // the token as written
  int pos = 0;          // its position as to_tsvector counts them; 0 for blanks and stop words
  int item = -1;        // the query operand (item index) it matches; -1 for none
  bool repeated = false;
  bool selected = false;  // shown between StartSel and StopSel
  bool in = false;        // part of the headline
  bool replace = false;   // shown as one space (a tag)
  bool skip = false;      // not shown (a URL or a hyphenated word whose parts are shown)
};

struct HlOptions {
  int min_words = 15, max_words = 35, short_word = 3, max_fragments = 0;
  bool highlight_all = false;
  std::string start_sel = "<b>", stop_sel = "</b>", fragment_delimiter = " ... ";
};

// The words of `text` through `config`, matched against the query's operands. `position`, when
// given, is the last position used before the text and is left at the text's last one (the
// strings of a json document are numbered on from one to the next).
std::vector<HlWord> HeadlineWords(const TsConfig& config, std::string_view text, const TsQuery& q, int* position = nullptr);
// ts_headline's options text ("MaxWords=10, StartSel=<em>"), checked as PostgreSQL checks it;
// CheckHeadlineOptionList only reads the list (its syntax errors).
HlOptions ParseHeadlineOptions(std::string_view text);
void CheckHeadlineOptionList(std::string_view text);
// Marks the words to show (in, selected, replace, skip).
void SelectHeadline(std::vector<HlWord>& words, const TsQuery& q, const HlOptions& o);
// The headline of one text: its words chosen and written out with the marks and delimiters.
// `options`: the options text, null for the defaults.
std::string MakeHeadline(const TsConfig& config, std::string_view text, const TsQuery& q, const std::string* options,
                         int* position = nullptr);
// ts_headline's json and jsonb forms (ts_headline_json.cpp).
void RegisterJsonHeadlineFunctions();

}  // namespace tusk
