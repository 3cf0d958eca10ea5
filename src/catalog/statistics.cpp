#include "catalog/statistics.hpp"

#include "common/error.hpp"
#include "common/rowcodec.hpp"

namespace tusk {

const ColumnStatistics* TableStatistics::Column(int attnum, const Type& current) const {
  for (const auto& c : columns)
    if (c.attnum == attnum) return c.type == current ? &c : nullptr;
  return nullptr;
}

// One row of seven fields per column (rowcodec's self-describing values).
std::string EncodeTableStatistics(const TableStatistics& s) {
  Row row;
  for (const auto& c : s.columns) {
    std::vector<Value> freqs;
    for (double f : c.mcv_freqs) freqs.push_back(Value::Float(f));
    row.push_back(Value::Int(c.attnum));
    row.push_back(Value::Array({Value::Int(c.type.id), Value::Bool(c.type.array)}));
    row.push_back(Value::Array({Value::Float(c.null_frac), Value::Int(c.width), Value::Float(c.n_distinct)}));
    row.push_back(Value::Array(c.mcv));
    row.push_back(Value::Array(std::move(freqs)));
    row.push_back(Value::Array(c.histogram));
    row.push_back(c.correlation ? Value::Float(*c.correlation) : Value::Null());
  }
  std::string out;
  EncodeRow(row, &out);
  return out;
}

TableStatistics DecodeTableStatistics(std::string_view bytes) {
  Row row = DecodeRow(bytes);
  auto bad = [] { return Error(sqlstate::kDataCorrupted, "malformed table statistics"); };
  constexpr size_t kFields = 7;
  if (row.size() % kFields) throw bad();
  auto is = [](const Value& v, Value::Kind k) { return v.kind() == k; };
  TableStatistics s;
  for (size_t i = 0; i < row.size(); i += kFields) {
    const Value* f = &row[i];
    for (size_t k = 1; k <= 5; k++)
      if (!is(f[k], Value::Kind::kArray)) throw bad();
    if (!is(f[0], Value::Kind::kInt) || f[1].arr().size() != 2 || f[2].arr().size() != 3) throw bad();
    ColumnStatistics c;
    c.attnum = static_cast<int>(f[0].i());
    c.type = Type(static_cast<uint32_t>(f[1].arr()[0].i()), -1, f[1].arr()[1].b());
    c.null_frac = f[2].arr()[0].f();
    c.width = static_cast<int>(f[2].arr()[1].i());
    c.n_distinct = f[2].arr()[2].f();
    c.mcv = f[3].arr();
    for (const Value& v : f[4].arr()) {
      if (!is(v, Value::Kind::kFloat)) throw bad();
      c.mcv_freqs.push_back(v.f());
    }
    if (c.mcv_freqs.size() != c.mcv.size()) throw bad();
    c.histogram = f[5].arr();
    if (is(f[6], Value::Kind::kFloat)) c.correlation = f[6].f();
    s.columns.push_back(std::move(c));
  }
  return s;
}

// One row: reltuples, relpages, then (oid, pages, tuples) per index.
std::string EncodeRelationSizes(const RelationSizes& s) {
  Row row{Value::Float(s.reltuples), Value::Int(s.relpages)};
  for (const IndexSize& i : s.indexes) {
    row.push_back(Value::Int(i.oid));
    row.push_back(Value::Int(i.pages));
    row.push_back(Value::Float(i.tuples));
  }
  std::string out;
  EncodeRow(row, &out);
  return out;
}

RelationSizes DecodeRelationSizes(std::string_view bytes) {
  Row row = DecodeRow(bytes);
  auto bad = [] { return Error(sqlstate::kDataCorrupted, "malformed relation sizes"); };
  if (row.size() < 2 || (row.size() - 2) % 3 || row[0].kind() != Value::Kind::kFloat || row[1].kind() != Value::Kind::kInt)
    throw bad();
  RelationSizes s;
  s.reltuples = row[0].f();
  s.relpages = row[1].i();
  for (size_t i = 2; i < row.size(); i += 3) {
    if (row[i].kind() != Value::Kind::kInt || row[i + 1].kind() != Value::Kind::kInt || row[i + 2].kind() != Value::Kind::kFloat)
      throw bad();
    s.indexes.push_back({static_cast<uint32_t>(row[i].i()), row[i + 1].i(), row[i + 2].f()});
  }
  return s;
}

}  // namespace tusk
