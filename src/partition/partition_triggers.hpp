// Row triggers of a partitioned table live on as copies in every partition below it (pg_trigger
// rows whose tgparentid names the trigger copied), so that they fire for the rows each partition
// takes, whether written through the partitioned table or into the partition itself, as in
// PostgreSQL. Statement triggers stay with the table they were made on.
#pragma once
#include <cstdint>

#include "catalog/catalog.hpp"

namespace tusk {

// Gives every partition below `table` a copy of each of its row triggers it lacks (after CREATE
// TRIGGER, PARTITION OF, ATTACH PARTITION); a copy of a replaced trigger is replaced. A trigger
// of the partition's own with a copy's name is 42710, as PostgreSQL reports it.
void CopyRowTriggersDown(Catalog* cat, uint32_t table);
// Removes the copies below `table` of its trigger `trigger` (DROP TRIGGER), or of every one of
// `parent`'s triggers from `table` and below (`trigger` 0: DETACH PARTITION).
void DropTriggerCopies(Catalog* cat, uint32_t table, uint32_t trigger);
void DropCopiesOf(Catalog* cat, uint32_t table, uint32_t parent);
// ALTER TABLE ... ENABLE / DISABLE TRIGGER on a partitioned table reaches the copies below it.
void SetCopiesEnabled(Catalog* cat, uint32_t table, const TriggerDef& trigger);

}  // namespace tusk
