// The stored form of owners, access lists and row-level security (catalog format 22, written
// after the partition schedules): only objects whose owner is not the bootstrap superuser or
// whose list was changed, and tables with row-level security enabled or policies.
#pragma once
#include "catalog/catalog.hpp"
#include "catalog/serial.hpp"

namespace tusk {

void WriteSecurity(CatalogWriter& w, const Catalog& c);
void ReadSecurity(CatalogReader& r, Catalog* c);

}  // namespace tusk
