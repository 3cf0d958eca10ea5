// The supervisor, the role of PostgreSQL's postmaster: `tusk serve` runs the database in a child
// process and outlives it. When the child dies of a signal (a crash, the kernel's OOM killer),
// the supervisor logs the signal and the child's stack, and starts a new child: recovery
// (RocksDB's WAL replay) brings back every committed transaction, clients reconnect. Connections
// that arrive meanwhile wait in the listening socket's queue, which the supervisor holds.
#pragma once
#include <functional>

namespace tusk {

// Runs `serve` in a child process until it exits normally, restarting it after each death by
// a signal; returns the exit status to leave with. SIGTERM / SIGINT / SIGQUIT are passed on
// to the child. A child that dies before it called NotifySupervisorReady (during recovery) is
// not restarted: it would die again the same way.
int RunSupervised(const std::function<int()>& serve);

// In the child: recovery is done and connections are accepted. Does nothing unsupervised.
void NotifySupervisorReady();

}  // namespace tusk
