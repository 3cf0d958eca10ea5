#include "security/acl.hpp"

#include <cctype>

#include "common/strings.hpp"

namespace tusk {

uint32_t AllPrivileges(AclObject kind) {
  using namespace privilege;
  switch (kind) {
    case AclObject::kTable: return kInsert | kSelect | kUpdate | kDelete | kTruncate | kReferences | kTrigger;
    case AclObject::kSequence: return kUsage | kSelect | kUpdate;
    case AclObject::kFunction: return kExecute;
    case AclObject::kSchema: return kUsage | kCreate;
    case AclObject::kDatabase: return kCreate | kTemporary | kConnect;
    case AclObject::kType:
    case AclObject::kLanguage: return kUsage;
  }
  return 0;
}

Acl AclDefault(AclObject kind, uint32_t owner) {
  uint32_t world = 0;
  switch (kind) {
    case AclObject::kFunction: world = privilege::kExecute; break;
    case AclObject::kDatabase: world = privilege::kTemporary | privilege::kConnect; break;
    case AclObject::kType:
    case AclObject::kLanguage: world = privilege::kUsage; break;
    default: break;
  }
  Acl acl;
  if (world) acl.push_back({kPublicRole, owner, world, 0});
  // The owner's grant options are implicit (AclPrivilegesOf's callers give an owner all of
  // them), so the item stores none, as PostgreSQL's does.
  acl.push_back({owner, owner, AllPrivileges(kind), 0});
  return acl;
}

namespace {
// A role name as aclitem writes it: quoted unless every character is a letter, digit or '_'.
std::string AclName(const std::string& name) {
  bool safe = true;
  for (unsigned char c : name) safe = safe && (std::isalnum(c) || c == '_');
  if (safe) return name;
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string NameOrOid(uint32_t role, const RoleNamer& role_name) {
  std::string name = role_name(role);
  return name.empty() ? std::to_string(role) : AclName(name);
}
}  // namespace

std::string AclItemText(const AclItem& item, const RoleNamer& role_name) {
  std::string out = item.grantee == kPublicRole ? "" : NameOrOid(item.grantee, role_name);
  out += '=';
  for (int i = 0; i < privilege::kCount; i++) {
    if (item.privileges & (1u << i)) out += privilege::kLetters[i];
    if (item.grant_options & (1u << i)) out += '*';
  }
  return out + "/" + NameOrOid(item.grantor, role_name);
}

void AclGrant(Acl* acl, uint32_t grantee, uint32_t grantor, uint32_t privileges, bool with_grant_option) {
  for (AclItem& item : *acl)
    if (item.grantee == grantee && item.grantor == grantor) {
      item.privileges |= privileges;
      if (with_grant_option) item.grant_options |= privileges;
      return;
    }
  if (privileges) acl->push_back({grantee, grantor, privileges, with_grant_option ? privileges : 0});
}

void AclRevoke(Acl* acl, uint32_t grantee, uint32_t grantor, uint32_t privileges, bool grant_option_only) {
  for (size_t i = 0; i < acl->size(); i++) {
    AclItem& item = (*acl)[i];
    if (item.grantee != grantee || item.grantor != grantor) continue;
    item.grant_options &= ~privileges;
    if (!grant_option_only) item.privileges &= ~privileges;
    if (!item.privileges) acl->erase(acl->begin() + static_cast<std::ptrdiff_t>(i));
    return;
  }
}

uint32_t AclPrivilegesOf(const Acl& acl, const std::function<bool(uint32_t)>& holds, bool grant_options) {
  uint32_t out = 0;
  for (const AclItem& item : acl)
    if (item.grantee == kPublicRole || holds(item.grantee)) out |= grant_options ? item.grant_options : item.privileges;
  return out;
}

uint32_t PrivilegeByName(const std::string& word_in) {
  const std::string word = ToLower(word_in);
  static const std::pair<const char*, uint32_t> kNames[] = {
      {"insert", privilege::kInsert},       {"select", privilege::kSelect},         {"update", privilege::kUpdate},
      {"delete", privilege::kDelete},       {"truncate", privilege::kTruncate},     {"references", privilege::kReferences},
      {"trigger", privilege::kTrigger},     {"execute", privilege::kExecute},       {"usage", privilege::kUsage},
      {"create", privilege::kCreate},       {"temporary", privilege::kTemporary},   {"temp", privilege::kTemporary},
      {"connect", privilege::kConnect}};
  for (const auto& [name, bit] : kNames)
    if (word == name) return bit;
  return 0;
}

const char* PrivilegeName(uint32_t bit) {
  static const char* kNames[] = {"INSERT", "SELECT", "UPDATE",  "DELETE", "TRUNCATE",  "REFERENCES",
                                 "TRIGGER", "EXECUTE", "USAGE", "CREATE", "TEMPORARY", "CONNECT"};
  for (int i = 0; i < privilege::kCount; i++)
    if (bit == (1u << i)) return kNames[i];
  return "?";
}

}  // namespace tusk
