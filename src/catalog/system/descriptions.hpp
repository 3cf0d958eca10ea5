// Comments on objects (pg_description): those COMMENT ON set, the built-in schemas' and the
// installed extensions', and PostgreSQL's on the functions and operators Tusk lists. One list serves pg_description and obj_description / col_description.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace tusk {

struct Description {
  uint32_t objoid;
  uint32_t classoid;
  int32_t objsubid;
  std::string text;
};

// Every comment on an object that exists, in pg_description's order (object, class, column).
std::vector<Description> AllDescriptions(const Catalog& cat);
// PostgreSQL's comments on its text search parser, templates, dictionaries and configurations
// (text_search.cpp).
std::vector<Description> BuiltinTextSearchDescriptions();
// The comment on one object; classoid 0 matches any class (obj_description(oid)).
std::optional<std::string> FindDescription(const Catalog& cat, uint32_t classoid, uint32_t objoid, int32_t objsubid);

}  // namespace tusk
