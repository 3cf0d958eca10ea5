#include "catalog/cluster_catalog.hpp"

#include <strings.h>

#include <algorithm>

#include "catalog/serial.hpp"
#include "common/error.hpp"
#include "types/type.hpp"

namespace tusk {

namespace {
// 2: shared comments and per-database / per-role settings (format 1 had neither; reading one
// gives initdb's database comments).
// 3: roles' INHERIT, REPLICATION, BYPASSRLS, CONNECTION LIMIT, VALID UNTIL, role membership and
// databases' access lists (after the settings).
constexpr uint64_t kClusterFormat = 3;

void AddInitdbComments(std::map<ClusterCatalog::SharedObject, std::string>* comments) {
  (*comments)[{kPgDatabaseOid, kPostgresDatabaseOid}] = "default administrative connection database";
  (*comments)[{kPgDatabaseOid, kTemplate1Oid}] = "default template for new databases";
  (*comments)[{kPgDatabaseOid, kTemplate0Oid}] = "unmodifiable empty database";
}
}  // namespace

std::shared_ptr<ClusterCatalog> ClusterCatalog::Bootstrap(std::vector<RoleDef> roles) {
  auto c = std::make_shared<ClusterCatalog>();
  if (roles.empty()) {
    RoleDef postgres;
    postgres.oid = 10;
    postgres.name = "postgres";
    postgres.superuser = postgres.createdb = postgres.createrole = true;
    postgres.replication = postgres.bypassrls = true;
    roles.push_back(postgres);
  }
  for (auto& r : roles) c->AddRole(std::move(r));
  c->databases_[kPostgresDatabaseOid] = {kPostgresDatabaseOid, "postgres", 10, false, true, -1, std::nullopt};
  c->databases_[kTemplate1Oid] = {kTemplate1Oid, "template1", 10, true, true, -1, std::nullopt};
  c->databases_[kTemplate0Oid] = {kTemplate0Oid, "template0", 10, true, false, -1, std::nullopt};
  AddInitdbComments(&c->shared_comments_);
  return c;
}

std::string ClusterCatalog::Serialize() const {
  CatalogWriter w;
  w.U(kClusterFormat);
  w.U(roles_.size());
  for (const auto& [oid, r] : roles_) {
    w.U(r.oid); w.S(r.name); w.S(r.password); w.U(r.superuser); w.U(r.login); w.U(r.createdb); w.U(r.createrole);
  }
  w.U(databases_.size());
  for (const auto& [oid, d] : databases_) {
    w.U(d.oid); w.S(d.name); w.U(d.owner); w.U(d.is_template); w.U(d.allow_connections); w.I(d.connection_limit);
  }
  w.U(shared_comments_.size());
  for (const auto& [object, text] : shared_comments_) {
    w.U(object.first); w.U(object.second); w.S(text);
  }
  w.U(scoped_settings_.size());
  for (const auto& [scope, items] : scoped_settings_) {
    w.U(scope.first); w.U(scope.second); w.U(items.size());
    for (const std::string& item : items) w.S(item);
  }
  for (const auto& [oid, r] : roles_) {
    w.U(r.inherit); w.U(r.replication); w.U(r.bypassrls); w.I(r.connection_limit); w.U(r.valid_until.has_value());
    if (r.valid_until) w.I(*r.valid_until);
  }
  w.U(memberships_.size());
  for (const auto& m : memberships_) { w.U(m.role); w.U(m.member); w.U(m.grantor); w.U(m.admin_option); }
  for (const auto& [oid, d] : databases_) {
    w.U(d.acl.has_value());
    if (!d.acl) continue;
    w.U(d.acl->size());
    for (const AclItem& i : *d.acl) { w.U(i.grantee); w.U(i.grantor); w.U(i.privileges); w.U(i.grant_options); }
  }
  return w.out;
}

std::shared_ptr<ClusterCatalog> ClusterCatalog::Deserialize(const std::string& bytes) {
  CatalogReader r{bytes};
  uint64_t format = r.U();
  if (format < 1 || format > kClusterFormat) CatalogReader::Bad();
  auto c = std::make_shared<ClusterCatalog>();
  for (size_t n = r.Count(); n > 0; n--) {
    RoleDef ro;
    ro.oid = r.U32(); ro.name = r.S(); ro.password = r.S(); ro.superuser = r.U(); ro.login = r.U();
    ro.createdb = r.U(); ro.createrole = r.U();
    ro.replication = ro.bypassrls = ro.oid == 10;  // initdb's superuser, when the format had neither
    c->roles_[ro.oid] = ro;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    DatabaseDef d;
    d.oid = r.U32(); d.name = r.S(); d.owner = r.U32(); d.is_template = r.U(); d.allow_connections = r.U();
    d.connection_limit = r.Int();
    c->databases_[d.oid] = d;
  }
  if (format == 1) {
    AddInitdbComments(&c->shared_comments_);
    return c;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    uint32_t classoid = r.U32(), objoid = r.U32();
    c->shared_comments_[{classoid, objoid}] = r.S();
  }
  for (size_t n = r.Count(); n > 0; n--) {
    uint32_t database = r.U32(), role = r.U32();
    std::vector<std::string>& items = c->scoped_settings_[{database, role}];
    for (size_t k = r.Count(); k > 0; k--) items.push_back(r.S());
  }
  if (format < 3) return c;
  for (auto& [oid, ro] : c->roles_) {
    ro.inherit = r.U(); ro.replication = r.U(); ro.bypassrls = r.U(); ro.connection_limit = r.Int();
    if (r.U()) ro.valid_until = r.I();
  }
  for (size_t n = r.Count(); n > 0; n--) {
    RoleMembership m;
    m.role = r.U32(); m.member = r.U32(); m.grantor = r.U32(); m.admin_option = r.U();
    c->memberships_.push_back(m);
  }
  for (auto& [oid, d] : c->databases_) {
    if (!r.U()) continue;
    Acl acl;
    for (size_t n = r.Count(); n > 0; n--) {
      AclItem i;
      i.grantee = r.U32(); i.grantor = r.U32(); i.privileges = r.U32(); i.grant_options = r.U32();
      acl.push_back(i);
    }
    d.acl = std::move(acl);
  }
  return c;
}

const RoleDef* ClusterCatalog::FindRole(const std::string& name) const {
  for (const auto& [oid, r] : roles_)
    if (r.name == name) return &r;
  return nullptr;
}

RoleDef* ClusterCatalog::MutableRole(const std::string& name) {
  for (auto& [oid, r] : roles_)
    if (r.name == name) return &r;
  return nullptr;
}

std::string ClusterCatalog::SuperuserName() const {
  auto it = roles_.find(10);
  return it == roles_.end() ? "postgres" : it->second.name;
}

const DatabaseDef* ClusterCatalog::FindDatabase(const std::string& name) const {
  for (const auto& [oid, d] : databases_)
    if (d.name == name) return &d;
  return nullptr;
}

const DatabaseDef* ClusterCatalog::FindDatabase(uint32_t oid) const {
  auto it = databases_.find(oid);
  return it == databases_.end() ? nullptr : &it->second;
}

const RoleDef* ClusterCatalog::FindRole(uint32_t oid) const {
  auto it = roles_.find(oid);
  return it == roles_.end() ? nullptr : &it->second;
}

std::string ClusterCatalog::RoleName(uint32_t oid) const {
  const RoleDef* r = FindRole(oid);
  return r ? r->name : std::string();
}

void ClusterCatalog::DropRole(uint32_t oid) {
  roles_.erase(oid);
  std::erase_if(memberships_, [oid](const RoleMembership& m) { return m.role == oid || m.member == oid; });
  shared_comments_.erase({kPgAuthidOid, oid});
  for (auto it = scoped_settings_.begin(); it != scoped_settings_.end();)
    it = it->first.second == oid ? scoped_settings_.erase(it) : std::next(it);
}

void ClusterCatalog::DropDatabase(uint32_t oid) {
  databases_.erase(oid);
  shared_comments_.erase({kPgDatabaseOid, oid});
  for (auto it = scoped_settings_.begin(); it != scoped_settings_.end();)
    it = it->first.first == oid ? scoped_settings_.erase(it) : std::next(it);
}

void ClusterCatalog::SetSharedComment(SharedObject object, const std::string& text) {
  if (text.empty()) shared_comments_.erase(object);
  else shared_comments_[object] = text;
}

void ClusterCatalog::SetScopedSetting(SettingScope scope, const std::string& name, const std::optional<std::string>& value) {
  std::vector<std::string>& items = scoped_settings_[scope];
  if (name == "all" && !value) {
    items.clear();
  } else {
    // names compare without case, as settings do; a new value keeps the item's place
    auto same = [&](const std::string& item) {
      size_t eq = item.find('=');
      return eq == name.size() && strncasecmp(item.c_str(), name.c_str(), eq) == 0;
    };
    auto it = std::find_if(items.begin(), items.end(), same);
    if (!value) {
      if (it != items.end()) items.erase(it);
    } else if (it != items.end()) {
      *it = name + "=" + *value;
    } else {
      items.push_back(name + "=" + *value);
    }
  }
  if (items.empty()) scoped_settings_.erase(scope);
}

DatabaseDef* ClusterCatalog::MutableDatabase(uint32_t oid) {
  auto it = databases_.find(oid);
  return it == databases_.end() ? nullptr : &it->second;
}

}  // namespace tusk
