#include "partition/pruning.hpp"

#include <algorithm>
#include <optional>

#include "binder/volatility.hpp"
#include "partition/bounds.hpp"
#include "partition/partition_ddl.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {
// What the conditions say about one key column.
struct ColumnFacts {
  std::vector<std::pair<std::string, Value>> comparisons;  // column op value
  std::optional<std::vector<Value>> in;                    // column IN (values); = v is IN (v)
  bool is_null = false;
};

bool SameComparison(const Type& column, const Type& value) {
  if (column.array || value.array || column.domain || value.domain) return false;
  if (column.id == value.id) return true;
  auto integer = [](uint32_t t) { return t == oid::kInt2 || t == oid::kInt4 || t == oid::kInt8; };
  auto string = [](uint32_t t) { return t == oid::kText || t == oid::kVarchar; };
  return (integer(column.id) && integer(value.id)) || (string(column.id) && string(value.id));
}

// The key part a condition side is, or -1: a key column of this table, possibly under a cast
// between integer or between string types (which order alike), or a key expression as bound.
int KeyPartOf(const Expr* e, const PartitionKeyDef& key, const std::vector<ExprP>* bound) {
  if (auto* c = dynamic_cast<const CastExpr*>(e); c && SameComparison(c->type, c->arg->type)) {
    int part = KeyPartOf(c->arg.get(), key, bound);
    if (part >= 0) return part;
  }
  auto* col = dynamic_cast<const ColumnExpr*>(e);
  for (size_t i = 0; i < key.columns.size(); i++) {
    if (key.columns[i] >= 0 ? col && col->level == 0 && col->index == key.columns[i] : bound && e->Key() == (*bound)[i]->Key())
      return static_cast<int>(i);
  }
  return -1;
}

std::string Flip(const std::string& op) {
  if (op == "<") return ">";
  if (op == ">") return "<";
  if (op == "<=") return ">=";
  if (op == ">=") return "<=";
  return op;
}

void Intersect(ColumnFacts* f, std::vector<Value> values, const Type& t) {
  if (!f->in) {
    f->in = std::move(values);
    return;
  }
  std::vector<Value> kept;
  for (const Value& a : *f->in)
    for (const Value& b : values)
      if (CompareValues(t, a, b) == 0) {
        kept.push_back(a);
        break;
      }
  f->in = std::move(kept);
}

