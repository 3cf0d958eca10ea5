// Btree operator classes: PostgreSQL 15's OIDs and names for the types Tusk indexes. Text
// compares bytewise in Tusk (the "C" collation), so text_pattern_ops orders exactly as text_ops
// and indexes with it answer the same queries, LIKE 'abc%' included.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "types/type.hpp"

namespace tusk {

struct BtreeOpclass {
  uint32_t oid;
  const char* name;
  uint32_t input_type;  // opcintype (anyarray 2277, anyenum 3500 for the polymorphic ones)
  bool is_default;
  uint32_t family;
};

const std::vector<BtreeOpclass>& BtreeOpclasses();

struct BtreeOpfamily {
  uint32_t oid;
  const char* name;
};
const std::vector<BtreeOpfamily>& BtreeOpfamilies();  // the families of BtreeOpclasses()
const BtreeOpclass* FindBtreeOpclass(const std::string& name);  // null when none has the name
const BtreeOpclass* DefaultBtreeOpclass(const Type& t);         // null when the type has none
// The class CREATE INDEX uses for a column of this type: the named one (checked as PostgreSQL
// checks it: 42704 when there is none, 42804 when it does not take the type), else the type's
// default; null when the type has none.
const BtreeOpclass* ChooseBtreeOpclass(const Type& t, const std::string& name);

}  // namespace tusk
