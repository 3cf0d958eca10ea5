// Text to tsvector and tsquery through a configuration: to_tsvector, to_tsquery, websearch_to_tsquery,
// plainto_tsquery, phraseto_tsquery, get_current_ts_config, text @@ tsquery, text @@ text;
// and the parser's own view: ts_parse, ts_token_type.
#include "binder/operator_registry.hpp"
#include "common/error.hpp"
#include "engine/session.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_match.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/ts_words.hpp"
#include "types/tsearch/tsearch.hpp"
#include "types/tsearch/tsquery.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

TsNameScope TsScopeOf(EvalContext& ctx) {
  TsNameScope scope;
  if (!ctx.state) return scope;
  scope.catalog = ctx.state->catalog.get();
  if (ctx.state->session) {
    scope.search_path = ctx.state->session->SearchPath();
    scope.database = ctx.state->session->database();
  }
  return scope;
}

const TsConfig& ConfigOf(const Value& regconfig, EvalContext& ctx) {
  const TsConfig* c = FindTsConfig(ctx.state ? ctx.state->catalog.get() : nullptr, static_cast<uint32_t>(regconfig.i()));
  if (!c) throw Error(sqlstate::kInternalError, "cache lookup failed for text search configuration " + std::to_string(regconfig.i()));
  return *c;
}

const TsDictionary& DictionaryOf(const Value& regdictionary, EvalContext& ctx) {
  const TsDictionary* d = FindTsDictionary(ctx.state ? ctx.state->catalog.get() : nullptr, static_cast<uint32_t>(regdictionary.i()));
  if (!d) throw Error(sqlstate::kInternalError, "cache lookup failed for text search dictionary " + std::to_string(regdictionary.i()));
  return *d;
}

const TsConfig& CurrentConfig(EvalContext& ctx) {
  std::optional<std::string> name;
  if (ctx.state && ctx.state->session) name = ctx.state->session->GetSetting("default_text_search_config");
  std::vector<std::string> names = SplitTsObjectName(name ? *name : "pg_catalog.english");
  // The setting keeps "schema.name" (its check qualifies it): no search_path to read per row.
  TsNameScope scope;
  if (names.size() == 2) scope.catalog = ctx.state ? ctx.state->catalog.get() : nullptr;
  else scope = TsScopeOf(ctx);
  uint32_t oid = LookupTsObject(TsObjectKind::kConfig, names, scope);
  const TsConfig* c = FindTsConfig(scope.catalog, oid);
  if (!c) throw Error(sqlstate::kInternalError, "cache lookup failed for text search configuration " + std::to_string(oid));
  return *c;
}

namespace {
const Type kRegconfigType(oid::kRegconfig), kText(oid::kText), kTsvectorType(oid::kTsvector), kTsqueryType(oid::kTsquery),
    kBool(oid::kBool), kInt4(oid::kInt4), kOid(oid::kOid);

std::string ToTsVector(const TsConfig& c, std::string_view text) {
  int position = 0;
  TsWords words;
  AppendTsWords(c, text, &position, &words);
  return EncodeTsWords(words);
}

// to_tsvector(config, text), remembering this thread's last answer for the statement running:
// a query that re-checks `to_tsvector(config, col) @@ q` for a GIN index and ranks
// `ts_rank(to_tsvector(config, col), q)` asks for the same row's tsvector twice in a row.
// Keyed by the statement execution and its catalog too, so that a configuration changed by
// DDL is never answered from before the change.
Value ToTsVectorValue(const TsConfig& c, std::string_view text, EvalContext& ctx) {
  struct Last {
    uint64_t exec_id = 0;
    const void* catalog = nullptr;
    const TsConfig* config = nullptr;
    std::string text;
    Value tsvector;
  };
  thread_local Last last;
  if (!ctx.state || ctx.state->exec_id == 0) return Value::Str(ToTsVector(c, text));
  if (last.exec_id == ctx.state->exec_id && last.catalog == ctx.state->catalog.get() && last.config == &c && last.text == text)
    return last.tsvector;
  Value v = Value::Str(ToTsVector(c, text));
  last = {ctx.state->exec_id, ctx.state->catalog.get(), &c, std::string(text), v};
  return v;
}

// An operand of to_tsquery's text (PostgreSQL's pushval_morph): its words through the
// configuration, joined by `join` (<-> for to_tsquery and phraseto_tsquery, & for
// plainto_tsquery); a stop word between two words leaves a place the phrase distance counts.
TsOperandFn Morph(const TsConfig& c, TsOp join) {
  return [&c, join](TsQueryBuilder& out, const std::string& operand, uint8_t weight, bool prefix) {
    std::vector<TsWord> words = ParseTsWords(c, operand);
    if (words.empty()) {
      out.PushStop();
      return;
    }
    int pos = 0, placed = 0;
    for (auto& w : words) {
      for (; pos > 0 && pos + 1 < w.position; pos++) {
        out.PushStop();
        if (placed++) out.PushOperator(join, 1);
      }
      pos = w.position;
      out.PushValue(std::move(w.lexeme), weight, prefix);
      if (placed++) out.PushOperator(join, 1);
    }
  };
}

Value ToTsQuery(const TsConfig& c, const Value& text, TsOp join, TsQuerySyntax syntax) {
  TsOperandFn morph = Morph(c, join);
  return Value::Str(EncodeTsQuery(ParseTsQuery(text.s(), &morph, syntax)));
}

Value MatchText(const TsConfig& c, const Value& text, const TsQuery& q) {
  return Value::Bool(TsMatches(DecodeTsVector(ToTsVector(c, text.s())), q));
}

// The parser argument of ts_parse / ts_token_type: 'default' or its OID 3722.
void CheckParser(const Value& parser, bool by_oid) {
  if (by_oid ? parser.i() == 3722 : (parser.s() == "default" || parser.s() == "pg_catalog.default")) return;
  if (by_oid) throw Error(sqlstate::kInternalError, "cache lookup failed for text search parser " + std::to_string(parser.i()));
  throw Error(sqlstate::kUndefinedObject, "text search parser \"" + parser.s() + "\" does not exist");
}

void BindTsParse(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.size() != 2) NoSuchSetFunction(shown, args, location);
  bool by_oid = args[0]->type.id == oid::kOid || IsIntegerType(args[0]->type.id);
  args[0] = b.Coerce(args[0], by_oid ? kOid : kText, CastContext::kImplicit, location);
  args[1] = b.Coerce(args[1], kText, CastContext::kImplicit, location);
  f.args = args;
  f.types = {kInt4, kText};
  f.columns = {"tokid", "token"};
  f.select_column = -1;
  f.generate = [by_oid](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null() || a[1].is_null()) return YieldRows({});
    CheckParser(a[0], by_oid);
    std::vector<Row> rows;
    for (auto& t : ParseDefaultTokens(a[1].s())) rows.push_back({Value::Int(t.type), Value::Str(std::move(t.text))});
    return YieldRows(std::move(rows));
  };
}

