#include "catalog/cluster_catalog.hpp"

#include "catalog/serial.hpp"
#include "common/error.hpp"
#include "types/type.hpp"

namespace tusk {

namespace {
constexpr uint64_t kClusterFormat = 1;
}  // namespace

std::shared_ptr<ClusterCatalog> ClusterCatalog::Bootstrap(std::vector<RoleDef> roles) {
  auto c = std::make_shared<ClusterCatalog>();
  if (roles.empty()) {
    RoleDef postgres;
    postgres.oid = 10;
    postgres.name = "postgres";
    postgres.superuser = postgres.createdb = postgres.createrole = true;
    roles.push_back(postgres);
  }
  for (auto& r : roles) c->AddRole(std::move(r));
  c->databases_[kPostgresDatabaseOid] = {kPostgresDatabaseOid, "postgres", 10, false, true, -1};
  c->databases_[kTemplate1Oid] = {kTemplate1Oid, "template1", 10, true, true, -1};
  c->databases_[kTemplate0Oid] = {kTemplate0Oid, "template0", 10, true, false, -1};
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
  return w.out;
}

std::shared_ptr<ClusterCatalog> ClusterCatalog::Deserialize(const std::string& bytes) {
  CatalogReader r{bytes};
  if (r.U() != kClusterFormat) CatalogReader::Bad();
  auto c = std::make_shared<ClusterCatalog>();
  for (size_t n = r.Count(); n > 0; n--) {
    RoleDef ro;
    ro.oid = r.U32(); ro.name = r.S(); ro.password = r.S(); ro.superuser = r.U(); ro.login = r.U();
    ro.createdb = r.U(); ro.createrole = r.U();
    c->roles_[ro.oid] = ro;
  }
  for (size_t n = r.Count(); n > 0; n--) {
    DatabaseDef d;
    d.oid = r.U32(); d.name = r.S(); d.owner = r.U32(); d.is_template = r.U(); d.allow_connections = r.U();
    d.connection_limit = r.Int();
    c->databases_[d.oid] = d;
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

DatabaseDef* ClusterCatalog::MutableDatabase(uint32_t oid) {
  auto it = databases_.find(oid);
  return it == databases_.end() ? nullptr : &it->second;
}

}  // namespace tusk
