// Random JSON text for the unit tests of jsonb's readers.
#pragma once
#include <random>
#include <string>

namespace tusk {

// Random JSON text: keys and strings with quotes, backslashes, control characters, escapes and
// multibyte characters; numbers with trailing zeros and negative zeros; nesting and empties.
class RandomJson {
 public:
  explicit RandomJson(unsigned seed) : rng_(seed) {}
  std::string Value(int depth) {
    switch (Pick(depth > 4 ? 5 : 8)) {
      case 0: return "null";
      case 1: return Pick(2) ? "true" : "false";
      case 2: return Number();
      case 3: case 4: return String();
      case 5: case 6: {
        std::string s = "{";
        for (int n = Pick(4), i = 0; i < n; i++) s += (i ? ", " : "") + String() + ": " + Value(depth + 1);
        return s + "}";
      }
      default: {
        std::string s = "[";
        for (int n = Pick(4), i = 0; i < n; i++) s += (i ? "," : "") + Value(depth + 1);
        return s + "]";
      }
    }
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  std::string Number() {
    static const char* const kNumbers[] = {"0", "-0", "0.0", "-0.00", "1", "1.0", "1.50", "12.500", "-3", "100",
                                           "2e3", "1.5E-2", "123456789012345678901234567890", "0.000001"};
    return kNumbers[Pick(sizeof kNumbers / sizeof *kNumbers)];
  }
  std::string String() {
    static const char* const kPieces[] = {"a", "b", "type", "user", "id", "\\\"", "\\\\", "\\n", "\\t", "\\u0001",
                                          "\\u00e9", "\\ud83d\\ude00", "é", "/", "\\/", " ", ""};
    std::string s = "\"";
    for (int n = Pick(4), i = 0; i < n; i++) s += kPieces[Pick(sizeof kPieces / sizeof *kPieces)];
    return s + "\"";
  }
  std::mt19937 rng_;
};

}  // namespace tusk
