// CREATE DATABASE's copy of a template's rows: every table's and materialized view's rows, its
// indexes' entries, its sequences' positions and ANALYZE's statistics, under the relation OIDs
// the copy's catalog gave them (Catalog::RenumberRelations).
#pragma once
#include <cstdint>
#include <map>
#include <memory>

namespace tusk {

class Catalog;
struct ExecState;

// Writes in st's transaction, which also stores `copy` and so makes the database: after a
// failure no relation of the copy is left (keys written past the transaction are removed by
// the session), only the sequences' positions, which are stored outside any transaction, under
// OIDs nothing names. `renumbered` maps each template relation's OID to the copy's.
void CopyTemplateRows(ExecState* st, const Catalog& source, const std::shared_ptr<const Catalog>& copy,
                      const std::map<uint32_t, uint32_t>& renumbered);

}  // namespace tusk
