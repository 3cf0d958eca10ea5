#include "server/supervisor.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "server/crash_trace.hpp"

namespace tusk {

namespace {

volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_stop_signal = 0;
int g_ready_fd = -1;  // in the child: the pipe NotifySupervisorReady writes to

void PassOn(int sig) {
  g_stop_signal = sig;
  if (g_child > 0) kill(g_child, sig);
}

void Log(const std::string& line) {
  std::fprintf(stderr, "tusk: %s\n", line.c_str());
  std::fflush(stderr);
}

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = PassOn;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: the waits below see EINTR and look at g_stop_signal
  for (int sig : {SIGTERM, SIGINT, SIGQUIT}) sigaction(sig, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

[[noreturn]] void RunChild(const std::function<int()>& serve, pid_t supervisor, int trace_fd, int ready_fd) {
  // Die with the supervisor, even when it is killed with SIGKILL and cannot pass anything on.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != supervisor) _exit(1);
  for (int sig : {SIGTERM, SIGINT, SIGQUIT}) signal(sig, SIG_DFL);
  g_ready_fd = ready_fd;
  InstallCrashTrace(trace_fd);
  int status = serve();
  std::fflush(nullptr);
  _exit(status);
}

// Reads the child's "ready" byte; false when the child died first (the pipe reached its end).
bool WaitUntilReady(int fd) {
  char c;
  for (;;) {
    ssize_t r = read(fd, &c, 1);
    if (r >= 0) return r == 1;
    if (errno != EINTR) return false;
  }
}

int WaitForExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

void NotifySupervisorReady() {
  if (g_ready_fd < 0) return;
  (void)!write(g_ready_fd, "R", 1);
  close(g_ready_fd);
  g_ready_fd = -1;
}

int RunSupervised(const std::function<int()>& serve) {
  InstallStopHandlers();
  using Clock = std::chrono::steady_clock;
  Clock::time_point crashed_at{};
  bool restarting = false;
  for (;;) {
    int trace[2], ready[2];
    if (pipe2(trace, O_CLOEXEC) < 0 || pipe2(ready, O_CLOEXEC) < 0) {
      Log(std::string("could not create a pipe: ") + strerror(errno));
      return 1;
    }
    pid_t supervisor = getpid();
    pid_t pid = fork();
    if (pid < 0) {
      Log(std::string("could not start the server process: ") + strerror(errno));
      return 1;
    }
    if (pid == 0) {
      close(trace[0]);
      close(ready[0]);
      RunChild(serve, supervisor, trace[1], ready[1]);
    }
    g_child = pid;
    close(trace[1]);
    close(ready[1]);
    if (g_stop_signal) kill(pid, g_stop_signal);  // a stop that came while forking
    bool ready_seen = WaitUntilReady(ready[0]);
    if (ready_seen && restarting) {
      double seconds = std::chrono::duration<double>(Clock::now() - crashed_at).count();
      char text[160];
      std::snprintf(text, sizeof text, "server process (pid %d) accepts connections again, %.2f s after the crash", pid, seconds);
      Log(text);
    }
    int status = WaitForExit(pid);
    g_child = 0;
    close(ready[0]);
    if (WIFEXITED(status) || g_stop_signal) {
      close(trace[0]);
      return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    }
    crashed_at = Clock::now();
    int sig = WTERMSIG(status);
    Log("server process (pid " + std::to_string(pid) + ") was terminated by signal " + std::to_string(sig) + ": " + strsignal(sig));
    std::vector<std::string> stack = ReadCrashTrace(trace[0]);
    close(trace[0]);
    if (!stack.empty()) {
      Log("stack of the crashed thread, innermost first:");
      for (size_t i = 0; i < stack.size(); i++) std::fprintf(stderr, "  #%-2zu %s\n", i, stack[i].c_str());
    }
    if (!ready_seen) {
      Log("the server process died before it finished starting (during recovery); not restarting it");
      return 1;
    }
    Log("terminated every connection; restarting the server process, whose recovery brings back every committed transaction");
    restarting = true;
  }
}

}  // namespace tusk
