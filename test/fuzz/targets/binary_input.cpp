// libFuzzer target: every type's binary input (DecodeBinary, types/binary_io.hpp, what a client
// sends for a Bind parameter in format 1). When the bytes are accepted:
//   - binary output (EncodeBinary) then input again must succeed and give the same bytes;
//   - the value's text output (FormatText) must succeed and read back (ParseText) to a value that
//     compares equal (CompareValues): PostgreSQL's *recv functions accept only values that the
//     type's output and input functions handle (not for regclass/regproc/regtype, whose
//     names come from a session's catalog).
//
// Input: byte 0 picks the type (every built-in base type, a user enum, and arrays of integers,
// text, numeric, timestamptz, uuid and the enum), byte 1 bits 0-1 the TimeZone for the text checks; the
// rest is the binary value. tusk::Error with a SQLSTATE is the expected refusal; anything else
// is a finding. TUSK_FUZZ_LAX=1 prints the semantic mismatches instead of aborting.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "findings.hpp"
#include "types/binary_io.hpp"
#include "types/compare.hpp"
#include "types/datetime.hpp"
#include "types/text_io.hpp"
#include "types/timezone.hpp"
#include "types/type.hpp"

namespace {

using namespace tusk;
using fuzz::CheckState;
using fuzz::Finding;

constexpr uint32_t kBases[] = {
    oid::kBool, oid::kBytea, oid::kChar, oid::kName, oid::kInt8, oid::kInt2, oid::kInt4, oid::kRegproc,
    oid::kText, oid::kOid, oid::kJson, oid::kFloat4, oid::kFloat8, oid::kUnknown, oid::kBpchar,
    oid::kVarchar, oid::kDate, oid::kTime, oid::kTimestamp, oid::kTimestamptz, oid::kInterval,
    oid::kNumeric, oid::kRegclass, oid::kUuid, oid::kJsonb, oid::kRegtype, oid::kJsonpath,
    oid::kTsvector, oid::kTsquery};

std::vector<Type>* types = nullptr;
std::vector<std::shared_ptr<const TimeZone>>* zones = nullptr;

// A jsonpath's canonical text can nest deeper than the text it was read from: `- - $` prints as
// `-(-($))`. PostgreSQL has the same limit: it reads 5,500 nested unary minuses and refuses its
// own output of them ("memory exhausted"). A tsquery's binary form holds trees its text cannot
// say: deeper than the stack, or more than 32 NOTs in a row ("tsquery stack too small", 54000),
// in PostgreSQL too. So running out of stack (54001), or for a tsquery out of its operator
// stack, when printing such a value or reading its output back is not a finding; any other
// refusal is.
bool PrintsDeeper(const Type& t, const Error& e) {
  if (t.id != oid::kJsonpath && t.id != oid::kTsquery) return false;
  return std::strcmp(e.state(), "54001") == 0 || (t.id == oid::kTsquery && std::strcmp(e.state(), "54000") == 0);
}

void Setup() {
  types = new std::vector<Type>;
  auto e = std::make_shared<EnumDef>();
  e->type_oid = oid::kFirstUserOid;
  e->array_oid = oid::kFirstUserOid + 1;
  e->schema = "public";
  e->name = "mood";
  e->labels = {"sad", "ok", "happy", "", "with space"};
  for (uint32_t b : kBases) types->push_back(Type(b));
  types->push_back(Type::Enum(e));
  for (uint32_t b : {oid::kInt4, oid::kText, oid::kNumeric, oid::kTimestamptz, oid::kUuid}) types->push_back(Type(b).ArrayOf());
  types->push_back(Type::Enum(e).ArrayOf());
  zones = new std::vector<std::shared_ptr<const TimeZone>>;
  for (const char* name : {"UTC", "America/New_York", "Asia/Kolkata"}) {
    auto z = TimeZone::Find(name);
    zones->push_back(z ? z : TimeZone::Utc());
  }
  zones->push_back(TimeZone::Fixed(-12600, "-03:30"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!types) Setup();
  if (size < 2) return 0;
  const Type& t = (*types)[data[0] % types->size()];
  DateTimeContext ctx;
  ctx.tz = (*zones)[data[1] & 3];
  ctx.now = 774619200000000;
  std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);

  Value v;
  try {
    v = DecodeBinary(t, bytes);
  } catch (const Error& e) {
    CheckState(e);
    return 0;
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped DecodeBinary: ") + e.what());
    return 0;
  }
  if (v.is_null()) return 0;
  // regclass/regproc/regtype print names through the catalog of a session; not checked here.
  bool text_checks = t.id != oid::kRegclass && t.id != oid::kRegproc && t.id != oid::kRegtype;
  try {
    std::string enc = EncodeBinary(t, v);
    Value v2 = DecodeBinary(t, enc);
    std::string enc2 = EncodeBinary(t, v2);
    if (enc != enc2) Finding("binary output of " + TypeName(t) + " not stable");
  } catch (const Error& e) {
    CheckState(e);
    if (PrintsDeeper(t, e)) return 0;
    Finding("binary output -> input of " + TypeName(t) + " refused: " + e.state() + " " + e.what());
    return 0;
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped the binary round trip: ") + e.what());
    return 0;
  }
  if (!text_checks) return 0;
  std::string text;
  try {
    text = FormatText(t, v, ctx);
  } catch (const Error& e) {
    CheckState(e);
    if (PrintsDeeper(t, e)) return 0;
    Finding("FormatText refused a value DecodeBinary accepted (" + TypeName(t) + "): " + e.state() + " " + e.what());
    return 0;
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped FormatText: ") + e.what());
    return 0;
  }
  try {
    Value v3 = ParseText(t, text, ctx);
    // A tsquery's text does not keep its tree's shape (a & (b & c) prints as a & b & c, which
    // reads back left-nested, a different value in PostgreSQL too): its text must be stable.
    if (t.id == oid::kTsquery) {
      if (FormatText(t, v3, ctx) != text) Finding("the text of a binary tsquery changes when read back: \"" + text + "\"");
    } else if (t.id != oid::kJson && CompareValues(t, v, v3) != 0)
      Finding("binary value of " + TypeName(t) + " changes through its text \"" + text + "\"");
  } catch (const Error& e) {
    CheckState(e);
    // PostgreSQL's interval_recv takes any field values, and its interval_in cannot read back
    // the extremes' text (-178956970 years -8 months -2147483648 days ...): the same here.
    if (t.id == oid::kInterval || PrintsDeeper(t, e)) return 0;
    Finding("the text output of a binary " + TypeName(t) + " does not read back: \"" + text + "\": " + e.state() + " " + e.what());
  } catch (const std::exception& e) {
    Finding(std::string("std::exception escaped ParseText/CompareValues: ") + e.what());
  }
  return 0;
}
