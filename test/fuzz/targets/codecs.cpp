// libFuzzer target: the storage codecs — what a corrupt or hostile data file would feed them —
// and their round-trip and ordering properties on values built from the input.
//
// Byte 0 (mod 4) picks the mode; the rest is its input.
//   0  DecodeRow (common/rowcodec.hpp) on arbitrary bytes: tusk::Error (XX001) or a row; a row
//      decoded must encode to bytes that decode to the same row.
//   1  Catalog::Deserialize (catalog/catalog.hpp, the catalog record of a data directory) on
//      arbitrary bytes: tusk::Error or a catalog whose Serialize -> Deserialize -> Serialize is
//      stable.
//   2  EncodeRow -> DecodeRow of a row of values of several types built from the bytes: the
//      decoded row re-encodes identically and every value compares equal (CompareNullable).
//   3  EncodeKeyValue (common/keycodec.hpp, there is no key decoder): for two pairs of values of
//      two types built from the bytes, ASC/DESC and NULLS FIRST/LAST from the bytes, memcmp of
//      the composite keys must order as CompareNullable orders the values, column by column
//      (the memcomparable, prefix-free contract of keycodec.hpp).
// TUSK_FUZZ_LAX=1 prints property violations instead of aborting.
//
// TUSK_FUZZ_DUMP_SEEDS=DIR (with any input, e.g. -runs=0) writes seeds for modes 0 and 1: a
// real catalog (bootstrap + a small schema) and rows of every type, then exits.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "common/error.hpp"
#include "findings.hpp"
#include "common/keycodec.hpp"
#include "common/rowcodec.hpp"
#include "engine/database.hpp"
#include "engine/session.hpp"
#include "types/compare.hpp"
#include "types/datetime.hpp"
#include "types/text_io.hpp"
#include "types/type.hpp"

