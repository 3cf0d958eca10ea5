#include "partition/partition_constraint.hpp"

#include <algorithm>

#include "catalog/system/deparse.hpp"
#include "partition/key_parts.hpp"
#include "partition/partition_ddl.hpp"
#include "partition/pruning.hpp"
#include "planner/planner.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {

// The conditions of one level: the key parts and values of a partitioned table, as text.
class LevelText {
 public:
  LevelText(ExecState* st, PartitionKeyParts& keys, const TableDef& parent) : st_(st), parent_(parent), types_(PartitionKeyTypes(parent)) {
    for (const ExprP& part : keys.Bound(parent)) key_.push_back(PrintBound(st, part, false));
  }
  // PostgreSQL's get_qual_for_list / _range / _hash: a list of conditions, implicitly ANDed.
  std::vector<std::string> Qual(const Catalog& cat, const TableDef& partition, PartitionKeyParts& keys) {
    const PartitionBoundDef& b = *partition.partition_bound;
    switch (parent_.partition_key->strategy) {
      case 'l': return b.is_default ? ListDefault(cat, keys) : List(b.list);
      case 'r': return b.is_default ? RangeDefault(cat, keys) : Range(b, false);
      default: return {Hash(b)};
    }
  }

 private:
  std::string Value(size_t part, const tusk::Value& v) { return PrintBound(st_, std::make_shared<ConstExpr>(v, types_[part]), false); }
  std::string Op(size_t part, const std::string& op, const tusk::Value& v) { return "(" + key_[part] + " " + op + " " + Value(part, v) + ")"; }
  static std::string Join(const std::vector<std::string>& items, const std::string& op) {
    if (items.size() == 1) return items[0];
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : " " + op + " ") + s;
    return "(" + out + ")";
  }

  std::vector<std::string> List(const std::vector<tusk::Value>& values) {
    std::vector<tusk::Value> elems;
    bool has_null = false;
    for (const tusk::Value& v : values) v.is_null() ? void(has_null = true) : elems.push_back(v);
    std::string in;
    if (elems.size() == 1) {
      in = Op(0, "=", elems[0]);
    } else if (!elems.empty()) {
      std::string array;
      for (const tusk::Value& v : elems) array += (array.empty() ? "" : ", ") + Value(0, v);
      in = "(" + key_[0] + " = ANY (ARRAY[" + array + "]))";
    }
    if (!has_null) return {"(" + key_[0] + " IS NOT NULL)", in};
    if (in.empty()) return {"(" + key_[0] + " IS NULL)"};
    return {"((" + key_[0] + " IS NULL) OR " + in + ")"};
  }

  std::vector<std::string> ListDefault(const Catalog& cat, PartitionKeyParts& keys) {
    // Every other partition's values, in order, NULL apart.
    std::vector<tusk::Value> all;
    for (const TableDef* p : PrunePartitions(cat, parent_, {}, keys))
      if (!p->partition_bound->is_default) all.insert(all.end(), p->partition_bound->list.begin(), p->partition_bound->list.end());
    std::sort(all.begin(), all.end(), [&](const tusk::Value& a, const tusk::Value& b) {
      return !a.is_null() && (b.is_null() || CompareValues(types_[0], a, b) < 0);
    });
    if (all.empty()) return {};
    return {"(NOT " + Join(List(all), "AND") + ")"};
  }

  std::vector<std::string> Range(const PartitionBoundDef& b, bool for_default) {
    std::vector<std::string> result;
    const size_t n = key_.size();
    if (!for_default)
      for (size_t i = 0; i < n; i++) result.push_back("(" + key_[i] + " IS NOT NULL)");
    // Leading columns whose lower and upper values are equal: key = value.
    size_t i = 0;
    for (; i < n; i++) {
      const RangeDatum& lo = b.lower[i];
      const RangeDatum& hi = b.upper[i];
      if (lo.kind != RangeDatum::kValue || hi.kind != RangeDatum::kValue || CompareValues(types_[i], lo.value, hi.value) != 0) break;
      result.push_back(Op(i, "=", lo.value));
    }
    // One OR arm per remaining column: (k_i > lo_i) OR (k_i = lo_i AND k_i+1 >= lo_i+1) ...
    std::vector<std::string> lower_arms, upper_arms;
    bool need_lower = true, need_upper = true;
    for (size_t arm = 0; i < n && arm < n - i; arm++) {
      std::vector<std::string> lower_args, upper_args;
      for (size_t j = i; j < n; j++) {
        const RangeDatum& lo = b.lower[j];
        const RangeDatum& hi = b.upper[j];
        const RangeDatum* lo_next = j + 1 < n ? &b.lower[j + 1] : nullptr;
        const RangeDatum* hi_next = j + 1 < n ? &b.upper[j + 1] : nullptr;
        const bool lower_value = lo.kind == RangeDatum::kValue, upper_value = hi.kind == RangeDatum::kValue;
        if (need_lower && lower_value) {
          const char* op = j - i < arm ? "=" : (j == n - 1 || (lo_next && lo_next->kind == RangeDatum::kMinValue)) ? ">=" : ">";
          lower_args.push_back(Op(j, op, lo.value));
        }
        if (need_upper && upper_value) {
          const char* op = j - i < arm ? "=" : (hi_next && hi_next->kind == RangeDatum::kMaxValue) ? "<=" : "<";
          upper_args.push_back(Op(j, op, hi.value));
        }
        if (j + 1 - i > arm) {
          if (!lower_value || !lo_next || lo_next->kind != RangeDatum::kValue) need_lower = false;
          if (!upper_value || !hi_next || hi_next->kind != RangeDatum::kValue) need_upper = false;
          break;
        }
      }
      if (!lower_args.empty()) lower_arms.push_back(Join(lower_args, "AND"));
      if (!upper_args.empty()) upper_arms.push_back(Join(upper_args, "AND"));
      if (!need_lower && !need_upper) break;
    }
    if (!lower_arms.empty()) result.push_back(Join(lower_arms, "OR"));
    if (!upper_arms.empty()) result.push_back(Join(upper_arms, "OR"));
    if (result.empty() && !for_default) result.push_back("true");
    return result;
  }

  std::vector<std::string> RangeDefault(const Catalog& cat, PartitionKeyParts& keys) {
    std::vector<std::string> others;
    for (const TableDef* p : PrunePartitions(cat, parent_, {}, keys))
      if (!p->partition_bound->is_default) {
        std::vector<std::string> qual = Range(*p->partition_bound, true);
        if (!qual.empty()) others.push_back(Join(qual, "AND"));
      }
    if (others.empty()) return {};
    std::vector<std::string> all;
    for (const std::string& k : key_) all.push_back("(" + k + " IS NOT NULL)");
    all.push_back(Join(others, "OR"));
    return {"(NOT " + Join(all, "AND") + ")"};
  }

  std::string Hash(const PartitionBoundDef& b) {
    std::string out = "satisfies_hash_partition('" + std::to_string(parent_.oid) + "'::oid, " + std::to_string(b.modulus) + ", " +
                      std::to_string(b.remainder);
    for (const std::string& k : key_) out += ", " + k;
    return out + ")";
  }

  ExecState* st_;
  const TableDef& parent_;
  std::vector<Type> types_;
  std::vector<std::string> key_;
};

}  // namespace

std::optional<std::string> PartitionConstraintText(ExecState* st, const TableDef& partition) {
  if (!partition.partition_parent) return std::nullopt;
  const Catalog& cat = *st->catalog;
  ParamTypes params;
  Planner planner(st, &params);
  PartitionKeyParts keys(&planner);
  // The ancestors' conditions first, the root's outermost.
  std::vector<const TableDef*> chain;
  for (const TableDef* p = &partition; p && p->partition_parent; p = cat.FindTable(p->partition_parent)) chain.insert(chain.begin(), p);
  std::vector<std::string> quals;
  for (const TableDef* p : chain) {
    const TableDef& parent = *cat.FindTable(p->partition_parent);
    LevelText level(st, keys, parent);
    for (std::string& q : level.Qual(cat, *p, keys)) quals.push_back(std::move(q));
  }
  if (quals.empty()) return std::nullopt;
  if (quals.size() == 1) return quals[0];
  std::string out;
  for (const std::string& q : quals) out += (out.empty() ? "" : " AND ") + q;
  return "(" + out + ")";
}

}  // namespace tusk
