// Plans of prepared statements, kept with the statement and reused by later executions (as
// PostgreSQL reuses a prepared statement's generic plan), so that a short statement run many
// times is parsed, bound and planned once: SELECT, INSERT, UPDATE and DELETE.
//
// A plan is reused while the catalog it was made against is still the one in force (any DDL
// publishes a new catalog) and the settings planning reads — the user, search_path, TimeZone
// (literals are converted when bound) — are unchanged. Statements inside a transaction that has
// run DDL are planned afresh, as their catalog is a private copy that may still change.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "engine/result.hpp"
#include "execution/exec_state.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ParamTypes;
struct CachedPlan;

// A statement bound and planned against an ExecState; Run executes it once, in whatever that
// state holds at the time (transaction, snapshot, parameters).
class StatementPlan {
 public:
  virtual ~StatementPlan() = default;
  virtual void Run(ResultSink* sink) = 0;
  // False when the plan may not run again (data-modifying WITH queries run outside it).
  virtual bool Reusable() const = 0;
  // The rows it returns (none: empty).
  virtual const std::vector<ColumnInfo>& Columns() const = 0;
};

// Plans a statement against `state` and `params`, throwing as executing it would.
using PlanBuilder = std::function<std::unique_ptr<StatementPlan>(ExecState* state, ParamTypes* params)>;

// Runs a prepared statement with the plan in *cache, building it (and filling *cache when the
// plan may be kept) when there is none or it is stale. `settings_key` names the planning
// settings. A new plan whose columns differ from those the statement was described with is
// refused with 0A000, as in PostgreSQL (the client has already been told the row shape); with
// `described` null (a function's statement) any columns go.
void ExecuteCached(std::shared_ptr<CachedPlan>* cache, const std::vector<ColumnInfo>* described,
                   const std::string& settings_key, ExecState* st, ParamTypes* params, ResultSink* sink,
                   const PlanBuilder& build);

// The plans of SELECT (engine/query.cpp) and of INSERT, UPDATE and DELETE (engine/dml.cpp).
std::unique_ptr<StatementPlan> PlanSelectStatement(Node* stmt, ExecState* st, ParamTypes* params);
std::unique_ptr<StatementPlan> PlanModify(Node* stmt, ExecState* st, ParamTypes* params);

}  // namespace tusk
