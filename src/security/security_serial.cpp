#include "security/security_serial.hpp"

#include "catalog/function_def.hpp"
#include "security/object_privileges.hpp"

namespace tusk {

namespace {
bool IsDefault(const ObjectSecurity& s) { return s.owner == 10 && !s.acl; }

void WriteAcl(CatalogWriter& w, const Acl& acl) {
  w.U(acl.size());
  for (const AclItem& i : acl) { w.U(i.grantee); w.U(i.grantor); w.U(i.privileges); w.U(i.grant_options); }
}

Acl ReadAcl(CatalogReader& r) {
  Acl acl;
  for (size_t n = r.Count(); n > 0; n--) {
    AclItem i;
    i.grantee = r.U32(); i.grantor = r.U32(); i.privileges = r.U32(); i.grant_options = r.U32();
    acl.push_back(i);
  }
  return acl;
}
}  // namespace

void WriteSecurity(CatalogWriter& w, const Catalog& c) {
  std::vector<std::pair<uint32_t, const ObjectSecurity*>> objects;
  for (const auto& [oid, t] : c.tables()) if (!IsDefault(t.security)) objects.emplace_back(oid, &t.security);
  for (const auto& [oid, v] : c.views()) if (!IsDefault(v.security)) objects.emplace_back(oid, &v.security);
  for (const auto& [oid, s] : c.sequences()) if (!IsDefault(s.security)) objects.emplace_back(oid, &s.security);
  for (const auto& [oid, s] : c.schemas()) if (!IsDefault(s.security)) objects.emplace_back(oid, &s.security);
  for (const auto& [oid, f] : c.functions()) if (!IsDefault(f->security)) objects.emplace_back(oid, &f->security);
  w.U(objects.size());
  for (const auto& [oid, s] : objects) {
    w.U(oid); w.U(s->owner); w.U(s->acl.has_value());
    if (s->acl) WriteAcl(w, *s->acl);
  }
  size_t secured = 0;
  for (const auto& [oid, t] : c.tables()) {
    const RowSecurity& rs = t.row_security;
    secured += rs.enabled || rs.forced || !rs.policies.empty();
  }
  w.U(secured);
  for (const auto& [oid, t] : c.tables()) {
    const RowSecurity& rs = t.row_security;
    if (!rs.enabled && !rs.forced && rs.policies.empty()) continue;
    w.U(oid); w.U(rs.enabled); w.U(rs.forced);
    w.U(rs.policies.size());
    for (const PolicyDef& p : rs.policies) {
      w.U(p.oid); w.S(p.name); w.U(static_cast<uint8_t>(p.command)); w.U(p.permissive);
      w.U(p.roles.size());
      for (uint32_t role : p.roles) w.U(role);
      w.S(p.using_sql); w.S(p.check_sql);
    }
  }
}

void ReadSecurity(CatalogReader& r, Catalog* c) {
  for (size_t n = r.Count(); n > 0; n--) {
    uint32_t oid = r.U32();
    ObjectSecurity read;
    read.owner = r.U32();
    if (r.U()) read.acl = ReadAcl(r);
    if (!c->FindFunction(oid) && !c->MutableSecurity(oid)) CatalogReader::Bad();
    StoreSecurity(c, oid, std::move(read));
  }
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef* t = c->MutableTable(r.U32());
    if (!t) CatalogReader::Bad();
    RowSecurity& rs = t->row_security;
    rs.enabled = r.U(); rs.forced = r.U();
    for (size_t k = r.Count(); k > 0; k--) {
      PolicyDef p;
      p.oid = r.U32(); p.name = r.S(); p.command = static_cast<char>(r.U()); p.permissive = r.U();
      for (size_t m = r.Count(); m > 0; m--) p.roles.push_back(r.U32());
      p.using_sql = r.S(); p.check_sql = r.S();
      rs.policies.push_back(std::move(p));
    }
  }
}

}  // namespace tusk
