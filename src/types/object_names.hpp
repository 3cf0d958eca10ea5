// The text forms of the OID alias types (regclass, regtype, regnamespace, regrole) name catalog
// objects: 'users'::regclass reads the relation's OID through the search path, and its output
// prints the name back. The types layer does not know the catalog, so the session hands it an
// ObjectNames with each statement's DateTimeContext (catalog/system/object_names.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace tusk {

class ObjectNames {
 public:
  virtual ~ObjectNames() = default;
  // The name the alias type `type` prints for an OID, schema-qualified when the search path
  // does not find it unqualified; nullopt for an OID that names nothing (printed as a number).
  virtual std::optional<std::string> Name(uint32_t type, uint32_t oid) const = 0;
  // The OID a name stands for; throws PostgreSQL's error (42P01, 42704) when it names nothing.
  virtual uint32_t Lookup(uint32_t type, const std::string& name) const = 0;
};

}  // namespace tusk
