#include "security/roles.hpp"

#include <vector>

#include "catalog/system/catalogs.hpp"

namespace tusk {

namespace {
// The roles reachable from `member` through memberships; with `inherit_only`, a role's
// memberships count only when it has INHERIT.
std::set<uint32_t> Reachable(const ClusterCatalog& cluster, uint32_t member, bool inherit_only) {
  std::set<uint32_t> seen{member};
  std::vector<uint32_t> todo{member};
  while (!todo.empty()) {
    uint32_t at = todo.back();
    todo.pop_back();
    if (inherit_only) {
      const RoleDef* r = cluster.FindRole(at);
      if (r && !r->inherit) continue;
    }
    for (const RoleMembership& m : cluster.memberships())
      if (m.member == at && seen.insert(m.role).second) todo.push_back(m.role);
  }
  return seen;
}
}  // namespace

uint32_t RoleOidByName(const ClusterCatalog& cluster, const std::string& name) {
  if (const RoleDef* r = cluster.FindRole(name)) return r->oid;
  for (const auto& p : PredefinedRoles())
    if (name == p.name) return p.oid;
  return 0;
}

bool IsSuperuser(const ClusterCatalog& cluster, uint32_t role) {
  const RoleDef* r = cluster.FindRole(role);
  return r && r->superuser;
}

bool HasPrivilegesOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role) {
  if (member == role || IsSuperuser(cluster, member)) return true;
  return Reachable(cluster, member, true).count(role) > 0;
}

bool IsMemberOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role) {
  if (member == role || IsSuperuser(cluster, member)) return true;
  return Reachable(cluster, member, false).count(role) > 0;
}

bool IsMemberOfRoleNoSuper(const ClusterCatalog& cluster, uint32_t member, uint32_t role) {
  return member == role || Reachable(cluster, member, false).count(role) > 0;
}

bool IsAdminOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role) {
  if (IsSuperuser(cluster, member)) return true;
  if (member == role) return false;  // no role has ADMIN OPTION on itself
  for (uint32_t via : Reachable(cluster, member, false))
    for (const RoleMembership& x : cluster.memberships())
      if (x.member == via && x.role == role && x.admin_option) return true;
  return false;
}

std::set<uint32_t> RolesWithPrivilegesOf(const ClusterCatalog& cluster, uint32_t member) {
  return Reachable(cluster, member, true);
}

}  // namespace tusk