// What the conditions say about each key part, by its position in the key.
std::map<int, ColumnFacts> CollectFacts(const TableDef& parent, const std::vector<ExprP>& conds, PartitionKeyParts& keys) {
  std::map<int, ColumnFacts> facts;
  const PartitionKeyDef& key = *parent.partition_key;
  if (conds.empty()) return facts;
  const std::vector<Type> types = PartitionKeyTypes(parent);
  const std::vector<ExprP>* bound = key.HasExpressions() ? &keys.Bound(parent) : nullptr;
  auto part_of = [&](const ExprP& e) { return KeyPartOf(e.get(), key, bound); };
  for (const ExprP& cond : conds) {
    if (auto* call = dynamic_cast<const CallExpr*>(cond.get()); call && call->infix && call->args.size() == 2) {
      const std::string& op = call->name;
      if (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=") continue;
      for (int side = 0; side < 2; side++) {
        int part = part_of(call->args[static_cast<size_t>(side)]);
        auto* value = dynamic_cast<const ConstExpr*>(call->args[static_cast<size_t>(1 - side)].get());
        if (part < 0 || !value || value->value.is_null()) continue;
        const Type& type = types[static_cast<size_t>(part)];
        if (!SameComparison(type, value->type)) continue;
        if (op == "=") Intersect(&facts[part], {value->value}, type);
        else facts[part].comparisons.emplace_back(side == 0 ? op : Flip(op), value->value);
        break;
      }
    } else if (auto* in = dynamic_cast<const InListExpr*>(cond.get()); in && !in->negated) {
      int part = part_of(in->arg);
      if (part < 0) continue;
      const Type& type = types[static_cast<size_t>(part)];
      if (!SameComparison(type, in->cmp_type)) continue;
      std::vector<Value> values;
      bool all_constant = true;
      for (const ExprP& item : in->items) {
        auto* c = dynamic_cast<const ConstExpr*>(item.get());
        if (!c || !SameComparison(type, c->type)) all_constant = false;
        else if (!c->value.is_null()) values.push_back(c->value);
      }
      if (all_constant) Intersect(&facts[part], std::move(values), type);
    } else if (auto* test = dynamic_cast<const NullTestExpr*>(cond.get()); test && !test->is_not) {
      int part = part_of(test->arg);
      if (part >= 0) facts[part].is_null = true;
    }
  }
  return facts;
}

bool Satisfies(const Type& t, const Value& x, const std::string& op, const Value& v) {
  int c = CompareValues(t, x, v);
  return op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
}

// Could a non-null value x of the column meet every comparison and IN list?
bool ValueQualifies(const Type& t, const ColumnFacts& f, const Value& x) {
  if (f.is_null) return false;
  for (const auto& [op, v] : f.comparisons)
    if (!Satisfies(t, x, op, v)) return false;
  if (f.in) {
    bool member = false;
    for (const Value& v : *f.in) member |= CompareValues(t, x, v) == 0;
    if (!member) return false;
  }
  return true;
}

bool ListMayQualify(const Type& t, const ColumnFacts& f, const PartitionBoundDef& b) {
  for (const Value& x : b.list) {
    if (x.is_null() ? f.is_null : ValueQualifies(t, f, x)) return true;
  }
  return false;
}

// A range partition holds values of its first key column from lower[0] to upper[0]; each end
// is exclusive when the bound's other columns make it so (a single-column upper bound always).
bool RangeMayQualify(const Type& t, const ColumnFacts& f, const PartitionBoundDef& b) {
  if (f.is_null) return false;
  auto all_kind = [](const std::vector<RangeDatum>& d, RangeDatum::Kind k) {
    for (size_t i = 1; i < d.size(); i++)
      if (d[i].kind != k) return false;
    return true;
  };
  const RangeDatum& lo = b.lower[0];
  const RangeDatum& hi = b.upper[0];
  bool lo_exclusive = lo.kind == RangeDatum::kValue && b.lower.size() > 1 && all_kind(b.lower, RangeDatum::kMaxValue);
  bool hi_exclusive = hi.kind == RangeDatum::kValue && all_kind(b.upper, RangeDatum::kMinValue);
  if (lo.kind == RangeDatum::kMaxValue || hi.kind == RangeDatum::kMinValue) return false;
  // Is some value v' with lo <= v' < hi (ends as above) above / below v?
  auto above_lo = [&](const Value& v, bool inclusive) {  // some value of the partition <= v (or < v)
    if (lo.kind == RangeDatum::kMinValue) return true;
    int c = CompareValues(t, lo.value, v);
    return inclusive && !lo_exclusive ? c <= 0 : c < 0;
  };
  auto below_hi = [&](const Value& v, bool inclusive) {  // some value of the partition >= v (or > v)
    if (hi.kind == RangeDatum::kMaxValue) return true;
    int c = CompareValues(t, v, hi.value);
    return inclusive && !hi_exclusive ? c <= 0 : c < 0;
  };
  for (const auto& [op, v] : f.comparisons) {
    if ((op == "<" && !above_lo(v, false)) || (op == "<=" && !above_lo(v, true))) return false;
    if ((op == ">" && !below_hi(v, false)) || (op == ">=" && !below_hi(v, true))) return false;
  }
  if (f.in) {
    bool any = false;
    for (const Value& v : *f.in) any |= above_lo(v, true) && below_hi(v, true);
    if (!any) return false;
  }
  return true;
}
// Do the partitions' ranges (one key column) cover every value the comparisons allow? Then the
// DEFAULT partition can hold none of them.
bool RangesCover(const Type& t, const ColumnFacts& f, const std::vector<const PartitionBoundDef*>& bounds) {
  std::optional<Value> lo, hi;  // the interval the comparisons leave; none: unbounded
  bool hi_inclusive = true;  // a lower end's inclusiveness does not matter to coverage
  for (const auto& [op, v] : f.comparisons) {
    if (op == ">" || op == ">=") {
      int c = lo ? CompareValues(t, v, *lo) : 1;
      if (c > 0) lo = v;
    } else {
      int c = hi ? CompareValues(t, v, *hi) : -1;
      if (c < 0 || (c == 0 && op == "<")) { hi = v; hi_inclusive = op == "<="; }
    }
  }
  std::optional<Value> cursor = lo;  // covered so far: everything below it
  while (true) {
    const PartitionBoundDef* next = nullptr;
    for (const PartitionBoundDef* b : bounds) {
      const RangeDatum& l = b->lower[0];
      const RangeDatum& u = b->upper[0];
      bool starts = cursor ? l.kind == RangeDatum::kMinValue || (l.kind == RangeDatum::kValue && CompareValues(t, l.value, *cursor) <= 0)
                           : l.kind == RangeDatum::kMinValue;
      bool reaches = u.kind == RangeDatum::kMaxValue || (cursor && u.kind == RangeDatum::kValue && CompareValues(t, *cursor, u.value) < 0);
      if (starts && reaches) next = b;
    }
    if (!next) return false;
    const RangeDatum& u = next->upper[0];
    if (u.kind == RangeDatum::kMaxValue) return true;
    cursor = u.value;
    if (hi) {
      int c = CompareValues(t, *cursor, *hi);
      if (c > 0 || (c == 0 && !hi_inclusive)) return true;
    }
  }
}

// PostgreSQL's order of partitions: range by lower bound, list by smallest value (a list of
// NULL only after them), hash by (modulus, remainder); DEFAULT last.
bool BoundOrder(char strategy, const std::vector<Type>& types, const PartitionBoundDef& a, const PartitionBoundDef& b) {
  if (a.is_default != b.is_default) return b.is_default;
  if (a.is_default) return false;
  if (strategy == 'h') return std::make_pair(a.modulus, a.remainder) < std::make_pair(b.modulus, b.remainder);
  if (strategy == 'r') return CompareRangeBounds(types, a.lower, true, b.lower, true) < 0;
  auto smallest = [&](const PartitionBoundDef& x) -> const Value* {
    const Value* m = nullptr;
    for (const Value& v : x.list)
      if (!v.is_null() && (!m || CompareValues(types[0], v, *m) < 0)) m = &v;
    return m;
  };
  const Value* sa = smallest(a);
  const Value* sb = smallest(b);
  if (!sa || !sb) return sa && !sb;
  return CompareValues(types[0], *sa, *sb) < 0;
}
}  // namespace

