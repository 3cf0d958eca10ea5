// The server log's statement lines: log_min_duration_statement writes each statement that ran
// at least that long (0: every one; -1: none) to stderr, as PostgreSQL's log does
// ("LOG:  duration: 1002.311 ms  statement: SELECT ...").
#pragma once
#include <chrono>
#include <string>

namespace tusk {

class Session;

// Writes one line to the server log (stderr) with PostgreSQL's default log_line_prefix,
// "%m [%p] ": "2026-12-07 11:03:39.120 UTC [1042] LOG:  <message>".
void LogLine(int pid, const std::string& message);

class StatementTimer {
 public:
  StatementTimer() : start_(std::chrono::steady_clock::now()) {}
  // Writes the line if the session's log_min_duration_statement asks for it. `what` is
  // "statement" for a simple query, "execute <name>" for the extended protocol.
  void Finish(const Session& session, const char* what, const std::string& text) const;

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace tusk
