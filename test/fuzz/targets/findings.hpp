// How the fuzz targets report: an error must carry a SQLSTATE, and anything else wrong is a
// finding that stops the run (libFuzzer keeps the input). TUSK_FUZZ_LAX=1 only prints the first
// twenty findings, to survey a target without stopping at each.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "common/error.hpp"

namespace fuzz {

inline bool Lax() {
  static const bool lax = std::getenv("TUSK_FUZZ_LAX") != nullptr;
  return lax;
}

inline void CheckState(const tusk::Error& e) {
  if (!e.state() || std::strlen(e.state()) != 5) {
    std::fprintf(stderr, "FINDING: tusk::Error without a SQLSTATE: %s\n", e.what());
    std::abort();
  }
}

inline void Finding(const std::string& what) {
  if (Lax()) {
    static int shown = 0;
    if (shown++ < 20) std::fprintf(stderr, "MISMATCH (lax): %s\n", what.c_str());
    return;
  }
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  std::abort();
}

}  // namespace fuzz
