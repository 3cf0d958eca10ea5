#include "security/plan_user.hpp"

#include "engine/session.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

PlanUser PlanUser::Of(const ExecState* st) {
  if (!st || !st->session) return {};
  return {st->session->CurrentUserId(), st->session->CurrentCluster()};
}

}  // namespace tusk
