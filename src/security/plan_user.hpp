// Who a plan was made for. Privileges and row-level security are decided when a statement is
// planned, so a kept plan (a prepared statement's, a function body's, a PL/pgSQL expression's)
// is used again only by the same current user under the same roles and memberships.
#pragma once
#include <cstdint>
#include <memory>

#include "catalog/cluster_catalog.hpp"

namespace tusk {

struct ExecState;

struct PlanUser {
  uint32_t user = 0;
  std::shared_ptr<const ClusterCatalog> cluster;
  static PlanUser Of(const ExecState* st);
  bool operator==(const PlanUser& o) const { return user == o.user && cluster == o.cluster; }
  bool operator!=(const PlanUser& o) const { return !(*this == o); }
};

}  // namespace tusk
