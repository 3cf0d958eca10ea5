// SQL domains (CREATE DOMAIN): a base type with NOT NULL, CHECK constraints and a default.
//
// A domain's values are its base type's values: a Type naming a domain carries the base type's
// id, typmod and array flag (so operators, functions, storage and the wire protocol see the base
// type, as PostgreSQL's getBaseType makes them) and, in `domain`, the definition that a cast or
// an assignment to the type checks (binder: CoerceToDomain). A domain over a domain keeps the
// inner one as its base: a value must satisfy every level's constraints.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "types/type.hpp"

namespace tusk {

// A CHECK constraint of a domain (pg_constraint row with contypid set).
struct DomainCheck {
  uint32_t oid = 0;        // pg_constraint OID
  std::string name;
  std::string check_sql;   // the expression, over VALUE, as SQL text
  bool validated = true;   // false after ADD CONSTRAINT ... NOT VALID until VALIDATE CONSTRAINT
};

struct DomainDef {
  uint32_t oid = 0;        // pg_type OID of the domain
  uint32_t array_oid = 0;  // its array type `_name`
  std::string schema, name;
  Type base;               // the base type (may itself be a domain), with its typmod
  bool not_null = false;   // pg_type.typnotnull
  std::string default_sql; // DEFAULT expression as SQL text; empty when none
  std::string collation;   // COLLATE given at creation; empty when none
  std::vector<DomainCheck> checks;  // in creation order (PostgreSQL checks them by name)

  int FindCheck(const std::string& check) const;  // -1 when absent
};

// The Type a column or cast of this domain has.
Type DomainType(std::shared_ptr<const DomainDef> d);
// True when `t` is an array whose elements are a domain (d[]), not a domain over an array type.
bool IsArrayOfDomain(const Type& t);
// The type a domain-typed Type's values are checked and stored as: one level down (the base
// of `t.domain`, which may be another domain); for d[], the array of d's base. `t` unchanged
// when it is no domain.
Type DomainBase(const Type& t);
// The type of VALUE in the domain's CHECKs: its base type (a domain over a domain: that
// domain), without the base's typmod (the cast to the domain applied it).
Type DomainValueType(const DomainDef& d);
// The type with no domain at any level (PostgreSQL's getBaseType).
Type BaseTypeOf(const Type& t);
// The pg_type OID of `t` as the catalogs show it (pg_attribute.atttypid, format_type): the
// domain's (or its array type's) OID for domains, else the OID a client sees (WireOid).
uint32_t CatalogTypeOid(const Type& t);

}  // namespace tusk
