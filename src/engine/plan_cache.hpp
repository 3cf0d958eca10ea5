// Plans of prepared SELECTs, kept with their statement and reused by later executions (as
// PostgreSQL reuses a prepared statement's generic plan), so that a short query run many times
// is parsed, bound and planned once.
//
// A plan is reused while the catalog it was made against is still the one in force (any DDL
// publishes a new catalog) and the settings planning reads — the user, search_path, TimeZone
// (literals are converted when bound) — are unchanged. Statements inside a transaction that has
// run DDL are planned afresh, as their catalog is a private copy that may still change.
#pragma once
#include <memory>
#include <string>

#include "engine/result.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ParamTypes;
struct CachedPlan;

// Runs the SELECT `stmt` with the plan in *cache, planning it (and filling *cache when the plan
// may be kept) when there is none or it is stale. `settings_key` names the planning settings.
// A new plan whose columns differ from those the statement was described with is refused with
// 0A000, as in PostgreSQL (the client has already been told the row shape).
void ExecuteSelectCached(Node* stmt, std::shared_ptr<CachedPlan>* cache, const std::vector<ColumnInfo>& described,
                         const std::string& settings_key, ExecState* st, ParamTypes* params, ResultSink* sink);

}  // namespace tusk
