// pg_trgm's functions and operators over text: similarity, word_similarity,
// strict_word_similarity, show_trgm, set_limit / show_limit, the `%` family of threshold
// operators and the `<->` family of distances. The thresholds are the session's
// pg_trgm.*_threshold settings.
#include <cstdlib>

#include "binder/operator_registry.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
#include "types/text_io.hpp"
#include "types/trgm/trgm.hpp"

namespace tusk {

namespace {
const Type kText(oid::kText), kReal(oid::kFloat4), kBool(oid::kBool);

double SettingNumber(EvalContext& ctx, const char* name, double otherwise) {
  if (!ctx.state || !ctx.state->session) return otherwise;
  auto v = ctx.state->session->GetSetting(name);
  return v ? std::strtod(v->c_str(), nullptr) : otherwise;
}

float Similarity(const std::vector<Value>& a) { return TrigramSimilarity(a[0].s(), a[1].s()); }
// Distances are computed in double and returned as real, as pg_trgm's `1.0 - res`.
Value Distance(float similarity) { return Value::Float(static_cast<float>(1.0 - similarity)); }

// A similarity function of (pattern, text) in either argument order, as value, as a distance
// and as a threshold test.
struct WordVariant {
  uint8_t flags;
  double TrigramThresholds::*threshold;
};
float Word(const WordVariant& w, const std::vector<Value>& a, bool swapped, uint8_t extra, double threshold = 0) {
  const std::string &x = a[swapped ? 1 : 0].s(), &y = a[swapped ? 0 : 1].s();
  return WordSimilarity(x, y, w.flags | extra, threshold);
}
}  // namespace

TrigramThresholds SessionTrigramThresholds(EvalContext& ctx) {
  TrigramThresholds t;
  t.similarity = SettingNumber(ctx, "pg_trgm.similarity_threshold", t.similarity);
  t.word_similarity = SettingNumber(ctx, "pg_trgm.word_similarity_threshold", t.word_similarity);
  t.strict_word_similarity = SettingNumber(ctx, "pg_trgm.strict_word_similarity_threshold", t.strict_word_similarity);
  return t;
}

namespace {
struct TwoTextFunction {
  std::string name;
  Type result;
  ScalarFn fn;
};

// The (text, text) functions, which the operators also call.
const std::vector<TwoTextFunction>& TwoTextFunctions() {
  static const std::vector<TwoTextFunction> all = [] {
    std::vector<TwoTextFunction> f;
    f.push_back({"similarity", kReal, [](const std::vector<Value>& a, EvalContext&) { return Value::Float(Similarity(a)); }});
    f.push_back({"similarity_dist", kReal, [](const std::vector<Value>& a, EvalContext&) { return Distance(Similarity(a)); }});
    f.push_back({"similarity_op", kBool, [](const std::vector<Value>& a, EvalContext& ctx) {
                   return Value::Bool(Similarity(a) >= SessionTrigramThresholds(ctx).similarity);
                 }});
    const std::pair<const char*, WordVariant> words[] = {
        {"word_similarity", {0, &TrigramThresholds::word_similarity}},
        {"strict_word_similarity", {kWordSimilarityStrict, &TrigramThresholds::strict_word_similarity}}};
    for (const auto& [name, v] : words) {
      f.push_back({name, kReal, [v = v](const std::vector<Value>& a, EvalContext&) { return Value::Float(Word(v, a, false, 0)); }});
      for (bool swapped : {false, true}) {
        const std::string suffix = swapped ? "_commutator_op" : "_op";
        f.push_back({name + suffix, kBool, [v = v, swapped](const std::vector<Value>& a, EvalContext& ctx) {
                       double limit = SessionTrigramThresholds(ctx).*v.threshold;
                       return Value::Bool(Word(v, a, swapped, kWordSimilarityCheckOnly, limit) >= limit);
                     }});
        f.push_back({name + std::string("_dist") + suffix, kReal, [v = v, swapped](const std::vector<Value>& a, EvalContext&) {
                       return Distance(Word(v, a, swapped, 0));
                     }});
      }
    }
    return f;
  }();
  return all;
}
}  // namespace

void RegisterTrigramFunctions() {
  for (const auto& f : TwoTextFunctions()) Register(f.name, {kText, kText}, f.result, f.fn);
  Register("show_trgm", {kText}, Type(oid::kText, -1, true), [](const std::vector<Value>& a, EvalContext&) {
    std::vector<Value> items;
    for (Trigram t : TextTrigrams(a[0].s())) items.push_back(Value::Str(TrigramText(t)));
    return Value::Array(std::move(items));
  });
  Register("show_limit", {}, kReal, [](const std::vector<Value>&, EvalContext& ctx) {
    return Value::Float(static_cast<float>(SessionTrigramThresholds(ctx).similarity));
  });
  // Deprecated in pg_trgm for SET pg_trgm.similarity_threshold, which it sets.
  Register("set_limit", {kReal}, kReal, [](const std::vector<Value>& a, EvalContext& ctx) {
    ctx.state->session->SetSetting("pg_trgm.similarity_threshold", FormatFloat4(static_cast<float>(a[0].f())), false);
    return Value::Float(static_cast<float>(SessionTrigramThresholds(ctx).similarity));
  });
}

void RegisterTrigramOperators() {
  // Each operator calls its function, as pg_trgm--1.6.sql's CREATE OPERATOR ... PROCEDURE says.
  const std::pair<const char*, const char*> operators[] = {
      {"%", "similarity_op"},
      {"<%", "word_similarity_op"},
      {"%>", "word_similarity_commutator_op"},
      {"<<%", "strict_word_similarity_op"},
      {"%>>", "strict_word_similarity_commutator_op"},
      {"<->", "similarity_dist"},
      {"<<->", "word_similarity_dist_op"},
      {"<->>", "word_similarity_dist_commutator_op"},
      {"<<<->", "strict_word_similarity_dist_op"},
      {"<->>>", "strict_word_similarity_dist_commutator_op"},
  };
  for (const auto& [op, function] : operators)
    for (const auto& f : TwoTextFunctions())
      if (f.name == function) RegisterOperator(op, kText, kText, f.result, f.fn);
}

}  // namespace tusk
