// Pruning may drop a partition only when no row it could hold meets the conditions: over random
// range, list and hash partitionings of an int key and random conditions (comparisons, IN lists,
// IS NULL), every value that meets the conditions must find the partition that takes it (by
// routing's own rule) among those pruning keeps.
#include <gtest/gtest.h>

#include <random>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"
#include "partition/bounds.hpp"
#include "partition/partition_def.hpp"
#include "partition/pruning.hpp"

namespace tusk {
namespace {

const Type kInt(oid::kInt4);

struct Cond {
  std::string op;  // =, <, <=, >, >=, in, null
  std::vector<int> values;
};

bool Meets(const std::optional<int>& x, const Cond& c) {
  if (c.op == "null") return !x;
  if (!x) return false;
  if (c.op == "in") return std::find(c.values.begin(), c.values.end(), *x) != c.values.end();
  int v = c.values[0];
  return c.op == "=" ? *x == v : c.op == "<" ? *x < v : c.op == "<=" ? *x <= v : c.op == ">" ? *x > v : *x >= v;
}

ExprP Bound(const Cond& c, bool flipped) {
  auto column = std::make_shared<ColumnExpr>(0, 0, kInt, "a");
  if (c.op == "null") return std::make_shared<NullTestExpr>(column, false);
  if (c.op == "in") {
    std::vector<ExprP> items;
    for (int v : c.values) items.push_back(std::make_shared<ConstExpr>(Value::Int(v), kInt));
    return std::make_shared<InListExpr>(column, items, false, kInt);
  }
  ExprP value = std::make_shared<ConstExpr>(Value::Int(c.values[0]), kInt);
  std::string op = c.op;
  if (flipped) op = op == "<" ? ">" : op == ">" ? "<" : op == "<=" ? ">=" : op == ">=" ? "<=" : op;
  std::vector<ExprP> args = flipped ? std::vector<ExprP>{value, column} : std::vector<ExprP>{column, value};
  return std::make_shared<CallExpr>(Type(oid::kBool), op, args, ScalarFn(), true, true);
}

class Partitioning {
 public:
  explicit Partitioning(char strategy) : cat_(Catalog::Bootstrap()) {
    parent_.oid = cat_->AllocateOid();
    parent_.schema = "public";
    parent_.name = "p";
    ColumnDef a;
    a.name = "a";
    a.type = kInt;
    parent_.columns = {a};
    auto key = std::make_shared<PartitionKeyDef>();
    key->strategy = strategy;
    key->columns = {0};
    parent_.partition_key = key;
    cat_->AddTable(parent_);
  }
  void Add(std::shared_ptr<PartitionBoundDef> b) {
    TableDef t;
    t.oid = cat_->AllocateOid();
    t.schema = "public";
    t.name = "p" + std::to_string(t.oid);
    t.columns = parent_.columns;
    t.partition_parent = parent_.oid;
    t.partition_bound = std::move(b);
    cat_->AddTable(t);
  }
  // The partition routing gives x (0 when none takes it).
  uint32_t Holder(const std::optional<int>& x) const {
    std::vector<Value> key{x ? Value::Int(*x) : Value::Null()};
    uint32_t fallback = 0;
    for (const auto& [oid, t] : cat_->tables()) {
      if (t.partition_parent != parent_.oid) continue;
      if (t.partition_bound->is_default) fallback = oid;
      else if (BoundHolds(parent_.partition_key->strategy, {kInt}, *t.partition_bound, key)) return oid;
    }
    return fallback;
  }
  size_t Count() const {
    size_t n = 0;
    for (const auto& [oid, t] : cat_->tables()) n += t.partition_parent == parent_.oid;
    return n;
  }
  std::vector<const TableDef*> Prune(const std::vector<ExprP>& conds) const {
    PartitionKeyParts keys(nullptr);  // column keys only
    return PrunePartitions(*cat_, *cat_->FindTable(parent_.oid), conds, keys);
  }

