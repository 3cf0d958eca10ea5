// tusk serve: the PostgreSQL-protocol server.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/database.hpp"
#include "execution/memory.hpp"
#include "server/server.hpp"
#include "server/supervisor.hpp"
#include "tools/commands.hpp"

namespace tusk {

namespace {
const char* kServeHelp =
    "Usage: tusk serve [--data DIR] [--port N] [--listen ADDR] [--cache-size SIZE]\n"
    "                  [--memory-limit SIZE] [--no-supervisor]\n"
    "\n"
    "Runs the Tusk server, speaking the PostgreSQL v3 protocol.\n"
    "\n"
    "Options:\n"
    "  --data DIR          data directory, created when missing (default ./tusk-data)\n"
    "  --port N            TCP port (default 5433)\n"
    "  --listen ADDR       address to listen on (default 127.0.0.1; * for all)\n"
    "  --cache-size SIZE   memory for cached data blocks, the role of PostgreSQL's\n"
    "                      shared_buffers (default 128MB; units kB, MB, GB); half as\n"
    "                      much again keeps rows that index scans fetched\n"
    "  --memory-limit SIZE memory all running statements may hold together (sorts, hash\n"
    "                      tables, ...); past it a statement fails with 53200 \"out of memory\"\n"
    "                      (default half of the machine's memory; 0 for no limit)\n"
    "  --no-supervisor     run the database in this process; by default a supervisor\n"
    "                      process restarts it after a crash, as PostgreSQL's postmaster\n"
    "  --help              show this help\n"
    "\n"
    "Roles: the built-in superuser \"postgres\" connects without a password until you set one\n"
    "(ALTER ROLE postgres PASSWORD '...'); roles with a password use SCRAM-SHA-256.\n";

Server* g_server = nullptr;
void OnSignal(int) {
  if (g_server) g_server->Stop();
}
}  // namespace

int ServeCommand(int argc, char** argv) {
  std::string data = "./tusk-data";
  ServerOptions opts;
  size_t cache_bytes = Store::kDefaultCacheBytes;
  bool supervised = true;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "tusk serve: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") { std::fputs(kServeHelp, stdout); return 0; }
    else if (a == "--data" || a == "-D") data = value("--data");
    else if (a == "--port" || a == "-p") {
      std::string v = value("--port");
      char* end;
      long p = std::strtol(v.c_str(), &end, 10);
      if (*end || p < 1 || p > 65535) { std::fprintf(stderr, "tusk serve: invalid port \"%s\"\n", v.c_str()); return 2; }
      opts.port = static_cast<int>(p);
    } else if (a == "--listen") opts.listen = value("--listen");
    else if (a == "--cache-size") {
      std::string v = value("--cache-size");
      int64_t bytes = ParseMemoryBytes(v);
      if (bytes < 1 << 20) { std::fprintf(stderr, "tusk serve: invalid cache size \"%s\" (at least 1MB, e.g. 512MB or 2GB)\n", v.c_str()); return 2; }
      cache_bytes = static_cast<size_t>(bytes);
    } else if (a == "--memory-limit") {
      std::string v = value("--memory-limit");
      int64_t bytes = v == "0" ? 0 : ParseMemoryBytes(v);
      if (bytes < 0 || (bytes > 0 && bytes < 1 << 20)) {
        std::fprintf(stderr, "tusk serve: invalid memory limit \"%s\" (0, or at least 1MB, e.g. 4GB)\n", v.c_str());
        return 2;
      }
      SetServerMemoryLimit(bytes);
    } else if (a == "--no-supervisor") supervised = false;
    else { std::fprintf(stderr, "tusk serve: unknown option \"%s\"\n\n%s", a.c_str(), kServeHelp); return 2; }
  }
  try {
    int listen_fd = OpenListenSocket(opts);
    auto serve = [&]() -> int {
      try {
        auto db = Database::Open(data, cache_bytes);
        Server server(db.get(), opts);
        server.ListenOn(listen_fd);
        db->StartPartitionMaintenance();
        g_server = &server;
        std::signal(SIGINT, OnSignal);
        std::signal(SIGTERM, OnSignal);
        std::signal(SIGPIPE, SIG_IGN);
        NotifySupervisorReady();
        std::fprintf(stderr, "tusk: serving %s on %s:%d (psql -h %s -p %d -U postgres)\n", data.c_str(), opts.listen.c_str(), opts.port,
                     opts.listen == "*" ? "127.0.0.1" : opts.listen.c_str(), opts.port);
        server.Run();
        std::fprintf(stderr, "tusk: shutting down\n");
        g_server = nullptr;
        db->SaveSequences();
        // Connection threads may still hold the database; exit without tearing it down under them.
        std::fflush(stderr);
        std::_Exit(0);
      } catch (const Error& e) {
        std::fprintf(stderr, "tusk serve: %s\n", e.what());
        return 1;
      }
    };
    return supervised ? RunSupervised(serve) : serve();
  } catch (const Error& e) {
    std::fprintf(stderr, "tusk serve: %s\n", e.what());
    return 1;
  }
}

}  // namespace tusk
