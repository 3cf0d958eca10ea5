// The catalogs' stored form: a flat stream of varints and length-prefixed strings (Catalog and
// ClusterCatalog serialize through these).
#pragma once
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/rowcodec.hpp"
#include "types/domain.hpp"
#include "types/type.hpp"

namespace tusk {

struct CatalogWriter {
  std::string out;
  void U(uint64_t v) { AppendVarint(v, &out); }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void S(const std::string& s) { U(s.size()); out += s; }
  // A domain is written as its OID (typmod -1; array: an array of the domain); the reader's
  // catalog puts the definition back (Catalog::Deserialize).
  void T(const Type& t) {
    if (t.domain) { U(t.domain->oid); I(-1); U(IsArrayOfDomain(t)); return; }
    U(t.id); I(t.typmod); U(t.array);
  }
};

struct CatalogReader {
  std::string_view in;
  [[noreturn]] static void Bad() { throw Error(sqlstate::kDataCorrupted, "catalog data is corrupted"); }
  uint64_t U() { uint64_t v; if (!ReadVarint(&in, &v)) Bad(); return v; }
  int64_t I() { uint64_t u = U(); return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1)); }
  uint32_t U32() { return static_cast<uint32_t>(U()); }
  int Int() { return static_cast<int>(I()); }
  std::string S() {
    uint64_t n = U();
    if (n > in.size()) Bad();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  Type T() { Type t; t.id = U32(); t.typmod = static_cast<int32_t>(I()); t.array = U() != 0; return t; }
  size_t Count() { uint64_t n = U(); if (n > in.size() + 1) Bad(); return n; }
};

}  // namespace tusk
