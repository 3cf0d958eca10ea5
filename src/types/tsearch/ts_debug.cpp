// ts_lexize(dictionary, token): what one dictionary makes of a token (NULL: it does not know
// it, {}: a stop word). ts_debug([config,] text): every token of the text as the
// configuration's parser reads it, with its type, the dictionaries the configuration maps the
// type to, and the first of them that knows the token with its lexemes. PostgreSQL defines
// ts_debug in SQL over its catalogs; here it is computed directly, with the same rows.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "function/set_returning.hpp"
#include "types/tsearch/default_parser.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/tsearch.hpp"

namespace tusk {

namespace {

const Type kText(oid::kText), kTextArray(oid::kText, -1, true), kRegconfigType(oid::kRegconfig),
    kRegdictionaryType(oid::kRegdictionary), kRegdictionaryArray(oid::kRegdictionary, -1, true);

Value LexemeArray(const std::optional<std::vector<std::string>>& lexemes) {
  if (!lexemes) return Value::Null();
  std::vector<Value> items;
  for (const auto& l : *lexemes) items.push_back(Value::Str(l));
  return Value::Array(std::move(items));
}

std::vector<Row> DebugRows(const TsConfig& config, std::string_view text) {
  const auto& types = DefaultTokenTypes();
  std::vector<Row> rows;
  for (auto& token : ParseDefaultTokens(text)) {
    const TsTokenTypeInfo& type = types[static_cast<size_t>(token.type - 1)];
    static const std::vector<const TsDictionary*> kNone;
    const auto& dicts = static_cast<size_t>(token.type) < config.map.size() ? config.map[token.type] : kNone;
    std::vector<Value> listed;
    for (const TsDictionary* d : dicts) listed.push_back(Value::Int(d->oid));
    // The first dictionary that knows the token; when none does, the first one, without lexemes.
    Value chosen = dicts.empty() ? Value::Null() : Value::Int(dicts[0]->oid), lexemes = Value::Null();
    for (const TsDictionary* d : dicts) {
      std::optional<std::vector<std::string>> out = d->Lexize(token.text);
      if (!out) continue;
      chosen = Value::Int(d->oid);
      lexemes = LexemeArray(out);
      break;
    }
    rows.push_back({Value::Str(type.alias), Value::Str(type.description), Value::Str(std::move(token.text)),
                    Value::Array(std::move(listed)), chosen, lexemes});
  }
  return rows;
}

void BindTsDebug(Binder& b, const std::string& shown, std::vector<ExprP> args, int location, SetFunction& f) {
  if (args.empty() || args.size() > 2) NoSuchSetFunction(shown, args, location);
  bool with_config = args.size() == 2;
  if (with_config) args[0] = b.Coerce(args[0], kRegconfigType, CastContext::kImplicit, location);
  args.back() = b.Coerce(args.back(), kText, CastContext::kImplicit, location);
  f.args = args;
  f.types = {kText, kText, kText, kRegdictionaryArray, kRegdictionaryType, kTextArray};
  f.columns = {"alias", "description", "token", "dictionaries", "dictionary", "lexemes"};
  f.select_column = -1;
  f.generate = [with_config](const std::vector<Value>& a, EvalContext& ctx) -> RowGenerator {
    for (const Value& v : a)
      if (v.is_null()) return YieldRows({});
    const TsConfig& config = with_config ? ConfigOf(a[0], ctx) : CurrentConfig(ctx);
    return YieldRows(DebugRows(config, a.back().s()));
  };
}

}  // namespace

void RegisterTsDebugFunctions() {
  Register("ts_lexize", {kRegdictionaryType, kText}, kTextArray,
           [](const std::vector<Value>& a, EvalContext& ctx) { return LexemeArray(DictionaryOf(a[0], ctx).Lexize(a[1].s())); });
  RegisterSetFunction("ts_debug", BindTsDebug);
}

}  // namespace tusk
