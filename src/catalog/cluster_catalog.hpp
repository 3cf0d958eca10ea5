// What every database of a data directory shares (PostgreSQL's shared catalogs pg_authid and
// pg_database): the roles and the databases themselves. Like Catalog, a value published whole
// and changed copy-on-write inside a transaction (stored under the key "G").
//
// Each database has its own Catalog (engine/database.hpp). Relation OIDs are storage key
// prefixes shared by all databases, so every catalog takes its OIDs from the data directory's
// one counter (OidSource), as PostgreSQL's OIDs come from one counter per cluster.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "security/acl.hpp"

namespace tusk {

struct RoleDef {
  uint32_t oid = 0;
  std::string name;
  std::string password;        // SCRAM-SHA-256 verifier, or empty
  bool superuser = false;
  bool login = true;
  bool createdb = false;
  bool createrole = false;
  bool inherit = true;         // has the privileges of the roles it is a member of
  bool replication = false;
  bool bypassrls = false;
  int32_t connection_limit = -1;
  std::optional<int64_t> valid_until;  // timestamptz; none: the password never expires
};

// GRANT role TO member (pg_auth_members).
struct RoleMembership {
  uint32_t role = 0, member = 0, grantor = 0;
  bool admin_option = false;
};

struct DatabaseDef {
  uint32_t oid = 0;
  std::string name;
  uint32_t owner = 10;
  bool is_template = false;
  bool allow_connections = true;
  int32_t connection_limit = -1;
  std::optional<Acl> acl;  // GRANT ... ON DATABASE (none: the default, security/acl.hpp)
};

// Hands out OIDs no object of any database has had; never the same one twice, rollbacks
// included (engine/database.cpp keeps it in storage).
class OidSource {
 public:
  virtual ~OidSource() = default;
  virtual uint32_t Next() = 0;
};

// PostgreSQL's OIDs of the databases initdb makes.
inline constexpr uint32_t kTemplate1Oid = 1, kTemplate0Oid = 4, kPostgresDatabaseOid = 5;

class ClusterCatalog {
 public:
  // template1, template0 and postgres, and the given roles (the bootstrap superuser when none).
  static std::shared_ptr<ClusterCatalog> Bootstrap(std::vector<RoleDef> roles);
  std::string Serialize() const;
  // Throws XX001 when the bytes are not a cluster catalog.
  static std::shared_ptr<ClusterCatalog> Deserialize(const std::string& bytes);

  const RoleDef* FindRole(const std::string& name) const;
  RoleDef* MutableRole(const std::string& name);
  void AddRole(RoleDef r) { roles_[r.oid] = std::move(r); }
  void DropRole(uint32_t oid);
  const std::map<uint32_t, RoleDef>& roles() const { return roles_; }
  const RoleDef* FindRole(uint32_t oid) const;
  // "" when no role has the OID
  std::string RoleName(uint32_t oid) const;

  // Role membership (security/roles.hpp answers who holds whose privileges).
  const std::vector<RoleMembership>& memberships() const { return memberships_; }
  std::vector<RoleMembership>& mutable_memberships() { return memberships_; }
  // The bootstrap superuser's name (the owner of every object).
  std::string SuperuserName() const;

  const DatabaseDef* FindDatabase(const std::string& name) const;
  const DatabaseDef* FindDatabase(uint32_t oid) const;
  DatabaseDef* MutableDatabase(uint32_t oid);
  void AddDatabase(DatabaseDef d) { databases_[d.oid] = std::move(d); }
  void DropDatabase(uint32_t oid);
  const std::map<uint32_t, DatabaseDef>& databases() const { return databases_; }

  // COMMENT ON DATABASE / ROLE (pg_shdescription), by (catalog OID, object OID). Dropping the
  // object drops its comment.
  using SharedObject = std::pair<uint32_t, uint32_t>;
  const std::map<SharedObject, std::string>& shared_comments() const { return shared_comments_; }
  void SetSharedComment(SharedObject object, const std::string& text);  // empty: none

  // ALTER DATABASE / ROLE ... SET (pg_db_role_setting): "name=value" items by (database OID,
  // role OID), 0 meaning any; applied when a session starts.
  using SettingScope = std::pair<uint32_t, uint32_t>;
  const std::map<SettingScope, std::vector<std::string>>& scoped_settings() const { return scoped_settings_; }
  // Sets (value) or removes (nullopt) one setting of a scope; name "all" with nullopt removes all.
  void SetScopedSetting(SettingScope scope, const std::string& name, const std::optional<std::string>& value);

  // An OID for a shared object (a role, a database).
  uint32_t AllocateOid() { return oids_->Next(); }
  void set_oid_source(std::shared_ptr<OidSource> oids) { oids_ = std::move(oids); }

 private:
  std::shared_ptr<OidSource> oids_;
  std::map<uint32_t, RoleDef> roles_;
  std::vector<RoleMembership> memberships_;
  std::map<uint32_t, DatabaseDef> databases_;
  std::map<SharedObject, std::string> shared_comments_;
  std::map<SettingScope, std::vector<std::string>> scoped_settings_;
};

// The catalogs shared objects are described under (pg_shdescription.classoid).
inline constexpr uint32_t kPgAuthidOid = 1260, kPgDatabaseOid = 1262;

}  // namespace tusk