std::vector<const TableDef*> PrunePartitions(const Catalog& cat, const TableDef& parent, const std::vector<ExprP>& conds,
                                             PartitionKeyParts& keys) {
  const PartitionKeyDef& key = *parent.partition_key;
  std::vector<Type> types = PartitionKeyTypes(parent);
  std::map<int, ColumnFacts> facts = CollectFacts(parent, conds, keys);
  // Hash: equality (or IS NULL) on every key column names one hash value.
  std::optional<uint64_t> hash;
  if (key.strategy == 'h') {
    std::vector<Value> values;
    for (size_t part = 0; part < key.columns.size(); part++) {
      auto it = facts.find(static_cast<int>(part));
      if (it == facts.end()) break;
      if (it->second.is_null) values.push_back(Value::Null());
      else if (it->second.in && it->second.in->size() == 1) values.push_back((*it->second.in)[0]);
      else break;
    }
    if (values.size() == key.columns.size()) hash = PartitionRowHash(types, values);
  }
  // The DEFAULT partition holds no value another partition's bound holds: it goes when each
  // value the conditions allow (IN, =, IS NULL on a one-column key) has a partition of its own.
  std::vector<const TableDef*> partitions;
  for (uint32_t oid : PartitionsOf(cat, parent.oid)) partitions.push_back(cat.FindTable(oid));
  std::sort(partitions.begin(), partitions.end(), [&](const TableDef* a, const TableDef* b) {
    return BoundOrder(key.strategy, types, *a->partition_bound, *b->partition_bound);
  });
  bool default_needed = true;
  if (key.strategy != 'h' && key.columns.size() == 1) {
    auto it = facts.find(0);
    if (key.strategy == 'r' && it != facts.end() && !it->second.in && !it->second.is_null && !it->second.comparisons.empty()) {
      std::vector<const PartitionBoundDef*> bounds;
      for (const TableDef* p : partitions)
        if (!p->partition_bound->is_default) bounds.push_back(p->partition_bound.get());
      default_needed = !RangesCover(types[0], it->second, bounds);
    }
    if (it != facts.end() && (it->second.in || it->second.is_null)) {
      std::vector<Value> values = it->second.is_null ? std::vector<Value>{Value::Null()} : *it->second.in;
      default_needed = false;
      for (const Value& v : values) {
        bool held = false;
        for (const TableDef* p : partitions) {
          const PartitionBoundDef& b = *p->partition_bound;
          held |= !b.is_default && BoundHolds(key.strategy, types, b, {v});
        }
        default_needed |= !held;
      }
    }
  }
  std::vector<const TableDef*> kept;
  for (const TableDef* p : partitions) {
    const PartitionBoundDef& b = *p->partition_bound;
    bool keep = true;
    if (b.is_default) {
      keep = default_needed;
    } else if (key.strategy == 'h') {
      keep = !hash || *hash % static_cast<uint64_t>(b.modulus) == static_cast<uint64_t>(b.remainder);
    } else if (auto it = facts.find(0); it != facts.end()) {
      keep = key.strategy == 'l' ? ListMayQualify(types[0], it->second, b) : RangeMayQualify(types[0], it->second, b);
    }
    if (keep) kept.push_back(p);
  }
  return kept;
}

