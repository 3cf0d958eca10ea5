// Intersecting posting lists on row keys packed into 128-bit integers.
//
// A jsonb_path_ops `@>` query keeps the rows that hold all of its entries: tens of thousands
// of row keys per entry on a table of a few hundred thousand rows. As strings, each one is
// decoded into a std::string and compared byte-wise; that was a third of such a query. The
// keys of one table share their first bytes ("r" and the table's oid), and what follows is
// short for integer keys, so a key packs into one integer whose order is the keys' order.
// Keys that do not pack (long text keys) take the string path, with the same answer.
#pragma once
#include <string>
#include <vector>

#include "access/gin/posting_list.hpp"

namespace tusk {

// The rows that every one of `entries` holds, in row order. Cheapest with the rarest entry
// first: each later one only keeps rows from a shrinking set.
std::vector<std::string> RowsInAllEntries(const std::vector<EntryPostings>& entries);

}  // namespace tusk
