// ts_headline([config,] document, query [, options]): the parts of a document that match a
// query, with the matching words marked, as PostgreSQL 15's default parser makes headlines
// (words: ts_headline_words.cpp, options: ts_headline_options.cpp, choice of words:
// ts_headline_select.cpp). The json and jsonb forms are in ts_headline_json.cpp.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/tsearch/ts_headline.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {

// The shown words in order, matches between StartSel and StopSel, a FragmentDelimiter
// between runs of shown words (generateHeadline).
std::string Render(const std::vector<HlWord>& words, const HlOptions& o) {
  std::string out;
  bool in_fragment = false;
  int fragments = 0;
  for (const HlWord& w : words) {
    if (w.repeated) continue;
    if (!w.in) {
      in_fragment = false;
      continue;
    }
    if (!in_fragment) {
      in_fragment = true;
      if (++fragments > 1) out += o.fragment_delimiter;
    }
    if (w.replace) {
      out += ' ';
    } else if (!w.skip) {
      if (w.selected) out += o.start_sel;
      out += w.text;
      if (w.selected) out += o.stop_sel;
    }
  }
  return out;
}

Value Headline(const TsConfig& config, const Value& document, const Value& query, const Value* options) {
  std::string opts = options ? options->s() : std::string();
  return Value::Str(MakeHeadline(config, document.s(), DecodeTsQuery(query.s()), options ? &opts : nullptr));
}

}  // namespace

std::string MakeHeadline(const TsConfig& config, std::string_view text, const TsQuery& q, const std::string* options,
                         int* position) {
  std::vector<HlWord> words = HeadlineWords(config, text, q, position);
  HlOptions o = options ? ParseHeadlineOptions(*options) : HlOptions{};
  SelectHeadline(words, q, o);
  return Render(words, o);
}

void RegisterTsHeadlineFunctions() {
  const Type cfg(oid::kRegconfig), text(oid::kText), query(oid::kTsquery);
  Register("ts_headline", {cfg, text, query, text}, text,
           [](const std::vector<Value>& a, EvalContext& ctx) { return Headline(ConfigOf(a[0], ctx), a[1], a[2], &a[3]); });
  Register("ts_headline", {cfg, text, query}, text,
           [](const std::vector<Value>& a, EvalContext& ctx) { return Headline(ConfigOf(a[0], ctx), a[1], a[2], nullptr); });
  Register("ts_headline", {text, query, text}, text,
           [](const std::vector<Value>& a, EvalContext& ctx) { return Headline(CurrentConfig(ctx), a[0], a[1], &a[2]); });
  Register("ts_headline", {text, query}, text,
           [](const std::vector<Value>& a, EvalContext& ctx) { return Headline(CurrentConfig(ctx), a[0], a[1], nullptr); });
  RegisterJsonHeadlineFunctions();
}

}  // namespace tusk
