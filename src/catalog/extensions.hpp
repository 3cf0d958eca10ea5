// The extensions CREATE EXTENSION can install: PostgreSQL's contrib modules and pgvector whose
// SQL Tusk provides built in (or accepts, for those whose functions come with later work), with
// the version, relocatability and comment PostgreSQL 15 reports for them.
#pragma once
#include <string>
#include <vector>

namespace tusk {

struct AvailableExtension {
  const char* name;
  const char* version;
  bool relocatable;
  const char* comment;
  const char* functions;  // the SQL functions it adds, separated by spaces
};

const std::vector<AvailableExtension>& AvailableExtensions();
const AvailableExtension* FindAvailableExtension(const std::string& name);
// The extension a function of Tusk's belongs to in PostgreSQL (uuid_generate_v4: uuid-ossp),
// or null for a core function.
const AvailableExtension* ExtensionOfFunction(const std::string& function);

}  // namespace tusk
