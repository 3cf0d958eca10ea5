#include "engine/plan_cache.hpp"

#include "engine/statements.hpp"
#include "planner/planner.hpp"

namespace tusk {

struct CachedPlan {
  std::shared_ptr<const Catalog> catalog;
  std::string settings_key;
  // The plan's operators and expressions keep pointers to the state they were planned with
  // (the date/time context, parameters): each execution copies its own state in here.
  ExecState state;
  ParamTypes params;
  std::unique_ptr<Planner> planner;
  PlannedQuery query;
};

namespace {
bool SameShape(const std::vector<ColumnInfo>& a, const std::vector<ColumnInfo>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (a[i].type.WireOid() != b[i].type.WireOid() || a[i].type.typmod != b[i].type.typmod) return false;
  return true;
}
}  // namespace

void ExecuteSelectCached(Node* stmt, std::shared_ptr<CachedPlan>* cache, const std::vector<ColumnInfo>& described,
                         const std::string& settings_key, ExecState* st, ParamTypes* params, ResultSink* sink) {
  std::shared_ptr<CachedPlan> plan = *cache;
  if (!plan || plan->catalog != st->catalog || plan->settings_key != settings_key) {
    cache->reset();
    plan = std::make_shared<CachedPlan>();
    plan->catalog = st->catalog;
    plan->settings_key = settings_key;
    plan->state = *st;
    plan->params = *params;
    plan->planner = std::make_unique<Planner>(&plan->state, &plan->params);
    plan->query = plan->planner->PlanSelect(stmt, nullptr);
    if (!SameShape(plan->query.columns, described))
      throw Error(sqlstate::kFeatureNotSupported, "cached plan must not change result type");
    // Data-modifying WITH queries run once per execution outside the operator tree.
    if (plan->planner->Reusable()) *cache = plan;
  } else {
    plan->state = *st;
  }
  // Iterators and buffers go when the execution ends; the plan stays.
  struct Release {
    ExecState* st;
    ~Release() { ReleaseOpened(st); }
  } release{&plan->state};
  RunPlannedSelect(plan->planner.get(), plan->query, &plan->state, sink);
}

}  // namespace tusk
