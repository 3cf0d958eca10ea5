// The stack of a crashing server process, told by the supervisor that outlives it.
//
// The server process (the supervisor's child) catches the signals of a crash (SIGSEGV, SIGBUS,
// SIGILL, SIGFPE, SIGABRT), writes the raw return addresses of the crashing thread to a pipe and
// dies of the same signal. Naming those addresses takes memory allocation and a helper process,
// neither safe inside a signal handler, so the supervisor does it after the death: a child forked
// without exec has the supervisor's own address layout, so the addresses mean the same there.
#pragma once
#include <string>
#include <vector>

namespace tusk {

// In the server process: on a crash, write the crashing thread's stack to `fd`. Does nothing in
// sanitizer builds, whose own reports are better.
void InstallCrashTrace(int fd);

// In the supervisor: reads what the dead process wrote to the pipe's other end (nonblocking) and
// returns one line per frame, innermost first ("tusk::Foo::Bar(int) (tusk+0x1a2b3c)"), or
// nothing when the process died without writing (SIGKILL, or a stack overflow: the handler has no
// stack left to run on).
std::vector<std::string> ReadCrashTrace(int fd);

}  // namespace tusk
