#include "partition/partition_def.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "catalog/catalog.hpp"
#include "catalog/serial.hpp"
#include "common/strings.hpp"
#include "types/binary_io.hpp"
#include "types/text_io.hpp"

namespace tusk {

bool PartitionKeyDef::HasExpressions() const {
  return std::any_of(columns.begin(), columns.end(), [](int c) { return c < 0; });
}

std::vector<Type> PartitionKeyTypes(const TableDef& parent) {
  const PartitionKeyDef& key = *parent.partition_key;
  std::vector<Type> types;
  for (size_t i = 0; i < key.columns.size(); i++)
    types.push_back(key.columns[i] >= 0 ? parent.columns[static_cast<size_t>(key.columns[i])].type : key.expr_types[i]);
  return types;
}

std::string PartitionKeyText(const TableDef& parent, const std::function<std::string(const std::string&)>& expr_text) {
  const PartitionKeyDef& key = *parent.partition_key;
  std::string out = key.strategy == 'r' ? "RANGE (" : key.strategy == 'l' ? "LIST (" : "HASH (";
  for (size_t i = 0; i < key.columns.size(); i++) {
    if (i) out += ", ";
    if (key.columns[i] >= 0) out += QuoteIdent(parent.columns[static_cast<size_t>(key.columns[i])].name);
    else out += expr_text ? expr_text(key.exprs[i]) : key.exprs[i];
  }
  return out + ")";
}

std::string PartitionKeyPartName(const TableDef& parent, size_t part) {
  const PartitionKeyDef& key = *parent.partition_key;
  return key.columns[part] >= 0 ? parent.columns[static_cast<size_t>(key.columns[part])].name : key.exprs[part];
}

std::string BoundValueText(const Type& t, const Value& v, const DateTimeContext& ctx) {
  if (v.is_null()) return "NULL";
  std::string text = FormatText(t, v, ctx);
  if (!t.array && !t.domain) {
    if (t.id == oid::kBool) return v.b() ? "true" : "false";
    if (t.id == oid::kInt4 && text[0] != '-') return text;
    // A numeric is bare when it reads as one (a digit first, a point or exponent in it).
    if (t.id == oid::kNumeric && isdigit(static_cast<unsigned char>(text[0])) && text.find_first_of("eE.") != std::string::npos) return text;
  }
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

std::string RangeDatumsText(const std::vector<RangeDatum>& datums, const std::vector<Type>& types, const DateTimeContext& ctx) {
  std::string out = "(";
  for (size_t i = 0; i < datums.size(); i++) {
    if (i) out += ", ";
    const RangeDatum& d = datums[i];
    out += d.kind == RangeDatum::kMinValue ? "MINVALUE" : d.kind == RangeDatum::kMaxValue ? "MAXVALUE" : BoundValueText(types[i], d.value, ctx);
  }
  return out + ")";
}

std::string PartitionBoundText(const PartitionKeyDef& key, const std::vector<Type>& types, const PartitionBoundDef& bound,
                               const DateTimeContext& ctx) {
  if (bound.is_default) return "DEFAULT";
  if (key.strategy == 'h')
    return "FOR VALUES WITH (modulus " + std::to_string(bound.modulus) + ", remainder " + std::to_string(bound.remainder) + ")";
  if (key.strategy == 'l') {
    std::string out = "FOR VALUES IN (";
    for (size_t i = 0; i < bound.list.size(); i++) out += (i ? ", " : "") + BoundValueText(types[0], bound.list[i], ctx);
    return out + ")";
  }
  return "FOR VALUES FROM " + RangeDatumsText(bound.lower, types, ctx) + " TO " + RangeDatumsText(bound.upper, types, ctx);
}

namespace {
void WriteValue(CatalogWriter& w, const Type& t, const Value& v) {
  w.U(v.is_null());
  if (!v.is_null()) w.S(EncodeBinary(t, v));
}

Value ReadValue(CatalogReader& r, const Type& t) {
  if (r.U()) return Value::Null();
  return DecodeBinary(t, r.S());
}

void WriteDatums(CatalogWriter& w, const std::vector<Type>& types, const std::vector<RangeDatum>& datums) {
  w.U(datums.size());
  for (size_t i = 0; i < datums.size(); i++) {
    w.I(datums[i].kind);
    if (datums[i].kind == RangeDatum::kValue) WriteValue(w, types[i], datums[i].value);
  }
}

std::vector<RangeDatum> ReadDatums(CatalogReader& r, const std::vector<Type>& types) {
  std::vector<RangeDatum> datums(r.Count());
  if (!datums.empty() && datums.size() != types.size()) CatalogReader::Bad();
  for (size_t i = 0; i < datums.size(); i++) {
    int64_t kind = r.I();
    if (kind < -1 || kind > 1) CatalogReader::Bad();
    datums[i].kind = static_cast<RangeDatum::Kind>(kind);
    if (kind == RangeDatum::kValue) datums[i].value = ReadValue(r, types[i]);
  }
  return datums;
}
}  // namespace

void WritePartitioning(CatalogWriter& w, const std::vector<const TableDef*>& tables) {
  size_t keys = 0, bounds = 0;
  for (const TableDef* t : tables) {
    keys += t->partition_key != nullptr;
    bounds += t->partition_parent != 0;
  }
  w.U(keys);
  for (const TableDef* t : tables) {
    if (!t->partition_key) continue;
    w.U(t->oid);
    w.U(static_cast<uint8_t>(t->partition_key->strategy));
    const PartitionKeyDef& key = *t->partition_key;
    w.U(key.columns.size());
    for (size_t i = 0; i < key.columns.size(); i++) {
      w.I(key.columns[i]);
      if (key.columns[i] < 0) {
        w.S(key.exprs[i]);
        w.T(key.expr_types[i]);
      }
    }
  }
  w.U(bounds);
  std::map<uint32_t, const TableDef*> by_oid;
  for (const TableDef* t : tables) by_oid[t->oid] = t;
  for (const TableDef* t : tables) {
    if (!t->partition_parent) continue;
    const TableDef& parent = *by_oid.at(t->partition_parent);
    std::vector<Type> types = PartitionKeyTypes(parent);
    const PartitionBoundDef& b = *t->partition_bound;
    w.U(t->oid);
    w.U(t->partition_parent);
    w.U(b.is_default);
    w.U(b.list.size());
    for (const Value& v : b.list) WriteValue(w, types[0], v);
    WriteDatums(w, types, b.lower);
    WriteDatums(w, types, b.upper);
    w.U(static_cast<uint32_t>(b.modulus));
    w.U(static_cast<uint32_t>(b.remainder));
  }
  // Partitions' copies of row triggers: (table, trigger, the trigger copied).
  size_t copies = 0;
  for (const TableDef* t : tables)
    for (const TriggerDef& g : t->triggers) copies += g.parent != 0;
  w.U(copies);
  for (const TableDef* t : tables)
    for (const TriggerDef& g : t->triggers)
      if (g.parent) { w.U(t->oid); w.U(g.oid); w.U(g.parent); }
}

void ReadPartitioning(CatalogReader& r, uint64_t format, const std::function<TableDef*(uint32_t)>& table) {
  auto find = [&](uint32_t oid) {
    TableDef* t = table(oid);
    if (!t) CatalogReader::Bad();
    return t;
  };
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef* t = find(r.U32());
    auto key = std::make_shared<PartitionKeyDef>();
    key->strategy = static_cast<char>(r.U());
    for (size_t k = r.Count(); k > 0; k--) {
      int c = r.Int();
      if (c < -1 || static_cast<size_t>(c + 1) > t->columns.size() || (c < 0 && format < 21)) CatalogReader::Bad();
      key->columns.push_back(c);
      key->exprs.push_back(c < 0 ? r.S() : "");
      key->expr_types.push_back(c < 0 ? r.T() : Type());
    }
    t->partition_key = std::move(key);
  }
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef* t = find(r.U32());
    const TableDef* parent = find(r.U32());
    if (!parent->partition_key) CatalogReader::Bad();
    std::vector<Type> types = PartitionKeyTypes(*parent);
    auto b = std::make_shared<PartitionBoundDef>();
    b->is_default = r.U();
    for (size_t k = r.Count(); k > 0; k--) b->list.push_back(ReadValue(r, types[0]));
    b->lower = ReadDatums(r, types);
    b->upper = ReadDatums(r, types);
    b->modulus = static_cast<int32_t>(r.U32());
    b->remainder = static_cast<int32_t>(r.U32());
    t->partition_parent = parent->oid;
    t->partition_bound = std::move(b);
  }
  for (size_t n = r.Count(); n > 0; n--) {
    TableDef* t = find(r.U32());
    uint32_t trigger = r.U32();
    auto g = std::find_if(t->triggers.begin(), t->triggers.end(), [&](const TriggerDef& x) { return x.oid == trigger; });
    if (g == t->triggers.end()) CatalogReader::Bad();
    g->parent = r.U32();
  }
}

}  // namespace tusk