std::vector<const TableDef*> PrunedLeaves(const Catalog& cat, const TableDef& table, const std::vector<ExprP>& conds,
                                          PartitionKeyParts& keys) {
  std::vector<const TableDef*> leaves;
  for (const TableDef* part : PrunePartitions(cat, table, conds, keys)) {
    if (!part->partition_key) {
      leaves.push_back(part);
      continue;
    }
    for (const TableDef* leaf : PrunedLeaves(cat, *part, conds, keys)) leaves.push_back(leaf);
  }
  return leaves;
}

namespace {
// A side worth evaluating before the scan: it reads no row, is not a constant already, and
// calls nothing volatile (its value is the one every row would see).
bool RunTimeValue(const ExprP& e) {
  return !e->IsConst() && !UsesRow(e) && ExprVolatility(*e) != 'v';
}

ExprP AsConstant(const ExprP& e, EvalContext& ctx) { return std::make_shared<ConstExpr>(e->Eval(ctx), e->type); }
}  // namespace

bool PrunableAtRunTime(const std::vector<ExprP>& conds) {
  for (const ExprP& cond : conds) {
    if (auto* call = dynamic_cast<const CallExpr*>(cond.get()); call && call->infix && call->args.size() == 2) {
      if (RunTimeValue(call->args[0]) || RunTimeValue(call->args[1])) return true;
    } else if (auto* in = dynamic_cast<const InListExpr*>(cond.get())) {
      for (const ExprP& item : in->items)
        if (RunTimeValue(item)) return true;
    }
  }
  return false;
}

std::vector<ExprP> ConditionsAtRunTime(const std::vector<ExprP>& conds, EvalContext& ctx) {
  std::vector<ExprP> out;
  for (const ExprP& cond : conds) {
    if (auto* call = dynamic_cast<const CallExpr*>(cond.get()); call && call->infix && call->args.size() == 2) {
      std::vector<ExprP> args = call->args;
      for (ExprP& a : args)
        if (RunTimeValue(a)) a = AsConstant(a, ctx);
      out.push_back(std::make_shared<CallExpr>(call->type, call->name, std::move(args), call->fn, call->strict, call->infix));
    } else if (auto* in = dynamic_cast<const InListExpr*>(cond.get())) {
      std::vector<ExprP> items = in->items;
      for (ExprP& item : items)
        if (RunTimeValue(item)) item = AsConstant(item, ctx);
      out.push_back(std::make_shared<InListExpr>(in->arg, std::move(items), in->negated, in->cmp_type));
    } else {
      out.push_back(cond);
    }
  }
  return out;
}

}  // namespace tusk
