// tsvector_update_trigger(tsvector_column, config_name, text_column, ...) and
// tsvector_update_trigger_column(tsvector_column, config_column, text_column, ...): BEFORE ROW
// triggers that keep a tsvector column the to_tsvector of the text columns, read as one text
// (positions run on from column to column), as PostgreSQL's tsvector_op.c does. On UPDATE the
// column is recomputed only when the statement sets one of the text columns.
#include <algorithm>
#include <string>

#include "common/error.hpp"
#include "plpgsql/function.hpp"
#include "triggers/builtin_trigger_functions.hpp"
#include "types/tsearch/ts_config.hpp"
#include "types/tsearch/ts_session.hpp"
#include "types/tsearch/ts_words.hpp"
#include "types/tsearch/tsvector.hpp"

namespace tusk {

namespace {
constexpr const char* kTriggerProtocolViolated = "39P01";

int ColumnNumber(const TriggerCall& call, const std::string& name) {
  auto it = std::find(call.columns->begin(), call.columns->end(), name);
  return it == call.columns->end() ? -1 : static_cast<int>(it - call.columns->begin());
}

bool IsTextType(const Type& t) { return !t.array && (t.id == oid::kText || t.id == oid::kVarchar || t.id == oid::kBpchar); }

std::optional<Row> UpdateTsVector(const TriggerCall& call, ExecState* st, bool config_column) {
  if (call.level != "ROW")
    throw Error(kTriggerProtocolViolated, "tsvector_update_trigger: must be fired for row");
  if (call.when != "BEFORE")
    throw Error(kTriggerProtocolViolated, "tsvector_update_trigger: must be fired BEFORE event");
  if (call.op != "INSERT" && call.op != "UPDATE")
    throw Error(kTriggerProtocolViolated, "tsvector_update_trigger: must be fired for INSERT or UPDATE");
  if (call.args.size() < 3)
    throw Error(kTriggerProtocolViolated, "tsvector_update_trigger: arguments must be tsvector_field, ts_config, text_field1, ...)");
  Row row = *call.new_row;
  const std::vector<Type>& types = *call.column_types;
  int target = ColumnNumber(call, call.args[0]);
  if (target < 0) throw Error(sqlstate::kUndefinedColumn, "tsvector column \"" + call.args[0] + "\" does not exist");
  if (types[static_cast<size_t>(target)].array || types[static_cast<size_t>(target)].id != oid::kTsvector)
    throw Error(sqlstate::kDatatypeMismatch, "column \"" + call.args[0] + "\" is not of tsvector type");

  EvalContext ctx;
  ctx.state = st;
  const TsNameScope scope = TsScopeOf(ctx);
  const TsConfig* config = nullptr;
  if (config_column) {
    int c = ColumnNumber(call, call.args[1]);
    if (c < 0) throw Error(sqlstate::kUndefinedColumn, "configuration column \"" + call.args[1] + "\" does not exist");
    const Type& t = types[static_cast<size_t>(c)];
    if (t.array || (t.id != oid::kRegconfig && t.id != oid::kOid))
      throw Error(sqlstate::kDatatypeMismatch, "column \"" + call.args[1] + "\" is not of regconfig type");
    const Value& v = row[static_cast<size_t>(c)];
    if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, "configuration column \"" + call.args[1] + "\" must not be null");
    config = FindTsConfig(scope.catalog, static_cast<uint32_t>(v.i()));
    if (!config) throw Error(sqlstate::kUndefinedObject, "text search configuration " + std::to_string(v.i()) + " does not exist");
  } else {
    // A schema is required, so that what the trigger computes does not depend on search_path.
    if (call.args[1].find('.') == std::string::npos)
      throw Error(sqlstate::kInvalidParameterValue, "text search configuration name \"" + call.args[1] + "\" must be schema-qualified");
    config = FindTsConfig(scope.catalog, ParseTsObjectName(TsObjectKind::kConfig, call.args[1], scope));
    if (!config) throw Error(sqlstate::kUndefinedObject, "text search configuration \"" + call.args[1] + "\" does not exist");
  }

  bool needed = call.op == "INSERT";
  TsWords words;
  int position = 0;
  for (size_t i = 2; i < call.args.size(); i++) {
    int c = ColumnNumber(call, call.args[i]);
    if (c < 0) throw Error(sqlstate::kUndefinedColumn, "column \"" + call.args[i] + "\" does not exist");
    if (!IsTextType(types[static_cast<size_t>(c)]))
      throw Error(sqlstate::kDatatypeMismatch, "column \"" + call.args[i] + "\" is not of a character type");
    needed |= std::find(call.updated_columns.begin(), call.updated_columns.end(), call.args[i]) != call.updated_columns.end();
    const Value& v = row[static_cast<size_t>(c)];
    if (v.is_null()) continue;
    AppendTsWords(*config, v.s(), &position, &words);
  }
  if (needed) row[static_cast<size_t>(target)] = Value::Str(EncodeTsWords(words));
  return row;
}
}  // namespace

void RegisterTextSearchTriggerFunctions() {
  RegisterBuiltinTriggerFunction({3752, "tsvector_update_trigger",
                                  [](const TriggerCall& call, ExecState* st) { return UpdateTsVector(call, st, false); }});
  RegisterBuiltinTriggerFunction({3753, "tsvector_update_trigger_column",
                                  [](const TriggerCall& call, ExecState* st) { return UpdateTsVector(call, st, true); }});
}

}  // namespace tusk
