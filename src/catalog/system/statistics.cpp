// pg_statistic and the pg_stats view over ANALYZE's statistics (catalog/statistics.hpp), as
// the statement's snapshot sees them. A column's slots come in PostgreSQL's order: most
// common values (kind 1, with the type's = operator), histogram (kind 2, <), correlation
// (kind 3, <). anyarray values (stavalues, most_common_vals, histogram_bounds) are carried as
// their text, which is how they are read: psql and pg_dump print them, nothing compares them.
#include "access/statistics_store.hpp"
#include "catalog/system/builtin_procs.hpp"
#include "catalog/system/catalogs.hpp"
#include "execution/exec_state.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {
constexpr int kSlots = 5;
constexpr int16_t kMcvKind = 1, kHistogramKind = 2, kCorrelationKind = 3;

// The btree operator `name` a column of type t compares with (pg_statistic.staop); 0 for none.
uint32_t ComparisonOperator(const Type& t, const char* name) {
  uint32_t input = t.array ? oid::kAnyArray : t.IsEnum() ? oid::kAnyEnum : t.id == oid::kVarchar ? oid::kText : t.id;
  for (const BuiltinOperator& op : BuiltinOperators())
    if (op.left == input && op.right == input && std::string_view(op.name) == name) return op.oid;
  return 0;
}

// An anyarray value: the values' text as an array of the column's type.
Value AnyArray(const Type& t, const std::vector<Value>& values, const DateTimeContext& dt) {
  std::string text = "{";
  for (size_t i = 0; i < values.size(); i++)
    text += (i ? "," : "") + (values[i].is_null() ? std::string("NULL") : QuoteArrayElement(FormatText(t, values[i], dt)));
  return Value::Str(text + "}");
}

Value Float4Array(const std::vector<double>& numbers) {
  std::vector<Value> items;
  for (double d : numbers) items.push_back(Value::Float(static_cast<float>(d)));
  return Value::Array(std::move(items));
}

// Every analyzed, live column of every table the statement's catalog has.
template <typename Fn>
void ForEachColumnStatistics(ExecState& st, Fn fn) {
  for (const auto& [oid, t] : st.catalog->tables()) {
    std::optional<TableStatistics> stats = ReadTableStatistics(&st, oid);
    if (!stats) continue;
    for (size_t col = 0; col < t.columns.size(); col++) {
      const ColumnDef& def = t.columns[col];
      if (def.dropped) continue;
      if (const ColumnStatistics* c = stats->Column(static_cast<int>(col) + 1, def.type)) fn(t, def, *c);
    }
  }
}

void RegisterStatistic() {
  SystemRelation r = ShapedCatalog(2619);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    ForEachColumnStatistics(st, [&](const TableDef& t, const ColumnDef& def, const ColumnStatistics& c) {
      struct Slot { int16_t kind; uint32_t op; Value numbers, values; };
      std::vector<Slot> slots;
      if (!c.mcv.empty())
        slots.push_back({kMcvKind, ComparisonOperator(def.type, "="), Float4Array(c.mcv_freqs), AnyArray(def.type, c.mcv, st.dt)});
      if (!c.histogram.empty())
        slots.push_back({kHistogramKind, ComparisonOperator(def.type, "<"), Value::Null(), AnyArray(def.type, c.histogram, st.dt)});
      if (c.correlation)
        slots.push_back({kCorrelationKind, ComparisonOperator(def.type, "<"), Float4Array({*c.correlation}), Value::Null()});
      slots.resize(kSlots, {0, 0, Value::Null(), Value::Null()});
      Row row{OidValue(t.oid), Value::Int(c.attnum), Value::Bool(false), Value::Float(static_cast<float>(c.null_frac)),
              Value::Int(c.width), Value::Float(static_cast<float>(c.n_distinct))};
      for (const Slot& s : slots) row.push_back(Value::Int(s.kind));
      for (const Slot& s : slots) row.push_back(OidValue(s.op));
      for (const Slot& s : slots) row.push_back(OidValue(s.kind ? CollationOf(def.type) : 0));
      for (const Slot& s : slots) row.push_back(s.numbers);
      for (const Slot& s : slots) row.push_back(s.values);
      rows->push_back(std::move(row));
    });
  };
  RegisterSystemRelation(std::move(r));
}

void RegisterStats() {
  SystemRelation r = ShapedCatalog(12053);
  r.rows = [](ExecState& st, std::vector<Row>* rows) {
    ForEachColumnStatistics(st, [&](const TableDef& t, const ColumnDef& def, const ColumnStatistics& c) {
      rows->push_back({NameValue(t.schema), NameValue(t.name), NameValue(def.name), Value::Bool(false),
                       Value::Float(static_cast<float>(c.null_frac)), Value::Int(c.width),
                       Value::Float(static_cast<float>(c.n_distinct)),
                       c.mcv.empty() ? Value::Null() : AnyArray(def.type, c.mcv, st.dt),
                       c.mcv.empty() ? Value::Null() : Float4Array(c.mcv_freqs),
                       c.histogram.empty() ? Value::Null() : AnyArray(def.type, c.histogram, st.dt),
                       c.correlation ? Value::Float(static_cast<float>(*c.correlation)) : Value::Null(),
                       Value::Null(), Value::Null(), Value::Null()});
    });
  };
  RegisterSystemRelation(std::move(r));
}
}  // namespace

void RegisterStatisticsCatalogs() {
  RegisterStatistic();
  RegisterStats();
}

}  // namespace tusk
