#include "partition/bounds.hpp"

#include <cmath>
#include <cstring>

#include "common/error.hpp"
#include "common/pg_hash.hpp"
#include "types/compare.hpp"
#include "types/text_io.hpp"

namespace tusk {

int CompareRangeBounds(const std::vector<Type>& types, const std::vector<RangeDatum>& a, bool a_lower,
                       const std::vector<RangeDatum>& b, bool b_lower, size_t* column) {
  int cmp = 0;
  size_t i = 0;
  for (; i < a.size(); i++) {
    if (a[i].kind != b[i].kind || a[i].kind != RangeDatum::kValue) {
      // Past an infinite datum the rest are infinite too: equal kinds mean equal bounds.
      cmp = a[i].kind < b[i].kind ? -1 : a[i].kind > b[i].kind ? 1 : 0;
      break;
    }
    cmp = CompareValues(types[i], a[i].value, b[i].value);
    if (cmp != 0) break;
  }
  if (column) *column = std::min(i, a.size() - 1);
  if (cmp == 0 && a_lower != b_lower) cmp = a_lower ? 1 : -1;
  return cmp;
}

int CompareBoundToKey(const std::vector<Type>& types, const std::vector<RangeDatum>& bound, const std::vector<Value>& key) {
  for (size_t i = 0; i < bound.size(); i++) {
    if (bound[i].kind == RangeDatum::kMinValue) return -1;
    if (bound[i].kind == RangeDatum::kMaxValue) return 1;
    int cmp = CompareValues(types[i], bound[i].value, key[i]);
    if (cmp != 0) return cmp;
  }
  return 0;
}

namespace {
// The types hash partitioning hashes as PostgreSQL does, with their default hash operator
// class (pg_partitioned_table.partclass).
struct HashableType {
  uint32_t type, opclass;
};
constexpr HashableType kHashableTypes[] = {
    {oid::kInt2, 10019},   {oid::kInt4, 10020},      {oid::kInt8, 10021},        {oid::kOid, 10031},
    {oid::kDate, 10011},   {oid::kTime, 10039},      {oid::kTimestamp, 10046},   {oid::kTimestamptz, 10040},
    {oid::kBool, 10048},   {oid::kText, 10037},      {oid::kVarchar, 10037},     {oid::kBpchar, 10005},
    {oid::kBytea, 10049},  {oid::kUuid, 10066},      {oid::kFloat4, 10013},      {oid::kFloat8, 10014}};
}  // namespace

uint32_t HashOpclassOid(const Type& t) {
  if (t.array || t.domain || t.enumdef || t.record) return 0;
  for (const HashableType& h : kHashableTypes)
    if (h.type == t.id) return h.opclass;
  return 0;
}

void CheckHashableKeyType(const Type& t) {
  if (!HashOpclassOid(t)) throw Error(sqlstate::kFeatureNotSupported, "hash partitioning on type " + TypeName(t) + " is not supported yet");
}

uint64_t PartitionColumnHash(const Type& t, const Value& v) {
  const uint64_t seed = kPgHashPartitionSeed;
  switch (t.id) {
    case oid::kInt2: case oid::kInt4: case oid::kDate:
      return PgHashUint32Extended(static_cast<uint32_t>(v.i()), seed);
    case oid::kOid:
      return PgHashUint32Extended(static_cast<uint32_t>(v.i()), seed);
    case oid::kBool:
      return PgHashUint32Extended(v.b() ? 1 : 0, seed);
    case oid::kInt8: case oid::kTime: case oid::kTimestamp: case oid::kTimestamptz:
      return PgHashUint32Extended(PgInt8HashKey(v.i()), seed);
    case oid::kText: case oid::kVarchar: case oid::kBytea: case oid::kUuid:
      return PgHashBytesExtended(v.s(), seed);
    case oid::kBpchar:
      return PgHashBytesExtended(BpcharStripped(v.s()), seed);
    case oid::kFloat4: case oid::kFloat8: {
      double d = v.f();
      if (d == 0) return seed;  // +0 and -0 alike, as hashfloat8extended
      if (std::isnan(d)) d = std::nan("");
      char bytes[sizeof d];
      std::memcpy(bytes, &d, sizeof d);
      return PgHashBytesExtended(std::string_view(bytes, sizeof d), seed);
    }
    default:
      CheckHashableKeyType(t);
      return 0;
  }
}

uint64_t PartitionRowHash(const std::vector<Type>& types, const std::vector<Value>& key) {
  uint64_t h = 0;
  for (size_t i = 0; i < key.size(); i++)
    if (!key[i].is_null()) h = PgHashCombine64(h, PartitionColumnHash(types[i], key[i]));
  return h;
}

bool BoundHolds(char strategy, const std::vector<Type>& types, const PartitionBoundDef& bound, const std::vector<Value>& key) {
  if (strategy == 'h') return PartitionRowHash(types, key) % static_cast<uint64_t>(bound.modulus) == static_cast<uint64_t>(bound.remainder);
  if (strategy == 'l') {
    for (const Value& v : bound.list) {
      if (v.is_null() || key[0].is_null()) {
        if (v.is_null() && key[0].is_null()) return true;
        continue;
      }
      if (CompareValues(types[0], v, key[0]) == 0) return true;
    }
    return false;
  }
  for (const Value& v : key)
    if (v.is_null()) return false;  // only a DEFAULT partition takes a NULL range key
  return CompareBoundToKey(types, bound.lower, key) <= 0 && CompareBoundToKey(types, bound.upper, key) > 0;
}

}  // namespace tusk
