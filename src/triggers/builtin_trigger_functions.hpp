// Trigger functions built into the server, as PostgreSQL's C ones are (tsvector_update_trigger,
// ...): CREATE TRIGGER finds them by name in pg_catalog and keeps their pg_proc OID; the runner
// calls them instead of a PL/pgSQL body. A family registers its own (types/tsearch for the
// tsvector ones).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "execution/expr.hpp"

namespace tusk {

struct ExecState;
struct TriggerCall;  // plpgsql/function.hpp

struct BuiltinTriggerFunction {
  uint32_t oid;      // pg_proc OID, as PostgreSQL's
  const char* name;
  // The row to write (a BEFORE ROW trigger may change it), nullopt to skip it.
  std::function<std::optional<Row>(const TriggerCall&, ExecState*)> run;
};

void RegisterBuiltinTriggerFunction(BuiltinTriggerFunction f);
const BuiltinTriggerFunction* FindBuiltinTriggerFunction(uint32_t oid);
const BuiltinTriggerFunction* FindBuiltinTriggerFunction(std::string_view name);

void RegisterTextSearchTriggerFunctions();  // types/tsearch/tsvector_update_trigger.cpp

}  // namespace tusk
