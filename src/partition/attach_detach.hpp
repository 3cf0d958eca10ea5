// ALTER TABLE ... ATTACH PARTITION and DETACH PARTITION [CONCURRENTLY | FINALIZE].
#pragma once
#include "catalog/catalog.hpp"
#include "parser/parser.hpp"

namespace tusk {

struct ExecState;

// ATTACH: the table must have the parent's columns (in its order: 0A000 otherwise, for now),
// NOT NULLs and CHECK constraints; its bound is checked as PARTITION OF's is; its rows must fit
// the bound (23514) and the parent's foreign keys. It takes the parent's indexes (an equal index
// it has already is kept) and foreign keys.
void AttachPartition(ExecState* st, Catalog* cat, uint32_t parent, PgQuery__PartitionCmd* cmd);
// DETACH: the partition becomes a table of its own, keeping its indexes and constraints.
// CONCURRENTLY is done at once (its restrictions are PostgreSQL's); FINALIZE has nothing to finish.
void DetachPartition(ExecState* st, Catalog* cat, uint32_t parent, PgQuery__PartitionCmd* cmd, bool finalize);
// ALTER INDEX parent ATTACH PARTITION child, with PostgreSQL's checks and errors. A partition's
// index is the partition of the parent's index with its definition (partition_ddl.hpp), so a
// child that passes the checks is attached already: the command changes nothing.
void AttachPartitionIndex(ExecState* st, Catalog* cat, PgQuery__RangeVar* parent, PgQuery__PartitionCmd* cmd);

}  // namespace tusk