 private:
  std::shared_ptr<Catalog> cat_;
  TableDef parent_;
};

RangeDatum Datum(int v) { return {RangeDatum::kValue, Value::Int(v)}; }

// Returns how many partitions pruning dropped.
size_t CheckRandomConditions(const Partitioning& p, std::mt19937& rng, int trial) {
  std::uniform_int_distribution<int> value(-60, 60);
  const char* ops[] = {"=", "<", "<=", ">", ">=", "in", "null"};
  std::vector<Cond> conds;
  std::vector<ExprP> bound;
  int n = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n; i++) {
    Cond c{ops[rng() % 7], {value(rng)}};
    if (c.op == "null" && rng() % 3) c.op = "<";  // rarer: it leaves nothing with most others
    if (c.op == "in")
      for (int k = static_cast<int>(rng() % 4); k > 0; k--) c.values.push_back(value(rng));
    conds.push_back(c);
    bound.push_back(Bound(c, rng() % 2));
  }
  std::vector<const TableDef*> kept = p.Prune(bound);
  std::vector<std::optional<int>> xs{std::nullopt};
  for (int x = -70; x <= 70; x++) xs.push_back(x);
  for (const auto& x : xs) {
    bool meets = std::all_of(conds.begin(), conds.end(), [&](const Cond& c) { return Meets(x, c); });
    uint32_t holder = p.Holder(x);
    if (!meets || !holder) continue;
    bool found = std::any_of(kept.begin(), kept.end(), [&](const TableDef* t) { return t->oid == holder; });
    EXPECT_TRUE(found) << "trial " << trial << ": the partition of " << (x ? std::to_string(*x) : "NULL") << " was pruned";
  }
  return p.Count() - kept.size();
}

TEST(PartitionPruning, RangeNeverDropsAPartitionThatCouldQualify) {
  std::mt19937 rng(11);
  size_t dropped = 0;
  for (int trial = 0; trial < 400; trial++) {
    Partitioning p('r');
    std::vector<int> cuts;
    for (int k = 2 + static_cast<int>(rng() % 6); k > 0; k--) cuts.push_back(static_cast<int>(rng() % 101) - 50);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (size_t i = 0; i + 1 < cuts.size(); i++) {
      if (rng() % 4 == 0) continue;  // a gap
      auto b = std::make_shared<PartitionBoundDef>();
      b->lower = {i == 0 && rng() % 3 == 0 ? RangeDatum{RangeDatum::kMinValue, Value::Null()} : Datum(cuts[i])};
      b->upper = {i + 2 == cuts.size() && rng() % 3 == 0 ? RangeDatum{RangeDatum::kMaxValue, Value::Null()} : Datum(cuts[i + 1])};
      p.Add(b);
    }
    if (rng() % 2) {
      auto d = std::make_shared<PartitionBoundDef>();
      d->is_default = true;
      p.Add(d);
    }
    dropped += CheckRandomConditions(p, rng, trial);
  }
  EXPECT_GT(dropped, 100u);  // pruning happens, so the check above means something
}

TEST(PartitionPruning, ListNeverDropsAPartitionThatCouldQualify) {
  std::mt19937 rng(12);
  size_t dropped = 0;
  for (int trial = 0; trial < 400; trial++) {
    Partitioning p('l');
    std::vector<int> pool;
    for (int v = -60; v <= 60; v++) pool.push_back(v);
    std::shuffle(pool.begin(), pool.end(), rng);
    size_t next = 0;
    bool null_taken = false;
    for (int k = 1 + static_cast<int>(rng() % 5); k > 0; k--) {
      auto b = std::make_shared<PartitionBoundDef>();
      for (int m = 1 + static_cast<int>(rng() % 8); m > 0; m--) b->list.push_back(Value::Int(pool[next++]));
      if (!null_taken && rng() % 4 == 0) {
        b->list.push_back(Value::Null());
        null_taken = true;
      }
      p.Add(b);
    }
    if (rng() % 2) {
      auto d = std::make_shared<PartitionBoundDef>();
      d->is_default = true;
      p.Add(d);
    }
    dropped += CheckRandomConditions(p, rng, trial);
  }
  EXPECT_GT(dropped, 100u);  // pruning happens, so the check above means something
}

TEST(PartitionPruning, HashNeverDropsAPartitionThatCouldQualify) {
  std::mt19937 rng(13);
  size_t dropped = 0;
  for (int trial = 0; trial < 200; trial++) {
    Partitioning p('h');
    int modulus = 1 << (rng() % 4);
    for (int r = 0; r < modulus; r++) {
      auto b = std::make_shared<PartitionBoundDef>();
      b->modulus = modulus;
      b->remainder = r;
      p.Add(b);
    }
    dropped += CheckRandomConditions(p, rng, trial);
  }
  EXPECT_GT(dropped, 100u);  // pruning happens, so the check above means something
}

}  // namespace
}  // namespace tusk
