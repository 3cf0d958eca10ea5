// libFuzzer target: the PL/pgSQL parser (plpgsql/parser.hpp), which reads function bodies and DO
// blocks a client sends. Byte 0 picks the signature the body is compiled for (its bits: a
// trigger, a set result, a void result, OUT parameters, a procedure, two named parameters); the
// rest is the body. A refusal is a tusk::Error with a SQLSTATE; anything else is a finding. A
// body it accepts is parsed again and must give the same number of variables and SQL texts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "common/error.hpp"
#include "findings.hpp"
#include "plpgsql/parser.hpp"

namespace {

tusk::plpgsql::Signature SignatureFor(uint8_t bits) {
  tusk::plpgsql::Signature sig;
  sig.name = "f";
  sig.trigger = bits & 1;
  sig.retset = bits & 2;
  sig.returns_void = bits & 4;
  sig.has_out = bits & 8;
  sig.procedure = bits & 16;
  if (bits & 32) {
    sig.params.push_back({"a", true, false});
    sig.params.push_back({"b", !(bits & 8), (bits & 8) != 0});
  }
  return sig;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  tusk::plpgsql::Signature sig = SignatureFor(data[0]);
  std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    tusk::plpgsql::Function first = tusk::plpgsql::Parse(body, sig);
    tusk::plpgsql::Function again = tusk::plpgsql::Parse(body, sig);
    if (first.vars.size() != again.vars.size() || first.sql_count != again.sql_count)
      fuzz::Finding("parsing the same body twice gave different functions");
  } catch (const tusk::Error& e) {
    fuzz::CheckState(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "FINDING: std::exception escaped plpgsql::Parse: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "FINDING: non-std exception escaped plpgsql::Parse\n");
    std::abort();
  }
  return 0;
}
