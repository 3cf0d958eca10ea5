// ts_headline of a json or jsonb document: every string value (not the keys) replaced by its
// headline, the rest kept, as PostgreSQL's transform_json[b]_string_values does it. The
// strings are taken in document order (jsonb's stored order) and their words numbered on
// from one string to the next; the options list is read first, its values only when there is
// a string to make a headline of. json comes back compact (no blanks), jsonb in its canonical text.
#include "function/registry.hpp"
#include "types/json/json_text.hpp"
#include "types/json/jsonb.hpp"
#include "types/json/to_json.hpp"
#include "types/tsearch/ts_headline.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {

struct StringHeadlines {
  const TsConfig& config;
  TsQuery query;
  const std::string* options;
  int position = 0;

  std::string Of(const std::string& s) { return MakeHeadline(config, s, query, options, &position); }

  void Walk(Jsonb& v) {
    if (v.kind == Jsonb::Kind::kString) v.text = Of(v.text);
    for (Jsonb& item : v.items) Walk(item);
    for (Jsonb::Member& m : v.members) Walk(m.second);
  }

  void Write(const JsonText& v, std::string* out) {
    switch (v.kind) {
      case Jsonb::Kind::kString: EscapeJsonString(Of(v.Text()), out); return;
      case Jsonb::Kind::kArray:
        *out += '[';
        for (size_t i = 0; i < v.items.size(); i++) {
          if (i) *out += ',';
          Write(v.items[i], out);
        }
        *out += ']';
        return;
      case Jsonb::Kind::kObject:
        *out += '{';
        for (size_t i = 0; i < v.members.size(); i++) {
          if (i) *out += ',';
          EscapeJsonString(v.members[i].key, out);
          *out += ':';
          Write(v.members[i].value, out);
        }
        *out += '}';
        return;
      default: *out += v.raw;
    }
  }
};

Value Headline(bool jsonb, const TsConfig& config, const Value& document, const Value& query, const Value* options) {
  std::string opts = options ? options->s() : std::string();
  if (options) CheckHeadlineOptionList(opts);
  StringHeadlines h{config, DecodeTsQuery(query.s()), options ? &opts : nullptr};
  if (jsonb) {
    Jsonb doc = ReadStoredJsonb(document.s());
    h.Walk(doc);
    return Value::Str(WriteJsonb(doc));
  }
  std::string out;
  h.Write(ReadJsonText(document.s()), &out);
  return Value::Str(std::move(out));
}

}  // namespace

void RegisterJsonHeadlineFunctions() {
  const Type cfg(oid::kRegconfig), text(oid::kText), query(oid::kTsquery);
  for (bool jsonb : {true, false}) {
    const Type d(jsonb ? oid::kJsonb : oid::kJson);
    Register("ts_headline", {cfg, d, query, text}, d, [jsonb](const std::vector<Value>& a, EvalContext& ctx) {
      return Headline(jsonb, ConfigOf(a[0], ctx), a[1], a[2], &a[3]);
    });
    Register("ts_headline", {cfg, d, query}, d, [jsonb](const std::vector<Value>& a, EvalContext& ctx) {
      return Headline(jsonb, ConfigOf(a[0], ctx), a[1], a[2], nullptr);
    });
    Register("ts_headline", {d, query, text}, d, [jsonb](const std::vector<Value>& a, EvalContext& ctx) {
      return Headline(jsonb, CurrentConfig(ctx), a[0], a[1], &a[2]);
    });
    Register("ts_headline", {d, query}, d, [jsonb](const std::vector<Value>& a, EvalContext& ctx) {
      return Headline(jsonb, CurrentConfig(ctx), a[0], a[1], nullptr);
    });
  }
}

}  // namespace tusk