namespace {

using namespace tusk;
using fuzz::CheckState;
using fuzz::Finding;

std::shared_ptr<EnumDef> enum_def;

// Consumes the fuzz input; past its end every read returns zeros.
struct Bytes {
  const uint8_t* p;
  size_t n;
  uint8_t U8() { if (!n) return 0; n--; return *p++; }
  uint64_t U(int k) { uint64_t v = 0; for (int i = 0; i < k; i++) v = (v << 8) | U8(); return v; }
  std::string Str(size_t max) {
    size_t len = U8() % (max + 1);
    std::string s;
    for (size_t i = 0; i < len; i++) s.push_back(static_cast<char>(U8()));
    return s;
  }
};

constexpr uint32_t kKeyTypes[] = {
    oid::kBool, oid::kInt2, oid::kInt4, oid::kInt8, oid::kOid, oid::kDate, oid::kTime, oid::kTimestamp,
    oid::kTimestamptz, oid::kFloat4, oid::kFloat8, oid::kNumeric, oid::kText, oid::kVarchar, oid::kBpchar,
    oid::kBytea, oid::kUuid, oid::kInterval, oid::kFirstUserOid /* enum */};

Type PickType(Bytes* in) {
  uint8_t b = in->U8();
  uint32_t id = kKeyTypes[b % std::size(kKeyTypes)];
  Type t = id == oid::kFirstUserOid ? Type::Enum(enum_def) : Type(id);
  if (b & 0x80) t.array = true;
  return t;
}

// A valid value of the (non-array) type t, or NULL; returns false when the bytes do not make one.
bool MakeScalar(const Type& t, Bytes* in, Value* out) {
  if (t.enumdef) { *out = Value::Int(in->U8() % t.enumdef->labels.size()); return true; }
  switch (t.id) {
    case oid::kBool: *out = Value::Bool(in->U8() & 1); return true;
    case oid::kInt2: *out = Value::Int(static_cast<int16_t>(in->U(2))); return true;
    case oid::kInt4: case oid::kDate: *out = Value::Int(static_cast<int32_t>(in->U(4))); return true;
    case oid::kOid: *out = Value::Int(static_cast<uint32_t>(in->U(4))); return true;
    case oid::kInt8: case oid::kTimestamp: case oid::kTimestamptz: *out = Value::Int(static_cast<int64_t>(in->U(8))); return true;
    case oid::kTime: *out = Value::Int(static_cast<int64_t>(in->U(8) % 86400000001ull)); return true;
    case oid::kFloat4: { uint32_t u = static_cast<uint32_t>(in->U(4)); float f; memcpy(&f, &u, 4); *out = Value::Float(f); return true; }
    case oid::kFloat8: { uint64_t u = in->U(8); double d; memcpy(&d, &u, 8); *out = Value::Float(d); return true; }
    case oid::kInterval:
      *out = Value::Iv(Interval{static_cast<int64_t>(in->U(8)), static_cast<int32_t>(in->U(4)), static_cast<int32_t>(in->U(4))});
      return true;
    case oid::kUuid: { std::string s; for (int i = 0; i < 16; i++) s.push_back(static_cast<char>(in->U8())); *out = Value::Str(s); return true; }
    case oid::kNumeric: {
      // sign, integer digits, fraction digits, optional exponent: read by ParseText as SQL would.
      uint8_t shape = in->U8();
      std::string s = (shape & 1) ? "-" : "";
      int ni = in->U8() % 24, nf = in->U8() % 24;
      for (int i = 0; i < ni; i++) s.push_back(static_cast<char>('0' + in->U8() % 10));
      if (ni == 0) s.push_back('0');
      if (nf) { s.push_back('.'); for (int i = 0; i < nf; i++) s.push_back(static_cast<char>('0' + in->U8() % 10)); }
      if (shape & 2) s += "e" + std::to_string(static_cast<int16_t>(in->U(2)) % 1100);
      if ((shape & 0x1c) == 0x1c) s = "NaN";
      try {
        *out = ParseText(t, s, DateTimeContext{});
        return true;
      } catch (const Error& e) {
        CheckState(e);
        return false;
      }
    }
    default: {  // text, varchar, bpchar, bytea: any bytes (text in the C collation)
      std::string s = in->Str(24);
      if (t.id == oid::kBpchar && (in->U8() & 1)) s += "   ";
      *out = Value::Str(s);
      return true;
    }
  }
}

bool MakeValue(const Type& t, Bytes* in, Value* out) {
  uint8_t tag = in->U8();
  if ((tag & 7) == 0) { *out = Value::Null(); return true; }
  if (!t.array) return MakeScalar(t.Element(), in, out);
  std::vector<Value> elems;
  int n = (tag >> 3) % 5;
  for (int i = 0; i < n; i++) {
    Value e;
    if ((in->U8() & 7) == 0) e = Value::Null();
    else if (!MakeScalar(t.Element(), in, &e)) return false;
    elems.push_back(e);
  }
  *out = Value::Array(std::move(elems), (tag & 0x80) ? 0 : 1);
  return true;
}

int Sign(int c) { return c < 0 ? -1 : c > 0 ? 1 : 0; }

// Expected key order of a and b in a column with `order`.
int ExpectedOrder(const Type& t, const Value& a, const Value& b, KeyColumnOrder order) {
  if (a.is_null() || b.is_null()) return Sign(CompareNullable(t, a, b, order.nulls_first));
  int c = Sign(CompareValues(t, a, b));
  return order.desc ? -c : c;
}

std::string Show(const Type& t, const Value& v) {
  if (v.is_null()) return "NULL";
  try {
    return FormatText(t, v, DateTimeContext{});
  } catch (const Error& e) {
    return std::string("<unprintable: ") + e.what() + ">";
  }
}

void DecodeRowMode(const std::string& bytes) {
  Row row;
  try {
    row = DecodeRow(bytes);
  } catch (const Error& e) {
    CheckState(e);
    return;
  }
  std::string enc;
  EncodeRow(row, &enc);
  try {
    Row again = DecodeRow(enc);
    std::string enc2;
    EncodeRow(again, &enc2);
    if (enc != enc2) Finding("EncodeRow(DecodeRow(EncodeRow(row))) differs from EncodeRow(row)");
  } catch (const Error& e) {
    CheckState(e);
    Finding(std::string("DecodeRow refuses what EncodeRow wrote: ") + e.what());
  }
}

void CatalogMode(const std::string& bytes) {
  std::shared_ptr<Catalog> c;
  try {
    c = Catalog::Deserialize(bytes);
  } catch (const Error& e) {
    CheckState(e);
    return;
  }
  std::string s1 = c->Serialize();
  try {
    std::string s2 = Catalog::Deserialize(s1)->Serialize();
    if (s1 != s2) Finding("Catalog Serialize -> Deserialize -> Serialize not stable");
  } catch (const Error& e) {
    CheckState(e);
    Finding(std::string("Catalog::Deserialize refuses what Serialize wrote: ") + e.what());
  }
}

void RowRoundTrip(Bytes* in) {
  int ncols = in->U8() % 6 + 1;
  std::vector<Type> types;
  Row row;
  for (int i = 0; i < ncols; i++) {
    Type t = PickType(in);
    Value v;
    if (!MakeValue(t, in, &v)) return;
    types.push_back(t);
    row.push_back(v);
  }
  std::string enc;
  EncodeRow(row, &enc);
  Row back;
  try {
    back = DecodeRow(enc);
  } catch (const Error& e) {
    CheckState(e);
    Finding(std::string("DecodeRow refuses what EncodeRow wrote: ") + e.what());
    return;
  }
  if (back.size() != row.size()) { Finding("DecodeRow returned another column count"); return; }
  std::string enc2;
  EncodeRow(back, &enc2);
  if (enc != enc2) Finding("row encoding not stable through DecodeRow");
  for (size_t i = 0; i < row.size(); i++)
    if (CompareNullable(types[i], row[i], back[i], false) != 0)
      Finding("column " + std::to_string(i) + " (" + TypeName(types[i]) + ") changed: " + Show(types[i], row[i]) +
              " -> " + Show(types[i], back[i]));
}

void KeyOrder(Bytes* in) {
  Type t1 = PickType(in), t2 = PickType(in);
  uint8_t o = in->U8();
  KeyColumnOrder o1{(o & 1) != 0, (o & 2) != 0}, o2{(o & 4) != 0, (o & 8) != 0};
  Value a, b, c, d;
  if (!MakeValue(t1, in, &a) || !MakeValue(t2, in, &c)) return;
  // The second row: often a copy of the first's first column, to reach the second column.
  if (o & 0x10) b = a;
  else if (!MakeValue(t1, in, &b)) return;
  if (!MakeValue(t2, in, &d)) return;
  std::string ka, kb, k1, k2;
  EncodeKeyValue(t1, a, o1, &ka);
  EncodeKeyValue(t1, b, o1, &kb);
  int want1 = ExpectedOrder(t1, a, b, o1);
  int got1 = Sign(ka.compare(kb));
  if (want1 != got1)
    Finding("key order of " + TypeName(t1) + (o1.desc ? " DESC" : " ASC") + (o1.nulls_first ? " NULLS FIRST" : " NULLS LAST") +
            ": " + Show(t1, a) + " vs " + Show(t1, b) + " compares " + std::to_string(want1) + ", keys " + std::to_string(got1));
  k1 = ka;
  k2 = kb;
  EncodeKeyValue(t2, c, o2, &k1);
  EncodeKeyValue(t2, d, o2, &k2);
  int want = want1 != 0 ? want1 : ExpectedOrder(t2, c, d, o2);
  int got = Sign(k1.compare(k2));
  if (want1 == got1 && want != got)
    Finding("composite key order (" + TypeName(t1) + ", " + TypeName(t2) + "): (" + Show(t1, a) + ", " + Show(t2, c) + ") vs (" +
            Show(t1, b) + ", " + Show(t2, d) + ") compares " + std::to_string(want) + ", keys " + std::to_string(got));
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
}

void DumpSeeds(const char* dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  std::string pattern = (fs::temp_directory_path() / "tusk-fuzz-codecs-XXXXXX").string();
  if (!mkdtemp(pattern.data())) { perror("mkdtemp"); abort(); }
  {
    auto db = Database::Open(pattern + "/data", 8 << 20);
    WriteFile(std::string(dir) + "/catalog-bootstrap", std::string(1, '\x01') + db->catalog()->Serialize());
    Session s(db.get(), "postgres", "postgres");
    ResultSink sink;
    for (const char* sql : {"CREATE TYPE mood AS ENUM ('sad', 'ok')", "CREATE SEQUENCE seq1",
                            "CREATE TABLE a (id int PRIMARY KEY, n text NOT NULL, p numeric(10,2), ts timestamptz, "
                            "doc jsonb, tags text[], m mood, CHECK (id > 0))",
                            "CREATE TABLE b (id serial PRIMARY KEY, a_id int REFERENCES a (id), q int DEFAULT 1)",
                            "CREATE INDEX b_q ON b (q DESC) WHERE q > 1", "CREATE SCHEMA s2"})
      s.ExecuteSimple(sql, &sink);
    s.Close();
    WriteFile(std::string(dir) + "/catalog-schema", std::string(1, '\x01') + db->catalog()->Serialize());
  }
  std::error_code ec;
  fs::remove_all(pattern, ec);
  Row row = {Value::Null(), Value::Bool(true), Value::Int(-123456789), Value::Float(-0.5), Value::Str("text\0x"),
             Value::Iv(Interval{3600000000, 2, -1}), Value::Array({Value::Int(1), Value::Null(), Value::Int(3)}, 0)};
  std::string enc;
  EncodeRow(row, &enc);
  WriteFile(std::string(dir) + "/row-every-kind", std::string(1, '\x00') + enc);
  enc.clear();
  EncodeRow({}, &enc);
  WriteFile(std::string(dir) + "/row-empty", std::string(1, '\x00') + enc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!enum_def) {
    enum_def = std::make_shared<EnumDef>();
    enum_def->type_oid = oid::kFirstUserOid;
    enum_def->array_oid = oid::kFirstUserOid + 1;
    enum_def->schema = "public";
    enum_def->name = "mood";
    enum_def->labels = {"sad", "ok", "happy"};
    if (const char* dir = getenv("TUSK_FUZZ_DUMP_SEEDS")) { DumpSeeds(dir); exit(0); }
  }
  if (size < 1) return 0;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  Bytes in{data + 1, size - 1};
  try {
    switch (data[0] % 4) {
      case 0: DecodeRowMode(rest); break;
      case 1: CatalogMode(rest); break;
      case 2: RowRoundTrip(&in); break;
      case 3: KeyOrder(&in); break;
    }
  } catch (const Error& e) {
    CheckState(e);  // e.g. CompareValues refusing a type: allowed, with a SQLSTATE
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped: ") + e.what());
  }
  return 0;
}
