// PL/pgSQL's condition names (EXCEPTION WHEN division_by_zero, RAISE unique_violation).
#pragma once
#include <vector>

namespace tusk::plpgsql {

struct ConditionName {
  const char* name;
  const char* sqlstate;
};
const std::vector<ConditionName>& ConditionNames();

}  // namespace tusk::plpgsql
