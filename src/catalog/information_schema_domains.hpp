// The domains PostgreSQL's information_schema defines (information_schema.sql) and types its
// views' columns with: cardinal_number, character_data, sql_identifier, time_stamp, yes_or_no,
// with PostgreSQL 15's OIDs. Every catalog has them (Catalog::Bootstrap / Deserialize add
// them; they are not stored).
#pragma once
#include <memory>
#include <vector>

#include "types/domain.hpp"

namespace tusk {

namespace information_schema_domain {
inline constexpr uint32_t kCardinalNumber = 13221, kCharacterData = 13224, kSqlIdentifier = 13226, kTimeStamp = 13232,
                          kYesOrNo = 13234;
}  // namespace information_schema_domain

const std::vector<std::shared_ptr<const DomainDef>>& InformationSchemaDomains();
// One of them by OID (information_schema_domain::k...).
Type InformationSchemaDomainType(uint32_t oid);

}  // namespace tusk
