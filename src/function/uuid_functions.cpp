// UUID generation: gen_random_uuid (core) and the uuid-ossp extension's functions (RFC 4122
// versions 1, 3, 4 and 5, the nil UUID and the standard namespaces).
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <mutex>

#include "function/registry.hpp"

namespace tusk {

namespace {
const Type kUuidT(oid::kUuid);

std::string RandomBytes(size_t n) {
  std::string b(n, '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(b.data()), static_cast<int>(n));
  return b;
}

// Sets the version nibble and the RFC 4122 variant bits of a 16-byte UUID.
std::string Stamp(std::string b, int version) {
  b[6] = static_cast<char>((b[6] & 0x0f) | (version << 4));
  b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
  return b;
}

// Versions 3 and 5: a digest of the namespace UUID followed by the name.
std::string NameBased(const std::string& ns, const std::string& name, const EVP_MD* md, int version) {
  std::string input = ns + name;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(input.data(), input.size(), digest, &len, md, nullptr);
  return Stamp(std::string(reinterpret_cast<char*>(digest), 16), version);
}

// Version 1: 100 ns ticks since 1582-10-15, a clock sequence, and a node. The node is random
// with its multicast bit set, as RFC 4122 allows where no MAC address is used (uuid_generate_v1mc
// draws a new one each call; uuid_generate_v1 keeps one per process).
std::string TimeBased(const std::string& node) {
  static std::mutex mu;
  static uint64_t last = 0;
  static uint16_t clock_seq = [] { std::string r = RandomBytes(2); return static_cast<uint16_t>((r[0] << 8) | (r[1] & 0xff)); }();
  constexpr uint64_t kGregorianToUnix = 0x01B21DD213814000ULL;
  uint64_t ticks = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count() / 100) + kGregorianToUnix;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (ticks <= last) ticks = last + 1;  // never the same timestamp twice
    last = ticks;
  }
  std::string b(16, '\0');
  uint32_t low = static_cast<uint32_t>(ticks);
  uint16_t mid = static_cast<uint16_t>(ticks >> 32), high = static_cast<uint16_t>(ticks >> 48);
  for (int i = 0; i < 4; i++) b[i] = static_cast<char>(low >> (24 - 8 * i));
  b[4] = static_cast<char>(mid >> 8); b[5] = static_cast<char>(mid);
  b[6] = static_cast<char>(high >> 8); b[7] = static_cast<char>(high);
  b[8] = static_cast<char>(clock_seq >> 8); b[9] = static_cast<char>(clock_seq);
  std::string n = node;
  n[0] = static_cast<char>(n[0] | 0x01);
  b.replace(10, 6, n);
  return Stamp(b, 1);
}

// 6ba7b81X-9dad-11d1-80b4-00c04fd430c8: RFC 4122's namespaces differ in the last digit of the first group.
std::string Namespace(char last) {
  std::string b("\x6b\xa7\xb8\x10\x9d\xad\x11\xd1\x80\xb4\x00\xc0\x4f\xd4\x30\xc8", 16);
  b[3] = last;
  return b;
}

ScalarFn Constant(std::string value) {
  return [value](const std::vector<Value>&, EvalContext&) { return Value::Str(value); };
}
}  // namespace

void RegisterUuidFunctions() {
  auto random = [](const std::vector<Value>&, EvalContext&) { return Value::Str(Stamp(RandomBytes(16), 4)); };
  Register("gen_random_uuid", {}, kUuidT, random, false);
  Register("uuid_generate_v4", {}, kUuidT, random, false);
  Register("uuid_nil", {}, kUuidT, Constant(std::string(16, '\0')));
  Register("uuid_ns_dns", {}, kUuidT, Constant(Namespace('\x10')));
  Register("uuid_ns_url", {}, kUuidT, Constant(Namespace('\x11')));
  Register("uuid_ns_oid", {}, kUuidT, Constant(Namespace('\x12')));
  Register("uuid_ns_x500", {}, kUuidT, Constant(Namespace('\x14')));
  Register("uuid_generate_v1", {}, kUuidT, [](const std::vector<Value>&, EvalContext&) {
    static const std::string node = RandomBytes(6);
    return Value::Str(TimeBased(node));
  }, false);
  Register("uuid_generate_v1mc", {}, kUuidT, [](const std::vector<Value>&, EvalContext&) { return Value::Str(TimeBased(RandomBytes(6))); }, false);
  Register("uuid_generate_v3", {kUuidT, Type(oid::kText)}, kUuidT, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(NameBased(a[0].s(), a[1].s(), EVP_md5(), 3));
  });
  Register("uuid_generate_v5", {kUuidT, Type(oid::kText)}, kUuidT, [](const std::vector<Value>& a, EvalContext&) {
    return Value::Str(NameBased(a[0].s(), a[1].s(), EVP_sha1(), 5));
  });
}

}  // namespace tusk
