// Declarative partitioning in the catalog: a partitioned table's key (pg_partitioned_table) and
// each partition's bound (pg_class.relpartbound). TableDef holds them by shared_ptr, so that
// catalog.hpp needs only their names.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "types/datetime.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

struct TableDef;
struct CatalogWriter;
struct CatalogReader;

struct PartitionKeyDef {
  char strategy = 'r';        // pg_partitioned_table.partstrat: 'r' range, 'l' list, 'h' hash
  // Per key part, in key order: the column's position in the table, or -1 for an expression
  // (pg_partitioned_table.partattrs' 0), whose SQL text and type are then in exprs / expr_types.
  std::vector<int> columns;
  std::vector<std::string> exprs;   // "" for a column
  std::vector<Type> expr_types;     // unused for a column
  bool HasExpressions() const;
};

// One value of a range bound: MINVALUE, MAXVALUE or a value of its key column's type.
struct RangeDatum {
  enum Kind : int8_t { kMinValue = -1, kValue = 0, kMaxValue = 1 };
  Kind kind = kValue;
  Value value;
};

struct PartitionBoundDef {
  bool is_default = false;
  std::vector<Value> list;                // LIST: the values, NULL among them when listed
  std::vector<RangeDatum> lower, upper;   // RANGE: one datum per key column
  int32_t modulus = 0, remainder = 0;     // HASH
};

// The key column types of a partitioned table, in key order.
std::vector<Type> PartitionKeyTypes(const TableDef& parent);
// "RANGE (a, b)" as psql's "Partition key:" line and pg_get_partkeydef show it; key
// expressions as `expr_text` prints each (given its SQL text), by default the text itself.
std::string PartitionKeyText(const TableDef& parent, const std::function<std::string(const std::string&)>& expr_text = nullptr);
// One key part as PostgreSQL names it in messages: the column's name, or the expression.
std::string PartitionKeyPartName(const TableDef& parent, size_t part);
// pg_get_expr(relpartbound): "FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)", "DEFAULT", ...
std::string PartitionBoundText(const PartitionKeyDef& key, const std::vector<Type>& types, const PartitionBoundDef& bound,
                               const DateTimeContext& ctx);
// "(1, MINVALUE)": a range bound's datums as pg_get_expr and error details print them.
std::string RangeDatumsText(const std::vector<RangeDatum>& datums, const std::vector<Type>& types, const DateTimeContext& ctx);
// A bound value as pg_get_expr prints it: int4 and numbers unquoted, booleans bare, the rest
// (and negative integers) as quoted literals.
std::string BoundValueText(const Type& t, const Value& v, const DateTimeContext& ctx);

// Catalog format 19: the keys and bounds, values in their binary send format (independent of
// the session's TimeZone and DateStyle); format 21: key expressions (a key part -1 is followed
// by its SQL text and type).
void WritePartitioning(CatalogWriter& w, const std::vector<const TableDef*>& tables);
// Reads what WritePartitioning wrote (in catalog format `format`) into the tables it names (all
// already read).
void ReadPartitioning(CatalogReader& r, uint64_t format, const std::function<TableDef*(uint32_t)>& table);

}  // namespace tusk
