#include "types/domain.hpp"

namespace tusk {

int DomainDef::FindCheck(const std::string& check) const {
  for (size_t i = 0; i < checks.size(); i++)
    if (checks[i].name == check) return static_cast<int>(i);
  return -1;
}

Type DomainType(std::shared_ptr<const DomainDef> d) {
  Type t = d->base;
  t.domain = std::move(d);
  return t;
}

bool IsArrayOfDomain(const Type& t) { return t.domain && t.array && !t.domain->base.array; }

Type DomainBase(const Type& t) {
  if (!t.domain) return t;
  if (IsArrayOfDomain(t)) return t.domain->base.ArrayOf();
  return t.domain->base;
}

Type DomainValueType(const DomainDef& d) {
  Type t = d.base;
  if (!t.domain) t.typmod = -1;
  return t;
}

Type BaseTypeOf(const Type& t) {
  Type b = t;
  b.domain = nullptr;
  return b;
}

uint32_t CatalogTypeOid(const Type& t) {
  if (!t.domain) return t.WireOid();
  return IsArrayOfDomain(t) ? t.domain->array_oid : t.domain->oid;
}

}  // namespace tusk
