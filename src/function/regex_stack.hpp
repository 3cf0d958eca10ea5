// std::regex matches by recursion, a few frames for every character it steps over: a text of a
// few ten thousand characters overflows a session thread's 8 MB stack and kills the server
// (SELECT repeat('ab', 200000) ~ '^(a|b)*$'). OnRegexStack runs a match on a thread whose
// stack is sized for the text; short texts run where they are.
#pragma once
#include <cstddef>
#include <functional>
#include <utility>

namespace tusk {

// Runs fn on a stack large enough to match a text of text_len bytes; fn's exception, if any,
// is rethrown here. A text too long for any stack we give is 54001.
void RunOnRegexStack(size_t text_len, const std::function<void()>& fn);

template <class F>
auto OnRegexStack(size_t text_len, F&& f) -> decltype(f()) {
  decltype(f()) result{};
  RunOnRegexStack(text_len, [&] { result = f(); });
  return result;
}

}  // namespace tusk
