#include "engine/statement_log.hpp"

#include <cstdio>
#include <ctime>

#include "common/strings.hpp"
#include "engine/session.hpp"

namespace tusk {

void LogLine(int pid, const std::string& message) {
  auto now = std::chrono::system_clock::now();
  std::time_t secs = std::chrono::system_clock::to_time_t(now);
  int millis = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
  std::fprintf(stderr, "%s.%03d UTC [%d] LOG:  %s\n", stamp, millis, pid, message.c_str());
  std::fflush(stderr);
}

void StatementTimer::Finish(const Session& session, const char* what, const std::string& text) const {
  const std::string& setting = session.Setting("log_min_duration_statement");
  if (setting.empty() || setting == "-1") return;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  if (ms < static_cast<double>(ParseDurationMs(setting))) return;
  char line[64];
  std::snprintf(line, sizeof line, "duration: %.3f ms  ", ms);
  LogLine(session.pid(), line + std::string(what) + ": " + text);
}

}  // namespace tusk
