// A parsed argument that is usually the same from call to call — a query's constant re-checked
// against each candidate row (`payload @> '{...}'`, `doc @@ '$.a == 1'`) — is parsed once: the
// last text parsed and its result are kept per thread and per parse function, and compared with
// the next text before parsing it again.
#pragma once
#include <string>
#include <string_view>

namespace tusk {

// The reference is good until the next call with the same Parse.
template <class T, T (*Parse)(std::string_view)>
const T& ParseRepeated(const std::string& text) {
  thread_local std::string last_text;
  thread_local T last;
  thread_local bool parsed = false;
  if (!parsed || text != last_text) {
    parsed = false;
    last = Parse(text);  // may throw: nothing is kept then
    last_text = text;
    parsed = true;
  }
  return last;
}

}  // namespace tusk
