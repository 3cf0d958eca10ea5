#include "catalog/information_schema_domains.hpp"

namespace tusk {

namespace {
std::shared_ptr<const DomainDef> Make(uint32_t oid, const char* name, Type base, std::vector<DomainCheck> checks) {
  auto d = std::make_shared<DomainDef>();
  d->oid = oid;
  d->array_oid = oid - 1;  // PostgreSQL created each array type just before its domain
  d->schema = "information_schema";
  d->name = name;
  d->base = base;
  d->checks = std::move(checks);
  return d;
}
}  // namespace

const std::vector<std::shared_ptr<const DomainDef>>& InformationSchemaDomains() {
  using namespace information_schema_domain;
  static const std::vector<std::shared_ptr<const DomainDef>> kDomains = {
      Make(kCardinalNumber, "cardinal_number", Type(oid::kInt4), {{13222, "cardinal_number_domain_check", "VALUE >= 0", true}}),
      Make(kCharacterData, "character_data", Type(oid::kVarchar), {}),
      Make(kSqlIdentifier, "sql_identifier", Type(oid::kName), {}),
      Make(kTimeStamp, "time_stamp", Type(oid::kTimestamptz, 2), {}),
      Make(kYesOrNo, "yes_or_no", Type(oid::kVarchar, 7), {{13235, "yes_or_no_check", "VALUE IN ('YES', 'NO')", true}}),
  };
  return kDomains;
}

Type InformationSchemaDomainType(uint32_t oid) {
  for (const auto& d : InformationSchemaDomains())
    if (d->oid == oid) return DomainType(d);
  return Type();
}

}  // namespace tusk
