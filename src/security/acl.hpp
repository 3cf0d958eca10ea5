// Access control lists: who may do what with an object, as PostgreSQL's aclitem[] (relacl,
// nspacl, proacl, ...). An object whose list was never changed has none (NULL): its kind's
// default applies (AclDefault), computed from the owner as PostgreSQL's acldefault() does.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tusk {

// PostgreSQL's privilege bits (ACL_INSERT ...), in the order aclitem prints them: "arwdDxtXUCTc".
namespace privilege {
inline constexpr uint32_t kInsert = 1u << 0, kSelect = 1u << 1, kUpdate = 1u << 2, kDelete = 1u << 3,
                          kTruncate = 1u << 4, kReferences = 1u << 5, kTrigger = 1u << 6, kExecute = 1u << 7,
                          kUsage = 1u << 8, kCreate = 1u << 9, kTemporary = 1u << 10, kConnect = 1u << 11;
inline constexpr const char* kLetters = "arwdDxtXUCTc";
inline constexpr int kCount = 12;
}  // namespace privilege

// The kinds of object a list belongs to: each has its privileges and its default.
enum class AclObject { kTable, kSequence, kFunction, kSchema, kDatabase, kType, kLanguage };

// Every privilege an object of this kind can have (ALL PRIVILEGES).
uint32_t AllPrivileges(AclObject kind);

inline constexpr uint32_t kPublicRole = 0;  // the grantee PUBLIC

struct AclItem {
  uint32_t grantee = kPublicRole;
  uint32_t grantor = 0;
  uint32_t privileges = 0;
  uint32_t grant_options = 0;  // the privileges the grantee may grant on (a subset of privileges)
  bool operator==(const AclItem&) const = default;
};
using Acl = std::vector<AclItem>;

// Who owns an object and who else may use it. No list: its kind's default (PostgreSQL's NULL
// relacl, nspacl, proacl, ...).
struct ObjectSecurity {
  uint32_t owner = 10;  // the bootstrap superuser
  std::optional<Acl> acl;
};

// The list an object has before any GRANT or REVOKE (PostgreSQL's acldefault()).
Acl AclDefault(AclObject kind, uint32_t owner);
inline const Acl& EffectiveAcl(const std::optional<Acl>& acl, AclObject kind, uint32_t owner, Acl* scratch) {
  if (acl) return *acl;
  *scratch = AclDefault(kind, owner);
  return *scratch;
}

// aclitem's text: "grantee=privileges/grantor", PUBLIC as an empty grantee, '*' after a
// privilege held with grant option. `role_name` gives a role's name ("" when it is gone: the
// OID is printed, as PostgreSQL does).
using RoleNamer = std::function<std::string(uint32_t)>;
std::string AclItemText(const AclItem& item, const RoleNamer& role_name);

// Adds (grant) or takes away (revoke) `privileges` of `grantee` as granted by `grantor`, as
// PostgreSQL's aclupdate(): with `options` only the grant options (REVOKE GRANT OPTION FOR) or
// the privileges and their grant options (GRANT ... WITH GRANT OPTION). An item left with no
// privileges goes.
void AclGrant(Acl* acl, uint32_t grantee, uint32_t grantor, uint32_t privileges, bool with_grant_option);
void AclRevoke(Acl* acl, uint32_t grantee, uint32_t grantor, uint32_t privileges, bool grant_option_only);

// The privileges the list gives to a role for which `holds(grantee)` says whether it has the
// grantee's privileges (itself, a role it inherits from, PUBLIC); `grant_options`: those it may
// grant on instead.
uint32_t AclPrivilegesOf(const Acl& acl, const std::function<bool(uint32_t)>& holds, bool grant_options = false);

// The privilege named by a GRANT / has_*_privilege word ("SELECT", "usage", ...); 0 when none.
uint32_t PrivilegeByName(const std::string& word);
// The name PostgreSQL prints for one privilege bit ("SELECT", "TEMPORARY", ...).
const char* PrivilegeName(uint32_t bit);

}  // namespace tusk
