// Who holds whose privileges: role membership as PostgreSQL 15 reads it. A superuser holds
// every role's; otherwise a role holds its own and, through GRANT role TO, those of the roles it
// is a member of when it (and each role on the way) has INHERIT. SET ROLE needs membership
// only, inherited or not.
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include "catalog/cluster_catalog.hpp"

namespace tusk {

// A role's OID by name, PostgreSQL's predefined roles (pg_read_all_data, ...) included; 0 when
// no role has the name.
uint32_t RoleOidByName(const ClusterCatalog& cluster, const std::string& name);

bool IsSuperuser(const ClusterCatalog& cluster, uint32_t role);
// `member` has the privileges of `role` (PostgreSQL's has_privs_of_role).
bool HasPrivilegesOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role);
// `member` is `role` or a member of it, directly or not, INHERIT aside (is_member_of_role).
bool IsMemberOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role);
// The same without the superuser's shortcut (is_member_of_role_nosuper): circular grants.
bool IsMemberOfRoleNoSuper(const ClusterCatalog& cluster, uint32_t member, uint32_t role);
// `member` may grant `role` to others: a superuser, or a member WITH ADMIN OPTION (GRANT also
// lets a role with CREATEROLE grant any role but a superuser).
bool IsAdminOfRole(const ClusterCatalog& cluster, uint32_t member, uint32_t role);
// The roles whose privileges `member` has: itself and what it inherits (not for superusers,
// whose checks never look).
std::set<uint32_t> RolesWithPrivilegesOf(const ClusterCatalog& cluster, uint32_t member);

}  // namespace tusk
