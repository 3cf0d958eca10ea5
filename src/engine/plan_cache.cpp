#include "engine/plan_cache.hpp"

#include <algorithm>

#include "access/table_locks.hpp"
#include "engine/statements.hpp"
#include "planner/planner.hpp"
#include "security/plan_user.hpp"

namespace tusk {

struct CachedPlan {
  std::shared_ptr<const Catalog> catalog;
  PlanUser planned_for;
  std::string settings_key;
  // The plan's operators and expressions keep pointers to the state they were planned with
  // (the date/time context, parameters): each execution copies its own state in here.
  ExecState state;
  ParamTypes params;
  // The table locks its planning took: a later execution takes them again before it reads.
  std::vector<std::pair<uint32_t, TableLockMode>> locks;
  std::unique_ptr<StatementPlan> plan;  // declared last: it goes before the state it points at
};

namespace {
bool SameShape(const std::vector<ColumnInfo>& a, const std::vector<ColumnInfo>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (a[i].type.WireOid() != b[i].type.WireOid() || a[i].type.typmod != b[i].type.typmod) return false;
  return true;
}
}  // namespace

void ExecuteCached(std::shared_ptr<CachedPlan>* cache, const std::vector<ColumnInfo>* described,
                   const std::string& settings_key, ExecState* st, ParamTypes* params, ResultSink* sink,
                   const PlanBuilder& build) {
  std::shared_ptr<CachedPlan> cached = *cache;
  PlanUser user = PlanUser::Of(st);
  if (!cached || cached->catalog != st->catalog || cached->planned_for != user || cached->settings_key != settings_key) {
    cache->reset();
    cached = std::make_shared<CachedPlan>();
    cached->catalog = st->catalog;
    cached->planned_for = std::move(user);
    cached->settings_key = settings_key;
    cached->state = *st;
    cached->params = *params;
    const size_t held_before = st->relation_locks.size();
    cached->plan = build(&cached->state, &cached->params);
    const auto& taken = cached->state.relation_locks;
    cached->locks.assign(taken.begin() + static_cast<long>(std::min(held_before, taken.size())), taken.end());
    if (described && !SameShape(cached->plan->Columns(), *described))
      throw Error(sqlstate::kFeatureNotSupported, "cached plan must not change result type");
    if (cached->plan->Reusable()) *cache = cached;
  } else {
    // A kept plan takes the locks its planning took, before it reads anything.
    cached->state = *st;
    for (const auto& [rel, mode] : cached->locks) LockRelation(&cached->state, rel, mode);
  }
  // Iterators and buffers go when the execution ends; the plan stays.
  struct Release {
    ExecState* st;
    ~Release() { ReleaseOpened(st); }
  } release{&cached->state};
  cached->plan->Run(sink);
}

}  // namespace tusk
