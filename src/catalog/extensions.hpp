// The extensions CREATE EXTENSION can install: PostgreSQL's contrib modules and pgvector whose
// SQL Tusk provides built in (or accepts, for those whose functions come with later work), with
// the version and relocatability PostgreSQL 15 reports for them.
#pragma once
#include <string>
#include <vector>

namespace tusk {

struct AvailableExtension {
  const char* name;
  const char* version;
  bool relocatable;
  const char* comment;
};

const std::vector<AvailableExtension>& AvailableExtensions();
const AvailableExtension* FindAvailableExtension(const std::string& name);

}  // namespace tusk
