// tusk — a PostgreSQL-compatible database in one binary.
#include <cstdio>
#include <cstring>
#include <string>

#include "tools/commands.hpp"

namespace {
const char* kHelp =
    "tusk — a PostgreSQL-compatible SQL database\n"
    "\n"
    "Usage:\n"
    "  tusk serve [--data DIR] [--port N] [--listen ADDR]   run the server (PostgreSQL protocol)\n"
    "  tusk shell DIR                                       interactive SQL on a data directory\n"
    "  tusk --version                                       print the version\n"
    "  tusk COMMAND --help                                  help for one command\n"
    "\n"
    "Connect to a running server with any PostgreSQL client, for example:\n"
    "  psql -h 127.0.0.1 -p 5433 -U postgres\n";
}

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::fputs(kHelp, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "-V") {
    std::puts("tusk 0.1 (PostgreSQL 15 compatible)");
    return 0;
  }
  if (cmd == "serve") return tusk::ServeCommand(argc - 1, argv + 1);
  if (cmd == "shell") return tusk::ShellCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "tusk: unknown command \"%s\"\n\n%s", cmd.c_str(), kHelp);
  return 2;
}
