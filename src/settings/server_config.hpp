// The server's values of every setting: the defaults overlaid by postgresql.auto.conf, the file
// ALTER SYSTEM writes in the data directory. The file is read when the server starts and again
// by pg_reload_conf(); a reload applies what may change while running and marks the rest as
// pending a restart. Sessions read the values through a shared, immutable snapshot and take a
// new one when the generation changes.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace tusk {

// Setting name -> value; looked up by std::string_view without building a string.
using SettingValues = std::map<std::string, std::string, std::less<>>;

struct ServerSettings {
  SettingValues values;                         // lower-case name -> value as SHOW prints it
  std::map<std::string, int> from_file;         // names the file set -> line number
  std::set<std::string> pending_restart;        // changed in the file, applied only by a restart
  std::string file;                             // the file's path
};

class ServerConfig {
 public:
  // Reads DATA_DIR/postgresql.auto.conf if it exists; entries that name no setting or hold an
  // invalid value are skipped (and reported on stderr), as PostgreSQL does.
  explicit ServerConfig(const std::string& data_dir);

  std::shared_ptr<const ServerSettings> Current() const;
  // Changes whenever Current() does.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  // ALTER SYSTEM SET (value) / RESET (nullopt); name "all" with nullopt is RESET ALL. Checks the
  // name and value as PostgreSQL does and rewrites the file; running values change only at the
  // next Reload().
  void AlterSystem(const std::string& name, const std::optional<std::string>& value);
  // pg_reload_conf(): rereads the file and applies it.
  void Reload();

 private:
  std::map<std::string, std::string> ReadFile() const;  // name as written -> value as written
  void WriteFile(const std::map<std::string, std::string>& entries) const;
  void Apply(bool at_start);

  std::string path_;
  mutable std::mutex mu_;
  std::map<std::string, std::string> started_with_;  // postmaster settings' values at start
  std::shared_ptr<const ServerSettings> current_;
  std::atomic<uint64_t> generation_{1};
};

}  // namespace tusk
