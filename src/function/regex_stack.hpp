// std::regex matches by recursion, a few frames for every character it steps over: a text of a
// few ten thousand characters overflows a session thread's 8 MB stack and kills the server
// (SELECT repeat('ab', 200000) ~ '^(a|b)*$'). RunOnRegexStack runs a match on a thread whose
// stack is sized for the text; short texts run where they are. Used by regex_engine.cpp.
#pragma once
#include <cstddef>
#include <functional>

namespace tusk {

// Runs fn on a stack large enough to match a text of text_len bytes; fn's exception, if any,
// is rethrown here. A text too long for any stack we give is 54001.
void RunOnRegexStack(size_t text_len, const std::function<void()>& fn);

}  // namespace tusk
