// PostgreSQL's SQL-callable hash functions of the integer, text, timestamp and uuid types:
// hashint2, hashint4, hashint8, hashtext, timestamp_hash, uuid_hash (int4 results) and their
// *extended forms with a 64-bit seed (int8 results),
// the values PostgreSQL 15 returns (common/pg_hash.hpp). varchar and bpchar arguments reach
// hashtext through their cast to text, as in PostgreSQL; text hashes its bytes (every collation
// here is deterministic).
#include "common/pg_hash.hpp"
#include "function/registry.hpp"

namespace tusk {

namespace {
Value AsInt4(uint32_t h) { return Value::Int(static_cast<int32_t>(h)); }
Value AsInt8(uint64_t h) { return Value::Int(static_cast<int64_t>(h)); }
uint64_t Seed(const Value& v) { return static_cast<uint64_t>(v.i()); }
}  // namespace

void RegisterHashFunctions() {
  const Type int2(oid::kInt2), int4(oid::kInt4), int8(oid::kInt8), text(oid::kText);
  // int2 and int4 are hashed as a sign-extended 32-bit value; int8 folded to 32 bits first.
  auto small = [](const std::vector<Value>& a, EvalContext&) { return AsInt4(PgHashUint32(static_cast<uint32_t>(a[0].i()))); };
  Register("hashint2", {int2}, int4, small);
  Register("hashint4", {int4}, int4, small);
  Register("hashint8", {int8}, int4, [](const std::vector<Value>& a, EvalContext&) { return AsInt4(PgHashUint32(PgInt8HashKey(a[0].i()))); });
  Register("hashtext", {text}, int4, [](const std::vector<Value>& a, EvalContext&) { return AsInt4(PgHashBytes(a[0].s())); });
  auto small_extended = [](const std::vector<Value>& a, EvalContext&) {
    return AsInt8(PgHashUint32Extended(static_cast<uint32_t>(a[0].i()), Seed(a[1])));
  };
  Register("hashint2extended", {int2, int8}, int8, small_extended);
  Register("hashint4extended", {int4, int8}, int8, small_extended);
  Register("hashint8extended", {int8, int8}, int8, [](const std::vector<Value>& a, EvalContext&) {
    return AsInt8(PgHashUint32Extended(PgInt8HashKey(a[0].i()), Seed(a[1])));
  });
  Register("hashtextextended", {text, int8}, int8, [](const std::vector<Value>& a, EvalContext&) {
    return AsInt8(PgHashBytesExtended(a[0].s(), Seed(a[1])));
  });
  // A timestamp hashes as its microseconds (an int8), a uuid as its 16 bytes.
  const Type timestamp(oid::kTimestamp), uuid(oid::kUuid);
  Register("timestamp_hash", {timestamp}, int4, [](const std::vector<Value>& a, EvalContext&) {
    return AsInt4(PgHashUint32(PgInt8HashKey(a[0].i())));
  });
  Register("timestamp_hash_extended", {timestamp, int8}, int8, [](const std::vector<Value>& a, EvalContext&) {
    return AsInt8(PgHashUint32Extended(PgInt8HashKey(a[0].i()), Seed(a[1])));
  });
  Register("uuid_hash", {uuid}, int4, [](const std::vector<Value>& a, EvalContext&) { return AsInt4(PgHashBytes(a[0].s())); });
  Register("uuid_hash_extended", {uuid, int8}, int8, [](const std::vector<Value>& a, EvalContext&) {
    return AsInt8(PgHashBytesExtended(a[0].s(), Seed(a[1])));
  });
}

}  // namespace tusk