void BindTokenType(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.size() != 1) NoSuchSetFunction(shown, args, location);
  bool by_oid = args[0]->type.id == oid::kOid || IsIntegerType(args[0]->type.id);
  args[0] = b.Coerce(args[0], by_oid ? kOid : kText, CastContext::kImplicit, location);
  f.args = args;
  f.types = {kInt4, kText, kText};
  f.columns = {"tokid", "alias", "description"};
  f.select_column = -1;
  f.generate = [by_oid](const std::vector<Value>& a, EvalContext&) -> RowGenerator {
    if (a[0].is_null()) return YieldRows({});
    CheckParser(a[0], by_oid);
    std::vector<Row> rows;
    for (const auto& t : DefaultTokenTypes()) rows.push_back({Value::Int(t.id), Value::Str(t.alias), Value::Str(t.description)});
    return YieldRows(std::move(rows));
  };
}
}  // namespace

void RegisterTextSearchFunctions() {
  Register("to_tsvector", {kRegconfigType, kText}, kTsvectorType, [](const std::vector<Value>& a, EvalContext& ctx) {
    return ToTsVectorValue(ConfigOf(a[0], ctx), a[1].s(), ctx);
  });
  Register("to_tsvector", {kText}, kTsvectorType, [](const std::vector<Value>& a, EvalContext& ctx) {
    return ToTsVectorValue(CurrentConfig(ctx), a[0].s(), ctx);
  });
  struct Family {
    const char* name;
    TsOp join;
    TsQuerySyntax syntax;
  };
  for (Family f : {Family{"to_tsquery", TsOp::kPhrase, TsQuerySyntax::kStandard},
                   Family{"plainto_tsquery", TsOp::kAnd, TsQuerySyntax::kPlain},
                   Family{"phraseto_tsquery", TsOp::kPhrase, TsQuerySyntax::kPlain},
                   Family{"websearch_to_tsquery", TsOp::kPhrase, TsQuerySyntax::kWeb}}) {
    Register(f.name, {kRegconfigType, kText}, kTsqueryType,
             [f](const std::vector<Value>& a, EvalContext& ctx) { return ToTsQuery(ConfigOf(a[0], ctx), a[1], f.join, f.syntax); });
    Register(f.name, {kText}, kTsqueryType,
             [f](const std::vector<Value>& a, EvalContext& ctx) { return ToTsQuery(CurrentConfig(ctx), a[0], f.join, f.syntax); });
  }
  Register("get_current_ts_config", {}, kRegconfigType,
           [](const std::vector<Value>&, EvalContext& ctx) { return Value::Int(CurrentConfig(ctx).oid); });
  RegisterSetFunction("ts_parse", BindTsParse);
  RegisterSetFunction("ts_token_type", BindTokenType);
  RegisterTsDebugFunctions();
  RegisterTsHeadlineFunctions();
  RegisterTsRewriteFunctions();
}

void RegisterTextSearchOperators() {
  RegisterOperator("@@", kText, kTsqueryType, kBool, [](const std::vector<Value>& a, EvalContext& ctx) {
    return MatchText(CurrentConfig(ctx), a[0], DecodeTsQuery(a[1].s()));
  });
  RegisterOperator("@@", kText, kText, kBool, [](const std::vector<Value>& a, EvalContext& ctx) {
    const TsConfig& c = CurrentConfig(ctx);
    return MatchText(c, a[0], DecodeTsQuery(ToTsQuery(c, a[1], TsOp::kAnd, TsQuerySyntax::kPlain).s()));
  });
}

}  // namespace tusk
