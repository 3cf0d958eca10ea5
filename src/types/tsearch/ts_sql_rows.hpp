// Running a query given as text from inside a function, for ts_rewrite(query, select) and
// ts_stat: PostgreSQL opens it as an SPI cursor, so it must be one statement that returns rows
// (42P11 "cannot open multi-query plan as cursor", "cannot open INSERT query as cursor").
// It runs as a statement nested in the caller's, through the session (as PL/pgSQL's EXECUTE
// does), without the caller's parameters; an error with a position points into the query's
// text (PostgreSQL's internal query).
#pragma once
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "execution/expr.hpp"

namespace tusk {

struct TsSqlRows {
  std::vector<ColumnInfo> columns;
  std::vector<Row> rows;
};

TsSqlRows RunTsSqlText(EvalContext& ctx, const std::string& text);

}  // namespace tusk
